//! A property test over random sequences of ledger calls across every
//! ledger pallet (registry, agreements, pools, disbursements, with the
//! audit trail and the real contract): every invariant holds after every
//! step, a refused step changes nothing, and money is conserved.

use crate::{mock::*, Disbursements as Payouts, MilestoneStatus, Milestones, Verdict};
use civitas_primitives::PaidSoFar;
use frame_support::{pallet_prelude::DispatchResult, traits::fungible::Inspect, BoundedVec};
use pallet_civitas_pools::{Minimum, Requirement};
use proptest::prelude::*;
use sp_runtime::{Permill, StateVersion};

/// Co-funders' finance officers, who pledge.
const PLEDGERS: [AccountId; 3] = [ALICE, BOB, DAVE];

/// Members who may (or may not) judge milestones.
const JUDGES: [AccountId; 7] = [EVE, ERIN, ANNA, BOB, ALICE, DAVE, CHARLIE];

/// One step of a random sequence.
#[derive(Clone, Debug)]
enum Step {
	Pledge {
		who: usize,
		amount: u32,
	},
	Withdraw {
		who: usize,
	},
	ReopenPool,
	Expire,
	Submit {
		milestone: u32,
		invoice: u8,
		claire: bool,
	},
	Judge {
		who: usize,
		milestone: u32,
		verdict: u8,
	},
	/// Evidence and two verdicts in a row (a batch: all or nothing).
	Review {
		milestone: u32,
		verdict: u8,
	},
	Disburse {
		milestone: u32,
	},
	/// Governance rules on a contested milestone (the current round).
	RuleContest {
		milestone: u32,
		met: bool,
	},
	OpenRecovery {
		disbursement: u32,
		amount: u32,
	},
	Repay {
		recovery: u32,
		amount: u32,
	},
	CancelRecovery {
		recovery: u32,
		unfounded: bool,
	},
	Dispute,
	Resolve {
		unfounded: bool,
	},
	Suspend,
	Resume,
	Complete,
	Terminate,
	Settle,
	Time {
		days: u64,
	},
	Blocks {
		blocks: u64,
	},
	RemoveVerifier,
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		6 => (0..PLEDGERS.len(), 1u32..600).prop_map(|(who, amount)| Step::Pledge { who, amount }),
		1 => (0..PLEDGERS.len()).prop_map(|who| Step::Withdraw { who }),
		1 => Just(Step::ReopenPool),
		1 => Just(Step::Expire),
		8 => (0u32..3, 0u8..6, any::<bool>())
			.prop_map(|(milestone, invoice, claire)| Step::Submit { milestone, invoice, claire }),
		24 => (0..JUDGES.len(), 0u32..3, 0u8..12)
			.prop_map(|(who, milestone, verdict)| Step::Judge { who, milestone, verdict }),
		6 => (0u32..3, 0u8..12).prop_map(|(milestone, verdict)| Step::Review { milestone, verdict }),
		4 => (0u32..3).prop_map(|milestone| Step::Disburse { milestone }),
		3 => (0u32..3, any::<bool>()).prop_map(|(milestone, met)| Step::RuleContest { milestone, met }),
		4 => (0u32..3, 1u32..400).prop_map(|(disbursement, amount)| Step::OpenRecovery { disbursement, amount }),
		4 => (0u32..3, 1u32..200).prop_map(|(recovery, amount)| Step::Repay { recovery, amount }),
		2 => (0u32..3, any::<bool>()).prop_map(|(recovery, unfounded)| Step::CancelRecovery { recovery, unfounded }),
		1 => Just(Step::Dispute),
		2 => any::<bool>().prop_map(|unfounded| Step::Resolve { unfounded }),
		1 => Just(Step::Suspend),
		2 => Just(Step::Resume),
		1 => Just(Step::Complete),
		1 => Just(Step::Terminate),
		2 => Just(Step::Settle),
		4 => (1u64..40).prop_map(|days| Step::Time { days }),
		2 => (1u64..12).prop_map(|blocks| Step::Blocks { blocks }),
		1 => Just(Step::RemoveVerifier),
	]
}

/// One thousand units, the unit amounts in steps are counted in.
const K: Balance = 1_000 * UNIT;

/// The agreement every sequence works on.
const AGREEMENT: u32 = 0;

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn latest_pool() -> u32 {
	pallet_civitas_pools::NextPoolId::<Test>::get().saturating_sub(1)
}

fn open_pool() -> DispatchResult {
	let pool = pallet_civitas_pools::NextPoolId::<Test>::get();
	Pools::open_pool(
		signed(&ALICE),
		AGREEMENT,
		600 * K,
		System::block_number() + 8,
		BoundedVec::truncate_from(vec![Requirement {
			organisation: FUNDER,
			minimum: Minimum::Share(Permill::from_percent(20)),
		}]),
	)?;
	approve_pool(pool)
}

fn verdict(code: u8) -> Verdict {
	match code {
		0 => Verdict::NotMet,
		1..=3 => Verdict::PartiallyMet(Permill::from_percent(u32::from(code) * 25)),
		_ => Verdict::Met,
	}
}

