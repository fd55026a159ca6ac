//! Benchmarks of the registry's calls, each in its most expensive path.

use super::*;
use alloc::vec;
use civitas_primitives::OrganisationKind;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

fn legal_id(seed: u8) -> LegalIdentifier {
	// Identifiers at their maximum length: the legal-identifier index is
	// keyed by them, so longer ones cost more to hash.
	LegalIdentifier {
		scheme: BoundedVec::truncate_from(vec![b'S'; MAX_SCHEME_LEN as usize]),
		id: BoundedVec::truncate_from(vec![seed; MAX_ID_LEN as usize]),
	}
}

fn name() -> Name {
	BoundedVec::truncate_from(vec![b'N'; MAX_NAME_LEN as usize])
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// An organisation whose funded `admin` may manage members.
fn organisation_with_admin<T: Config>() -> (OrganisationId, T::AccountId) {
	let organisation = Pallet::<T>::admit_for_benchmark(OrganisationKind::PublicAuthority, 0);
	let admin: T::AccountId = account("admin", 0, 0);
	Pallet::<T>::add_member_for_benchmark(organisation, &admin, Roles::of(&[Role::Admin]));
	let funds = T::MemberDeposit::get().saturating_mul(100u32.into());
	T::Currency::set_balance(&admin, T::Currency::minimum_balance().saturating_add(funds));
	(organisation, admin)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn admit() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let admin: T::AccountId = account("admin", 0, 0);
		// A chain's genesis may have admitted organisations already.
		let organisation = NextOrganisationId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, OrganisationKind::Funder, legal_id(1), name(), admin.clone());

		assert!(Pallet::<T>::has_role(&admin, organisation, Role::Admin));
		Ok(())
	}

	#[benchmark]
	fn update() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let organisation = Pallet::<T>::admit_for_benchmark(OrganisationKind::Funder, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, organisation, legal_id(2), name());

		assert_eq!(LegalIdentifiers::<T>::get(legal_id(2)), Some(organisation));
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let organisation = Pallet::<T>::admit_for_benchmark(OrganisationKind::Funder, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, organisation);

		assert_eq!(Pallet::<T>::organisation(organisation).map(|o| o.1), Some(Standing::Suspended));
		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let organisation = Pallet::<T>::admit_for_benchmark(OrganisationKind::Funder, 0);
		Pallet::<T>::suspend(origin.clone(), organisation)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, organisation);

		assert_eq!(Pallet::<T>::organisation(organisation).map(|o| o.1), Some(Standing::Active));
		Ok(())
	}

	// An admin adding a member (holding the deposit) is dearer than governance.
	#[benchmark]
	fn add_member() {
		let (organisation, admin) = organisation_with_admin::<T>();
		let member: T::AccountId = account("member", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), organisation, member.clone(), Roles::of(&[Role::Signatory]));

		assert!(Pallet::<T>::has_role(&member, organisation, Role::Signatory));
	}

	#[benchmark]
	fn set_roles() -> Result<(), BenchmarkError> {
		let (organisation, admin) = organisation_with_admin::<T>();
		let member: T::AccountId = account("member", 0, 0);
		Pallet::<T>::add_member(
			RawOrigin::Signed(admin.clone()).into(),
			organisation,
			member.clone(),
			Roles::of(&[Role::Signatory]),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), organisation, member.clone(), Roles::of(&[Role::Admin]));

		assert!(Pallet::<T>::has_role(&member, organisation, Role::Admin));
		Ok(())
	}

	// Removing a member an admin added releases a deposit: the dearer path.
	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let (organisation, admin) = organisation_with_admin::<T>();
		let member: T::AccountId = account("member", 0, 0);
		Pallet::<T>::add_member(
			RawOrigin::Signed(admin.clone()).into(),
			organisation,
			member.clone(),
			Roles::of(&[Role::Signatory]),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), organisation, member.clone());

		assert!(!Members::<T>::contains_key(&member));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
