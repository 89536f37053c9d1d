//! The `cascade` commands, one a file, each with its options (`Args`), what it uses of the chain
//! (`USES`, checked against the node's metadata before it runs) and `run`.

pub mod accept;
pub mod attest;
pub mod call_loan;
pub mod exposure;
pub mod issue;
pub mod issue_batch;
pub mod notes;
pub mod repay;
pub mod settle_claim;
pub mod split_transfer;
pub mod statement;
pub mod transfer;
pub mod tree;

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _, Result};
use clap::Subcommand;
use subxt::tx::Payload;

use crate::{
	chain::{parse_account, AccountId, Chain, Inclusion},
	compat::{self, Incompatible, Use},
	keys::Signer,
	output::Output,
	submit::{self, Options},
};

/// The events every sending command reads.
const SENDING: &[Use] = &[
	Use::Event("System", "ExtrinsicSuccess", &[]),
	Use::Event("System", "ExtrinsicFailed", &["dispatch_error"]),
];

#[derive(Subcommand)]
pub enum Command {
	/// Issue one receivable to a tier-1 supplier.
	Issue(issue::Args),
	/// Issue every receivable of a CSV file: to,amount,maturity,line,invoice[,doc|doc_hash].
	///
	/// The whole file is checked before anything is sent; bad lines are named and nothing is
	/// sent. Invoices already issued are skipped, so running a stopped batch again finishes it.
	IssueBatch(issue_batch::Args),
	/// The live notes an account holds or is offered [default: the signer].
	Notes(notes::Args),
	/// A receivable's lineage tree.
	Tree(tree::Args),
	/// What a core enterprise owes and its credit lines [default: the signer].
	Exposure(exposure::Args),
	/// Pay what is still outstanding on a receivable into its escrow (the issuer, before or
	/// after maturity); with --amount, pay part of it (部分兑付). From maturity on the chain
	/// pays every holder by itself.
	Repay(repay::Args),
	/// Accept a note offered to the signer (签收).
	Accept(accept::Args),
	/// Offer a whole note to another enterprise.
	Transfer(transfer::Args),
	/// Offer part of a note to another enterprise; the rest stays with the holder.
	SplitTransfer(split_transfer::Args),
	/// Call in an overdue pledge loan (the lender): the borrower owes the rest as a claim.
	CallLoan(call_loan::Args),
	/// Pay what you owe on a financing's claim (the debtor), as much as you can.
	SettleClaim(settle_claim::Args),
	/// An account's statement (对账单) from the indexer: opening position, every movement,
	/// closing position [default: the signer].
	Statement(statement::Args),
	/// Grade an enterprise (an Attestor): its tier A–D or its green grade, until a time.
	Attest(attest::Args),
}

impl Command {
	/// What the command uses of the chain.
	fn uses(&self) -> Vec<Use> {
		let own: &[Use] = match self {
			Command::Issue(_) => issue::USES,
			Command::IssueBatch(_) => issue_batch::USES,
			Command::Notes(_) => notes::USES,
			Command::Tree(_) => tree::USES,
			Command::Exposure(_) => exposure::USES,
			Command::Repay(_) => repay::USES,
			Command::Accept(_) => accept::USES,
			Command::Transfer(_) => transfer::USES,
			Command::SplitTransfer(_) => split_transfer::USES,
			Command::CallLoan(_) => call_loan::USES,
			Command::SettleClaim(_) => settle_claim::USES,
			Command::Statement(_) => statement::USES,
			Command::Attest(_) => attest::USES,
		};
		own.iter().chain(SENDING).copied().collect()
	}

	/// Checks what the command uses against the node, then runs it.
	pub async fn run(self, ctx: Context) -> Result<()> {
		compat::require(&ctx.incompatible, &self.uses())?;
		match self {
			Command::Issue(args) => issue::run(&ctx, args).await,
			Command::IssueBatch(args) => issue_batch::run(&ctx, args).await,
			Command::Notes(args) => notes::run(&ctx, args).await,
			Command::Tree(args) => tree::run(&ctx, args).await,
			Command::Exposure(args) => exposure::run(&ctx, args).await,
			Command::Repay(args) => repay::run(&ctx, args).await,
			Command::Accept(args) => accept::run(&ctx, args).await,
			Command::Transfer(args) => transfer::run(&ctx, args).await,
			Command::SplitTransfer(args) => split_transfer::run(&ctx, args).await,
			Command::CallLoan(args) => call_loan::run(&ctx, args).await,
			Command::SettleClaim(args) => settle_claim::run(&ctx, args).await,
			Command::Statement(args) => statement::run(&ctx, args).await,
			Command::Attest(args) => attest::run(&ctx, args).await,
		}
	}
}

/// The signing key as given on the command line.
#[derive(Clone, Debug, Default)]
pub struct KeyOptions {
	pub suri: Option<String>,
	pub key_file: Option<PathBuf>,
	pub password: Option<String>,
}

/// What every command works with.
pub struct Context {
	pub chain: Chain,
	pub keys: KeyOptions,
	pub out: Output,
	/// What the node's runtime lacks or has in another shape, of what this client uses.
	pub incompatible: Vec<Incompatible>,
}

impl Context {
	/// Connects to `url` and checks the node's runtime against what this client uses.
	pub async fn connect(url: &str, keys: KeyOptions, out: Output) -> Result<Self> {
		let chain = Chain::connect(url).await?;
		let incompatible = compat::check(chain.at_best().await?.metadata_ref());
		if std::env::var_os("CASCADE_DEBUG").is_some() {
			for i in &incompatible {
				eprintln!("incompatible: {i}");
			}
		}
		Ok(Self { chain, keys, out, incompatible })
	}

	/// The signing key.
	pub fn signer(&self) -> Result<Signer> {
		if let Some(path) = &self.keys.key_file {
			let password = self
				.keys
				.password
				.clone()
				.ok_or_else(|| anyhow!("give the key file's password (--password)"))?;
			return Signer::from_key_file(path, &password);
		}
		let suri = self.keys.suri.clone().ok_or_else(|| {
			anyhow!("this command signs: give a key with --suri or --key-file (and --password)")
		})?;
		Signer::from_suri(&suri, self.keys.password.as_deref())
	}

	/// `account` parsed, or the signer's account when absent.
	pub fn account_or_signer(&self, account: Option<String>) -> Result<AccountId> {
		match account {
			Some(a) => parse_account(&a).map_err(|e| anyhow!(e)),
			None => Ok(self.signer().context("name an account, or give a key")?.account()),
		}
	}

	/// Sends one call and waits for it; a failed dispatch becomes an error in words.
	pub async fn send_one<C: Payload>(&self, call: C, finalized: bool) -> Result<Inclusion> {
		let signer = self.signer()?;
		let run = submit::submit_all(
			&self.chain,
			&signer,
			std::slice::from_ref(&call),
			Options { finalized, window: 1 },
			|_, _| {},
		)
		.await?;
		if let Some(why) = run.stopped {
			bail!(why);
		}
		let inclusion = run
			.included
			.into_iter()
			.next()
			.flatten()
			.ok_or_else(|| anyhow!("the transaction was not seen in a block"))?;
		if let Err(failure) = &inclusion.result {
			bail!("{} (block #{})", failure.describe(), inclusion.block.number);
		}
		Ok(inclusion)
	}
}
