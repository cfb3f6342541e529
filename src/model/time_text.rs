//! Dates and time stamps in the one form the database and the exchange file use — ISO dates (2021-09-01)
//! and RFC 3339 UTC with milliseconds (2021-09-01T08:30:00.000Z) — written and read by hand for that fixed
//! form, a tenth of the cost of chrono's general formatter and parser (an import of a region's reports
//! writes and reads about a million of them). Any other form goes to chrono, so what is accepted and what it
//! means stay chrono's.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat, Timelike, Utc};
use serde::Deserializer;
use serde::de::{Error, Visitor};

use super::Timestamp;

/// `2021-09-01`, as `d.format("%Y-%m-%d")` writes it.
pub fn iso_date(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    if !push_iso_date(&mut out, d) {
        return d.format("%Y-%m-%d").to_string();
    }
    out
}

/// `2021-09-01T08:30:00.000Z`, as `t.to_rfc3339_opts(SecondsFormat::Millis, true)` writes it.
pub fn utc_millis(t: &Timestamp) -> String {
    let time = t.time();
    let mut out = String::with_capacity(24);
    if time.nanosecond() >= 1_000_000_000 || !push_iso_date(&mut out, t.date_naive()) {
        return t.to_rfc3339_opts(SecondsFormat::Millis, true);
    }
    out.push('T');
    push_digits(&mut out, time.hour(), 2);
    out.push(':');
    push_digits(&mut out, time.minute(), 2);
    out.push(':');
    push_digits(&mut out, time.second(), 2);
    out.push('.');
    push_digits(&mut out, time.nanosecond() / 1_000_000, 3);
    out.push('Z');
    out
}

/// A date in the fixed form `2021-09-01`; `None` for any other text (which may still be a date to chrono).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        number(&b[0..4])? as i32,
        number(&b[5..7])?,
        number(&b[8..10])?,
    )
}

/// A time stamp in the fixed forms `2021-09-01T08:30:00.000Z` or `2021-09-01T08:30:00Z`; `None` for any
/// other text (which may still be a time stamp to chrono).
pub fn parse_utc_millis(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let millis = match b.len() {
        24 if b[19] == b'.' && b[23] == b'Z' => number(&b[20..23])?,
        20 if b[19] == b'Z' => 0,
        _ => return None,
    };
    if b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = parse_iso_date(std::str::from_utf8(&b[0..10]).ok()?)?;
    let time = date.and_hms_milli_opt(
        number(&b[11..13])?,
        number(&b[14..16])?,
        number(&b[17..19])?,
        millis,
    )?;
    // 60 seconds (a leap second) and the like are chrono's to judge.
    (time.second() < 60).then(|| time.and_utc())
}

/// Reads a time stamp of the exchange file: the fixed form by hand, anything else as chrono's own
/// `Deserialize` would (its error included).
pub fn deserialize_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    struct Stamp;
    impl Visitor<'_> for Stamp {
        type Value = Timestamp;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a formatted date and time string")
        }
        fn visit_str<E: Error>(self, text: &str) -> Result<Timestamp, E> {
            match parse_utc_millis(text) {
                Some(t) => Ok(t),
                None => text
                    .parse::<DateTime<FixedOffset>>()
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(E::custom),
            }
        }
    }
    d.deserialize_str(Stamp)
}

/// Reads an optional date of the exchange file (`null` or absent: none): the fixed form by hand, anything
/// else as chrono's own `Deserialize` would (its error included).
pub fn deserialize_opt_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    struct Day;
    impl<'de> Visitor<'de> for Day {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a formatted date string or null")
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
        fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
            match parse_iso_date(text) {
                Some(day) => Ok(Some(day)),
                None => text.parse::<NaiveDate>().map(Some).map_err(E::custom),
            }
        }
    }
    d.deserialize_option(Day)
}

/// Writes `d` as `2021-09-01` for years 0–9999; `false` (nothing written) for others.
fn push_iso_date(out: &mut String, d: NaiveDate) -> bool {
    let Ok(year) = u32::try_from(d.year()) else {
        return false;
    };
    if year > 9999 {
        return false;
    }
    push_digits(out, year, 4);
    out.push('-');
    push_digits(out, d.month(), 2);
    out.push('-');
    push_digits(out, d.day(), 2);
    true
}

