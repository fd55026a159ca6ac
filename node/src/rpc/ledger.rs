//! The `civitas_*` JSON-RPC methods: the ledger read for auditors, at any
//! block this node holds the state of (every block, on an archive node).
//!
//! Each method calls the runtime's `LedgerApi` at the block asked (`at`,
//! the best block by default) and writes its answer as JSON
//! ([`super::render`]); every answer starts with `at`, the number and hash
//! of the block that answered.

use std::sync::Arc;

use civitas_audit::{Authority, BlockRef, Bundle, Finality, ReadProof, Trail};
use civitas_primitives::{
	audit::AuditAction,
	ledger_api::{LedgerApi as LedgerRuntimeApi, QueryError, MAX_PAGE},
	AgreementId, OrganisationId, Stage,
};
use civitas_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use codec::Encode;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sc_client_api::ProofProvider;
use sc_client_api::{Backend, BlockBackend, StorageProvider};
use serde::Deserialize;
use serde_json::{json, Value};
use sp_api::{ApiExt, ApiRef, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_consensus_grandpa::{GrandpaApi, GRANDPA_ENGINE_ID};
use sp_core::H256;

use super::{
	block_events::{of_entry, Events},
	clock::ClientClock,
	errors::Error,
	ocds::{by_block, read_all, Change, Publication, Snapshot},
	render::{answered_at, Format, Render},
};

/// Which agreements `civitas_agreements` lists: those of one organisation,
/// or those in one stage, a page at a time.
#[derive(Deserialize, Debug, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgreementsQuery {
	/// The organisation whose agreements to list.
	pub organisation: Option<OrganisationId>,
	/// The stage to list: draft, active, suspended, completed or terminated.
	pub stage: Option<String>,
	/// The last agreement of the previous page.
	pub after: Option<AgreementId>,
	/// How many at most (100 if not given, at most 100).
	pub limit: Option<u32>,
}

/// The ledger's read methods.
#[rpc(server, namespace = "civitas")]
pub trait LedgerApi {
	/// An organisation: name, kind, legal identifier, status, account and
	/// members with their roles.
	#[method(name = "organisation", blocking)]
	fn organisation(&self, id: OrganisationId, at: Option<H256>) -> RpcResult<Value>;

