//! Numbers as people type them in the window: a decimal comma or point, a percent sign after, spaces
//! between the digits' groups — "3,1", "3.1", "55 %", "1 000".

/// The number typed in `text`; empty → `Ok(None)`; anything else that is not a finite number → `Err`.
pub fn parse(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    compact
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numbers_are_read_as_typed() {
        assert_eq!(parse("3,1"), Ok(Some(3.1)));
        assert_eq!(parse("3.1"), Ok(Some(3.1)));
        assert_eq!(parse(" 55 % "), Ok(Some(55.0)));
        assert_eq!(parse("1 000"), Ok(Some(1000.0)));
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse(" % "), Ok(None));
        assert_eq!(parse("abc"), Err(()));
        assert_eq!(parse("inf"), Err(()));
    }
}
