//! The `cascade` binary against a real dev node (`cascade-node --dev --dev-block-time 300`),
//! one fresh node per test. The node binary is taken from `$CASCADE_NODE`, or next to the
//! `cascade` binary in the same target directory (`./scripts/test.sh` builds both).
//!
//! Tests take a lock so that only one node runs at a time on a small machine.

mod common;

use std::{
	collections::HashSet,
	path::Path,
	process::{Command, Stdio},
	time::{Duration, Instant},
};

use cascade_client::units::format_amount;
use common::*;

#[test]
fn issue_prints_the_receivable_and_root_note() {
	let _serial = serial();
	let node = DevNode::start();
	let dir = tempfile::tempdir().unwrap();
	let doc = dir.path().join("contract.pdf");
	std::fs::write(&doc, b"purchase contract PC-2027-001").unwrap();
	let maturity = due_in(120);

	let v = ok(&node.cascade(&issue(
		"//Bob",
		"//Charlie",
		"12345.67",
		&maturity,
		"INV-001",
		&["--doc", doc.to_str().unwrap()],
	)));
	assert_eq!(v["status"], "issued");
	assert_eq!(v["receivable"], 0);
	assert_eq!(v["rootNote"], 0);
	assert_eq!(v["face"], "1234567");
	assert!(v["blockNumber"].as_u64().unwrap() > 0);
	let tree = ok(&node.cascade(&["tree", "0"]));
	let expected_hash = sp_crypto_hashing::blake2_256(b"purchase contract PC-2027-001");
	assert_eq!(tree["receivable"]["docHash"], format!("0x{}", hex::encode(expected_hash)));
	assert_eq!(tree["receivable"]["invoiceRef"], "INV-001");
	assert_eq!(tree["notes"][0]["state"], "pending");

	// The same invoice again: found on chain, nothing sent.
	let again = ok(&node.cascade(&issue(
		"//Bob",
		"//Charlie",
		"12345.67",
		&maturity,
		"INV-001",
		&["--doc", doc.to_str().unwrap()],
	)));
	assert_eq!(again["status"], "already-issued");
	assert_eq!(again["receivable"], 0);

	// Signed with the polkadot.js key file of Bob.
	let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bob.json");
	let v = ok(&node.cascade(&[
		"--key-file",
		key.to_str().unwrap(),
		"--password",
		"cascade-demo",
		"issue",
		"--to",
		"//Dave",
		"--amount",
		"100",
		"--maturity",
		&maturity,
		"--line",
		"0",
		"--invoice",
		"INV-002",
		"--finalized",
	]));
	assert_eq!(v["receivable"], 1);

	// Bad input: named, nothing sent.
	let out = node.cascade(&issue("//Bob", "//Charlie", "1.005", &maturity, "INV-003", &[]));
	assert_eq!(out.status.code(), Some(2));
	let v = json(&out);
	assert_eq!(v["sent"], 0);
	assert!(v["errors"][0]["message"].as_str().unwrap().contains("more than 2 decimals"), "{v}");
	// A supplier cannot issue.
	let out = node.cascade(&issue("//Charlie", "//Dave", "1", &maturity, "INV-004", &[]));
	assert_eq!(out.status.code(), Some(2));
	assert!(json(&out)["errors"][0]["message"]
		.as_str()
		.unwrap()
		.contains("not an active core enterprise"));
	assert_eq!(node.outstanding(), 2);
}