	/// An agreement: status, parties and every version of its terms with
	/// their signatures.
	#[method(name = "agreement", blocking)]
	fn agreement(&self, id: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// A page of agreements: an organisation's (with its part in each) or
	/// those in a stage.
	#[method(name = "agreements", blocking)]
	fn agreements(&self, query: AgreementsQuery, at: Option<H256>) -> RpcResult<Value>;

	/// An agreement's pool and pledges, escrow and payout totals.
	#[method(name = "funding", blocking)]
	fn funding(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// An agreement's milestones with their OCDS status, evidence and verdicts.
	#[method(name = "milestones", blocking)]
	fn milestones(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// An agreement's payouts, each with its decision record and split.
	#[method(name = "payouts", blocking)]
	fn payouts(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// A page of an agreement's recoveries.
	#[method(name = "recoveries", blocking)]
	fn recoveries(
		&self,
		agreement: AgreementId,
		after: Option<u32>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<Value>;

	/// An agreement's open dispute and the time disputes froze its payouts.
	#[method(name = "disputes", blocking)]
	fn disputes(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// A page of an agreement's audit trail, with the trail's length and head.
	#[method(name = "auditTrail", blocking)]
	fn audit_trail(
		&self,
		agreement: AgreementId,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<Value>;

	/// The agreement as an OCDS 1.1.5 release package: one release per
	/// block that changed it, up to `at`. Needs the state of each of those
	/// blocks: an archive node.
	#[method(name = "ocdsReleasePackage", blocking)]
	fn ocds_release_package(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// The agreement as an OCDS 1.1.5 record package: its releases linked
	/// and the agreement compiled at `at`.
	#[method(name = "ocdsRecordPackage", blocking)]
	fn ocds_record_package(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value>;

	/// Everything needed to prove offline that an export of the agreement's
	/// trail is complete (`civitas-audit verify`): the entries, the trail's
	/// length and head with a read proof at `at`, the header of `at`, and
	/// GRANDPA finality of `at` when it is finalised.
	#[method(name = "auditBundle", blocking)]
	fn audit_bundle(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Bundle>;
}

/// The `civitas_*` methods over a client.
pub struct Ledger<C, BE> {
	client: Arc<C>,
	backend: Arc<BE>,
	format: Format,
	publication: Publication,
}

impl<C, BE> Ledger<C, BE> {
	/// The methods over `client`, writing tokens and addresses in `format`
	/// and OCDS data as `publication` says.
	pub fn new(client: Arc<C>, backend: Arc<BE>, format: Format, publication: Publication) -> Self {
		Self { client, backend, format, publication }
	}
}

/// A trail entry with its index and the trail's head after it.
type NumberedEntry = (u32, civitas_primitives::AuditEntry<AccountId, BlockNumber>, H256);

/// The runtime API as the node names it.
type Api = dyn LedgerRuntimeApi<Block, AccountId, Balance, BlockNumber>;

impl<C, BE> Ledger<C, BE>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ BlockBackend<Block>
		+ StorageProvider<Block, BE>
		+ ProofProvider<Block>
		+ 'static,
	C::Api: LedgerRuntimeApi<Block, AccountId, Balance, BlockNumber> + GrandpaApi<Block>,
	BE: Backend<Block> + 'static,
{
	/// The block asked (the best block if none), checked to be known and
	/// to have its state on this node.
	pub(super) fn block(&self, at: Option<H256>) -> Result<(H256, BlockNumber), Error> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		let number = self
			.client
			.number(hash)
			.map_err(|error| Error::Node(error.to_string()))?
			.ok_or(Error::UnknownBlock(hash))?;
		if !self.backend.have_state_at(hash, number) {
			return Err(Error::StatePruned { number, hash });
		}
		Ok((hash, number))
	}

	/// Calls the runtime API at `hash` if its runtime has `method` (added
	/// in API version `since`); `id` names what was asked, for errors.
	pub(super) fn call<R>(
		&self,
		(hash, number): (H256, BlockNumber),
		method: &'static str,
		since: u32,
		id: u32,
		call: impl FnOnce(&ApiRef<'_, C::Api>) -> Result<Result<R, QueryError>, sp_api::ApiError>,
	) -> Result<R, Error> {
		let api = self.client.runtime_api();
		let version = api
			.api_version::<Api>(hash)
			.map_err(|error| Error::Node(error.to_string()))?
			.unwrap_or(0);
		if version < since {
			return Err(Error::NotAtThisBlock { method, number });
		}
		call(&api)
			.map_err(|error| Error::Node(format!("the runtime failed to answer: {error}")))?
			.map_err(|error| Error::Query { error, id, number })
	}

	/// Writes `answer` with the block that answered.
	fn answer(
		&self,
		(hash, number): (H256, BlockNumber),
		write: impl FnOnce(&Render) -> Value,
	) -> RpcResult<Value> {
		let clock = ClientClock::new(self.client.clone());
		let render = Render { format: &self.format, clock: &clock };
		Ok(answered_at(write(&render), number, hash))
	}

	/// The whole audit trail of `agreement` at `block`, each entry with its
	/// index and the trail's head after it.
	fn whole_trail(
		&self,
		block: (H256, BlockNumber),
		agreement: AgreementId,
	) -> Result<Vec<NumberedEntry>, Error> {
		let mut entries = Vec::new();
		let mut head = civitas_primitives::audit::genesis_head(agreement);
		loop {
			let from = entries.len() as u32;
			let page = self.call(block, "auditTrail", 1, agreement, |api| {
				api.audit_trail(block.0, agreement, from, MAX_PAGE)
			})?;
			let done =
				page.items.is_empty() || from.saturating_add(page.items.len() as u32) >= page.len;
			for (index, entry) in (from..).zip(page.items) {
				head = civitas_primitives::audit::chain(head, &entry);
				entries.push((index, entry, head));
			}
			if done {
				return Ok(entries);
			}
		}
	}

	/// A GRANDPA justification finalising `number` (canonical, finalised)
	/// or a descendant: the first one stored from `number` on, else the
	/// one GRANDPA keeps for the latest finalised block. With the headers
	/// from `number`'s child to the justified block, and the authority set
	/// that signed it.
	fn finality(&self, number: BlockNumber) -> Result<Finality, Error> {
		let node = |error: sp_blockchain::Error| Error::Node(error.to_string());
		let finalised = self.client.info().finalized_number;
		let hash_of = |n: BlockNumber| -> Result<H256, Error> {
			self.client.hash(n).map_err(node)?.ok_or_else(|| Error::Node(format!("no block #{n}")))
		};
		let mut found = None;
		for candidate in number..=finalised {
			let hash = hash_of(candidate)?;
			if let Some(bytes) = self
				.client
				.justifications(hash)
				.map_err(node)?
				.and_then(|justifications| justifications.into_justification(GRANDPA_ENGINE_ID))
			{
				found = Some((candidate, bytes));
				break;
			}
		}
		let (justified, justification) = match found {
			Some(found) => found,
			None => {
				let latest = sc_consensus_grandpa::best_justification::<_, Block>(&*self.backend)
					.map_err(node)?
					.ok_or_else(|| Error::Node("GRANDPA holds no justification yet".into()))?;
				(latest.justification.commit.target_number, latest.encode())
			},
		};
		if justified < number {
			return Err(Error::Node(format!(
				"the latest GRANDPA justification is for #{justified}, before #{number}"
			)));
		}
		let mut headers = Vec::new();
		for n in number.saturating_add(1)..=justified {
			let header = self
				.client
				.header(hash_of(n)?)
				.map_err(node)?
				.ok_or_else(|| Error::Node(format!("no header of #{n}")))?;
			headers.push(sp_core::Bytes(header.encode()));
		}
		// The set that finalises the justified block: as its parent's state says.
		let parent = hash_of(justified.saturating_sub(1))?;
		if !self.backend.have_state_at(parent, justified.saturating_sub(1)) {
			return Err(Error::StatePruned { number: justified.saturating_sub(1), hash: parent });
		}
		let api = self.client.runtime_api();
		let failed =
			|error: sp_api::ApiError| Error::Node(format!("the runtime failed to answer: {error}"));
		let authorities = api.grandpa_authorities(parent).map_err(failed)?;
		let set_id = api.current_set_id(parent).map_err(failed)?;
		Ok(Finality {
			justification: sp_core::Bytes(justification),
			headers,
			set_id,
			authorities: authorities
				.into_iter()
				.map(|(id, weight)| Authority { id: sp_core::Bytes(id.encode()), weight })
				.collect(),
		})
	}

	/// The events of block `hash`, decoded with this node's runtime types;
	/// `None` if they are not stored or were written by a runtime whose
	/// events this node no longer decodes.
	fn events_of(&self, hash: H256) -> Option<Events> {
		use codec::Decode;
		let key = [sp_crypto_hashing::twox_128(b"System"), sp_crypto_hashing::twox_128(b"Events")]
			.concat();
		let stored = self.client.storage(hash, &sc_client_api::StorageKey(key)).ok()??;
		Events::decode(&mut &stored.0[..]).ok()
	}

	/// The agreement as the ledger held it at the end of `block`.
	fn snapshot(&self, block: (H256, BlockNumber), id: AgreementId) -> Result<Snapshot, Error> {
		let at = block.0;
		let agreement = self.call(block, "agreement", 2, id, |api| api.agreement(at, id))?;
		let milestones = self.call(block, "milestones", 2, id, |api| api.milestones(at, id))?;
		let payouts = self.call(block, "payouts", 2, id, |api| api.payouts(at, id))?;
		let funding = self.call(block, "funding", 2, id, |api| api.funding(at, id))?;
		let recoveries = read_all(
			|after| {
				self.call(block, "recoveries", 2, id, |api| api.recoveries(at, id, after, MAX_PAGE))
			},
			|view| view.id,
		)?;
		let mut organisations = std::collections::BTreeMap::new();
		let verifiers = agreement
			.versions
			.iter()
			.flat_map(|numbered| numbered.version.terms.verifiers.iter().copied());
		for organisation in
			agreement.agreement.parties.iter().map(|party| party.organisation).chain(verifiers)
		{
			if organisations.contains_key(&organisation) {
				continue;
			}
			let view = self.call(block, "organisation", 2, organisation, |api| {
				api.organisation(at, organisation)
			})?;
			organisations.insert(organisation, view);
		}
		Ok(Snapshot {
			number: block.1,
			hash: at,
			agreement,
			milestones,
			payouts,
			funding,
			recoveries,
			organisations,
		})
	}

	/// The releases of `agreement` up to `block`, and its compiled release
	/// at `block`.
	fn releases(
		&self,
		block: (H256, BlockNumber),
		agreement: AgreementId,
		render: &Render,
	) -> Result<(Vec<Value>, Value), Error> {
		// Fails first, and clearly, for an agreement unknown at `block`.
		let compiled_snapshot = self.snapshot(block, agreement)?;
		let trail = self.whole_trail(block, agreement)?;
		let (length, head) = trail
			.last()
			.map_or((0, civitas_primitives::audit::genesis_head(agreement)), |(index, _, head)| {
				(index + 1, *head)
			});
		let mut heads = std::collections::BTreeMap::new();
		let changes: Vec<Change> = trail
			.into_iter()
			.map(|(index, entry, head)| {
				heads.insert(index, head);
				Change { index, entry, extrinsic: None }
			})
			.collect();
		let mut releases = Vec::new();
		// Every retention release so far: each release lists them all.
		let mut retention_paid = Vec::new();
		for (number, mut group) in by_block(changes) {
			let hash = self
				.client
				.hash(number)
				.map_err(|error| Error::Node(error.to_string()))?
				.ok_or_else(|| Error::Node(format!("block #{number} is not on the chain")))?;
			let at = self.block(Some(hash))?;
			// Read once per block: every change of the block is in them.
			let events = self.events_of(hash);
			for change in &mut group {
				let Some(events) = &events else { continue };
				let (extrinsic, retention) = of_entry(events, number, agreement, change.index);
				change.extrinsic = extrinsic;
				if change.entry.action == AuditAction::RetentionReleased {
					retention_paid.extend(retention);
				}
			}
			let snapshot = self.snapshot(at, agreement)?;
			let last = group.last().map_or(0, |change| change.index);
			let trail_after = (last + 1, heads.get(&last).copied().unwrap_or_default());
			releases.push(self.publication.release(
				render,
				&snapshot,
				&group,
				&retention_paid,
				trail_after,
			));
		}
		let compiled = self.publication.release(
			render,
			&compiled_snapshot,
			&[],
			&retention_paid,
			(length, head),
		);
		Ok((releases, compiled))
	}
}

/// A page size: `limit` if given, else a whole page.
fn page(limit: Option<u32>) -> u32 {
	limit.unwrap_or(MAX_PAGE)
}

/// A stage by its name.
fn stage(name: &str) -> Result<Stage, Error> {
	Ok(match name {
		"draft" => Stage::Draft,
		"active" => Stage::Active,
		"suspended" => Stage::Suspended,
		"completed" => Stage::Completed,
		"terminated" => Stage::Terminated,
		other => {
			return Err(Error::BadQuery(format!(
				"unknown stage {other:?}: draft, active, suspended, completed or terminated"
			)))
		},
	})
}

impl<C, BE> LedgerApiServer for Ledger<C, BE>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ BlockBackend<Block>
		+ StorageProvider<Block, BE>
		+ ProofProvider<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: LedgerRuntimeApi<Block, AccountId, Balance, BlockNumber> + GrandpaApi<Block>,
	BE: Backend<Block> + Send + Sync + 'static,
{
	fn organisation(&self, id: OrganisationId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let view = self.call(block, "organisation", 2, id, |api| api.organisation(block.0, id))?;
		self.answer(block, |render| render.organisation(&view))
	}

	fn agreement(&self, id: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let view = self.call(block, "agreement", 2, id, |api| api.agreement(block.0, id))?;
		self.answer(block, |render| render.agreement(&view))
	}

	fn agreements(&self, query: AgreementsQuery, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let limit = page(query.limit);
		match (query.organisation, query.stage.as_deref()) {
			(Some(organisation), None) => {
				let list = self.call(block, "agreements", 1, organisation, |api| {
					api.agreements_of(block.0, organisation, query.after, limit)
				})?;
				self.answer(block, |_| {
					json!({
						"organisation": organisation,
						"agreements": list.iter().map(|(id, role)| json!({
							"id": id,
							"role": super::render::code(role),
						})).collect::<Vec<_>>(),
						"next": (list.len() as u32 == limit).then(|| list.last().map(|(id, _)| *id)).flatten(),
					})
				})
			},
			(None, Some(name)) => {
				let wanted = stage(name)?;
				let list = self.call(block, "agreements", 2, 0, |api| {
					api.agreements_in(block.0, wanted, query.after, limit)
				})?;
				self.answer(block, |_| {
					json!({
						"stage": name,
						"agreements": list.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
						"next": (list.len() as u32 == limit).then(|| list.last().copied()).flatten(),
					})
				})
			},
			_ => Err(Error::BadQuery(
				"name either an organisation or a stage: {\"organisation\": 2} or {\"stage\": \"active\"}"
					.into(),
			)
			.into()),
		}
	}

	fn funding(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let view =
			self.call(block, "funding", 2, agreement, |api| api.funding(block.0, agreement))?;
		self.answer(block, |render| {
			let mut value = render.funding(&view);
			value["agreement"] = agreement.into();
			value
		})
	}

	fn milestones(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let views =
			self.call(block, "milestones", 2, agreement, |api| api.milestones(block.0, agreement))?;
		self.answer(block, |render| {
			json!({
				"agreement": agreement,
				"milestones": views.iter().map(|view| render.milestone(view)).collect::<Vec<_>>(),
			})
		})
	}

	fn payouts(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let views =
			self.call(block, "payouts", 2, agreement, |api| api.payouts(block.0, agreement))?;
		self.answer(block, |render| {
			json!({
				"agreement": agreement,
				"token": { "symbol": render.format.symbol, "decimals": render.format.decimals },
				"payouts": views.iter().map(|view| render.payout(view)).collect::<Vec<_>>(),
			})
		})
	}

	fn recoveries(
		&self,
		agreement: AgreementId,
		after: Option<u32>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<Value> {
		let block = self.block(at)?;
		let limit = page(limit);
		let views = self.call(block, "recoveries", 2, agreement, |api| {
			api.recoveries(block.0, agreement, after, limit)
		})?;
		self.answer(block, |render| {
			json!({
				"agreement": agreement,
				"recoveries": views.iter().map(|view| render.recovery(view)).collect::<Vec<_>>(),
				"next": (views.len() as u32 == limit).then(|| views.last().map(|view| view.id)).flatten(),
			})
		})
	}

	fn disputes(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let view =
			self.call(block, "disputes", 2, agreement, |api| api.disputes(block.0, agreement))?;
		self.answer(block, |render| {
			let mut value = render.disputes(&view);
			value["agreement"] = agreement.into();
			value
		})
	}

	fn audit_trail(
		&self,
		agreement: AgreementId,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<Value> {
		let block = self.block(at)?;
		let trail = self.call(block, "auditTrail", 1, agreement, |api| {
			api.audit_trail(block.0, agreement, from.unwrap_or(0), page(limit))
		})?;
		self.answer(block, |render| {
			let mut value = render.trail(&trail);
			value["agreement"] = agreement.into();
			value
		})
	}

	fn ocds_release_package(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let clock = ClientClock::new(self.client.clone());
		let render = Render { format: &self.format, clock: &clock };
		let (releases, _) = self.releases(block, agreement, &render)?;
		let published = render.clock.time_of(block.1);
		Ok(self.publication.release_package(agreement, (block.0, published), releases))
	}

	fn audit_bundle(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Bundle> {
		let block = self.block(at)?;
		let node = |error: sp_blockchain::Error| Error::Node(error.to_string());
		let trail = self.whole_trail(block, agreement)?;
		// The stored length and head, which the proof shows; the entries
		// are checked against them by whoever verifies the bundle.
		let stored = self.call(block, "auditBundle", 1, agreement, |api| {
			api.audit_trail(block.0, agreement, 0, 0)
		})?;
		let header = self
			.client
			.header(block.0)
			.map_err(node)?
			.ok_or_else(|| Error::Node(format!("no header of #{}", block.1)))?;
		let key = civitas_audit::trail_key(agreement);
		let proof =
			self.client.read_proof(block.0, &mut std::iter::once(key.as_slice())).map_err(node)?;
		let info = self.client.info();
		let canonical = self.client.hash(block.1).map_err(node)? == Some(block.0);
		let finality = if canonical && block.1 <= info.finalized_number {
			Some(self.finality(block.1)?)
		} else {
			None
		};
		Ok(Bundle {
			format: civitas_audit::FORMAT.into(),
			genesis_hash: info.genesis_hash,
			agreement,
			block: BlockRef { number: block.1, hash: block.0 },
			header: sp_core::Bytes(header.encode()),
			trail: Trail {
				length: stored.len,
				head: stored.head,
				entries: trail
					.into_iter()
					.map(|(_, entry, _)| sp_core::Bytes(entry.encode()))
					.collect(),
			},
			proof: ReadProof {
				key: sp_core::Bytes(key),
				nodes: proof.into_iter_nodes().map(sp_core::Bytes).collect(),
			},
			finality,
		})
	}

	fn ocds_record_package(&self, agreement: AgreementId, at: Option<H256>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let clock = ClientClock::new(self.client.clone());
		let render = Render { format: &self.format, clock: &clock };
		let (releases, compiled) = self.releases(block, agreement, &render)?;
		let published = render.clock.time_of(block.1);
		Ok(self.publication.record_package(agreement, (block.0, published), &releases, compiled))
	}
}

#[cfg(test)]
mod tests {
	#[test]
	fn the_verifier_proves_the_runtimes_trail_key() {
		for agreement in [0, 5, u32::MAX] {
			assert_eq!(
				civitas_audit::trail_key(agreement),
				pallet_civitas_audit_trail::Trails::<civitas_runtime::Runtime>::hashed_key_for(
					agreement
				)
			);
		}
	}
}
