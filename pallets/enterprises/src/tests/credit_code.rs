use crate::{credit_code::*, mock::code};

#[test]
fn codes_built_with_the_standard_algorithm_are_valid() {
	for n in [0u32, 1, 7, 42, 1_000, 99_999_999] {
		assert!(is_valid(&code(n)), "code({n}) should be valid");
	}
}

#[test]
fn a_published_code_is_valid() {
	// The example code printed in many explanations of GB 32100-2015.
	assert!(is_valid(b"91350100M000100Y43"));
}

#[test]
fn every_wrong_check_character_is_rejected() {
	let good = code(123);
	for symbol in ALPHABET.iter().copied().filter(|s| *s != good[17]) {
		let mut bad = good;
		bad[17] = symbol;
		assert!(!is_valid(&bad), "check character {} accepted", symbol as char);
	}
}

#[test]
fn symbols_outside_the_alphabet_are_rejected() {
	let good = code(5);
	for symbol in [b'I', b'O', b'S', b'V', b'Z', b'a', b' ', b'-'] {
		let mut bad = good;
		bad[3] = symbol;
		assert!(!is_valid(&bad), "symbol {} accepted in the body", symbol as char);
		let mut bad = good;
		bad[17] = symbol;
		assert!(!is_valid(&bad), "symbol {} accepted as check character", symbol as char);
	}
}

#[test]
fn a_changed_body_character_is_caught() {
	let good = code(77);
	let mut bad = good;
	bad[10] = if good[10] == b'1' { b'2' } else { b'1' };
	assert!(!is_valid(&bad));
}

#[test]
fn check_value_thirty_one_maps_to_zero() {
	// A body whose weighted sum is a multiple of 31 has check character '0'.
	let body = *b"00000000000000000";
	assert_eq!(check_character(&body), Some(b'0'));
}

#[test]
fn numbered_codes_are_valid_and_distinct() {
	let codes: std::collections::BTreeSet<_> = (0..500u32).map(numbered).collect();
	assert_eq!(codes.len(), 500);
	assert!(codes.iter().all(is_valid));
	assert_eq!(&numbered(42)[..17], b"91350100M00000042");
	assert_eq!(complete(b"91350100M000100Y4"), Some(*b"91350100M000100Y43"));
	assert_eq!(complete(b"91350100M000100I4"), None);
}
