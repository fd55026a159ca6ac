//! The runtime APIs: what the node, wallets and auditors' tools call into.

// `vec!` is used inside pallet-revive's API macro, which does not import it.
use alloc::{vec, vec::Vec};
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	view_functions::ViewFunctionDispatchError,
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use civitas_primitives::ledger_api::{
	check_page, AgreementView, DisputesView, FundingView, MilestoneView, OrganisationView,
	PayoutView, QueryError, RecoveryView, TrailPage,
};

use crate::{
	ledger_queries, AccountId, Aura, Balance, Block, BlockNumber, Executive, Grandpa,
	InherentDataExt, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys, System,
	TransactionPayment, VERSION,
};

// The macro adds pallet-revive's `ReviveApi` (dry-run of contract calls,
// instantiations and uploads, contract code and storage reads) to the APIs
// below. Its fourth argument names an Ethereum transaction extension, which
// pallet-revive 0.20.2 does not use; Civitas accepts no Ethereum transactions.
pallet_revive::impl_runtime_apis_plus_revive_traits!(
	Runtime,
	Revive,
	Executive,
	(),

	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			// The proof of possession binds the new keys to `owner`, so keys
			// cannot be registered by someone who does not hold them.
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(
			encoded: Vec<u8>,
		) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reporting is off (`KeyOwnerProof = Void`), see configs::consensus.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// No key-ownership proof type exists on this chain, so none can be made.
			None
		}
	}

	impl civitas_primitives::ledger_api::LedgerApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn members(
			organisation: civitas_primitives::OrganisationId,
		) -> Result<Vec<(AccountId, civitas_primitives::Roles)>, QueryError> {
			ledger_queries::ensure_organisation(organisation)?;
			Ok(crate::Registry::members_of(organisation))
		}

		fn agreements_of(
			organisation: civitas_primitives::OrganisationId,
			after: Option<civitas_primitives::AgreementId>,
			limit: u32,
		) -> Result<Vec<(civitas_primitives::AgreementId, civitas_primitives::PartyRole)>, QueryError> {
			check_page(limit)?;
			ledger_queries::ensure_organisation(organisation)?;
			Ok(crate::Agreements::agreements_of(organisation, after, limit))
		}

		fn audit_trail(
			agreement: civitas_primitives::AgreementId,
			from: u32,
			limit: u32,
		) -> Result<TrailPage<AccountId, BlockNumber>, QueryError> {
			check_page(limit)?;
			crate::AuditTrail::page(agreement, from, limit).ok_or(QueryError::UnknownAgreement)
		}

		fn organisation(
			organisation: civitas_primitives::OrganisationId,
		) -> Result<OrganisationView<AccountId, BlockNumber>, QueryError> {
			ledger_queries::organisation(organisation)
		}

		fn agreement(
			agreement: civitas_primitives::AgreementId,
		) -> Result<AgreementView<AccountId, Balance, BlockNumber>, QueryError> {
			ledger_queries::agreement(agreement)
		}

		fn agreements_in(
			stage: civitas_primitives::Stage,
			after: Option<civitas_primitives::AgreementId>,
			limit: u32,
		) -> Result<Vec<civitas_primitives::AgreementId>, QueryError> {
			ledger_queries::agreements_in(stage, after, limit)
		}

		fn funding(
			agreement: civitas_primitives::AgreementId,
		) -> Result<FundingView<AccountId, Balance, BlockNumber>, QueryError> {
			ledger_queries::funding(agreement)
		}

		fn milestones(
			agreement: civitas_primitives::AgreementId,
		) -> Result<Vec<MilestoneView<AccountId, Balance, BlockNumber>>, QueryError> {
			ledger_queries::milestones(agreement)
		}

		fn payouts(
			agreement: civitas_primitives::AgreementId,
		) -> Result<Vec<PayoutView<AccountId, Balance, BlockNumber>>, QueryError> {
			ledger_queries::payouts(agreement)
		}

		fn recoveries(
			agreement: civitas_primitives::AgreementId,
			after: Option<civitas_primitives::records::disbursement::RecoveryId>,
			limit: u32,
		) -> Result<Vec<RecoveryView<AccountId, Balance, BlockNumber>>, QueryError> {
			ledger_queries::recoveries(agreement, after, limit)
		}

		fn disputes(
			agreement: civitas_primitives::AgreementId,
		) -> Result<DisputesView<AccountId, Balance, BlockNumber>, QueryError> {
			ledger_queries::disputes(agreement)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::metadata(extra)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// This API exists only in try-runtime builds, run offline by the
			// try-runtime CLI; its signature has no error channel, so a failed
			// migration check must abort here, with its message.
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|error| panic!("try-runtime upgrade checks failed: {error:?}"));
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			// Offline-only, as above: a failing block or try_state check aborts.
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|error| panic!("try-runtime execute_block failed: {error:?}"))
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
);
