//! Unit tests of the registry: every call's success, each of its errors
//! (with state unchanged) and its origin checks.

use civitas_primitives::{OrganisationKind, Organisations as _, Role, Roles, Standing};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::{DispatchError, TokenError};

use crate::{mock::*, Error, Event, HoldReason, LegalIdentifier, Members, Name, Organisations};

mod migration;
mod spending;

/// Runs `test` on the two-organisation genesis, then checks the invariants.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Registry::do_try_state().expect("invariants hold");
	});
}

fn legal_id(scheme: &str, id: &str) -> LegalIdentifier {
	LegalIdentifier {
		scheme: BoundedVec::try_from(scheme.as_bytes().to_vec()).unwrap(),
		id: BoundedVec::try_from(id.as_bytes().to_vec()).unwrap(),
	}
}

fn name(text: &str) -> Name {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::MemberDeposit.into(), &who)
}

fn finance() -> Roles {
	Roles::of(&[Role::FinanceOfficer])
}

#[test]
fn genesis_admits_organisations_and_members() {
	run(|| {
		assert_eq!(
			Registry::organisation(0),
			Some((OrganisationKind::PublicAuthority, Standing::Active))
		);
		assert_eq!(
			Registry::organisation(1),
			Some((OrganisationKind::PrivatePartner, Standing::Active))
		);
		assert_eq!(Registry::organisation(2), None);
		assert_eq!(Registry::organisation_of(&CITY_ADMIN), Some(0));
		assert!(Registry::has_role(&CITY_ADMIN, 0, Role::Signatory));
		assert!(!Registry::has_role(&CITY_ADMIN, 1, Role::Signatory));
		assert!(!Registry::has_role(&PARTNER_ADMIN, 1, Role::Signatory));
		let city = Organisations::<Test>::get(0).unwrap();
		assert_eq!((city.members, city.admins), (1, 1));
		assert_eq!(city.name, name("City of Testville"));
	});
}

#[test]
fn governance_admits_an_organisation_with_its_first_admin() {
	run(|| {
		assert_ok!(Registry::admit(
			RuntimeOrigin::root(),
			OrganisationKind::Funder,
			legal_id("XI-LEI", "FUND"),
			name("Green Fund"),
			OUTSIDER,
		));
		System::assert_last_event(
			Event::Admitted {
				organisation: 2,
				kind: OrganisationKind::Funder,
				legal_id: legal_id("XI-LEI", "FUND"),
				name: name("Green Fund"),
				admin: OUTSIDER,
			}
			.into(),
		);
		assert_eq!(Registry::organisation(2), Some((OrganisationKind::Funder, Standing::Active)));
		assert!(Registry::has_role(&OUTSIDER, 2, Role::Admin));
		assert!(!Registry::has_role(&OUTSIDER, 2, Role::Signatory));
		assert_eq!(Members::<Test>::get(OUTSIDER).unwrap().deposit, None);
		assert_eq!(held(OUTSIDER), 0);
	});
}

#[test]
fn admit_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let admit = |origin, legal: LegalIdentifier, title: Name, admin| {
			Registry::admit(origin, OrganisationKind::Funder, legal, title, admin)
		};
		assert_noop!(
			admit(RuntimeOrigin::signed(CITY_ADMIN), legal_id("XI-LEI", "F"), name("F"), OUTSIDER),
			DispatchError::BadOrigin
		);
		assert_noop!(
			admit(RuntimeOrigin::root(), legal_id("EU-VAT", "FR12345678901"), name("F"), OUTSIDER),
			Error::<Test>::DuplicateLegalIdentifier
		);
		assert_noop!(
			admit(RuntimeOrigin::root(), legal_id("", "F"), name("F"), OUTSIDER),
			Error::<Test>::EmptyLegalIdentifier
		);
		assert_noop!(
			admit(RuntimeOrigin::root(), legal_id("XI-LEI", ""), name("F"), OUTSIDER),
			Error::<Test>::EmptyLegalIdentifier
		);
		assert_noop!(
			admit(RuntimeOrigin::root(), legal_id("XI-LEI", "F"), name(""), OUTSIDER),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			admit(RuntimeOrigin::root(), legal_id("XI-LEI", "F"), name("F"), CITY_ADMIN),
			Error::<Test>::AlreadyMember
		);
	});
}

