//! Unit tests of the audit trail.

use civitas_primitives::audit::{self, Actor, AuditAction, AuditEntry, AuditLog};
use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

use crate::{mock::*, Entries, Error, Event, Trail, TrailError, Trails};

type Log = crate::Pallet<Test>;

fn data(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Appends three entries to agreement 7 over blocks 1..=3.
fn three_entries() {
	assert_ok!(Log::record(7, Actor::Account(1), AuditAction::AgreementProposed, data(1)));
	System::set_block_number(2);
	assert_ok!(Log::record(7, Actor::Account(2), AuditAction::AgreementSigned, data(2)));
	System::set_block_number(3);
	assert_ok!(Log::record(7, Actor::Governance, AuditAction::AgreementSuspended, data(3)));
}

#[test]
fn record_appends_entries_and_chains_the_head() {
	new_test_ext().execute_with(|| {
		three_entries();
		let entries = Log::entries(7);
		assert_eq!(entries.len(), 3);
		assert_eq!(
			entries[1],
			AuditEntry {
				block: 2,
				actor: Actor::Account(2),
				action: AuditAction::AgreementSigned,
				data: data(2)
			}
		);
		assert_eq!(entries[2].actor, Actor::Governance);

		// The head is the documented hash chain, recomputed here by hand from
		// the SCALE encodings rather than through the crate's own helpers.
		let mut head =
			H256(sp_io::hashing::blake2_256(&(b"civitas/audit-trail/v1", 7u32).encode()));
		for entry in &entries {
			head = H256(sp_io::hashing::blake2_256(&(head, entry).encode()));
		}
		assert_eq!(Trails::<Test>::get(7), Some(Trail { len: 3, head }));
		assert_eq!(Log::recompute_head(7), head);
		assert_eq!(Log::verify(7), Ok(()));
		assert_ok!(Log::do_try_state());

		System::assert_last_event(
			Event::Recorded {
				agreement: 7,
				index: 2,
				actor: Actor::Governance,
				action: AuditAction::AgreementSuspended,
				data: data(3),
				head,
			}
			.into(),
		);
	});
}

#[test]
fn trails_of_different_agreements_are_independent() {
	new_test_ext().execute_with(|| {
		assert_ok!(Log::record(1, Actor::Account(1), AuditAction::AgreementProposed, data(1)));
		assert_ok!(Log::record(2, Actor::Account(1), AuditAction::AgreementProposed, data(1)));
		let (one, two) = (Trails::<Test>::get(1).unwrap(), Trails::<Test>::get(2).unwrap());
		assert_eq!((one.len, two.len), (1, 1));
		// Identical entries, different agreements: the heads differ, so an
		// entry cannot be passed off as part of another agreement's trail.
		assert_ne!(one.head, two.head);
		assert_eq!(Log::verify(1), Ok(()));
		assert_eq!(Log::verify(2), Ok(()));
	});
}

#[test]
fn a_tampered_entry_is_detected() {
	new_test_ext().execute_with(|| {
		three_entries();
		let stored = Trails::<Test>::get(7).unwrap().head;
		Entries::<Test>::mutate(7, 1, |entry| entry.as_mut().unwrap().data = data(9));
		assert_eq!(
			Log::verify(7),
			Err(TrailError::HeadMismatch { stored, computed: Log::recompute_head(7) })
		);
		assert_ne!(Log::recompute_head(7), stored);
		assert!(Log::do_try_state().is_err());
	});
}

#[test]
fn reordered_entries_are_detected() {
	new_test_ext().execute_with(|| {
		three_entries();
		let (first, second) =
			(Entries::<Test>::get(7, 0).unwrap(), Entries::<Test>::get(7, 1).unwrap());
		Entries::<Test>::insert(7, 0, second);
		Entries::<Test>::insert(7, 1, first);
		assert!(matches!(Log::verify(7), Err(TrailError::HeadMismatch { .. })));
	});
}

#[test]
fn a_dropped_entry_is_detected() {
	new_test_ext().execute_with(|| {
		three_entries();
		Entries::<Test>::remove(7, 1);
		assert_eq!(Log::verify(7), Err(TrailError::MissingEntry(1)));
		assert!(Log::do_try_state().is_err());
	});
}

#[test]
fn an_entry_beyond_the_length_is_detected() {
	new_test_ext().execute_with(|| {
		three_entries();
		let entry = Entries::<Test>::get(7, 2).unwrap();
		Entries::<Test>::insert(7, 3, entry);
		assert_eq!(Log::verify(7), Err(TrailError::ExtraEntry(3)));
	});
}

#[test]
fn entries_without_a_trail_break_the_invariants() {
	new_test_ext().execute_with(|| {
		three_entries();
		Trails::<Test>::remove(7);
		assert!(Log::do_try_state().is_err());
	});
}

#[test]
fn a_full_trail_refuses_opening_entries_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		for n in 0..MaxEntries::get() {
			assert_ok!(Log::record(3, Actor::Account(1), AuditAction::Pledged, data(n as u8)));
		}
		let before = Trails::<Test>::get(3);
		for action in [
			AuditAction::Pledged,
			AuditAction::AmendmentProposed,
			AuditAction::EvidenceSubmitted,
			AuditAction::DisputeRaised,
		] {
			assert!(action.refused_when_full());
			assert_noop!(
				Log::record(3, Actor::Account(1), action, data(0)),
				Error::<Test>::TrailFull
			);
		}
		assert_eq!(Trails::<Test>::get(3), before);
		assert!(Entries::<Test>::get(3, MaxEntries::get()).is_none());
		assert_ok!(Log::do_try_state());
	});
}

#[test]
fn a_full_trail_still_records_releases_and_the_chain_stays_whole() {
	new_test_ext().execute_with(|| {
		for n in 0..MaxEntries::get() {
			assert_ok!(Log::record(3, Actor::Account(1), AuditAction::Pledged, data(n as u8)));
		}
		let releases = [
			AuditAction::PledgeWithdrawn,
			AuditAction::PledgesReleased,
			AuditAction::MilestonePaid,
			AuditAction::DisputeResolved,
			AuditAction::AmendmentWithdrawn,
			AuditAction::AgreementTerminated,
			AuditAction::EscrowSettled,
		];
		for action in releases {
			assert!(!action.refused_when_full());
			assert_ok!(Log::record(3, Actor::Governance, action, data(9)));
		}
		let len = MaxEntries::get() + releases.len() as u32;
		assert_eq!(Trails::<Test>::get(3).map(|trail| trail.len), Some(len));
		assert_eq!(
			Log::entries(3).last().map(|entry| entry.action),
			Some(AuditAction::EscrowSettled)
		);
		assert_eq!(Log::verify(3), Ok(()));
		assert_ok!(Log::do_try_state());
	});
}

#[test]
fn an_empty_trail_verifies_against_the_genesis_head() {
	new_test_ext().execute_with(|| {
		assert_eq!(Log::verify(42), Ok(()));
		assert_eq!(Log::recompute_head(42), audit::genesis_head(42));
		assert!(Log::entries(42).is_empty());
	});
}