#[test]
fn batch_of_500_is_issued_to_the_end_and_a_rerun_issues_nothing() {
	let _serial = serial();
	let node = DevNode::start();
	let dir = tempfile::tempdir().unwrap();
	let (file, _) = batch(dir.path(), "march.csv", 500, "MAR");
	let report = dir.path().join("march-report.csv");

	let v = ok(&node.cascade(&[
		"--suri",
		"//Bob",
		"issue-batch",
		file.to_str().unwrap(),
		"--report",
		report.to_str().unwrap(),
	]));
	assert_eq!((v["issued"].as_u64(), v["alreadyIssued"].as_u64()), (Some(500), Some(0)));
	assert_eq!((v["failed"].as_u64(), v["notSent"].as_u64()), (Some(0), Some(0)));
	assert_eq!(node.outstanding(), 500);

	let rows = report_rows(&report);
	assert_eq!(rows.len(), 500);
	let ids: HashSet<&str> = rows.iter().map(|r| &r[8]).collect();
	assert_eq!(ids.len(), 500, "every line has its own receivable");
	let blocks: HashSet<&str> = rows.iter().map(|r| &r[10]).collect();
	eprintln!(
		"issue-batch throughput: {} receivables in {:.2} s = {:.0} receivables/s, in {} blocks \
		 (dev node, --dev-block-time 300)",
		v["issued"],
		v["seconds"].as_f64().unwrap(),
		v["rate"].as_f64().unwrap(),
		blocks.len()
	);
	for (i, r) in rows.iter().enumerate() {
		assert_eq!(&r[0], (i + 2).to_string(), "rows follow the file's lines");
		assert_eq!(&r[1], format!("MAR-{i:04}"));
		assert_eq!(&r[3], format_amount(((100 + i) * 100 + i % 100) as u128, 2));
		assert_eq!(&r[7], "issued");
		assert!(r[11].starts_with("0x") && r[11].len() == 66, "block hash {:?}", &r[11]);
	}

	let again = ok(&node.cascade(&[
		"--suri",
		"//Bob",
		"issue-batch",
		file.to_str().unwrap(),
		"--report",
		report.to_str().unwrap(),
	]));
	assert_eq!((again["issued"].as_u64(), again["alreadyIssued"].as_u64()), (Some(0), Some(500)));
	assert_eq!(node.outstanding(), 500);
	// The rewritten report still names every receivable and the block that issued it.
	let rerun = report_rows(&report);
	for (a, b) in rows.iter().zip(&rerun) {
		assert_eq!(&b[7], "already-issued");
		assert_eq!((&a[8], &a[11]), (&b[8], &b[11]));
	}
}

#[test]
fn batch_with_bad_lines_sends_nothing_and_names_them() {
	let _serial = serial();
	let node = DevNode::start();
	let dir = tempfile::tempdir().unwrap();
	let (_, mut lines) = batch(dir.path(), "unused.csv", 100, "APR");
	// lines[k] is the file's line k + 1 (the header is line 1).
	lines[41] = format!("//Charlie,140.405,{},0,APR-0040", due_in(30)); // three decimals
	lines[76] = format!("//Ferdie,10.00,{},0,APR-X", due_in(30)); // a financier, not a supplier
	lines[90] = lines[12].clone(); // the invoice of line 13 again
	lines[55] = format!("//Dave,0.50,{},0,APR-HALF", due_in(30)); // below the chain's minimum
	lines[60] = format!("//Dave,5.00,{},0,APR-LATE", due_in(400)); // beyond the longest tenor
	let file = dir.path().join("april.csv");
	std::fs::write(&file, lines.join("\n") + "\n").unwrap();

	let out = node.cascade(&["--suri", "//Bob", "issue-batch", file.to_str().unwrap()]);
	assert_eq!(out.status.code(), Some(2));
	let v = json(&out);
	assert_eq!(v["sent"], 0);
	let errors: Vec<(u64, String)> = v["errors"]
		.as_array()
		.unwrap()
		.iter()
		.map(|e| (e["line"].as_u64().unwrap(), e["message"].as_str().unwrap().to_string()))
		.collect();
	assert_eq!(
		errors.iter().map(|e| e.0).collect::<Vec<_>>(),
		vec![42, 56, 61, 77, 91],
		"{errors:?}"
	);
	assert!(errors[0].1.contains("more than 2 decimals"));
	// The chain's own answers (ReceivablesApi::can_issue), named as the pallet names them.
	assert!(errors[1].1.starts_with("Receivables.BelowMinimum"), "{errors:?}");
	assert!(errors[2].1.starts_with("Receivables.TenorTooLong"), "{errors:?}");
	assert!(errors[3].1.starts_with("Receivables.NotSupplier"), "{errors:?}");
	assert!(errors[3].1.contains("not an active supplier"));
	assert!(errors[4].1.contains("also appears on line 13"));
	assert_eq!(node.outstanding(), 0, "nothing was issued");

	// Without --json the clerk reads the same in words.
	let out = Command::new(CASCADE)
		.args(["--url", &node.url, "--suri", "//Bob", "issue-batch", file.to_str().unwrap()])
		.output()
		.unwrap();
	let text = String::from_utf8_lossy(&out.stderr);
	assert!(text.contains("line 42:") && text.contains("Nothing was sent"), "{text}");

	// More than the credit line's room: the batch says how much is missing.
	let big = dir.path().join("big.csv");
	std::fs::write(
		&big,
		format!(
			"to,amount,maturity,line,invoice\n//Charlie,30000000,{d},0,BIG-1\n//Dave,25000000,{d},0,BIG-2\n",
			d = due_in(60)
		),
	)
	.unwrap();
	let out = node.cascade(&["--suri", "//Bob", "issue-batch", big.to_str().unwrap()]);
	assert_eq!(out.status.code(), Some(2));
	let message = json(&out)["errors"][0]["message"].as_str().unwrap().to_string();
	assert!(message.contains("credit line 0 has 50,000,000.00 CNY of room left"), "{message}");
	assert!(message.contains("need 55,000,000.00 CNY — 5,000,000.00 CNY more"), "{message}");
	assert_eq!(node.outstanding(), 0);
}

