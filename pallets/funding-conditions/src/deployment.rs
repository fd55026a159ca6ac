//! Putting a funding-conditions contract on chain: the committed reference
//! contract's code, and one call that uploads and instantiates code with a
//! set of conditions. Tests, benchmarks and operators' tooling share it, so
//! that each deploys the contract exactly as the chain will run it.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::weights::Weight;
use pallet_revive::{
	AccountInfo, AddressMapper, BalanceOf, Code, ExecConfig, TransactionLimits, U256,
};
use sp_runtime::DispatchError;

use civitas_primitives::{conditions::SELECTOR_NEW, Conditions, ConditionsContract};

use crate::ReviveFundingConditions;

/// The reference funding-conditions contract as committed in
/// `contracts/artifacts/` (PolkaVM code), which the test suite rebuilds from
/// source and compares byte for byte.
pub const REFERENCE_CODE: &[u8] =
	include_bytes!("../../../contracts/artifacts/funding_conditions.polkavm");

/// Weight a deployment may use: instantiation runs the constructor, which
/// validates and stores the conditions.
pub const DEPLOY_WEIGHT: Weight = Weight::from_parts(100_000_000_000, 2 * 1024 * 1024);

impl<T: pallet_revive::Config> ReviveFundingConditions<T> {
	/// Uploads `code` (unless it is on chain already) and instantiates it
	/// with `conditions`, paid by `deployer`, who must pass pallet-revive's
	/// upload and instantiate origins and is mapped to an address first if
	/// it is not. Returns the contract an agreement's terms name.
	pub fn deploy(
		deployer: &T::AccountId,
		code: Vec<u8>,
		conditions: &Conditions,
		deposit_limit: BalanceOf<T>,
	) -> Result<ConditionsContract, DispatchError> {
		let origin = || frame_system::RawOrigin::Signed(deployer.clone()).into();
		if !T::AddressMapper::is_mapped(deployer) {
			T::AddressMapper::map(deployer)?;
		}
		// Uploading code that is on chain already changes nothing.
		let code_hash =
			pallet_revive::Pallet::<T>::bare_upload_code(origin(), code, deposit_limit)?.code_hash;
		// The address derives from the deployer's nonce before the
		// transaction, which a transaction's nonce check has already
		// increased; do the same, so that each deployment gets a new address.
		frame_system::Pallet::<T>::inc_account_nonce(deployer);
		let mut input = SELECTOR_NEW.to_vec();
		conditions.encode_to(&mut input);
		let output = pallet_revive::Pallet::<T>::bare_instantiate(
			origin(),
			U256::zero(),
			TransactionLimits::WeightAndDeposit { weight_limit: DEPLOY_WEIGHT, deposit_limit },
			Code::Existing(code_hash),
			input,
			None,
			&ExecConfig::new_substrate_tx_without_bump(),
		);
		let returned = output.result?;
		if returned.result.did_revert() {
			return Err(pallet_revive::Error::<T>::ContractReverted.into());
		}
		let info = AccountInfo::<T>::load_contract(&returned.addr)
			.ok_or(pallet_revive::Error::<T>::ContractNotFound)?;
		Ok(ConditionsContract { address: returned.addr, code_hash: info.code_hash })
	}
}
