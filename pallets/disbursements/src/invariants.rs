//! The disbursements pallet's invariants, checked by `try_state` and after
//! every unit and property test.

use super::*;
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use civitas_primitives::Decision;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	TryRuntimeError,
};

/// What one account holds under each of this pallet's reasons.
#[derive(Default)]
struct Owed<Balance> {
	evidence: Balance,
	recovery: Balance,
	dispute: Balance,
}

/// Adds `amount` to `total`, failing the check on overflow.
fn add<B: CheckedAdd>(total: &mut B, amount: &B) -> Result<(), TryRuntimeError> {
	*total = total.checked_add(amount).ok_or("a total overflows")?;
	Ok(())
}

/// Sums `amounts`, failing the check on overflow.
fn sum<B: CheckedAdd + Zero>(amounts: impl IntoIterator<Item = B>) -> Result<B, TryRuntimeError> {
	let mut total = B::zero();
	for amount in amounts {
		add(&mut total, &amount)?;
	}
	Ok(total)
}

/// What the payouts of one agreement add up to.
#[derive(Default)]
struct Paid<Balance> {
	gross: Balance,
	recovered: Balance,
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant in the crate docs.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut owed: BTreeMap<T::AccountId, Owed<BalanceOf<T>>> = BTreeMap::new();
		let mut paid: BTreeMap<AgreementId, Paid<BalanceOf<T>>> = BTreeMap::new();

		for (agreement, milestone, record) in Milestones::<T>::iter() {
			Self::check_milestone(agreement, milestone, &record)?;
			add(
				&mut owed.entry(record.evidence.submitter.clone()).or_default().evidence,
				&record.evidence.deposit,
			)?;
		}
		for (issuer, _, owner) in IssuedInvoices::<T>::iter() {
			ensure!(
				Milestones::<T>::contains_key(owner.agreement, owner.milestone),
				"an invoice belongs to a milestone without evidence"
			);
			ensure!(
				T::Agreements::party_role(owner.agreement, issuer)
					== Some(civitas_primitives::PartyRole::PrivateParty),
				"an invoice's issuer is not a private party of its agreement"
			);
		}

		let next = NextDisbursementId::<T>::get();
		let mut recovered_per_payout: BTreeMap<DisbursementId, BalanceOf<T>> = BTreeMap::new();
		let open_ids: Vec<(AgreementId, Vec<RecoveryId>)> =
			OpenRecoveries::<T>::iter().map(|(a, ids)| (a, ids.into_inner())).collect();
		// The index exists from storage version 3 on (a chain migrating
		// from version 2 builds it in the same upgrade).
		let indexed =
			<Pallet<T> as frame_support::traits::GetStorageVersion>::on_chain_storage_version()
				>= 3;
		if indexed {
			ensure!(
				RecoveriesOf::<T>::iter_keys().count() == Recoveries::<T>::iter_keys().count(),
				"the recovery index lists a recovery that does not exist"
			);
		}
		for (id, recovery) in Recoveries::<T>::iter() {
			ensure!(id < NextRecoveryId::<T>::get(), "a recovery id is not below the next id");
			ensure!(
				!indexed || RecoveriesOf::<T>::contains_key(recovery.agreement, id),
				"a recovery is missing from its agreement's index"
			);
			// A cancelled recovery counts for what was recovered before it
			// was cancelled.
			let counted = match recovery.status {
				RecoveryStatus::Cancelled { cancelled, .. } => {
					ensure!(
						!cancelled.is_zero() && cancelled <= recovery.amount,
						"a cancelled recovery cancelled nothing or more than its amount"
					);
					sp_runtime::traits::Saturating::saturating_sub(recovery.amount, cancelled)
				},
				_ => recovery.amount,
			};
			add(recovered_per_payout.entry(recovery.disbursement).or_default(), &counted)?;
			let listed = open_ids
				.iter()
				.any(|(agreement, ids)| *agreement == recovery.agreement && ids.contains(&id));
			match recovery.status {
				RecoveryStatus::Open { outstanding } => {
					ensure!(
						!outstanding.is_zero() && outstanding <= recovery.amount,
						"an open recovery owes nothing or more than its amount"
					);
					ensure!(listed, "an open recovery is not in its agreement's open list");
					if let Actor::Account(auditor) = &recovery.opened_by {
						add(
							&mut owed.entry(auditor.clone()).or_default().recovery,
							&recovery.deposit,
						)?;
					}
				},
				RecoveryStatus::Recovered { .. } | RecoveryStatus::Cancelled { .. } => {
					ensure!(!listed, "a closed recovery is still listed as open");
				},
			}
		}
		for (_, ids) in &open_ids {
			for id in ids {
				ensure!(
					Recoveries::<T>::contains_key(id),
					"an open list names an unknown recovery"
				);
			}
		}

