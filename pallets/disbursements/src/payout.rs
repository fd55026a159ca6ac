//! Paying an approved milestone: the amounts, the question to the
//! funding-conditions contract, and the movement out of escrow.

use super::*;
use alloc::{boxed::Box, collections::btree_map::BTreeMap, vec::Vec};
use civitas_primitives::{
	conditions::{FunderPart, MAX_EVIDENCE_KINDS, MAX_FUNDERS, SELECTOR_CHECK},
	escrow::split,
	ids::MILLIS_PER_DAY,
	terms::ApprovalRule,
	Decision, DisbursementQuery, DocumentKind, EscrowPart, OrganisationKind, Phase,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	Permill,
};

/// What a payout attempt did, for the weight charged.
pub(crate) struct PayoutOutcome {
	/// Co-funder accounts money moved from (at least one is charged for).
	pub accounts: u32,
	/// Weight the contract used, if it was asked.
	pub contract: Weight,
}

impl PayoutOutcome {
	/// The call's weight: its benchmark for the accounts touched, plus what
	/// the contract used.
	pub fn weight(&self, own: impl Fn(u32) -> Weight) -> Weight {
		own(self.accounts.max(1)).saturating_add(self.contract)
	}

	/// Nothing moved and the contract was not asked.
	fn deferred() -> Self {
		PayoutOutcome { accounts: 1, contract: Weight::zero() }
	}
}

/// Whether an obstacle to paying defers the payout (a verdict completed the
/// rule: the approval stands) or refuses the call (a retry changes nothing).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attempt {
	/// The last verdict needed was just given, or governance ruled a
	/// contested milestone met.
	OnApproval,
	/// A finance officer retries.
	Retry,
}

/// The amounts of a payout, each in the balance type.
pub(crate) struct Amounts<Balance> {
	/// How late the milestone was delivered, in milliseconds.
	pub late_by: Moment,
	pub gross: Balance,
	pub penalty: Balance,
	pub retention: Balance,
	pub offset: Balance,
	pub net: Balance,
	/// The open recoveries offset, oldest first.
	pub offsets: Vec<Offset<Balance>>,
}

impl<T: Config> Pallet<T> {
	/// Pays (or blocks, or defers) the approved milestone `record`, whose
	/// verdicts granted `fraction` under `rule`, and stores its new status.
	pub(crate) fn pay_out(
		actor: Actor<T::AccountId>,
		agreement: AgreementId,
		milestone: MilestoneIndex,
		mut record: MilestoneRecordOf<T>,
		fraction: Permill,
		rule: &ApprovalRule,
		attempt: Attempt,
	) -> Result<PayoutOutcome, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let (phase, version) = Self::binding(agreement)?;
		let (terms, entry) = Self::milestone_of(agreement, version, milestone)?;
		let amounts = Self::amounts(agreement, &record, &terms, &entry, fraction)?;

		if let Some(deferral) = Self::obstacle(agreement, phase, &record, &amounts)? {
			if attempt == Attempt::Retry {
				return Err(match deferral {
					Deferral::Disputed => Error::<T>::AgreementDisputed,
					Deferral::Suspended => Error::<T>::AgreementNotActive,
					Deferral::NoEscrow => Error::<T>::NoEscrow,
					Deferral::InsufficientEscrow => Error::<T>::InsufficientEscrow,
					Deferral::PayeeNotActive => Error::<T>::PayeeNotActive,
				}
				.into());
			}
			record.status = MilestoneStatus::Approved { at: now, fraction, deferral };
			Milestones::<T>::insert(agreement, milestone, record);
			Self::deposit_event(Event::PayoutDeferred { agreement, milestone, deferral });
			return Ok(PayoutOutcome::deferred());
		}

		let query = Self::query(agreement, milestone, &record, &entry, &amounts)?;
		let mut input = SELECTOR_CHECK.to_vec();
		query.encode_to(&mut input);
		let asked = T::FundingConditions::check(
			terms.conditions.address,
			terms.conditions.code_hash,
			&query,
			T::ConditionsWeightLimit::get(),
		);
		let decision = DecisionRecord {
			contract: terms.conditions.address,
			code_hash: terms.conditions.code_hash,
			input_hash: BlakeTwo256::hash(&input),
			query,
			answer: asked.result,
		};
		if decision.answer != Ok(Decision::Allow) {
			Self::record(agreement, actor, AuditAction::PayoutBlocked, (milestone, &decision))?;
			Self::deposit_event(Event::PayoutBlocked {
				agreement,
				milestone,
				contract: decision.contract,
				answer: decision.answer.clone(),
			});
			record.status = MilestoneStatus::Blocked {
				at: now,
				fraction,
				version,
				decision: Box::new(decision),
			};
			Milestones::<T>::insert(agreement, milestone, record);
			return Ok(PayoutOutcome { accounts: 1, contract: asked.weight_used });
		}

