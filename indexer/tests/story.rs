//! The indexer against a dev node: a scripted story (issue, accept, split-transfer, factoring, a
//! pledge, repayment, clearing at maturity; then a freeze and unfreeze by the Operator, a part
//! payment cleared pro rata, a receivable overdue and recourse exercised, the rest repaid)
//! indexed on SQLite and PostgreSQL, every table checked against the chain; `kill -9` mid-run,
//! then a restart: no block missing, none twice; a runtime upgrade by vote mid-run.

#[path = "../../client/tests/common/node.rs"]
mod node;
#[path = "../../client/tests/common/upgrade_vote.rs"]
mod upgrade_vote;

use std::{
	path::{Path, PathBuf},
	process::{Command, Stdio},
	time::{Duration, Instant},
};

use anyhow::Result;
use cascade_client::{
	chain::{parse_account, AccountId, Chain, H256},
	commands::{Context, KeyOptions},
	interface::cascade::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, cascade_runtime::RuntimeCall,
			pallet_financing::types::FinancingKind,
			pallet_receivables::pallet::Call as ReceivablesCall,
		},
	},
	ledger::account_of,
	output::Output,
};
use cascade_indexer::{
	api,
	check::{check, check_changed},
	db::Db,
	follow::{follow, SharedProgress},
};
use sqlx::Row;

const YUAN: u128 = 100;
const MINUTE: u64 = 60_000;

fn node_binary() -> PathBuf {
	std::env::var_os("CASCADE_NODE").map(PathBuf::from).unwrap_or_else(|| {
		Path::new(env!("CARGO_BIN_EXE_cascade-indexer")).with_file_name("cascade-node")
	})
}

fn account(suri: &str) -> AccountId {
	parse_account(suri).expect("a dev key")
}

async fn as_key(url: &str, suri: &str) -> Result<Context> {
	Context::connect(
		url,
		KeyOptions { suri: Some(suri.into()), ..Default::default() },
		Output { json: true },
	)
	.await
}

/// The chain's time at its best block (ms).
async fn chain_time(chain: &Chain) -> Result<u64> {
	let at = chain.at_best().await?;
	Ok(at.storage().fetch(cascade::storage().timestamp().now(), ()).await?.decode()?)
}

/// Bob issues `face` CNY (credit line 0) to Charlie: the receivable and its root note.
async fn issue_to_charlie(
	bob: &Context,
	face: u128,
	maturity: u64,
	doc: u8,
	invoice: &str,
) -> Result<(u64, u64)> {
	let issue = cascade::tx().receivables().issue(
		account("//Charlie"),
		1,
		face,
		maturity,
		0,
		H256::repeat_byte(doc),
		BoundedVec(invoice.as_bytes().to_vec()),
	);
	Ok(bob.send_one(issue, false).await?.issued().expect("Issued"))
}

