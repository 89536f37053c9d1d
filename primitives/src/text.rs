//! Serde helpers for the JSON the node's RPC answers with: amounts and asset ids as decimal
//! strings (JavaScript numbers lose precision above 2^53; a u128 balance does not fit), and byte
//! strings that are text (invoice references) as text.
//!
//! Use with `#[serde(with = "cascade_primitives::text::decimal")]` and so on.

/// A number as its decimal string: `"340282366920938463463374607431768211455"`.
pub mod decimal {
	use core::{fmt::Display, str::FromStr};
	use serde::{de::Error, Deserialize, Deserializer, Serializer};

	pub fn serialize<T: Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
		s.collect_str(value)
	}

	pub fn deserialize<'de, T: FromStr, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
		let text = String::deserialize(d)?;
		text.parse().map_err(|_| D::Error::custom(format!("{text:?} is not a decimal number")))
	}
}

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
		#[serde(with = "super::decimal")]
		amount: u128,
		#[serde(with = "super::lossy_text")]
		text: Vec<u8>,
	}

	#[test]
	fn amounts_are_decimal_strings_and_bytes_text() {
		let s = Sample { amount: u128::MAX, text: b"INV-1".to_vec() };
		let json = serde_json::to_string(&s).unwrap();
		assert_eq!(json, r#"{"amount":"340282366920938463463374607431768211455","text":"INV-1"}"#);
		assert_eq!(serde_json::from_str::<Sample>(&json).unwrap(), s);
		let bad = serde_json::from_str::<Sample>(r#"{"amount":"1.5","text":""}"#).unwrap_err();
		assert!(bad.to_string().contains("is not a decimal number"), "{bad}");
		let lossy = Sample { amount: 0, text: vec![0x49, 0xff] };
		assert_eq!(serde_json::to_value(&lossy).unwrap()["text"], "I\u{fffd}");
	}
}
