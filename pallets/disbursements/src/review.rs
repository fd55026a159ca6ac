//! Verdicts: who may give one, and when a milestone's approval rule is
//! satisfied.
//!
//! An approval rule asks for `count` approvers holding each of its roles.
//! An approver holding several of the rule's roles is counted for one of
//! them only, so the rule is satisfied when the positive verdicts can be
//! assigned to the rule's slots with every slot filled by a different
//! approver: a bipartite matching, found by augmenting paths. The rule has
//! at most [`civitas_primitives::terms::MAX_APPROVERS`] slots and a round as
//! many verdicts, so this is a few hundred steps at most.

use super::*;
use crate::payout::Attempt;
use alloc::vec::Vec;
use civitas_primitives::{terms::ApprovalRule, PartyRole, Role, Roles};
use sp_runtime::Permill;

/// Every role an approval rule may name.
const ROLES: [Role; 5] =
	[Role::FinanceOfficer, Role::Signatory, Role::Verifier, Role::Auditor, Role::Admin];

/// The rule's slots: each role repeated as many times as the rule asks.
fn slots(rule: &ApprovalRule) -> Vec<Role> {
	rule.iter()
		.flat_map(|requirement| core::iter::repeat_n(requirement.role, requirement.count.into()))
		.collect()
}

/// How many of the rule's slots approvers holding `roles` (one entry per
/// approver) can fill, each approver filling one slot at most.
pub fn filled_slots(rule: &ApprovalRule, roles: &[Roles]) -> usize {
	let slots = slots(rule);
	// `holder[s]` is the approver filling slot `s`.
	let mut holder: Vec<Option<usize>> = alloc::vec![None; slots.len()];
	let mut filled = 0;
	for approver in 0..roles.len() {
		let mut visited = alloc::vec![false; slots.len()];
		if augment(approver, &slots, roles, &mut holder, &mut visited) {
			filled += 1;
		}
	}
	filled
}

/// Finds a slot for `approver`, moving earlier approvers to other slots
/// they may fill if need be (Kuhn's augmenting path).
fn augment(
	approver: usize,
	slots: &[Role],
	roles: &[Roles],
	holder: &mut Vec<Option<usize>>,
	visited: &mut Vec<bool>,
) -> bool {
	for (slot, role) in slots.iter().enumerate() {
		if visited[slot] || !roles[approver].contains(*role) {
			continue;
		}
		visited[slot] = true;
		let free = match holder[slot] {
			None => true,
			Some(other) => augment(other, slots, roles, holder, visited),
		};
		if free {
			holder[slot] = Some(approver);
			return true;
		}
	}
	false
}

/// Whether approvers holding `roles` satisfy `rule`.
pub fn satisfies(rule: &ApprovalRule, roles: &[Roles]) -> bool {
	filled_slots(rule, roles) == slots(rule).len()
}

/// The roles of `rule` a member holding them in `organisation` holds.
fn rule_roles<T: Config>(
	who: &T::AccountId,
	organisation: OrganisationId,
	rule: &ApprovalRule,
) -> Roles {
	ROLES
		.into_iter()
		.filter(|role| {
			rule.iter().any(|requirement| requirement.role == *role)
				&& T::Organisations::has_role(who, organisation, *role)
		})
		.fold(Roles::NONE, |roles, role| roles.with(role))
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
		let may_judge = organisation != record.evidence.organisation
			&& Self::is_active_organisation(organisation)
			&& (terms.verifiers.contains(&organisation)
				|| matches!(
					T::Agreements::party_role(agreement, organisation),
					Some(PartyRole::PublicAuthority | PartyRole::Funder | PartyRole::PrivateParty)
				));
		let roles = rule_roles::<T>(&who, organisation, &entry.approval);
		ensure!(may_judge && !roles.is_empty(), Error::<T>::NotAnApprover);
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
		let mut positive: Vec<Roles> = Self::positive_roles(&record);
		if verdict != Verdict::NotMet {
			// A verdict that fills no slot the others leave open would not
			// count; refusing it keeps the round's list bounded by the rule.
			let before = filled_slots(&entry.approval, &positive);
			positive.push(roles);
			ensure!(
				filled_slots(&entry.approval, &positive) > before,
				Error::<T>::VerdictNotNeeded
			);
		}

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
				roles,
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

		if verdict == Verdict::NotMet {
			record.status = MilestoneStatus::NotMet { at: now };
			Self::deposit_event(Event::MilestoneNotMet {
				agreement,
				milestone,
				round: record.round,
			});
			Milestones::<T>::insert(agreement, milestone, record);
			return Ok(Some(T::WeightInfo::approve()).into());
		}
		if !satisfies(&entry.approval, &positive) {
			Milestones::<T>::insert(agreement, milestone, record);
			return Ok(Some(T::WeightInfo::approve()).into());
		}

		let fraction = Self::granted_fraction(&record);
		Self::deposit_event(Event::MilestoneApproved {
			agreement,
			milestone,
			round: record.round,
			fraction,
		});
		let outcome = Self::pay_out(
			Actor::Account(who),
			agreement,
			milestone,
			record,
			fraction,
			&entry.approval,
			Attempt::OnApproval,
		)?;
		Ok(Some(outcome.weight(T::WeightInfo::approve_and_pay)).into())
	}

	/// The roles each positive verdict of the round was given with.
	pub(crate) fn positive_roles(record: &MilestoneRecordOf<T>) -> Vec<Roles> {
		record
			.approvals
			.iter()
			.filter(|approval| approval.verdict != Verdict::NotMet)
			.map(|approval| approval.roles)
			.collect()
	}

	/// The least fraction the round's verdicts granted: all approvers must
	/// agree to at least what is paid.
	pub(crate) fn granted_fraction(record: &MilestoneRecordOf<T>) -> Permill {
		record
			.approvals
			.iter()
			.filter_map(|approval| approval.verdict.fraction())
			.min()
			.unwrap_or_else(Permill::zero)
	}
}