/// Bob issues 1,000,000.00 CNY to Charlie maturing in 12 minutes of chain time; Charlie accepts
/// and passes 400,000.00 to Dave, who accepts and factors it with program 0; Charlie pledges
/// the rest with program 0; Bob repays; the chain pays every holder after maturity. Returns the
/// receivable.
async fn story(url: &str) -> Result<u64> {
	let bob = as_key(url, "//Bob").await?;
	let charlie = as_key(url, "//Charlie").await?;
	let dave = as_key(url, "//Dave").await?;
	// The genesis block has no time: wait for the first blocks.
	let started = Instant::now();
	let mut now = chain_time(&bob.chain).await?;
	while now < 1_000_000_000_000 {
		assert!(started.elapsed() < Duration::from_secs(60), "the chain's clock does not start");
		tokio::time::sleep(Duration::from_millis(300)).await;
		now = chain_time(&bob.chain).await?;
	}
	let maturity = now + 12 * MINUTE;
	let (receivable, root) =
		issue_to_charlie(&bob, 1_000_000 * YUAN, maturity, 9, "INDEXER-STORY-1").await?;
	charlie.send_one(cascade::tx().receivables().accept(root), false).await?;
	let split = cascade::tx().receivables().split_transfer(root, account("//Dave"), 400_000 * YUAN);
	let inclusion = charlie.send_one(split, false).await?;
	let moved = inclusion
		.events
		.find::<cascade::receivables::events::SplitTransferred>()
		.expect("SplitTransferred");
	dave.send_one(cascade::tx().receivables().accept(moved.sent), false).await?;
	let factoring = FinancingKind::Factoring { recourse: false };
	dave.send_one(cascade::tx().financing().finance(moved.sent, 0, factoring), false).await?;
	charlie
		.send_one(cascade::tx().financing().finance(moved.kept, 0, FinancingKind::Pledge), false)
		.await?;
	bob.send_one(cascade::tx().receivables().repay(receivable), false).await?;
	// The chain pays every note by itself after maturity (chain time runs 6 s a block here).
	let started = Instant::now();
	loop {
		let r = bob.chain.receivable(receivable).await?;
		if serde_json::to_value(&r.status)? == "settled" {
			break;
		}
		assert!(
			started.elapsed() < Duration::from_secs(180),
			"receivable {receivable} not settled"
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Ok(receivable)
}

/// A motion of the dev council (Alice, its one member): `call` with the Operator's origin,
/// carried at once.
async fn as_operator(alice: &Context, call: RuntimeCall) -> Result<()> {
	alice.send_one(cascade::tx().council().propose(1, call, 1_000).unvalidated(), false).await?;
	Ok(())
}

/// Waits until `done` says the receivable is where the story wants it (at most `secs` seconds).
async fn wait_for(
	chain: &Chain,
	receivable: u64,
	secs: u64,
	what: &str,
	done: impl Fn(&cascade_client::ledger::Receivable, u64) -> bool,
) -> Result<()> {
	let started = Instant::now();
	loop {
		let r = chain.receivable(receivable).await?;
		if done(&r, chain_time(chain).await?) {
			return Ok(());
		}
		assert!(started.elapsed() < Duration::from_secs(secs), "receivable {receivable}: {what}");
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
}

/// The rest of the story, on a second receivable: Bob issues 100,000.00 to Charlie, who passes
/// 20,000.00 to Dave; the Operator freezes Dave's note and unfreezes it; Charlie factors the rest
/// with recourse (program 0, Ferdie); Bob pays 30,000.00 early (部分兑付), which the chain pays
/// out pro rata at maturity; the grace period passes, the receivable is marked overdue and Ferdie
/// exercises recourse (Charlie pays him back, the note returns to Charlie); Bob repays the rest
/// and the chain pays it out. Returns the receivable.
async fn story_two(url: &str) -> Result<u64> {
	let alice = as_key(url, "//Alice").await?;
	let bob = as_key(url, "//Bob").await?;
	let charlie = as_key(url, "//Charlie").await?;
	let dave = as_key(url, "//Dave").await?;
	let ferdie = as_key(url, "//Ferdie").await?;
	// A one-minute grace period (chain time), so the receivable goes overdue within the test.
	let params = bob
		.chain
		.at_best()
		.await?
		.storage()
		.fetch(cascade::storage().receivables().params(), ())
		.await?
		.decode()?;
	let set = |grace_period| {
		RuntimeCall::Receivables(ReceivablesCall::set_parameters {
			max_tenor: params.max_tenor,
			grace_period,
			min_note_amount: params.min_note_amount,
		})
	};
	as_operator(&alice, set(MINUTE)).await?;
	let maturity = chain_time(&bob.chain).await? + 3 * MINUTE;
	let (receivable, root) =
		issue_to_charlie(&bob, 100_000 * YUAN, maturity, 10, "INDEXER-STORY-2").await?;
	charlie.send_one(cascade::tx().receivables().accept(root), false).await?;
	let split = cascade::tx().receivables().split_transfer(root, account("//Dave"), 20_000 * YUAN);
	let moved = charlie
		.send_one(split, false)
		.await?
		.events
		.find::<cascade::receivables::events::SplitTransferred>()
		.expect("SplitTransferred");
	dave.send_one(cascade::tx().receivables().accept(moved.sent), false).await?;
	as_operator(&alice, RuntimeCall::Receivables(ReceivablesCall::freeze { note: moved.sent }))
		.await?;
	as_operator(&alice, RuntimeCall::Receivables(ReceivablesCall::unfreeze { note: moved.sent }))
		.await?;
	let factoring = FinancingKind::Factoring { recourse: true };
	let financed = charlie
		.send_one(cascade::tx().financing().finance(moved.kept, 0, factoring), false)
		.await?
		.events
		.find::<cascade::financing::events::Financed>()
		.expect("Financed");
	bob.send_one(cascade::tx().receivables().repay_part(receivable, 30_000 * YUAN), false).await?;
	// Maturity: the chain pays the 30,000.00 out pro rata; then the grace period passes.
	wait_for(&bob.chain, receivable, 120, "part paid out after grace", |r, now| {
		r.paid_out.0 == 30_000 * YUAN && now >= maturity + MINUTE
	})
	.await?;
	dave.send_one(cascade::tx().receivables().mark_overdue(receivable), false).await?;
	ferdie.send_one(cascade::tx().financing().exercise_recourse(financed.financing), false).await?;
	bob.send_one(cascade::tx().receivables().repay(receivable), false).await?;
	wait_for(&bob.chain, receivable, 120, "settled", |r, _| {
		serde_json::to_value(&r.status).is_ok_and(|s| s == "settled")
	})
	.await?;
	as_operator(&alice, set(params.grace_period)).await?;
	Ok(receivable)
}

/// Indexes up to the node's finalized head.
async fn index_to_head(chain: &Chain, db: &Db) -> Result<u32> {
	let head = chain.head(true).await?.number;
	follow(chain, db, Some(head), 0, SharedProgress::default(), |_| {}).await?;
	Ok(head)
}

/// The databases a test runs on: a SQLite file in `dir`, and a fresh PostgreSQL database when
/// CASCADE_TEST_POSTGRES names a server (`./scripts/test.sh` starts one: scripts/dev/postgres.sh).
async fn databases(dir: &Path, name: &str) -> Result<Vec<String>> {
	let mut out = vec![dir.join(format!("{name}.db")).display().to_string()];
	match std::env::var("CASCADE_TEST_POSTGRES") {
		Ok(url) => {
			use sqlx::Connection;
			sqlx::any::install_default_drivers();
			let mut conn = sqlx::AnyConnection::connect(&url).await?;
			let db = format!("{name}_{}", std::process::id());
			sqlx::query(&format!("DROP DATABASE IF EXISTS {db}")).execute(&mut conn).await?;
			sqlx::query(&format!("CREATE DATABASE {db}")).execute(&mut conn).await?;
			let (server, _) = url.rsplit_once('/').expect("a postgres:// URL with a database");
			out.push(format!("{server}/{db}"));
		}
		Err(_) => eprintln!(
			"CASCADE_TEST_POSTGRES is not set: SQLite only (./scripts/test.sh tests PostgreSQL too)"
		),
	}
	Ok(out)
}

fn as_u128(row: &sqlx::any::AnyRow, column: &str) -> u128 {
	row.get::<String, _>(column).parse().expect("an amount")
}

/// Every table the story wrote agrees with the chain at the last indexed block.
/// The receivable's notes in the database are the chain's tree (each note's holder, amount, paid
/// and state), the receivable is settled with the chain's repayments and payouts, and its payouts
/// add up to `paid_out`. Returns the tree.
async fn tree_and_payouts_agree(
	chain: &Chain,
	db: &Db,
	receivable: u64,
	invoice: &str,
) -> Result<Vec<cascade_client::ledger::Note>> {
	let pool = db.pool();
	// The receivable's notes: each as the chain shows it (settled: nothing changes any more).
	let tree = chain.tree(receivable).await?;
	for note in &tree {
		let row = sqlx::query("SELECT holder, amount, paid, state FROM notes WHERE id = $1")
			.bind(note.id as i64)
			.fetch_one(pool)
			.await?;
		assert_eq!(
			row.get::<String, _>(0),
			account_of(&note.holder).to_string(),
			"note {}",
			note.id
		);
		assert_eq!(as_u128(&row, "amount"), note.amount.0, "note {}", note.id);
		assert_eq!(as_u128(&row, "paid"), note.paid.0, "note {}", note.id);
		assert_eq!(row.get::<String, _>(3), note.state.name(), "note {}", note.id);
	}
	let count = sqlx::query("SELECT COUNT(*) FROM notes WHERE receivable = $1")
		.bind(receivable as i64)
		.fetch_one(pool)
		.await?
		.get::<i64, _>(0);
	assert_eq!(count as usize, tree.len(), "no note the chain does not have");

	// The receivable, and what its payouts add up to.
	let r = chain.receivable(receivable).await?;
	let row =
		sqlx::query("SELECT status, repaid, paid_out, invoice_ref FROM receivables WHERE id = $1")
			.bind(receivable as i64)
			.fetch_one(pool)
			.await?;
	assert_eq!(row.get::<String, _>(0), "settled");
	assert_eq!(as_u128(&row, "repaid"), r.repaid.0);
	assert_eq!(as_u128(&row, "paid_out"), r.paid_out.0);
	assert_eq!(row.get::<String, _>(3), invoice);
	let payouts = sqlx::query("SELECT amount, to_pledgee FROM payouts WHERE receivable = $1")
		.bind(receivable as i64)
		.fetch_all(pool)
		.await?;
	let total: u128 = payouts.iter().map(|p| as_u128(p, "amount") + as_u128(p, "to_pledgee")).sum();
	assert_eq!(total, r.paid_out.0, "Σ payouts = paid_out");

	Ok(tree)
}

/// The second story's rows: Dave's note frozen and unfrozen, paid in part then in full;
/// Charlie's factored note moved to Ferdie, paid in part to him, moved back by recourse, paid in
/// full to Charlie; the financing settled by recourse; the overdue mark and the part repayment
/// among the events.
async fn the_second_story_is_in_the_tables(chain: &Chain, db: &Db, receivable: u64) -> Result<()> {
	let pool = db.pool();
	let tree = tree_and_payouts_agree(chain, db, receivable, "INDEXER-STORY-2").await?;
	let kinds_of = |amount: u128| {
		let note = tree
			.iter()
			.find(|n| n.parent.is_some() && n.amount.0 == amount)
			.map(|n| n.id)
			.expect("the note");
		async move {
			Ok::<_, anyhow::Error>(
				sqlx::query(
					"SELECT kind FROM note_history WHERE note = $1 ORDER BY block, idx, kind",
				)
				.bind(note as i64)
				.fetch_all(pool)
				.await?
				.iter()
				.map(|r| r.get::<String, _>(0))
				.collect::<Vec<_>>(),
			)
		}
	};
	assert_eq!(
		kinds_of(20_000 * YUAN).await?,
		["transferred", "accepted", "frozen", "unfrozen", "part_paid", "redeemed"],
		"Dave's note"
	);
	assert_eq!(
		kinds_of(80_000 * YUAN).await?,
		["created", "moved", "part_paid", "moved", "redeemed"],
		"Charlie's note"
	);
	let row = sqlx::query("SELECT kind, recourse, status FROM financings WHERE receivable = $1")
		.bind(receivable as i64)
		.fetch_one(pool)
		.await?;
	assert_eq!(
		(row.get::<String, _>(0), row.get::<i64, _>(1), row.get::<String, _>(2)),
		("factoring".into(), 1, "recourseSettled".into())
	);
	for (pallet, name) in [
		("Receivables", "PartRepaid"),
		("Receivables", "MarkedOverdue"),
		("Financing", "RecourseExercised"),
	] {
		let n = sqlx::query(
			"SELECT COUNT(*) FROM events WHERE pallet = $1 AND name = $2 AND fields LIKE $3",
		)
		.bind(pallet)
		.bind(name)
		.bind(if pallet == "Receivables" {
			format!("%\"receivable\":{receivable}%")
		} else {
			"%".to_string()
		})
		.fetch_one(pool)
		.await?
		.get::<i64, _>(0);
		assert_eq!(n, 1, "{pallet}.{name}");
	}
	Ok(())
}

async fn check_against_chain(chain: &Chain, db: &Db, receivable: u64, head: u32) -> Result<()> {
	let pool = db.pool();

	// Blocks: every one from genesis to the head, once.
	let row = sqlx::query("SELECT COUNT(*), MIN(number), MAX(number) FROM blocks")
		.fetch_one(pool)
		.await?;
	assert_eq!(
		(row.get::<i64, _>(0), row.get::<i64, _>(1), row.get::<i64, _>(2)),
		(head as i64 + 1, 0, head as i64),
		"every block from genesis to #{head}, once"
	);

	// The demo enterprises, from genesis.
	let row = sqlx::query("SELECT name, core FROM enterprises WHERE account = $1")
		.bind(account("//Bob").to_string())
		.fetch_one(pool)
		.await?;
	assert_eq!(row.get::<String, _>(0), "Demo Manufacturing Co.");
	assert_eq!(row.get::<i64, _>(1), 1);

	let tree = tree_and_payouts_agree(chain, db, receivable, "INDEXER-STORY-1").await?;
	assert!(tree.len() >= 3, "root, Dave's and Charlie's notes");

	// Dave's note: its whole story, in order.
	let daves = tree
		.iter()
		.find(|n| n.parent.is_some() && n.amount.0 == 400_000 * YUAN)
		.expect("Dave's note");
	let kinds: Vec<String> =
		sqlx::query("SELECT kind FROM note_history WHERE note = $1 ORDER BY block, idx")
			.bind(daves.id as i64)
			.fetch_all(pool)
			.await?
			.iter()
			.map(|r| r.get::<String, _>(0))
			.collect();
	assert_eq!(kinds, ["transferred", "accepted", "moved", "redeemed"], "Dave's note");

	// The two financings, as the chain left them.
	let rows = sqlx::query(
		"SELECT kind, status, seller FROM financings WHERE receivable = $1 ORDER BY id",
	)
	.bind(receivable as i64)
	.fetch_all(pool)
	.await?;
	let got: Vec<(String, String, String)> = rows
		.iter()
		.map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<String, _>(2)))
		.collect();
	assert_eq!(
		got,
		[
			("factoring".into(), "redeemed".into(), account("//Dave").to_string()),
			("pledge".into(), "redeemed".into(), account("//Charlie").to_string()),
		]
	);
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_is_indexed_and_every_table_agrees_with_the_chain() -> Result<()> {
	let node = node::Node::spawn(&node_binary());
	let receivable = story(&node.url).await?;
	let second = story_two(&node.url).await?;
	let chain = Chain::connect(&node.url).await?;
	let dir = tempfile::tempdir()?;
	for url in databases(dir.path(), "story").await? {
		eprintln!("on {url}");
		let db = Db::open(&url).await?;
		let head = index_to_head(&chain, &db).await?;
		check_against_chain(&chain, &db, receivable, head).await?;
		the_second_story_is_in_the_tables(&chain, &db, second).await?;
		// Following again writes nothing twice.
		let again = index_to_head(&chain, &db).await?;
		check_against_chain(&chain, &db, receivable, again).await?;
		the_http_service_answers_from_the_database(&db, again).await?;
		statements_add_up_to_the_chain(&chain, &db, again, &node.url).await?;
		reconciliation_finds_what_was_tampered_with(&chain, &db, &node.url, &url, receivable)
			.await?;
	}
	Ok(())
}

/// A GET of `path` on the service at `addr`: the status and the JSON body.
async fn get(addr: std::net::SocketAddr, path: &str) -> Result<(u16, serde_json::Value)> {
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let mut stream = tokio::net::TcpStream::connect(addr).await?;
	stream
		.write_all(
			format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
		)
		.await?;
	let mut answer = String::new();
	stream.read_to_string(&mut answer).await?;
	let status: u16 = answer.split(' ').nth(1).unwrap_or("0").parse()?;
	let body = answer.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
	Ok((status, serde_json::from_str(body).unwrap_or(serde_json::Value::Null)))
}

/// Every page of a history, `limit` at a time.
async fn all_history(
	addr: std::net::SocketAddr,
	path: &str,
	limit: u32,
) -> Result<Vec<serde_json::Value>> {
	let mut items = Vec::new();
	let mut cursor: Option<String> = None;
	loop {
		let join = if path.contains('?') { '&' } else { '?' };
		let mut url = format!("{path}{join}limit={limit}");
		if let Some(c) = &cursor {
			url += &format!("&cursor={c}");
		}
		let (status, page) = get(addr, &url).await?;
		assert_eq!(status, 200, "{url}: {page}");
		items.extend(page["items"].as_array().cloned().unwrap_or_default());
		match page["next"].as_str() {
			Some(next) => cursor = Some(next.to_string()),
			None => return Ok(items),
		}
	}
}

/// The HTTP service: health, an account's paid and live notes, histories page by page (one at a
/// time gives what one page of all gives), search, and bad input refused with 400.
async fn the_http_service_answers_from_the_database(db: &Db, head: u32) -> Result<()> {
	let progress = SharedProgress::default();
	if let Ok(mut p) = progress.lock() {
		p.finalized = head;
		p.indexed = Some(head);
	}
	let listener = api::bind("127.0.0.1:0".parse()?).await?;
	let addr = listener.local_addr()?;
	let server =
		tokio::spawn(api::serve(listener, db.clone(), progress, vec!["http://portal.test".into()]));

	let (status, health) = get(addr, "/health").await?;
	assert_eq!((status, health["indexed"].as_u64()), (200, Some(head as u64)), "{health}");

	let (charlie, dave, ferdie) = (
		account("//Charlie").to_string(),
		account("//Dave").to_string(),
		account("//Ferdie").to_string(),
	);
	let (_, paid) = get(addr, &format!("/accounts/{charlie}/notes?status=paid")).await?;
	let paid = paid["items"].as_array().cloned().unwrap_or_default();
	assert_eq!(paid.len(), 2, "Charlie's pledged note and the one recourse gave back: {paid:?}");
	assert_eq!(
		(&paid[0]["amount"], &paid[0]["invoiceRef"]),
		(&"60000000".into(), &"INDEXER-STORY-1".into())
	);
	assert_eq!(
		(&paid[1]["amount"], &paid[1]["invoiceRef"]),
		(&"8000000".into(), &"INDEXER-STORY-2".into())
	);
	let (_, paid) = get(addr, &format!("/accounts/{ferdie}/notes?status=paid")).await?;
	assert_eq!(paid["items"].as_array().map(|a| a.len()), Some(1), "the note Ferdie factored");
	let (_, newest) =
		get(addr, &format!("/accounts/{ferdie}/notes?status=paid&order=desc")).await?;
	assert_eq!(newest["items"].as_array().map(|a| a.len()), Some(1), "{newest}");
	let (_, live) = get(addr, &format!("/accounts/{charlie}/notes?status=live")).await?;
	assert_eq!(live["items"], serde_json::json!([]), "nothing live after settlement");

	let whole = all_history(addr, &format!("/accounts/{dave}/history"), 1000).await?;
	let one_by_one = all_history(addr, &format!("/accounts/{dave}/history"), 1).await?;
	assert_eq!(whole, one_by_one, "pages of one give what one page gives");
	let kinds: Vec<&str> =
		whole.iter().filter(|h| h["receivable"] == 0).filter_map(|h| h["kind"].as_str()).collect();
	assert_eq!(
		kinds,
		["transferred", "accepted", "moved"],
		"Dave's part: offered, accepted, factored"
	);
	let receivable = all_history(addr, "/receivables/0/history", 3).await?;
	let rows = sqlx::query("SELECT COUNT(*) FROM note_history WHERE receivable = 0")
		.fetch_one(db.pool())
		.await?
		.get::<i64, _>(0);
	assert_eq!(receivable.len() as i64, rows);
	assert!(receivable.iter().all(|h| h["time"].as_i64().unwrap_or(0) > 1_000_000_000_000));

	// Financings and payouts of an account, page by page; the ladder after settlement is empty.
	let financings = all_history(addr, &format!("/accounts/{ferdie}/financings"), 1).await?;
	let rows = sqlx::query("SELECT COUNT(*) FROM financings WHERE financier = $1 OR seller = $1")
		.bind(&ferdie)
		.fetch_one(db.pool())
		.await?
		.get::<i64, _>(0);
	assert_eq!((financings.len() as i64, financings.len() >= 2), (rows, true), "{financings:?}");
	assert!(financings.iter().all(|f| f["financier"] == ferdie.as_str()));
	let newest = all_history(addr, &format!("/accounts/{ferdie}/financings?order=desc"), 1).await?;
	assert_eq!(
		newest.iter().rev().cloned().collect::<Vec<_>>(),
		financings,
		"desc is asc reversed"
	);
	let payouts = all_history(addr, &format!("/accounts/{charlie}/payouts"), 1).await?;
	assert!(!payouts.is_empty(), "Charlie was paid");
	assert_eq!(payouts, all_history(addr, &format!("/accounts/{charlie}/payouts"), 100).await?);
	for who in [&charlie, &ferdie, &account("//Bob").to_string()] {
		let (status, ladder) = get(addr, &format!("/accounts/{who}/ladder?weeks=4")).await?;
		assert_eq!(status, 200, "{ladder}");
		assert_eq!(ladder["weeks"].as_array().map(|w| w.len()), Some(4));
		assert_eq!(
			(&ladder["owes"]["total"], &ladder["toBePaid"]["total"]),
			(&"0".into(), &"0".into())
		);
		assert_eq!(ladder["exposure"], serde_json::json!([]), "all paid: {ladder}");
	}

	// CORS: an allowed origin may read, another may not.
	let cors = |origin: &'static str| async move {
		use tokio::io::{AsyncReadExt, AsyncWriteExt};
		let mut stream = tokio::net::TcpStream::connect(addr).await?;
		stream
			.write_all(
				format!(
					"GET /health HTTP/1.1\r\nHost: {addr}\r\nOrigin: {origin}\r\nConnection: close\r\n\r\n"
				)
				.as_bytes(),
			)
			.await?;
		let mut answer = String::new();
		stream.read_to_string(&mut answer).await?;
		Ok::<_, anyhow::Error>(answer.to_lowercase())
	};
	assert!(cors("http://portal.test")
		.await?
		.contains("access-control-allow-origin: http://portal.test"));
	assert!(!cors("http://elsewhere.test").await?.contains("access-control-allow-origin"));

	let (_, found) = get(addr, "/search?q=STORY-1").await?;
	assert_eq!(found["receivables"][0]["invoiceRef"], "INDEXER-STORY-1");
	let (_, found) = get(addr, "/search?q=Demo%20Bank").await?;
	assert_eq!(found["enterprises"][0]["account"], ferdie.as_str());

	for bad in [
		format!("/accounts/{dave}/history?limit=0"),
		format!("/accounts/{dave}/history?limit=1001"),
		format!("/accounts/{dave}/history?cursor=x.y"),
		format!("/accounts/{dave}/notes?status=gone"),
		format!("/accounts/{dave}/notes?order=sideways"),
		"/accounts/not-an-account/notes".to_string(),
		"/receivables/x/history".to_string(),
		"/search?q=".to_string(),
		format!("/accounts/{dave}/payouts?cursor=1"),
		format!("/accounts/{dave}/financings?cursor=x"),
		format!("/accounts/{dave}/ladder?weeks=0"),
	] {
		let (status, body) = get(addr, &bad).await?;
		assert_eq!(status, 400, "{bad}: {body}");
		assert!(body["error"].is_string(), "{bad}: {body}");
	}
	server.abort();
	Ok(())
}

/// CNY (asset 1) of `who` at block `number`.
async fn cny_at(chain: &Chain, who: &AccountId, number: u32) -> Result<i128> {
	let hash = chain.block_hash(number).await?.expect("the block");
	let at = chain.at(cascade_client::chain::BlockRef { number, hash }).await?;
	let address = cascade::storage().assets().account();
	Ok(match at.storage().try_fetch(address, (1u32, who.clone())).await? {
		Some(value) => value.decode()?.balance as i128,
		None => 0,
	})
}

/// Statements: for every party of the story, the cash the statement shows moving over the whole
/// chain equals the change of its CNY balance on chain from genesis to the head, and the notes
/// it holds at the end are the chain's (none, all paid); Charlie's lines are its story; the CSV
/// closes as the JSON does.
async fn statements_add_up_to_the_chain(
	chain: &Chain,
	db: &Db,
	head: u32,
	node_url: &str,
) -> Result<()> {
	let listener = api::bind("127.0.0.1:0".parse()?).await?;
	let addr = listener.local_addr()?;
	let server =
		tokio::spawn(api::serve(listener, db.clone(), SharedProgress::default(), Vec::new()));
	for who in ["//Bob", "//Charlie", "//Dave", "//Ferdie"] {
		let account = account(who);
		let (status, s) = get(addr, &format!("/statement/{account}")).await?;
		assert_eq!(status, 200, "{who}: {s}");
		let change = cny_at(chain, &account, head).await? - cny_at(chain, &account, 0).await?;
		assert_eq!(
			s["closing"]["cash"],
			change.to_string(),
			"{who}: cash through Cascade = CNY change"
		);
		assert_eq!(s["opening"]["cash"], "0", "{who}");
		let live: i128 = chain
			.notes_of(&account)
			.await?
			.iter()
			.filter(|n| account_of(&n.holder) == account)
			.map(|n| (n.amount.0 - n.paid.0) as i128)
			.sum();
		assert_eq!(s["closing"]["notes"], live.to_string(), "{who}: notes held = the chain's");
		if who == "//Charlie" {
			let lines: Vec<(&str, &str, &str)> = s["lines"]
				.as_array()
				.expect("lines")
				.iter()
				.filter(|l| l["receivable"] == 0)
				.map(|l| {
					(
						l["kind"].as_str().unwrap_or(""),
						l["notes"].as_str().unwrap_or(""),
						l["cash"].as_str().unwrap_or(""),
					)
				})
				.collect();
			assert_eq!(lines.len(), 4, "{lines:?}");
			assert_eq!(lines[0], ("received", "100000000", "0"));
			assert_eq!(lines[1], ("passed_on", "-40000000", "0"));
			assert_eq!(lines[2].0, "financed");
			assert_eq!(lines[3], ("paid_out", "-60000000", "1"));
		}
		let (status, _) = get(addr, &format!("/statement/{account}?format=csv")).await?;
		assert_eq!(status, 200);
	}
	// The CSV, read raw: its last line is the closing position.
	let charlie = account("//Charlie");
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let mut stream = tokio::net::TcpStream::connect(addr).await?;
	let path = format!("/statement/{charlie}?format=csv&from=0&to=99999999999999");
	stream
		.write_all(
			format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
		)
		.await?;
	let mut answer = String::new();
	stream.read_to_string(&mut answer).await?;
	assert!(answer.contains("text/csv"), "{answer}");
	let (_, json) = get(addr, &format!("/statement/{charlie}?from=0&to=99999999999999")).await?;
	let last = answer.trim_end().lines().last().unwrap_or("");
	assert!(
		last.ends_with(&format!(
			",closing,,,,,{},{}",
			json["closing"]["notes"].as_str().unwrap_or("?"),
			json["closing"]["cash"].as_str().unwrap_or("?")
		)),
		"{last}"
	);
	for bad in
		[format!("/statement/{charlie}?from=5&to=5"), format!("/statement/{charlie}?format=xml")]
	{
		let (status, _) = get(addr, &bad).await?;
		assert_eq!(status, 400, "{bad}");
	}

	// The same from the command line: `cascade statement --csv` prints the service's CSV; the
	// table ends with the closing position; a period the wrong way round is refused.
	let cli = |args: &[&str]| {
		let mut all = vec!["--url", node_url, "statement"];
		all.extend_from_slice(args);
		Command::new(cascade_cli()).args(&all).output()
	};
	let indexer = format!("http://{addr}");
	let out =
		cli(&[&charlie.to_string(), "--indexer", &indexer, "--csv", "--to", "99999999999999"])?;
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	assert_eq!(
		String::from_utf8(out.stdout)?.trim_end(),
		answer.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("").trim_end()
	);
	let out = cli(&[&charlie.to_string(), "--indexer", &indexer])?;
	let table = String::from_utf8(out.stdout)?;
	assert!(
		out.status.success() && table.trim_end().lines().last().unwrap_or("").contains("closing"),
		"{table}"
	);
	assert!(table.contains("paid_out") && table.contains("received"), "{table}");
	let out = cli(&[
		&charlie.to_string(),
		"--indexer",
		&indexer,
		"--from",
		"2027-01-02",
		"--to",
		"2027-01-01",
	])?;
	assert!(!out.status.success());
	assert!(String::from_utf8(out.stderr)?.contains("must be after"));
	server.abort();
	Ok(())
}

/// The `cascade` binary, built beside this test by the same `cargo test` that builds cascade-client
/// (./scripts/test.sh's client step).
fn cascade_cli() -> PathBuf {
	let exe = std::env::current_exe().expect("the test's path");
	let release = exe.parent().and_then(|deps| deps.parent()).expect("target/release");
	let cli = release.join("cascade");
	assert!(
		cli.exists(),
		"{} is missing: build cascade-client too (cargo build --release -p cascade-client)",
		cli.display()
	);
	cli
}

/// `check` finds nothing in an honest database, and names each row changed behind its back; the
/// command exits 1 then.
async fn reconciliation_finds_what_was_tampered_with(
	chain: &Chain,
	db: &Db,
	node: &str,
	url: &str,
	receivable: u64,
) -> Result<()> {
	let indexer = env!("CARGO_BIN_EXE_cascade-indexer");
	let clean = check(chain, db, None).await?;
	assert!(clean.ok(), "differences in an honest database: {:?}", clean.differences);
	assert_eq!(clean.receivables, 2, "both stories' receivables");
	assert!(clean.notes >= 3);
	assert!(clean.programs >= 1, "program 0 compared");
	let status = Command::new(indexer).args(["check", "--node", node, "--db", url]).status()?;
	assert!(status.success(), "check of an honest database");

	// A payout made larger, a note given to someone else.
	let note = sqlx::query("SELECT MAX(note) FROM payouts WHERE receivable = $1")
		.bind(receivable as i64)
		.fetch_one(db.pool())
		.await?
		.get::<i64, _>(0);
	let row = sqlx::query("SELECT amount FROM payouts WHERE note = $1")
		.bind(note)
		.fetch_one(db.pool())
		.await?;
	let more = row.get::<String, _>(0).parse::<u128>()? + 12_345;
	sqlx::query("UPDATE payouts SET amount = $1 WHERE note = $2")
		.bind(more.to_string())
		.bind(note)
		.execute(db.pool())
		.await?;
	sqlx::query("UPDATE notes SET holder = $1 WHERE id = $2")
		.bind(account("//Eve").to_string())
		.bind(note)
		.execute(db.pool())
		.await?;
	let found = check(chain, db, None).await?;
	let what: Vec<&str> = found.differences.iter().map(|d| d.what.as_str()).collect();
	let payouts: Vec<(i64, String, String)> =
		sqlx::query("SELECT note, amount, to_pledgee FROM payouts ORDER BY block, idx")
			.fetch_all(db.pool())
			.await?
			.iter()
			.map(|r| (r.get(0), r.get(1), r.get(2)))
			.collect();
	assert_eq!(
		what,
		[
			format!("note {note}: holder"),
			format!("receivable {receivable}: escrow balance"),
			format!("receivable {receivable}: Σ payouts = paid_out"),
		],
		"{:?}; payouts {payouts:?}",
		found.differences
	);
	// What the follower compares as it goes: the receivables changed since its last
	// reconciliation. Nothing changed after the last block: nothing to compare; since genesis:
	// what the whole check found.
	let last = db.last_block().await?.expect("blocks");
	let quiet = check_changed(chain, db, None, Some(last)).await?;
	assert_eq!((quiet.receivables, quiet.ok()), (0, true), "{:?}", quiet.differences);
	let since_genesis = check_changed(chain, db, None, Some(0)).await?;
	assert_eq!(since_genesis.differences, found.differences);
	// A financing of program 0 that was paid back shown as still out.
	sqlx::query(
		"UPDATE financings SET status = 'open' WHERE id = (SELECT MIN(id) FROM financings WHERE program = 0)",
	)
	.execute(db.pool())
	.await?;
	let found = check(chain, db, None).await?;
	assert!(
		found.differences.iter().any(|d| d.what == "program 0: outstanding" && d.chain == "0"),
		"{:?}",
		found.differences
	);
	let status = Command::new(indexer)
		.args(["check", "--node", node, "--db", url])
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.status()?;
	assert_eq!(status.code(), Some(1), "check of a tampered database");
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_mid_run_it_resumes_with_no_gap_and_no_duplicate() -> Result<()> {
	let node = node::Node::spawn(&node_binary());
	let receivable = story(&node.url).await?;
	let chain = Chain::connect(&node.url).await?;
	let dir = tempfile::tempdir()?;
	let indexer = env!("CARGO_BIN_EXE_cascade-indexer");
	for url in databases(dir.path(), "killed").await? {
		eprintln!("on {url}");
		// The schema first, so that the test and the indexer do not both create it.
		let db = Db::open(&url).await?;
		// Killed with SIGKILL as soon as it has written some blocks: wherever it was, in a
		// block or between two.
		let mut child = Command::new(indexer)
			.args(["--node", &node.url, "--db", &url])
			.stdout(Stdio::null())
			.spawn()?;
		let started = Instant::now();
		while db.last_block().await?.unwrap_or(0) < 20 {
			assert!(started.elapsed() < Duration::from_secs(60), "the indexer does not index");
			tokio::time::sleep(Duration::from_millis(20)).await;
		}
		child.kill()?;
		child.wait()?;
		let at_kill = db.last_block().await?.expect("some blocks");
		// A second run picks up where the first stopped.
		let head = chain.head(true).await?.number;
		assert!(head > at_kill, "killed before the end (at #{at_kill} of #{head})");
		let status = Command::new(indexer)
			.args(["--node", &node.url, "--db", &url, "--until", &head.to_string()])
			.stdout(Stdio::null())
			.status()?;
		assert!(status.success());
		check_against_chain(&chain, &db, receivable, head).await?;
	}
	Ok(())
}

/// A council-voted runtime upgrade mid-run: Charlie accepts a note before it and Dave one after;
/// the indexer follows across it, decodes the upgraded runtime's `Accepted` (which carries a
/// field the old one does not) with the new metadata and the old blocks' with the old, and
/// reconciles to 0 differences.
#[tokio::test(flavor = "multi_thread")]
async fn it_follows_across_a_runtime_upgrade_by_vote() -> Result<()> {
	let node = node::Node::spawn(&node_binary());
	let wasm = upgrade_vote::upgrade_wasm();
	let (url, chain) = (&node.url, Chain::connect(&node.url).await?);
	let bob = as_key(url, "//Bob").await?;
	let charlie = as_key(url, "//Charlie").await?;
	let dave = as_key(url, "//Dave").await?;
	let started = Instant::now();
	let mut now = chain_time(&chain).await?;
	while now < 1_000_000_000_000 {
		assert!(started.elapsed() < Duration::from_secs(60), "the chain's clock does not start");
		tokio::time::sleep(Duration::from_millis(300)).await;
		now = chain_time(&chain).await?;
	}
	let issue = cascade::tx().receivables().issue(
		account("//Charlie"),
		1,
		500_000 * YUAN,
		now + 30 * MINUTE,
		0,
		H256::repeat_byte(5),
		BoundedVec(b"INDEXER-UPGRADE-1".to_vec()),
	);
	let (receivable, root) = bob.send_one(issue, false).await?.issued().expect("Issued");
	charlie.send_one(cascade::tx().receivables().accept(root), false).await?;
	let dir = tempfile::tempdir()?;
	let urls = databases(dir.path(), "upgrade").await?;
	for db_url in &urls {
		let db = Db::open(db_url).await?;
		index_to_head(&chain, &db).await?;
	}

	let before = upgrade_vote::spec_version(&chain).await;
	upgrade_vote::upgrade_by_vote(&chain, &wasm).await;
	let split = cascade::tx().receivables().split_transfer(root, account("//Dave"), 100_000 * YUAN);
	let moved = charlie
		.send_one(split, false)
		.await?
		.events
		.find::<cascade::receivables::events::SplitTransferred>()
		.expect("SplitTransferred");
	// Accepted, after the upgrade: it has the new field, which this client's build does not know.
	dave.send_one(cascade::tx().receivables().accept(moved.sent), false).await?;

	for db_url in &urls {
		eprintln!("on {db_url}");
		let db = Db::open(db_url).await?;
		let head = index_to_head(&chain, &db).await?;
		let specs: Vec<i64> =
			sqlx::query("SELECT DISTINCT spec_version FROM blocks ORDER BY spec_version")
				.fetch_all(db.pool())
				.await?
				.iter()
				.map(|r| r.get(0))
				.collect();
		assert_eq!(specs, [before as i64, before as i64 + 1], "blocks of both runtimes indexed");
		let accepted: Vec<serde_json::Value> = sqlx::query(
			"SELECT fields FROM events WHERE pallet = 'Receivables' AND name = 'Accepted' ORDER BY block",
		)
		.fetch_all(db.pool())
		.await?
		.iter()
		.map(|r| serde_json::from_str(&r.get::<String, _>(0)).expect("JSON"))
		.collect();
		assert_eq!(accepted.len(), 2, "{accepted:?}");
		assert!(accepted[0].get("accepted_at").is_none(), "before: the old shape {}", accepted[0]);
		assert!(
			accepted[1]["accepted_at"].as_u64().unwrap_or(0) > 1_000_000_000_000,
			"after: the new field, decoded {}",
			accepted[1]
		);
		let kinds: Vec<String> =
			sqlx::query("SELECT kind FROM note_history WHERE note = $1 ORDER BY block, idx")
				.bind(moved.sent as i64)
				.fetch_all(db.pool())
				.await?
				.iter()
				.map(|r| r.get::<String, _>(0))
				.collect();
		assert_eq!(kinds, ["transferred", "accepted"]);
		let report = check(&chain, &db, Some(head)).await?;
		assert!(report.ok(), "{:?}", report.differences);
		assert_eq!(report.receivables, 1);
		let _ = receivable;
	}
	Ok(())
}
