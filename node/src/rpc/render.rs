//! How the ledger's records are written as JSON for auditors: camelCase
//! fields, amounts as decimal strings in whole tokens, accounts in SS58,
//! hashes as 0x-hex, enums as their names, shares as decimal fractions,
//! dates and block times in ISO 8601 (UTC).
//!
//! The records come from the runtime's `LedgerApi` unchanged; everything
//! here only changes how they are written, never what they say.

use std::fmt::Debug;

use civitas_primitives::{
	audit::{Actor, AuditEntry},
	ledger_api::{
		AgreementView, DisputesView, FundingView, MilestoneView, NumberedVersion, OrganisationView,
		PayoutView, RecoveryView, TrailPage,
	},
	records::{
		agreement::{AgreementStatus, Decider, SignatureRecord, VersionState},
		disbursement::{
			Approval, DecisionRecord, Deferral, Evidence, MilestoneRecord, MilestoneStatus,
			RecoveryStatus, Verdict,
		},
		organisation::Status,
		pool::{EscrowAccount, Minimum, Pool, PoolStatus},
	},
	terms::{ApprovalRule, Approvers, Document, Milestone, Party, Terms},
	ConditionsError, Decision, DenyReason, Moment, Roles,
};
use codec::Encode;
use serde_json::{json, Value};
use sp_core::{
	crypto::{Ss58AddressFormat, Ss58Codec},
	H256,
};
use sp_runtime::{AccountId32, Permill};

/// The chain's account type.
pub type AccountId = AccountId32;
/// The chain's balance type.
pub type Balance = u128;
/// The chain's block number type.
pub type BlockNumber = u32;

/// How the chain writes its token and addresses, from its chain spec.
#[derive(Clone, Debug)]
pub struct Format {
	/// The SS58 prefix addresses are written with.
	pub ss58: u16,
	/// Decimal places between a token and its smallest unit.
	pub decimals: u8,
	/// The token's ticker.
	pub symbol: String,
}

/// Tells the time a block was authored at (its timestamp, milliseconds).
pub trait BlockClock {
	/// The timestamp of the canonical block `number`, if known.
	fn time_of(&self, number: BlockNumber) -> Option<Moment>;
}

/// Writes records as JSON, with the block times `clock` knows.
pub struct Render<'a> {
	/// The token and address format.
	pub format: &'a Format,
	/// Where block times come from.
	pub clock: &'a dyn BlockClock,
}

/// A fieldless enum variant's name in camelCase, as its `Debug` writes it.
pub fn code<T: Debug>(value: &T) -> String {
	let name = format!("{value:?}");
	let mut chars = name.chars();
	match chars.next() {
		Some(first) => first.to_lowercase().chain(chars).collect(),
		None => name,
	}
}

/// A hash as 0x-hex.
pub fn hash(value: &H256) -> String {
	format!("{value:?}")
}

/// Bytes as 0x-hex.
pub fn hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

