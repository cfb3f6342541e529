//! `roadmap-planner deadline`: the due dates a deadline text gives within a period, with no database.

use anyhow::anyhow;
use chrono::NaiveDate;

use crate::model::Period;

/// Prints the due dates of `text` within `period` ("ГГГГ-ММ-ДД..ГГГГ-ММ-ДД"), one `YYYY-MM-DD` a line,
/// ascending and distinct, the explanation after the first; or the single word `unscheduled`.
pub fn run(period: &str, text: &str) -> anyhow::Result<()> {
    let period = parse_period(period)?;
    let schedule = crate::schedule::derive(text, period);
    let mut due = schedule.due_dates();
    due.sort_unstable();
    due.dedup();
    if due.is_empty() {
        println!("unscheduled");
        return Ok(());
    }
    for (i, date) in due.iter().enumerate() {
        if i == 0 && !schedule.explanation.is_empty() {
            println!("{}  {}", date.format("%Y-%m-%d"), schedule.explanation);
        } else {
            println!("{}", date.format("%Y-%m-%d"));
        }
    }
    Ok(())
}

/// Reads "2021-09-01..2022-08-31": both ends inclusive, the start not after the end.
pub fn parse_period(text: &str) -> anyhow::Result<Period> {
    let hint = "ожидается ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, например 2021-09-01..2022-08-31";
    let (from, to) = text
        .trim()
        .split_once("..")
        .ok_or_else(|| anyhow!("неверный период «{text}»: {hint}"))?;
    let date =
        |s: &str| parse_date(s).map_err(|e| anyhow!("неверный период «{text}»: {e}; {hint}"));
    let (from, to) = (date(from)?, date(to)?);
    if from > to {
        anyhow::bail!(
            "неверный период «{text}»: начало {} позже конца {}",
            from.format(crate::model::DATE_FORMAT),
            to.format(crate::model::DATE_FORMAT)
        );
    }
    Ok(Period::new(from, to))
}

/// Reads one date written as ГГГГ-ММ-ДД (also the value parser of `--today`).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        // chrono accepts "2021-9-1" and five-digit years; the format asks for exactly 10 characters.
        .filter(|_| text.len() == 10)
        .ok_or_else(|| format!("«{text}» — не дата вида ГГГГ-ММ-ДД"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_strictly() {
        let p = parse_period("2021-09-01..2022-08-31").unwrap();
        assert_eq!(p, Period::school_year(2021));
        for bad in [
            "",
            "2021-09-01",
            "2021-09-01..",
            "2021-09-01...2022-08-31",
            "2021-9-1..2022-08-31",
            "01.09.2021..31.08.2022",
            "2022-08-31..2021-09-01",
            "2021-02-30..2022-08-31",
        ] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
        assert!(parse_period("2022-01-01..2022-01-01").is_ok());
    }
}