#[test]
fn the_same_id_in_another_scheme_is_another_identifier() {
	run(|| {
		assert_ok!(Registry::admit(
			RuntimeOrigin::root(),
			OrganisationKind::Funder,
			legal_id("XI-LEI", "FR12345678901"),
			name("Fund"),
			OUTSIDER,
		));
	});
}

#[test]
fn governance_updates_identifier_and_name() {
	run(|| {
		assert_ok!(Registry::update(
			RuntimeOrigin::root(),
			1,
			legal_id("XI-LEI", "BUILDERS"),
			name("Builders SpA")
		));
		System::assert_last_event(
			Event::Updated {
				organisation: 1,
				legal_id: legal_id("XI-LEI", "BUILDERS"),
				name: name("Builders SpA"),
			}
			.into(),
		);
		let record = Organisations::<Test>::get(1).unwrap();
		assert_eq!(
			(record.legal_id, record.name),
			(legal_id("XI-LEI", "BUILDERS"), name("Builders SpA"))
		);
		// Keeping its own identifier is not a duplicate.
		assert_ok!(Registry::update(
			RuntimeOrigin::root(),
			1,
			legal_id("XI-LEI", "BUILDERS"),
			name("B")
		));
		// The old identifier is free again.
		assert_ok!(Registry::admit(
			RuntimeOrigin::root(),
			OrganisationKind::Funder,
			legal_id("EU-VAT", "FR12345678901"),
			name("Fund"),
			OUTSIDER,
		));
	});
}

#[test]
fn update_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let id = || legal_id("XI-LEI", "NEW");
		assert_noop!(
			Registry::update(RuntimeOrigin::signed(PARTNER_ADMIN), 1, id(), name("B")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registry::update(RuntimeOrigin::root(), 7, id(), name("B")),
			Error::<Test>::UnknownOrganisation
		);
		assert_noop!(
			Registry::update(
				RuntimeOrigin::root(),
				1,
				legal_id("XI-LEI", "CITY0000000000000001"),
				name("B")
			),
			Error::<Test>::DuplicateLegalIdentifier
		);
		assert_noop!(
			Registry::update(RuntimeOrigin::root(), 1, legal_id("", "X"), name("B")),
			Error::<Test>::EmptyLegalIdentifier
		);
		assert_noop!(
			Registry::update(RuntimeOrigin::root(), 1, id(), name("")),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn suspension_and_reinstatement() {
	run(|| {
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), 1));
		System::assert_last_event(Event::Suspended { organisation: 1 }.into());
		assert_eq!(
			Registry::organisation(1),
			Some((OrganisationKind::PrivatePartner, Standing::Suspended))
		);
		// Membership and roles survive: the standing is a separate question.
		assert!(Registry::has_role(&PARTNER_ADMIN, 1, Role::Admin));

		System::set_block_number(5);
		assert_ok!(Registry::reinstate(RuntimeOrigin::root(), 1));
		System::assert_last_event(Event::Reinstated { organisation: 1 }.into());
		assert_eq!(
			Registry::organisation(1),
			Some((OrganisationKind::PrivatePartner, Standing::Active))
		);
		assert_eq!(
			Organisations::<Test>::get(1).unwrap().status,
			crate::Status::Active { since: 5 }
		);
	});
}

#[test]
fn suspend_and_reinstate_refuse_bad_input_and_change_nothing() {
	run(|| {
		assert_noop!(
			Registry::suspend(RuntimeOrigin::signed(PARTNER_ADMIN), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registry::suspend(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownOrganisation
		);
		assert_noop!(Registry::reinstate(RuntimeOrigin::root(), 1), Error::<Test>::NotSuspended);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), 1));
		assert_noop!(Registry::suspend(RuntimeOrigin::root(), 1), Error::<Test>::AlreadySuspended);
		assert_noop!(
			Registry::reinstate(RuntimeOrigin::signed(PARTNER_ADMIN), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registry::reinstate(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownOrganisation
		);
	});
}

#[test]
fn an_admin_adds_a_member_and_pays_the_deposit() {
	run(|| {
		assert_ok!(Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, finance()));
		System::assert_last_event(
			Event::MemberAdded { organisation: 0, who: 5, roles: finance(), deposit: 10 }.into(),
		);
		assert!(Registry::has_role(&5, 0, Role::FinanceOfficer));
		assert_eq!(held(CITY_ADMIN), MemberDeposit::get());
		assert_eq!(Balances::free_balance(CITY_ADMIN), 1_000 - MemberDeposit::get());
		assert_eq!(Organisations::<Test>::get(0).unwrap().members, 2);
	});
}

