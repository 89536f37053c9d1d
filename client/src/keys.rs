//! The signing key: a secret URI (`//Bob`, a mnemonic, a hex seed) or an encrypted JSON key file
//! as polkadot.js and polkadot.js apps export it.
//!
//! The key file format (version 3): `encoded` is base64 of `salt(32) ‖ N ‖ p ‖ r` (u32 LE scrypt
//! parameters), a 24-byte nonce and an xsalsa20-poly1305 box sealed with the first 32 bytes of
//! `scrypt(password, salt)`. Inside is PKCS#8-like: a fixed header, the 64-byte sr25519 secret
//! in schnorrkel's ed25519-compatible form, a fixed divider and the 32-byte public key.

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine;
use crypto_secretbox::{
	aead::{Aead, KeyInit},
	XSalsa20Poly1305,
};
use serde::Deserialize;
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	sr25519, Pair,
};

/// A key that signs Cascade transactions.
pub struct Signer {
	pair: sr25519::Pair,
	account: AccountId32,
}

impl Signer {
	/// From a secret URI such as `//Bob` or a mnemonic with an optional password.
	pub fn from_suri(suri: &str, password: Option<&str>) -> Result<Self> {
		let pair = sr25519::Pair::from_string(suri, password)
			.map_err(|e| anyhow!("the secret URI is not valid: {e:?}"))?;
		Ok(Self::from_pair(pair))
	}

	/// From a polkadot.js JSON key file and its password.
	pub fn from_key_file(path: &std::path::Path, password: &str) -> Result<Self> {
		let text = std::fs::read_to_string(path)
			.with_context(|| format!("cannot read the key file {}", path.display()))?;
		let file: KeyFile = serde_json::from_str(&text)
			.with_context(|| format!("{} is not a polkadot.js key file", path.display()))?;
		let pair = file.decrypt(password)?;
		let signer = Self::from_pair(pair);
		if let Some(address) = &file.address {
			let stated = AccountId32::from_ss58check(address)
				.map_err(|e| anyhow!("the key file's address is malformed: {e:?}"))?;
			if stated != signer.account {
				bail!("the key file's secret does not belong to its address {address}");
			}
		}
		Ok(signer)
	}

	fn from_pair(pair: sr25519::Pair) -> Self {
		let account = AccountId32::from(pair.public().0);
		Self { pair, account }
	}

	/// The signer's account.
	pub fn account(&self) -> &AccountId32 {
		&self.account
	}

	/// Signs a payload.
	pub fn sign(&self, payload: &[u8]) -> sr25519::Signature {
		self.pair.sign(payload)
	}
}

#[derive(Deserialize)]
struct Encoding {
	content: Vec<String>,
	#[serde(rename = "type")]
	kind: Vec<String>,
	version: String,
}

#[derive(Deserialize)]
struct KeyFile {
	encoded: String,
	encoding: Encoding,
	address: Option<String>,
}

const PKCS8_HEADER: [u8; 16] = [48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32];
const PKCS8_DIVIDER: [u8; 5] = [161, 35, 3, 33, 0];
const SECRET_LEN: usize = 64;
const SCRYPT_PARAMS_LEN: usize = 32 + 12;
const NONCE_LEN: usize = 24;

impl KeyFile {
	fn decrypt(&self, password: &str) -> Result<sr25519::Pair> {
		if !self.encoding.content.iter().any(|c| c == "sr25519") {
			bail!("only sr25519 key files are supported (this one is {:?})", self.encoding.content);
		}
		let encoded = base64::engine::general_purpose::STANDARD
			.decode(self.encoded.trim())
			.context("the key file's `encoded` field is not base64")?;
		let plain = if self.encoding.kind.iter().any(|t| t == "none") {
			encoded
		} else {
			if self.encoding.version != "3" || !self.encoding.kind.iter().any(|t| t == "scrypt") {
				bail!(
					"this key file uses encoding version {} ({:?}); export it again from a current \
					 polkadot.js (version 3, scrypt)",
					self.encoding.version,
					self.encoding.kind
				);
			}
			open_box(&encoded, password)?
		};
		pair_from_pkcs8(&plain)
	}
}

fn le_u32(bytes: &[u8]) -> u32 {
	u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

fn open_box(encoded: &[u8], password: &str) -> Result<Vec<u8>> {
	if encoded.len() < SCRYPT_PARAMS_LEN + NONCE_LEN {
		bail!("the key file's secret is truncated");
	}
	let (params, rest) = encoded.split_at(SCRYPT_PARAMS_LEN);
	let (salt, n, p, r) =
		(&params[..32], le_u32(&params[32..36]), le_u32(&params[36..40]), le_u32(&params[40..44]));
	if !n.is_power_of_two() {
		bail!("the key file's scrypt cost {n} is not a power of two");
	}
	let params = scrypt::Params::new(n.trailing_zeros() as u8, r, p, 64)
		.map_err(|e| anyhow!("the key file's scrypt parameters are invalid: {e}"))?;
	let mut derived = [0u8; 64];
	scrypt::scrypt(password.as_bytes(), salt, &params, &mut derived)
		.map_err(|e| anyhow!("scrypt failed: {e}"))?;
	let (nonce, sealed) = rest.split_at(NONCE_LEN);
	let cipher = XSalsa20Poly1305::new_from_slice(&derived[..32])
		.map_err(|_| anyhow!("the derived key has the wrong length"))?;
	cipher
		.decrypt(nonce.into(), sealed)
		.map_err(|_| anyhow!("wrong password for the key file (or the file is damaged)"))
}

fn pair_from_pkcs8(plain: &[u8]) -> Result<sr25519::Pair> {
	let secret_start = PKCS8_HEADER.len();
	let divider_start = secret_start + SECRET_LEN;
	let public_start = divider_start + PKCS8_DIVIDER.len();
	if plain.len() < public_start + 32
		|| plain[..secret_start] != PKCS8_HEADER
		|| plain[divider_start..public_start] != PKCS8_DIVIDER
	{
		bail!("the key file's secret is not a PKCS#8 sr25519 key");
	}
	let secret = schnorrkel::SecretKey::from_ed25519_bytes(&plain[secret_start..divider_start])
		.map_err(|e| anyhow!("the key file's secret is not an sr25519 key: {e}"))?;
	let pair = sr25519::Pair::from(schnorrkel::Keypair::from(secret));
	if pair.public().0[..] != plain[public_start..public_start + 32] {
		bail!("the key file's secret and public key do not match");
	}
	Ok(pair)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn fixture() -> std::path::PathBuf {
		std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bob.json")
	}

	#[test]
	fn polkadot_js_key_file_opens_with_its_password() {
		let from_file = Signer::from_key_file(&fixture(), "cascade-demo").unwrap();
		let from_uri = Signer::from_suri("//Bob", None).unwrap();
		assert_eq!(from_file.account(), from_uri.account());
		let signature = from_file.sign(b"cascade");
		assert!(sr25519::Pair::verify(&signature, b"cascade", &from_uri.pair.public()));
	}

	#[test]
	fn wrong_password_is_named() {
		let err = Signer::from_key_file(&fixture(), "not-it").err().unwrap();
		assert!(err.to_string().contains("wrong password"), "{err}");
	}

	#[test]
	fn bad_uri_is_refused() {
		assert!(Signer::from_suri("not a key", None).is_err());
	}
}
