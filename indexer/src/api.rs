//! The read-only HTTP JSON service (served while the indexer follows; `--listen`, default
//! 127.0.0.1:9955). Lists come in pages: `?limit=` (1–1,000, default 100) and `?cursor=` (the
//! `next` of the page before); amounts are decimal strings of minor units, accounts SS58. The
//! paths are DESIGN §6's; `openapi.yaml` beside this crate describes them.
//!
//! - `GET /health`: `{"finalized", "indexed", "lastCheck"}`; 503 when the last reconciliation
//!   found a difference.
//! - `GET /accounts/{ss58}/notes?status=live|paid&order=asc|desc`: the notes the account holds
//!   (live) or held when they were paid (paid), by id (`desc`: newest first).
//! - `GET /accounts/{ss58}/history`: every change to a note the account was a party to.
//! - `GET /accounts/{ss58}/financings?order=asc|desc`: the account's financings, as financier
//!   and as seller or borrower (closed ones included), by id.
//! - `GET /accounts/{ss58}/payouts`: what was paid out to the account, as holder or as pledgee.
//! - `GET /accounts/{ss58}/ladder?weeks=`: the maturity ladder (see [`crate::ladder`]).
//! - `GET /receivables/{id}/history`: every change to the receivable's notes.
//! - `GET /search?q=`: receivables by invoice reference, enterprises by name (50 of each at most).
//! - `GET /statement/{ss58}?from=&to=&format=json|csv`: the account's statement (see
//!   [`crate::statement`]).
//!
//! A page of another origin (the portal) may read the answers when its origin is one of
//! `--allow-origin` (CORS: `Access-Control-Allow-Origin` on the answer; the service only answers
//! GETs without custom headers, so browsers send no preflight).

use std::net::SocketAddr;

use anyhow::Result;
use axum::{
	extract::{Path, Query, Request, State},
	http::{header, HeaderValue, StatusCode},
	middleware::{self, Next},
	response::{IntoResponse, Response},
	routing::get,
	Json, Router,
};
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::{any::AnyRow, Row};

use crate::{db::Db, follow::SharedProgress};

/// The most items one page holds.
pub const MAX_LIMIT: i64 = 1_000;
const DEFAULT_LIMIT: i64 = 100;

#[derive(Clone)]
struct App {
	db: Db,
	progress: SharedProgress,
}

/// An answer that is an error: a status and a sentence.
struct Refusal(StatusCode, String);

impl IntoResponse for Refusal {
	fn into_response(self) -> Response {
		(self.0, Json(json!({ "error": self.1 }))).into_response()
	}
}

impl From<sqlx::Error> for Refusal {
	fn from(e: sqlx::Error) -> Self {
		Refusal(StatusCode::INTERNAL_SERVER_ERROR, format!("database: {e}"))
	}
}

fn bad(message: impl Into<String>) -> Refusal {
	Refusal(StatusCode::BAD_REQUEST, message.into())
}

#[derive(Deserialize)]
struct PageQuery {
	cursor: Option<String>,
	limit: Option<i64>,
	status: Option<String>,
	order: Option<String>,
}

fn limit_of(q: &PageQuery) -> Result<i64, Refusal> {
	match q.limit.unwrap_or(DEFAULT_LIMIT) {
		n @ 1..=MAX_LIMIT => Ok(n),
		n => Err(bad(format!("limit {n}: give 1 to {MAX_LIMIT}"))),
	}
}

/// Where a list kept by id goes on, from `?order=asc|desc` and `?cursor=` (the last id given):
/// the comparison and order for SQL, and the id to compare with.
struct ById {
	compare: &'static str,
	order: &'static str,
	after: i64,
}

fn by_id(q: &PageQuery) -> Result<ById, Refusal> {
	let (compare, order, first) = match q.order.as_deref().unwrap_or("asc") {
		"asc" => (">", "ASC", -1),
		"desc" => ("<", "DESC", i64::MAX),
		other => return Err(bad(format!("order `{other}`: give asc or desc"))),
	};
	let after = match &q.cursor {
		Some(c) => c.parse::<i64>().map_err(|_| bad(format!("cursor `{c}` is not one of ours")))?,
		None => first,
	};
	Ok(ById { compare, order, after })
}

