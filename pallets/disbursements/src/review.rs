//! Verdicts: who may give one, when a milestone's approval rule is
//! filled, and what the verdicts that fill it decide.
//!
//! An approval rule asks for `count` members holding each of its roles, each
//! from the approvers its entry names (any party, the designated verifiers,
//! the parties of one part, or one organisation): its **slots**. Every
//! verdict, for or against, must fill a slot the round's earlier verdicts
//! leave open, or it is refused (so nobody outside the rule's slots can
//! vote, and a round has at most as many verdicts as slots). A member who
//! could fill several slots fills one only: the verdicts fill the rule when
//! they can be assigned to its slots with every slot taken by a different
//! member, a bipartite matching found by augmenting paths. The rule has at
//! most [`civitas_primitives::terms::MAX_APPROVERS`] slots and a round as
//! many verdicts, so this is a few hundred steps at most.
//!
//! Once every slot is filled the round is decided: every verdict in favour
//! pays the median of the fractions granted (met counting as the whole;
//! with an even count, the mean of the two middle ones, rounded down), so
//! that no one approver sets the amount alone; every verdict against means
//! not met; verdicts both ways make the milestone **contested**, and
//! governance rules on it as it rules on disputes ([`Pallet::resolve_contest`]).

use super::*;
use crate::payout::Attempt;
use alloc::vec::Vec;
use civitas_primitives::{terms::ApprovalRule, Approvers, PartyRole, Role, Roles};
use sp_runtime::Permill;

/// Every role an approval rule may name.
const ROLES: [Role; 5] =
	[Role::FinanceOfficer, Role::Signatory, Role::Verifier, Role::Auditor, Role::Admin];

/// One slot of a rule: a role, and whose members may fill it.
#[derive(Clone, Copy)]
struct Slot {
	role: Role,
	from: Approvers,
}

/// The author of a verdict as a rule sees it: the rule's roles the member
/// held, its organisation, and what that organisation is to the agreement.
#[derive(Clone, Copy, Debug)]
pub struct Seat {
	/// The roles of the rule the member held when it judged.
	pub roles: Roles,
	/// The organisation it judged for.
	pub organisation: OrganisationId,
	/// What that organisation plays in the agreement, if a party.
	pub part: Option<PartyRole>,
	/// Whether the terms designate that organisation as a verifier.
	pub verifier: bool,
}

impl Seat {
	/// Whether this author may fill `slot`.
	fn fits(&self, slot: &Slot) -> bool {
		self.roles.contains(slot.role)
			&& slot.from.include(self.organisation, self.part, self.verifier)
	}
}

/// The rule's slots: each entry repeated as many times as it asks.
fn slots(rule: &ApprovalRule) -> Vec<Slot> {
	rule.iter()
		.flat_map(|requirement| {
			core::iter::repeat_n(
				Slot { role: requirement.role, from: requirement.from },
				requirement.count.into(),
			)
		})
		.collect()
}

/// How many of the rule's slots the authors `seats` (one per verdict) can
/// fill, each author filling one slot at most.
pub fn filled_slots(rule: &ApprovalRule, seats: &[Seat]) -> usize {
	let slots = slots(rule);
	// `holder[s]` is the author filling slot `s`.
	let mut holder: Vec<Option<usize>> = alloc::vec![None; slots.len()];
	let mut filled = 0;
	for author in 0..seats.len() {
		let mut visited = alloc::vec![false; slots.len()];
		if augment(author, &slots, seats, &mut holder, &mut visited) {
			filled += 1;
		}
	}
	filled
}

/// Finds a slot for `author`, moving earlier authors to other slots they
/// may fill if need be (Kuhn's augmenting path).
fn augment(
	author: usize,
	slots: &[Slot],
	seats: &[Seat],
	holder: &mut Vec<Option<usize>>,
	visited: &mut Vec<bool>,
) -> bool {
	let Some(seat) = seats.get(author) else { return false };
	for (slot, wanted) in slots.iter().enumerate() {
		if visited.get(slot).copied().unwrap_or(true) || !seat.fits(wanted) {
			continue;
		}
		if let Some(seen) = visited.get_mut(slot) {
			*seen = true;
		}
		let free = match holder.get(slot).copied().flatten() {
			None => true,
			Some(other) => augment(other, slots, seats, holder, visited),
		};
		if free {
			if let Some(taken) = holder.get_mut(slot) {
				*taken = Some(author);
			}
			return true;
		}
	}
	false
}

/// Whether the authors `seats` fill every slot of `rule`.
pub fn fills(rule: &ApprovalRule, seats: &[Seat]) -> bool {
	filled_slots(rule, seats) == slots(rule).len()
}

/// The roles of `rule` that `who` holds in `seat`'s organisation, counting
/// only entries whose approvers include that organisation.
fn rule_roles<T: Config>(who: &T::AccountId, seat: &Seat, rule: &ApprovalRule) -> Roles {
	ROLES
		.into_iter()
		.filter(|role| {
			rule.iter().any(|requirement| {
				requirement.role == *role
					&& requirement.from.include(seat.organisation, seat.part, seat.verifier)
			}) && T::Organisations::has_role(who, seat.organisation, *role)
		})
		.fold(Roles::NONE, |roles, role| roles.with(role))
}

