//! The `ReceivablesApi` answers, composed from the Receivables and Enterprises pallets.

use crate::{AccountId, AssetId, Assets, Balance, Receivables, Runtime};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use cascade_primitives::{pricing, NoteId, NoteLedger, NoteStanding, ReceivableId};
use frame_support::traits::Time;
use pallet_receivables::{NoteOf, ReceivableOf};
use pallet_receivables_runtime_api::{
	ClaimInfo, Exposure, LineInfo, NoteInfo, Page, PageError, PageRequest, Quote, ReceivableInfo,
};
use sp_runtime::Permill;

type Note = NoteInfo<AccountId, Balance>;

fn note_info((id, n): (NoteId, NoteOf<Runtime>)) -> Note {
	NoteInfo {
		id,
		receivable: n.receivable,
		parent: n.parent,
		depth: n.depth,
		holder: n.holder,
		amount: n.amount,
		paid: n.paid,
		state: n.state,
	}
}

fn receivable_info(
	id: ReceivableId,
	r: ReceivableOf<Runtime>,
) -> ReceivableInfo<AccountId, AssetId, Balance> {
	let escrow = Receivables::escrow_account(id);
	let escrow_balance = Assets::balance(r.asset, &escrow);
	let clearing = Receivables::is_clearing(id, r.maturity);
	let outstanding = r.outstanding();
	ReceivableInfo {
		id,
		issuer: r.issuer,
		asset: r.asset,
		face: r.face,
		issued_at: r.issued_at,
		maturity: r.maturity,
		credit_line: r.credit_line,
		doc_hash: r.doc_hash,
		invoice_ref: r.invoice_ref.into_inner(),
		status: r.status,
		repaid: r.repaid,
		outstanding,
		paid_out: r.paid_out,
		root: r.root,
		live_notes: r.live_notes,
		clearing,
		escrow,
		escrow_balance,
	}
}

pub fn receivable(id: ReceivableId) -> Option<ReceivableInfo<AccountId, AssetId, Balance>> {
	pallet_receivables::Receivables::<Runtime>::get(id).map(|r| receivable_info(id, r))
}

pub fn note(id: NoteId) -> Option<Note> {
	pallet_receivables::Notes::<Runtime>::get(id).map(|n| note_info((id, n)))
}

pub fn notes_of(who: AccountId, page: PageRequest) -> Result<Page<Note>, PageError> {
	Receivables::notes_of(&who, &page).map(|p| p.map(note_info))
}

pub fn lineage(id: NoteId) -> Vec<Note> {
	Receivables::lineage(id).into_iter().map(note_info).collect()
}

pub fn tree(id: ReceivableId, page: PageRequest) -> Result<Page<Note>, PageError> {
	Receivables::tree(id, &page).map(|p| p.map(note_info))
}

pub fn exposure(core: AccountId) -> Exposure<AccountId, AssetId, Balance> {
	let mut per_asset: BTreeMap<AssetId, Balance> = BTreeMap::new();
	let outstanding = Receivables::outstanding_of(&core);
	let receivables = outstanding.len() as u32;
	for (_, r) in outstanding {
		let sum = per_asset.entry(r.asset).or_default();
		*sum = sum.saturating_add(r.outstanding());
	}
	let mut ids: Vec<u64> =
		pallet_enterprises::LinesByCore::<Runtime>::iter_key_prefix(&core).collect();
	ids.sort_unstable();
	let lines = ids
		.into_iter()
		.filter_map(|id| {
			pallet_enterprises::CreditLines::<Runtime>::get(id).map(|l| LineInfo {
				id,
				financier: l.financier,
				asset: l.asset,
				limit: l.limit,
				used: l.used,
				expires_at: l.expires_at,
				revoked: l.revoked,
			})
		})
		.collect();
	Exposure { outstanding: per_asset.into_iter().collect(), receivables, lines }
}

pub fn quote(id: NoteId, annual_rate: Permill) -> Option<Quote<AccountId, AssetId, Balance>> {
	let view = <Receivables as NoteLedger<AccountId, AssetId, Balance>>::note(id)?;
	let now = <pallet_timestamp::Pallet<Runtime> as Time>::now();
	let days = pricing::days_to_maturity(now, view.maturity);
	let (interest, disbursed) = pricing::discount(view.amount, annual_rate, now, view.maturity)?;
	Some(Quote {
		note: id,
		obligor: view.obligor,
		asset: view.asset,
		amount: view.amount,
		annual_rate,
		now,
		maturity: view.maturity,
		days,
		interest,
		disbursed,
		financeable: view.standing == NoteStanding::Active && view.financeable && days > 0,
	})
}

pub fn claims_of(who: AccountId) -> Vec<ClaimInfo<AccountId, Balance>> {
	let mut claims: Vec<ClaimInfo<AccountId, Balance>> =
		pallet_financing::Claims::<Runtime>::iter()
			.filter(|(_, c)| c.debtor == who || c.creditor == who)
			.map(|(financing, c)| ClaimInfo {
				financing,
				debtor: c.debtor,
				creditor: c.creditor,
				amount: c.amount,
			})
			.collect();
	claims.sort_by_key(|c| c.financing);
	claims
}
