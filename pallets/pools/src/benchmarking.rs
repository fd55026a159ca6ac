//! Benchmarks of the pools pallet's calls, each in its most expensive path:
//! every co-funding party required, full co-funder lists, and commitment or
//! expiry touching as many pledges as the call may.

use super::*;
use alloc::vec;
use civitas_primitives::{terms::MAX_PARTIES, OrganisationKind, Party, Roles};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

/// An active agreement with every party slot filled, and its co-funders.
struct World<T: Config> {
	agreement: AgreementId,
	/// A signatory of the public authority, who opens pools.
	opener: T::AccountId,
	/// The co-funding parties: the public authority, then the funders.
	co_funders: Vec<OrganisationId>,
	/// A funded signatory of every other party, in party order.
	signatories: Vec<T::AccountId>,
	_config: core::marker::PhantomData<T>,
}

/// Enough to pay any deposit and pledge many times over.
fn fund<T: Config>(who: &T::AccountId) {
	let plenty =
		T::PoolDeposit::get().saturating_add(pledge_amount::<T>()).saturating_mul(1_000u32.into());
	T::Currency::set_balance(who, T::Currency::minimum_balance().saturating_add(plenty));
}

/// What each benchmark pledger pledges.
fn pledge_amount<T: Config>() -> BalanceOf<T> {
	T::MinimumPledge::get().max(1u32.into())
}

fn world<T: Config>() -> World<T> {
	let mut parties = Vec::new();
	let mut co_funders = Vec::new();
	for index in 0..MAX_PARTIES {
		let (kind, role) = match index {
			0 => (OrganisationKind::PublicAuthority, PartyRole::PublicAuthority),
			1 => (OrganisationKind::PrivatePartner, PartyRole::PrivateParty),
			_ => (OrganisationKind::Funder, PartyRole::Funder),
		};
		let organisation = T::Organisations::admit_for_benchmark(kind, index);
		if role != PartyRole::PrivateParty {
			co_funders.push(organisation);
		}
		parties.push(Party { organisation, role });
	}
	let agreement = T::Agreements::activate_for_benchmark(&parties);
	let opener: T::AccountId = account("opener", 0, 0);
	T::Organisations::add_member_for_benchmark(
		parties[0].organisation,
		&opener,
		Roles::of(&[Role::Signatory]),
	);
	fund::<T>(&opener);
	let signatories = parties[1..]
		.iter()
		.map(|party| {
			let who: T::AccountId = account("signatory", party.organisation, 0);
			T::Organisations::add_member_for_benchmark(
				party.organisation,
				&who,
				Roles::of(&[Role::Signatory]),
			);
			fund::<T>(&who);
			who
		})
		.collect();
	World { agreement, opener, co_funders, signatories, _config: Default::default() }
}

/// A funded finance officer of `organisation`, whose organisation account
/// (where pledges are held) is funded too.
fn officer<T: Config>(organisation: OrganisationId, index: u32) -> T::AccountId {
	let who: T::AccountId = account("officer", index, organisation);
	T::Organisations::add_member_for_benchmark(
		organisation,
		&who,
		Roles::of(&[Role::FinanceOfficer]),
	);
	fund::<T>(&who);
	fund::<T>(&T::Organisations::account(organisation));
	who
}

/// Every co-funder required at `minimum` each.
fn all_required<T: Config>(world: &World<T>, minimum: BalanceOf<T>) -> Requirements<BalanceOf<T>> {
	BoundedVec::truncate_from(
		world
			.co_funders
			.iter()
			.map(|organisation| Requirement {
				organisation: *organisation,
				minimum: Minimum::Amount(minimum),
			})
			.collect(),
	)
}

