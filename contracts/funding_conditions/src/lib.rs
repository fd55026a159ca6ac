//! # Funding conditions
//!
//! An ink! contract holding one Civitas agreement's funding conditions. The
//! ledger asks it about every milestone payout before money leaves escrow;
//! it answers allow, or deny with a reason code, and emits one `Decided`
//! event per answer given inside a transaction.
//!
//! Conditions (each optional, fixed at instantiation; a change is a new
//! instance that an amendment of the agreement names):
//!
//! - maximum single payout, and a cumulative cap over the agreement's life;
//! - minimum share of each payout per named co-funder, and a minimum share
//!   for public funders together (EU co-financing rates);
//! - retention withheld until final acceptance;
//! - no payout after the agreement's end date plus a grace period;
//! - late penalty per full day the milestone was delivered late (the query's
//!   `late_by`: due date to the approved evidence's submission, less others' disputes);
//! - document types that must be among the milestone's evidence.
//!
//! Messages and their pinned selectors (the runtime calls them by number,
//! so a rename never breaks it): constructor `new` `0xC171A500`,
//! `conditions` `0xC171A501`, `check` `0xC171A502`.
//!
//! The rules are plain functions in [`rules`]; `check` has no state but the
//! conditions, so re-running a recorded query reproduces its decision.

#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod rules;
pub mod types;

#[ink::contract]
mod funding_conditions {
	use crate::{rules, types::*};

	/// One agreement's conditions, fixed for the instance's life.
	#[ink(storage)]
	pub struct FundingConditions {
		/// The conditions given at instantiation.
		conditions: Conditions,
	}

	/// A decision given inside a transaction.
	#[ink(event)]
	pub struct Decided {
		/// The agreement asked about.
		#[ink(topic)]
		pub agreement: AgreementId,
		/// The milestone asked about.
		pub milestone: u32,
		/// The payee of the payout.
		pub payee: [u8; 32],
		/// The payout's gross amount.
		pub gross: u128,
		/// The answer.
		pub decision: Decision,
	}

	impl FundingConditions {
		/// Creates an instance for `conditions`, refusing inconsistent ones.
		#[ink(constructor, selector = 0xC171A500)]
		pub fn new(conditions: Conditions) -> Result<Self, InvalidConditions> {
			rules::validate(&conditions)?;
			Ok(Self { conditions })
		}

		/// The conditions this instance enforces.
		#[ink(message, selector = 0xC171A501)]
		pub fn conditions(&self) -> Conditions {
			self.conditions.clone()
		}

		/// Whether the payout described by `query` may be made, and if not, why.
		#[ink(message, selector = 0xC171A502)]
		pub fn check(&self, query: DisbursementQuery) -> Decision {
			let decision = rules::decide(&self.conditions, &query);
			self.env().emit_event(Decided {
				agreement: query.agreement,
				milestone: query.milestone,
				payee: query.payee,
				gross: query.gross,
				decision: decision.clone(),
			});
			decision
		}
	}

	#[cfg(test)]
	mod tests {
		use super::*;

		const AGREEMENT: AgreementId = 7;
		const CITY_A: OrganisationId = 1;
		const CITY_B: OrganisationId = 2;
		const BANK: OrganisationId = 3;
		const DUE: Moment = 1_767_225_600_000; // 2026-01-01T00:00:00Z
		const INVOICE: DocumentKind = 3;
		const REPORT: DocumentKind = 5;

		/// Conditions with nothing set: every consistent query is allowed.
		fn open_conditions() -> Conditions {
			Conditions {
				agreement: AGREEMENT,
				max_single_payout: None,
				cumulative_cap: None,
				min_funder_shares: vec![],
				min_public_share: None,
				retention: None,
				payout_deadline: None,
				late_penalty_per_day: None,
				required_evidence: vec![],
			}
		}

		/// A payout of 1_000_000 split 500k / 300k (public cities) and
		/// 200k (private bank), on its due date, with no deductions.
		fn query() -> DisbursementQuery {
			DisbursementQuery {
				agreement: AGREEMENT,
				milestone: 0,
				payee: [9; 32],
				gross: 1_000_000,
				penalty: 0,
				retention: 0,
				paid_to_date: 0,
				split: vec![
					FunderPart { funder: CITY_A, public: true, amount: 500_000 },
					FunderPart { funder: CITY_B, public: true, amount: 300_000 },
					FunderPart { funder: BANK, public: false, amount: 200_000 },
				],
				due_date: DUE,
				payment_date: DUE,
				late_by: 0,
				evidence: vec![INVOICE, REPORT],
			}
		}

		fn check_with(conditions: Conditions, query: DisbursementQuery) -> Decision {
			FundingConditions::new(conditions).expect("valid conditions").check(query)
		}

		fn deny(reason: DenyReason) -> Decision {
			Decision::Deny(reason)
		}

		#[ink::test]
		fn conditions_are_kept_as_given() {
			let mut conditions = open_conditions();
			conditions.retention = Some(50_000);
			let contract = FundingConditions::new(conditions.clone()).expect("valid");
			assert_eq!(contract.conditions(), conditions);
		}