#[test]
fn governance_adds_a_member_without_deposit_even_while_suspended() {
	run(|| {
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), 0));
		assert_ok!(Registry::add_member(RuntimeOrigin::root(), 0, 5, finance()));
		System::assert_last_event(
			Event::MemberAdded { organisation: 0, who: 5, roles: finance(), deposit: 0 }.into(),
		);
		assert_eq!(held(CITY_ADMIN), 0);
	});
}

#[test]
fn add_member_refuses_bad_input_and_changes_nothing() {
	run(|| {
		// Not an admin of organisation 0 (an admin elsewhere, a plain member, nobody).
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(PARTNER_ADMIN), 0, 5, finance()),
			Error::<Test>::NotAdmin
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(OUTSIDER), 0, 5, finance()),
			Error::<Test>::NotAdmin
		);
		assert_ok!(Registry::add_member(RuntimeOrigin::root(), 0, 6, finance()));
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(6), 0, 5, finance()),
			Error::<Test>::NotAdmin
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::none(), 0, 5, finance()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 7, 5, finance()),
			Error::<Test>::UnknownOrganisation
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::root(), 7, 5, finance()),
			Error::<Test>::UnknownOrganisation
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, Roles::NONE),
			Error::<Test>::NoRoles
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, PARTNER_ADMIN, finance()),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(Registry::add_member(RuntimeOrigin::root(), 0, 7, finance()));
		assert_ok!(Registry::add_member(RuntimeOrigin::root(), 0, 8, finance()));
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, finance()),
			Error::<Test>::TooManyMembers
		);
		assert_noop!(
			Registry::add_member(RuntimeOrigin::root(), 0, 5, finance()),
			Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn an_admin_of_a_suspended_organisation_cannot_manage_members() {
	run(|| {
		assert_ok!(Registry::add_member(RuntimeOrigin::root(), 0, 5, finance()));
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), 0));
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 6, finance()),
			Error::<Test>::OrganisationSuspended
		);
		assert_noop!(
			Registry::set_roles(
				RuntimeOrigin::signed(CITY_ADMIN),
				0,
				5,
				Roles::of(&[Role::Verifier])
			),
			Error::<Test>::OrganisationSuspended
		);
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5),
			Error::<Test>::OrganisationSuspended
		);
	});
}

#[test]
fn an_admin_without_funds_cannot_add_a_member() {
	run(|| {
		assert_ok!(Registry::add_member(
			RuntimeOrigin::root(),
			0,
			PAUPER,
			Roles::of(&[Role::Admin])
		));
		assert_noop!(
			Registry::add_member(RuntimeOrigin::signed(PAUPER), 0, 5, finance()),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn roles_are_replaced_and_admins_counted() {
	run(|| {
		assert_ok!(Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, finance()));
		let admin_and_finance = Roles::of(&[Role::Admin, Role::FinanceOfficer]);
		assert_ok!(Registry::set_roles(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, admin_and_finance));
		System::assert_last_event(
			Event::RolesChanged { organisation: 0, who: 5, roles: admin_and_finance }.into(),
		);
		assert_eq!(Organisations::<Test>::get(0).unwrap().admins, 2);
		// Now the first admin may drop its own admin role: another remains.
		assert_ok!(Registry::set_roles(
			RuntimeOrigin::signed(CITY_ADMIN),
			0,
			CITY_ADMIN,
			Roles::of(&[Role::Signatory])
		));
		assert_eq!(Organisations::<Test>::get(0).unwrap().admins, 1);
		assert!(!Registry::has_role(&CITY_ADMIN, 0, Role::Admin));
		assert_ok!(Registry::set_roles(
			RuntimeOrigin::root(),
			0,
			CITY_ADMIN,
			Roles::of(&[Role::Auditor])
		));
		assert!(Registry::has_role(&CITY_ADMIN, 0, Role::Auditor));
	});
}

#[test]
fn set_roles_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let signatory = Roles::of(&[Role::Signatory]);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::signed(CITY_ADMIN), 0, CITY_ADMIN, signatory),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::root(), 0, CITY_ADMIN, signatory),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::signed(CITY_ADMIN), 0, PARTNER_ADMIN, signatory),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::signed(CITY_ADMIN), 0, OUTSIDER, signatory),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::signed(CITY_ADMIN), 0, CITY_ADMIN, Roles::NONE),
			Error::<Test>::NoRoles
		);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::signed(PARTNER_ADMIN), 0, CITY_ADMIN, signatory),
			Error::<Test>::NotAdmin
		);
		assert_noop!(
			Registry::set_roles(RuntimeOrigin::signed(CITY_ADMIN), 4, CITY_ADMIN, signatory),
			Error::<Test>::UnknownOrganisation
		);
	});
}