fn push_digits(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (value / 10u32.pow(place) % 10) as u8));
    }
}

/// The value of ASCII digits; `None` when any is not one.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, SecondsFormat, TimeZone, Utc};
    use proptest::prelude::*;

    use super::*;

    fn exchange_date(json: &str) -> Result<Option<NaiveDate>, String> {
        deserialize_opt_date(&mut serde_json::Deserializer::from_str(json))
            .map_err(|e| e.to_string())
    }

    fn exchange_stamp(json: &str) -> Result<Timestamp, String> {
        deserialize_timestamp(&mut serde_json::Deserializer::from_str(json))
            .map_err(|e| e.to_string())
    }

    proptest! {
        /// Written as chrono writes it, read back as chrono reads it, for any day and any millisecond.
        #[test]
        fn the_fixed_forms_are_chronos(days in -800_000i64..4_000_000, ms in 0i64..86_400_000) {
            let day = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assert_eq!(iso_date(day), day.format("%Y-%m-%d").to_string());
            let stamp = Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).unwrap())
                + chrono::Duration::milliseconds(ms);
            let text = stamp.to_rfc3339_opts(SecondsFormat::Millis, true);
            prop_assert_eq!(utc_millis(&stamp), text.clone());
            let chrono_day: Option<NaiveDate> =
                serde_json::from_str(&format!("\"{}\"", iso_date(day))).ok();
            prop_assert_eq!(exchange_date(&format!("\"{}\"", iso_date(day))).ok().flatten(), chrono_day);
            let chrono_stamp: Option<Timestamp> = serde_json::from_str(&format!("\"{text}\"")).ok();
            prop_assert_eq!(exchange_stamp(&format!("\"{text}\"")).ok(), chrono_stamp);
        }

        /// Any text reads to what chrono reads it to, and is refused where chrono refuses it.
        #[test]
        fn any_text_reads_as_chrono_reads_it(
            text in "[0-9T:.Z+-]{0,26}|[0-9]{4}-[0-1][0-9]-[0-3][0-9](T[0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{1,4})?(Z|z|\\+0[0-9]:00)?)?"
        ) {
            let json = serde_json::to_string(&text).unwrap();
            let chrono_day: Result<NaiveDate, _> = serde_json::from_str(&json);
            prop_assert_eq!(exchange_date(&json).ok().flatten(), chrono_day.ok());
            let chrono_stamp: Result<Timestamp, _> = serde_json::from_str(&json);
            prop_assert_eq!(exchange_stamp(&json).ok(), chrono_stamp.ok());
        }
    }

    #[test]
    fn other_forms_and_wrong_values_are_left_to_chrono() {
        // Another offset, more digits, no fraction: chrono's reading.
        let t = exchange_stamp("\"2021-09-01T11:30:00.123456+03:00\"").unwrap();
        assert_eq!(utc_millis(&t), "2021-09-01T08:30:00.123Z");
        assert_eq!(
            utc_millis(&exchange_stamp("\"2021-09-01T08:30:00Z\"").unwrap()),
            "2021-09-01T08:30:00.000Z"
        );
        // Not dates: the same refusals as chrono's, word for word.
        for bad in ["\"2021-02-30\"", "\"2021-13-01\"", "\"01.09.2021\"", "\"\""] {
            let chrono: Result<NaiveDate, _> = serde_json::from_str(bad);
            assert_eq!(
                exchange_date(bad).unwrap_err(),
                chrono.unwrap_err().to_string(),
                "{bad}"
            );
        }
        for bad in [
            "\"2021-09-01T24:00:00.000Z\"",
            "\"2021-09-01 08:30\"",
            "\"вчера\"",
        ] {
            let chrono: Result<Timestamp, _> = serde_json::from_str(bad);
            assert_eq!(
                exchange_stamp(bad).unwrap_err(),
                chrono.unwrap_err().to_string(),
                "{bad}"
            );
        }
        assert_eq!(exchange_date("null").unwrap(), None);
    }
}
