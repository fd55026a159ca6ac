//! Checks of the runtime's configuration: genesis presets, fees, limits and
//! the token constants that wallets rely on.

use frame_support::{
	dispatch::GetDispatchInfo,
	weights::{constants::ExtrinsicBaseWeight, WeightToFee as _},
};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

use crate::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights, WeightToFee},
	genesis_config_presets::{self, DEV_ENDOWMENT},
	Balances, BalancesCall, Runtime, RuntimeCall, RuntimeGenesisConfig, TransactionPayment,
	EXISTENTIAL_DEPOSIT, MILLI_CIV, SS58_PREFIX, VERSION,
};

/// Externalities holding the state a genesis config builds.
pub(super) fn state_of(config: RuntimeGenesisConfig) -> sp_io::TestExternalities {
	config.build_storage().expect("the preset builds a valid genesis state").into()
}

#[test]
fn runtime_is_named_civitas() {
	assert_eq!(VERSION.spec_name, "civitas");
}

#[test]
fn system_uses_the_token_ss58_prefix() {
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), SS58_PREFIX);
}

#[test]
fn development_preset_has_one_validator_and_funded_accounts() {
	state_of(genesis_config_presets::development()).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_eq!(Balances::free_balance(&bob), DEV_ENDOWMENT);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_preset_has_four_validators() {
	state_of(genesis_config_presets::local_testnet()).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
	});
}

#[test]
fn presets_are_served_by_name_and_unknown_names_are_refused() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
	);
	for name in &names {
		let json = genesis_config_presets::get_preset(name).expect("a listed preset exists");
		let config: RuntimeGenesisConfig =
			serde_json::from_slice(&json).expect("a preset is a complete genesis config");
		config.build_storage().expect("a preset builds");
	}
	assert_eq!(genesis_config_presets::get_preset(&PresetId::from("mainnet")), None);
}

#[test]
fn base_weight_costs_one_milli_civ() {
	let fee = WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get());
	// The polynomial rounds its fractional coefficient, so allow one unit.
	assert!(fee.abs_diff(MILLI_CIV) <= 1, "base fee {fee} should be {MILLI_CIV}");
}

#[test]
fn a_transfer_costs_more_than_nothing_and_less_than_a_civ() {
	state_of(genesis_config_presets::development()).execute_with(|| {
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: EXISTENTIAL_DEPOSIT,
		});
		let info = call.get_dispatch_info();
		// A signed transfer encodes to about 150 bytes.
		let fee = TransactionPayment::compute_fee(150, &info, 0);
		assert!(fee > MILLI_CIV, "fee {fee} must cover at least the base weight");
		assert!(fee < crate::CIV, "fee {fee} must stay affordable");
	});
}

#[test]
fn block_limits_are_consistent() {
	RuntimeBlockWeights::get().validate().expect("block weights are consistent");
	let length = RuntimeBlockLength::get();
	assert_eq!(
		*length.max.get(frame_support::dispatch::DispatchClass::Operational),
		5 * 1024 * 1024
	);
}