/// A page of a list kept by id, from `limit + 1` items read: the next cursor is the last id.
fn id_page(mut items: Vec<Value>, limit: i64) -> Json<Value> {
	let more = items.len() as i64 > limit;
	items.truncate(limit as usize);
	let next = more.then(|| items.last().map(|n| n["id"].to_string())).flatten();
	Json(json!({ "items": items, "next": next }))
}

fn account(text: &str) -> Result<String, Refusal> {
	text.parse::<subxt::utils::AccountId32>()
		.map(|a| a.to_string())
		.map_err(|_| bad(format!("`{text}` is not an SS58 account")))
}

/// A history row's position, as the cursor carries it: block, event, note, kind.
fn history_cursor(row: &AnyRow) -> String {
	format!(
		"{}.{}.{}.{}",
		row.get::<i64, _>("block"),
		row.get::<i64, _>("idx"),
		row.get::<i64, _>("note"),
		row.get::<String, _>("kind")
	)
}

fn parse_history_cursor(cursor: &str) -> Result<(i64, i64, i64, String), Refusal> {
	let parts: Vec<&str> = cursor.splitn(4, '.').collect();
	let number = |s: &str| {
		s.parse::<i64>().map_err(|_| bad(format!("cursor `{cursor}` is not one of ours")))
	};
	match parts.as_slice() {
		[b, i, n, k] => Ok((number(b)?, number(i)?, number(n)?, k.to_string())),
		_ => Err(bad(format!("cursor `{cursor}` is not one of ours"))),
	}
}

fn history_json(row: &AnyRow) -> Value {
	json!({
		"note": row.get::<i64, _>("note"),
		"receivable": row.get::<i64, _>("receivable"),
		"block": row.get::<i64, _>("block"),
		"time": row.get::<i64, _>("time_ms"),
		"event": row.get::<i64, _>("idx"),
		"kind": row.get::<String, _>("kind"),
		"account": row.get::<Option<String>, _>("account"),
		"counterparty": row.get::<Option<String>, _>("counterparty"),
		"amount": row.get::<Option<String>, _>("amount"),
	})
}

fn note_json(row: &AnyRow) -> Value {
	json!({
		"id": row.get::<i64, _>("id"),
		"receivable": row.get::<i64, _>("receivable"),
		"parent": row.get::<Option<i64>, _>("parent"),
		"holder": row.get::<String, _>("holder"),
		"amount": row.get::<String, _>("amount"),
		"paid": row.get::<String, _>("paid"),
		"state": row.get::<String, _>("state"),
		"offeredTo": row.get::<Option<String>, _>("offered_to"),
		"financing": row.get::<Option<i64>, _>("financing"),
		"maturity": row.get::<i64, _>("maturity"),
		"issuer": row.get::<String, _>("issuer"),
		"invoiceRef": row.get::<String, _>("invoice_ref"),
		"updatedBlock": row.get::<i64, _>("updated_block"),
	})
}

async fn health(State(app): State<App>) -> Response {
	let progress = app.progress.lock().map(|p| p.clone()).unwrap_or_default();
	let ok = progress.last_check.as_ref().is_none_or(|c| c.ok());
	let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
	(
		status,
		Json(json!({
			"ok": ok,
			"finalized": progress.finalized,
			"indexed": progress.indexed,
			"rowsWritten": progress.rows_written,
			"checks": progress.checks,
			"checksDiffering": progress.checks_differing,
			"lastCheck": progress.last_check,
		})),
	)
		.into_response()
}

async fn notes_of(
	State(app): State<App>,
	Path(who): Path<String>,
	Query(q): Query<PageQuery>,
) -> Result<Json<Value>, Refusal> {
	let who = account(&who)?;
	let limit = limit_of(&q)?;
	let states = match q.status.as_deref().unwrap_or("live") {
		"live" => "('pending', 'active', 'pledged', 'frozen')",
		"paid" => "('redeemed')",
		other => return Err(bad(format!("status `{other}`: give live or paid"))),
	};
	let ById { compare, order, after } = by_id(&q)?;
	let rows = sqlx::query(&format!(
		"SELECT n.id, n.receivable, n.parent, n.holder, n.amount, n.paid, n.state, n.offered_to, \
		 n.financing, n.updated_block, r.maturity, r.issuer, r.invoice_ref \
		 FROM notes n JOIN receivables r ON r.id = n.receivable \
		 WHERE n.holder = $1 AND n.state IN {states} AND n.id {compare} $2 ORDER BY n.id {order} LIMIT $3"
	))
	.bind(&who)
	.bind(after)
	.bind(limit + 1)
	.fetch_all(app.db.pool())
	.await?;
	Ok(id_page(rows.iter().map(note_json).collect(), limit))
}

