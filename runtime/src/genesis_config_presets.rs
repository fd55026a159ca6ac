//! Genesis states the node can start from: `development` and `local_testnet`.
//!
//! Both use the well-known development keys (Alice, Bob, ...), whose secret
//! seeds are public: they are for local chains only, never for a network
//! that holds real agreements or money. Only `development` has a sudo key.

#[cfg(feature = "std")]
use alloc::{format, string::String};
use alloc::{vec, vec::Vec};
use frame_support::BoundedVec;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::H256;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use civitas_primitives::{OrganisationId, OrganisationKind, Role, Roles};
use pallet_civitas_registry::GenesisOrganisation;

use crate::{
	AccountId, Balance, BalancesConfig, BlockNumber, CouncilMembershipConfig, GovernanceConfig,
	Registry, RegistryConfig, ReviveConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	SudoConfig, ValidatorsConfig, CIV, MINUTES,
};

/// Balance given to each development account: enough for any test scenario.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * CIV;

/// A validator: its account and its session keys, Aura (authoring) and
/// GRANDPA (finality).
type Authority = (AccountId, AuraId, GrandpaId);

/// A development validator: the account and Aura key of `sr`, the GRANDPA
/// key of `ed`.
fn authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Authority {
	(sr.to_account_id(), sr.public().into(), ed.public().into())
}

/// Blocks per session on the development and local chains: a minute, so
/// that a change of validators shows within minutes.
pub const DEV_SESSION_LENGTH: BlockNumber = MINUTES;

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

/// What a genesis state is built from.
struct Chain {
	/// Validators: accounts and session keys.
	authorities: Vec<Authority>,
	/// Blocks per session.
	session_length: BlockNumber,
	/// Accounts given [`DEV_ENDOWMENT`] (and mapped for contracts).
	endowed: Vec<AccountId>,
	/// The sudo key: only the development chain has one.
	sudo: Option<AccountId>,
	/// The council's seats.
	council: Vec<AccountId>,
	/// Contract codes approved from the first block.
	approved_code: Vec<H256>,
	/// The organisations it starts with.
	organisations: Vec<GenesisOrganisation<AccountId>>,
	/// Money on organisation accounts, by organisation id.
	organisation_funds: Vec<(OrganisationId, Balance)>,
}

/// Builds the genesis config of `chain`.
fn genesis(chain: Chain) -> RuntimeGenesisConfig {
	genesis_with_endowments(chain, Vec::new())
}

/// Builds the genesis config of `chain`, funding `endowments` on top of
/// [`DEV_ENDOWMENT`] for each of its `endowed` accounts.
fn genesis_with_endowments(
	chain: Chain,
	endowments: Vec<(AccountId, Balance)>,
) -> RuntimeGenesisConfig {
	let Chain {
		authorities,
		session_length,
		endowed,
		sudo,
		council,
		approved_code,
		organisations,
		organisation_funds,
	} = chain;
	let organisation_accounts = organisation_funds
		.into_iter()
		.map(|(id, amount)| (Registry::organisation_account(id), amount));
	RuntimeGenesisConfig {
		registry: RegistryConfig { organisations },
		balances: BalancesConfig {
			balances: endowed
				.iter()
				.map(|account| (account.clone(), DEV_ENDOWMENT))
				.chain(endowments)
				.chain(organisation_accounts)
				.collect(),
			..Default::default()
		},
		// Mapped accounts have a contract address (H160) that maps back to
		// them, which pallet-revive requires of every caller; mapping them
		// here spares each development account a `map_account` transaction.
		revive: ReviveConfig { mapped_accounts: endowed, ..Default::default() },
		// Session hands the validators' keys to Aura and GRANDPA, whose own
		// genesis authorities stay empty.
		validators: ValidatorsConfig {
			validators: authorities.iter().map(|(account, _, _)| account.clone()).collect(),
			session_length,
		},
		session: SessionConfig {
			keys: authorities
				.into_iter()
				.map(|(account, aura, grandpa)| {
					(account.clone(), account, SessionKeys { aura, grandpa })
				})
				.collect(),
			..Default::default()
		},
		// The membership pallet seats the council (and tells the collective).
		council_membership: CouncilMembershipConfig {
			members: BoundedVec::truncate_from(council),
			..Default::default()
		},
		governance: GovernanceConfig { approved_code, ..Default::default() },
		sudo: SudoConfig { key: sudo },
		..Default::default()
	}
}

/// pallet-revive's hash (Keccak-256) of the committed reference
/// funding-conditions contract.
pub fn reference_code_hash() -> H256 {
	H256(sp_io::hashing::keccak_256(civitas_funding_conditions::REFERENCE_CODE))
}

/// One validator (Alice), producing and finalising blocks on its own, and
/// the [`demo_world`] ready for agreements: Alice's sudo key for
/// convenience, a council of Alice, Bob and Charlie to try motions on, and
/// the reference contract's code approved.
pub fn development() -> RuntimeGenesisConfig {
	use Sr25519Keyring::{Alice, Bob, Charlie};
	genesis(Chain {
		authorities: vec![authority(Alice, Ed25519Keyring::Alice)],
		session_length: DEV_SESSION_LENGTH,
		endowed: dev_accounts(),
		sudo: Some(Alice.to_account_id()),
		council: vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		approved_code: vec![reference_code_hash()],
		organisations: demo_world(),
		// Northbridge, Southport and the fund hold the money they pledge.
		organisation_funds: vec![
			(0, DEMO_ORGANISATION_FUNDS),
			(1, DEMO_ORGANISATION_FUNDS),
			(3, DEMO_ORGANISATION_FUNDS),
		],
	})
}