/// What a round whose every slot is filled decided.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Outcome {
	/// Every verdict in favour: this fraction is paid.
	Met(Permill),
	/// Every verdict against.
	NotMet,
	/// Verdicts both ways: governance rules.
	Contested,
}

impl<T: Config> Pallet<T> {
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_approve(
		who: T::AccountId,
		agreement: AgreementId,
		milestone: MilestoneIndex,
		round: u32,
		evidence: H256,
		verdict: Verdict,
		note: H256,
	) -> DispatchResultWithPostInfo {
		let mut record =
			Milestones::<T>::get(agreement, milestone).ok_or(Error::<T>::NotUnderReview)?;
		let (_, version) = Self::binding(agreement)?;
		let (terms, entry) = Self::milestone_of(agreement, version, milestone)?;
		ensure!(record.status == MilestoneStatus::UnderReview, Error::<T>::NotUnderReview);
		// A verdict judges one round's evidence: one sent for a round that
		// was replaced since (or for other documents) must not count for
		// the new one, whose payee or files the approver has not seen.
		ensure!(round == record.round, Error::<T>::StaleRound);
		ensure!(evidence == record.evidence.hash(), Error::<T>::EvidenceMismatch);
		let organisation =
			T::Organisations::organisation_of(&who).ok_or(Error::<T>::NotAnApprover)?;
		let mut seat = Self::seat(agreement, &terms, organisation, Roles::NONE);
		let may_judge = organisation != record.evidence.organisation
			&& Self::is_active_organisation(organisation)
			&& (seat.verifier || seat.part.is_some());
		seat.roles = rule_roles::<T>(&who, &seat, &entry.approval);
		ensure!(may_judge && !seat.roles.is_empty(), Error::<T>::NotAnApprover);
		ensure!(
			record.approvals.iter().all(|approval| approval.approver != who),
			Error::<T>::AlreadyGaveVerdict
		);
		if let Verdict::PartiallyMet(fraction) = verdict {
			ensure!(
				fraction > Permill::zero() && fraction < Permill::one(),
				Error::<T>::InvalidFraction
			);
		}
		// A verdict, for or against, that fills no slot the others leave
		// open does not count: refusing it keeps anyone outside the rule
		// from deciding, and the round's list bounded by the rule.
		let mut seats = Self::seats(agreement, &terms, &record);
		let before = filled_slots(&entry.approval, &seats);
		seats.push(seat);
		ensure!(filled_slots(&entry.approval, &seats) > before, Error::<T>::VerdictNotNeeded);

		let now = frame_system::Pallet::<T>::block_number();
		Self::record(
			agreement,
			Actor::Account(who.clone()),
			AuditAction::VerdictGiven,
			(milestone, record.round, evidence, organisation, verdict, note),
		)?;
		record
			.approvals
			.try_push(Approval {
				approver: who.clone(),
				organisation,
				roles: seat.roles,
				verdict,
				note,
				at: now,
			})
			.map_err(|_| Error::<T>::VerdictNotNeeded)?;
		Self::deposit_event(Event::VerdictGiven {
			agreement,
			milestone,
			round: record.round,
			evidence,
			approver: who.clone(),
			organisation,
			verdict,
			note,
		});

		if !fills(&entry.approval, &seats) {
			Milestones::<T>::insert(agreement, milestone, record);
			return Ok(Some(T::WeightInfo::approve()).into());
		}
		match Self::outcome(&record) {
			Outcome::NotMet => {
				Self::end_not_met(agreement, milestone, record);
				Ok(Some(T::WeightInfo::approve()).into())
			},
			Outcome::Contested => {
				record.status = MilestoneStatus::Contested { at: now };
				Self::deposit_event(Event::MilestoneContested {
					agreement,
					milestone,
					round: record.round,
					against: Self::verdicts_against(&record),
				});
				Milestones::<T>::insert(agreement, milestone, record);
				Ok(Some(T::WeightInfo::approve()).into())
			},
			Outcome::Met(fraction) => {
				let outcome = Self::pay_approved(
					Actor::Account(who),
					agreement,
					milestone,
					record,
					fraction,
					&entry.approval,
				)?;
				Ok(Some(outcome.weight(T::WeightInfo::approve_and_pay)).into())
			},
		}
	}

