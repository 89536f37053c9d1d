//! The unified social credit code (统一社会信用代码) of GB 32100-2015.
//!
//! Eighteen characters from a 31-symbol alphabet (digits and upper-case letters without I, O, S,
//! V and Z). The last is a check character: with `c_i` the alphabet value of the first seventeen
//! characters and weights `w_i = 3^(i-1) mod 31`, the check value is
//! `31 - (Σ c_i·w_i mod 31)`, where 31 stands for 0.

/// A unified social credit code.
pub type CreditCode = [u8; 18];

/// The 31 symbols, in value order.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The weights of positions 1..=17.
pub const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// The value of one symbol, if it is in the alphabet.
pub fn value_of(symbol: u8) -> Option<u32> {
	ALPHABET.iter().position(|s| *s == symbol).map(|p| p as u32)
}

/// The check character for the first seventeen characters, if they are all in the alphabet.
pub fn check_character(body: &[u8; 17]) -> Option<u8> {
	let mut sum = 0u32;
	for (symbol, weight) in body.iter().zip(WEIGHTS.iter()) {
		sum += value_of(*symbol)? * weight;
	}
	let check = (31 - sum % 31) % 31;
	ALPHABET.get(check as usize).copied()
}

/// Whether `code` is a well-formed unified social credit code with the right check character.
pub fn is_valid(code: &CreditCode) -> bool {
	let mut body = [0u8; 17];
	body.copy_from_slice(&code[..17]);
	check_character(&body) == Some(code[17])
}

/// `body` completed with its check character; `None` if the body leaves the alphabet.
pub fn complete(body: &[u8; 17]) -> Option<CreditCode> {
	let mut code = [0u8; 18];
	code[..17].copy_from_slice(body);
	code[17] = check_character(body)?;
	Some(code)
}

/// A valid code numbered `n` (`91350100M` and `n` in eight digits, then the check character),
/// for tests, benchmarks and demo worlds.
pub fn numbered(n: u32) -> CreditCode {
	let mut body = *b"91350100M00000000";
	let mut n = n % 100_000_000;
	for digit in body[9..].iter_mut().rev() {
		*digit = b'0' + (n % 10) as u8;
		n /= 10;
	}
	complete(&body).unwrap_or([b'0'; 18])
}
