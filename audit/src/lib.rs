//! # Civitas audit bundles
//!
//! An audit bundle (`civitas_auditBundle` on a node) lets an auditor prove,
//! offline and to a third party, that an export of an agreement's audit
//! trail is complete and untampered:
//!
//! - the trail's **entries**, SCALE-encoded, which an export lists;
//! - the trail's **length and head** as stored on chain, with a **storage
//!   read proof** of that record at one block;
//! - that block's **header**, whose state root the proof is checked
//!   against;
//! - when the block is finalised, a **GRANDPA justification** of it or of a
//!   descendant, with the headers linking the two, and the authority set
//!   that signed it.
//!
//! [`verify`] checks each link and says exactly what it verified and what
//! it had to trust (the authority set, unless the auditor supplies one it
//! holds). Nothing here talks to a node.

use std::collections::{BTreeMap, BTreeSet};

use civitas_primitives::{
	audit::{recompute_head, AuditEntry},
	AgreementId,
};
use codec::{Decode, Encode};
use serde::{Deserialize, Serialize};
use sp_consensus_grandpa::{AuthorityId, AuthorityWeight, GrandpaJustification, SignatureResult};
use sp_core::{ed25519, Bytes, H256};
use sp_runtime::{
	generic,
	traits::{BlakeTwo256, Hash as _, Header as _},
	AccountId32,
};

/// The bundle format this crate writes and reads.
pub const FORMAT: &str = "civitas-audit-bundle/1";

/// The chain's header type.
pub type Header = generic::Header<u32, BlakeTwo256>;

/// A trail entry as the chain stores it.
pub type Entry = AuditEntry<AccountId32, u32>;

/// Everything needed to prove an agreement's trail at one block.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle {
	/// Always [`FORMAT`].
	pub format: String,
	/// The chain's genesis hash: which chain the bundle is from.
	pub genesis_hash: H256,
	/// The agreement.
	pub agreement: AgreementId,
	/// The block the trail was read at.
	pub block: BlockRef,
	/// That block's SCALE-encoded header.
	pub header: Bytes,
	/// The trail.
	pub trail: Trail,
	/// The storage read proof of the trail's record at the block.
	pub proof: ReadProof,
	/// GRANDPA finality of the block, if it was finalised when read.
	pub finality: Option<Finality>,
}

/// A block by number and hash.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlockRef {
	/// Its number.
	pub number: u32,
	/// Its hash.
	pub hash: H256,
}

/// An agreement's audit trail as the bundle states it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Trail {
	/// How many entries the chain says it holds.
	pub length: u32,
	/// Its head as the chain stores it.
	pub head: H256,
	/// Every entry, in order, SCALE-encoded.
	pub entries: Vec<Bytes>,
}

/// A storage read proof of one key.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReadProof {
	/// The storage key proven: `AuditTrail::Trails(agreement)`.
	pub key: Bytes,
	/// The trie nodes of the proof.
	pub nodes: Vec<Bytes>,
}

/// A GRANDPA justification covering the bundle's block.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Finality {
	/// The SCALE-encoded justification, of the bundle's block or of a
	/// descendant.
	pub justification: Bytes,
	/// The headers from the bundle's block's child to the justified block,
	/// SCALE-encoded, in order (none if the block itself is justified).
	pub headers: Vec<Bytes>,
	/// The authority set id the justification was signed in.
	pub set_id: u64,
	/// The authority set, as the chain stated it (trusted unless the
	/// verifier is given one).
	pub authorities: Vec<Authority>,
}

/// One GRANDPA authority.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Authority {
	/// Its ed25519 public key.
	pub id: Bytes,
	/// Its voting weight.
	pub weight: AuthorityWeight,
}

/// An authority set an auditor holds: the set id and its authorities.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthoritySet {
	/// The set id.
	pub set_id: u64,
	/// The authorities.
	pub authorities: Vec<Authority>,
}

/// What a successful verification established, and what it took on trust.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
	/// Facts checked cryptographically, in order.
	pub verified: Vec<String>,
	/// Inputs the checks rest on but could not check.
	pub trusted: Vec<String>,
}