/// Whose history a page lists.
enum Whose {
	Account(String),
	Receivable(i64),
}

async fn history_page(app: &App, whose: Whose, q: &PageQuery) -> Result<Json<Value>, Refusal> {
	let filter = match whose {
		Whose::Account(_) => "h.account = $1 OR h.counterparty = $1",
		Whose::Receivable(_) => "h.receivable = $1",
	};
	let limit = limit_of(q)?;
	let (block, idx, note, kind) = match &q.cursor {
		Some(c) => parse_history_cursor(c)?,
		None => (-1, -1, -1, String::new()),
	};
	let sql = format!(
		"SELECT h.note, h.receivable, h.block, h.idx, h.kind, h.account, h.counterparty, h.amount, \
		 b.time_ms FROM note_history h JOIN blocks b ON b.number = h.block \
		 WHERE ({filter}) AND (h.block > $2 OR (h.block = $2 AND (h.idx > $3 OR (h.idx = $3 AND \
		 (h.note > $4 OR (h.note = $4 AND h.kind > $5)))))) \
		 ORDER BY h.block, h.idx, h.note, h.kind LIMIT $6"
	);
	let query = sqlx::query(&sql);
	let query = match whose {
		Whose::Account(who) => query.bind(who),
		Whose::Receivable(id) => query.bind(id),
	};
	let rows = query
		.bind(block)
		.bind(idx)
		.bind(note)
		.bind(kind)
		.bind(limit + 1)
		.fetch_all(app.db.pool())
		.await?;
	let more = rows.len() as i64 > limit;
	let page: Vec<&AnyRow> = rows.iter().take(limit as usize).collect();
	let next = if more { page.last().map(|r| history_cursor(r)) } else { None };
	Ok(Json(
		json!({ "items": page.iter().map(|r| history_json(r)).collect::<Vec<_>>(), "next": next }),
	))
}

async fn account_history(
	State(app): State<App>,
	Path(who): Path<String>,
	Query(q): Query<PageQuery>,
) -> Result<Json<Value>, Refusal> {
	let who = account(&who)?;
	history_page(&app, Whose::Account(who), &q).await
}

async fn receivable_history(
	State(app): State<App>,
	Path(id): Path<String>,
	Query(q): Query<PageQuery>,
) -> Result<Json<Value>, Refusal> {
	let id: i64 = id.parse().map_err(|_| bad(format!("`{id}` is not a receivable id")))?;
	history_page(&app, Whose::Receivable(id), &q).await
}

#[derive(Deserialize)]
struct StatementQuery {
	from: Option<i64>,
	to: Option<i64>,
	format: Option<String>,
}