#[test]
fn killed_batch_completes_on_rerun_with_nothing_issued_twice() {
	let _serial = serial();
	let node = DevNode::start();
	let dir = tempfile::tempdir().unwrap();
	let (file, _) = batch(dir.path(), "may.csv", 400, "MAY");
	let report = dir.path().join("may-report.csv");
	let args = ["--suri", "//Bob", "issue-batch", file.to_str().unwrap(), "--report"];

	// A small window makes the run long enough to stop in the middle.
	let mut run = node
		.command(&args)
		.arg(&report)
		.args(["--window", "8"])
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.spawn()
		.unwrap();
	let started = Instant::now();
	loop {
		let written = std::fs::read_to_string(&report).map(|t| t.lines().count()).unwrap_or(0);
		if written > 60 {
			break;
		}
		assert!(run.try_wait().unwrap().is_none(), "the batch ended before it could be stopped");
		assert!(started.elapsed() < Duration::from_secs(120), "the batch does not progress");
		std::thread::sleep(Duration::from_millis(20));
	}
	run.kill().unwrap();
	run.wait().unwrap();
	let partial = report_rows(&report);
	assert!(partial.len() >= 60 && partial.len() < 400, "stopped midway: {}", partial.len());

	let v = ok(&node.command(&args).arg(&report).output().unwrap());
	let (issued, already) = (v["issued"].as_u64().unwrap(), v["alreadyIssued"].as_u64().unwrap());
	assert_eq!(issued + already, 400, "{v}");
	assert!(already >= partial.len() as u64, "the first run's receivables were skipped");
	assert_eq!((v["failed"].as_u64(), v["notSent"].as_u64()), (Some(0), Some(0)));
	assert_eq!(node.outstanding(), 400, "no invoice was issued twice");
	let rows = report_rows(&report);
	let ids: HashSet<&str> = rows.iter().map(|r| &r[8]).collect();
	assert_eq!((rows.len(), ids.len()), (400, 400));
}

