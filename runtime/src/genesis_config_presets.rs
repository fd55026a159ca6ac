//! Genesis states the node can start from: `development` and `local_testnet`.
//!
//! Both use the well-known development keys (Alice, Bob, ...), whose secret
//! seeds are public: they are for local chains only, never for a network
//! that holds real agreements or money.

use alloc::{vec, vec::Vec};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use civitas_primitives::{OrganisationId, OrganisationKind, Role, Roles};
use pallet_civitas_registry::GenesisOrganisation;

use crate::{
	AccountId, AuraConfig, Balance, BalancesConfig, GrandpaConfig, Registry, RegistryConfig,
	ReviveConfig, RuntimeGenesisConfig, SudoConfig, CIV,
};

/// Balance given to each development account: enough for any test scenario.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * CIV;

/// A validator's consensus keys: Aura (authoring) and GRANDPA (finality).
fn authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// Every well-known development account, funded at genesis.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|key| key.to_account_id()).collect()
}

/// Money on each demo city's and the fund's organisation account at
/// genesis: the public money they pledge.
pub const DEMO_ORGANISATION_FUNDS: Balance = 2_000_000 * CIV;

/// One demo organisation acted for by `member`, with `roles`, and, if
/// given, a second signatory, so that its organisation account can spend
/// under the four-eyes rule.
fn demo_organisation(
	kind: OrganisationKind,
	scheme: &str,
	id: &str,
	name: &str,
	member: Sr25519Keyring,
	roles: &[Role],
	second_signatory: Option<Sr25519Keyring>,
) -> GenesisOrganisation<AccountId> {
	let mut members = vec![(member.to_account_id(), Roles::of(roles))];
	if let Some(second) = second_signatory {
		members.push((second.to_account_id(), Roles::of(&[Role::Signatory])));
	}
	GenesisOrganisation { kind, scheme: scheme.into(), id: id.into(), name: name.into(), members }
}

/// The development chain's demo world: two cities, a private partner, a
/// funder, an independent verifier and a court of auditors (organisations 0
/// to 5), each acted for by one development account; the cities, the
/// partner and the fund have a second signatory (the `//… stash` account).
/// docs/demo-world.md lists who plays which part; the identifiers are
/// fictitious.
pub fn demo_world() -> Vec<GenesisOrganisation<AccountId>> {
	use Sr25519Keyring::{
		Alice, AliceStash, Bob, BobStash, Charlie, CharlieStash, Dave, DaveStash, Eve, Ferdie,
	};
	vec![
		demo_organisation(
			OrganisationKind::PublicAuthority,
			"XI-LEI",
			"DEMO00CITYNORTHBRDG",
			"City of Northbridge",
			Alice,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer],
			Some(AliceStash),
		),
		demo_organisation(
			OrganisationKind::PublicAuthority,
			"XI-LEI",
			"DEMO00CITYSOUTHPORT",
			"City of Southport",
			Bob,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer],
			Some(BobStash),
		),
		demo_organisation(
			OrganisationKind::PrivatePartner,
			"EU-VAT",
			"XX000000001",
			"Tramway Builders SA",
			Charlie,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer],
			Some(CharlieStash),
		),
		demo_organisation(
			OrganisationKind::Funder,
			"XI-LEI",
			"DEMO00GREENINVFUND",
			"European Green Investment Fund",
			Dave,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer, Role::Verifier],
			Some(DaveStash),
		),
		demo_organisation(
			OrganisationKind::Verifier,
			"EU-VAT",
			"XX000000002",
			"Independent Engineers BV",
			Eve,
			&[Role::Admin, Role::Verifier],
			None,
		),
		demo_organisation(
			OrganisationKind::Auditor,
			"XI-LEI",
			"DEMO00COURTAUDITORS",
			"Court of Auditors",
			Ferdie,
			&[Role::Admin, Role::Auditor],
			None,
		),
	]
}

/// Builds a genesis config from its validators, funded accounts, sudo key,
/// the organisations it starts with and the money on their organisation
/// accounts (by organisation id).
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	root: AccountId,
	organisations: Vec<GenesisOrganisation<AccountId>>,
	organisation_funds: Vec<(OrganisationId, Balance)>,
) -> RuntimeGenesisConfig {
	let organisation_accounts = organisation_funds
		.into_iter()
		.map(|(id, amount)| (Registry::organisation_account(id), amount));
	RuntimeGenesisConfig {
		registry: RegistryConfig { organisations },
		balances: BalancesConfig {
			balances: endowed
				.iter()
				.map(|account| (account.clone(), DEV_ENDOWMENT))
				.chain(organisation_accounts)
				.collect(),
			..Default::default()
		},
		// Mapped accounts have a contract address (H160) that maps back to
		// them, which pallet-revive requires of every caller; mapping them
		// here spares each development account a `map_account` transaction.
		revive: ReviveConfig { mapped_accounts: endowed, ..Default::default() },
		aura: AuraConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect(),
		},
		grandpa: GrandpaConfig {
			authorities: authorities.into_iter().map(|(_, grandpa)| (grandpa, 1)).collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: Some(root) },
		..Default::default()
	}
}

/// One validator (Alice), producing and finalising blocks on its own, and
/// the [`demo_world`] ready for agreements.
pub fn development() -> RuntimeGenesisConfig {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		demo_world(),
		// Northbridge, Southport and the fund hold the money they pledge.
		vec![
			(0, DEMO_ORGANISATION_FUNDS),
			(1, DEMO_ORGANISATION_FUNDS),
			(3, DEMO_ORGANISATION_FUNDS),
		],
	)
}

/// Four validators (Alice, Bob, Charlie, Dave): GRANDPA needs more than two
/// thirds of them, so finality survives any single one failing.
pub fn local_testnet() -> RuntimeGenesisConfig {
	genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		// A network starts with no organisations: governance admits them.
		Vec::new(),
		Vec::new(),
	)
}

/// The JSON of the preset named `id`, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let config = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&config).ok()
}

/// Names of the presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