		let (disbursement, accounts) =
			Self::pay(actor, agreement, milestone, &mut record, version, rule, decision, amounts)?;
		record.status = MilestoneStatus::Paid { at: now, fraction, disbursement };
		Milestones::<T>::insert(agreement, milestone, record);
		Ok(PayoutOutcome { accounts, contract: asked.weight_used })
	}

	/// Why the payout cannot be made now, if anything stands in its way.
	fn obstacle(
		agreement: AgreementId,
		phase: Phase,
		record: &MilestoneRecordOf<T>,
		amounts: &Amounts<BalanceOf<T>>,
	) -> Result<Option<Deferral>, DispatchError> {
		if Disputes::<T>::contains_key(agreement) {
			return Ok(Some(Deferral::Disputed));
		}
		if !matches!(phase, Phase::Active { .. }) {
			return Ok(Some(Deferral::Suspended));
		}
		// The payee's standing is checked again now, not only at submission:
		// a suspended organisation, or one no longer a private party, is not
		// paid until that changes.
		let payee = record.evidence.organisation;
		if !Self::is_active_organisation(payee)
			|| T::Agreements::party_role(agreement, payee)
				!= Some(civitas_primitives::PartyRole::PrivateParty)
		{
			return Ok(Some(Deferral::PayeeNotActive));
		}
		let Some(position) = T::Escrow::position(agreement) else {
			return Ok(Some(Deferral::NoEscrow));
		};
		let taken = amounts
			.net
			.checked_add(&amounts.retention)
			.and_then(|sum| sum.checked_add(&amounts.offset))
			.ok_or(Error::<T>::Overflow)?;
		Ok((taken > position.remaining).then_some(Deferral::InsufficientEscrow))
	}

	/// The payout's amounts: gross, then the deductions in order (penalty,
	/// retention, recoveries), each at most what is left of the gross.
	pub(crate) fn amounts(
		agreement: AgreementId,
		record: &MilestoneRecordOf<T>,
		terms: &TermsOf<T>,
		entry: &MilestoneOf<T>,
		fraction: Permill,
	) -> Result<Amounts<BalanceOf<T>>, DispatchError> {
		let gross = fraction.mul_floor(entry.amount);
		let late_by = Self::late_by(agreement, record, entry.due);
		let days_late = late_by / MILLIS_PER_DAY;
		// The same rounding as the contract: the daily part rounded down,
		// times the full days late, never more than the gross.
		let penalty = terms
			.late_penalty_per_day
			.mul_floor(gross)
			.saturating_mul(BalanceOf::<T>::from(u32::try_from(days_late).unwrap_or(u32::MAX)))
			.min(gross);
		let after_penalty = gross.saturating_sub(penalty);
		let retention = terms.retention.mul_floor(gross).min(after_penalty);
		let left = after_penalty.saturating_sub(retention);
		let (offset, offsets) =
			Self::offsets_against(agreement, record.evidence.organisation, left);
		Ok(Amounts {
			late_by,
			gross,
			penalty,
			retention,
			offset,
			net: left.saturating_sub(offset),
			offsets,
		})
	}

	/// How late `record`'s milestone, due at `due`, was delivered: from the
	/// due date to the submission of the evidence under judgement, less the
	/// time disputes raised by public authorities or funders were open in
	/// between. Measured to the submission, not the payment, so that slow
	/// verdicts, disputes and suspensions after it (others' delays) never
	/// add to the payee's penalty.
	pub fn late_by(agreement: AgreementId, record: &MilestoneRecordOf<T>, due: Moment) -> Moment {
		let delivered = record.evidence.submitted_on;
		let excused = DisputedTimes::<T>::get(agreement).between(due, delivered, T::Time::now());
		delivered.saturating_sub(due).saturating_sub(excused)
	}

	/// The question for the contract.
	fn query(
		agreement: AgreementId,
		milestone: MilestoneIndex,
		record: &MilestoneRecordOf<T>,
		entry: &MilestoneOf<T>,
		amounts: &Amounts<BalanceOf<T>>,
	) -> Result<DisbursementQuery<T::AccountId>, DispatchError> {
		let wide = |amount: BalanceOf<T>| -> Result<u128, DispatchError> {
			amount.try_into().map_err(|_| Error::<T>::Overflow.into())
		};
		// The gross split across co-funding organisations in their committed
		// shares, exactly as escrow splits amounts.
		let mut committed: BTreeMap<OrganisationId, u128> = BTreeMap::new();
		for share in T::Escrow::shares(agreement) {
			let entry = committed.entry(share.organisation).or_default();
			*entry = entry.checked_add(wide(share.amount)?).ok_or(Error::<T>::Overflow)?;
		}
		let gross = wide(amounts.gross)?;
		let weights: Vec<u128> = committed.values().copied().collect();
		let parts = split(gross, &weights).ok_or(Error::<T>::NoEscrow)?;
		let split = committed
			.keys()
			.zip(parts)
			.map(|(funder, amount)| FunderPart {
				funder: *funder,
				public: matches!(
					T::Organisations::organisation(*funder),
					Some((OrganisationKind::PublicAuthority, _))
				),
				amount,
			})
			.take(MAX_FUNDERS as usize)
			.collect::<Vec<_>>();
		let mut evidence: Vec<DocumentKind> = Vec::new();
		for document in &record.evidence.documents {
			let kind = document.kind.code();
			if !evidence.contains(&kind) {
				evidence.push(kind);
			}
		}
		evidence.truncate(MAX_EVIDENCE_KINDS as usize);
		let paid_to_date = Ledgers::<T>::get(agreement).map(|ledger| ledger.gross);
		Ok(DisbursementQuery {
			agreement,
			milestone,
			payee: T::Organisations::account(record.evidence.organisation),
			gross,
			penalty: wide(amounts.penalty)?,
			retention: wide(amounts.retention)?,
			paid_to_date: paid_to_date.map(wide).transpose()?.unwrap_or_default(),
			split: BoundedVec::truncate_from(split),
			due_date: entry.due,
			payment_date: T::Time::now(),
			late_by: amounts.late_by,
			evidence: BoundedVec::truncate_from(evidence),
		})
	}

	/// Moves the money of an allowed payout, offsets the recoveries, and
	/// records the disbursement; returns its id and the co-funder accounts
	/// touched.
	#[allow(clippy::too_many_arguments)]
	fn pay(
		actor: Actor<T::AccountId>,
		agreement: AgreementId,
		milestone: MilestoneIndex,
		record: &mut MilestoneRecordOf<T>,
		version: u32,
		rule: &ApprovalRule,
		decision: DecisionOf<T>,
		amounts: Amounts<BalanceOf<T>>,
	) -> Result<(DisbursementId, u32), DispatchError> {
		// The private party's organisation account, never the submitter's:
		// the finance officer who sent the evidence acts for the party, and
		// the money stays with the party when the officer leaves.
		let payee_organisation = record.evidence.organisation;
		let payee = T::Organisations::account(payee_organisation);
		let payment = T::Escrow::pay(agreement, &payee, amounts.net, amounts.retention)?;
		let offset_parts = if amounts.offset.is_zero() {
			Vec::new()
		} else {
			T::Escrow::offset_recovery(agreement, amounts.offset)?
		};
		for offset in &amounts.offsets {
			Self::apply_offset(agreement, offset.recovery, offset.amount)?;
		}
		let parts = Self::payout_parts(agreement, &payment.paid, &payment.retained, &offset_parts);
		let accounts = parts.len() as u32;

		let mut ledger = Ledgers::<T>::get(agreement).unwrap_or_else(Ledger::empty);
		let add = |sum: BalanceOf<T>, amount: BalanceOf<T>| {
			sum.checked_add(&amount).ok_or(Error::<T>::Overflow)
		};
		ledger.gross = add(ledger.gross, amounts.gross)?;
		ledger.net = add(ledger.net, amounts.net)?;
		ledger.offset = add(ledger.offset, amounts.offset)?;
		match ledger.retained.iter_mut().find(|held| held.organisation == payee_organisation) {
			Some(held) => {
				held.amount = add(held.amount, amounts.retention)?;
				held.account = payee.clone();
			},
			None => ledger
				.retained
				.try_push(Retained {
					organisation: payee_organisation,
					account: payee.clone(),
					amount: amounts.retention,
				})
				.map_err(|_| Error::<T>::Overflow)?,
		}
		Ledgers::<T>::insert(agreement, ledger);

		if !record.evidence.deposit.is_zero() {
			Self::release_deposit(
				HoldReason::EvidenceDeposit,
				&record.evidence.submitter,
				record.evidence.deposit,
			)?;
			record.evidence.deposit = Zero::zero();
		}

		let id = NextDisbursementId::<T>::get();
		NextDisbursementId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		let disbursement = Disbursement {
			agreement,
			milestone,
			round: record.round,
			version,
			payee: payee.clone(),
			payee_organisation,
			gross: amounts.gross,
			penalty: amounts.penalty,
			retention: amounts.retention,
			offset: amounts.offset,
			net: amounts.net,
			rule: rule.clone(),
			decision,
			parts: BoundedVec::truncate_from(parts),
			offsets: BoundedVec::truncate_from(amounts.offsets),
			recovered: Zero::zero(),
			paid_at: frame_system::Pallet::<T>::block_number(),
		};
		Self::record(agreement, actor, AuditAction::MilestonePaid, (id, &disbursement))?;
		Disbursements::<T>::insert(id, disbursement);
		Self::deposit_event(Event::MilestonePaid {
			agreement,
			milestone,
			disbursement: id,
			payee,
			gross: amounts.gross,
			penalty: amounts.penalty,
			retention: amounts.retention,
			offset: amounts.offset,
			net: amounts.net,
		});
		Ok((id, accounts))
	}

	/// Each co-funder account's part of a payout, in escrow order.
	fn payout_parts(
		agreement: AgreementId,
		paid: &[EscrowPart<T::AccountId, BalanceOf<T>>],
		retained: &[EscrowPart<T::AccountId, BalanceOf<T>>],
		offset: &[EscrowPart<T::AccountId, BalanceOf<T>>],
	) -> Vec<PayoutPart<T::AccountId, BalanceOf<T>>> {
		let part_of = |parts: &[EscrowPart<T::AccountId, BalanceOf<T>>], who: &T::AccountId| {
			parts.iter().find(|part| &part.account == who).map_or(Zero::zero(), |part| part.amount)
		};
		T::Escrow::shares(agreement)
			.into_iter()
			.map(|share| PayoutPart {
				paid: part_of(paid, &share.account),
				retained: part_of(retained, &share.account),
				offset: part_of(offset, &share.account),
				account: share.account,
				organisation: share.organisation,
			})
			.filter(|part| {
				!(part.paid.is_zero() && part.retained.is_zero() && part.offset.is_zero())
			})
			.collect()
	}

	pub(crate) fn do_disburse(
		who: T::AccountId,
		agreement: AgreementId,
		milestone: MilestoneIndex,
	) -> DispatchResultWithPostInfo {
		Self::party_finance_officer(&who, agreement)?;
		let record =
			Milestones::<T>::get(agreement, milestone).ok_or(Error::<T>::NothingToDisburse)?;
		let (_, version) = Self::binding(agreement)?;
		let fraction = match &record.status {
			MilestoneStatus::Approved { fraction, .. } => *fraction,
			MilestoneStatus::Blocked { fraction, version: blocked_under, .. } => {
				ensure!(version > *blocked_under, Error::<T>::NotAmendedSinceBlocked);
				*fraction
			},
			_ => return Err(Error::<T>::NothingToDisburse.into()),
		};
		let (terms, entry) = Self::milestone_of(agreement, version, milestone)?;
		// An amendment may have changed the rule: the round's verdicts must
		// fill the rule in force, or the milestone needs new evidence.
		ensure!(
			crate::review::fills(&entry.approval, &Self::seats(agreement, &terms, &record)),
			Error::<T>::VerdictsNoLongerSuffice
		);
		let outcome = Self::pay_out(
			Actor::Account(who),
			agreement,
			milestone,
			record,
			fraction,
			&entry.approval,
			Attempt::Retry,
		)?;
		Ok(Some(outcome.weight(T::WeightInfo::disburse)).into())
	}

	/// The party `who` is a finance officer of in `agreement`.
	fn party_finance_officer(
		who: &T::AccountId,
		agreement: AgreementId,
	) -> Result<OrganisationId, DispatchError> {
		let organisation =
			T::Organisations::organisation_of(who).ok_or(Error::<T>::NotPartyFinanceOfficer)?;
		ensure!(
			T::Organisations::has_role(who, organisation, civitas_primitives::Role::FinanceOfficer)
				&& Self::is_active_organisation(organisation)
				&& T::Agreements::party_role(agreement, organisation).is_some(),
			Error::<T>::NotPartyFinanceOfficer
		);
		Ok(organisation)
	}

	/// Checked subtraction naming the overflow.
	pub(crate) fn minus(a: BalanceOf<T>, b: BalanceOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		a.checked_sub(&b).ok_or_else(|| Error::<T>::Overflow.into())
	}
}
