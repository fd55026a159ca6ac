//! # Funding-conditions adapter
//!
//! Implements [`FundingConditions`] on pallet-revive: the one place where the
//! ledger's question "may this payout be made?" becomes a contract call, so
//! that a change of pallet-revive's API touches this crate and nothing else.
//!
//! ## How a check runs
//!
//! 1. Look up the contract at the address; none there is
//!    [`ConditionsError::NoContract`].
//! 2. Compare the code it runs with the code hash the agreement names; a
//!    difference is [`ConditionsError::CodeHashMismatch`] and the contract is
//!    not called (a contract's code cannot change under pallet-revive 0.20,
//!    but the agreement pins the hash so that no later runtime can make it).
//! 3. Call the `check` message (selector [`SELECTOR_CHECK`]) with the SCALE
//!    encoded [`DisbursementQuery`], as root (the runtime itself asks), with
//!    the caller's weight limit and a storage deposit limit of zero: the
//!    contract answers, it cannot grow its state or move value.
//! 4. Decode the output, an ink! `Result<Decision, LangError>`.
//!
//! Every failure maps to a [`ConditionsError`]; the weight used is returned
//! either way, to be charged by the caller. Reading the conditions a
//! contract holds ([`FundingConditions::conditions`], the `conditions`
//! message, [`SELECTOR_CONDITIONS`]) takes the same steps; the agreements
//! pallet does it when terms name a contract, to check the contract is
//! bound to that agreement.
//!
//! ## Deploying
//!
//! [`ReviveFundingConditions::deploy`] uploads and instantiates a contract
//! with its conditions; [`REFERENCE_CODE`] is the committed reference
//! contract. Tests and benchmarks deploy through it, so they run the code
//! the chain runs.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod deployment;

pub use deployment::{DEPLOY_WEIGHT, REFERENCE_CODE};

use alloc::vec::Vec;
use codec::{Decode, DecodeAll, Encode};
use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use frame_system::RawOrigin;
use pallet_revive::{AccountInfo, ExecConfig, TransactionLimits, H160, H256, U256};
use sp_runtime::{traits::Zero, DispatchError};

pub use civitas_primitives::conditions::{
	CheckOutcome, Conditions, ConditionsError, ConditionsOutcome, Decision, DisbursementQuery,
	FundingConditions, SELECTOR_CHECK, SELECTOR_CONDITIONS,
};

/// ink!'s error for a message it could not dispatch: unknown selector or
/// undecodable input. Its SCALE encoding is `0x01` for `CouldNotReadInput`.
#[derive(Decode, Debug, PartialEq, Eq)]
enum LangError {
	/// The contract could not decode the selector or the arguments.
	#[codec(index = 1)]
	CouldNotReadInput,
}

/// [`FundingConditions`] answered by ink! contracts on pallet-revive.
pub struct ReviveFundingConditions<T>(PhantomData<T>);

impl<T: pallet_revive::Config> ReviveFundingConditions<T> {
	/// The input of a `check` call: selector, then the encoded query.
	pub fn check_input(query: &DisbursementQuery<T::AccountId>) -> Vec<u8> {
		let mut input = SELECTOR_CHECK.to_vec();
		query.encode_to(&mut input);
		input
	}

	/// Sends `input` to the contract at `contract` if it runs `code_hash`,
	/// and reads its answer as a [`Decision`]. [`FundingConditions::check`]
	/// is this with a well-formed query; tests call it with malformed input.
	pub fn call(
		contract: H160,
		code_hash: H256,
		input: Vec<u8>,
		weight_limit: Weight,
	) -> CheckOutcome {
		let (weight_used, result) = Self::ask::<Decision>(contract, code_hash, input, weight_limit);
		CheckOutcome { weight_used, result }
	}

	/// Sends `input` to the contract at `contract` if it runs `code_hash`
	/// and decodes its answer, an ink! `Result<R, LangError>`, returning the
	/// weight used whatever the outcome.
	fn ask<R: Decode>(
		contract: H160,
		code_hash: H256,
		input: Vec<u8>,
		weight_limit: Weight,
	) -> (Weight, Result<R, ConditionsError>) {
		let lookup = Self::lookup_weight();
		let Some(info) = AccountInfo::<T>::load_contract(&contract) else {
			return (lookup, Err(ConditionsError::NoContract));
		};
		if info.code_hash != code_hash {
			return (
				lookup,
				Err(ConditionsError::CodeHashMismatch {
					expected: code_hash,
					found: info.code_hash,
				}),
			);
		}

		let output = pallet_revive::Pallet::<T>::bare_call(
			RawOrigin::Root.into(),
			contract,
			U256::zero(),
			TransactionLimits::WeightAndDeposit { weight_limit, deposit_limit: Zero::zero() },
			input,
			&ExecConfig::new_substrate_tx_without_bump(),
		);
		let weight_used = lookup.saturating_add(output.weight_consumed);
		let result = match output.result {
			Err(error) => Err(Self::execution_error(error)),
			Ok(value) if value.did_revert() => match Self::decode_output::<R>(&value.data) {
				// ink! reverts with `Err(LangError)` when it cannot dispatch.
				Err(ConditionsError::InputRejected) => Err(ConditionsError::InputRejected),
				_ => Err(ConditionsError::Reverted),
			},
			Ok(value) => Self::decode_output(&value.data),
		};
		(weight_used, result)
	}

	/// Maps a failed execution to the reason the ledger records.
	fn execution_error(error: DispatchError) -> ConditionsError {
		if error == pallet_revive::Error::<T>::OutOfGas.into() {
			ConditionsError::OutOfWeight
		} else if error == pallet_revive::Error::<T>::ContractNotFound.into()
			|| error == pallet_revive::Error::<T>::CodeNotFound.into()
		{
			ConditionsError::NoContract
		} else if error == pallet_revive::Error::<T>::ContractReverted.into() {
			ConditionsError::Reverted
		} else {
			ConditionsError::Trapped
		}
	}

	/// Decodes the return buffer of a message returning `R`.
	fn decode_output<R: Decode>(mut data: &[u8]) -> Result<R, ConditionsError> {
		let answer = <Result<R, LangError>>::decode_all(&mut data)
			.map_err(|_| ConditionsError::UndecodableOutput)?;
		answer.map_err(|LangError::CouldNotReadInput| ConditionsError::InputRejected)
	}
}

impl<T: pallet_revive::Config> FundingConditions<T::AccountId> for ReviveFundingConditions<T> {
	fn lookup_weight() -> Weight {
		T::DbWeight::get().reads(1)
	}

	fn check(
		contract: H160,
		code_hash: H256,
		query: &DisbursementQuery<T::AccountId>,
		weight_limit: Weight,
	) -> CheckOutcome {
		Self::call(contract, code_hash, Self::check_input(query), weight_limit)
	}

	fn conditions(contract: H160, code_hash: H256, weight_limit: Weight) -> ConditionsOutcome {
		let (weight_used, result) = Self::ask::<Conditions>(
			contract,
			code_hash,
			SELECTOR_CONDITIONS.to_vec(),
			weight_limit,
		);
		ConditionsOutcome { weight_used, result }
	}
}
