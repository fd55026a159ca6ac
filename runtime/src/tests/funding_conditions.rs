//! The committed funding-conditions contract (`contracts/artifacts/`) on the
//! runtime's pallet-revive, asked through [`FundingConditionsAdapter`]:
//! every condition allows a compliant payout and denies its violation with
//! the condition's reason code; every failure is a typed error that changes
//! no state; only finance officers of active organisations upload and
//! instantiate code (the call filter's part, approved code only, is tested
//! in `governance`).

use codec::Encode;
use frame_support::{assert_noop, traits::fungible::InspectHold, weights::Weight};
use pallet_revive::{Code, ExecConfig, TransactionLimits, H160, H256, U256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BoundedVec, DispatchError, Permill, StateVersion};

use civitas_primitives::{
	conditions::{SELECTOR_CHECK, SELECTOR_CONDITIONS, SELECTOR_NEW},
	AgreementId, CheckOutcome, Conditions, ConditionsError, Decision, DenyReason,
	DisbursementQuery, DocumentKind, FunderPart, FunderShare, FundingConditions, Moment,
	OrganisationId, PayoutDeadline,
};

use super::configuration::state_of;
use crate::{
	configs::contracts::FundingConditionsAdapter, genesis_config_presets, AccountId, Balance,
	Balances, Revive, Runtime, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System, CIV,
};

/// The contract as committed: what the build check reproduces from source.
const CODE: &[u8] = include_bytes!("../../../contracts/artifacts/funding_conditions.polkavm");
/// Its code hash as recorded next to it.
const CODE_HASH: &str = include_str!("../../../contracts/artifacts/funding_conditions.codehash");
/// Its metadata (ABI with selectors, and the code hash).
const METADATA: &str = include_str!("../../../contracts/artifacts/funding_conditions.json");

const AGREEMENT: AgreementId = 1;
const CITY_A: OrganisationId = 1;
const CITY_B: OrganisationId = 2;
const BANK: OrganisationId = 3;
const INVOICE: DocumentKind = 3;
const REPORT: DocumentKind = 5;
const DAY: Moment = 86_400_000;
/// 2026-01-01T00:00:00Z.
const DUE: Moment = 1_767_225_600_000;

/// What a payout may spend asking its contract: 10 ms of compute, 256 KiB
/// of proof. The ledger will charge it up front and refund the unused part.
fn check_limit() -> Weight {
	Weight::from_parts(10_000_000_000, 256 * 1024)
}

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}

fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

/// The demo court of auditors' admin: a member of an organisation, but no
/// finance officer.
fn ferdie() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}

/// Every condition set: ≤ 1M a payout, ≤ 3M in all, the bank ≥ 20 %,
/// public funders ≥ 50 %, 5 % retention, no payout 100 + 30 days after the
/// due date, 0.1 % penalty a day late, an invoice and a report required.
fn conditions() -> Conditions {
	Conditions {
		agreement: AGREEMENT,
		max_single_payout: Some(1_000_000),
		cumulative_cap: Some(3_000_000),
		min_funder_shares: BoundedVec::truncate_from(vec![FunderShare {
			funder: BANK,
			min_share: Permill::from_percent(20),
		}]),
		min_public_share: Some(Permill::from_percent(50)),
		retention: Some(Permill::from_percent(5)),
		payout_deadline: Some(PayoutDeadline { end_date: DUE + 100 * DAY, grace: 30 * DAY }),
		late_penalty_per_day: Some(Permill::from_parts(1_000)),
		required_evidence: BoundedVec::truncate_from(vec![INVOICE, REPORT]),
	}
}