/// Four validators (Alice, Bob, Charlie, Dave): GRANDPA needs more than two
/// thirds of them, so finality survives any single one failing. The four
/// validator institutions form the council; there is no sudo key, no
/// organisation and no approved code: the council admits and approves.
pub fn local_testnet() -> RuntimeGenesisConfig {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave};
	genesis(Chain {
		authorities: vec![
			authority(Alice, Ed25519Keyring::Alice),
			authority(Bob, Ed25519Keyring::Bob),
			authority(Charlie, Ed25519Keyring::Charlie),
			authority(Dave, Ed25519Keyring::Dave),
		],
		session_length: DEV_SESSION_LENGTH,
		endowed: dev_accounts(),
		sudo: None,
		council: [Alice, Bob, Charlie, Dave].iter().map(|key| key.to_account_id()).collect(),
		approved_code: Vec::new(),
		organisations: Vec::new(),
		organisation_funds: Vec::new(),
	})
}

/// A validator of a production network: its Aura and GRANDPA public keys.
#[cfg(feature = "std")]
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsortiumValidator {
	/// The validator's account: its institution's, which registers its
	/// session keys and is paid nothing.
	pub account: AccountId,
	/// Aura (block authoring) key, sr25519, as SS58.
	pub aura: AuraId,
	/// GRANDPA (finality) key, ed25519, as SS58.
	pub grandpa: GrandpaId,
}

/// What a production network starts with, as its consortium writes it in a
/// file (`chain-specs/production.template.json`): no sudo key, no demo
/// data, only what the member institutions agreed on.
#[cfg(feature = "std")]
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Consortium {
	/// The council's seats: one account per member institution.
	pub council: Vec<AccountId>,
	/// The validators' accounts and consensus keys.
	pub validators: Vec<ConsortiumValidator>,
	/// Blocks per session: how soon a change of validators takes effect
	/// (two sessions). An hour (600 blocks) suits a network.
	pub session_length: BlockNumber,
	/// The organisations admitted from the first block, with their members.
	pub organisations: Vec<GenesisOrganisation<AccountId>>,
	/// Accounts funded at genesis (in the smallest unit, 10^-12 CIV): the
	/// council seats and validators need some for fees and deposits.
	pub endowments: Vec<(AccountId, Balance)>,
	/// pallet-revive code hashes the council approved before launch.
	pub approved_code: Vec<H256>,
}

/// Fewest council seats a production network may start with: with fewer
/// than three, one absent institution would block every decision.
pub const MIN_COUNCIL_SEATS: usize = 3;

/// The genesis config of a production network, or why `consortium` cannot
/// start one.
#[cfg(feature = "std")]
pub fn production(consortium: Consortium) -> Result<RuntimeGenesisConfig, String> {
	use alloc::collections::BTreeSet;
	let Consortium {
		council,
		validators,
		session_length,
		organisations,
		endowments,
		approved_code,
	} = consortium;
	let seats: BTreeSet<_> = council.iter().collect();
	if seats.len() != council.len() {
		return Err("an account holds two council seats".into());
	}
	if council.len() < MIN_COUNCIL_SEATS {
		return Err(format!(
			"the council has {} seats; a network needs at least {MIN_COUNCIL_SEATS}",
			council.len()
		));
	}
	let max_seats = <crate::configs::council::MaxCouncilMembers as frame_support::traits::Get<
		u32,
	>>::get() as usize;
	if council.len() > max_seats {
		return Err(format!("the council has more than {max_seats} seats"));
	}
	if validators.is_empty() {
		return Err("a network needs at least one validator".into());
	}
	let aura: BTreeSet<_> = validators.iter().map(|v| v.aura.clone()).collect();
	let grandpa: BTreeSet<_> = validators.iter().map(|v| v.grandpa.clone()).collect();
	let accounts: BTreeSet<_> = validators.iter().map(|v| v.account.clone()).collect();
	if aura.len() != validators.len()
		|| grandpa.len() != validators.len()
		|| accounts.len() != validators.len()
	{
		return Err("two validators share a key or an account".into());
	}
	if session_length == 0 {
		return Err("a session must last at least one block".into());
	}
	let codes: BTreeSet<_> = approved_code.iter().collect();
	if codes.len() != approved_code.len() {
		return Err("a code is approved twice".into());
	}
	let funded: BTreeSet<_> = endowments.iter().map(|(who, _)| who).collect();
	if funded.len() != endowments.len() {
		return Err("an account is endowed twice".into());
	}
	if endowments.iter().any(|(_, amount)| *amount < crate::EXISTENTIAL_DEPOSIT) {
		return Err("an endowment is below the existential deposit".into());
	}
	Ok(genesis_with_endowments(
		Chain {
			authorities: validators.into_iter().map(|v| (v.account, v.aura, v.grandpa)).collect(),
			session_length,
			endowed: Vec::new(),
			sudo: None,
			council,
			approved_code,
			organisations,
			organisation_funds: Vec::new(),
		},
		endowments,
	))
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