async fn statement_of(
	State(app): State<App>,
	Path(who): Path<String>,
	Query(q): Query<StatementQuery>,
) -> Result<Response, Refusal> {
	let who = account(&who)?;
	let (from, to) = (q.from.unwrap_or(0), q.to.unwrap_or(i64::MAX));
	if from < 0 || to <= from {
		return Err(bad(format!("from {from}, to {to}: give 0 <= from < to (ms)")));
	}
	let s = crate::statement::statement(&app.db, &who, from, to)
		.await
		.map_err(|e| Refusal(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")))?;
	match q.format.as_deref().unwrap_or("json") {
		"json" => Ok(Json(s).into_response()),
		"csv" => Ok((
			[
				(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
				(
					axum::http::header::CONTENT_DISPOSITION,
					format!("attachment; filename=\"statement-{who}-{from}-{to}.csv\""),
				),
			],
			crate::statement::to_csv(&s),
		)
			.into_response()),
		other => Err(bad(format!("format `{other}`: give json or csv"))),
	}
}

#[derive(Deserialize)]
struct SearchQuery {
	q: String,
}

async fn search(
	State(app): State<App>,
	Query(s): Query<SearchQuery>,
) -> Result<Json<Value>, Refusal> {
	let text = s.q.trim();
	if text.is_empty() || text.len() > 128 {
		return Err(bad("q: give 1 to 128 characters"));
	}
	let pattern =
		format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
	let receivables = sqlx::query(
		"SELECT id, issuer, supplier, face, maturity, invoice_ref, status FROM receivables \
		 WHERE invoice_ref LIKE $1 ESCAPE '\\' ORDER BY id LIMIT 50",
	)
	.bind(&pattern)
	.fetch_all(app.db.pool())
	.await?;
	let enterprises = sqlx::query(
		"SELECT account, name, core, supplier, financier, suspended FROM enterprises \
		 WHERE name LIKE $1 ESCAPE '\\' ORDER BY name LIMIT 50",
	)
	.bind(&pattern)
	.fetch_all(app.db.pool())
	.await?;
	Ok(Json(json!({
		"receivables": receivables.iter().map(|r| json!({
			"id": r.get::<i64, _>(0),
			"issuer": r.get::<String, _>(1),
			"supplier": r.get::<String, _>(2),
			"face": r.get::<String, _>(3),
			"maturity": r.get::<i64, _>(4),
			"invoiceRef": r.get::<String, _>(5),
			"status": r.get::<String, _>(6),
		})).collect::<Vec<_>>(),
		"enterprises": enterprises.iter().map(|e| json!({
			"account": e.get::<String, _>(0),
			"name": e.get::<String, _>(1),
			"roles": { "core": e.get::<i64, _>(2) == 1, "supplier": e.get::<i64, _>(3) == 1, "financier": e.get::<i64, _>(4) == 1 },
			"suspended": e.get::<i64, _>(5) == 1,
		})).collect::<Vec<_>>(),
	})))
}

async fn financings_of(
	State(app): State<App>,
	Path(who): Path<String>,
	Query(q): Query<PageQuery>,
) -> Result<Json<Value>, Refusal> {
	let who = account(&who)?;
	let limit = limit_of(&q)?;
	let ById { compare, order, after } = by_id(&q)?;
	let rows = sqlx::query(&format!(
		"SELECT f.id, f.kind, f.recourse, f.financier, f.seller, f.obligor, f.note, f.receivable, \
		 f.asset, f.amount, f.price, f.interest, f.annual_rate, f.maturity, f.program, f.status, \
		 f.repaid, f.financed_block, b.time_ms FROM financings f JOIN blocks b ON b.number = f.financed_block \
		 WHERE (f.financier = $1 OR f.seller = $1) AND f.id {compare} $2 ORDER BY f.id {order} LIMIT $3"
	))
	.bind(&who)
	.bind(after)
	.bind(limit + 1)
	.fetch_all(app.db.pool())
	.await?;
	let items = rows
		.iter()
		.map(|r| {
			json!({
				"id": r.get::<i64, _>(0),
				"kind": r.get::<String, _>(1),
				"recourse": r.get::<i64, _>(2) == 1,
				"financier": r.get::<String, _>(3),
				"seller": r.get::<String, _>(4),
				"obligor": r.get::<String, _>(5),
				"note": r.get::<i64, _>(6),
				"receivable": r.get::<i64, _>(7),
				"asset": r.get::<i64, _>(8).to_string(),
				"amount": r.get::<String, _>(9),
				"price": r.get::<String, _>(10),
				"interest": r.get::<String, _>(11),
				"annualRate": r.get::<i64, _>(12),
				"maturity": r.get::<i64, _>(13),
				"program": r.get::<Option<i64>, _>(14),
				"status": r.get::<String, _>(15),
				"repaid": r.get::<String, _>(16),
				"block": r.get::<i64, _>(17),
				"time": r.get::<i64, _>(18),
			})
		})
		.collect();
	Ok(id_page(items, limit))
}

async fn payouts_of(
	State(app): State<App>,
	Path(who): Path<String>,
	Query(q): Query<PageQuery>,
) -> Result<Json<Value>, Refusal> {
	let who = account(&who)?;
	let limit = limit_of(&q)?;
	let (block, idx) = match &q.cursor {
		Some(c) => match c.split_once('.').map(|(b, i)| (b.parse::<i64>(), i.parse::<i64>())) {
			Some((Ok(b), Ok(i))) => (b, i),
			_ => return Err(bad(format!("cursor `{c}` is not one of ours"))),
		},
		None => (-1, -1),
	};
	let rows = sqlx::query(
		"SELECT p.block, p.idx, p.note, p.receivable, p.holder, p.amount, p.pledgee, p.to_pledgee, \
		 p.final, b.time_ms, p.seller, p.to_seller FROM payouts p JOIN blocks b ON b.number = p.block \
		 WHERE (p.holder = $1 OR p.pledgee = $1 OR p.seller = $1) \
		 AND (p.block > $2 OR (p.block = $2 AND p.idx > $3)) \
		 ORDER BY p.block, p.idx LIMIT $4",
	)
	.bind(&who)
	.bind(block)
	.bind(idx)
	.bind(limit + 1)
	.fetch_all(app.db.pool())
	.await?;
	let more = rows.len() as i64 > limit;
	let page: Vec<&AnyRow> = rows.iter().take(limit as usize).collect();
	let next = more
		.then(|| page.last().map(|r| format!("{}.{}", r.get::<i64, _>(0), r.get::<i64, _>(1))))
		.flatten();
	let items: Vec<Value> = page
		.iter()
		.map(|r| {
			json!({
				"block": r.get::<i64, _>(0),
				"event": r.get::<i64, _>(1),
				"note": r.get::<i64, _>(2),
				"receivable": r.get::<i64, _>(3),
				"holder": r.get::<String, _>(4),
				"amount": r.get::<String, _>(5),
				"pledgee": r.get::<Option<String>, _>(6),
				"toPledgee": r.get::<String, _>(7),
				"final": r.get::<i64, _>(8) == 1,
				"time": r.get::<i64, _>(9),
				"seller": r.get::<Option<String>, _>(10),
				"toSeller": r.get::<String, _>(11),
			})
		})
		.collect();
	Ok(Json(json!({ "items": items, "next": next })))
}

#[derive(Deserialize)]
struct LadderQuery {
	weeks: Option<usize>,
}

async fn ladder_of(
	State(app): State<App>,
	Path(who): Path<String>,
	Query(q): Query<LadderQuery>,
) -> Result<Json<crate::ladder::Ladder>, Refusal> {
	let who = account(&who)?;
	let weeks = match q.weeks.unwrap_or(12) {
		n @ 1..=104 => n,
		n => return Err(bad(format!("weeks {n}: give 1 to 104"))),
	};
	crate::ladder::ladder(&app.db, &who, weeks)
		.await
		.map(Json)
		.map_err(|e| Refusal(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")))
}

/// Lets a page of an allowed origin read the answer.
async fn allow_origins(
	State(allowed): State<Vec<String>>,
	request: Request,
	next: Next,
) -> Response {
	let origin = request.headers().get(header::ORIGIN).cloned();
	let mut response = next.run(request).await;
	if let Some(origin) = origin {
		let listed = origin.to_str().is_ok_and(|o| allowed.iter().any(|a| a == "*" || a == o));
		if listed {
			let headers = response.headers_mut();
			headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			headers.insert(
				header::ACCESS_CONTROL_EXPOSE_HEADERS,
				HeaderValue::from_static("content-disposition"),
			);
			headers.append(header::VARY, HeaderValue::from_static("origin"));
		}
	}
	response
}

/// The service's routes; pages of `allowed` origins (`*`: any) may read the answers.
pub fn router(db: Db, progress: SharedProgress, allowed: Vec<String>) -> Router {
	Router::new()
		.route("/health", get(health))
		.route("/accounts/{who}/notes", get(notes_of))
		.route("/accounts/{who}/financings", get(financings_of))
		.route("/accounts/{who}/payouts", get(payouts_of))
		.route("/accounts/{who}/ladder", get(ladder_of))
		.route("/accounts/{who}/history", get(account_history))
		.route("/receivables/{id}/history", get(receivable_history))
		.route("/search", get(search))
		.route("/statement/{who}", get(statement_of))
		.with_state(App { db, progress })
		.layer(middleware::from_fn_with_state(allowed, allow_origins))
}

/// Serves the API on `listener` until the process ends.
pub async fn serve(
	listener: tokio::net::TcpListener,
	db: Db,
	progress: SharedProgress,
	allowed: Vec<String>,
) -> Result<()> {
	axum::serve(listener, router(db, progress, allowed)).await?;
	Ok(())
}

/// Binds `addr` for [`serve`].
pub async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener> {
	tokio::net::TcpListener::bind(addr)
		.await
		.map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))
}
