//! Amounts and dates as a clerk writes them, and as the chain stores them.
//!
//! Amounts are decimal strings in the asset's unit (`12345.67` CNY with 2 decimals is
//! `1234567` minor units); more fraction digits than the asset has is an error, never a
//! rounding. Dates are `YYYY-MM-DD` (midnight UTC that day), an RFC 3339 time
//! (`2027-03-31T09:30:00+08:00`), or milliseconds since the Unix epoch; the chain stores
//! milliseconds.

/// Parses a decimal amount such as `12345.67` into minor units of an asset with `decimals`.
pub fn parse_amount(text: &str, decimals: u8) -> Result<u128, String> {
	let text = text.trim();
	let (whole, fraction) = match text.split_once('.') {
		Some((w, f)) => (w, f),
		None => (text, ""),
	};
	let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
	if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
		return Err(format!("`{text}` is not an amount (write it like 12345.67)"));
	}
	if fraction.len() > decimals as usize {
		return Err(format!("`{text}` has more than {decimals} decimals"));
	}
	let scale = 10u128.pow(decimals as u32);
	let whole: u128 = whole.parse().map_err(|_| format!("`{text}` is too large"))?;
	let padded = format!("{fraction:0<width$}", width = decimals as usize);
	let fraction: u128 = if padded.is_empty() { 0 } else { padded.parse().unwrap_or(0) };
	whole
		.checked_mul(scale)
		.and_then(|w| w.checked_add(fraction))
		.ok_or_else(|| format!("`{text}` is too large"))
}

/// Formats minor units as a decimal amount with thousands separators: `1,234,567.89`.
pub fn format_amount(value: u128, decimals: u8) -> String {
	let scale = 10u128.pow(decimals as u32);
	let whole = (value / scale).to_string();
	let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
	for (i, c) in whole.chars().enumerate() {
		if i > 0 && (whole.len() - i).is_multiple_of(3) {
			grouped.push(',');
		}
		grouped.push(c);
	}
	if decimals == 0 {
		grouped
	} else {
		format!("{grouped}.{:0width$}", value % scale, width = decimals as usize)
	}
}

const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
	let y = if month <= 2 { year - 1 } else { year };
	let era = y.div_euclid(400);
	let yoe = y - era * 400;
	let m = month as i64;
	let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
	let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
	(yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
	let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	match month {
		2 if leap => 29,
		2 => 28,
		4 | 6 | 9 | 11 => 30,
		_ => 31,
	}
}

fn number(s: &str, what: &str, text: &str) -> Result<u32, String> {
	if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
		return Err(format!("`{text}`: the {what} is not a number"));
	}
	s.parse().map_err(|_| format!("`{text}`: the {what} is too large"))
}

/// Parses a date or time into milliseconds since the Unix epoch.
///
/// `2027-03-31` is midnight UTC; `2027-03-31T09:30[:00](Z|±HH:MM)` is taken as written; a bare
/// integer is milliseconds.
pub fn parse_moment(text: &str) -> Result<u64, String> {
	let text = text.trim();
	if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
		return text.parse().map_err(|_| format!("`{text}` is too large"));
	}
	let (date, time) = match text.split_once(['T', ' ']) {
		Some((d, t)) => (d, Some(t)),
		None => (text, None),
	};
	let mut parts = date.splitn(3, '-');
	let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
		return Err(format!("`{text}` is not a date (write it like 2027-03-31)"));
	};
	if y.len() != 4 || m.len() != 2 || d.len() != 2 {
		return Err(format!("`{text}` is not a date (write it like 2027-03-31)"));
	}
	let year = number(y, "year", text)? as i64;
	let month = number(m, "month", text)?;
	let day = number(d, "day", text)?;
	if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
		return Err(format!("`{text}` is not a day of the calendar"));
	}
	let mut ms = days_from_civil(year, month, day) * MS_PER_DAY;
	if let Some(time) = time {
		let (clock, offset_minutes) = if let Some(clock) = time.strip_suffix('Z') {
			(clock, 0i64)
		} else if let Some(pos) = time.rfind(['+', '-']) {
			let (clock, offset) = time.split_at(pos);
			let sign = if offset.starts_with('-') { -1 } else { 1 };
			let (h, m) = offset[1..]
				.split_once(':')
				.ok_or_else(|| format!("`{text}`: write the offset like +08:00"))?;
			let (h, m) = (number(h, "offset", text)?, number(m, "offset", text)?);
			if h > 23 || m > 59 {
				return Err(format!("`{text}`: the offset is out of range"));
			}
			(clock, sign * (h as i64 * 60 + m as i64))
		} else {
			return Err(format!("`{text}`: give the time zone (Z or an offset like +08:00)"));
		};
		let fields: Vec<&str> = clock.split(':').collect();
		if fields.len() < 2 || fields.len() > 3 {
			return Err(format!("`{text}`: write the time like 09:30 or 09:30:00"));
		}
		let hour = number(fields[0], "hour", text)?;
		let minute = number(fields[1], "minute", text)?;
		let second = match fields.get(2) {
			Some(s) => number(s, "second", text)?,
			None => 0,
		};
		if hour > 23 || minute > 59 || second > 59 {
			return Err(format!("`{text}`: the time is out of range"));
		}
		ms += ((hour as i64 * 60 + minute as i64 - offset_minutes) * 60 + second as i64) * 1000;
	}
	u64::try_from(ms).map_err(|_| format!("`{text}` is before 1970"))
}

