//! An agreement as Open Contracting Data Standard 1.1.5 releases and
//! records (`civitas_ocdsReleasePackage`, `civitas_ocdsRecordPackage`).
//!
//! Every block in which the agreement's audit trail grew is one release:
//! the agreement as the ledger held it at the end of that block (parties,
//! award, contract with its value, period, documents, milestones,
//! amendments and payout transactions), tagged by what changed. A record
//! links every release and compiles the agreement at the block asked.
//!
//! What OCDS has no field for (each document's SHA-256, the block and
//! extrinsic of each change, the trail's head, the decision record of each
//! payout, recoveries, exact amounts) is in the Civitas extension kept in
//! `ocds/extension/` of the repository.
//!
//! Releases read the state of past blocks, so a node exports the whole
//! history only if it kept that state: an archive node.

use std::collections::BTreeMap;

use civitas_primitives::{
	audit::{AuditAction, AuditEntry},
	ledger_api::{
		AgreementView, FundingView, MilestoneView, OrganisationView, PayoutView, RecoveryView,
		MAX_PAGE,
	},
	records::{
		agreement::{AgreementStatus, VersionState},
		disbursement::{MilestoneStatus, RecoveryStatus},
	},
	terms::{PartyRole, Terms},
	AgreementId, OrganisationId,
};
use serde_json::{json, Value};
use sp_core::H256;

use super::block_events::RetentionPaid;
use super::render::{
	code, hash, iso8601, sha256sum, text, AccountId, Balance, BlockNumber, Render,
};

/// What a chain publishes its OCDS data as, from its chain spec properties.
#[derive(Clone, Debug)]
pub struct Publication {
	/// The registered `ocid` prefix (`ocds-` and six characters on a
	/// production chain).
	pub prefix: String,
	/// The ISO 4217 code of the currency the token's amounts are in.
	pub currency: String,
	/// Who publishes the data.
	pub publisher: String,
	/// The URL of the Civitas extension's `extension.json`.
	pub extension: String,
	/// The chain's genesis hash, which names it in package URIs.
	pub genesis: H256,
}

/// The agreement as the ledger held it at the end of one block.
pub struct Snapshot {
	/// The block's number.
	pub number: BlockNumber,
	/// Its hash.
	pub hash: H256,
	/// The agreement with every version of its terms.
	pub agreement: AgreementView<AccountId, Balance, BlockNumber>,
	/// Its milestones.
	pub milestones: Vec<MilestoneView<AccountId, Balance, BlockNumber>>,
	/// Its payouts.
	pub payouts: Vec<PayoutView<AccountId, Balance, BlockNumber>>,
	/// Its money.
	pub funding: FundingView<AccountId, Balance, BlockNumber>,
	/// Its recoveries.
	pub recoveries: Vec<RecoveryView<AccountId, Balance, BlockNumber>>,
	/// Its parties and designated verifiers.
	pub organisations: BTreeMap<OrganisationId, OrganisationView<AccountId, BlockNumber>>,
}

/// One change to the agreement: a trail entry and the extrinsic that made it.
pub struct Change {
	/// The entry's index in the trail.
	pub index: u32,
	/// The entry.
	pub entry: AuditEntry<AccountId, BlockNumber>,
	/// The index of the extrinsic in its block, if the block's events were
	/// readable.
	pub extrinsic: Option<u32>,
}

/// The OCDS release tag a trail action makes.
fn tag(action: AuditAction) -> &'static str {
	use AuditAction::*;
	match action {
		AgreementProposed | AgreementActivated => "contract",
		AmendmentActivated => "contractAmendment",
		AgreementTerminated => "contractTermination",
		MilestonePaid => "implementation",
		EvidenceSubmitted | VerdictGiven | PayoutBlocked | ContestResolved | RecoveryOpened
		| RecoveryRepaid | RecoveryCancelled | DisputeRaised | DisputeResolved
		| RetentionReleased | EscrowSettled => "implementationUpdate",
		AgreementSigned | AgreementWithdrawn | AmendmentProposed | AmendmentSigned
		| AmendmentWithdrawn | ConsentGiven | AgreementSuspended | AgreementResumed
		| AgreementCompleted | TermsRehashed | PoolOpened | Pledged | PledgeWithdrawn
		| PoolCommitted | PoolExpired | PledgesReleased | PoolApproved | PoolRejected => "contractUpdate",
	}
}