fn apply(step: &Step) -> DispatchResult {
	let root = RuntimeOrigin::root;
	match step {
		Step::Pledge { who, amount } => {
			Pools::pledge(signed(&PLEDGERS[*who]), latest_pool(), Balance::from(*amount) * K)
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Step::Withdraw { who } => Pools::withdraw_pledge(signed(&PLEDGERS[*who]), latest_pool()),
		Step::ReopenPool => open_pool(),
		Step::Expire => {
			Pools::expire(signed(&OUTSIDER), latest_pool()).map(|_| ()).map_err(|e| e.error)
		},
		Step::Submit { milestone, invoice: seed, claire } => {
			let who = if *claire { CLAIRE } else { CHARLIE };
			Disbursements::submit_evidence(
				signed(&who),
				AGREEMENT,
				*milestone,
				evidence(seed.wrapping_mul(2)),
				BoundedVec::truncate_from(vec![invoice(*seed, 10 * K)]),
			)
		},
		Step::Judge { who, milestone, verdict: code } => crate::tests::give_verdict(
			signed(&JUDGES[*who]),
			AGREEMENT,
			*milestone,
			verdict(*code),
			note(*code),
		)
		.map(|_| ())
		.map_err(|e| e.error),
		Step::Review { milestone, verdict: code } => {
			apply(&Step::Submit {
				milestone: *milestone,
				invoice: 10 + *milestone as u8,
				claire: false,
			})?;
			apply(&Step::Judge { who: 0, milestone: *milestone, verdict: 11 })?;
			apply(&Step::Judge { who: 3, milestone: *milestone, verdict: *code })
		},
		Step::Disburse { milestone } => {
			Disbursements::disburse(signed(&ALICE), AGREEMENT, *milestone)
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Step::RuleContest { milestone, met } => {
			let round = Milestones::<Test>::get(AGREEMENT, milestone).map_or(1, |r| r.round);
			let ruling = if *met { crate::Ruling::Met } else { crate::Ruling::NotMet };
			Disbursements::resolve_contest(root(), AGREEMENT, *milestone, round, ruling, note(8))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Step::OpenRecovery { disbursement, amount } => Disbursements::open_recovery(
			signed(&FERDIE),
			*disbursement,
			Balance::from(*amount) * K,
			note(1),
		),
		Step::Repay { recovery, amount } => {
			Disbursements::repay_recovery(signed(&CHARLIE), *recovery, Balance::from(*amount) * K)
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Step::CancelRecovery { recovery, unfounded } => {
			Disbursements::cancel_recovery(root(), *recovery, note(4), *unfounded)
		},
		Step::Dispute => Disbursements::raise_dispute(signed(&BOB), AGREEMENT, note(2)),
		Step::Resolve { unfounded } => {
			Disbursements::resolve_dispute(root(), AGREEMENT, note(3), *unfounded)
		},
		Step::Suspend => Agreements::suspend(root(), AGREEMENT),
		Step::Resume => Agreements::resume(root(), AGREEMENT),
		Step::Complete => Agreements::complete(root(), AGREEMENT),
		Step::Terminate => Agreements::terminate(root(), AGREEMENT),
		Step::Settle => {
			Disbursements::settle(signed(&OUTSIDER), AGREEMENT).map(|_| ()).map_err(|e| e.error)
		},
		Step::Time { days } => {
			Timestamp::set_timestamp(pallet_timestamp::Now::<Test>::get() + days * 86_400_000);
			Ok(())
		},
		Step::Blocks { blocks } => {
			System::set_block_number(System::block_number() + blocks);
			Ok(())
		},
		Step::RemoveVerifier => Registry::remove_member(root(), ENGINEER, ERIN),
	}
}

/// Every account's total balance, organisation accounts included, summed:
/// money only moves between them.
fn money() -> Balance {
	accounts().iter().chain(&organisation_accounts()).map(Balances::total_balance).sum()
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn ledger_invariants_hold_after_every_step(
		committed in proptest::bool::weighted(0.75),
		steps in proptest::collection::vec(step(), 1..60),
	) {
		new_test_ext().execute_with(|| {
			let agreement = active_agreement();
			assert_eq!(agreement, AGREEMENT);
			Timestamp::set_timestamp(DUE[0] - 5 * 86_400_000);
			// Most sequences start with the money committed, so that they
			// reach payouts; the others go through pledging first.
			if committed {
				commit_pool(AGREEMENT);
			} else {
				open_pool().expect("the first pool opens");
			}
			let total = money();
			let issued = Balances::total_issuance();
			for step in &steps {
				let before = sp_io::storage::root(StateVersion::V1);
				let result = frame_support::storage::with_storage_layer(|| apply(step));
				if result.is_err() {
					prop_assert_eq!(sp_io::storage::root(StateVersion::V1), before, "{:?} changed state", step);
				}
				check_invariants();
				// Money only moves between the accounts, except deposits of
				// unfounded disputes, which are burnt (and leave the issuance).
				let burnt = issued.checked_sub(Balances::total_issuance());
				prop_assert!(burnt.is_some(), "money was minted after {:?}", step);
				prop_assert_eq!(
					money() + burnt.unwrap_or_default(),
					total,
					"money moved out of the accounts after {:?}",
					step
				);
				// What the agreements pallet is told was paid is the payout's gross.
				for milestone in 0..3 {
					let paid = match Milestones::<Test>::get(AGREEMENT, milestone).map(|r| r.status) {
						Some(MilestoneStatus::Paid { disbursement, .. }) => {
							Payouts::<Test>::get(disbursement).map(|p| p.gross).unwrap_or_default()
						},
						_ => 0,
					};
					prop_assert_eq!(Disbursements::paid(AGREEMENT, milestone), paid);
				}
			}
			Ok(())
		})?;
	}
}
