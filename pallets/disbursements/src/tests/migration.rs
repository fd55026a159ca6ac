//! The storage migrations, run on a ledger written in the old layout.

use super::*;
use crate::{migrations::v1, InvoiceUse, IssuedInvoices, Pallet};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Rewrites the invoice registry in the version 0 layout (hash → milestone)
/// and sets the pallet's on-chain version back to 0.
fn downgrade_to_v0() {
	let registered: Vec<_> = IssuedInvoices::<Test>::drain().collect();
	for (_, sha256, owner) in registered {
		v1::Invoices::<Test>::insert(sha256, owner);
	}
	StorageVersion::new(0).put::<Pallet<Test>>();
}

#[test]
fn v1_keys_every_invoice_by_the_party_that_submitted_it() {
	run(|| {
		let agreement = paid_agreement();
		submit(agreement, 1, 2);
		downgrade_to_v0();
		assert_eq!(v1::Invoices::<Test>::iter().count(), 2);
		assert_eq!(IssuedInvoices::<Test>::iter().count(), 0);

		#[cfg(feature = "try-runtime")]
		let state = v1::MigrateToV1::<Test>::pre_upgrade().expect("pre-upgrade checks pass");
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v1::MigrateToV1::<Test>::post_upgrade(state).expect("post-upgrade checks pass");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(v1::Invoices::<Test>::iter().count(), 0);
		for (seed, milestone) in [(1, 0), (2, 1)] {
			assert_eq!(
				IssuedInvoices::<Test>::get(PARTNER, [seed; 32]),
				Some(InvoiceUse { agreement, milestone })
			);
		}
		// A second run is a no-op: the version says it ran.
		let after = root();
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(root(), after);
	});
}

mod lateness {
	use super::*;
	use crate::{
		migrations::v2, DecisionRecord, Disbursements, DisputedTime, DisputedTimes, Disputes,
		MilestoneRecord, MilestoneStatus, Milestones,
	};
	use civitas_primitives::DisbursementQuery;
	use codec::Encode;
	use frame_support::{storage::unhashed, traits::ConstU64};

	type Migration = v2::MigrateToV2<Test, ConstU64<6_000>>;

	/// A query as version 1 encoded it: without `late_by`.
	fn query_v1(q: &DisbursementQuery<AccountId>) -> Vec<u8> {
		let head = (q.agreement, q.milestone, &q.payee, q.gross, q.penalty, q.retention);
		(head, q.paid_to_date, &q.split, q.due_date, q.payment_date, &q.evidence).encode()
	}

	fn decision_v1(d: &DecisionRecord<AccountId>) -> Vec<u8> {
		let mut bytes = (d.contract, d.code_hash, d.input_hash).encode();
		bytes.extend(query_v1(&d.query));
		bytes.extend(d.answer.encode());
		bytes
	}

	fn record_v1(r: &MilestoneRecord<AccountId, Balance, u64>) -> Vec<u8> {
		let e = &r.evidence;
		let mut bytes =
			(r.round, &e.submitter, e.organisation, &e.documents, &e.invoices, e.submitted_at)
				.encode();
		bytes.extend(e.deposit.encode());
		bytes.extend(r.approvals.encode());
		match &r.status {
			MilestoneStatus::Blocked { at, fraction, version, decision } => {
				bytes.push(3);
				bytes.extend((at, fraction, version).encode());
				bytes.extend(decision_v1(decision));
			},
			// The other states are laid out as in version 1.
			other => bytes.extend(other.encode()),
		}
		bytes
	}

	/// Rewrites records and payouts in the version 1 layout, drops the
	/// disputed time and sets the on-chain version back to 1.
	fn downgrade_to_v1() {
		for (agreement, milestone, record) in Milestones::<Test>::iter().collect::<Vec<_>>() {
			let key = Milestones::<Test>::hashed_key_for(agreement, milestone);
			unhashed::put_raw(&key, &record_v1(&record));
		}
		for (id, d) in Disbursements::<Test>::iter().collect::<Vec<_>>() {
			let mut bytes = (d.agreement, d.milestone, d.round, d.version, &d.payee).encode();
			bytes.extend((d.payee_organisation, d.gross, d.penalty, d.retention).encode());
			// Version 1's requirements had no approvers: a role and a count.
			let rule: Vec<_> = d.rule.iter().map(|r| (r.role, r.count)).collect();
			bytes.extend((d.offset, d.net, rule).encode());
			bytes.extend(decision_v1(&d.decision));
			bytes.extend((&d.parts, &d.offsets, d.recovered, d.paid_at).encode());
			unhashed::put_raw(&Disbursements::<Test>::hashed_key_for(id), &bytes);
		}
		let _ = DisputedTimes::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Pallet<Test>>();
	}

	#[test]
	fn v2_dates_evidence_states_lateness_and_counts_open_disputes() {
		run(|| {
			let agreement = paid_agreement();
			at(DUE[1] + 2 * 86_400_000);
			submit(agreement, 1, 2);
			assert_ok!(crate::Pallet::<Test>::raise_dispute(signed(&BOB), agreement, note(1)));
			let records: Vec<_> = Milestones::<Test>::iter().collect();
			let payouts: Vec<_> = Disbursements::<Test>::iter().collect();
			let clock = DisputedTimes::<Test>::get(agreement);
			downgrade_to_v1();
			assert!(Milestones::<Test>::iter().next().is_none(), "old records do not decode");

			// Ten blocks later, an hour later.
			System::set_block_number(System::block_number() + 10);
			at(DUE[1] + 2 * 86_400_000 + 3_600_000);
			#[cfg(feature = "try-runtime")]
			let state = Migration::pre_upgrade().expect("pre-upgrade checks pass");
			Migration::on_runtime_upgrade();
			#[cfg(feature = "try-runtime")]
			Migration::post_upgrade(state).expect("post-upgrade checks pass");
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));

			// Submissions are dated ten blocks (60 s) before the upgrade.
			let now = Timestamp::get();
			for (agreement, milestone, mut before) in records {
				let after = Milestones::<Test>::get(agreement, milestone).unwrap();
				assert_eq!(after.evidence.submitted_on, now - 60_000);
				before.evidence.submitted_on = after.evidence.submitted_on;
				assert_eq!(after, before);
			}
			// Payouts keep every field; version 1 measured lateness at payment.
			for (id, before) in payouts {
				let after = Disbursements::<Test>::get(id).unwrap();
				let q = &before.decision.query;
				assert_eq!(after.decision.query.late_by, q.payment_date.saturating_sub(q.due_date));
				assert_eq!(after, before);
			}
			// City B's open dispute counts from its estimated start.
			assert!(clock.open_since.is_some());
			assert_eq!(
				DisputedTimes::<Test>::get(agreement),
				DisputedTime { open_since: Some(now - 60_000), closed: Default::default() }
			);
			assert!(Disputes::<Test>::contains_key(agreement));
			Pallet::<Test>::do_try_state().expect("invariants after the migration");
			// A second run is a no-op.
			let after = root();
			Migration::on_runtime_upgrade();
			assert_eq!(root(), after);
		});
	}
}
