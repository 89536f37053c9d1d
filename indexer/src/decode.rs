//! Events as JSON, decoded with the metadata of the block they are in (so a block before a runtime
//! upgrade reads with the old runtime's types and one after with the new): fields by name,
//! accounts in SS58, integers as numbers up to 2^53 and as decimal strings beyond, byte strings as
//! text when they are UTF-8 (invoice references, names, credit codes) and as 0x hex when not (or
//! when they are hashes), `None` as null, an enum without fields as its name, one with fields as
//! `{"Name": fields}`.

use anyhow::{anyhow, Result};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};
use serde_json::{json, Map, Value as Json};
use subxt::{
	events::Phase,
	ext::scale_value::{self, Composite, Primitive, Value, ValueDef},
	utils::AccountId32,
	Metadata,
};

/// The largest integer a JSON number carries exactly (2^53 - 1).
const JSON_SAFE: u128 = (1 << 53) - 1;

/// One event of a block, decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
	/// Its index among the block's events.
	pub index: u32,
	/// The extrinsic that emitted it (None: block initialization or finalization).
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub name: String,
	/// A JSON object of its fields by name.
	pub fields: Json,
}

/// Decodes one event's field bytes with `metadata`.
pub fn event(
	metadata: &Metadata,
	index: u32,
	phase: Phase,
	pallet: &str,
	variant_index: u8,
	field_bytes: &[u8],
) -> Result<Event> {
	let pallet_meta =
		metadata.pallet_by_name(pallet).ok_or_else(|| anyhow!("no pallet {pallet}"))?;
	let variant = pallet_meta
		.event_variant_by_index(variant_index)
		.ok_or_else(|| anyhow!("no event {variant_index} in {pallet}"))?;
	let types = metadata.types();
	let mut bytes = field_bytes;
	let mut fields = Map::new();
	for (i, field) in variant.fields.iter().enumerate() {
		let value = scale_value::scale::decode_as_type(&mut bytes, field.ty.id, types)
			.map_err(|e| anyhow!("{pallet}.{}: field {i}: {e}", variant.name))?;
		let name = field.name.clone().unwrap_or_else(|| i.to_string());
		fields.insert(name, to_json(&value, types));
	}
	let extrinsic = match phase {
		Phase::ApplyExtrinsic(i) => Some(i),
		_ => None,
	};
	Ok(Event {
		index,
		extrinsic,
		pallet: pallet.to_string(),
		name: variant.name.clone(),
		fields: Json::Object(fields),
	})
}

fn last_segment(types: &PortableRegistry, id: u32) -> Option<&str> {
	types.resolve(id).and_then(|t| t.path.segments.last()).map(|s| s.as_str())
}

/// The bytes of a value that is a sequence or array of u8 (or a newtype around one).
fn bytes_of(value: &Value<u32>) -> Option<Vec<u8>> {
	let ValueDef::Composite(c) = &value.value else { return None };
	let items: Vec<&Value<u32>> = c.values().collect();
	if items.len() == 1 {
		if let Some(inner) = bytes_of(items[0]) {
			return Some(inner);
		}
	}
	items
		.iter()
		.map(|v| match &v.value {
			ValueDef::Primitive(Primitive::U128(b)) if *b <= 255 => Some(*b as u8),
			_ => None,
		})
		.collect()
}

fn is_byte_sequence(types: &PortableRegistry, id: u32) -> bool {
	let Some(t) = types.resolve(id) else { return false };
	let elem = match &t.type_def {
		TypeDef::Sequence(s) => s.type_param.id,
		TypeDef::Array(a) => a.type_param.id,
		TypeDef::Composite(c) if c.fields.len() == 1 => {
			return is_byte_sequence(types, c.fields[0].ty.id)
		}
		_ => return false,
	};
	matches!(
		types.resolve(elem).map(|t| &t.type_def),
		Some(TypeDef::Primitive(scale_info::TypeDefPrimitive::U8))
	)
}

fn is_hash(t: &scale_info::Type<PortableForm>) -> bool {
	matches!(t.path.segments.last().map(|s| s.as_str()), Some("H256" | "H160" | "H512"))
}

