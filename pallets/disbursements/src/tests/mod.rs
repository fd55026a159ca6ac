//! Unit tests: every call's success and error paths, and the full story of
//! an agreement paid milestone by milestone. Each runs against the real
//! ledger pallets and the committed funding-conditions contract, and ends
//! with every ledger pallet's invariants.

mod approval;
mod attacks;
mod evidence;
mod migration;
mod payout;
mod recovery;
mod settlement;
mod story;

use crate::{mock::*, HoldReason, InvoiceList, MilestoneStatus, Milestones, Verdict};
use civitas_primitives::{terms::Documents, AuditAction, MilestoneIndex};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_runtime::StateVersion;

/// A signed origin.
pub fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

/// Free balance.
pub fn free(who: &AccountId) -> Balance {
	Balances::free_balance(who)
}

/// Everything an account has, free and held.
pub fn total(who: &AccountId) -> Balance {
	Balances::total_balance(who)
}

/// What `who` holds under this pallet's `reason`.
pub fn held(reason: HoldReason, who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Disbursements(reason), who)
}

/// What `who` holds under a pools `reason`.
pub fn pooled(reason: pallet_civitas_pools::HoldReason, who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Pools(reason), who)
}

/// The storage root, to show a refused call changed nothing.
pub fn root() -> Vec<u8> {
	sp_io::storage::root(StateVersion::V1)
}

/// Sets the clock to `moment` (milliseconds).
pub fn at(moment: u64) {
	Timestamp::set_timestamp(moment);
}

/// The invoices, as the call takes them.
pub fn invoices(list: Vec<crate::Invoice<Balance>>) -> InvoiceList<Balance> {
	BoundedVec::truncate_from(list)
}

/// Charlie submits [`evidence`] `seed` with one invoice for `milestone`.
pub fn submit(agreement: u32, milestone: MilestoneIndex, seed: u8) {
	assert_ok!(Disbursements::submit_evidence(
		signed(&CHARLIE),
		agreement,
		milestone,
		evidence(seed),
		invoices(vec![invoice(seed, AMOUNTS[milestone as usize])]),
	));
}

/// The partner's organisation account, which payouts go to.
pub fn partner_account() -> AccountId {
	Registry::organisation_account(PARTNER)
}

/// The organisation accounts of city A, city B and the funder, where their
/// pledges, escrow and retention are held and recoveries return.
pub fn co_funder_accounts() -> [AccountId; 3] {
	[CITY_A, CITY_B, FUNDER].map(Registry::organisation_account)
}

/// The round under review and its evidence hash, as an approver reads
/// them before judging (round 1 and a zero hash if nothing was submitted).
pub fn current(agreement: u32, milestone: MilestoneIndex) -> (u32, sp_core::H256) {
	Milestones::<Test>::get(agreement, milestone)
		.map_or((1, sp_core::H256::zero()), |record| (record.round, record.evidence.hash()))
}

/// `approve` by `origin` on the milestone's current round and evidence.
pub fn give_verdict(
	origin: RuntimeOrigin,
	agreement: u32,
	milestone: MilestoneIndex,
	verdict: Verdict,
	note: sp_core::H256,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let (round, evidence) = current(agreement, milestone);
	Disbursements::approve(origin, agreement, milestone, round, evidence, verdict, note)
}

/// Gives `verdict` as `who`.
pub fn judge(who: &AccountId, agreement: u32, milestone: MilestoneIndex, verdict: Verdict) {
	assert_ok!(give_verdict(signed(who), agreement, milestone, verdict, note(7)));
}

/// The milestone's status.
pub fn status(agreement: u32, milestone: MilestoneIndex) -> MilestoneStatus<AccountId, u64> {
	Milestones::<Test>::get(agreement, milestone).expect("the milestone has a record").status
}

/// The actions of the agreement's audit trail, in order.
pub fn trail(agreement: u32) -> Vec<AuditAction> {
	pallet_civitas_audit_trail::Pallet::<Test>::entries(agreement)
		.into_iter()
		.map(|entry| entry.action)
		.collect()
}

/// An active agreement with a committed pool, the clock on milestone 0's due date.
pub fn funded_agreement() -> u32 {
	let agreement = active_agreement();
	commit_pool(agreement);
	at(DUE[0]);
	agreement
}

/// One thousand units.
pub const K: Balance = 1_000 * UNIT;

/// A funded agreement with milestone 0 paid on time: 400 000 gross,
/// 20 000 retained, 380 000 net.
pub fn paid_agreement() -> u32 {
	let agreement = funded_agreement();
	submit(agreement, 0, 1);
	judge(&EVE, agreement, 0, Verdict::Met);
	judge(&BOB, agreement, 0, Verdict::Met);
	agreement
}

/// The documents of a submission with no documents.
pub fn no_documents() -> Documents {
	BoundedVec::new()
}

/// Replaces the terms of `agreement` by `new` with every party's signature.
pub fn amend(agreement: u32, new: civitas_primitives::Terms<Balance>) {
	let hash = new.hash();
	assert_ok!(Agreements::propose_amendment(signed(&ALICE), agreement, Box::new(new), note(4)));
	for signer in [&ALICE, &BOB, &CHARLIE, &DAVE] {
		assert_ok!(Agreements::sign(signed(signer), agreement, hash));
	}
}

/// Amends `agreement` so that every milestone asks for `rule`.
pub fn amend_rule(agreement: u32, rule: civitas_primitives::terms::ApprovalRule) {
	let mut terms = Agreements::terms_in_force(agreement).expect("the agreement is in force");
	for milestone in terms.milestones.iter_mut() {
		milestone.approval = rule.clone();
	}
	amend(agreement, terms);
}