		for (id, payout) in Disbursements::<T>::iter() {
			ensure!(id < next, "a payout id is not below the next id");
			Self::check_disbursement(id, &payout)?;
			let recovered = recovered_per_payout.remove(&id).unwrap_or_else(Zero::zero);
			ensure!(
				recovered == payout.recovered,
				"a payout's recovered total differs from its recoveries"
			);
			let totals = paid.entry(payout.agreement).or_default();
			add(&mut totals.gross, &payout.gross)?;
			add(&mut totals.recovered, &payout.recovered)?;
		}
		ensure!(recovered_per_payout.is_empty(), "a recovery names an unknown payout");

		for (agreement, ledger) in Ledgers::<T>::iter() {
			let totals = paid.remove(&agreement).unwrap_or_default();
			ensure!(ledger.gross == totals.gross, "a ledger's gross differs from its payouts");
			Self::check_ledger(agreement, &ledger)?;
		}
		ensure!(paid.is_empty(), "an agreement has payouts but no ledger");

		for (agreement, dispute) in Disputes::<T>::iter() {
			ensure!(
				T::Agreements::phase(agreement).and_then(|phase| phase.version()).is_some(),
				"a dispute on an agreement that was never in force"
			);
			if T::Agreements::party_role(agreement, dispute.organisation)
				!= Some(civitas_primitives::PartyRole::PrivateParty)
			{
				ensure!(
					DisputedTimes::<T>::get(agreement).open_since.is_some(),
					"an excusing dispute is open but its time is not counted"
				);
			}
			add(&mut owed.entry(dispute.raised_by.clone()).or_default().dispute, &dispute.deposit)?;
		}
		for (agreement, time) in DisputedTimes::<T>::iter() {
			// Open only while an excusing dispute is: raised by a party
			// other than a private party.
			let excusing = Disputes::<T>::get(agreement).is_some_and(|dispute| {
				T::Agreements::party_role(agreement, dispute.organisation)
					!= Some(civitas_primitives::PartyRole::PrivateParty)
			});
			ensure!(
				time.open_since.is_some() == excusing,
				"the disputed-time clock runs without an excusing dispute, or stands with one"
			);
			let mut previous: Option<Moment> = None;
			for span in &time.closed {
				ensure!(span.from <= span.to, "a disputed period ends before it begins");
				ensure!(
					previous.is_none_or(|end| end <= span.from),
					"disputed periods overlap or are out of order"
				);
				previous = Some(span.to);
			}
			ensure!(
				time.open_since.zip(previous).is_none_or(|(since, end)| end <= since),
				"the open dispute began before a closed one ended"
			);
		}
		for account in frame_system::Account::<T>::iter_keys() {
			owed.entry(account).or_default();
		}
		for (account, owed) in owed {
			let held = |reason: HoldReason| T::Currency::balance_on_hold(&reason.into(), &account);
			ensure!(
				held(HoldReason::EvidenceDeposit) == owed.evidence,
				"evidence deposits held differ from the records"
			);
			ensure!(
				held(HoldReason::RecoveryDeposit) == owed.recovery,
				"recovery deposits held differ from the records"
			);
			ensure!(
				held(HoldReason::DisputeDeposit) == owed.dispute,
				"dispute deposits held differ from the records"
			);
		}
		Ok(())
	}

	/// A milestone's verdicts fit its status; its invoices are registered to
	/// it; a paid one has its payout.
	fn check_milestone(
		agreement: AgreementId,
		milestone: MilestoneIndex,
		record: &MilestoneRecordOf<T>,
	) -> Result<(), TryRuntimeError> {
		ensure!(record.round >= 1, "a review round is numbered from 1");
		for (index, approval) in record.approvals.iter().enumerate() {
			ensure!(
				record.approvals[..index].iter().all(|other| other.approver != approval.approver),
				"an approver gave two verdicts in one round"
			);
			ensure!(
				approval.organisation != record.evidence.organisation,
				"the payee judged its own evidence"
			);
		}
		// Verdicts against may stand beside verdicts in favour (a contest,
		// or a round still filling), but a status says what they decided.
		let against = record.approvals.iter().filter(|a| a.verdict == Verdict::NotMet).count();
		let in_favour = record.approvals.len().saturating_sub(against);
		match &record.status {
			MilestoneStatus::NotMet { .. } => {
				ensure!(against > 0, "a not-met milestone has no verdict against");
			},
			MilestoneStatus::Contested { .. } => {
				ensure!(
					against > 0 && in_favour > 0,
					"a contested milestone's verdicts do not disagree"
				);
			},
			MilestoneStatus::Approved { .. }
			| MilestoneStatus::Blocked { .. }
			| MilestoneStatus::Paid { .. } => {
				ensure!(in_favour > 0, "a milestone is approved without a verdict in favour");
			},
			MilestoneStatus::UnderReview => {},
		}
		for invoice in &record.evidence.invoices {
			ensure!(
				IssuedInvoices::<T>::get(record.evidence.organisation, invoice.sha256)
					== Some(InvoiceUse { agreement, milestone }),
				"a submitted invoice is not registered to its milestone"
			);
		}
		// What was granted lies between the least and the greatest fraction
		// in favour: the median now, the least before version 2.
		let granted: Vec<Permill> =
			record.approvals.iter().filter_map(|approval| approval.verdict.fraction()).collect();
		let within = |fraction: &Permill| {
			granted.iter().min().is_some_and(|least| least <= fraction)
				&& granted.iter().max().is_some_and(|most| fraction <= most)
		};
		match &record.status {
			MilestoneStatus::Approved { fraction, .. }
			| MilestoneStatus::Blocked { fraction, .. } => {
				ensure!(within(fraction), "a status's fraction is outside the verdicts'");
				if let MilestoneStatus::Blocked { decision, .. } = &record.status {
					ensure!(
						decision.answer != Ok(Decision::Allow),
						"a blocked milestone was allowed"
					);
				}
			},
			MilestoneStatus::Paid { disbursement, fraction, .. } => {
				ensure!(within(fraction), "a paid fraction is outside the verdicts'");
				let payout = Disbursements::<T>::get(disbursement)
					.ok_or("a paid milestone has no payout")?;
				// Never more than the met fraction of the milestone's amount
				// under the terms it was paid by.
				let amount = T::Agreements::terms(agreement, payout.version)
					.and_then(|terms| {
						terms.milestones.get(usize::try_from(milestone).ok()?).map(|m| m.amount)
					})
					.ok_or("a paid milestone is not in the terms it was paid by")?;
				ensure!(
					payout.gross == fraction.mul_floor(amount),
					"a payout's gross differs from the met fraction of its milestone"
				);
				ensure!(
					payout.agreement == agreement
						&& payout.milestone == milestone
						&& payout.round == record.round,
					"a paid milestone's payout is for another milestone or round"
				);
				let terms = T::Agreements::terms(agreement, payout.version)
					.ok_or("a payout's terms are missing")?;
				ensure!(
					crate::review::fills(&payout.rule, &Self::seats(agreement, &terms, record)),
					"a payout's verdicts do not fill its approval rule"
				);
				ensure!(
					record.evidence.deposit.is_zero(),
					"a paid milestone still holds its evidence deposit"
				);
			},
			MilestoneStatus::UnderReview
			| MilestoneStatus::NotMet { .. }
			| MilestoneStatus::Contested { .. } => {},
		}
		Ok(())
	}

	/// A payout's amounts and parts add up, its milestone names it, and the
	/// contract that allowed it runs the code hash its terms name.
	fn check_disbursement(
		id: DisbursementId,
		payout: &DisbursementOf<T>,
	) -> Result<(), TryRuntimeError> {
		ensure!(
			matches!(
				Milestones::<T>::get(payout.agreement, payout.milestone).map(|r| r.status),
				Some(MilestoneStatus::Paid { disbursement, .. }) if disbursement == id
			),
			"a payout's milestone is not paid by it"
		);
		ensure!(payout.decision.answer == Ok(Decision::Allow), "a payout without a recorded yes");
		let terms = T::Agreements::terms(payout.agreement, payout.version)
			.ok_or("a payout's terms version is unknown")?;
		ensure!(
			payout.decision.contract == terms.conditions.address
				&& payout.decision.code_hash == terms.conditions.code_hash,
			"a payout was allowed by another contract or code than its terms name"
		);
		let deducted = sum([payout.penalty, payout.retention, payout.offset, payout.net])?;
		ensure!(deducted == payout.gross, "a payout's deductions and net do not sum to its gross");
		ensure!(
			sum(payout.parts.iter().map(|p| p.paid))? == payout.net,
			"a payout's parts do not sum to its net"
		);
		ensure!(
			sum(payout.parts.iter().map(|p| p.retained))? == payout.retention,
			"a payout's retained parts do not sum to its retention"
		);
		ensure!(
			sum(payout.parts.iter().map(|p| p.offset))? == payout.offset
				&& sum(payout.offsets.iter().map(|o| o.amount))? == payout.offset,
			"a payout's offsets do not sum to its offset"
		);
		ensure!(payout.recovered <= payout.net, "more was recovered than the payout paid");
		let gross: u128 = payout.gross.try_into().map_err(|_| "a gross amount overflows")?;
		ensure!(
			payout.decision.query.gross == gross
				&& payout.decision.query.split.iter().map(|p| p.amount).sum::<u128>() == gross,
			"a payout's query does not state its gross and split"
		);
		Ok(())
	}

	/// The agreement's payouts, recoveries and retention agree with its escrow.
	fn check_ledger(agreement: AgreementId, ledger: &LedgerOf<T>) -> Result<(), TryRuntimeError> {
		let retained = sum(ledger.retained.iter().map(|held| held.amount))?;
		let Some(position) = T::Escrow::position(agreement) else {
			// Settled without a pool ever committing: nothing was paid.
			ensure!(
				ledger.gross.is_zero() && retained.is_zero() && ledger.repaid.is_zero(),
				"payouts without an escrow"
			);
			return Ok(());
		};
		ensure!(position.retained == retained, "retention held differs from the ledger's");
		ensure!(ledger.gross <= position.committed, "an agreement paid more than was committed");
		let paid_out = sum([ledger.net, ledger.retention_released])?;
		ensure!(
			paid_out.checked_sub(&ledger.repaid) == Some(position.paid),
			"the escrow's paid total differs from payouts, released retention and repayments"
		);
		let recovered = sum([ledger.offset, ledger.repaid, ledger.retention_offset])?;
		ensure!(
			position.recovered == recovered,
			"the escrow's recovered total differs from the ledger's"
		);
		// paid + retained + remaining = committed − recovered − refunded.
		let accounted = sum([
			position.paid,
			position.retained,
			position.remaining,
			position.recovered,
			position.refunded,
		])?;
		ensure!(
			accounted == position.committed,
			"the escrow does not account for its committed money"
		);
		if ledger.settlement.is_some() {
			ensure!(
				retained.is_zero() && position.remaining.is_zero(),
				"a settled escrow still holds money"
			);
		}
		Ok(())
	}
}