/// The trail's changes grouped by block, in order: one release each.
pub fn by_block(changes: Vec<Change>) -> Vec<(BlockNumber, Vec<Change>)> {
	let mut groups: Vec<(BlockNumber, Vec<Change>)> = Vec::new();
	for change in changes {
		match groups.last_mut() {
			Some((block, group)) if *block == change.entry.block => group.push(change),
			_ => groups.push((change.entry.block, vec![change])),
		}
	}
	groups
}

impl Publication {
	/// The `ocid` of `agreement`.
	pub fn ocid(&self, agreement: AgreementId) -> String {
		format!("{}-{agreement}", self.prefix)
	}

	/// A package's URI: the chain (by genesis hash), the agreement and the
	/// block it was read at, so that anyone can read it again.
	pub fn package_uri(&self, kind: &str, agreement: AgreementId, at: H256) -> String {
		format!("urn:civitas:{}:{kind}:{}:{}", hash(&self.genesis), self.ocid(agreement), hash(&at))
	}

	/// The fields every package starts with.
	fn package(&self, uri: String, published: Option<u64>) -> serde_json::Map<String, Value> {
		let mut package = serde_json::Map::new();
		package.insert("uri".into(), uri.into());
		package.insert("version".into(), "1.1".into());
		package.insert("extensions".into(), json!([self.extension]));
		package.insert("publishedDate".into(), published.map(iso8601).into());
		package.insert("publisher".into(), json!({ "name": self.publisher }));
		package
	}

	/// A release package: one release per block that changed the agreement.
	pub fn release_package(
		&self,
		agreement: AgreementId,
		at: (H256, Option<u64>),
		releases: Vec<Value>,
	) -> Value {
		let mut package = self.package(self.package_uri("releases", agreement, at.0), at.1);
		package.insert("releases".into(), releases.into());
		package.into()
	}

	/// A record package: the releases linked, and the agreement compiled at
	/// the block asked.
	pub fn record_package(
		&self,
		agreement: AgreementId,
		at: (H256, Option<u64>),
		releases: &[Value],
		mut compiled: Value,
	) -> Value {
		let releases_uri = self.package_uri("releases", agreement, at.0);
		compiled["tag"] = json!(["compiled"]);
		compiled["id"] = format!("{}-compiled-{}", self.ocid(agreement), hash(&at.0)).into();
		let linked: Vec<Value> = releases
			.iter()
			.map(|release| {
				json!({
					"url": format!("{releases_uri}#{}", release["id"].as_str().unwrap_or_default()),
					"date": release["date"],
					"tag": release["tag"],
				})
			})
			.collect();
		let mut package = self.package(self.package_uri("record", agreement, at.0), at.1);
		package.insert(
			"records".into(),
			json!([{ "ocid": self.ocid(agreement), "releases": linked, "compiledRelease": compiled }]),
		);
		package.into()
	}

	/// The release of `snapshot`, made by `changes` (empty for a compiled
	/// release), with the retention paid up to it and the trail's length
	/// and head after them.
	pub fn release(
		&self,
		render: &Render,
		snapshot: &Snapshot,
		changes: &[Change],
		retention_paid: &[RetentionPaid],
		trail: (u32, H256),
	) -> Value {
		let ocid = self.ocid(snapshot.agreement.id);
		let mut tags: Vec<&str> = Vec::new();
		for change in changes {
			let tag = tag(change.entry.action);
			if !tags.contains(&tag) {
				tags.push(tag);
			}
		}
		let time = render.clock.time_of(snapshot.number);
		json!({
			"ocid": ocid,
			"id": format!("{ocid}-{}", snapshot.number),
			"date": time.map(iso8601),
			"tag": tags,
			"initiationType": "tender",
			"parties": self.parties(snapshot),
			"buyer": self.party_ref(snapshot, snapshot.agreement.agreement.proposer_organisation),
			"awards": [self.award(render, snapshot)],
			"contracts": [self.contract(render, snapshot, retention_paid)],
			"ledger": {
				"block": snapshot.number,
				"blockHash": hash(&snapshot.hash),
				"auditTrail": {
					"length": trail.0,
					"head": hash(&trail.1),
					"changes": changes.iter().map(|change| json!({
						"index": change.index,
						"action": code(&change.entry.action),
						"actor": render.actor(&change.entry.actor),
						"dataHash": hash(&change.entry.data),
						"extrinsicIndex": change.extrinsic,
					})).collect::<Vec<_>>(),
				},
			},
		})
	}