	/// Governance's ruling on a contested milestone: met pays the median
	/// of the verdicts in favour; not met asks for new evidence.
	pub(crate) fn do_resolve_contest(
		agreement: AgreementId,
		milestone: MilestoneIndex,
		round: u32,
		ruling: Ruling,
		reason: H256,
	) -> DispatchResultWithPostInfo {
		let record = Milestones::<T>::get(agreement, milestone).ok_or(Error::<T>::NotContested)?;
		ensure!(
			matches!(record.status, MilestoneStatus::Contested { .. }),
			Error::<T>::NotContested
		);
		ensure!(round == record.round, Error::<T>::StaleRound);
		let (_, version) = Self::binding(agreement)?;
		let (terms, entry) = Self::milestone_of(agreement, version, milestone)?;
		// An amendment since may have changed the rule: the round's verdicts
		// must still fill the rule in force, or new evidence is needed.
		if ruling == Ruling::Met {
			ensure!(
				fills(&entry.approval, &Self::seats(agreement, &terms, &record)),
				Error::<T>::VerdictsNoLongerSuffice
			);
		}
		Self::record(
			agreement,
			Actor::Governance,
			AuditAction::ContestResolved,
			(milestone, record.round, ruling, reason),
		)?;
		Self::deposit_event(Event::ContestResolved {
			agreement,
			milestone,
			round: record.round,
			ruling,
			reason,
		});
		match ruling {
			Ruling::NotMet => {
				Self::end_not_met(agreement, milestone, record);
				Ok(Some(T::WeightInfo::approve()).into())
			},
			Ruling::Met => {
				let fraction = Self::granted_fraction(&record);
				let outcome = Self::pay_approved(
					Actor::Governance,
					agreement,
					milestone,
					record,
					fraction,
					&entry.approval,
				)?;
				Ok(Some(outcome.weight(T::WeightInfo::resolve_contest)).into())
			},
		}
	}

	/// Ends the round as not met (its verdicts, or governance's ruling,
	/// said so): new evidence is needed.
	fn end_not_met(
		agreement: AgreementId,
		milestone: MilestoneIndex,
		mut record: MilestoneRecordOf<T>,
	) {
		record.status = MilestoneStatus::NotMet { at: frame_system::Pallet::<T>::block_number() };
		Self::deposit_event(Event::MilestoneNotMet { agreement, milestone, round: record.round });
		Milestones::<T>::insert(agreement, milestone, record);
	}

	/// Approves the round at `fraction` (its verdicts, or governance's
	/// ruling, said met) and pays it, or defers or blocks the payout.
	fn pay_approved(
		actor: Actor<T::AccountId>,
		agreement: AgreementId,
		milestone: MilestoneIndex,
		record: MilestoneRecordOf<T>,
		fraction: Permill,
		rule: &ApprovalRule,
	) -> Result<crate::payout::PayoutOutcome, DispatchError> {
		Self::deposit_event(Event::MilestoneApproved {
			agreement,
			milestone,
			round: record.round,
			fraction,
		});
		Self::pay_out(actor, agreement, milestone, record, fraction, rule, Attempt::OnApproval)
	}

	/// The author of a verdict by a member of `organisation` holding `roles`.
	pub(crate) fn seat(
		agreement: AgreementId,
		terms: &TermsOf<T>,
		organisation: OrganisationId,
		roles: Roles,
	) -> Seat {
		Seat {
			roles,
			organisation,
			part: T::Agreements::party_role(agreement, organisation),
			verifier: terms.verifiers.contains(&organisation),
		}
	}

	/// The authors of the round's verdicts, for and against, under `terms`.
	pub(crate) fn seats(
		agreement: AgreementId,
		terms: &TermsOf<T>,
		record: &MilestoneRecordOf<T>,
	) -> Vec<Seat> {
		record
			.approvals
			.iter()
			.map(|approval| Self::seat(agreement, terms, approval.organisation, approval.roles))
			.collect()
	}

	/// What the round's verdicts decided, once they fill every slot.
	pub(crate) fn outcome(record: &MilestoneRecordOf<T>) -> Outcome {
		let against = Self::verdicts_against(record);
		if against == 0 {
			Outcome::Met(Self::granted_fraction(record))
		} else if usize::try_from(against).ok() == Some(record.approvals.len()) {
			Outcome::NotMet
		} else {
			Outcome::Contested
		}
	}

	/// How many of the round's verdicts say not met.
	pub(crate) fn verdicts_against(record: &MilestoneRecordOf<T>) -> u32 {
		let against = record.approvals.iter().filter(|a| a.verdict == Verdict::NotMet).count();
		u32::try_from(against).unwrap_or(u32::MAX)
	}

	/// The median of the fractions the round's verdicts in favour granted
	/// (met counting as the whole); with an even count, the mean of the two
	/// middle ones, rounded down. Nothing if none is in favour.
	pub(crate) fn granted_fraction(record: &MilestoneRecordOf<T>) -> Permill {
		let mut granted: Vec<u32> = record
			.approvals
			.iter()
			.filter_map(|approval| approval.verdict.fraction())
			.map(|fraction| fraction.deconstruct())
			.collect();
		granted.sort_unstable();
		let middle = granted.len() / 2;
		let parts = if granted.len() % 2 == 1 {
			granted.get(middle).copied()
		} else {
			middle
				.checked_sub(1)
				.and_then(|below| granted.get(below))
				.zip(granted.get(middle))
				// Each at most a million parts: the sum cannot overflow.
				.map(|(low, high)| low.saturating_add(*high) / 2)
		};
		Permill::from_parts(parts.unwrap_or(0))
	}
}