/// A payout meeting every condition: 1M on its due date, split 500k / 300k
/// (public cities) and 200k (private bank), 5 % retained, both documents.
fn compliant_query() -> DisbursementQuery<AccountId> {
	DisbursementQuery {
		agreement: AGREEMENT,
		milestone: 0,
		payee: bob(),
		gross: 1_000_000,
		penalty: 0,
		retention: 50_000,
		paid_to_date: 0,
		split: BoundedVec::truncate_from(vec![
			FunderPart { funder: CITY_A, public: true, amount: 500_000 },
			FunderPart { funder: CITY_B, public: true, amount: 300_000 },
			FunderPart { funder: BANK, public: false, amount: 200_000 },
		]),
		due_date: DUE,
		payment_date: DUE,
		late_by: 0,
		evidence: BoundedVec::truncate_from(vec![INVOICE, REPORT]),
	}
}

/// The development chain's state at block 1.
fn dev_chain() -> sp_io::TestExternalities {
	let mut ext = state_of(genesis_config_presets::development());
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn state_root() -> Vec<u8> {
	sp_io::storage::root(StateVersion::V1)
}

fn upload(who: AccountId) -> Result<H256, DispatchError> {
	Revive::bare_upload_code(RuntimeOrigin::signed(who), CODE.to_vec(), 1_000 * CIV)
		.map(|uploaded| uploaded.code_hash)
}

/// Instantiates the uploaded code with `conditions`; returns its address.
fn instantiate(who: AccountId, conditions: &Conditions) -> Result<H160, DispatchError> {
	let mut input = SELECTOR_NEW.to_vec();
	conditions.encode_to(&mut input);
	let output = Revive::bare_instantiate(
		RuntimeOrigin::signed(who),
		U256::zero(),
		TransactionLimits::WeightAndDeposit {
			weight_limit: Weight::from_parts(100_000_000_000, 2 * 1024 * 1024),
			deposit_limit: 1_000 * CIV,
		},
		Code::Existing(code_hash()),
		input,
		None,
		&ExecConfig::new_substrate_tx(),
	);
	let returned = output.result?;
	if returned.result.did_revert() {
		return Err(pallet_revive::Error::<Runtime>::ContractReverted.into());
	}
	Ok(returned.addr)
}

/// Uploads and instantiates the contract with [`conditions`] as Alice, a
/// finance officer of Northbridge.
fn deployed() -> H160 {
	upload(alice()).expect("a finance officer uploads");
	instantiate(alice(), &conditions()).expect("valid conditions instantiate")
}

fn code_hash() -> H256 {
	H256(sp_io::hashing::keccak_256(CODE))
}

fn ask(contract: H160, query: &DisbursementQuery<AccountId>) -> CheckOutcome {
	FundingConditionsAdapter::check(contract, code_hash(), query, check_limit())
}

fn decision(contract: H160, query: &DisbursementQuery<AccountId>) -> Decision {
	let outcome = ask(contract, query);
	assert!(
		outcome.weight_used.all_lte(check_limit() + FundingConditionsAdapter::lookup_weight()),
		"weight used {:?} is within the limit",
		outcome.weight_used
	);
	outcome.result.expect("the contract answers")
}

#[test]
fn committed_code_hash_matches_committed_code() {
	assert_eq!(format!("{:?}", code_hash()), CODE_HASH.trim());
}

#[test]
fn selectors_match_the_contract_metadata() {
	let metadata: serde_json::Value =
		serde_json::from_str(METADATA).expect("the committed metadata is JSON");
	let selector = |kind: &str, label: &str| -> String {
		let entries = metadata["spec"][kind].as_array().expect("a list of entries");
		let entry = entries.iter().find(|entry| entry["label"] == label).expect("entry present");
		entry["selector"].as_str().expect("a selector").to_owned()
	};
	let hex = |bytes: [u8; 4]| {
		format!("0x{:02x}{:02x}{:02x}{:02x}", bytes[0], bytes[1], bytes[2], bytes[3])
	};
	assert_eq!(selector("constructors", "new"), hex(SELECTOR_NEW));
	assert_eq!(selector("messages", "conditions"), hex(SELECTOR_CONDITIONS));
	assert_eq!(selector("messages", "check"), hex(SELECTOR_CHECK));
	assert_eq!(metadata["source"]["hash"].as_str(), Some(CODE_HASH.trim()));
}

#[test]
fn a_finance_officer_uploads_and_instantiates_with_a_deposit() {
	dev_chain().execute_with(|| {
		let free_before = Balances::free_balance(alice());
		let uploaded =
			Revive::bare_upload_code(RuntimeOrigin::signed(alice()), CODE.to_vec(), 1_000 * CIV)
				.expect("a finance officer uploads");
		assert_eq!(uploaded.code_hash, code_hash());
		// The deposit covers the code's bytes at 0.001 CIV each; pallet-revive
		// moves it from the uploader and holds it until the code is removed.
		assert!(uploaded.deposit >= CODE.len() as Balance * crate::MILLI_CIV);
		assert_eq!(Balances::free_balance(alice()), free_before - uploaded.deposit);
		let held = Balances::balance_on_hold(
			&RuntimeHoldReason::Revive(pallet_revive::HoldReason::CodeUploadDepositReserve),
			&Revive::account_id(),
		);
		assert_eq!(held, uploaded.deposit);

		let contract = instantiate(alice(), &conditions()).expect("instantiates");
		assert_eq!(
			pallet_revive::AccountInfo::<Runtime>::load_contract(&contract).map(|c| c.code_hash),
			Some(code_hash())
		);
	});
}

#[test]
fn others_may_neither_upload_nor_instantiate() {
	dev_chain().execute_with(|| {
		let before = state_root();
		assert_eq!(upload(ferdie()), Err(DispatchError::BadOrigin));
		assert_eq!(state_root(), before);

		upload(alice()).expect("a finance officer uploads");
		let before = state_root();
		assert_eq!(instantiate(ferdie(), &conditions()), Err(DispatchError::BadOrigin));
		assert_eq!(state_root(), before);

		// A suspended organisation's finance officer (Bob, Southport) neither.
		frame_support::assert_ok!(crate::Registry::suspend(RuntimeOrigin::root(), 1));
		let before = state_root();
		assert_eq!(upload(bob()), Err(DispatchError::BadOrigin));
		assert_eq!(instantiate(bob(), &conditions()), Err(DispatchError::BadOrigin));
		assert_eq!(state_root(), before);
	});
}

#[test]
fn upload_extrinsic_by_others_fails_and_changes_nothing() {
	dev_chain().execute_with(|| {
		assert_noop!(
			Revive::upload_code(RuntimeOrigin::signed(ferdie()), CODE.to_vec(), 1_000 * CIV),
			DispatchError::BadOrigin
		);
		// Root cannot pay the code deposit, so even sudo must sign itself.
		assert_noop!(
			Revive::upload_code(RuntimeOrigin::root(), CODE.to_vec(), 1_000 * CIV),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn inconsistent_conditions_are_refused_at_instantiation() {
	dev_chain().execute_with(|| {
		upload(alice()).expect("a finance officer uploads");
		let mut duplicated = conditions();
		duplicated.min_funder_shares = BoundedVec::truncate_from(vec![
			FunderShare { funder: BANK, min_share: Permill::from_percent(10) },
			FunderShare { funder: BANK, min_share: Permill::from_percent(10) },
		]);
		let before = state_root();
		assert_eq!(
			instantiate(alice(), &duplicated),
			Err(pallet_revive::Error::<Runtime>::ContractReverted.into())
		);
		assert_eq!(state_root(), before);
	});
}

#[test]
fn compliant_payout_is_allowed_and_the_decision_emitted() {
	dev_chain().execute_with(|| {
		let contract = deployed();
		System::reset_events();
		assert_eq!(decision(contract, &compliant_query()), Decision::Allow);
		let emitted = System::events().into_iter().any(|record| {
			matches!(
				record.event,
				RuntimeEvent::Revive(pallet_revive::Event::ContractEmitted { contract: c, .. })
					if c == contract
			)
		});
		assert!(emitted, "the contract emits its decision");
	});
}

#[test]
fn each_violation_is_denied_with_its_reason() {
	type Mutation = fn(&mut DisbursementQuery<AccountId>);
	let cases: Vec<(&str, Mutation, DenyReason)> = vec![
		("another agreement", |q| q.agreement = AGREEMENT + 1, DenyReason::WrongAgreement),
		("split short of gross", |q| q.split[2].amount -= 1, DenyReason::InconsistentAmounts),
		(
			"after end date plus grace",
			|q| {
				q.payment_date = DUE + 130 * DAY + 1;
				q.penalty = 130_000;
			},
			DenyReason::PastPayoutDeadline,
		),
		(
			"above the single payout limit",
			|q| {
				q.gross += 1;
				q.split[0].amount += 1;
			},
			DenyReason::AboveSinglePayoutLimit,
		),
		(
			"above the cumulative cap",
			|q| q.paid_to_date = 2_000_001,
			DenyReason::AboveCumulativeCap,
		),
		(
			"a required document missing",
			|q| q.evidence = BoundedVec::truncate_from(vec![INVOICE]),
			DenyReason::MissingEvidence(REPORT),
		),
		(
			"the bank below its share",
			|q| {
				q.split[2].amount -= 1;
				q.split[0].amount += 1;
			},
			DenyReason::FunderShareTooLow(BANK),
		),
		(
			"public funders below their share",
			|q| {
				q.split[1].public = false;
				q.split[0].amount -= 1;
				q.split[2].amount += 1;
			},
			DenyReason::PublicShareTooLow,
		),
		("retention below 5 %", |q| q.retention -= 1, DenyReason::RetentionTooLow),
		(
			"late without penalty",
			|q| {
				(q.payment_date, q.late_by) = (DUE + 2 * DAY, 2 * DAY);
				q.penalty = 1_999;
			},
			DenyReason::PenaltyTooLow,
		),
	];
	dev_chain().execute_with(|| {
		let contract = deployed();
		for (case, mutate, reason) in cases {
			let mut query = compliant_query();
			mutate(&mut query);
			assert_eq!(decision(contract, &query), Decision::Deny(reason), "{case}");
		}
	});
}

#[test]
fn boundaries_of_each_condition_are_allowed() {
	type Mutation = fn(&mut DisbursementQuery<AccountId>);
	let cases: Vec<(&str, Mutation)> = vec![
		("exactly the cumulative cap", |q| q.paid_to_date = 2_000_000),
		("on the last day of grace", |q| {
			(q.payment_date, q.late_by) = (DUE + 130 * DAY, 130 * DAY);
			q.penalty = 130_000;
		}),
		("late with the penalty owed", |q| {
			(q.payment_date, q.late_by) = (DUE + 2 * DAY, 2 * DAY);
			q.penalty = 2_000;
		}),
		("paid a month late, delivered on time: no penalty", |q| {
			q.payment_date = DUE + 30 * DAY;
		}),
		("public funders exactly at their share", |q| q.split[1].public = false),
		("more retention than the minimum", |q| q.retention = 60_000),
	];
	dev_chain().execute_with(|| {
		let contract = deployed();
		for (case, mutate) in cases {
			let mut query = compliant_query();
			mutate(&mut query);
			assert_eq!(decision(contract, &query), Decision::Allow, "{case}");
		}
	});
}

#[test]
fn conditions_read_back_as_given() {
	dev_chain().execute_with(|| {
		let contract = deployed();
		let output = Revive::bare_call(
			RuntimeOrigin::signed(alice()),
			contract,
			U256::zero(),
			TransactionLimits::WeightAndDeposit { weight_limit: check_limit(), deposit_limit: 0 },
			SELECTOR_CONDITIONS.to_vec(),
			&ExecConfig::new_substrate_tx(),
		);
		let data = output.result.expect("the getter answers").data;
		let read: Result<Conditions, u8> =
			codec::Decode::decode(&mut &data[..]).expect("ink! returns Result<Conditions, _>");
		assert_eq!(read, Ok(conditions()));
	});
}

#[test]
fn unknown_contract_is_a_typed_error_and_changes_nothing() {
	dev_chain().execute_with(|| {
		deployed();
		let before = state_root();
		let outcome = ask(H160::repeat_byte(0x42), &compliant_query());
		assert_eq!(outcome.result, Err(ConditionsError::NoContract));
		assert_eq!(outcome.weight_used, FundingConditionsAdapter::lookup_weight());
		assert_eq!(state_root(), before);
	});
}

#[test]
fn wrong_code_hash_is_a_typed_error_and_changes_nothing() {
	dev_chain().execute_with(|| {
		let contract = deployed();
		let before = state_root();
		let expected = H256::repeat_byte(0x11);
		let outcome =
			FundingConditionsAdapter::check(contract, expected, &compliant_query(), check_limit());
		assert_eq!(
			outcome.result,
			Err(ConditionsError::CodeHashMismatch { expected, found: code_hash() })
		);
		assert_eq!(state_root(), before);
	});
}

#[test]
fn malformed_input_is_a_typed_error_and_changes_nothing() {
	dev_chain().execute_with(|| {
		let contract = deployed();
		let before = state_root();
		// A query whose first co-funder's `public` flag is 2, not a bool.
		let mut input = FundingConditionsAdapter::check_input(&compliant_query());
		let public_flag = 4 + 4 + 4 + 32 + 4 * 16 + 1 + 4;
		assert_eq!(input[public_flag], 1, "the flag's offset in the encoding");
		input[public_flag] = 2;
		let outcome = FundingConditionsAdapter::call(contract, code_hash(), input, check_limit());
		assert_eq!(outcome.result, Err(ConditionsError::InputRejected));
		assert_eq!(state_root(), before);

		// An unknown message selector.
		let outcome =
			FundingConditionsAdapter::call(contract, code_hash(), vec![0, 1, 2, 3], check_limit());
		assert_eq!(outcome.result, Err(ConditionsError::InputRejected));
		assert_eq!(state_root(), before);

		// A message whose answer is not a decision.
		let outcome = FundingConditionsAdapter::call(
			contract,
			code_hash(),
			SELECTOR_CONDITIONS.to_vec(),
			check_limit(),
		);
		assert_eq!(outcome.result, Err(ConditionsError::UndecodableOutput));
	});
}

#[test]
fn too_little_weight_is_a_typed_error_and_bounded() {
	dev_chain().execute_with(|| {
		let contract = deployed();
		let before = state_root();
		let limit = Weight::from_parts(1_000_000, 4 * 1024);
		let outcome =
			FundingConditionsAdapter::check(contract, code_hash(), &compliant_query(), limit);
		assert_eq!(outcome.result, Err(ConditionsError::OutOfWeight));
		assert!(outcome.weight_used.all_lte(limit + FundingConditionsAdapter::lookup_weight()));
		assert_eq!(state_root(), before);
	});
}

#[test]
fn a_check_costs_a_small_part_of_a_block() {
	dev_chain().execute_with(|| {
		let contract = deployed();
		let outcome = ask(contract, &compliant_query());
		assert_eq!(outcome.result, Ok(Decision::Allow));
		// Measured: 0.36 ms of compute and 23 KiB of proof, against a block's
		// 2 s. The bound (2 ms, 64 KiB) catches a contract that grew a loop
		// or reads much more state, and stays well inside `check_limit()`.
		let bound = Weight::from_parts(2_000_000_000, 64 * 1024);
		assert!(outcome.weight_used.all_lte(bound), "a check used {:?}", outcome.weight_used);
		let max_block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(check_limit().all_lte(max_block / 100));
	});
}
