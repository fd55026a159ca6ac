//! Unit tests of the validators pallet: each call's success and each error
//! path (refused, nothing changed), and the set and session length as
//! pallet-session sees them.

use frame_support::{assert_noop, assert_ok, traits::EstimateNextSessionRotation};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{DispatchError, Permill};

use crate::{mock::*, Changed, Error, Event, SessionLength, SessionStart};

/// Runs `test` on the mock chain, then checks the invariants.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Validators::do_try_state().expect("invariants hold");
	});
}

fn set() -> Vec<u64> {
	crate::Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_gives_pallet_session_the_first_set() {
	run(|| {
		assert_eq!(set(), vec![1, 2, 3]);
		assert_eq!(
			<Validators as SessionManager<u64>>::new_session_genesis(0),
			Some(vec![1, 2, 3])
		);
		assert!(!Changed::<Test>::get());
	});
}

#[test]
fn governance_adds_a_validator_with_keys_for_the_next_planned_session() {
	run(|| {
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 4));
		assert_eq!(set(), vec![1, 2, 3, 4]);
		System::assert_last_event(Event::ValidatorAdded { who: 4 }.into());
		// pallet-session takes the new set once, then keeps it.
		assert_eq!(<Validators as SessionManager<u64>>::new_session(2), Some(vec![1, 2, 3, 4]));
		assert_eq!(<Validators as SessionManager<u64>>::new_session(3), None);
	});
}

#[test]
fn adding_is_refused_without_keys_twice_beyond_the_maximum_or_to_others() {
	run(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), KEYLESS),
			Error::<Test>::NoSessionKeys
		);
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 4));
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn governance_removes_a_validator_but_never_below_the_minimum() {
	run(|| {
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(set(), vec![1, 3]);
		System::assert_last_event(Event::ValidatorRemoved { who: 2 }.into());
		assert!(Changed::<Test>::get());
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::TooFewValidators
		);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::NotValidator
		);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn sessions_end_after_their_length_and_the_estimates_follow() {
	run(|| {
		<Validators as SessionManager<u64>>::start_session(1);
		assert_eq!(SessionStart::<Test>::get(), 1);
		assert!(!<Validators as ShouldEndSession<u64>>::should_end_session(10));
		assert!(<Validators as ShouldEndSession<u64>>::should_end_session(11));
		assert_eq!(<Validators as EstimateNextSessionRotation<u64>>::average_session_length(), 10);
		assert_eq!(
			<Validators as EstimateNextSessionRotation<u64>>::estimate_next_session_rotation(5).0,
			Some(11)
		);
		assert_eq!(
			<Validators as EstimateNextSessionRotation<u64>>::estimate_current_session_progress(6)
				.0,
			Some(Permill::from_percent(50))
		);
	});
}

#[test]
fn governance_sets_the_session_length_but_not_to_zero() {
	run(|| {
		assert_ok!(Validators::set_session_length(RuntimeOrigin::root(), 600));
		assert_eq!(SessionLength::<Test>::get(), 600);
		System::assert_last_event(Event::SessionLengthSet { blocks: 600 }.into());
		assert_noop!(
			Validators::set_session_length(RuntimeOrigin::root(), 0),
			Error::<Test>::ZeroSessionLength
		);
		assert_noop!(
			Validators::set_session_length(RuntimeOrigin::signed(1), 5),
			DispatchError::BadOrigin
		);
	});
}
