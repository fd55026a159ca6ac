//! What a block's events say about an agreement's trail entries: the
//! extrinsic that appended each one, and the retention a release moved.
//!
//! The ledger keeps per payout what each co-funder paid, but of a
//! retention release only the total: which co-funder's retention went to
//! the payee is in the balance transfers the release made, which the
//! block's events record (`Balances::TransferOnHold` under the pools'
//! `Retention` reason). The OCDS export lists them as transactions, so
//! that every payment to a private party is in it.

use civitas_primitives::AgreementId;
use civitas_runtime::{RuntimeEvent, RuntimeHoldReason};
use frame_system::{EventRecord, Phase};
use sp_core::H256;

use super::render::{AccountId, Balance, BlockNumber};

/// A block's events, decoded with this node's runtime types.
pub type Events = Vec<EventRecord<RuntimeEvent, H256>>;

/// One co-funder's retention paid to a payee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionPaid {
	/// The trail entry (a `RetentionReleased`) it was paid under.
	pub entry: u32,
	/// The block it was paid in.
	pub block: BlockNumber,
	/// The co-funder account the retention was held on.
	pub from: AccountId,
	/// The payee's account.
	pub to: AccountId,
	/// The amount.
	pub amount: Balance,
}

/// What `events` (of block `block`) say of entry `index` of `agreement`'s
/// trail: the extrinsic that appended it, if it is there, and the
/// retention paid between it and the extrinsic's previous trail entry.
///
/// Counting from the previous entry, not from the extrinsic's start, keeps
/// apart the parties a batch of `settle` calls paid in one extrinsic.
pub fn of_entry(
	events: &Events,
	block: BlockNumber,
	agreement: AgreementId,
	index: u32,
) -> (Option<u32>, Vec<RetentionPaid>) {
	let mut pending = Vec::new();
	let mut current = None;
	for record in events {
		let Phase::ApplyExtrinsic(extrinsic) = record.phase else {
			pending.clear();
			continue;
		};
		if current != Some(extrinsic) {
			current = Some(extrinsic);
			pending.clear();
		}
		match &record.event {
			RuntimeEvent::Balances(pallet_balances::Event::TransferOnHold {
				reason: RuntimeHoldReason::Pools(pallet_civitas_pools::HoldReason::Retention),
				source,
				dest,
				amount,
			}) => pending.push(RetentionPaid {
				entry: index,
				block,
				from: source.clone(),
				to: dest.clone(),
				amount: *amount,
			}),
			RuntimeEvent::AuditTrail(pallet_civitas_audit_trail::Event::Recorded {
				agreement: recorded,
				index: at,
				..
			}) => {
				if *recorded == agreement && *at == index {
					return (Some(extrinsic), pending);
				}
				pending.clear();
			},
			_ => {},
		}
	}
	(None, Vec::new())
}

#[cfg(test)]
mod tests {
	use super::*;
	use civitas_primitives::audit::AuditAction;

	fn account(byte: u8) -> AccountId {
		AccountId::new([byte; 32])
	}

	fn in_extrinsic(extrinsic: u32, event: RuntimeEvent) -> EventRecord<RuntimeEvent, H256> {
		EventRecord { phase: Phase::ApplyExtrinsic(extrinsic), event, topics: Vec::new() }
	}

	fn paid(from: u8, to: u8, amount: Balance) -> RuntimeEvent {
		RuntimeEvent::Balances(pallet_balances::Event::TransferOnHold {
			reason: RuntimeHoldReason::Pools(pallet_civitas_pools::HoldReason::Retention),
			source: account(from),
			dest: account(to),
			amount,
		})
	}

	fn recorded(agreement: AgreementId, index: u32) -> RuntimeEvent {
		RuntimeEvent::AuditTrail(pallet_civitas_audit_trail::Event::Recorded {
			agreement,
			index,
			actor: civitas_primitives::audit::Actor::Governance,
			action: AuditAction::RetentionReleased,
			data: H256::zero(),
			head: H256::zero(),
		})
	}

	#[test]
	fn each_entry_gets_the_retention_paid_since_the_previous_entry() {
		// One batch settles two parties of agreement 7, then agreement 8.
		let events = vec![
			in_extrinsic(1, paid(1, 9, 100)),
			in_extrinsic(1, paid(2, 9, 50)),
			in_extrinsic(1, recorded(7, 3)),
			in_extrinsic(1, paid(1, 10, 30)),
			in_extrinsic(1, recorded(7, 4)),
			in_extrinsic(1, paid(5, 11, 70)),
			in_extrinsic(1, recorded(8, 0)),
		];
		let (extrinsic, retention) = of_entry(&events, 20, 7, 3);
		assert_eq!(extrinsic, Some(1));
		assert_eq!(
			retention.iter().map(|paid| (paid.from.clone(), paid.amount)).collect::<Vec<_>>(),
			vec![(account(1), 100), (account(2), 50)]
		);
		let (_, retention) = of_entry(&events, 20, 7, 4);
		assert_eq!(
			retention,
			vec![RetentionPaid {
				entry: 4,
				block: 20,
				from: account(1),
				to: account(10),
				amount: 30
			}]
		);
		assert_eq!(of_entry(&events, 20, 8, 0).1.len(), 1);
	}

	#[test]
	fn transfers_of_an_earlier_extrinsic_or_another_hold_are_not_counted() {
		let other_hold = RuntimeEvent::Balances(pallet_balances::Event::TransferOnHold {
			reason: RuntimeHoldReason::Pools(pallet_civitas_pools::HoldReason::Committed),
			source: account(1),
			dest: account(9),
			amount: 5,
		});
		let events = vec![
			in_extrinsic(1, paid(1, 9, 100)),
			in_extrinsic(2, other_hold),
			in_extrinsic(2, recorded(7, 0)),
		];
		assert_eq!(of_entry(&events, 3, 7, 0), (Some(2), Vec::new()));
		// An entry the events do not record.
		assert_eq!(of_entry(&events, 3, 7, 1), (None, Vec::new()));
	}
}
