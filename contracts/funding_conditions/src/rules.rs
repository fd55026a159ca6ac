//! The funding rules: validation of conditions, and the decision on a payout.
//!
//! Plain functions of their inputs, with no chain state, so that an auditor
//! can re-run any decision from the recorded query and get the same answer.
//!
//! Rounding: shares are compared exactly (`part / gross >= share`, by
//! cross-multiplication, never rounded). The retention owed and the penalty
//! owed per day are rounded down (in the payee's favour), as the runtime's
//! `Permill::mul_floor` does, so that a ledger computing them that way is
//! never refused for a rounding difference.

use crate::types::*;

/// `value × ppm / WHOLE`, rounded down, without overflow for any `u128`.
pub fn part_floor(value: u128, ppm: PartsPerMillion) -> u128 {
	let whole = u128::from(WHOLE);
	let ppm = u128::from(ppm.min(WHOLE));
	// (q·W + r)·p / W = q·p + r·p / W, and neither product can overflow:
	// q·p ≤ value and r·p < W².
	(value / whole) * ppm + (value % whole) * ppm / whole
}

/// Whether `part` is at least `ppm` of `whole_amount`, compared exactly.
pub fn at_least_share(part: u128, whole_amount: u128, ppm: PartsPerMillion) -> bool {
	let floor = part_floor(whole_amount, ppm);
	// floor ≤ exact share < floor + 1; the part meets the share when it is
	// above the floor, or equal to it and the share has no fraction.
	part > floor || (part == floor && exact_multiple(whole_amount, ppm))
}

/// Whether `value × ppm` is a multiple of `WHOLE`, i.e. the share is whole.
fn exact_multiple(value: u128, ppm: PartsPerMillion) -> bool {
	let whole = u128::from(WHOLE);
	((value % whole) * u128::from(ppm.min(WHOLE))).is_multiple_of(whole)
}

/// Checks conditions before an instance accepts them.
pub fn validate(conditions: &Conditions) -> Result<(), InvalidConditions> {
	if conditions.min_funder_shares.len() > MAX_FUNDERS
		|| conditions.required_evidence.len() > MAX_EVIDENCE_KINDS
	{
		return Err(InvalidConditions::TooManyEntries);
	}
	let rates =
		[conditions.min_public_share, conditions.retention, conditions.late_penalty_per_day];
	if rates.iter().flatten().any(|rate| *rate > WHOLE) {
		return Err(InvalidConditions::RateAboveWhole);
	}
	let mut total: u64 = 0;
	for (index, share) in conditions.min_funder_shares.iter().enumerate() {
		if share.min_share > WHOLE {
			return Err(InvalidConditions::RateAboveWhole);
		}
		if conditions.min_funder_shares[..index].iter().any(|s| s.funder == share.funder) {
			return Err(InvalidConditions::DuplicateFunder(share.funder));
		}
		total += u64::from(share.min_share);
	}
	if total > u64::from(WHOLE) {
		return Err(InvalidConditions::SharesAboveWhole);
	}
	for (index, kind) in conditions.required_evidence.iter().enumerate() {
		if conditions.required_evidence[..index].contains(kind) {
			return Err(InvalidConditions::DuplicateEvidenceKind(*kind));
		}
	}
	Ok(())
}

/// The decision on a payout. Conditions are checked in the order below and
/// the first one violated is the reason given.
pub fn decide(conditions: &Conditions, query: &DisbursementQuery) -> Decision {
	match first_violation(conditions, query) {
		Some(reason) => Decision::Deny(reason),
		None => Decision::Allow,
	}
}

fn first_violation(c: &Conditions, q: &DisbursementQuery) -> Option<DenyReason> {
	if q.agreement != c.agreement {
		return Some(DenyReason::WrongAgreement);
	}
	// The amounts must be consistent before any rule reads them.
	let split_total = q.split.iter().try_fold(0u128, |sum, part| sum.checked_add(part.amount));
	let deductions = q.penalty.checked_add(q.retention);
	if split_total != Some(q.gross)
		|| q.split.len() > MAX_FUNDERS
		|| q.evidence.len() > MAX_EVIDENCE_KINDS
		|| deductions.is_none_or(|d| d > q.gross)
	{
		return Some(DenyReason::InconsistentAmounts);
	}
	if let Some(deadline) = &c.payout_deadline
		&& q.payment_date > deadline.end_date.saturating_add(deadline.grace)
	{
		return Some(DenyReason::PastPayoutDeadline);
	}
	if c.max_single_payout.is_some_and(|max| q.gross > max) {
		return Some(DenyReason::AboveSinglePayoutLimit);
	}
	if let Some(cap) = c.cumulative_cap
		&& q.paid_to_date.checked_add(q.gross).is_none_or(|total| total > cap)
	{
		return Some(DenyReason::AboveCumulativeCap);
	}
	if let Some(kind) = c.required_evidence.iter().find(|kind| !q.evidence.contains(kind)) {
		return Some(DenyReason::MissingEvidence(*kind));
	}
	for share in &c.min_funder_shares {
		// Sums cannot overflow: they are bounded by the split total, `gross`.
		let carried: u128 =
			q.split.iter().filter(|part| part.funder == share.funder).map(|p| p.amount).sum();
		if !at_least_share(carried, q.gross, share.min_share) {
			return Some(DenyReason::FunderShareTooLow(share.funder));
		}
	}
	if let Some(min_public) = c.min_public_share {
		let public: u128 = q.split.iter().filter(|part| part.public).map(|p| p.amount).sum();
		if !at_least_share(public, q.gross, min_public) {
			return Some(DenyReason::PublicShareTooLow);
		}
	}
	if let Some(rate) = c.retention
		&& q.retention < part_floor(q.gross, rate)
	{
		return Some(DenyReason::RetentionTooLow);
	}
	if let Some(rate) = c.late_penalty_per_day
		&& q.penalty < penalty_owed(q, rate)
	{
		return Some(DenyReason::PenaltyTooLow);
	}
	None
}

/// Full days the milestone was delivered late.
pub fn days_late(late_by: Moment) -> u64 {
	late_by / MILLIS_PER_DAY
}

/// The penalty owed: the per-day part of the gross (rounded down) for each
/// full day late, never more than the gross itself.
pub fn penalty_owed(q: &DisbursementQuery, rate_per_day: PartsPerMillion) -> u128 {
	let days = u128::from(days_late(q.late_by));
	part_floor(q.gross, rate_per_day).saturating_mul(days).min(q.gross)
}
