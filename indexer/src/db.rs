//! The database: SQLite (a file, the default) or PostgreSQL (a `postgres://` URL), through sqlx's
//! `Any` driver, so the same SQL and the same tests serve both. The schema is versioned in
//! `migrations/` (applied in order, each in one transaction, recorded in `schema_migrations`).

use anyhow::{bail, Context, Result};
use sqlx::{
	any::{AnyPoolOptions, AnyRow},
	AnyPool, Row,
};

/// The schema's versions, oldest first: (version, name, SQL).
const MIGRATIONS: &[(i64, &str, &str)] = &[
	(1, "ledger", include_str!("../migrations/0001_ledger.sql")),
	(2, "reserves", include_str!("../migrations/0002_reserves.sql")),
];

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
	Sqlite,
	Postgres,
}

/// The indexer's database.
#[derive(Clone)]
pub struct Db {
	pool: AnyPool,
	backend: Backend,
}

/// `--db`: a `postgres://` (or `postgresql://`) URL, a `sqlite:` URL, or a file path (SQLite,
/// created if missing).
pub fn url_of(db: &str) -> (Backend, String) {
	if db.starts_with("postgres://") || db.starts_with("postgresql://") {
		(Backend::Postgres, db.to_string())
	} else if db.starts_with("sqlite:") {
		(Backend::Sqlite, db.to_string())
	} else {
		(Backend::Sqlite, format!("sqlite://{db}?mode=rwc"))
	}
}

impl Db {
	/// Opens the database and brings its schema up to date.
	pub async fn open(db: &str) -> Result<Self> {
		sqlx::any::install_default_drivers();
		let (backend, url) = url_of(db);
		let mut options = AnyPoolOptions::new().max_connections(8);
		if backend == Backend::Sqlite {
			// One file, written by one follower and read by the HTTP service at once: WAL lets
			// readers and the writer work side by side; FULL makes every committed block survive
			// a crash of the machine, not only of the process; a busy writer makes a reader
			// wait, not fail.
			options = options.after_connect(|conn, _| {
				Box::pin(async move {
					for pragma in [
						"PRAGMA journal_mode = WAL",
						"PRAGMA synchronous = FULL",
						"PRAGMA busy_timeout = 10000",
					] {
						sqlx::query(pragma).execute(&mut *conn).await?;
					}
					Ok(())
				})
			});
		}
		let pool = options
			.connect(&url)
			.await
			.with_context(|| format!("cannot open the database {db}"))?;
		let db = Db { pool, backend };
		db.migrate().await?;
		Ok(db)
	}

	pub fn pool(&self) -> &AnyPool {
		&self.pool
	}

	pub fn backend(&self) -> Backend {
		self.backend
	}

	/// Applies the migrations this database has not had yet, each in one transaction.
	async fn migrate(&self) -> Result<()> {
		sqlx::query(
			"CREATE TABLE IF NOT EXISTS schema_migrations \
			 (version BIGINT PRIMARY KEY, name TEXT NOT NULL)",
		)
		.execute(&self.pool)
		.await?;
		let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
			.fetch_all(&self.pool)
			.await?
			.iter()
			.map(|row| row.get::<i64, _>(0))
			.collect();
		if let Some(newer) = applied.iter().find(|v| **v > MIGRATIONS.len() as i64) {
			bail!(
				"the database has schema version {newer}, newer than this indexer knows ({}): \
				 use a newer cascade-indexer",
				MIGRATIONS.len()
			);
		}
		for (version, name, sql) in MIGRATIONS {
			if applied.contains(version) {
				continue;
			}
			let mut tx = self.pool.begin().await?;
			for statement in statements(sql) {
				sqlx::query(&statement)
					.execute(&mut *tx)
					.await
					.with_context(|| format!("migration {version} ({name}): {statement}"))?;
			}
			sqlx::query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)")
				.bind(*version)
				.bind(*name)
				.execute(&mut *tx)
				.await?;
			tx.commit().await?;
		}
		Ok(())
	}

	/// The schema version (the last migration applied).
	pub async fn schema_version(&self) -> Result<i64> {
		let row = sqlx::query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
			.fetch_one(&self.pool)
			.await?;
		Ok(row.get::<i64, _>(0))
	}

	/// The last block indexed, if any.
	pub async fn last_block(&self) -> Result<Option<u32>> {
		let row: AnyRow =
			sqlx::query("SELECT MAX(number) FROM blocks").fetch_one(&self.pool).await?;
		Ok(row.try_get::<Option<i64>, _>(0)?.map(|n| n as u32))
	}

	/// The hash of an indexed block.
	pub async fn block_hash(&self, number: u32) -> Result<Option<String>> {
		let row = sqlx::query("SELECT hash FROM blocks WHERE number = $1")
			.bind(number as i64)
			.fetch_optional(&self.pool)
			.await?;
		Ok(row.map(|r| r.get::<String, _>(0)))
	}
}

/// The statements of a migration file: split at semicolons that end a line, comments dropped.
fn statements(sql: &str) -> Vec<String> {
	let mut out = Vec::new();
	let mut current = String::new();
	for line in sql.lines() {
		let line = match line.find("--") {
			Some(i) => &line[..i],
			None => line,
		}
		.trim_end();
		if line.trim().is_empty() {
			continue;
		}
		current.push_str(line);
		current.push('\n');
		if line.trim_end().ends_with(';') {
			out.push(current.trim().trim_end_matches(';').to_string());
			current.clear();
		}
	}
	if !current.trim().is_empty() {
		out.push(current.trim().to_string());
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_migration_splits_into_its_statements_without_comments() {
		let sql =
			"-- a table\nCREATE TABLE a (\n\tx BIGINT -- the x\n);\nCREATE INDEX a_x ON a (x);\n";
		assert_eq!(
			statements(sql),
			vec!["CREATE TABLE a (\n\tx BIGINT\n)".to_string(), "CREATE INDEX a_x ON a (x)".into()]
		);
	}

	#[test]
	fn a_path_is_a_sqlite_file_and_a_postgres_url_is_postgres() {
		assert_eq!(url_of("/tmp/x.db"), (Backend::Sqlite, "sqlite:///tmp/x.db?mode=rwc".into()));
		assert_eq!(url_of("postgres://u@h/db").0, Backend::Postgres);
		assert_eq!(url_of("sqlite::memory:").0, Backend::Sqlite);
	}
}
