//! The runtime APIs the node and clients call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
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

use cascade_primitives::{FinancingId, NoteId, ReceivableId};
use cascade_runtime_api::{
	ClaimInfo, ExposureInfo, FinancingInfo, LineInfo, NoteInfo, Page, PageError, PageRequest,
	ProgramInfo, Quote, ReceivableInfo, RequestInfo, MAX_PAGE,
};

use crate::{
	genesis_config_presets, opaque::SessionKeys, AccountId, AssetId, Aura, Balance, Block,
	Enterprises, Executive, Financing, Grandpa, InherentDataExt, Nonce, Receivables, Runtime,
	RuntimeCall, RuntimeGenesisConfig, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
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
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
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
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key owner proof type is uninhabited (no session pallet).
			None
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
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkBatch};
			use frame_support::traits::WhitelistedStorageKeys;
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl frame_benchmarking::baseline::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain tool: a failed check must stop it with a backtrace.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	// Each pallet answers in its own read types (its `queries.rs`); the exposure puts the
	// enterprises pallet's lines beside the receivables pallet's counters.
	impl cascade_runtime_api::ReceivablesApi<Block, AccountId, AssetId, Balance> for Runtime {
		fn receivable(id: ReceivableId) -> Option<ReceivableInfo<AccountId, AssetId, Balance>> {
			Receivables::receivable_info(id)
		}

		fn note(id: NoteId) -> Option<NoteInfo<AccountId, Balance>> {
			Receivables::note_info(id)
		}

		fn notes_of(who: AccountId, page: PageRequest) -> Result<Page<NoteInfo<AccountId, Balance>>, PageError> {
			Receivables::notes_of(&who, &page)
		}

		fn lineage(note: NoteId) -> Vec<NoteInfo<AccountId, Balance>> {
			Receivables::lineage(note)
		}

		fn tree(receivable: ReceivableId, page: PageRequest) -> Result<Page<NoteInfo<AccountId, Balance>>, PageError> {
			Receivables::tree(receivable, &page)
		}

		/// A core has at most `MaxLinesPerCore` credit lines, fewer than a page.
		fn exposure(core: AccountId) -> ExposureInfo<AccountId, AssetId, Balance> {
			let lines = Enterprises::lines_of(&core, &PageRequest::first(MAX_PAGE))
				.map(|page| page.items)
				.unwrap_or_default();
			Receivables::exposure(core, lines)
		}

		fn quote(note: NoteId, annual_rate: sp_runtime::Permill) -> Option<Quote<AccountId, AssetId, Balance>> {
			Financing::quote(note, annual_rate)
		}

		fn claims_of(who: AccountId, page: PageRequest) -> Result<Page<ClaimInfo<AccountId, Balance>>, PageError> {
			Financing::claims_of(&who, &page)
		}

		fn repayment(financing: FinancingId) -> Option<Balance> {
			Financing::repayment_due(financing)
		}

		fn financings_of(who: AccountId, page: PageRequest) -> Result<Page<FinancingInfo<AccountId, Balance>>, PageError> {
			Financing::financings_of(&who, &page)
		}

		fn programs_of(financier: AccountId, page: PageRequest) -> Result<Page<ProgramInfo<AccountId, AssetId, Balance>>, PageError> {
			Financing::programs_of(&financier, &page)
		}

		fn requests_of(who: AccountId, page: PageRequest) -> Result<Page<RequestInfo<AccountId>>, PageError> {
			Financing::requests_of(&who, &page)
		}

		fn receivables_of(issuer: AccountId, page: PageRequest) -> Result<Page<ReceivableInfo<AccountId, AssetId, Balance>>, PageError> {
			Receivables::receivables_of(&issuer, &page)
		}

		fn lines_of(core: AccountId, page: PageRequest) -> Result<Page<LineInfo<AccountId, AssetId, Balance>>, PageError> {
			Enterprises::lines_of(&core, &page)
		}

		fn can_issue(
			issuer: AccountId,
			supplier: AccountId,
			asset: AssetId,
			face: Balance,
			maturity: cascade_primitives::Moment,
			credit_line: cascade_primitives::LineId,
			invoice_ref: Vec<u8>,
		) -> sp_runtime::DispatchResult {
			Receivables::can_issue(issuer, supplier, asset, face, maturity, credit_line, invoice_ref)
		}

		fn attestations_of(who: AccountId) -> Vec<cascade_primitives::AttestationInfo<AccountId>> {
			Enterprises::attestations_of(&who)
		}

		fn program_quote(
			note: cascade_primitives::NoteId,
			program: pallet_financing::ProgramId,
			kind: pallet_financing::FinancingKind,
		) -> Option<pallet_financing::ProgramQuote<AccountId, Balance>> {
			Financing::program_quote(note, program, kind)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