/// The storage key of `AuditTrail::Trails(agreement)`: the pallet's and
/// map's twox-128 prefixes, then the id hashed with twox-64 and appended.
pub fn trail_key(agreement: AgreementId) -> Vec<u8> {
	let id = agreement.encode();
	[
		sp_crypto_hashing::twox_128(b"AuditTrail").to_vec(),
		sp_crypto_hashing::twox_128(b"Trails").to_vec(),
		sp_crypto_hashing::twox_64(&id).to_vec(),
		id,
	]
	.concat()
}

/// Verifies `bundle`; with `authorities`, checks finality against that set
/// rather than trusting the one in the bundle. Every failure names the
/// link that broke.
pub fn verify(bundle: &Bundle, authorities: Option<&AuthoritySet>) -> Result<Report, String> {
	let mut report = Report::default();
	if bundle.format != FORMAT {
		return Err(format!("unknown bundle format {:?} (expected {FORMAT})", bundle.format));
	}

	// 1. The header is the block's.
	let header = Header::decode(&mut &bundle.header[..])
		.map_err(|error| format!("the header does not decode: {error}"))?;
	let hash = header.hash();
	if hash != bundle.block.hash || *header.number() != bundle.block.number {
		return Err(format!(
			"the header is block #{} {hash:?}, not the bundle's block #{} {:?}",
			header.number(),
			bundle.block.number,
			bundle.block.hash
		));
	}
	report.verified.push(format!(
		"the header hashes to block #{} {hash:?}, state root {:?}",
		bundle.block.number,
		header.state_root()
	));

	// 2. The trail's record is in that block's state.
	let key = trail_key(bundle.agreement);
	if bundle.proof.key.0 != key {
		return Err(format!(
			"the proof is for key {}, not agreement {}'s trail ({})",
			sp_core::bytes::to_hex(&bundle.proof.key, false),
			bundle.agreement,
			sp_core::bytes::to_hex(&key, false)
		));
	}
	let proof =
		sp_state_machine::StorageProof::new(bundle.proof.nodes.iter().map(|node| node.0.clone()));
	let values =
		sp_state_machine::read_proof_check::<BlakeTwo256, _>(*header.state_root(), proof, [&key])
			.map_err(|error| {
				format!(
					"the read proof does not prove agreement {}'s trail under the state root {:?} of block #{}: {error}",
					bundle.agreement,
					header.state_root(),
					bundle.block.number
				)
			})?;
	let stored = values.get(&key).cloned().flatten().ok_or_else(|| {
		format!(
			"the read proof shows agreement {} has no trail at block #{}",
			bundle.agreement, bundle.block.number
		)
	})?;
	// The pallet's `Trail { len: u32, head: H256 }`.
	let (length, head) = <(u32, H256)>::decode(&mut &stored[..])
		.map_err(|error| format!("the proven trail record does not decode: {error}"))?;
	if (length, head) != (bundle.trail.length, bundle.trail.head) {
		return Err(format!(
			"the bundle states {} entries and head {:?}, the chain stores {length} and {head:?}",
			bundle.trail.length, bundle.trail.head
		));
	}
	report.verified.push(format!(
		"the read proof shows agreement {}'s trail at that state root: {length} entries, head {head:?}",
		bundle.agreement
	));

	// 3. The entries are exactly the trail.
	if bundle.trail.entries.len() != length as usize {
		return Err(format!(
			"the bundle lists {} entries; the chain stores {length}",
			bundle.trail.entries.len()
		));
	}
	let entries = bundle
		.trail
		.entries
		.iter()
		.enumerate()
		.map(|(index, bytes)| {
			Entry::decode(&mut &bytes[..])
				.map_err(|error| format!("entry {index} does not decode: {error}"))
				.and_then(|entry| {
					if entry.encode() == bytes.0 {
						Ok(entry)
					} else {
						Err(format!("entry {index} has trailing or non-canonical bytes"))
					}
				})
		})
		.collect::<Result<Vec<_>, _>>()?;
	let recomputed = recompute_head(bundle.agreement, entries.iter());
	if recomputed != head {
		return Err(format!(
			"the {length} entries hash to {recomputed:?}, not to the stored head {head:?}: an entry was changed, removed, added or reordered"
		));
	}
	report.verified.push(format!("the {length} entries hash, in order, to the stored head"));

	// 4. The block is final.
	match &bundle.finality {
		None => report.trusted.push(format!(
			"block #{} was not finalised when the bundle was made: no finality was checked",
			bundle.block.number
		)),
		Some(finality) => {
			let (set, trusted) = match authorities {
				Some(set) => (set.clone(), false),
				None => (
					AuthoritySet {
						set_id: finality.set_id,
						authorities: finality.authorities.clone(),
					},
					true,
				),
			};
			let line = verify_finality(bundle.block, finality, &set)?;
			report.verified.push(line);
			let keys: Vec<String> = set
				.authorities
				.iter()
				.map(|authority| sp_core::bytes::to_hex(&authority.id, false))
				.collect();
			let whose = if trusted { "the bundle's" } else { "the given" };
			let line = format!(
				"{whose} GRANDPA authority set {} ({} authorities: {})",
				set.set_id,
				keys.len(),
				keys.join(", ")
			);
			if trusted {
				report
					.trusted
					.push(format!("{line}: pass --authorities with a set you hold to check it"));
			} else {
				report.verified.push(format!("finality was checked against {line}"));
			}
		},
	}
	Ok(report)
}