#[test]
fn removing_a_member_releases_the_deposit_to_whoever_paid_it() {
	run(|| {
		assert_ok!(Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, finance()));
		// The payer stops being an admin; the deposit still goes back to it.
		assert_ok!(Registry::add_member(RuntimeOrigin::root(), 0, 6, Roles::of(&[Role::Admin])));
		assert_ok!(Registry::set_roles(
			RuntimeOrigin::signed(6),
			0,
			CITY_ADMIN,
			Roles::of(&[Role::Signatory])
		));
		assert_ok!(Registry::remove_member(RuntimeOrigin::signed(6), 0, 5));
		System::assert_last_event(
			Event::MemberRemoved { organisation: 0, who: 5, deposit_released: 10 }.into(),
		);
		assert_eq!(held(CITY_ADMIN), 0);
		assert_eq!(Balances::free_balance(CITY_ADMIN), 1_000);
		assert_eq!(Registry::organisation_of(&5), None);
		assert_eq!(Organisations::<Test>::get(0).unwrap().members, 2);
		// The organisation lists its members without the one removed.
		let mut listed: Vec<_> = Registry::members_of(0).into_iter().map(|(who, _)| who).collect();
		listed.sort();
		assert_eq!(listed, vec![CITY_ADMIN, 6]);
		// Governance removes a member it added; nothing is released.
		assert_ok!(Registry::remove_member(RuntimeOrigin::root(), 0, CITY_ADMIN));
		System::assert_last_event(
			Event::MemberRemoved { organisation: 0, who: CITY_ADMIN, deposit_released: 0 }.into(),
		);
	});
}

#[test]
fn remove_member_refuses_bad_input_and_changes_nothing() {
	run(|| {
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::signed(CITY_ADMIN), 0, CITY_ADMIN),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::root(), 0, CITY_ADMIN),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::signed(CITY_ADMIN), 0, PARTNER_ADMIN),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::signed(PARTNER_ADMIN), 0, CITY_ADMIN),
			Error::<Test>::NotAdmin
		);
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::none(), 0, CITY_ADMIN),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registry::remove_member(RuntimeOrigin::root(), 3, CITY_ADMIN),
			Error::<Test>::UnknownOrganisation
		);
	});
}

#[test]
fn try_state_detects_broken_counts_and_deposits() {
	new_test_ext().execute_with(|| {
		assert_ok!(Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, finance()));
		assert_ok!(Registry::do_try_state());
		Organisations::<Test>::mutate(0, |record| record.as_mut().unwrap().members = 7);
		assert!(Registry::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		assert_ok!(Registry::add_member(RuntimeOrigin::signed(CITY_ADMIN), 0, 5, finance()));
		Members::<Test>::mutate(5, |member| member.as_mut().unwrap().deposit = None);
		assert!(Registry::do_try_state().is_err());
	});
}

#[test]
fn admit_refuses_when_organisation_ids_are_exhausted() {
	run(|| {
		crate::NextOrganisationId::<Test>::put(u32::MAX);
		assert_noop!(
			Registry::admit(
				RuntimeOrigin::root(),
				OrganisationKind::Funder,
				legal_id("XI-LEI", "LAST"),
				name("Last"),
				OUTSIDER,
			),
			Error::<Test>::IdsExhausted
		);
		crate::NextOrganisationId::<Test>::put(2);
	});
}
