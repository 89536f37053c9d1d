//! Reading a batch file: every bad line named, nothing half-read.

use std::path::Path;

use super::{LineError, Row};
use crate::chain::H256;

/// Reads a batch file. Errors name their lines; nothing is half-read.
pub fn read_csv(path: &Path) -> Result<Vec<Row>, Vec<LineError>> {
	let whole = |message: String| vec![LineError { line: 0, message }];
	let bytes =
		std::fs::read(path).map_err(|e| whole(format!("cannot read {}: {e}", path.display())))?;
	// The csv crate's line counter skips blank lines, and a record's position may point at the
	// blank lines before it: count the newlines before its first character instead.
	let newlines: Vec<u64> =
		bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i as u64).collect();
	let line_at = |p: Option<&csv::Position>| {
		p.map(|p| {
			let mut at = p.byte() as usize;
			while matches!(bytes.get(at), Some(b'\n' | b'\r')) {
				at += 1;
			}
			newlines.partition_point(|n| *n < at as u64) as u64 + 1
		})
		.unwrap_or(0)
	};
	let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(&bytes[..]);
	let headers = reader.headers().map_err(|e| whole(format!("{}: {e}", path.display())))?;
	let missing: Vec<&str> = ["to", "amount", "maturity", "line", "invoice"]
		.into_iter()
		.filter(|h| !headers.iter().any(|x| x == *h))
		.collect();
	if !missing.is_empty() {
		return Err(whole(format!(
			"{}: the header line lacks the column(s) {} (expected: to,amount,maturity,line,invoice[,doc|doc_hash])",
			path.display(),
			missing.join(", ")
		)));
	}
	let headers = headers.clone();
	let mut rows = Vec::new();
	let mut errors = Vec::new();
	let mut record = csv::StringRecord::new();
	loop {
		match reader.read_record(&mut record) {
			Ok(false) => break,
			Ok(true) => {
				let line = line_at(record.position());
				match record.deserialize::<Row>(Some(&headers)) {
					Ok(row) => rows.push(Row { line, ..row }),
					Err(e) => errors.push(LineError { line, message: e.to_string() }),
				}
			}
			Err(e) => {
				let line = line_at(e.position());
				errors.push(LineError { line, message: e.to_string() });
				if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
					break;
				}
			}
		}
	}
	if rows.is_empty() && errors.is_empty() {
		errors.push(LineError { line: 0, message: format!("{} has no lines", path.display()) });
	}
	if errors.is_empty() {
		Ok(rows)
	} else {
		Err(errors)
	}
}

pub fn parse_doc_hash(row: &Row, base: &Path) -> Result<H256, String> {
	let doc = row.doc.as_deref().filter(|d| !d.is_empty());
	let hash = row.doc_hash.as_deref().filter(|d| !d.is_empty());
	match (doc, hash) {
		(Some(_), Some(_)) => Err("give a document or its hash, not both".into()),
		(Some(doc), None) => {
			let path = base.join(doc);
			let bytes = std::fs::read(&path)
				.map_err(|e| format!("cannot read the document {}: {e}", path.display()))?;
			Ok(H256(sp_crypto_hashing::blake2_256(&bytes)))
		}
		(None, Some(hash)) => {
			let bytes = hex::decode(hash.trim_start_matches("0x"))
				.map_err(|_| format!("`{hash}` is not a hex hash"))?;
			if bytes.len() != 32 {
				return Err(format!("`{hash}` is not 32 bytes (64 hex digits)"));
			}
			Ok(H256::from_slice(&bytes))
		}
		(None, None) => Ok(H256::zero()),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn write(text: &str) -> tempfile::NamedTempFile {
		use std::io::Write;
		let mut f = tempfile::NamedTempFile::new().unwrap();
		f.write_all(text.as_bytes()).unwrap();
		f
	}

	#[test]
	fn csv_rows_keep_their_line_numbers() {
		let f = write(
			"to,amount,maturity,line,invoice\n//Charlie,10.00,2027-03-31,0,A-1\n\n//Dave,5,2027-04-30,0,A-2\n",
		);
		let rows = read_csv(f.path()).unwrap();
		assert_eq!(rows.len(), 2);
		assert_eq!((rows[0].line, rows[0].invoice.as_str()), (2, "A-1"));
		assert_eq!((rows[1].line, rows[1].to.as_str()), (4, "//Dave"));
		assert_eq!(rows[1].doc, None);
	}

	#[test]
	fn missing_columns_and_ragged_lines_are_named() {
		let f = write("to,amount,maturity,invoice\n//Charlie,1,2027-03-31,A\n");
		let errors = read_csv(f.path()).unwrap_err();
		assert!(errors[0].message.contains("line"), "{errors:?}");
		let f = write("to,amount,maturity,line,invoice\n//Charlie,1,2027-03-31,0,A\n//Dave,1\n");
		let errors = read_csv(f.path()).unwrap_err();
		assert_eq!(errors.len(), 1);
		assert_eq!(errors[0].line, 3);
	}

	#[test]
	fn documents_hash_with_blake2() {
		let dir = tempfile::tempdir().unwrap();
		std::fs::write(dir.path().join("inv.pdf"), b"invoice").unwrap();
		let row = Row { doc: Some("inv.pdf".into()), ..Default::default() };
		assert_eq!(
			parse_doc_hash(&row, dir.path()),
			Ok(H256(sp_crypto_hashing::blake2_256(b"invoice")))
		);
		let hex = format!("0x{}", "ab".repeat(32));
		let row = Row { doc_hash: Some(hex), ..Default::default() };
		assert_eq!(parse_doc_hash(&row, dir.path()), Ok(H256([0xab; 32])));
		let row = Row { doc_hash: Some("0x1234".into()), ..Default::default() };
		assert!(parse_doc_hash(&row, dir.path()).unwrap_err().contains("32 bytes"));
		let row =
			Row { doc: Some("x".into()), doc_hash: Some("0x00".into()), ..Default::default() };
		assert!(parse_doc_hash(&row, dir.path()).unwrap_err().contains("not both"));
		assert_eq!(parse_doc_hash(&Row::default(), dir.path()), Ok(H256::zero()));
	}
}