/// Checks that `finality`'s justification, signed by `set`, finalises
/// `block` (through the headers linking it to the justified block).
fn verify_finality(
	block: BlockRef,
	finality: &Finality,
	set: &AuthoritySet,
) -> Result<String, String> {
	let justification = GrandpaJustification::<Header>::decode(&mut &finality.justification[..])
		.map_err(|error| format!("the justification does not decode: {error}"))?;
	// The block's descendants up to the justified one, each naming the
	// previous as its parent.
	let mut tip = (block.hash, block.number);
	for (index, bytes) in finality.headers.iter().enumerate() {
		let header = Header::decode(&mut &bytes[..])
			.map_err(|error| format!("finality header {index} does not decode: {error}"))?;
		if *header.parent_hash() != tip.0 || *header.number() != tip.1.saturating_add(1) {
			return Err(format!(
				"finality header {index} (#{}) is not the child of #{} {:?}",
				header.number(),
				tip.1,
				tip.0
			));
		}
		tip = (header.hash(), *header.number());
	}
	let commit = &justification.commit;
	if (commit.target_hash, commit.target_number) != tip {
		return Err(format!(
			"the justification finalises #{} {:?}, not #{} {:?}, which descends from the bundle's block",
			commit.target_number, commit.target_hash, tip.1, tip.0
		));
	}

	let voters: Vec<(AuthorityId, AuthorityWeight)> = set
		.authorities
		.iter()
		.map(|authority| {
			let raw: [u8; 32] = authority.id.0.as_slice().try_into().map_err(|_| {
				format!(
					"authority {} is not a 32-byte ed25519 key",
					sp_core::bytes::to_hex(&authority.id, false)
				)
			})?;
			Ok((AuthorityId::from(ed25519::Public::from_raw(raw)), authority.weight))
		})
		.collect::<Result<_, String>>()?;
	let voter_set = finality_grandpa::voter_set::VoterSet::new(voters.iter().cloned())
		.ok_or("the authority set is empty or has no weight")?;

	// Each precommit must be signed by an authority of the set, for this
	// round and set id exactly.
	for (index, signed) in commit.precommits.iter().enumerate() {
		if !voter_set.contains(&signed.id) {
			return Err(format!(
				"precommit {index} is by {:?}, not an authority of the set",
				signed.id
			));
		}
		let message = finality_grandpa::Message::Precommit(signed.precommit.clone());
		match sp_consensus_grandpa::check_message_signature(
			&message,
			&signed.id,
			&signed.signature,
			justification.round,
			set.set_id,
		) {
			SignatureResult::Valid => {},
			other => {
				return Err(format!(
					"precommit {index} by {:?} does not verify for round {} of set {}: {other:?}",
					signed.id, justification.round, set.set_id
				))
			},
		}
	}

	// The precommits must carry a supermajority for the target, each
	// voting for it or a descendant through the ancestry given.
	let ancestry = Ancestry::new(&justification.votes_ancestries);
	let validation = finality_grandpa::validate_commit(commit, &voter_set, &ancestry)
		.map_err(|error| format!("the commit is invalid: {error:?}"))?;
	if !validation.is_valid() {
		return Err(format!(
			"the precommits do not carry the {} of {} weight needed to finalise #{}",
			voter_set.threshold().get(),
			voter_set.total_weight().get(),
			commit.target_number
		));
	}
	// Every ancestry header must serve a precommit: none smuggled in.
	let mut used = BTreeSet::new();
	for signed in &commit.precommits {
		let mut current = signed.precommit.target_hash;
		while current != commit.target_hash {
			let Some(header) = ancestry.headers.get(&current) else { break };
			used.insert(current);
			current = *header.parent_hash();
		}
	}
	if used.len() != ancestry.headers.len() {
		return Err("the justification carries ancestry headers no precommit needs".into());
	}
	let signers: BTreeSet<_> = commit.precommits.iter().map(|signed| signed.id.clone()).collect();
	let justified = if commit.target_hash == block.hash {
		"the block".to_string()
	} else {
		format!("its descendant #{} {:?}", commit.target_number, commit.target_hash)
	};
	Ok(format!(
		"block #{} is final: a GRANDPA justification (round {}, set {}) finalises {justified} with precommits of {} of {} authorities (threshold weight {} of {})",
		block.number,
		justification.round,
		set.set_id,
		signers.len(),
		voter_set.len(),
		voter_set.threshold().get(),
		voter_set.total_weight().get(),
	))
}

