-- The ledger's history (cascade-indexer, schema version 1). One schema for SQLite and
-- PostgreSQL: integers are BIGINT, amounts TEXT (decimal strings of minor units, exact beyond
-- 64 bits), accounts TEXT (SS58), hashes TEXT (0x hex), flags BIGINT 0/1. Every row names the
-- block it was written at; a block's rows are written in one transaction with the block's own
-- row, so the highest block in `blocks` is where indexing resumes.

-- Every finalized block indexed, in order from genesis.
CREATE TABLE blocks (
	number BIGINT PRIMARY KEY,
	hash TEXT NOT NULL,
	parent TEXT NOT NULL,
	time_ms BIGINT NOT NULL,
	spec_version BIGINT NOT NULL
);

-- Every event of Cascade's pallets (Enterprises, Receivables, Financing), as decoded with the
-- metadata of its block's runtime: fields as JSON (amounts as decimal strings, accounts SS58).
CREATE TABLE events (
	block BIGINT NOT NULL,
	idx BIGINT NOT NULL,
	extrinsic BIGINT,
	pallet TEXT NOT NULL,
	name TEXT NOT NULL,
	fields TEXT NOT NULL,
	PRIMARY KEY (block, idx)
);
CREATE INDEX events_name ON events (pallet, name);

-- Enterprises, as registered (genesis ones from the genesis state) and changed since.
CREATE TABLE enterprises (
	account TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	credit_code TEXT NOT NULL,
	core BIGINT NOT NULL,
	supplier BIGINT NOT NULL,
	financier BIGINT NOT NULL,
	suspended BIGINT NOT NULL,
	registered_block BIGINT NOT NULL,
	updated_block BIGINT NOT NULL
);
CREATE INDEX enterprises_name ON enterprises (name);

-- Receivables: the terms at issue, and the state the chain showed at the last block that
-- touched them.
CREATE TABLE receivables (
	id BIGINT PRIMARY KEY,
	issuer TEXT NOT NULL,
	supplier TEXT NOT NULL,
	asset BIGINT NOT NULL,
	face TEXT NOT NULL,
	maturity BIGINT NOT NULL,
	credit_line BIGINT NOT NULL,
	root_note BIGINT NOT NULL,
	invoice_ref TEXT NOT NULL,
	status TEXT NOT NULL,
	repaid TEXT NOT NULL,
	paid_out TEXT NOT NULL,
	issued_block BIGINT NOT NULL,
	updated_block BIGINT NOT NULL
);
CREATE INDEX receivables_issuer ON receivables (issuer);
CREATE INDEX receivables_invoice ON receivables (invoice_ref);

-- Notes, paid ones included: the state the chain showed at the last block that touched them.
CREATE TABLE notes (
	id BIGINT PRIMARY KEY,
	receivable BIGINT NOT NULL,
	parent BIGINT,
	depth BIGINT NOT NULL,
	holder TEXT NOT NULL,
	amount TEXT NOT NULL,
	paid TEXT NOT NULL,
	state TEXT NOT NULL,
	offered_to TEXT,
	financing BIGINT,
	created_block BIGINT NOT NULL,
	updated_block BIGINT NOT NULL
);
CREATE INDEX notes_holder ON notes (holder, state);
CREATE INDEX notes_receivable ON notes (receivable);

-- Every change to a note, in chain order: issued, offered, accepted, rejected, revoked, split,
-- created (a split's child), transferred, moved (factoring), pledged, released, frozen, unfrozen,
-- part_paid, redeemed, cancelled. `account` is whom it concerns (the holder after the change, or
-- the sender), `counterparty` the other side, `amount` what moved.
CREATE TABLE note_history (
	note BIGINT NOT NULL,
	block BIGINT NOT NULL,
	idx BIGINT NOT NULL,
	receivable BIGINT NOT NULL,
	kind TEXT NOT NULL,
	account TEXT,
	counterparty TEXT,
	amount TEXT,
	PRIMARY KEY (note, block, idx, kind)
);
CREATE INDEX note_history_account ON note_history (account, block);
CREATE INDEX note_history_counterparty ON note_history (counterparty, block);
CREATE INDEX note_history_receivable ON note_history (receivable, block);

-- Money paid out of a receivable's escrow to a note's holder (and its pledgee), at maturity or in
-- part payments.
CREATE TABLE payouts (
	block BIGINT NOT NULL,
	idx BIGINT NOT NULL,
	note BIGINT NOT NULL,
	receivable BIGINT NOT NULL,
	holder TEXT NOT NULL,
	amount TEXT NOT NULL,
	pledgee TEXT,
	to_pledgee TEXT NOT NULL,
	final BIGINT NOT NULL,
	PRIMARY KEY (block, idx)
);
CREATE INDEX payouts_holder ON payouts (holder, block);
CREATE INDEX payouts_pledgee ON payouts (pledgee, block);
CREATE INDEX payouts_receivable ON payouts (receivable);

-- Financings, from the event that made each and the events that changed it since.
CREATE TABLE financings (
	id BIGINT PRIMARY KEY,
	kind TEXT NOT NULL,
	recourse BIGINT NOT NULL,
	financier TEXT NOT NULL,
	seller TEXT NOT NULL,
	obligor TEXT NOT NULL,
	note BIGINT NOT NULL,
	receivable BIGINT NOT NULL,
	asset BIGINT NOT NULL,
	amount TEXT NOT NULL,
	price TEXT NOT NULL,
	interest TEXT NOT NULL,
	annual_rate BIGINT NOT NULL,
	maturity BIGINT NOT NULL,
	program BIGINT,
	status TEXT NOT NULL,
	repaid TEXT NOT NULL,
	financed_block BIGINT NOT NULL,
	updated_block BIGINT NOT NULL
);
CREATE INDEX financings_financier ON financings (financier);
CREATE INDEX financings_seller ON financings (seller);

-- Recourse claims: what a seller owes a financier after recourse, and what it has paid.
CREATE TABLE claims (
	financing BIGINT PRIMARY KEY,
	seller TEXT NOT NULL,
	owed TEXT NOT NULL,
	paid TEXT NOT NULL,
	remaining TEXT NOT NULL,
	opened_block BIGINT NOT NULL,
	updated_block BIGINT NOT NULL
);
CREATE INDEX claims_seller ON claims (seller);
