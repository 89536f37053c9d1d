//! Serde helper for the JSON the node's RPC answers with: byte strings that are text (invoice
//! references) as text. (Amounts and asset ids are `Decimal`s: see `decimal.rs`.)
//!
//! Use with `#[serde(with = "cascade_primitives::text::lossy_text")]`.

/// Bytes as text, lossy for bytes that are not UTF-8 (each such sequence becomes U+FFFD).
pub mod lossy_text {
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&String::from_utf8_lossy(bytes))
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
		Ok(String::deserialize(d)?.into_bytes())
	}
}

#[cfg(test)]
mod tests {
	use serde::{Deserialize, Serialize};

	#[derive(Serialize, Deserialize, PartialEq, Debug)]
	struct Sample {
		#[serde(with = "super::lossy_text")]
		text: Vec<u8>,
	}

	#[test]
	fn bytes_are_text() {
		let s = Sample { text: b"INV-1".to_vec() };
		let json = serde_json::to_string(&s).unwrap();
		assert_eq!(json, r#"{"text":"INV-1"}"#);
		assert_eq!(serde_json::from_str::<Sample>(&json).unwrap(), s);
		let lossy = Sample { text: vec![0x49, 0xff] };
		assert_eq!(serde_json::to_value(&lossy).unwrap()["text"], "I\u{fffd}");
	}
}