/// Formats milliseconds as `2027-03-31`, or `2027-03-31 09:30:00 UTC` when not at midnight.
pub fn format_moment(ms: u64) -> String {
	let ms = ms as i64;
	let (y, m, d) = civil_from_days(ms.div_euclid(MS_PER_DAY));
	let rest = ms.rem_euclid(MS_PER_DAY) / 1000;
	if rest == 0 {
		format!("{y:04}-{m:02}-{d:02}")
	} else {
		format!(
			"{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
			rest / 3600,
			rest / 60 % 60,
			rest % 60
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_convert_with_the_asset_decimals() {
		assert_eq!(parse_amount("12345.67", 2), Ok(1_234_567));
		assert_eq!(parse_amount("12345.6", 2), Ok(1_234_560));
		assert_eq!(parse_amount("12345", 2), Ok(1_234_500));
		assert_eq!(parse_amount("0.01", 2), Ok(1));
		assert_eq!(parse_amount("7", 0), Ok(7));
		assert!(parse_amount("12345.678", 2).unwrap_err().contains("more than 2 decimals"));
		assert!(parse_amount("12,345.67", 2).is_err());
		assert!(parse_amount("-1", 2).is_err());
		assert!(parse_amount("", 2).is_err());
		assert!(parse_amount(".5", 2).is_err());
		assert!(parse_amount("1e5", 2).is_err());
		assert!(parse_amount("999999999999999999999999999999999999999", 2)
			.unwrap_err()
			.contains("too large"));
	}

	#[test]
	fn amounts_format_with_separators() {
		assert_eq!(format_amount(1_234_567, 2), "12,345.67");
		assert_eq!(format_amount(5_000_000_000, 2), "50,000,000.00");
		assert_eq!(format_amount(1, 2), "0.01");
		assert_eq!(format_amount(100, 2), "1.00");
		assert_eq!(format_amount(999, 0), "999");
		assert_eq!(format_amount(1000, 0), "1,000");
		for v in [0u128, 1, 99, 100, 12_345_678, u64::MAX as u128] {
			assert_eq!(parse_amount(&format_amount(v, 2).replace(',', ""), 2), Ok(v));
		}
	}

	#[test]
	fn dates_are_midnight_utc() {
		assert_eq!(parse_moment("1970-01-01"), Ok(0));
		// 2027-03-31 00:00 UTC, checked with `date -u -d 2027-03-31 +%s`.
		assert_eq!(parse_moment("2027-03-31"), Ok(1_806_451_200_000));
		assert_eq!(parse_moment("2024-02-29"), Ok(1_709_164_800_000));
		assert!(parse_moment("2023-02-29").is_err());
		assert!(parse_moment("2027-13-01").is_err());
		assert!(parse_moment("2027-3-31").is_err());
		assert!(parse_moment("31/03/2027").is_err());
		assert!(parse_moment("1969-12-31").unwrap_err().contains("before 1970"));
	}

	#[test]
	fn times_respect_their_offset() {
		assert_eq!(parse_moment("2027-03-31T00:00:00Z"), Ok(1_806_451_200_000));
		assert_eq!(parse_moment("2027-03-31T08:00+08:00"), Ok(1_806_451_200_000));
		assert_eq!(parse_moment("2027-03-30T19:00:00-05:00"), Ok(1_806_451_200_000));
		assert!(parse_moment("2027-03-31T08:00").unwrap_err().contains("time zone"));
		assert!(parse_moment("2027-03-31T25:00Z").is_err());
		assert_eq!(parse_moment("1806451200000"), Ok(1_806_451_200_000));
	}

	#[test]
	fn dates_round_trip() {
		for day in (0..80_000i64).step_by(37) {
			let ms = (day * MS_PER_DAY) as u64;
			assert_eq!(parse_moment(&format_moment(ms)), Ok(ms));
		}
		assert_eq!(format_moment(1_806_451_200_000 + 34_200_000), "2027-03-31 09:30:00 UTC");
	}
}