		#[ink::test]
		fn no_conditions_allow_a_consistent_query() {
			assert_eq!(check_with(open_conditions(), query()), Decision::Allow);
		}

		#[ink::test]
		fn each_check_emits_one_event() {
			let contract = FundingConditions::new(open_conditions()).expect("valid");
			contract.check(query());
			let mut q = query();
			q.agreement = AGREEMENT + 1;
			contract.check(q);
			assert_eq!(ink::env::test::recorded_events().len(), 2);
		}

		#[ink::test]
		fn another_agreement_is_denied() {
			let mut q = query();
			q.agreement = AGREEMENT + 1;
			assert_eq!(check_with(open_conditions(), q), deny(DenyReason::WrongAgreement));
		}

		#[ink::test]
		fn split_must_sum_to_gross() {
			let mut q = query();
			q.split[2].amount = 199_999;
			assert_eq!(check_with(open_conditions(), q), deny(DenyReason::InconsistentAmounts));
			let mut q = query();
			q.split[2].amount = 200_001;
			assert_eq!(check_with(open_conditions(), q), deny(DenyReason::InconsistentAmounts));
			let mut q = query();
			q.split[2].amount = u128::MAX;
			assert_eq!(check_with(open_conditions(), q), deny(DenyReason::InconsistentAmounts));
		}

		#[ink::test]
		fn deductions_may_not_exceed_gross() {
			let mut q = query();
			q.penalty = 600_000;
			q.retention = 400_000;
			assert_eq!(check_with(open_conditions(), q.clone()), Decision::Allow);
			q.retention = 400_001;
			assert_eq!(
				check_with(open_conditions(), q.clone()),
				deny(DenyReason::InconsistentAmounts)
			);
			q.penalty = u128::MAX;
			assert_eq!(check_with(open_conditions(), q), deny(DenyReason::InconsistentAmounts));
		}

		#[ink::test]
		fn single_payout_limit_is_inclusive() {
			let mut conditions = open_conditions();
			conditions.max_single_payout = Some(1_000_000);
			assert_eq!(check_with(conditions.clone(), query()), Decision::Allow);
			conditions.max_single_payout = Some(999_999);
			assert_eq!(check_with(conditions, query()), deny(DenyReason::AboveSinglePayoutLimit));
		}

		#[ink::test]
		fn cumulative_cap_counts_earlier_payouts() {
			let mut conditions = open_conditions();
			conditions.cumulative_cap = Some(5_000_000);
			let mut q = query();
			q.paid_to_date = 4_000_000;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			q.paid_to_date = 4_000_001;
			assert_eq!(
				check_with(conditions.clone(), q.clone()),
				deny(DenyReason::AboveCumulativeCap)
			);
			q.paid_to_date = u128::MAX;
			assert_eq!(check_with(conditions, q), deny(DenyReason::AboveCumulativeCap));
		}

		#[ink::test]
		fn named_funder_must_carry_its_share() {
			let mut conditions = open_conditions();
			conditions.min_funder_shares = vec![FunderShare { funder: BANK, min_share: 200_000 }];
			assert_eq!(check_with(conditions.clone(), query()), Decision::Allow);
			conditions.min_funder_shares[0].min_share = 200_001;
			assert_eq!(check_with(conditions, query()), deny(DenyReason::FunderShareTooLow(BANK)));
		}

		#[ink::test]
		fn absent_named_funder_is_denied() {
			let mut conditions = open_conditions();
			conditions.min_funder_shares = vec![FunderShare { funder: 99, min_share: 1 }];
			assert_eq!(check_with(conditions, query()), deny(DenyReason::FunderShareTooLow(99)));
		}

		#[ink::test]
		fn share_with_a_fraction_needs_the_next_unit() {
			// A third of 1_000_000 is 333_333.3...: 333_333 is short of it.
			let mut conditions = open_conditions();
			conditions.min_funder_shares = vec![FunderShare { funder: CITY_A, min_share: 333_334 }];
			let mut q = query();
			q.split[0].amount = 333_334;
			q.split[1].amount = 466_666;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			q.split[0].amount = 333_333;
			q.split[1].amount = 466_667;
			assert_eq!(check_with(conditions, q), deny(DenyReason::FunderShareTooLow(CITY_A)));
		}

		#[ink::test]
		fn public_share_adds_public_funders() {
			let mut conditions = open_conditions();
			conditions.min_public_share = Some(800_000);
			assert_eq!(check_with(conditions.clone(), query()), Decision::Allow);
			conditions.min_public_share = Some(800_001);
			assert_eq!(check_with(conditions, query()), deny(DenyReason::PublicShareTooLow));
		}

		#[ink::test]
		fn retention_must_be_withheld() {
			let mut conditions = open_conditions();
			conditions.retention = Some(50_000); // 5 %
			let mut q = query();
			q.retention = 50_000;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			q.retention = 49_999;
			assert_eq!(check_with(conditions, q), deny(DenyReason::RetentionTooLow));
		}

