//! `Decimal<T>`: a balance or an asset id in a read type. SCALE-encoded as the number itself; in
//! JSON its decimal string (JavaScript numbers lose precision above 2^53, and a u128 balance does
//! not fit), so the RPC's types need no serde attribute per field.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::ops::Deref;
use scale_info::TypeInfo;

/// A number the JSON shows as its decimal string: `"340282366920938463463374607431768211455"`.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Decimal<T>(pub T);

impl<T> From<T> for Decimal<T> {
	fn from(value: T) -> Self {
		Decimal(value)
	}
}

impl<T> Deref for Decimal<T> {
	type Target = T;
	fn deref(&self) -> &T {
		&self.0
	}
}

/// Serde asks of a field's type parameters only what it derives (`T: Serialize` /
/// `T: Deserialize`), so these need no more: the number is written through its own
/// `Serialize` (an integer's JSON text is its decimal digits) and read back through its own
/// `Deserialize`; read types keep serde's default bounds.
#[cfg(feature = "std")]
mod json {
	use super::Decimal;
	use serde::{
		de::{Error as _, IntoDeserializer},
		ser::Error as _,
		Deserialize, Deserializer, Serialize, Serializer,
	};

	impl<T: Serialize> Serialize for Decimal<T> {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			let text = serde_json::to_string(&self.0).map_err(S::Error::custom)?;
			let digits = text.strip_prefix('-').unwrap_or(&text);
			if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
				return Err(S::Error::custom(format!("{text} is not an integer")));
			}
			s.serialize_str(&text)
		}
	}

	impl<'de, T: Deserialize<'de>> Deserialize<'de> for Decimal<T> {
		fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
			let text = String::deserialize(d)?;
			let not_decimal = || D::Error::custom(format!("{text:?} is not a decimal number"));
			// Through the narrowest integer that holds it: serde's visitors of the smaller
			// integers take 64-bit values, not 128-bit ones.
			let value = if let Some(digits) = text.strip_prefix('-') {
				let n = digits
					.parse::<u128>()
					.ok()
					.and_then(|n| i128::try_from(n).ok())
					.map(|n| -n)
					.ok_or_else(not_decimal)?;
				match i64::try_from(n) {
					Ok(small) => T::deserialize(small.into_deserializer()),
					Err(_) => T::deserialize(n.into_deserializer()),
				}
			} else {
				let n: u128 = text.parse().map_err(|_| not_decimal())?;
				match u64::try_from(n) {
					Ok(small) => T::deserialize(small.into_deserializer()),
					Err(_) => T::deserialize(n.into_deserializer()),
				}
			};
			value
				.map(Decimal)
				.map_err(|e: serde::de::value::Error| D::Error::custom(format!("{text:?}: {e}")))
		}
	}
}

#[cfg(test)]
mod tests {
	use super::Decimal;
	use codec::{Decode, Encode};

	#[test]
	fn a_decimal_is_its_number_in_scale_and_its_decimal_string_in_json() {
		let max = Decimal(u128::MAX);
		assert_eq!(max.encode(), u128::MAX.encode());
		assert_eq!(Decimal::<u128>::decode(&mut &u128::MAX.encode()[..]).unwrap(), max);
		let json = serde_json::to_string(&max).unwrap();
		assert_eq!(json, r#""340282366920938463463374607431768211455""#);
		assert_eq!(serde_json::from_str::<Decimal<u128>>(&json).unwrap(), max);
		let bad = serde_json::from_str::<Decimal<u32>>(r#""1.5""#).unwrap_err();
		assert!(bad.to_string().contains("is not a decimal number"), "{bad}");
		assert!(serde_json::from_str::<Decimal<u32>>("15").is_err(), "a JSON number is refused");
		let too_big = serde_json::from_str::<Decimal<u32>>(r#""4294967296""#).unwrap_err();
		assert!(too_big.to_string().contains("4294967296"), "{too_big}");
		assert_eq!(
			serde_json::from_str::<Decimal<u32>>(r#""4294967295""#).unwrap(),
			Decimal(u32::MAX)
		);
		assert_eq!(serde_json::to_string(&Decimal(-5i64)).unwrap(), r#""-5""#);
		assert_eq!(serde_json::from_str::<Decimal<i64>>(r#""-5""#).unwrap(), Decimal(-5));
		assert_eq!(*Decimal(7u32), 7);
	}
}
