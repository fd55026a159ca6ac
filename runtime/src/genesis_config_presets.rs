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

use civitas_primitives::{OrganisationKind, Role, Roles};
use pallet_civitas_registry::GenesisOrganisation;

use crate::{
	AccountId, AuraConfig, Balance, BalancesConfig, GrandpaConfig, RegistryConfig, ReviveConfig,
	RuntimeGenesisConfig, SudoConfig, CIV,
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

/// One demo organisation whose only member is `member`, with `roles`.
fn demo_organisation(
	kind: OrganisationKind,
	scheme: &str,
	id: &str,
	name: &str,
	member: Sr25519Keyring,
	roles: &[Role],
) -> GenesisOrganisation<AccountId> {
	GenesisOrganisation {
		kind,
		scheme: scheme.into(),
		id: id.into(),
		name: name.into(),
		members: vec![(member.to_account_id(), Roles::of(roles))],
	}
}

/// The development chain's demo world: two cities, a private partner, a
/// funder, an independent verifier and a court of auditors (organisations 0
/// to 5), each acted for by one development account. docs/demo-world.md
/// lists who plays which part; the identifiers are fictitious.
pub fn demo_world() -> Vec<GenesisOrganisation<AccountId>> {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
	vec![
		demo_organisation(
			OrganisationKind::PublicAuthority,
			"XI-LEI",
			"DEMO00CITYNORTHBRDG",
			"City of Northbridge",
			Alice,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer],
		),
		demo_organisation(
			OrganisationKind::PublicAuthority,
			"XI-LEI",
			"DEMO00CITYSOUTHPORT",
			"City of Southport",
			Bob,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer],
		),
		demo_organisation(
			OrganisationKind::PrivatePartner,
			"EU-VAT",
			"XX000000001",
			"Tramway Builders SA",
			Charlie,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer],
		),
		demo_organisation(
			OrganisationKind::Funder,
			"XI-LEI",
			"DEMO00GREENINVFUND",
			"European Green Investment Fund",
			Dave,
			&[Role::Admin, Role::Signatory, Role::FinanceOfficer, Role::Verifier],
		),
		demo_organisation(
			OrganisationKind::Verifier,
			"EU-VAT",
			"XX000000002",
			"Independent Engineers BV",
			Eve,
			&[Role::Admin, Role::Verifier],
		),
		demo_organisation(
			OrganisationKind::Auditor,
			"XI-LEI",
			"DEMO00COURTAUDITORS",
			"Court of Auditors",
			Ferdie,
			&[Role::Admin, Role::Auditor],
		),
	]
}

/// Builds a genesis config from its validators, funded accounts, sudo key
/// and the organisations it starts with.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	root: AccountId,
	organisations: Vec<GenesisOrganisation<AccountId>>,
) -> RuntimeGenesisConfig {
	RuntimeGenesisConfig {
		registry: RegistryConfig { organisations },
		balances: BalancesConfig {
			balances: endowed.iter().map(|account| (account.clone(), DEV_ENDOWMENT)).collect(),
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
