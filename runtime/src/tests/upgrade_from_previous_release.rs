//! The upgrade from the previous release (spec 106), tried as try-runtime
//! does on the state of that release's development chain holding the demo
//! story (`runtime/releases/`, made by `e2e/tools/demo-story-snapshot.js`):
//! every migration with its pre- and post-upgrade checks, the entire state
//! decoded, every pallet's `try_state`; then money is compared account by
//! account, the ledger's storage byte for byte, and the upgrade is run
//! again to show it changes nothing twice.
//!
//! Needs the `try-runtime` feature (the suite runs it with the pallets'
//! benchmark and try-state tests: scripts/test.sh).

use std::collections::BTreeMap;

use codec::Encode;
use frame_support::traits::UpgradeCheckSelect;
use sp_core::{
	bytes::from_hex,
	hexdisplay::HexDisplay,
	storage::{well_known_keys, ChildInfo, Storage, StorageChild},
	H256,
};
use sp_runtime::StateVersion;

use crate::{AccountId, Balances, Executive, Runtime, Session, System, VERSION};

/// Where the previous release and its snapshot are, from this crate.
const RELEASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/releases");

/// The snapshot file's contents (hex strings as the node's RPC gives them).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Snapshot {
	/// The runtime version the chain ran.
	spec_version: u32,
	/// The runtime file, which is `:code` (left out of `top`).
	code: Code,
	/// The block whose state this is.
	block: Block,
	/// The top trie, `:code` excepted.
	top: BTreeMap<String, String>,
	/// The child tries, by their `:child_storage:default:` key in the top trie.
	children: BTreeMap<String, BTreeMap<String, String>>,
}

/// The runtime file of a snapshot.
#[derive(serde::Deserialize)]
struct Code {
	/// Its path from `e2e/`.
	file: String,
	/// Its BLAKE2-256.
	blake2: String,
}

/// The block a snapshot was taken at.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Block {
	/// Its number.
	number: u32,
	/// Its state root: what the loaded state must hash to.
	state_root: String,
}

/// The bytes a snapshot's hex string stands for.
fn bytes(hex: &str) -> Vec<u8> {
	from_hex(hex).expect("the snapshot holds hex")
}

/// The snapshot's state, and its `:code`: the release file.
fn load(snapshot: &Snapshot) -> (Vec<u8>, Storage) {
	let file = std::path::Path::new(RELEASES).join(
		std::path::Path::new(&snapshot.code.file).file_name().expect("the runtime file has a name"),
	);
	let code = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
	assert_eq!(
		format!("0x{}", HexDisplay::from(&sp_io::hashing::blake2_256(&code))),
		snapshot.code.blake2,
		"{} is the runtime the snapshot's chain ran",
		file.display()
	);
	let mut top: BTreeMap<Vec<u8>, Vec<u8>> =
		snapshot.top.iter().map(|(key, value)| (bytes(key), bytes(value))).collect();
	let prefix = well_known_keys::DEFAULT_CHILD_STORAGE_KEY_PREFIX;
	let mut children_default = std::collections::HashMap::new();
	for (key, entries) in &snapshot.children {
		let key = bytes(key);
		// The top trie holds a child trie's root, which the child's own
		// entries give again: the state is loaded from the entries.
		top.remove(&key);
		let id = key.strip_prefix(prefix).expect("a default child trie");
		let child_info = ChildInfo::new_default(id);
		let data = entries.iter().map(|(k, v)| (bytes(k), bytes(v))).collect();
		children_default.insert(id.to_vec(), StorageChild { data, child_info });
	}
	(code, Storage { top, children_default })
}

/// Every account's balances (free, reserved, frozen, flags), holds and
/// freezes, and the total issuance: the money the upgrade must not touch.
fn money() -> (Vec<(AccountId, Vec<u8>)>, u128) {
	let accounts = frame_system::Account::<Runtime>::iter()
		.map(|(who, info)| {
			let holds = pallet_balances::Holds::<Runtime>::get(&who);
			let freezes = pallet_balances::Freezes::<Runtime>::get(&who);
			(who, (info.data, holds, freezes).encode())
		})
		.collect();
	(accounts, Balances::total_issuance())
}

/// The pallets whose storage the upgrade must leave as it was, byte for
/// byte: the ledger, contract code approvals and the council.
const KEPT: [&str; 8] = [
	"Registry",
	"AuditTrail",
	"Agreements",
	"Pools",
	"Disbursements",
	"Governance",
	"Council",
	"CouncilMembership",
];

/// Every raw key and value of the pallets in [`KEPT`].
fn kept_storage() -> Vec<(Vec<u8>, Vec<u8>)> {
	let mut entries = Vec::new();
	for pallet in KEPT {
		let prefix = sp_io::hashing::twox_128(pallet.as_bytes());
		let mut key = prefix.to_vec();
		while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
			let value = frame_support::storage::unhashed::get_raw(&next).unwrap_or_default();
			entries.push((next.clone(), value));
			key = next;
		}
	}
	entries
}

#[test]
fn the_previous_releases_demo_story_upgrades_with_every_check() {
	let path = std::path::Path::new(RELEASES).join("civitas-dev-spec106-demo-story.snapshot.json");
	let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
	let snapshot: Snapshot = serde_json::from_str(&text).expect("the snapshot parses");
	assert_eq!(snapshot.spec_version, 106);
	assert!(VERSION.spec_version > snapshot.spec_version);

	let (code, storage) = load(&snapshot);
	let mut ext =
		sp_io::TestExternalities::new_with_code_and_state(&code, storage, StateVersion::V1);
	// The state is exactly the chain's at that block: nothing was lost or
	// changed between the node and this test.
	assert_eq!(
		*ext.as_backend().root(),
		H256::from_slice(&bytes(&snapshot.block.state_root)),
		"the snapshot's state hashes to its block's state root"
	);

	ext.execute_with(|| {
		assert_eq!(System::block_number(), snapshot.block.number);
		let last = frame_system::LastRuntimeUpgrade::<Runtime>::get().expect("set at genesis");
		assert_eq!(last.spec_version, codec::Compact(106));
		assert!(pallet_session::Validators::<Runtime>::get().is_empty(), "no pallet-session yet");
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let money_before = money();
		assert!(money_before.0.len() > 10, "the demo world's accounts are there");
		let ledger_before = kept_storage();
		assert!(ledger_before.len() > 50, "the demo story's records are there");

		// What try-runtime's `on-runtime-upgrade` runs: the migrations with
		// their pre- and post-checks, the whole state decoded, every
		// pallet's try_state.
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("the upgrade passes every check");

		let last = frame_system::LastRuntimeUpgrade::<Runtime>::get().unwrap();
		assert_eq!(last.spec_version, codec::Compact(VERSION.spec_version));
		// The dev chain's one authority is pallet-session's one validator.
		let validators = Session::validators();
		assert_eq!(validators.len(), aura.len());
		assert_eq!(validators.len(), 1);
		assert_eq!(
			pallet_civitas_validators::Validators::<Runtime>::get().into_inner(),
			validators
		);
		assert_eq!(money(), money_before, "the upgrade moved no money");
		assert!(kept_storage() == ledger_before, "the upgrade changed the ledger's storage");
	});

	// Run again (as when a later upgrade runs the same migrations): each
	// migration sees its work done and changes nothing.
	let root = *ext.as_backend().root();
	ext.execute_with(|| {
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("a second run passes");
	});
	assert_eq!(*ext.as_backend().root(), root, "the second run changed the state");
}
