//! Escrow: the co-funders' committed money of an agreement, held on their
//! own accounts, and how amounts taken from it are split between them.
//!
//! The pools pallet holds the money and implements [`Escrow`]; the
//! disbursements pallet moves it. Every amount is divided by [`split`],
//! whose rounding rule is the one exactness guarantee auditors rely on: the
//! parts always sum to the amount, so no unit is lost or created.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::DispatchError;
use scale_info::TypeInfo;
use sp_core::U256;

use crate::ids::{AgreementId, OrganisationId};

/// Most accounts an escrow's money is held on: one per pledging account of
/// the pool that committed it.
pub const MAX_ESCROW_ACCOUNTS: u32 = 64;

/// Divides `amount` in proportion to `weights`, exactly, by the largest
/// remainder method:
///
/// 1. part *i* is first ⌊amount × weightᵢ ⁄ Σweights⌋ (computed in 256 bits,
///    so no product overflows);
/// 2. the units those floors leave over (fewer than the number of parts)
///    go one each to the parts with the largest remainders
///    (amount × weightᵢ mod Σweights), ties going to the earlier part.
///
/// So the parts sum to `amount` exactly, each differs from its exact share
/// by less than one unit, and when `amount ≤ Σweights` no part exceeds its
/// weight. Returns `None` if every weight is zero while `amount` is not.
pub fn split(amount: u128, weights: &[u128]) -> Option<Vec<u128>> {
	let total: U256 = weights.iter().fold(U256::zero(), |sum, weight| sum + U256::from(*weight));
	if total.is_zero() {
		return if amount == 0 { Some(weights.iter().map(|_| 0).collect()) } else { None };
	}
	let amount_wide = U256::from(amount);
	let mut parts = Vec::with_capacity(weights.len());
	let mut remainders = Vec::with_capacity(weights.len());
	let mut assigned: u128 = 0;
	for weight in weights {
		let product = amount_wide * U256::from(*weight);
		// The quotient is at most `amount` since weightᵢ ≤ Σweights.
		let part = (product / total).low_u128();
		remainders.push(product % total);
		assigned = assigned.checked_add(part)?;
		parts.push(part);
	}
	// Less than one unit per part is left over: Σ remainders < parts × total.
	let mut left = amount.checked_sub(assigned)?;
	let mut order: Vec<usize> = (0..weights.len()).collect();
	// Stable sort: equal remainders keep their order, so earlier parts win ties.
	order.sort_by(|a, b| remainders[*b].cmp(&remainders[*a]));
	for index in order {
		if left == 0 {
			break;
		}
		parts[index] = parts[index].checked_add(1)?;
		left -= 1;
	}
	(left == 0).then_some(parts)
}

/// One co-funder's part of an amount moved in or out of escrow.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct EscrowPart<AccountId, Balance> {
	/// The account that pledged and holds the money.
	pub account: AccountId,
	/// The co-funding organisation it pledged for.
	pub organisation: OrganisationId,
	/// Its part of the amount.
	pub amount: Balance,
}

/// Where an agreement's escrow stands. Always
/// `paid + retained + remaining + recovered + refunded = committed`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct EscrowPosition<Balance> {
	/// Committed when the pool committed.
	pub committed: Balance,
	/// Paid to payees (including released retention), less what they repaid.
	pub paid: Balance,
	/// Withheld from payouts and held as retention until final acceptance.
	pub retained: Balance,
	/// Still committed and unpaid.
	pub remaining: Balance,
	/// Returned to the co-funders as recoveries (offset or repaid).
	pub recovered: Balance,
	/// Returned to the co-funders unspent.
	pub refunded: Balance,
}

/// A payout from escrow: what went to the payee and what was retained, per
/// co-funder.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Payment<AccountId, Balance> {
	/// Each co-funder's part of the amount paid to the payee.
	pub paid: Vec<EscrowPart<AccountId, Balance>>,
	/// Each co-funder's part of the amount moved to retention.
	pub retained: Vec<EscrowPart<AccountId, Balance>>,
}

/// Moves an agreement's committed money. Amounts taken from holds are split
/// with [`split`] in proportion to what each co-funder still holds under the
/// hold concerned, which is its committed share up to rounding (less than
/// one unit per earlier movement). Every method is all or nothing and does
/// not write to the audit trail: the caller records the action it is part of.
pub trait Escrow<AccountId, Balance> {
	/// The escrow of `agreement`, if its pool committed.
	fn position(agreement: AgreementId) -> Option<EscrowPosition<Balance>>;