/// A SHA-256 digest in lower-case hex, as `sha256sum` prints it.
pub fn sha256sum(digest: &[u8; 32]) -> String {
	digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Text stored as UTF-8 bytes; invalid bytes are shown as U+FFFD.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// A share as an exact decimal fraction: 5 % is "0.05", all is "1".
pub fn share(value: Permill) -> String {
	let parts = value.deconstruct();
	if parts == 1_000_000 {
		return "1".into();
	}
	let fraction = format!("{parts:06}");
	let fraction = fraction.trim_end_matches('0');
	if fraction.is_empty() {
		"0".into()
	} else {
		format!("0.{fraction}")
	}
}

/// Milliseconds since the Unix epoch as ISO 8601 UTC, to the millisecond.
pub fn iso8601(millis: Moment) -> String {
	let seconds = millis / 1_000;
	let days = (seconds / 86_400) as i64;
	let second_of_day = seconds % 86_400;
	// Days to a civil date (proleptic Gregorian), after H. Hinnant's
	// `civil_from_days`.
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let day_of_era = z.rem_euclid(146_097);
	let year_of_era =
		(day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
	let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	let mp = (5 * day_of_year + 2) / 153;
	let day = day_of_year - (153 * mp + 2) / 5 + 1;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = year_of_era + era * 400 + i64::from(month <= 2);
	format!(
		"{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
		second_of_day / 3_600,
		second_of_day % 3_600 / 60,
		second_of_day % 60,
		millis % 1_000
	)
}

impl Render<'_> {
	/// An account in the chain's SS58 format.
	pub fn account(&self, who: &AccountId) -> String {
		who.to_ss58check_with_version(Ss58AddressFormat::custom(self.format.ss58))
	}

	/// An amount in whole tokens, with every decimal place: "950.000000000000".
	pub fn amount(&self, value: Balance) -> String {
		let unit = 10u128.pow(u32::from(self.format.decimals));
		if self.format.decimals == 0 {
			return value.to_string();
		}
		format!(
			"{}.{:0width$}",
			value / unit,
			value % unit,
			width = usize::from(self.format.decimals)
		)
	}

	/// A block: its number and, when known, the time it was authored.
	pub fn block(&self, number: BlockNumber) -> Value {
		json!({ "block": number, "time": self.clock.time_of(number).map(iso8601) })
	}

	/// Who performed an audited action: "governance", or an account.
	pub fn actor(&self, actor: &Actor<AccountId>) -> Value {
		match actor {
			Actor::Governance => "governance".into(),
			Actor::Account(who) => self.account(who).into(),
		}
	}

	/// An organisation with its account and members.
	pub fn organisation(&self, view: &OrganisationView<AccountId, BlockNumber>) -> Value {
		let record = &view.organisation;
		let (status, since) = match record.status {
			Status::Active { since } => ("active", since),
			Status::Suspended { since } => ("suspended", since),
		};
		json!({
			"id": view.id,
			"name": text(&record.name),
			"kind": code(&record.kind),
			"identifier": {
				"scheme": text(&record.legal_id.scheme),
				"id": text(&record.legal_id.id),
			},
			"status": status,
			"since": self.block(since),
			"admitted": self.block(record.admitted_at),
			"account": self.account(&view.account),
			"spendThreshold": record.spend_threshold,
			"members": view.members.iter().map(|(who, roles)| json!({
				"account": self.account(who),
				"roles": roles_list(roles),
			})).collect::<Vec<_>>(),
		})
	}

	/// An agreement with every version of its terms.
	pub fn agreement(&self, view: &AgreementView<AccountId, Balance, BlockNumber>) -> Value {
		let record = &view.agreement;
		json!({
			"id": view.id,
			"status": self.agreement_status(&record.status),
			"parties": record.parties.iter().map(party).collect::<Vec<_>>(),
			"proposer": self.account(&record.proposer),
			"proposerOrganisation": record.proposer_organisation,
			"proposed": self.block(record.proposed_at),
			"versions": view.versions.iter().map(|version| self.version(version)).collect::<Vec<_>>(),
		})
	}

	/// Where an agreement stands, with the data of that state.
	pub fn agreement_status(&self, status: &AgreementStatus<BlockNumber>) -> Value {
		match status {
			AgreementStatus::Draft => json!({ "stage": "draft" }),
			AgreementStatus::Active { since, version, amendment } => json!({
				"stage": "active",
				"since": self.block(*since),
				"version": version,
				"pendingAmendment": amendment,
			}),
			AgreementStatus::Suspended { since, version, amendment, by } => json!({
				"stage": "suspended",
				"since": self.block(*since),
				"version": version,
				"pendingAmendment": amendment,
				"by": code::<Decider>(by),
			}),
			AgreementStatus::Completed { at, version, by } => json!({
				"stage": "completed",
				"at": self.block(*at),
				"version": version,
				"by": code::<Decider>(by),
			}),
			AgreementStatus::Terminated { at, version, by } => json!({
				"stage": "terminated",
				"at": self.block(*at),
				"version": version,
				"by": code::<Decider>(by),
			}),
		}
	}

	/// One version of the terms, its hash, signatures and state.
	pub fn version(&self, numbered: &NumberedVersion<AccountId, Balance, BlockNumber>) -> Value {
		let version = &numbered.version;
		let state = match &version.state {
			VersionState::Proposed { deposit } => {
				json!({ "state": "proposed", "deposit": self.amount(*deposit) })
			},
			VersionState::InForce { since } => {
				json!({ "state": "inForce", "since": self.block(*since) })
			},
			VersionState::Superseded { since, until } => json!({
				"state": "superseded",
				"since": self.block(*since),
				"until": self.block(*until),
			}),
		};
		json!({
			"number": numbered.number,
			"termsHash": hash(&version.terms_hash),
			"rationale": version.rationale.as_ref().map(hash),
			"proposer": self.account(&version.proposer),
			"proposed": self.block(version.proposed_at),
			"signatures": version.signatures.iter().map(|s| self.signature(s)).collect::<Vec<_>>(),
			"state": state,
			"terms": self.terms(&version.terms),
		})
	}

	/// One party's signature.
	fn signature(&self, record: &SignatureRecord<AccountId, BlockNumber>) -> Value {
		json!({
			"organisation": record.organisation,
			"signer": self.account(&record.signer),
			"signed": self.block(record.at),
		})
	}

	/// What the parties signed.
	pub fn terms(&self, terms: &Terms<Balance>) -> Value {
		json!({
			"title": text(&terms.title),
			"value": self.amount(terms.value),
			"period": {
				"startDate": iso8601(terms.period.start),
				"endDate": iso8601(terms.period.end),
			},
			"milestones": (0u32..).zip(terms.milestones.iter())
				.map(|(index, milestone)| self.milestone_terms(index, milestone))
				.collect::<Vec<_>>(),
			"retention": share(terms.retention),
			"latePenaltyPerDay": share(terms.late_penalty_per_day),
			"conditions": {
				"contract": format!("{:?}", terms.conditions.address),
				"codeHash": hash(&terms.conditions.code_hash),
			},
			"verifiers": terms.verifiers.to_vec(),
			"documents": terms.documents.iter().map(document).collect::<Vec<_>>(),
		})
	}

	/// A milestone as the terms state it.
	fn milestone_terms(&self, index: u32, milestone: &Milestone<Balance>) -> Value {
		json!({
			"index": index,
			"amount": self.amount(milestone.amount),
			"dueDate": iso8601(milestone.due),
			"type": code(&milestone.kind),
			"approval": approval_rule(&milestone.approval),
		})
	}

	/// An agreement's money: pool, pledges, escrow and payout totals.
	pub fn funding(&self, view: &FundingView<AccountId, Balance, BlockNumber>) -> Value {
		json!({
			"pool": view.pool.as_ref().map(|(id, pool)| self.pool(*id, pool)),
			"pledges": view.pledges.iter().map(|(account, pledge)| json!({
				"account": self.account(account),
				"organisation": pledge.organisation,
				"amount": self.amount(pledge.amount),
			})).collect::<Vec<_>>(),
			"escrow": view.escrow.as_ref().map(|escrow| self.escrow(escrow)),
			"ledger": view.ledger.as_ref().map(|ledger| json!({
				"gross": self.amount(ledger.gross),
				"net": self.amount(ledger.net),
				"offset": self.amount(ledger.offset),
				"repaid": self.amount(ledger.repaid),
				"retentionReleased": self.amount(ledger.retention_released),
				"retentionOffset": self.amount(ledger.retention_offset),
				"retained": ledger.retained.iter().map(|retained| json!({
					"organisation": retained.organisation,
					"account": self.account(&retained.account),
					"amount": self.amount(retained.amount),
				})).collect::<Vec<_>>(),
				"settlement": ledger.settlement.as_ref().map(|settlement| json!({
					"at": self.block(settlement.at),
					"completed": settlement.completed,
					"refunded": self.amount(settlement.refunded),
				})),
			})),
		})
	}

	/// A pool and where it stands.
	fn pool(&self, id: u32, pool: &Pool<AccountId, Balance, BlockNumber>) -> Value {
		let status = match &pool.status {
			PoolStatus::Proposed { approved } => {
				json!({ "state": "proposed", "approvedBy": approved.to_vec() })
			},
			PoolStatus::Rejected { at, by } => {
				json!({ "state": "rejected", "at": self.block(*at), "by": by })
			},
			PoolStatus::Open { pledged, pledgers, co_funders } => json!({
				"state": "open",
				"pledged": self.amount(*pledged),
				"pledgers": pledgers,
				"coFunders": co_funders.iter().map(|funder| json!({
					"organisation": funder.organisation,
					"pledged": self.amount(funder.pledged),
				})).collect::<Vec<_>>(),
			}),
			PoolStatus::Committed { at, total, funders } => json!({
				"state": "committed",
				"at": self.block(*at),
				"total": self.amount(*total),
				"funders": funders,
			}),
			PoolStatus::Releasing { expired_at, pledged, pledgers } => json!({
				"state": "releasing",
				"expired": self.block(*expired_at),
				"pledged": self.amount(*pledged),
				"pledgers": pledgers,
			}),
			PoolStatus::Failed { expired_at, released_at } => json!({
				"state": "failed",
				"expired": self.block(*expired_at),
				"released": self.block(*released_at),
			}),
		};
		json!({
			"id": id,
			"agreement": pool.agreement,
			"opener": self.account(&pool.opener),
			"organisation": pool.organisation,
			"target": self.amount(pool.target),
			"deadline": self.block(pool.deadline),
			"deposit": self.amount(pool.deposit),
			"required": pool.required.iter().map(|required| json!({
				"organisation": required.organisation,
				"minimum": match required.minimum {
					Minimum::Amount(amount) => json!({ "amount": self.amount(amount) }),
					Minimum::Share(part) => json!({ "share": share(part) }),
				},
			})).collect::<Vec<_>>(),
			"status": status,
		})
	}

	/// An escrow and what became of its money.
	fn escrow(&self, escrow: &EscrowAccount<AccountId, Balance, BlockNumber>) -> Value {
		json!({
			"pool": escrow.pool,
			"committedAt": self.block(escrow.committed_at),
			"committed": self.amount(escrow.committed),
			"paid": self.amount(escrow.paid),
			"recovered": self.amount(escrow.recovered),
			"refunded": self.amount(escrow.refunded),
			"funders": escrow.funders.iter().map(|funder| json!({
				"account": self.account(&funder.account),
				"organisation": funder.organisation,
				"committed": self.amount(funder.committed),
				"remaining": self.amount(funder.remaining),
				"retained": self.amount(funder.retained),
			})).collect::<Vec<_>>(),
		})
	}

	/// A milestone with its OCDS status and current review.
	pub fn milestone(&self, view: &MilestoneView<AccountId, Balance, BlockNumber>) -> Value {
		let mut value = self.milestone_terms(view.index, &view.milestone);
		if let Value::Object(fields) = &mut value {
			fields.insert("status".into(), view.ocds_status.code().into());
			fields.insert(
				"review".into(),
				view.review.as_ref().map_or(Value::Null, |review| self.review(review)),
			);
		}
		value
	}

	/// A milestone's current review round.
	fn review(&self, review: &MilestoneRecord<AccountId, Balance, BlockNumber>) -> Value {
		json!({
			"round": review.round,
			"evidence": self.evidence(&review.evidence),
			"verdicts": review.approvals.iter().map(|a| self.verdict(a)).collect::<Vec<_>>(),
			"state": self.milestone_status(&review.status),
		})
	}

	/// The evidence of a round.
	fn evidence(&self, evidence: &Evidence<AccountId, Balance, BlockNumber>) -> Value {
		json!({
			"hash": hash(&evidence.hash()),
			"submitter": self.account(&evidence.submitter),
			"organisation": evidence.organisation,
			"documents": evidence.documents.iter().map(document).collect::<Vec<_>>(),
			"invoices": evidence.invoices.iter().map(|invoice| json!({
				"sha256": hex(&invoice.sha256),
				"amount": self.amount(invoice.amount),
			})).collect::<Vec<_>>(),
			"submitted": self.block(evidence.submitted_at),
			"submittedOn": iso8601(evidence.submitted_on),
			"deposit": self.amount(evidence.deposit),
		})
	}

	/// One approver's verdict.
	fn verdict(&self, approval: &Approval<AccountId, BlockNumber>) -> Value {
		let (verdict, fraction) = match approval.verdict {
			Verdict::Met => ("met", Some(Permill::one())),
			Verdict::PartiallyMet(fraction) => ("partiallyMet", Some(fraction)),
			Verdict::NotMet => ("notMet", None),
		};
		json!({
			"approver": self.account(&approval.approver),
			"organisation": approval.organisation,
			"roles": roles_list(&approval.roles),
			"verdict": verdict,
			"fraction": fraction.map(share),
			"note": hash(&approval.note),
			"given": self.block(approval.at),
		})
	}

	/// Where a review stands, with the data of that state.
	fn milestone_status(&self, status: &MilestoneStatus<AccountId, BlockNumber>) -> Value {
		match status {
			MilestoneStatus::UnderReview => json!({ "state": "underReview" }),
			MilestoneStatus::Contested { at } => {
				json!({ "state": "contested", "at": self.block(*at) })
			},
			MilestoneStatus::NotMet { at } => json!({ "state": "notMet", "at": self.block(*at) }),
			MilestoneStatus::Approved { at, fraction, deferral } => json!({
				"state": "approved",
				"at": self.block(*at),
				"fraction": share(*fraction),
				"deferredBecause": code::<Deferral>(deferral),
			}),
			MilestoneStatus::Blocked { at, fraction, version, decision } => json!({
				"state": "blocked",
				"at": self.block(*at),
				"fraction": share(*fraction),
				"version": version,
				"decision": self.decision(decision),
			}),
			MilestoneStatus::Paid { at, fraction, disbursement } => json!({
				"state": "paid",
				"at": self.block(*at),
				"fraction": share(*fraction),
				"payout": disbursement,
			}),
		}
	}

	/// What the funding-conditions contract was asked and answered.
	pub fn decision(&self, record: &DecisionRecord<AccountId>) -> Value {
		let query = &record.query;
		let answer = match &record.answer {
			Ok(Decision::Allow) => json!({ "decision": "allow" }),
			Ok(Decision::Deny(reason)) => {
				json!({ "decision": "deny", "reason": deny_reason(reason) })
			},
			Err(error) => json!({ "error": conditions_error(error) }),
		};
		json!({
			"contract": format!("{:?}", record.contract),
			"codeHash": hash(&record.code_hash),
			"inputHash": hash(&record.input_hash),
			"input": hex(&{
				let mut input = civitas_primitives::conditions::SELECTOR_CHECK.to_vec();
				input.extend(query.encode());
				input
			}),
			"query": {
				"agreement": query.agreement,
				"milestone": query.milestone,
				"payee": self.account(&query.payee),
				"gross": self.amount(query.gross),
				"penalty": self.amount(query.penalty),
				"retention": self.amount(query.retention),
				"paidToDate": self.amount(query.paid_to_date),
				"split": query.split.iter().map(|part| json!({
					"funder": part.funder,
					"public": part.public,
					"amount": self.amount(part.amount),
				})).collect::<Vec<_>>(),
				"dueDate": iso8601(query.due_date),
				"paymentDate": iso8601(query.payment_date),
				"lateByMs": query.late_by,
				"evidence": query.evidence.to_vec(),
			},
			"answer": answer,
		})
	}

	/// A payout: amounts, decision record and per-funder split.
	pub fn payout(&self, view: &PayoutView<AccountId, Balance, BlockNumber>) -> Value {
		let paid = &view.payout;
		json!({
			"id": view.id,
			"agreement": paid.agreement,
			"milestone": paid.milestone,
			"round": paid.round,
			"version": paid.version,
			"payee": self.account(&paid.payee),
			"payeeOrganisation": paid.payee_organisation,
			"gross": self.amount(paid.gross),
			"penalty": self.amount(paid.penalty),
			"retention": self.amount(paid.retention),
			"offset": self.amount(paid.offset),
			"net": self.amount(paid.net),
			"recovered": self.amount(paid.recovered),
			"paid": self.block(paid.paid_at),
			"approvalRule": approval_rule(&paid.rule),
			"decision": self.decision(&paid.decision),
			"split": paid.parts.iter().map(|part| json!({
				"account": self.account(&part.account),
				"organisation": part.organisation,
				"paid": self.amount(part.paid),
				"retained": self.amount(part.retained),
				"offset": self.amount(part.offset),
			})).collect::<Vec<_>>(),
			"offsets": paid.offsets.iter().map(|offset| json!({
				"recovery": offset.recovery,
				"amount": self.amount(offset.amount),
			})).collect::<Vec<_>>(),
		})
	}

	/// A recovery and where it stands.
	pub fn recovery(&self, view: &RecoveryView<AccountId, Balance, BlockNumber>) -> Value {
		let recovery = &view.recovery;
		let status = match &recovery.status {
			RecoveryStatus::Open { outstanding } => {
				json!({ "state": "open", "outstanding": self.amount(*outstanding) })
			},
			RecoveryStatus::Recovered { at } => {
				json!({ "state": "recovered", "at": self.block(*at) })
			},
			RecoveryStatus::Cancelled { at, cancelled, reason } => json!({
				"state": "cancelled",
				"at": self.block(*at),
				"cancelled": self.amount(*cancelled),
				"reason": hash(reason),
			}),
		};
		json!({
			"id": view.id,
			"agreement": recovery.agreement,
			"payout": recovery.disbursement,
			"payeeOrganisation": recovery.payee_organisation,
			"amount": self.amount(recovery.amount),
			"reason": hash(&recovery.reason),
			"openedBy": self.actor(&recovery.opened_by),
			"opened": self.block(recovery.opened_at),
			"deposit": self.amount(recovery.deposit),
			"status": status,
		})
	}

	/// An agreement's open dispute and disputed time.
	pub fn disputes(&self, view: &DisputesView<AccountId, Balance, BlockNumber>) -> Value {
		json!({
			"open": view.open.as_ref().map(|dispute| json!({
				"raisedBy": self.account(&dispute.raised_by),
				"organisation": dispute.organisation,
				"reason": hash(&dispute.reason),
				"raised": self.block(dispute.at),
				"deposit": self.amount(dispute.deposit),
			})),
			"excusingLateness": {
				"openSince": view.disputed_time.open_since.map(iso8601),
				"closed": view.disputed_time.closed.iter().map(|span| json!({
					"from": iso8601(span.from),
					"to": iso8601(span.to),
				})).collect::<Vec<_>>(),
			},
		})
	}

	/// A page of an audit trail, each entry with its SCALE encoding (what
	/// the head's hash chain is computed over).
	pub fn trail(&self, page: &TrailPage<AccountId, BlockNumber>) -> Value {
		json!({
			"length": page.len,
			"head": hash(&page.head),
			"from": page.from,
			"entries": (page.from..).zip(page.items.iter())
				.map(|(index, entry)| self.trail_entry(index, entry))
				.collect::<Vec<_>>(),
		})
	}

	/// One trail entry.
	pub fn trail_entry(&self, index: u32, entry: &AuditEntry<AccountId, BlockNumber>) -> Value {
		json!({
			"index": index,
			"block": self.block(entry.block),
			"actor": self.actor(&entry.actor),
			"action": code(&entry.action),
			"data": hash(&entry.data),
			"encoded": hex(&entry.encode()),
		})
	}
}

/// A party and its part.
fn party(party: &Party) -> Value {
	json!({ "organisation": party.organisation, "role": code(&party.role) })
}

/// A document by type, SHA-256 and URI.
fn document(document: &Document) -> Value {
	json!({
		"type": code(&document.kind),
		"sha256": hex(&document.sha256),
		"uri": text(&document.uri),
	})
}

/// Who must approve a milestone, and how many.
fn approval_rule(rule: &ApprovalRule) -> Value {
	rule.iter()
		.map(|entry| {
			let from = match entry.from {
				Approvers::AnyParty => json!({ "anyParty": true }),
				Approvers::Verifiers => json!({ "verifiers": true }),
				Approvers::Parties(role) => json!({ "parties": code(&role) }),
				Approvers::Organisation(id) => json!({ "organisation": id }),
			};
			json!({ "role": code(&entry.role), "count": entry.count, "from": from })
		})
		.collect()
}

/// The roles a member holds, by name.
fn roles_list(roles: &Roles) -> Vec<&'static str> {
	[
		(roles.finance_officer, "financeOfficer"),
		(roles.signatory, "signatory"),
		(roles.verifier, "verifier"),
		(roles.auditor, "auditor"),
		(roles.admin, "admin"),
	]
	.into_iter()
	.filter_map(|(held, name)| held.then_some(name))
	.collect()
}