		#[ink::test]
		fn retention_rounds_down() {
			// 5 % of 999_999 is 49_999.95: withholding 49_999 is enough.
			let mut conditions = open_conditions();
			conditions.retention = Some(50_000);
			let mut q = query();
			q.gross = 999_999;
			q.split[2].amount = 199_999;
			q.retention = 49_999;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			q.retention = 49_998;
			assert_eq!(check_with(conditions, q), deny(DenyReason::RetentionTooLow));
		}

		#[ink::test]
		fn no_payout_after_end_plus_grace() {
			let mut conditions = open_conditions();
			let end = DUE;
			conditions.payout_deadline = Some(PayoutDeadline { end_date: end, grace: 1_000 });
			let mut q = query();
			q.payment_date = end + 1_000;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			q.payment_date = end + 1_001;
			assert_eq!(check_with(conditions, q), deny(DenyReason::PastPayoutDeadline));
		}

		#[ink::test]
		fn late_penalty_accrues_per_full_day() {
			let mut conditions = open_conditions();
			conditions.late_penalty_per_day = Some(1_000); // 0.1 % a day
			let mut q = query();
			// Almost a full day late: nothing owed yet.
			q.late_by = MILLIS_PER_DAY - 1;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			// Paid long after the due date but delivered on time: nothing
			// owed, whatever held the payout up.
			q.payment_date = DUE + 30 * MILLIS_PER_DAY;
			assert_eq!(check_with(conditions.clone(), q.clone()), Decision::Allow);
			// Delivered three days late: 3 × 1_000 owed.
			q.late_by = 3 * MILLIS_PER_DAY;
			assert_eq!(check_with(conditions.clone(), q.clone()), deny(DenyReason::PenaltyTooLow));
			q.penalty = 2_999;
			assert_eq!(check_with(conditions.clone(), q.clone()), deny(DenyReason::PenaltyTooLow));
			q.penalty = 3_000;
			assert_eq!(check_with(conditions, q), Decision::Allow);
		}

		#[ink::test]
		fn late_penalty_is_capped_at_gross() {
			let mut conditions = open_conditions();
			conditions.late_penalty_per_day = Some(WHOLE);
			let mut q = query();
			q.late_by = 10 * MILLIS_PER_DAY;
			q.penalty = q.gross;
			assert_eq!(check_with(conditions, q), Decision::Allow);
		}

		#[ink::test]
		fn required_evidence_must_be_present() {
			let mut conditions = open_conditions();
			conditions.required_evidence = vec![INVOICE, REPORT];
			assert_eq!(check_with(conditions.clone(), query()), Decision::Allow);
			let mut q = query();
			q.evidence = vec![INVOICE];
			assert_eq!(check_with(conditions, q), deny(DenyReason::MissingEvidence(REPORT)));
		}

		#[ink::test]
		fn first_violated_condition_is_reported() {
			let mut conditions = open_conditions();
			conditions.max_single_payout = Some(1);
			conditions.retention = Some(10_000);
			assert_eq!(check_with(conditions, query()), deny(DenyReason::AboveSinglePayoutLimit));
		}

		#[ink::test]
		fn inconsistent_conditions_are_refused() {
			let mut c = open_conditions();
			c.retention = Some(WHOLE + 1);
			assert_eq!(FundingConditions::new(c).err(), Some(InvalidConditions::RateAboveWhole));

			let mut c = open_conditions();
			c.min_funder_shares = vec![
				FunderShare { funder: CITY_A, min_share: 600_000 },
				FunderShare { funder: CITY_B, min_share: 400_001 },
			];
			assert_eq!(FundingConditions::new(c).err(), Some(InvalidConditions::SharesAboveWhole));

			let mut c = open_conditions();
			c.min_funder_shares = vec![
				FunderShare { funder: CITY_A, min_share: 1 },
				FunderShare { funder: CITY_A, min_share: 2 },
			];
			assert_eq!(
				FundingConditions::new(c).err(),
				Some(InvalidConditions::DuplicateFunder(CITY_A))
			);

			let mut c = open_conditions();
			c.required_evidence = vec![INVOICE, INVOICE];
			assert_eq!(
				FundingConditions::new(c).err(),
				Some(InvalidConditions::DuplicateEvidenceKind(INVOICE))
			);

			let mut c = open_conditions();
			c.required_evidence = (0..=MAX_EVIDENCE_KINDS as u8).collect();
			assert_eq!(FundingConditions::new(c).err(), Some(InvalidConditions::TooManyEntries));
		}

		#[ink::test]
		fn part_floor_never_overflows() {
			assert_eq!(rules::part_floor(u128::MAX, WHOLE), u128::MAX);
			assert_eq!(rules::part_floor(u128::MAX, 0), 0);
			assert_eq!(rules::part_floor(3, 500_000), 1);
			assert!(rules::at_least_share(u128::MAX, u128::MAX, WHOLE));
		}
	}
}
