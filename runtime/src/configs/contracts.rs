//! Contracts: pallet-revive, which runs the ink! funding-conditions contracts
//! (PolkaVM code) that decide whether an agreement's money may be paid out.
//!
//! Civitas uses pallet-revive for its PolkaVM contracts only: it accepts no
//! Ethereum transactions (the extrinsic format is the plain FRAME one, so an
//! `eth_transact` can never be decoded into a valid transaction) and no EVM
//! bytecode. Finance officers of registered organisations may upload code
//! and instantiate it, but only code the council approved can be
//! instantiated: code that decides over public money is reviewed first.

use civitas_primitives::{Organisations, Role, Standing};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, Contains, EnsureOrigin},
};
use sp_core::H256;
use sp_runtime::{FixedU128, Perbill};

use crate::{
	configs::governance::deposit, AccountId, Aura, Balance, Balances, Governance, Registry,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Timestamp,
};

parameter_types! {
	/// Deposit per storage item a contract or its code occupies (0.1 CIV,
	/// the same as any other state on the chain).
	pub const ContractDepositPerItem: Balance = deposit(1, 0);
	/// Deposit per byte of contract code or contract storage (0.001 CIV).
	pub const ContractDepositPerByte: Balance = deposit(0, 1);
	/// Deposit per item in a contract's own storage trie. A contract's
	/// values are small and numerous, so an item costs a hundredth of a
	/// top-level one; their bytes are paid for by `ContractDepositPerByte`.
	pub const ContractDepositPerChildTrieItem: Balance = deposit(1, 0) / 100;
	/// Share of the code's deposit an instance locks, so that code in use
	/// cannot be removed and re-uploaded by its owner for free.
	pub const CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
	/// Cap of an Ethereum transaction's weight; unused, as Civitas accepts no
	/// Ethereum transactions, but the pallet requires a value.
	pub const MaxEthExtrinsicWeight: FixedU128 = FixedU128::from_rational(9, 10);
}

/// EIP-155 chain id a contract reads through `chain_id()`; Civitas has no
/// Ethereum RPC, so the only requirement is that it is fixed.
pub type ChainId = ConstU64<0x4349_5649>;

/// 10^(18 − 12): the native token has 12 decimals, Ethereum's wei 18.
pub type NativeToEthRatio = ConstU32<1_000_000>;

/// Accepts a transaction signed by a finance officer of an active
/// organisation, and yields the signer as the payer of the code or contract
/// deposit.
///
/// Uploading or instantiating code does not make it binding: only code the
/// council approved may be instantiated ([`ApprovedContractCode`]), and
/// terms may name only a contract running approved code. So a party need
/// not wait for a vote to set up its agreement's conditions contract, and
/// nobody outside the registry can put code on chain. Root is refused:
/// pallet-revive needs an account to take the deposit from.
pub struct EnsureFinanceOfficer;

impl EnsureOrigin<RuntimeOrigin> for EnsureFinanceOfficer {
	type Success = AccountId;

	fn try_origin(origin: RuntimeOrigin) -> Result<AccountId, RuntimeOrigin> {
		let who = match origin.clone().into() {
			Ok(frame_system::RawOrigin::Signed(who)) => who,
			_ => return Err(origin),
		};
		let acts_for_active_organisation = Registry::organisation_of(&who).is_some_and(|id| {
			Registry::has_role(&who, id, Role::FinanceOfficer)
				&& matches!(Registry::organisation(id), Some((_, Standing::Active)))
		});
		if acts_for_active_organisation {
			Ok(who)
		} else {
			Err(origin)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		use civitas_primitives::{OrganisationKind, Roles};
		let organisation = Registry::admit_for_benchmark(OrganisationKind::PublicAuthority, 7);
		let officer: AccountId = frame_benchmarking::account("finance-officer", 0, 0);
		Registry::add_member_for_benchmark(
			organisation,
			&officer,
			Roles::of(&[Role::FinanceOfficer]),
		);
		Ok(RuntimeOrigin::signed(officer))
	}
}

/// The call filter's rule for contracts: pallet-revive may instantiate only
/// code the council approved (`Governance::approve_code`), whether named by
/// hash (`instantiate`) or uploaded in the same call
/// (`instantiate_with_code`, whose code is hashed here with Keccak-256 as
/// pallet-revive does). Ethereum-style calls are refused outright (Civitas
/// accepts no Ethereum transactions; they would fail their origin check
/// anyway). The filter also applies inside batches and multisig calls.
pub struct ApprovedContractCode;

impl Contains<RuntimeCall> for ApprovedContractCode {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_revive::Call;
		match call {
			RuntimeCall::Revive(Call::instantiate { code_hash, .. }) => {
				Governance::is_approved(code_hash)
			},
			RuntimeCall::Revive(Call::instantiate_with_code { code, .. }) => {
				Governance::is_approved(&H256(sp_io::hashing::keccak_256(code)))
			},
			RuntimeCall::Revive(
				Call::eth_instantiate_with_code { .. }
				| Call::eth_call { .. }
				| Call::eth_substrate_call { .. }
				| Call::eth_transact { .. },
			) => false,
			_ => true,
		}
	}
}

impl pallet_revive::Config for Runtime {
	type Time = Timestamp;
	type Balance = Balance;
	type Currency = Balances;
	// Gas rounding differences are burnt, like transaction fees.
	type OnBurn = ();
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WeightInfo = pallet_revive::weights::SubstrateWeight<Runtime>;
	// No runtime functions are exposed to contracts beyond the pallet's own.
	type Precompiles = ();
	// The author's account: Aura names it by its index in the session's set.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;
	type DepositPerByte = ContractDepositPerByte;
	type DepositPerItem = ContractDepositPerItem;
	type DepositPerChildTrieItem = ContractDepositPerChildTrieItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	type AddressMapper = pallet_revive::AccountId32Mapper<Runtime>;
	type AllowEVMBytecode = ConstBool<false>;
	type UploadOrigin = EnsureFinanceOfficer;
	type InstantiateOrigin = EnsureFinanceOfficer;
	// The pallet's integrity test checks its limits fit these; they are the
	// pallet's recommended values for a runtime with the default heap.
	type RuntimeMemory = ConstU32<{ 128 * 1024 * 1024 }>;
	type PVFMemory = ConstU32<{ 512 * 1024 * 1024 }>;
	type ChainId = ChainId;
	type NativeToEthRatio = NativeToEthRatio;
	// No Ethereum transactions, so no Ethereum fee model.
	type FeeInfo = ();
	type Deposit = ();
	type MaxEthExtrinsicWeight = MaxEthExtrinsicWeight;
	type DebugEnabled = ConstBool<false>;
	// Accounts map themselves explicitly (`map_account`, with a deposit);
	// genesis maps the development accounts.
	type AutoMap = ConstBool<false>;
	type GasScale = ConstU32<10>;
}

/// How the ledger asks an agreement's funding-conditions contract about a
/// payout: through pallet-revive, as configured above.
pub type FundingConditionsAdapter = civitas_funding_conditions::ReviveFundingConditions<Runtime>;
