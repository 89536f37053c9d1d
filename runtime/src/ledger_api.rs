//! The `ReceivablesApi` answers: each pallet's own queries (`queries.rs` in each), shaped into
//! the API's types here. Nothing here reads another pallet's storage or iterates.

use crate::{AccountId, AssetId, Assets, Balance, Enterprises, Financing, Receivables, Runtime};
use alloc::vec::Vec;
use cascade_primitives::{pricing, LineId, Moment, NoteId, NoteLedger, NoteStanding, ReceivableId};
use frame_support::traits::Time;
use pallet_receivables::{NoteOf, ReceivableOf};
use pallet_receivables_runtime_api::{
	ClaimInfo, Exposure, FinancingInfo, LineInfo, NoteInfo, Outstanding, Page, PageError,
	PageRequest, ProgramInfo, Quote, ReceivableInfo, RequestInfo, MAX_PAGE,
};
use sp_runtime::{DispatchResult, Permill};

type Note = NoteInfo<AccountId, Balance>;
type Line = LineInfo<AccountId, AssetId, Balance>;

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

fn line_info((id, l): (LineId, pallet_enterprises::CreditLineOf<Runtime>)) -> Line {
	LineInfo {
		id,
		financier: l.financier,
		asset: l.asset,
		limit: l.limit,
		used: l.used,
		available: l.limit.saturating_sub(l.used),
		expires_at: l.expires_at,
		revoked: l.revoked,
	}
}

pub fn receivable(id: ReceivableId) -> Option<ReceivableInfo<AccountId, AssetId, Balance>> {
	Receivables::receivable(id).map(|r| receivable_info(id, r))
}

pub fn note(id: NoteId) -> Option<Note> {
	Receivables::note(id).map(|n| note_info((id, n)))
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

/// From the issuer's counters (one entry per asset) and the first page of its credit lines (a
/// core has at most `MaxLinesPerCore` of them, fewer than a page).
pub fn exposure(core: AccountId) -> Exposure<AccountId, AssetId, Balance> {
	let owed = Receivables::owed_by(&core, MAX_PAGE as usize);
	let receivables = owed.iter().fold(0u32, |n, (_, o)| n.saturating_add(o.receivables));
	let credit_lines = Enterprises::lines_of(&core, &PageRequest::first(MAX_PAGE))
		.map(|page| page.items.into_iter().map(line_info).collect())
		.unwrap_or_default();
	Exposure {
		outstanding: owed
			.into_iter()
			.map(|(asset, o)| Outstanding { asset, amount: o.amount })
			.collect(),
		receivables,
		credit_lines,
		complete: Receivables::exposures_complete(),
		core,
	}
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

pub fn claims_of(
	who: AccountId,
	page: PageRequest,
) -> Result<Page<ClaimInfo<AccountId, Balance>>, PageError> {
	Financing::claims_of(&who, &page).map(|p| {
		p.map(|(financing, (c, security))| ClaimInfo {
			financing,
			debtor: c.debtor,
			creditor: c.creditor,
			amount: c.amount,
			security,
		})
	})
}

pub fn financings_of(
	who: AccountId,
	page: PageRequest,
) -> Result<Page<FinancingInfo<AccountId, Balance>>, PageError> {
	Financing::financings_of(&who, &page).map(|p| {
		p.map(|(id, f)| FinancingInfo {
			id,
			kind: f.kind,
			financier: f.financier,
			seller: f.seller,
			note: f.note,
			receivable: f.receivable,
			amount: f.amount,
			disbursed: f.disbursed,
			interest: f.interest,
			annual_rate: f.annual_rate,
			started_at: f.started_at,
			maturity: f.maturity,
			program: f.program,
			status: f.status,
		})
	})
}

pub fn programs_of(
	financier: AccountId,
	page: PageRequest,
) -> Result<Page<ProgramInfo<AccountId, AssetId, Balance>>, PageError> {
	Financing::programs_of(&financier, &page).map(|p| {
		p.map(|(id, p)| ProgramInfo {
			id,
			financier: p.financier,
			core: p.core,
			asset: p.asset,
			annual_rate: p.annual_rate,
			budget: p.budget,
			outstanding: p.outstanding,
			expires_at: p.expires_at,
			closed: p.closed,
		})
	})
}

pub fn requests_of(
	who: AccountId,
	page: PageRequest,
) -> Result<Page<RequestInfo<AccountId>>, PageError> {
	Financing::requests_of(&who, &page).map(|p| {
		p.map(|(id, r)| RequestInfo {
			id,
			holder: r.holder,
			financier: r.financier,
			note: r.note,
			kind: r.kind,
			annual_rate: r.annual_rate,
			created_at: r.created_at,
		})
	})
}

pub fn lines_of(core: AccountId, page: PageRequest) -> Result<Page<Line>, PageError> {
	Enterprises::lines_of(&core, &page).map(|p| p.map(line_info))
}

#[allow(clippy::too_many_arguments)]
pub fn can_issue(
	issuer: AccountId,
	supplier: AccountId,
	asset: AssetId,
	face: Balance,
	maturity: Moment,
	credit_line: LineId,
	invoice_ref: Vec<u8>,
) -> DispatchResult {
	Receivables::can_issue(issuer, supplier, asset, face, maturity, credit_line, invoice_ref)
}