/// A pool that drops a batch's transactions does not stop the batch. Here the node is told to
/// drop them (`author_removeExtrinsic`), which the single-state pool (the testnet's) does as it
/// drops a backlog: it bans the very bytes, so sending them again is refused. The client signs
/// the dropped calls again — the same nonces, a fresh checkpoint — and every receivable is issued
/// once.
#[test]
fn transactions_the_pool_drops_are_signed_again_and_land() {
	let _serial = serial();
	// 3-second blocks: time to take the transactions out of the pool before a block holds them.
	// A dev node lifts bans at the next block; a network node keeps them 30 minutes, as here.
	let node =
		DevNode::start_with(3_000, &["--pool-type", "single-state", "--tx-ban-seconds", "1800"]);
	let dir = tempfile::tempdir().unwrap();
	let (file, _) = batch(dir.path(), "june.csv", 12, "JUNE");
	let report = dir.path().join("june-report.csv");
	let mut run = node
		.command(&["--suri", "//Bob", "issue-batch", file.to_str().unwrap(), "--report"])
		.arg(&report)
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.unwrap();

	// Drop whatever the pool holds, from the first transaction seen until 2 s after.
	let started = Instant::now();
	let mut dropped = HashSet::new();
	let mut first_seen = None;
	while first_seen.is_none_or(|t: Instant| t.elapsed() < Duration::from_secs(2)) {
		assert!(started.elapsed() < Duration::from_secs(60), "no transaction reached the pool");
		let pending = rpc(&node.url, "author_pendingExtrinsics", serde_json::json!([]));
		let pending: Vec<String> = serde_json::from_value(pending).unwrap();
		if !pending.is_empty() {
			first_seen.get_or_insert_with(Instant::now);
			let these: Vec<_> =
				pending.iter().map(|xt| serde_json::json!({ "extrinsic": xt })).collect();
			rpc(&node.url, "author_removeExtrinsic", serde_json::json!([these]));
			dropped.extend(pending);
		}
		std::thread::sleep(Duration::from_millis(20));
	}
	assert!(!dropped.is_empty());

	// Without signing again the batch would wait for banned transactions until their mortality
	// (256 blocks) ran out; with it, a few blocks.
	let deadline = Instant::now() + Duration::from_secs(90);
	while run.try_wait().unwrap().is_none() {
		if Instant::now() > deadline {
			run.kill().unwrap();
			panic!("the batch did not end within 90 s of its transactions being dropped");
		}
		std::thread::sleep(Duration::from_millis(200));
	}
	let v = ok(&run.wait_with_output().unwrap());
	assert_eq!((v["issued"].as_u64(), v["failed"].as_u64()), (Some(12), Some(0)), "{v}");
	assert_eq!(node.outstanding(), 12, "each receivable once");
	eprintln!("{} transactions dropped from the pool; all 12 issued", dropped.len());
}