	/// An amount in the publication's currency, exact in `amountExact`.
	fn value(&self, render: &Render, amount: Balance) -> Value {
		let unit = 10f64.powi(i32::from(render.format.decimals));
		json!({
			"amount": amount as f64 / unit,
			"currency": self.currency,
			"amountExact": render.amount(amount),
		})
	}

	/// The OCDS party id of an organisation: its legal identifier's scheme
	/// and id, as org-id.guide writes them.
	fn party_id(snapshot: &Snapshot, organisation: OrganisationId) -> String {
		match snapshot.organisations.get(&organisation) {
			Some(view) => format!(
				"{}-{}",
				text(&view.organisation.legal_id.scheme),
				text(&view.organisation.legal_id.id)
			),
			None => format!("civitas-organisation-{organisation}"),
		}
	}

	/// A reference to a party.
	fn party_ref(&self, snapshot: &Snapshot, organisation: OrganisationId) -> Value {
		json!({
			"id": Self::party_id(snapshot, organisation),
			"name": snapshot.organisations.get(&organisation)
				.map(|view| text(&view.organisation.name)),
		})
	}

	/// A reference to the party whose organisation account is `account`;
	/// for a co-funder's account of an escrow committed before money sat
	/// on organisation accounts, the organisation it pledged for.
	fn party_of_account(&self, render: &Render, snapshot: &Snapshot, account: &AccountId) -> Value {
		let organisation = snapshot
			.organisations
			.values()
			.find(|view| &view.account == account)
			.map(|view| view.id)
			.or_else(|| {
				snapshot.funding.escrow.as_ref().and_then(|escrow| {
					escrow
						.funders
						.iter()
						.find(|funder| &funder.account == account)
						.map(|funder| funder.organisation)
				})
			});
		match organisation {
			Some(organisation) => self.party_ref(snapshot, organisation),
			None => {
				json!({ "id": format!("civitas-account-{}", render.account(account)), "name": null })
			},
		}
	}

	/// Every party and verifier with its OCDS roles.
	fn parties(&self, snapshot: &Snapshot) -> Vec<Value> {
		let record = &snapshot.agreement.agreement;
		let payers: Vec<OrganisationId> = snapshot
			.funding
			.escrow
			.iter()
			.flat_map(|escrow| escrow.funders.iter().map(|funder| funder.organisation))
			.collect();
		let verifiers =
			terms_of(&snapshot.agreement).map(|terms| terms.verifiers.to_vec()).unwrap_or_default();
		snapshot
			.organisations
			.iter()
			.map(|(id, view)| {
				let mut roles: Vec<&str> = Vec::new();
				for party in record.parties.iter().filter(|party| party.organisation == *id) {
					match party.role {
						PartyRole::PublicAuthority => {
							if record.proposer_organisation == *id {
								roles.push("buyer");
							}
							roles.push("publicAuthority");
						},
						PartyRole::PrivateParty => {
							roles.extend(["supplier", "privateParty", "payee"])
						},
						PartyRole::Funder => roles.push("funder"),
					}
				}
				if payers.contains(id) {
					roles.push("payer");
				}
				if verifiers.contains(id) {
					roles.push("reviewBody");
				}
				let organisation = &view.organisation;
				json!({
					"id": Self::party_id(snapshot, *id),
					"name": text(&organisation.name),
					"identifier": {
						"scheme": text(&organisation.legal_id.scheme),
						"id": text(&organisation.legal_id.id),
						"legalName": text(&organisation.name),
					},
					"roles": roles,
					"details": { "civitasOrganisation": id, "kind": code(&organisation.kind) },
				})
			})
			.collect()
	}

	/// The award to the private parties.
	fn award(&self, render: &Render, snapshot: &Snapshot) -> Value {
		let record = &snapshot.agreement.agreement;
		let suppliers: Vec<Value> = record
			.parties
			.iter()
			.filter(|party| party.role == PartyRole::PrivateParty)
			.map(|party| self.party_ref(snapshot, party.organisation))
			.collect();
		json!({
			"id": format!("{}-award", self.ocid(snapshot.agreement.id)),
			"status": if record.status == AgreementStatus::Draft { "pending" } else { "active" },
			"date": signed_at(&snapshot.agreement).and_then(|block| render.clock.time_of(block)).map(iso8601),
			"value": terms_of(&snapshot.agreement).map(|terms| self.value(render, terms.value)),
			"suppliers": suppliers,
		})
	}

