//! The escrow the disbursements pallet pays through
//! ([`civitas_primitives::Escrow`]): committed money moved from the
//! co-funders' holds, split exactly with [`split`].

use super::*;
use civitas_primitives::{escrow::split, Escrow, EscrowPart, EscrowPosition, Payment};
use frame_support::{
	storage::with_storage_layer,
	traits::tokens::{Fortitude, Preservation, Restriction},
};
use sp_runtime::traits::{CheckedAdd, CheckedSub};

/// Which of a co-funder's amounts a split is weighted by.
#[derive(Clone, Copy)]
enum Weighting {
	/// What it still holds under `Committed`.
	Remaining,
	/// What it holds under `Retention`.
	Retained,
	/// What it committed (its share).
	Committed,
}

impl<T: Config> Pallet<T> {
	/// The escrow of `agreement`.
	fn escrow(agreement: AgreementId) -> Result<EscrowOf<T>, DispatchError> {
		Escrows::<T>::get(agreement).ok_or_else(|| Error::<T>::NoEscrow.into())
	}

	/// Splits `amount` across `escrow`'s co-funders by `weighting`; fails
	/// with `short` if they hold less than `amount` by that weighting.
	fn split_across(
		escrow: &EscrowOf<T>,
		amount: BalanceOf<T>,
		weighting: Weighting,
		short: Error<T>,
	) -> Result<Vec<BalanceOf<T>>, DispatchError> {
		let weights = escrow
			.funders
			.iter()
			.map(|funder| {
				let weight = match weighting {
					Weighting::Remaining => funder.remaining,
					Weighting::Retained => funder.retained,
					Weighting::Committed => funder.committed,
				};
				Self::wide(weight)
			})
			.collect::<Result<Vec<u128>, _>>()?;
		Self::split_by(amount, &weights, weighting, short)
	}

	/// Splits `amount` by `weights`, which must cover it unless they are
	/// committed shares (a repayment may come back to them in any amount).
	fn split_by(
		amount: BalanceOf<T>,
		weights: &[u128],
		weighting: Weighting,
		short: Error<T>,
	) -> Result<Vec<BalanceOf<T>>, DispatchError> {
		let amount = Self::wide(amount)?;
		let available = weights.iter().try_fold(0u128, |sum, weight| sum.checked_add(*weight));
		if !matches!(weighting, Weighting::Committed) {
			ensure!(available.is_some_and(|available| amount <= available), short);
		}
		let parts = split(amount, weights).ok_or(short)?;
		parts.into_iter().map(Self::narrow).collect()
	}

	/// Splits `amount` across `escrow`'s co-funders by `weighting` (failing
	/// with `short` if they hold too little), applies `apply` to each
	/// co-funder with a non-zero part, and returns the parts.
	fn apply_split(
		escrow: &mut EscrowOf<T>,
		amount: BalanceOf<T>,
		weighting: Weighting,
		short: Error<T>,
		mut apply: impl FnMut(&mut FunderOf<T>, BalanceOf<T>) -> DispatchResult,
	) -> Result<PartsOf<T>, DispatchError> {
		let amounts = Self::split_across(escrow, amount, weighting, short)?;
		for index in Self::largest_first(&amounts) {
			if let (Some(funder), Some(part)) = (escrow.funders.get_mut(index), amounts.get(index))
			{
				if !part.is_zero() {
					apply(funder, *part)?;
				}
			}
		}
		Ok(Self::parts(escrow, &amounts))
	}

	/// The indices of `amounts`, largest first: the order co-funders' parts
	/// are moved in. An account holding nothing yet (a new organisation
	/// account paid a milestone or its retention) must be credited at least
	/// the existential deposit first, and a small co-funder's part may be
	/// less than that on its own.
	fn largest_first(amounts: &[BalanceOf<T>]) -> Vec<usize> {
		let mut order: Vec<usize> = (0..amounts.len()).collect();
		order.sort_by_key(|index| {
			core::cmp::Reverse(amounts.get(*index).copied().unwrap_or_else(Zero::zero))
		});
		order
	}