	/// Each co-funder's committed share of `agreement`'s escrow, in escrow
	/// order (organisation, then account); empty if there is no escrow.
	fn shares(agreement: AgreementId) -> Vec<EscrowPart<AccountId, Balance>>;

	/// Pays `net` from the committed holds to `payee` and moves `retention`
	/// from the committed holds to retention holds on the same accounts.
	fn pay(
		agreement: AgreementId,
		payee: &AccountId,
		net: Balance,
		retention: Balance,
	) -> Result<Payment<AccountId, Balance>, DispatchError>;

	/// Pays `amount` of the retention holds to `payee`.
	fn release_retention(
		agreement: AgreementId,
		payee: &AccountId,
		amount: Balance,
	) -> Result<Vec<EscrowPart<AccountId, Balance>>, DispatchError>;

	/// Takes a recovery out of the committed holds: `amount` is released
	/// back to the co-funders instead of being paid (an offset against a payout).
	fn offset_recovery(
		agreement: AgreementId,
		amount: Balance,
	) -> Result<Vec<EscrowPart<AccountId, Balance>>, DispatchError>;

	/// Takes a recovery out of the retention holds: `amount` is released
	/// back to the co-funders instead of being paid to the payee at final
	/// acceptance.
	fn offset_retention(
		agreement: AgreementId,
		amount: Balance,
	) -> Result<Vec<EscrowPart<AccountId, Balance>>, DispatchError>;

	/// A payee repays a recovery: `amount` moves from `payer` to the
	/// co-funders, split in their committed shares.
	fn repay_recovery(
		agreement: AgreementId,
		payer: &AccountId,
		amount: Balance,
	) -> Result<Vec<EscrowPart<AccountId, Balance>>, DispatchError>;

	/// Releases everything still committed or retained back to the
	/// co-funders (an agreement ended with money unspent).
	fn refund_unspent(
		agreement: AgreementId,
	) -> Result<Vec<EscrowPart<AccountId, Balance>>, DispatchError>;

	/// Commits `shares` (held from each account, which must have the money)
	/// as `agreement`'s escrow, for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn commit_for_benchmark(agreement: AgreementId, shares: Vec<EscrowPart<AccountId, Balance>>);
}

#[cfg(test)]
mod tests {
	use super::split;
	use proptest::prelude::*;

	#[test]
	fn leftover_units_go_to_the_largest_remainders_ties_to_the_earlier_part() {
		// Three equal co-funders: the unit left over goes to the first.
		assert_eq!(split(100, &[1, 1, 1]), Some(vec![34, 33, 33]));
		assert_eq!(split(101, &[1, 1, 1]), Some(vec![34, 34, 33]));
		// 10 × 2/7 = 2.857…, 10 × 3/7 = 4.285…: the first and last round up.
		assert_eq!(split(10, &[2, 3, 2]), Some(vec![3, 4, 3]));
		// 101 × 333/1000 = 33.633, 33.633, 101 × 334/1000 = 33.734.
		assert_eq!(split(101, &[333, 333, 334]), Some(vec![34, 33, 34]));
	}

	#[test]
	fn awkward_amounts_across_three_co_funders_sum_exactly() {
		for (amount, weights) in [
			(1_000_003u128, [333_333u128, 333_333, 333_334]),
			(7, [1, 1_000_000, 999_999]),
			(1, [5, 5, 5]),
			(u128::MAX, [u128::MAX / 3, u128::MAX / 3, u128::MAX / 3]),
		] {
			let parts = split(amount, &weights).unwrap();
			assert_eq!(parts.iter().sum::<u128>(), amount);
		}
	}

	#[test]
	fn nothing_to_weigh_by_splits_only_nothing() {
		assert_eq!(split(0, &[0, 0]), Some(vec![0, 0]));
		assert_eq!(split(1, &[0, 0]), None);
		assert_eq!(split(5, &[]), None);
	}

	proptest! {
		#[test]
		fn parts_sum_exactly_and_stay_within_a_unit_of_the_exact_share(
			weights in proptest::collection::vec(0u128..1_000_000_000_000, 1..16),
			fraction in 0u128..=1_000,
		) {
			let total: u128 = weights.iter().sum();
			prop_assume!(total > 0);
			// Any amount up to what the weights cover, as escrow splits are.
			let amount = total / 1_000 * fraction;
			let parts = split(amount, &weights).unwrap();
			prop_assert_eq!(parts.iter().sum::<u128>(), amount);
			for (part, weight) in parts.iter().zip(&weights) {
				// part × total is within `total` of amount × weight.
				let exact = amount * weight;
				prop_assert!(part * total <= exact + total && exact <= part * total + total);
				prop_assert!(part <= weight);
			}
		}
	}
}