	/// The contract: terms in force (or the draft), milestones, amendments,
	/// payout transactions and recoveries.
	fn contract(
		&self,
		render: &Render,
		snapshot: &Snapshot,
		retention_paid: &[RetentionPaid],
	) -> Value {
		let view = &snapshot.agreement;
		let ocid = self.ocid(view.id);
		let status = match view.agreement.status {
			AgreementStatus::Draft => "pending",
			AgreementStatus::Active { .. } | AgreementStatus::Suspended { .. } => "active",
			AgreementStatus::Completed { .. } | AgreementStatus::Terminated { .. } => "terminated",
		};
		let terms = terms_of(view);
		let time = |block: BlockNumber| render.clock.time_of(block).map(iso8601);
		let amendments: Vec<Value> =
			view.versions
				.iter()
				.filter(|numbered| numbered.number > 0)
				.filter_map(|numbered| {
					let since = match numbered.version.state {
						VersionState::InForce { since }
						| VersionState::Superseded { since, .. } => since,
						VersionState::Proposed { .. } => return None,
					};
					Some(json!({
						"id": format!("amendment-{}", numbered.number),
						"date": time(since),
						"description": format!(
							"Version {} of the terms, signed by every party, replaced version {}.",
							numbered.number,
							numbered.number - 1
						),
						"termsVersion": numbered.number,
						"termsHash": hash(&numbered.version.terms_hash),
						"rationaleHash": numbered.version.rationale.as_ref().map(hash),
					}))
				})
				.collect();
		let milestones: Vec<Value> = snapshot
			.milestones
			.iter()
			.map(|milestone| {
				let met_at = milestone.review.as_ref().and_then(|review| match review.status {
					MilestoneStatus::Approved { at, .. }
					| MilestoneStatus::Blocked { at, .. }
					| MilestoneStatus::Paid { at, .. } => Some(at),
					_ => None,
				});
				let documents: Vec<Value> = milestone
					.review
					.iter()
					.flat_map(|review| {
						review.evidence.documents.iter().enumerate().map(move |(k, document)| {
							json!({
								"id": format!("milestone-{}-round-{}-document-{k}", milestone.index, review.round),
								"documentType": code(&document.kind),
								"url": text(&document.uri),
								"sha256": sha256sum(&document.sha256),
								"datePublished": time(review.evidence.submitted_at),
							})
						})
					})
					.collect();
				json!({
					"id": format!("milestone-{}", milestone.index),
					"title": format!("Milestone {}", milestone.index + 1),
					"type": code(&milestone.milestone.kind),
					"dueDate": iso8601(milestone.milestone.due),
					"dateMet": met_at.and_then(&time),
					"status": milestone.ocds_status.code(),
					"value": self.value(render, milestone.milestone.amount),
					"documents": documents,
				})
			})
			.collect();
		let transactions: Vec<Value> = snapshot
			.payouts
			.iter()
			.flat_map(|view| {
				let paid = &view.payout;
				paid.parts.iter().filter(|part| part.paid > 0).map(move |part| {
					json!({
						"id": format!("payout-{}-{}", view.id, part.organisation),
						"date": time(paid.paid_at),
						"value": self.value(render, part.paid),
						"payer": self.party_ref(snapshot, part.organisation),
						"payee": self.party_ref(snapshot, paid.payee_organisation),
						"relatedImplementationMilestone": {
							"id": format!("milestone-{}", paid.milestone),
							"title": format!("Milestone {}", paid.milestone + 1),
						},
						"kind": "payout",
						"payoutID": view.id,
						"decisionRecord": render.decision(&paid.decision),
					})
				})
			})
			.chain(retention_paid.iter().enumerate().map(|(k, paid)| {
				json!({
					"id": format!("retention-{}-{k}", paid.entry),
					"date": time(paid.block),
					"value": self.value(render, paid.amount),
					"payer": self.party_of_account(render, snapshot, &paid.from),
					"payee": self.party_of_account(render, snapshot, &paid.to),
					"kind": "retentionRelease",
					"auditTrailIndex": paid.entry,
				})
			}))
			.collect();
		let recoveries: Vec<Value> = snapshot
			.recoveries
			.iter()
			.map(|view| {
				let recovery = &view.recovery;
				let status = match recovery.status {
					RecoveryStatus::Open { .. } => "open",
					RecoveryStatus::Recovered { .. } => "recovered",
					RecoveryStatus::Cancelled { .. } => "cancelled",
				};
				json!({
					"id": view.id,
					"payoutID": recovery.disbursement,
					"value": self.value(render, recovery.amount),
					"reasonHash": hash(&recovery.reason),
					"openedBy": render.actor(&recovery.opened_by),
					"date": time(recovery.opened_at),
					"status": status,
				})
			})
			.collect();
		json!({
			"id": format!("{ocid}-contract"),
			"awardID": format!("{ocid}-award"),
			"title": terms.map(|terms| text(&terms.title)),
			"status": status,
			"value": terms.map(|terms| self.value(render, terms.value)),
			"period": terms.map(|terms| json!({
				"startDate": iso8601(terms.period.start),
				"endDate": iso8601(terms.period.end),
			})),
			"dateSigned": signed_at(view).and_then(time),
			"documents": terms.map(|terms| terms.documents.iter().enumerate().map(|(k, document)| json!({
				"id": format!("contract-document-{k}"),
				"documentType": code(&document.kind),
				"url": text(&document.uri),
				"sha256": sha256sum(&document.sha256),
			})).collect::<Vec<_>>()).unwrap_or_default(),
			"milestones": milestones,
			"amendments": amendments,
			"implementation": { "transactions": transactions },
			"recoveries": recoveries,
		})
	}
}

