//! Pricing of financing: actual/360 discount interest.
//!
//! `days` is the number of whole days from `now` to `maturity`, rounded up (a partial day counts
//! as a day; none once matured). Interest on `amount` at `annual_rate` (a [`Permill`] per year,
//! 3.65 % = 36,500) is `amount × annual_rate × days / 360`, computed exactly in integers and
//! **rounded up** to the minor unit, once per financing. So the financier is never paid less
//! than the exact interest, the seller receives `amount − interest` (at most one minor unit less
//! than the exact price), and splitting a note never raises what its pieces fetch together:
//! `Σ ⌈aᵢ·k⌉ ≥ ⌈(Σ aᵢ)·k⌉`, so the pieces' prices sum to at most the whole note's price.
//! No floating point anywhere.

use crate::{Moment, MILLIS_PER_DAY};
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, PerThing, Permill,
};

/// The day-count basis: actual/360.
pub const DAY_BASIS: u128 = 360;

/// Whole days from `now` to `maturity`, rounded up; zero once `now ≥ maturity`.
pub fn days_to_maturity(now: Moment, maturity: Moment) -> u64 {
	let left = maturity.saturating_sub(now);
	left.div_ceil(MILLIS_PER_DAY)
}

/// Interest on `amount` at `annual_rate` for `days` days, actual/360, rounded up. `None` only
/// if the result does not fit in `u128` (it cannot exceed `amount × days / 360` + 1).
pub fn interest(amount: u128, annual_rate: Permill, days: u64) -> Option<u128> {
	let parts = annual_rate.deconstruct() as u128;
	let numerator = parts.checked_mul(days as u128)?;
	let denominator = (Permill::ACCURACY as u128).checked_mul(DAY_BASIS)?;
	multiply_by_rational_with_rounding(amount, numerator, denominator, Rounding::Up)
}

/// What a financing of `amount` at `annual_rate` pays out now: `(interest, disbursed)`, with
/// `interest + disbursed = amount` whenever the interest does not exceed the amount (it is
/// capped at the amount otherwise).
pub fn discount(
	amount: u128,
	annual_rate: Permill,
	now: Moment,
	maturity: Moment,
) -> Option<(u128, u128)> {
	let days = days_to_maturity(now, maturity);
	let interest = interest(amount, annual_rate, days)?.min(amount);
	Some((interest, amount - interest))
}

/// What financing `amount` pays now when `advance_rate` of it is advanced at `annual_rate`:
/// `(advance, interest, disbursed)`. The advance is `advance_rate × amount` rounded **down**; the
/// interest is charged on the exact advance (`amount × advance_rate × annual_rate × days / 360`,
/// rounded **up** once), capped at the advance; `disbursed = advance − interest`. Charging the
/// interest on the exact advance keeps splitting from paying: the pieces' advances sum to at most
/// the whole's and their interest to at least the whole's. With everything advanced this is
/// [`discount`] exactly.
pub fn advance_discount(
	amount: u128,
	advance_rate: Permill,
	annual_rate: Permill,
	now: Moment,
	maturity: Moment,
) -> Option<(u128, u128, u128)> {
	let advance = advance_rate.mul_floor(amount);
	let days = days_to_maturity(now, maturity) as u128;
	let numerator = (advance_rate.deconstruct() as u128)
		.checked_mul(annual_rate.deconstruct() as u128)?
		.checked_mul(days)?;
	let accuracy = Permill::ACCURACY as u128;
	let denominator = accuracy.checked_mul(accuracy)?.checked_mul(DAY_BASIS)?;
	let interest =
		multiply_by_rational_with_rounding(amount, numerator, denominator, Rounding::Up)?
			.min(advance);
	Some((advance, interest, advance - interest))
}

#[cfg(test)]
mod tests {
	use super::*;

	const DAY: Moment = MILLIS_PER_DAY;
	/// 3.65 % a year.
	fn rate() -> Permill {
		Permill::from_parts(36_500)
	}

	#[test]
	fn days_round_up() {
		assert_eq!(days_to_maturity(0, 0), 0);
		assert_eq!(days_to_maturity(10, 5), 0);
		assert_eq!(days_to_maturity(0, 1), 1);
		assert_eq!(days_to_maturity(0, DAY), 1);
		assert_eq!(days_to_maturity(0, DAY + 1), 2);
		assert_eq!(days_to_maturity(5, 30 * DAY + 5), 30);
	}

