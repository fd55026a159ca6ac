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

/// An organisation with `count` funded signatories (`MaxMembers` at most,
/// its admin among them), a funded organisation account and the highest
/// threshold its signatories allow.
fn organisation_with_signatories<T: Config>(
	count: u32,
) -> Result<(OrganisationId, alloc::vec::Vec<T::AccountId>), BenchmarkError> {
	let (organisation, admin) = organisation_with_admin::<T>();
	let mut signatories = vec![admin.clone()];
	Pallet::<T>::set_roles(
		RawOrigin::Signed(admin.clone()).into(),
		organisation,
		admin,
		Roles::of(&[Role::Admin, Role::Signatory]),
	)?;
	// The benchmark organisation has an extra admin of its own.
	for index in 0..count.saturating_sub(1).min(T::MaxMembers::get().saturating_sub(2)) {
		let signatory: T::AccountId = account("signatory", index, 0);
		Pallet::<T>::add_member_for_benchmark(
			organisation,
			&signatory,
			Roles::of(&[Role::Signatory]),
		);
		let funds = T::SpendDeposit::get().saturating_mul(10u32.into());
		T::Currency::set_balance(&signatory, T::Currency::minimum_balance().saturating_add(funds));
		signatories.push(signatory);
	}
	let threshold = (signatories.len() as u32).max(T::MinSpendApprovals::get());
	Organisations::<T>::mutate(organisation, |record| {
		if let Some(record) = record {
			record.spend_threshold = threshold;
		}
	});
	let funds = T::SpendDeposit::get().saturating_mul(1_000u32.into());
	T::Currency::set_balance(
		&Pallet::<T>::organisation_account(organisation),
		T::Currency::minimum_balance().saturating_add(funds),
	);
	Ok((organisation, signatories))
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

	#[benchmark]
	fn set_spend_threshold() -> Result<(), BenchmarkError> {
		let (organisation, signatories) = organisation_with_signatories::<T>(T::MaxMembers::get())?;
		let threshold = T::MinSpendApprovals::get();
		let admin = signatories[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), organisation, threshold);

		assert_eq!(
			Organisations::<T>::get(organisation).map(|record| record.spend_threshold),
			Some(threshold)
		);
		Ok(())
	}

	// A proposal that waits for more approvals: a threshold of one (which
	// pays at once) is charged `approve_spend`'s weight as well.
	#[benchmark]
	fn propose_spend() -> Result<(), BenchmarkError> {
		let (organisation, signatories) = organisation_with_signatories::<T>(2)?;
		let to: T::AccountId = account("payee", 0, 0);
		let amount = T::SpendDeposit::get();
		let spend = NextSpendId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(signatories[0].clone()), organisation, to, amount, [7; 32]);

		assert!(Spends::<T>::contains_key(organisation, spend));
		Ok(())
	}

	// The approval that pays: every other signatory approved before it and
	// each approval is rechecked; the payee's account is created.
	#[benchmark]
	fn approve_spend() -> Result<(), BenchmarkError> {
		let (organisation, signatories) = organisation_with_signatories::<T>(T::MaxMembers::get())?;
		let to: T::AccountId = account("payee", 0, 0);
		let amount = T::SpendDeposit::get();
		let spend = NextSpendId::<T>::get();
		let (last, others) = signatories.split_last().ok_or(BenchmarkError::Weightless)?;
		let (proposer, approvers) = others.split_first().ok_or(BenchmarkError::Weightless)?;
		Pallet::<T>::propose_spend(
			RawOrigin::Signed(proposer.clone()).into(),
			organisation,
			to.clone(),
			amount,
			[7; 32],
		)?;
		for approver in approvers {
			Pallet::<T>::approve_spend(
				RawOrigin::Signed(approver.clone()).into(),
				organisation,
				spend,
			)?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), organisation, spend);

		assert!(!Spends::<T>::contains_key(organisation, spend));
		assert_eq!(T::Currency::balance(&to), amount);
		Ok(())
	}

	#[benchmark]
	fn cancel_spend() -> Result<(), BenchmarkError> {
		let (organisation, signatories) = organisation_with_signatories::<T>(2)?;
		let proposer = signatories[0].clone();
		let spend = NextSpendId::<T>::get();
		Pallet::<T>::propose_spend(
			RawOrigin::Signed(proposer.clone()).into(),
			organisation,
			account("payee", 0, 0),
			T::SpendDeposit::get(),
			[7; 32],
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), organisation, spend);

		assert!(!Spends::<T>::contains_key(organisation, spend));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
