//! A property test: random sequences of pledges, withdrawals, blocks
//! passing, expiries, amendments of the agreement's value with pools opened
//! after them (top-ups among them) and escrow movements (payouts, retention released or
//! offset, recoveries offset or repaid, refunds), with every invariant checked
//! after every step, failed steps changing nothing, and money conserved.

use crate::{mock::*, pallet, Error, Minimum, NextPoolId, PoolId, PoolStatus, Requirement};
use civitas_primitives::Escrow;
use frame_support::{pallet_prelude::DispatchResult, traits::fungible::Inspect, BoundedVec};
use proptest::prelude::*;
use sp_runtime::StateVersion;

/// The pledgers the test picks from: finance officers of the three
/// co-funders (two cities and the funder); more than an expiry page.
const PLEDGERS: [AccountId; 8] = [ANNA, BOB, BEA, DAVE, 100, 101, 102, 103];

/// One step of a random sequence.
#[derive(Clone, Debug)]
enum Step {
	Pledge { who: usize, amount: u64 },
	Withdraw { who: usize },
	Advance { blocks: u64 },
	Expire,
	Reopen { target: u64 },
	Amend { value: u64 },
	Pay { net: u64, retention: u64 },
	ReleaseRetention { amount: u64 },
	Offset { amount: u64 },
	OffsetRetention { amount: u64 },
	Repay { amount: u64 },
	Refund,
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		6 => (0..PLEDGERS.len(), 0u64..300).prop_map(|(who, amount)| Step::Pledge { who, amount }),
		2 => (0..PLEDGERS.len()).prop_map(|who| Step::Withdraw { who }),
		2 => (1u64..8).prop_map(|blocks| Step::Advance { blocks }),
		2 => Just(Step::Expire),
		1 => (1u64..4_000).prop_map(|target| Step::Reopen { target }),
		1 => (1u64..8_000).prop_map(|value| Step::Amend { value }),
		3 => (0u64..200, 0u64..50).prop_map(|(net, retention)| Step::Pay { net, retention }),
		1 => (0u64..60).prop_map(|amount| Step::ReleaseRetention { amount }),
		1 => (0u64..60).prop_map(|amount| Step::Offset { amount }),
		1 => (0u64..30).prop_map(|amount| Step::OffsetRetention { amount }),
		1 => (0u64..60).prop_map(|amount| Step::Repay { amount }),
		1 => Just(Step::Refund),
	]
}

/// The latest pool of the agreement.
fn latest_pool() -> Option<PoolId> {
	NextPoolId::<Test>::get().checked_sub(1)
}

/// Every balance the test can touch, summed: the co-funders' organisation
/// accounts, pledgers, payee, openers.
fn money() -> u64 {
	let organisations = [CITY_A, CITY_B, FUNDER].map(org_account);
	PLEDGERS
		.iter()
		.chain(&[ALICE, CHARLIE, OUTSIDER])
		.chain(&organisations)
		.map(Balances::total_balance)
		.sum()
}

fn apply(step: &Step) -> DispatchResult {
	let origin = |who: AccountId| RuntimeOrigin::signed(who);
	match *step {
		Step::Pledge { who, amount } => {
			let pool = latest_pool().ok_or(Error::<Test>::UnknownPool)?;
			Pools::pledge(origin(PLEDGERS[who]), pool, amount).map(|_| ()).map_err(|e| e.error)
		},
		Step::Withdraw { who } => {
			let pool = latest_pool().ok_or(Error::<Test>::UnknownPool)?;
			Pools::withdraw_pledge(origin(PLEDGERS[who]), pool)
		},
		Step::Advance { blocks } => {
			System::set_block_number(System::block_number() + blocks);
			Ok(())
		},
		Step::Expire => {
			let pool = latest_pool().ok_or(Error::<Test>::UnknownPool)?;
			Pools::expire(origin(OUTSIDER), pool).map(|_| ()).map_err(|e| e.error)
		},
		Step::Reopen { target } => {
			let pool = NextPoolId::<Test>::get();
			Pools::open_pool(
				origin(ALICE),
				AGREEMENT,
				target,
				System::block_number() + 10,
				BoundedVec::truncate_from(vec![
					Requirement { organisation: CITY_A, minimum: Minimum::Amount(1) },
					Requirement {
						organisation: CITY_B,
						minimum: Minimum::Share(sp_runtime::Permill::from_percent(20)),
					},
				]),
			)?;
			// Every other party approves: the pool takes pledges.
			let parameters =
				pallet::Pools::<Test>::get(pool).map(|p| p.parameters()).unwrap_or_default();
			for who in [BOB, CHARLIE, DAVE] {
				Pools::approve_pool(origin(who), pool, parameters)?;
			}
			Ok(())
		},
		Step::Amend { value } => {
			MockAgreements::amend_value(AGREEMENT, value);
			Ok(())
		},
		Step::Pay { net, retention } => Pools::pay(AGREEMENT, &CHARLIE, net, retention).map(|_| ()),
		Step::ReleaseRetention { amount } => {
			Pools::release_retention(AGREEMENT, &CHARLIE, amount).map(|_| ())
		},
		Step::Offset { amount } => Pools::offset_recovery(AGREEMENT, amount).map(|_| ()),
		Step::OffsetRetention { amount } => Pools::offset_retention(AGREEMENT, amount).map(|_| ()),
		Step::Repay { amount } => Pools::repay_recovery(AGREEMENT, &CHARLIE, amount).map(|_| ()),
		Step::Refund => Pools::refund_unspent(AGREEMENT).map(|_| ()),
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

	#[test]
	fn invariants_hold_after_every_step(
		target in 2u64..4_000,
		steps in proptest::collection::vec(step(), 1..60),
	) {
		new_test_ext().execute_with(|| {
			apply(&Step::Reopen { target }).expect("the first pool opens");
			let total = money();
			for step in &steps {
				let before = sp_io::storage::root(StateVersion::V1);
				let committed = Pools::position(AGREEMENT).map_or(0, |p| p.committed);
				let result = frame_support::storage::with_storage_layer(|| apply(step));
				if let (Step::Reopen { target }, Ok(())) = (step, &result) {
					// No pool raises more than the signed value leaves.
					prop_assert!(committed + target <= MockAgreements::value(AGREEMENT));
				}
				if result.is_err() {
					// A refused step changes nothing.
					prop_assert_eq!(sp_io::storage::root(StateVersion::V1), before);
				}
				prop_assert_eq!(Pools::do_try_state(), Ok(()), "after {:?}", step);
				prop_assert_eq!(AuditTrail::do_try_state(), Ok(()));
				// Holds move money between these accounts; none is minted or burnt.
				prop_assert_eq!(money(), total);
				if let Some(pool) = latest_pool() {
					// A pool commits as soon as it can: never open and complete.
					if let Some(PoolStatus::Committed { total, .. }) =
						pallet::Pools::<Test>::get(pool).map(|p| p.status)
					{
						prop_assert!(Pools::position(AGREEMENT).is_some());
						prop_assert!(total >= pallet::Pools::<Test>::get(pool).unwrap().target);
					}
				}
			}
			Ok(())
		})?;
	}
}