	#[test]
	fn zero_days_costs_nothing() {
		assert_eq!(discount(1_000_000, rate(), 7 * DAY, 7 * DAY), Some((0, 1_000_000)));
	}

	#[test]
	fn one_day_matches_hand_computation() {
		// 1,000,000.00 CNY = 100,000,000 分; × 0.0365 × 1/360 = 10,138.888… → 10,139.
		assert_eq!(discount(100_000_000, rate(), 0, DAY), Some((10_139, 99_989_861)));
	}

	#[test]
	fn thirty_days_matches_hand_computation() {
		// 100,000,000 × 36,500 × 30 / (1,000,000 × 360) = 304,166.66… → 304,167.
		assert_eq!(discount(100_000_000, rate(), 0, 30 * DAY), Some((304_167, 99_695_833)));
	}

	#[test]
	fn a_year_matches_hand_computation() {
		// 100,000,000 × 36,500 × 365 / 360,000,000 = 3,700,694.44… → 3,700,695.
		assert_eq!(discount(100_000_000, rate(), 0, 365 * DAY), Some((3_700_695, 96_299_305)));
		// 12,345.67 CNY for 365 days: 1,234,567 × 0.0365 × 365/360 = 45,687.55… → 45,688.
		assert_eq!(discount(1_234_567, rate(), 0, 365 * DAY), Some((45_688, 1_188_879)));
	}

	#[test]
	fn interest_is_rounded_up_by_less_than_one_minor_unit() {
		for amount in [1u128, 99, 100, 12_345, 9_999_999, 123_456_789_012] {
			for days in [0u64, 1, 29, 30, 31, 180, 365] {
				let i = interest(amount, rate(), days).unwrap();
				// exact = amount × 36,500 × days / 360,000,000; i − 1 < exact ≤ i.
				let exact_num = amount * 36_500 * days as u128;
				assert!(exact_num <= i * 360_000_000);
				assert!(i == 0 || (i - 1) * 360_000_000 < exact_num);
			}
		}
	}

	#[test]
	fn everything_advanced_is_the_plain_discount() {
		for amount in [1u128, 99, 12_345, 100_000_000, 123_456_789_012] {
			for days in [0u64, 1, 30, 183, 365] {
				let (i, d) = discount(amount, rate(), 0, days * DAY).unwrap();
				assert_eq!(
					advance_discount(amount, Permill::one(), rate(), 0, days * DAY),
					Some((amount, i, d))
				);
			}
		}
	}

	#[test]
	fn an_advance_matches_hand_computation() {
		// 80 % of 1,000,000.00 CNY for 30 days at 3.65 %: advance 80,000,000 分; interest
		// 100,000,000 × 0.8 × 0.0365 × 30 / 360 = 243,333.33… → 243,334.
		assert_eq!(
			advance_discount(100_000_000, Permill::from_percent(80), rate(), 0, 30 * DAY),
			Some((80_000_000, 243_334, 79_756_666))
		);
		// 80 % of 1 minor unit is nothing advanced and nothing charged.
		assert_eq!(
			advance_discount(1, Permill::from_percent(80), rate(), 0, 30 * DAY),
			Some((0, 0, 0))
		);
	}

	// Pieces of at least 100 minor units (the smallest note), advances of 10 % and more, rates
	// and terms whose interest is below half the advance: no piece's interest is capped.
	#[test]
	fn splitting_an_advance_never_pays() {
		for advance in
			[Permill::from_percent(10), Permill::from_percent(80), Permill::from_parts(876_543)]
		{
			for whole in [200u128, 201, 12_345, 1_000_001, 987_654_321] {
				for days in [1u64, 30, 200, 365] {
					let (a, i, d) =
						advance_discount(whole, advance, rate(), 0, days * DAY).unwrap();
					for cut in [100u128, whole / 3, whole / 2, whole - 100] {
						let at = |x| advance_discount(x, advance, rate(), 0, days * DAY).unwrap();
						let ((a1, i1, d1), (a2, i2, d2)) = (at(cut), at(whole - cut));
						assert!(a1 + a2 <= a, "the pieces' advances");
						assert!(i1 + i2 >= i, "the pieces' interest: {whole} cut at {cut}");
						assert!(d1 + d2 <= d, "the pieces' price now");
					}
				}
			}
		}
	}

	#[test]
	fn huge_amounts_do_not_overflow() {
		let (i, d) = discount(u128::MAX / 2, Permill::one(), 0, 365 * DAY).unwrap();
		assert_eq!(i, u128::MAX / 2);
		assert_eq!(d, 0);
	}
}