/// The headers a justification carries, by hash, as a chain GRANDPA's
/// commit validation walks.
struct Ancestry {
	headers: BTreeMap<H256, Header>,
}

impl Ancestry {
	fn new(headers: &[Header]) -> Self {
		Self { headers: headers.iter().map(|header| (header.hash(), header.clone())).collect() }
	}
}

impl finality_grandpa::Chain<H256, u32> for Ancestry {
	fn ancestry(&self, base: H256, block: H256) -> Result<Vec<H256>, finality_grandpa::Error> {
		let mut route = Vec::new();
		let mut current = block;
		loop {
			if current == base {
				break;
			}
			let header =
				self.headers.get(&current).ok_or(finality_grandpa::Error::NotDescendent)?;
			current = *header.parent_hash();
			route.push(current);
		}
		// The route ends with `base` itself, which is not part of the ancestry.
		route.pop();
		Ok(route)
	}
}

/// Parses a bundle from JSON.
pub fn parse(json: &str) -> Result<Bundle, String> {
	serde_json::from_str(json).map_err(|error| format!("not an audit bundle: {error}"))
}

/// The BLAKE2-256 of `bytes`, as the chain hashes.
pub fn blake2(bytes: &[u8]) -> H256 {
	BlakeTwo256::hash(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;
	use civitas_primitives::{audit::Actor, AuditAction};

	#[test]
	fn the_trail_key_is_the_pallets_storage_key() {
		let key = trail_key(7);
		assert_eq!(&key[..16], &sp_crypto_hashing::twox_128(b"AuditTrail"));
		assert_eq!(&key[16..32], &sp_crypto_hashing::twox_128(b"Trails"));
		assert_eq!(&key[40..], &7u32.to_le_bytes());
	}

	#[test]
	fn a_bundle_of_another_format_is_refused() {
		let bundle = Bundle {
			format: "civitas-audit-bundle/0".into(),
			genesis_hash: H256::zero(),
			agreement: 0,
			block: BlockRef { number: 0, hash: H256::zero() },
			header: Bytes(vec![]),
			trail: Trail { length: 0, head: H256::zero(), entries: vec![] },
			proof: ReadProof { key: Bytes(vec![]), nodes: vec![] },
			finality: None,
		};
		assert!(verify(&bundle, None).unwrap_err().starts_with("unknown bundle format"));
	}

	#[test]
	fn ancestry_walks_parent_links_to_the_base() {
		let header = |number: u32, parent: H256| {
			Header::new(number, H256::zero(), H256::zero(), parent, Default::default())
		};
		let base = header(1, H256::zero());
		let middle = header(2, base.hash());
		let tip = header(3, middle.hash());
		let ancestry = Ancestry::new(&[middle.clone(), tip.clone()]);
		use finality_grandpa::Chain;
		assert_eq!(ancestry.ancestry(base.hash(), tip.hash()), Ok(vec![middle.hash()]));
		assert_eq!(ancestry.ancestry(base.hash(), base.hash()), Ok(vec![]));
		assert!(ancestry.ancestry(H256::repeat_byte(9), tip.hash()).is_err());
		// An entry decodes and re-encodes to the same bytes.
		let entry = Entry {
			block: 1,
			actor: Actor::Governance,
			action: AuditAction::AgreementProposed,
			data: blake2(b"terms"),
		};
		assert_eq!(Entry::decode(&mut &entry.encode()[..]).unwrap(), entry);
	}
}