	/// Returns `amount` of `agreement`'s escrow to the co-funders as a
	/// recovery, released from their committed holds (`Remaining`) or their
	/// retention holds (`Retained`), split by what each holds there.
	fn recover_from(
		agreement: AgreementId,
		amount: BalanceOf<T>,
		from: Weighting,
	) -> Result<PartsOf<T>, DispatchError> {
		let (reason, short) = match from {
			Weighting::Retained => (HoldReason::Retention, Error::<T>::InsufficientRetention),
			_ => (HoldReason::Committed, Error::<T>::InsufficientEscrow),
		};
		with_storage_layer(|| {
			let mut escrow = Self::escrow(agreement)?;
			let parts = Self::apply_split(&mut escrow, amount, from, short, |funder, part| {
				T::Currency::release(&reason.into(), &funder.account, part, Precision::Exact)?;
				let held = match from {
					Weighting::Retained => &mut funder.retained,
					_ => &mut funder.remaining,
				};
				// The split never asks a co-funder for more than it holds.
				*held = held.checked_sub(&part).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
			escrow.recovered = escrow.recovered.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Escrows::<T>::insert(agreement, escrow);
			Ok(parts)
		})
	}

	/// A balance as the 128-bit integer splits work in.
	fn wide(amount: BalanceOf<T>) -> Result<u128, DispatchError> {
		amount.try_into().map_err(|_| Error::<T>::Overflow.into())
	}

	/// A 128-bit part back as a balance; it never exceeds the amount split.
	fn narrow(amount: u128) -> Result<BalanceOf<T>, DispatchError> {
		amount.try_into().map_err(|_| Error::<T>::Overflow.into())
	}

	/// The parts of a split, named by co-funder, without the zero ones.
	fn parts(escrow: &EscrowOf<T>, amounts: &[BalanceOf<T>]) -> PartsOf<T> {
		escrow
			.funders
			.iter()
			.zip(amounts)
			.filter(|(_, amount)| !amount.is_zero())
			.map(|(funder, amount)| EscrowPart {
				account: funder.account.clone(),
				organisation: funder.organisation,
				amount: *amount,
			})
			.collect()
	}

	/// Sums `amounts`.
	fn total(amounts: &[BalanceOf<T>]) -> Result<BalanceOf<T>, DispatchError> {
		amounts
			.iter()
			.try_fold(BalanceOf::<T>::zero(), |sum, amount| sum.checked_add(amount))
			.ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// Where `escrow` stands.
	pub fn position_of(escrow: &EscrowOf<T>) -> Option<EscrowPosition<BalanceOf<T>>> {
		let mut retained = BalanceOf::<T>::zero();
		let mut remaining = BalanceOf::<T>::zero();
		for funder in &escrow.funders {
			retained = retained.checked_add(&funder.retained)?;
			remaining = remaining.checked_add(&funder.remaining)?;
		}
		Some(EscrowPosition {
			committed: escrow.committed,
			paid: escrow.paid,
			retained,
			remaining,
			recovered: escrow.recovered,
			refunded: escrow.refunded,
		})
	}
}

impl<T: Config> Escrow<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn position(agreement: AgreementId) -> Option<EscrowPosition<BalanceOf<T>>> {
		Self::position_of(&Escrows::<T>::get(agreement)?)
	}

	fn shares(agreement: AgreementId) -> PartsOf<T> {
		Escrows::<T>::get(agreement)
			.map(|escrow| {
				escrow
					.funders
					.into_iter()
					.map(|funder| EscrowPart {
						account: funder.account,
						organisation: funder.organisation,
						amount: funder.committed,
					})
					.collect()
			})
			.unwrap_or_default()
	}

	fn pay(
		agreement: AgreementId,
		payee: &T::AccountId,
		net: BalanceOf<T>,
		retention: BalanceOf<T>,
	) -> Result<Payment<T::AccountId, BalanceOf<T>>, DispatchError> {
		with_storage_layer(|| {
			let mut escrow = Self::escrow(agreement)?;
			let gross = net.checked_add(&retention).ok_or(Error::<T>::Overflow)?;
			// Checked before splitting so the error names the real shortfall.
			let remaining = escrow
				.funders
				.iter()
				.try_fold(BalanceOf::<T>::zero(), |sum, funder| sum.checked_add(&funder.remaining))
				.ok_or(Error::<T>::Overflow)?;
			ensure!(gross <= remaining, Error::<T>::InsufficientEscrow);
			let paid =
				Self::split_across(&escrow, net, Weighting::Remaining, Error::InsufficientEscrow)?;
			// Retention is split over what each holds after its part of `net`,
			// so no co-funder gives more than it holds.
			let left = escrow
				.funders
				.iter()
				.zip(&paid)
				.map(|(funder, part)| {
					funder
						.remaining
						.checked_sub(part)
						.ok_or(Error::<T>::InsufficientEscrow.into())
						.and_then(Self::wide)
				})
				.collect::<Result<Vec<u128>, DispatchError>>()?;
			let retained =
				Self::split_by(retention, &left, Weighting::Remaining, Error::InsufficientEscrow)?;
			for index in Self::largest_first(&paid) {
				let part = paid.get(index).copied().unwrap_or_else(Zero::zero);
				if part.is_zero() {
					continue;
				}
				let funder = escrow.funders.get(index).ok_or(Error::<T>::InsufficientEscrow)?;
				T::Currency::transfer_on_hold(
					&HoldReason::Committed.into(),
					&funder.account,
					payee,
					part,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				)?;
			}
			for ((funder, paid), retained) in escrow.funders.iter_mut().zip(&paid).zip(&retained) {
				if !retained.is_zero() {
					T::Currency::release(
						&HoldReason::Committed.into(),
						&funder.account,
						*retained,
						Precision::Exact,
					)?;
					T::Currency::hold(&HoldReason::Retention.into(), &funder.account, *retained)?;
				}
				let taken = paid.checked_add(retained).ok_or(Error::<T>::Overflow)?;
				funder.remaining =
					funder.remaining.checked_sub(&taken).ok_or(Error::<T>::InsufficientEscrow)?;
				funder.retained =
					funder.retained.checked_add(retained).ok_or(Error::<T>::Overflow)?;
			}
			escrow.paid = escrow.paid.checked_add(&net).ok_or(Error::<T>::Overflow)?;
			let payment = Payment {
				paid: Self::parts(&escrow, &paid),
				retained: Self::parts(&escrow, &retained),
			};
			Escrows::<T>::insert(agreement, escrow);
			Self::deposit_event(Event::EscrowPaid {
				agreement,
				payee: payee.clone(),
				paid: net,
				retained: retention,
			});
			Ok(payment)
		})
	}

	fn release_retention(
		agreement: AgreementId,
		payee: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<PartsOf<T>, DispatchError> {
		with_storage_layer(|| {
			let mut escrow = Self::escrow(agreement)?;
			let short = Error::InsufficientRetention;
			let parts = Self::apply_split(
				&mut escrow,
				amount,
				Weighting::Retained,
				short,
				|funder, part| {
					T::Currency::transfer_on_hold(
						&HoldReason::Retention.into(),
						&funder.account,
						payee,
						part,
						Precision::Exact,
						Restriction::Free,
						Fortitude::Polite,
					)?;
					funder.retained = funder
						.retained
						.checked_sub(&part)
						.ok_or(Error::<T>::InsufficientRetention)?;
					Ok(())
				},
			)?;
			escrow.paid = escrow.paid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Escrows::<T>::insert(agreement, escrow);
			Self::deposit_event(Event::RetentionReleased {
				agreement,
				payee: payee.clone(),
				amount,
			});
			Ok(parts)
		})
	}

	fn offset_recovery(
		agreement: AgreementId,
		amount: BalanceOf<T>,
	) -> Result<PartsOf<T>, DispatchError> {
		let parts = Self::recover_from(agreement, amount, Weighting::Remaining)?;
		Self::deposit_event(Event::RecoveryOffset { agreement, amount });
		Ok(parts)
	}

	fn offset_retention(
		agreement: AgreementId,
		amount: BalanceOf<T>,
	) -> Result<PartsOf<T>, DispatchError> {
		let parts = Self::recover_from(agreement, amount, Weighting::Retained)?;
		Self::deposit_event(Event::RetentionOffset { agreement, amount });
		Ok(parts)
	}

	fn repay_recovery(
		agreement: AgreementId,
		payer: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<PartsOf<T>, DispatchError> {
		with_storage_layer(|| {
			let mut escrow = Self::escrow(agreement)?;
			escrow.paid =
				escrow.paid.checked_sub(&amount).ok_or(Error::<T>::RepaymentExceedsPaid)?;
			let short = Error::InsufficientEscrow;
			let parts = Self::apply_split(
				&mut escrow,
				amount,
				Weighting::Committed,
				short,
				|funder, part| {
					T::Currency::transfer(payer, &funder.account, part, Preservation::Preserve)
						.map(|_| ())
				},
			)?;
			escrow.recovered = escrow.recovered.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Escrows::<T>::insert(agreement, escrow);
			Self::deposit_event(Event::RecoveryRepaid { agreement, payer: payer.clone(), amount });
			Ok(parts)
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn commit_for_benchmark(agreement: AgreementId, shares: PartsOf<T>) {
		// Written directly rather than pledged: callers benchmark other
		// pallets and need only a consistent escrow with its holds.
		let mut funders = Vec::with_capacity(shares.len());
		let mut committed = BalanceOf::<T>::zero();
		for share in shares {
			let _ = T::Currency::hold(&HoldReason::Committed.into(), &share.account, share.amount);
			committed = sp_runtime::traits::Saturating::saturating_add(committed, share.amount);
			funders.push(Funder {
				account: share.account,
				organisation: share.organisation,
				committed: share.amount,
				remaining: share.amount,
				retained: Zero::zero(),
			});
		}
		funders.sort_by(|a, b| (a.organisation, &a.account).cmp(&(b.organisation, &b.account)));
		Escrows::<T>::insert(
			agreement,
			EscrowAccount {
				pool: NextPoolId::<T>::get(),
				committed_at: frame_system::Pallet::<T>::block_number(),
				committed,
				paid: Zero::zero(),
				recovered: Zero::zero(),
				refunded: Zero::zero(),
				funders: BoundedVec::truncate_from(funders),
			},
		);
	}

	fn refund_unspent(agreement: AgreementId) -> Result<PartsOf<T>, DispatchError> {
		with_storage_layer(|| {
			let mut escrow = Self::escrow(agreement)?;
			let mut amounts = Vec::with_capacity(escrow.funders.len());
			for funder in escrow.funders.iter_mut() {
				if !funder.remaining.is_zero() {
					T::Currency::release(
						&HoldReason::Committed.into(),
						&funder.account,
						funder.remaining,
						Precision::Exact,
					)?;
				}
				if !funder.retained.is_zero() {
					T::Currency::release(
						&HoldReason::Retention.into(),
						&funder.account,
						funder.retained,
						Precision::Exact,
					)?;
				}
				amounts.push(
					funder.remaining.checked_add(&funder.retained).ok_or(Error::<T>::Overflow)?,
				);
				funder.remaining = Zero::zero();
				funder.retained = Zero::zero();
			}
			let amount = Self::total(&amounts)?;
			escrow.refunded = escrow.refunded.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			let parts = Self::parts(&escrow, &amounts);
			Escrows::<T>::insert(agreement, escrow);
			Self::deposit_event(Event::UnspentRefunded { agreement, amount });
			Ok(parts)
		})
	}
}
