//! The time each block was authored at, read from its timestamp inherent.
//!
//! Block bodies are kept by pruned nodes as well as archive nodes, so the
//! time of any canonical block is known even where its state is gone.

use std::{cell::RefCell, collections::HashMap, sync::Arc};

use civitas_primitives::Moment;
use civitas_runtime::{opaque::Block, RuntimeCall, TimestampCall, UncheckedExtrinsic};
use codec::{Decode, Encode};
use sc_client_api::BlockBackend;

use super::render::{BlockClock, BlockNumber};

/// Reads block times from the client, remembering each one it read.
pub struct ClientClock<C> {
	client: Arc<C>,
	seen: RefCell<HashMap<BlockNumber, Option<Moment>>>,
}

impl<C> ClientClock<C> {
	/// A clock over `client`'s canonical chain.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, seen: RefCell::new(HashMap::new()) }
	}
}

impl<C: BlockBackend<Block>> BlockClock for ClientClock<C> {
	fn time_of(&self, number: BlockNumber) -> Option<Moment> {
		if let Some(known) = self.seen.borrow().get(&number) {
			return *known;
		}
		let time = self
			.client
			.block_hash(number)
			.ok()
			.flatten()
			.and_then(|hash| self.client.block_body(hash).ok().flatten())
			.and_then(|body| body.iter().find_map(|extrinsic| timestamp_of(&extrinsic.encode())));
		self.seen.borrow_mut().insert(number, time);
		time
	}
}

/// The moment a `timestamp.set` inherent sets, if `encoded` is one.
fn timestamp_of(encoded: &[u8]) -> Option<Moment> {
	match UncheckedExtrinsic::decode(&mut &encoded[..]).ok()?.function {
		RuntimeCall::Timestamp(TimestampCall::set { now }) => Some(now),
		_ => None,
	}
}