#[test]
fn suppliers_move_notes_and_the_tree_is_drawn() {
	let _serial = serial();
	let node = DevNode::start();
	let dir = tempfile::tempdir().unwrap();
	let maturity = due_in(90);
	let issued = ok(&node.cascade(&issue("//Bob", "//Charlie", "10000", &maturity, "TREE-1", &[])));
	let receivable = issued["receivable"].as_u64().unwrap().to_string();
	let root = issued["rootNote"].as_u64().unwrap().to_string();

	// A stranger cannot accept: the dispatch error is named and explained.
	let out = node.cascade(&["--suri", "//Eve", "accept", &root]);
	assert_eq!(out.status.code(), Some(1));
	let error = json(&out)["error"].as_str().unwrap().to_string();
	assert!(error.contains("Receivables.NotRecipient: the note is offered to another account"));

	ok(&node.cascade(&["--suri", "//Charlie", "accept", &root]));
	let split = ok(&node.cascade(&[
		"--suri",
		"//Charlie",
		"split-transfer",
		&root,
		"--amount",
		"2345.67",
		"--to",
		"//Dave",
	]));
	let sent = split["sent"].as_u64().unwrap().to_string();
	let kept = split["kept"].as_u64().unwrap();
	ok(&node.cascade(&["--suri", "//Dave", "accept", &sent]));
	ok(&node.cascade(&["--suri", "//Dave", "transfer", &sent, "--to", "//Eve"]));

	let notes = ok(&node.cascade(&["notes", "//Charlie"]));
	let held: Vec<u64> =
		notes["notes"].as_array().unwrap().iter().map(|n| n["id"].as_u64().unwrap()).collect();
	assert_eq!(held, vec![kept]);
	let eve = ok(&node.cascade(&["notes", "//Eve"]));
	assert_eq!(eve["notes"][0]["state"], "pending");

	let svg = dir.path().join("tree.svg");
	let tree = ok(&node.cascade(&["tree", &receivable, "--svg", svg.to_str().unwrap()]));
	let notes = tree["notes"].as_array().unwrap();
	assert_eq!(notes.len(), 3);
	let text = std::fs::read_to_string(&svg).unwrap();
	let doc = roxmltree::Document::parse(&text).expect("the SVG is well-formed XML");
	let root_el = doc.root_element();
	assert_eq!(root_el.tag_name().name(), "svg");
	assert_eq!(root_el.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
	let names = [
		("5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y", "Demo Tier-1 Parts Co."),
		("5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy", "Demo Tier-2 Components Co."),
	];
	for note in notes {
		let id = format!("note-{}", note["id"]);
		let group = root_el
			.descendants()
			.find(|n| n.attribute("id") == Some(id.as_str()))
			.unwrap_or_else(|| panic!("{id} is not drawn"));
		let shown: String =
			group.descendants().filter_map(|t| t.text()).collect::<Vec<_>>().join("|");
		let amount = format_amount(note["amount"].as_str().unwrap().parse().unwrap(), 2);
		assert!(shown.contains(&format!("{amount} CNY")), "{shown}");
		assert!(shown.contains(note["state"].as_str().unwrap()), "{shown}");
		let holder = note["holder"].as_str().unwrap();
		let name = names.iter().find(|(a, _)| *a == holder).map(|(_, n)| *n).unwrap();
		assert!(shown.contains(name), "{shown}");
	}

	let before = node.outstanding();
	// Part of it first (部分兑付): the receivable stays outstanding for the rest.
	let part = ok(&node.cascade(&["--suri", "//Bob", "repay", &receivable, "--amount", "1000.50"]));
	assert_eq!(part["paid"], "100050");
	let tree = ok(&node.cascade(&["tree", &receivable]));
	let face: u128 = tree["receivable"]["face"].as_str().unwrap().parse().unwrap();
	assert_eq!(part["outstanding"], (face - 100_050).to_string());
	assert_eq!(tree["receivable"]["repaid"], "100050");
	assert_eq!(tree["receivable"]["status"], "active");
	assert_eq!(node.outstanding(), before);
	let too_much = node.cascade(&["--suri", "//Bob", "repay", &receivable, "--amount", "99999999"]);
	assert_eq!(too_much.status.code(), Some(1));
	let error = json(&too_much)["error"].as_str().unwrap().to_string();
	assert!(error.contains("Receivables.AboveOutstanding: that is more than is still outstanding"));
	let repaid = ok(&node.cascade(&["--suri", "//Bob", "repay", &receivable]));
	assert_eq!(repaid["receivable"].as_u64().unwrap().to_string(), receivable);
	assert_eq!(repaid["paid"], (face - 100_050).to_string());
	assert_eq!(repaid["outstanding"], "0");
	assert_eq!(node.outstanding(), before - 1);
	let tree = ok(&node.cascade(&["tree", &receivable]));
	assert_eq!(tree["receivable"]["status"], "repaid");
}

/// `call-loan` and `settle-claim`: a pledge loan on a receivable that went overdue unpaid is
/// called by the lender, and the borrower settles the claim; every refusal named by the chain.
#[test]
fn lenders_call_overdue_loans_and_borrowers_settle_the_claims() {
	use cascade_client::{
		chain::Chain,
		interface::cascade::{
			self,
			financing::events::Financed,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec, cascade_runtime::RuntimeCall,
				pallet_financing::types::FinancingKind,
				pallet_receivables::pallet::Call as ReceivablesCall,
			},
		},
		keys::Signer,
		submit::{submit_all, Options},
	};
	use subxt::tx::Payload;

	let _serial = serial();
	let node = DevNode::start();
	let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
	let chain = rt.block_on(Chain::connect(&node.url)).unwrap();
	let key = |uri: &str| Signer::from_suri(uri, None).unwrap();
	async fn chain_now(chain: &Chain) -> u64 {
		let at = chain.at_best().await.unwrap();
		let now = at.storage().fetch(cascade::storage().timestamp().now(), ()).await.unwrap();
		now.decode().unwrap()
	}
	async fn one<C: Payload>(
		chain: &Chain,
		signer: &Signer,
		call: C,
	) -> cascade_client::chain::Inclusion {
		let run =
			submit_all(chain, signer, &[call], Options { finalized: false, window: 1 }, |_, _| {})
				.await
				.unwrap();
		let inclusion = run.included.into_iter().next().flatten().expect("landed");
		assert!(inclusion.result.is_ok(), "{:?}", inclusion.result);
		inclusion
	}

	// The set-up, through the library: no grace period (the Operator is the dev council), a
	// receivable due in 5 minutes of chain time (a manually sealed block is at least one 6 s
	// slot after its parent: about 15 s here) accepted by Charlie and pledged to Ferdie.
	let (receivable, financing, maturity) = rt.block_on(async {
		let at = chain.at_best().await.unwrap();
		let params = at
			.storage()
			.fetch(cascade::storage().receivables().params(), ())
			.await
			.unwrap()
			.decode()
			.unwrap();
		let now = chain_now(&chain).await;
		let set = RuntimeCall::Receivables(ReceivablesCall::set_parameters {
			max_tenor: params.max_tenor,
			grace_period: 0,
			min_note_amount: params.min_note_amount,
		});
		let motion = cascade::tx().council().propose(1, set, 1_000).unvalidated();
		one(&chain, &key("//Alice"), motion).await;
		let maturity = now + 300_000;
		let line = chain.reader().await.unwrap().credit_line(0).await.unwrap().unwrap();
		let issue = cascade::tx().receivables().issue(
			key("//Charlie").account(),
			line.asset,
			100_000,
			maturity,
			0,
			Default::default(),
			BoundedVec(b"LOAN-1".to_vec()),
		);
		let (receivable, note) = one(&chain, &key("//Bob"), issue).await.issued().unwrap();
		one(&chain, &key("//Charlie"), cascade::tx().receivables().accept(note)).await;
		let pledge = cascade::tx().financing().finance(note, 0, FinancingKind::Pledge);
		let financed = one(&chain, &key("//Charlie"), pledge).await;
		(receivable, financed.events.find::<Financed>().unwrap().financing, maturity)
	});
	let financing = financing.to_string();

	// Not overdue yet: the chain refuses, in words.
	let out = node.cascade(&["--suri", "//Ferdie", "call-loan", &financing]);
	assert_eq!(out.status.code(), Some(1));
	let error = json(&out)["error"].as_str().unwrap().to_string();
	assert!(error.contains("Financing.NotOverdue"), "{error}");

	// Past maturity, unpaid: anyone marks it overdue; only the lender may call.
	rt.block_on(async {
		while chain_now(&chain).await <= maturity {
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		one(&chain, &key("//Eve"), cascade::tx().receivables().mark_overdue(receivable)).await;
	});
	let out = node.cascade(&["--suri", "//Charlie", "call-loan", &financing]);
	let error = json(&out)["error"].as_str().unwrap().to_string();
	assert!(error.contains("Financing.NotFinancingFinancier"), "{error}");
	let called = ok(&node.cascade(&["--suri", "//Ferdie", "call-loan", &financing]));
	let owed: u128 = called["owed"].as_str().unwrap().parse().unwrap();
	assert!(owed > 0 && owed <= 100_000, "{called}");

	// The claim is Charlie's to settle, not Dave's.
	let out = node.cascade(&["--suri", "//Dave", "settle-claim", &financing]);
	let error = json(&out)["error"].as_str().unwrap().to_string();
	assert!(error.contains("Financing.NotDebtor"), "{error}");
	let settled = ok(&node.cascade(&["--suri", "//Charlie", "settle-claim", &financing]));
	let paid: u128 = settled["paid"].as_str().unwrap().parse().unwrap();
	let remaining: u128 = settled["remaining"].as_str().unwrap().parse().unwrap();
	assert!(paid > 0, "{settled}");
	assert_eq!(paid + remaining, owed);
	let out = node.cascade(&["--suri", "//Ferdie", "call-loan", "999"]);
	assert!(json(&out)["error"].as_str().unwrap().contains("no financing has id 999"));
}