/// Proposes a pool for `world`'s agreement and has all but the last
/// `unapproved` other parties approve it; returns its id.
fn propose<T: Config>(
	world: &World<T>,
	target: BalanceOf<T>,
	deadline: BlockNumberFor<T>,
	required: Requirements<BalanceOf<T>>,
	unapproved: usize,
) -> Result<PoolId, BenchmarkError> {
	let pool = NextPoolId::<T>::get();
	Pallet::<T>::open_pool(
		RawOrigin::Signed(world.opener.clone()).into(),
		world.agreement,
		target,
		deadline,
		required,
	)?;
	let parameters = parameters_of::<T>(pool)?;
	let approving = world.signatories.len().saturating_sub(unapproved);
	for who in &world.signatories[..approving] {
		Pallet::<T>::approve_pool(RawOrigin::Signed(who.clone()).into(), pool, parameters)?;
	}
	Ok(pool)
}

/// Opens a pool for `world`'s agreement, approved by every party; returns its id.
fn open<T: Config>(
	world: &World<T>,
	target: BalanceOf<T>,
	deadline: BlockNumberFor<T>,
	required: Requirements<BalanceOf<T>>,
) -> Result<PoolId, BenchmarkError> {
	propose(world, target, deadline, required, 0)
}

/// The parameters hash of `pool`.
fn parameters_of<T: Config>(pool: PoolId) -> Result<H256, BenchmarkError> {
	Pools::<T>::get(pool).map(|record| record.parameters()).ok_or(BenchmarkError::Weightless)
}

/// Pledges the benchmark amount for each of the first `pledgers`
/// co-funders (each a new pledge while there are co-funders left);
/// returns the finance officers who pledged.
fn pledge_many<T: Config>(
	world: &World<T>,
	pool: PoolId,
	pledgers: u32,
) -> Result<Vec<T::AccountId>, BenchmarkError> {
	let mut accounts = Vec::new();
	for index in 0..pledgers {
		let organisation = world.co_funders[index as usize % world.co_funders.len()];
		let who = officer::<T>(organisation, index);
		Pallet::<T>::pledge(RawOrigin::Signed(who.clone()).into(), pool, pledge_amount::<T>())
			.map_err(|error| error.error)?;
		accounts.push(who);
	}
	Ok(accounts)
}

/// Commits a first pool for `world`'s agreement, with a pledge from every
/// co-funder, so that the benchmarked pool is a top-up: the most expensive
/// case of each call that reads or extends the escrow.
fn commit_first<T: Config>(world: &World<T>) -> Result<(), BenchmarkError> {
	let count = world.co_funders.len() as u32;
	let target = pledge_amount::<T>().saturating_mul(count.into());
	let pool = open(world, target, deadline::<T>(), Default::default())?;
	for (index, organisation) in world.co_funders.iter().enumerate() {
		let who = officer::<T>(*organisation, 20_000 + index as u32);
		Pallet::<T>::pledge(RawOrigin::Signed(who).into(), pool, pledge_amount::<T>())
			.map_err(|error| error.error)?;
	}
	match Pools::<T>::get(pool).map(|record| record.status) {
		Some(PoolStatus::Committed { .. }) => Ok(()),
		_ => Err(BenchmarkError::Stop("the first pool did not commit")),
	}
}