/// The terms in force, or the draft's.
fn terms_of(view: &AgreementView<AccountId, Balance, BlockNumber>) -> Option<&Terms<Balance>> {
	let number = view.agreement.status.version_in_force().unwrap_or(0);
	view.versions
		.iter()
		.find(|numbered| numbered.number == number)
		.map(|numbered| &numbered.version.terms)
}

/// The block every party's signature made the original terms binding in.
fn signed_at(view: &AgreementView<AccountId, Balance, BlockNumber>) -> Option<BlockNumber> {
	view.versions.iter().find(|numbered| numbered.number == 0).and_then(|numbered| {
		match numbered.version.state {
			VersionState::InForce { since } | VersionState::Superseded { since, .. } => Some(since),
			VersionState::Proposed { .. } => None,
		}
	})
}

/// Reads at most [`MAX_PAGE`] items at a time until a page comes back short.
pub fn read_all<T, E>(
	mut read_page: impl FnMut(Option<u32>) -> Result<Vec<T>, E>,
	key: impl Fn(&T) -> u32,
) -> Result<Vec<T>, E> {
	let mut all = Vec::new();
	let mut after = None;
	loop {
		let page = read_page(after)?;
		let full = page.len() as u32 == MAX_PAGE;
		after = page.last().map(&key);
		all.extend(page);
		if !full {
			return Ok(all);
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use civitas_primitives::audit::Actor;

	fn change(index: u32, block: BlockNumber, action: AuditAction) -> Change {
		Change {
			index,
			entry: AuditEntry { block, actor: Actor::Governance, action, data: H256::zero() },
			extrinsic: None,
		}
	}

	#[test]
	fn changes_in_one_block_make_one_release() {
		let groups = by_block(vec![
			change(0, 3, AuditAction::AgreementProposed),
			change(1, 5, AuditAction::AgreementSigned),
			change(2, 5, AuditAction::AgreementActivated),
			change(3, 9, AuditAction::MilestonePaid),
		]);
		let shape: Vec<(BlockNumber, Vec<u32>)> = groups
			.iter()
			.map(|(block, changes)| (*block, changes.iter().map(|change| change.index).collect()))
			.collect();
		assert_eq!(shape, vec![(3, vec![0]), (5, vec![1, 2]), (9, vec![3])]);
	}

	#[test]
	fn every_action_maps_to_a_release_tag_of_the_codelist() {
		let codelist = [
			"contract",
			"contractUpdate",
			"contractAmendment",
			"implementation",
			"implementationUpdate",
			"contractTermination",
		];
		for index in 0u8..=255 {
			let Ok(action) = <AuditAction as codec::Decode>::decode(&mut &[index][..]) else {
				continue;
			};
			assert!(codelist.contains(&tag(action)), "{action:?}");
		}
	}

	#[test]
	fn pages_are_read_until_a_short_one() {
		let items: Vec<u32> = (0..250).collect();
		let all = read_all(
			|after| -> Result<Vec<u32>, ()> {
				let start = after.map_or(0, |last| last as usize + 1);
				Ok(items[start.min(items.len())..]
					.iter()
					.take(MAX_PAGE as usize)
					.copied()
					.collect())
			},
			|item| *item,
		)
		.unwrap();
		assert_eq!(all, items);
	}
}