/// Why the contract refused a payout.
fn deny_reason(reason: &DenyReason) -> Value {
	match reason {
		DenyReason::FunderShareTooLow(funder) => {
			json!({ "reason": "funderShareTooLow", "funder": funder })
		},
		DenyReason::MissingEvidence(kind) => json!({ "reason": "missingEvidence", "kind": kind }),
		other => json!({ "reason": code(other) }),
	}
}

/// Why the contract gave no answer.
fn conditions_error(error: &ConditionsError) -> Value {
	match error {
		ConditionsError::CodeHashMismatch { expected, found } => json!({
			"error": "codeHashMismatch",
			"expected": hash(expected),
			"found": hash(found),
		}),
		other => json!({ "error": code(other) }),
	}
}

/// Adds `at` (the block that answered) to an object answer.
pub fn answered_at(mut value: Value, number: BlockNumber, block: H256) -> Value {
	if let Value::Object(fields) = &mut value {
		fields.insert("at".into(), json!({ "block": number, "hash": hash(&block) }));
	}
	value
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dates_are_iso8601_utc() {
		assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
		assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
		assert_eq!(iso8601(1_798_761_599_999), "2026-12-31T23:59:59.999Z");
		assert_eq!(iso8601(4_107_542_400_000), "2100-03-01T00:00:00.000Z");
	}

	#[test]
	fn shares_are_exact_decimal_fractions() {
		assert_eq!(share(Permill::zero()), "0");
		assert_eq!(share(Permill::one()), "1");
		assert_eq!(share(Permill::from_percent(5)), "0.05");
		assert_eq!(share(Permill::from_parts(1)), "0.000001");
		assert_eq!(share(Permill::from_parts(333_333)), "0.333333");
	}

	#[test]
	fn amounts_keep_every_decimal_place() {
		struct NoClock;
		impl BlockClock for NoClock {
			fn time_of(&self, _: BlockNumber) -> Option<Moment> {
				None
			}
		}
		let format = Format { ss58: 42, decimals: 12, symbol: "CIV".into() };
		let render = Render { format: &format, clock: &NoClock };
		assert_eq!(render.amount(0), "0.000000000000");
		assert_eq!(render.amount(950 * 10u128.pow(12) + 1), "950.000000000001");
		assert_eq!(render.amount(u128::MAX), "340282366920938463463374607.431768211455");
		assert_eq!(render.block(7), json!({ "block": 7, "time": null }));
	}

	#[test]
	fn enum_names_are_camel_case() {
		assert_eq!(code(&civitas_primitives::PartyRole::PrivateParty), "privateParty");
		assert_eq!(code(&civitas_primitives::AuditAction::MilestonePaid), "milestonePaid");
	}
}