fn deadline<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number().saturating_add(100u32.into())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// A top-up with every co-funding party required.
	#[benchmark]
	fn open_pool() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		commit_first(&world)?;
		let required = all_required(&world, pledge_amount::<T>());
		let target = pledge_amount::<T>().saturating_mul(1_000u32.into());
		let pool = NextPoolId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(world.opener.clone()),
			world.agreement,
			target,
			deadline::<T>(),
			required,
		);

		assert!(Pools::<T>::contains_key(pool));
		Ok(())
	}

	// The first pledge of the last co-funder in the list (a new pledge
	// costs more than a top-up); every co-funder is listed and checked, and
	// the pool stays open (every requirement is unmet).
	#[benchmark]
	fn pledge() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let required = all_required(&world, pledge_amount::<T>().saturating_mul(2u32.into()));
		let target = pledge_amount::<T>().saturating_mul(1_000u32.into());
		let pool = open(&world, target, deadline::<T>(), required)?;
		pledge_many(&world, pool, world.co_funders.len() as u32 - 1)?;
		let last = world.co_funders[world.co_funders.len() - 1];
		let who = officer::<T>(last, 10_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), pool, pledge_amount::<T>());

		assert!(Pledges::<T>::contains_key(pool, T::Organisations::account(last)));
		Ok(())
	}

	// The pledge that commits a top-up pool of `n` pledgers: every hold
	// moves from `Pledged` to `Committed`, and each share joins an escrow
	// that has every co-funder already.
	#[benchmark]
	fn pledge_and_commit(n: Linear<1, MAX_PLEDGERS>) -> Result<(), BenchmarkError> {
		let world = world::<T>();
		commit_first(&world)?;
		let last = world.co_funders[(n as usize - 1) % world.co_funders.len()];
		let required = BoundedVec::truncate_from(vec![Requirement {
			organisation: last,
			minimum: Minimum::Amount(pledge_amount::<T>()),
		}]);
		let target = pledge_amount::<T>().saturating_mul(n.into());
		let pool = open(&world, target, deadline::<T>(), required)?;
		pledge_many(&world, pool, n - 1)?;
		let who = officer::<T>(last, 10_000);

		#[extrinsic_call]
		pledge(RawOrigin::Signed(who), pool, pledge_amount::<T>());

		assert_eq!(Escrows::<T>::get(world.agreement).map(|escrow| escrow.pool), Some(pool));
		Ok(())
	}

	// An unrequired co-funder's only pledge: its entry leaves the list.
	#[benchmark]
	fn withdraw_pledge() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let required = BoundedVec::truncate_from(vec![Requirement {
			organisation: world.co_funders[0],
			minimum: Minimum::Amount(pledge_amount::<T>()),
		}]);
		let target = pledge_amount::<T>().saturating_mul(1_000u32.into());
		let pool = open(&world, target, deadline::<T>(), required)?;
		let pledgers = pledge_many(&world, pool, world.co_funders.len() as u32)?;
		let who = pledgers[pledgers.len() - 1].clone();
		let last = world.co_funders[world.co_funders.len() - 1];

		#[extrinsic_call]
		_(RawOrigin::Signed(who), pool);

		assert!(!Pledges::<T>::contains_key(pool, T::Organisations::account(last)));
		Ok(())
	}

	// The first call on a top-up pool past its deadline, releasing its `n`
	// pledges: it expires the pool, releases a full page, fails it and
	// makes the escrow's pool current again.
	#[benchmark]
	fn expire(
		n: Linear<0, { T::ExpiryPageSize::get().min(MAX_PLEDGERS) }>,
	) -> Result<(), BenchmarkError> {
		let world = world::<T>();
		commit_first(&world)?;
		let required = all_required(&world, pledge_amount::<T>());
		let target = pledge_amount::<T>().saturating_mul(1_000u32.into());
		let deadline = deadline::<T>();
		let pool = open(&world, target, deadline, required)?;
		pledge_many(&world, pool, n)?;
		frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(1u32.into()));
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), pool);

		assert!(matches!(Pools::<T>::get(pool).map(|p| p.status), Some(PoolStatus::Failed { .. })));
		Ok(())
	}

	// The last party's approval: every party is checked, and the pool opens
	// with every co-funding party required.
	#[benchmark]
	fn approve_pool() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let required = all_required(&world, pledge_amount::<T>());
		let target = pledge_amount::<T>().saturating_mul(1_000u32.into());
		let pool = propose(&world, target, deadline::<T>(), required, 1)?;
		let parameters = parameters_of::<T>(pool)?;
		let last = world.signatories[world.signatories.len() - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), pool, parameters);

		assert!(matches!(Pools::<T>::get(pool).map(|p| p.status), Some(PoolStatus::Open { .. })));
		Ok(())
	}

	// A rejection of a top-up pool every other party approved.
	#[benchmark]
	fn reject_pool() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		commit_first(&world)?;
		let required = all_required(&world, pledge_amount::<T>());
		let target = pledge_amount::<T>().saturating_mul(1_000u32.into());
		let pool = propose(&world, target, deadline::<T>(), required, 1)?;
		let last = world.signatories[world.signatories.len() - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), pool);

		assert!(matches!(
			Pools::<T>::get(pool).map(|p| p.status),
			Some(PoolStatus::Rejected { .. })
		));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