/// A decoded value as JSON (the rules in the module's doc).
pub fn to_json(value: &Value<u32>, types: &PortableRegistry) -> Json {
	let id = value.context;
	if last_segment(types, id) == Some("AccountId32") {
		if let Some(bytes) = bytes_of(value) {
			if let Ok(raw) = <[u8; 32]>::try_from(bytes.as_slice()) {
				return Json::String(AccountId32(raw).to_string());
			}
		}
	}
	if is_byte_sequence(types, id) {
		if let Some(bytes) = bytes_of(value) {
			let hash = types.resolve(id).map(is_hash).unwrap_or(false);
			return match std::str::from_utf8(&bytes) {
				Ok(text) if !hash && !text.chars().any(|c| c.is_control()) => {
					Json::String(text.into())
				}
				_ => Json::String(format!("0x{}", hex::encode(&bytes))),
			};
		}
	}
	match &value.value {
		ValueDef::Primitive(p) => primitive(p),
		ValueDef::Composite(c) => composite(c, types),
		ValueDef::Variant(v) => {
			if last_segment(types, id) == Some("Option") {
				return match (v.name.as_str(), v.values.values().next()) {
					("Some", Some(inner)) => to_json(inner, types),
					_ => Json::Null,
				};
			}
			if v.values.is_empty() {
				Json::String(v.name.clone())
			} else {
				json!({ v.name.clone(): composite(&v.values, types) })
			}
		}
		ValueDef::BitSequence(bits) => Json::String(format!("{bits:?}")),
	}
}

fn composite(c: &Composite<u32>, types: &PortableRegistry) -> Json {
	match c {
		Composite::Named(fields) => {
			Json::Object(fields.iter().map(|(k, v)| (k.clone(), to_json(v, types))).collect())
		}
		Composite::Unnamed(items) if items.len() == 1 => to_json(&items[0], types),
		Composite::Unnamed(items) => Json::Array(items.iter().map(|v| to_json(v, types)).collect()),
	}
}

fn primitive(p: &Primitive) -> Json {
	match p {
		Primitive::Bool(b) => Json::Bool(*b),
		Primitive::Char(c) => Json::String(c.to_string()),
		Primitive::String(s) => Json::String(s.clone()),
		Primitive::U128(n) if *n <= JSON_SAFE => json!(*n as u64),
		Primitive::U128(n) => Json::String(n.to_string()),
		Primitive::I128(n) if n.unsigned_abs() <= JSON_SAFE => json!(*n as i64),
		Primitive::I128(n) => Json::String(n.to_string()),
		Primitive::U256(b) | Primitive::I256(b) => Json::String(format!("0x{}", hex::encode(b))),
	}
}

/// A field read as an amount (a number or a decimal string) — amounts are u128.
pub fn amount(fields: &Json, name: &str) -> Result<u128> {
	match fields.get(name) {
		Some(Json::Number(n)) => n.as_u64().map(u128::from).ok_or_else(|| anyhow!("{name}: {n}")),
		Some(Json::String(s)) => s.parse().map_err(|_| anyhow!("{name}: {s}")),
		other => Err(anyhow!("{name}: expected an amount, found {other:?}")),
	}
}

/// A field read as an id or a moment (u64).
pub fn int(fields: &Json, name: &str) -> Result<u64> {
	let n = amount(fields, name)?;
	u64::try_from(n).map_err(|_| anyhow!("{name}: {n} is not a u64"))
}

/// A field read as an optional id.
pub fn opt_int(fields: &Json, name: &str) -> Result<Option<u64>> {
	match fields.get(name) {
		None | Some(Json::Null) => Ok(None),
		Some(_) => int(fields, name).map(Some),
	}
}

/// A field read as text (an account, a name).
pub fn text(fields: &Json, name: &str) -> Result<String> {
	match fields.get(name) {
		Some(Json::String(s)) => Ok(s.clone()),
		other => Err(anyhow!("{name}: expected text, found {other:?}")),
	}
}

/// A field read as a flag.
pub fn flag(fields: &Json, name: &str) -> Result<bool> {
	match fields.get(name) {
		Some(Json::Bool(b)) => Ok(*b),
		other => Err(anyhow!("{name}: expected a flag, found {other:?}")),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_read_from_numbers_and_from_strings_beyond_2_pow_53() {
		let fields = json!({"a": 5, "b": "18446744073709551617", "c": null});
		assert_eq!(amount(&fields, "a").unwrap(), 5);
		assert_eq!(amount(&fields, "b").unwrap(), 18_446_744_073_709_551_617);
		assert!(amount(&fields, "c").is_err());
		assert!(int(&fields, "b").is_err());
		assert_eq!(opt_int(&fields, "c").unwrap(), None);
		assert_eq!(primitive(&Primitive::U128(JSON_SAFE + 1)), json!("9007199254740992"));
		assert_eq!(primitive(&Primitive::U128(JSON_SAFE)), json!(9007199254740991u64));
	}
}
