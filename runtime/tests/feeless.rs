//! Suppliers need nothing but the portal (issue 30, item 5), on the real runtime and through its
//! real transaction extensions: a supplier holding no native token at all — registered by the
//! Operator, which makes its account exist — accepts a note, pays its own supplier part of it,
//! pledges the rest and is paid at maturity, each transaction free. An account that is not a
//! registered enterprise and holds nothing is refused; an enterprise past its feeless calls for
//! the block pays like anyone (and, holding nothing, waits for the next block).

mod common;

use cascade_runtime::{
	genesis_config_presets::{demo, demo_credit_code},
	AccountId, Balances, Enterprises, Receivables, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, System, TxExtension, CNY, MILLIS_PER_DAY, YUAN,
};
use common::*;
use frame_support::{
	assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect as _, Get},
};
use sp_core::H256;
use sp_runtime::{
	generic::Era,
	traits::DispatchTransaction,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError,
};

/// The runtime's transaction extensions, as a wallet would send them (no tip).
fn extensions(nonce: u32) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0).into(),
		pallet_enterprises::FeelessQuota::<Runtime>::new(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// `who` sends `call` as a signed transaction: its validity (fees, nonce) as the pool and the
/// block would judge it, then its outcome.
fn send(
	who: &AccountId,
	call: RuntimeCall,
) -> Result<Result<(), DispatchError>, TransactionValidityError> {
	let info = call.get_dispatch_info();
	let len = codec::Encode::encoded_size(&call);
	let nonce = System::account_nonce(who);
	extensions(nonce)
		.dispatch_transaction(RuntimeOrigin::signed(who.clone()), call, &info, len, 0)
		.map(|r| r.map(|_| ()).map_err(|e| e.error))
}

fn fee_skipped() -> usize {
	System::events()
		.iter()
		.filter(|e| matches!(e.event, RuntimeEvent::SkipFeelessPayment(_)))
		.count()
}

/// A supplier the Operator registers now: an account that never held anything.
fn newcomer() -> AccountId {
	let who = AccountId::from([7u8; 32]);
	assert_eq!(System::providers(&who), 0, "the account does not exist yet");
	assert_ok!(Enterprises::register(
		council_origin(1, 1),
		who.clone(),
		b"Newcomer Parts Co.".to_vec().try_into().unwrap(),
		demo_credit_code(b"91330106MA27WXY3K"),
		cascade_primitives::Roles { core: false, supplier: true, financier: false },
	));
	who
}

#[test]
fn a_supplier_with_no_native_token_accepts_pays_on_finances_and_is_paid() {
	ext_from_preset("development").execute_with(|| {
		let supplier = newcomer();
		let [charlie, ..] = demo::suppliers();
		let bob = demo::core();
		assert_eq!(Balances::balance(&supplier), 0, "no native token at all");
		let maturity = GENESIS_TIME + 30 * MILLIS_PER_DAY;
		let note = pallet_receivables::NextNoteId::<Runtime>::get();
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(bob.clone()),
			supplier.clone(),
			CNY,
			1_000 * YUAN,
			maturity,
			0,
			H256::repeat_byte(9),
			b"FEELESS-1".to_vec().try_into().unwrap(),
		));

		let before = fee_skipped();
		assert_eq!(
			send(&supplier, RuntimeCall::Receivables(pallet_receivables::Call::accept { note })),
			Ok(Ok(()))
		);
		let sent = pallet_receivables::NextNoteId::<Runtime>::get();
		assert_eq!(
			send(
				&supplier,
				RuntimeCall::Receivables(pallet_receivables::Call::split_transfer {
					note,
					to: charlie.clone(),
					amount: 300 * YUAN,
				})
			),
			Ok(Ok(()))
		);
		assert_eq!(pallet_receivables::Notes::<Runtime>::get(sent).unwrap().amount, 300 * YUAN);
		// It keeps 700.00: 400.00 it pledges, 300.00 it holds to maturity.
		let kept = sent + 1;
		let (pledged, held) = (kept + 1, kept + 2);
		assert_eq!(
			send(
				&supplier,
				RuntimeCall::Receivables(pallet_receivables::Call::split {
					note: kept,
					amounts: vec![400 * YUAN, 300 * YUAN].try_into().unwrap(),
				})
			),
			Ok(Ok(()))
		);
		assert_eq!(
			send(
				&supplier,
				RuntimeCall::Financing(pallet_financing::Call::finance {
					note: pledged,
					program: 0,
					kind: pallet_financing::FinancingKind::Pledge,
				})
			),
			Ok(Ok(()))
		);
		let lent = cny(&supplier);
		assert!(lent > 0, "the loan reached the supplier");
		assert_eq!(fee_skipped(), before + 4, "four transactions, no fee");
		assert_eq!(Balances::balance(&supplier), 0);

		// At maturity the core has paid: the note it held is paid — asked for by the supplier
		// itself, free.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(bob), 0));
		pallet_timestamp::Now::<Runtime>::put(maturity);
		assert_eq!(
			send(
				&supplier,
				RuntimeCall::Receivables(pallet_receivables::Call::redeem { note: held })
			),
			Ok(Ok(()))
		);
		assert_eq!(cny(&supplier), lent + 300 * YUAN, "the supplier was paid its note");
		assert_eq!(fee_skipped(), before + 5);
		assert_eq!(Balances::balance(&supplier), 0);
		check_invariants();
	});
}

#[test]
fn strangers_pay_and_free_calls_are_bounded_per_block() {
	ext_from_preset("development").execute_with(|| {
		// An account that is no enterprise and holds nothing cannot send a ledger call.
		let stranger = AccountId::from([9u8; 32]);
		assert_eq!(
			send(&stranger, RuntimeCall::Receivables(pallet_receivables::Call::accept { note: 0 })),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);

		// A registered supplier with no native token: its feeless calls this block run out.
		let supplier = newcomer();
		let quota = <Runtime as pallet_enterprises::Config>::FeelessPerBlock::get();
		let call = || RuntimeCall::Receivables(pallet_receivables::Call::redeem { note: 999_999 });
		for _ in 0..quota {
			// Free, though it fails (no such note): failing calls count too.
			assert!(matches!(send(&supplier, call()), Ok(Err(_))));
		}
		assert_eq!(Enterprises::feeless_used(&supplier), quota);
		assert_eq!(
			send(&supplier, call()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)),
			"past its quota it must pay, and it holds nothing"
		);
		// The next block it has its quota again.
		System::set_block_number(System::block_number() + 1);
		assert!(matches!(send(&supplier, call()), Ok(Err(_))));
		assert_eq!(Enterprises::feeless_used(&supplier), 1);

		// Calls of other pallets are never free: a transfer of settlement money pays a fee.
		let bob = demo::core();
		let native = Balances::balance(&bob);
		assert_eq!(
			send(
				&bob,
				RuntimeCall::Assets(pallet_assets::Call::transfer {
					id: CNY.into(),
					target: supplier.clone().into(),
					amount: YUAN,
				})
			),
			Ok(Ok(()))
		);
		assert!(Balances::balance(&bob) < native, "a fee was paid");
	});
}
