//! The signing key: a secret URI (`//Bob`, a mnemonic, a hex seed) or an encrypted JSON key file
//! as polkadot.js and polkadot.js apps export it — both opened by subxt-signer.

use anyhow::{anyhow, bail, Context, Result};
use subxt_signer::{
	polkadot_js_compat::{self, Error as KeyFileError},
	sr25519::Keypair,
	SecretString, SecretUri,
};

use crate::chain::AccountId;

/// A key that signs Cascade transactions.
#[derive(Clone)]
pub struct Signer {
	keypair: Keypair,
}

impl Signer {
	/// From a secret URI such as `//Bob` or a mnemonic, with an optional password.
	pub fn from_suri(suri: &str, password: Option<&str>) -> Result<Self> {
		let mut uri: SecretUri =
			suri.parse().map_err(|e| anyhow!("the secret URI is not valid: {e}"))?;
		if let Some(password) = password {
			uri.password = Some(SecretString::from(password.to_string()));
		}
		let keypair =
			Keypair::from_uri(&uri).map_err(|e| anyhow!("the secret URI is not valid: {e}"))?;
		Ok(Self { keypair })
	}

	/// From a polkadot.js JSON key file and its password.
	pub fn from_key_file(path: &std::path::Path, password: &str) -> Result<Self> {
		let text = std::fs::read_to_string(path)
			.with_context(|| format!("cannot read the key file {}", path.display()))?;
		let keypair = polkadot_js_compat::decrypt_json(&text, password).map_err(|e| match e {
			KeyFileError::Secretbox(_) => {
				anyhow!("wrong password for the key file (or the file is damaged)")
			}
			KeyFileError::Json(e) => {
				anyhow!("{} is not a polkadot.js key file: {e}", path.display())
			}
			KeyFileError::UnsupportedEncoding => anyhow!(
				"{} is not a version 3 (scrypt, sr25519) key file; export it again from a current \
				 polkadot.js",
				path.display()
			),
			other => anyhow!("cannot open the key file {}: {other}", path.display()),
		})?;
		let signer = Self { keypair };
		// The file names its account; the secret must be that account's.
		let stated: serde_json::Value = serde_json::from_str(&text)?;
		if let Some(address) = stated.get("address").and_then(|a| a.as_str()) {
			let stated: AccountId = address
				.parse()
				.map_err(|_| anyhow!("the key file's address {address} is malformed"))?;
			if stated != signer.account() {
				bail!("the key file's secret does not belong to its address {address}");
			}
		}
		Ok(signer)
	}

	/// The signer's account.
	pub fn account(&self) -> AccountId {
		self.keypair.public_key().to_account_id()
	}

	/// The keypair, for subxt.
	pub fn keypair(&self) -> &Keypair {
		&self.keypair
	}
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
		let signature = from_file.keypair().sign(b"cascade");
		assert!(subxt_signer::sr25519::verify(
			&signature,
			b"cascade",
			&from_uri.keypair().public_key()
		));
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

	#[test]
	fn dev_keys_are_the_well_known_accounts() {
		let bob = Signer::from_suri("//Bob", None).unwrap().account();
		assert_eq!(bob.to_string(), "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
	}
}
