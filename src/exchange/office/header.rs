//! The plan header from the lines above a road-map table: title, period, goal, tasks, approving order.
//!
//! Documents differ; these rules follow what district road maps write:
//! - the title is the first heading-like line (a heading style, bold or centred; any line when the source
//!   has no formatting, as in Excel) naming a "дорожная карта" or a "план", with the lines that continue it
//!   ("ДОРОЖНАЯ КАРТА" / "по реализации …" / "на 2021-2022 учебный год");
//! - the period: "на 2021-2022 учебный год", "Сроки реализации: 2020-2021 учебный год" (a school year,
//!   01.09–31.08), "на 2022-2024 годы" (calendar years, 01.01–31.12), "на 2022 год";
//! - the goal follows "Цель –" / "Цель:" (or stands on the next line);
//! - tasks are the lines after "Задачи:" up to the next heading ("Целевые индикаторы", "Ожидаемые
//!   результаты"…), their list marks ("1)", "–", "•") taken off;
//! - "… к приказу … от 24.01.2022 № 14" gives the approval "приказ № 14 от 24.01.2022".

use chrono::NaiveDate;

use crate::model::Period;

/// One line above the table: a paragraph of a Word document, a row of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderLine {
    pub text: String,
    /// A heading style, bold or centred: where titles are.
    pub emphasized: bool,
}

impl HeaderLine {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            emphasized: false,
        }
    }
}

/// What the header lines say. Empty fields: not found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeaderInfo {
    pub title: String,
    pub period: Option<Period>,
    pub goal: String,
    pub tasks: Vec<String>,
    pub approval: String,
}

/// Lines that end the task list.
const TASK_STOPS: [&str; 10] = [
    "целев",
    "важнейш",
    "показател",
    "индикатор",
    "ожидаем",
    "сроки",
    "этапы",
    "дорожная карта",
    "план ",
    "мероприяти",
];

/// Reads the header (see the module docs).
pub fn read_header(lines: &[HeaderLine]) -> HeaderInfo {
    let lines: Vec<HeaderLine> = lines
        .iter()
        .map(|l| HeaderLine {
            text: collapse(&l.text),
            emphasized: l.emphasized,
        })
        .filter(|l| !l.text.is_empty())
        .collect();
    let title = title(&lines);
    let period = period_of(&title).or_else(|| {
        // Lines that name the period ("Сроки реализации: …") first, then any other line.
        let named = lines.iter().filter(|l| {
            let lower = l.text.to_lowercase();
            lower.contains("срок") || lower.contains("период")
        });
        named
            .chain(lines.iter())
            .filter(|l| !is_order_line(&l.text))
            .find_map(|l| period_of(&l.text))
    });
    HeaderInfo {
        period,
        goal: goal(&lines),
        tasks: tasks(&lines),
        approval: lines
            .iter()
            .find_map(|l| approval(&l.text))
            .unwrap_or_default(),
        title,
    }
}

/// Whitespace collapsed to single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Приложение к приказу…", "Утверждаю", "Об утверждении…": lines about the order, not the plan's own.
fn is_order_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "приложение",
        "утвержд",
        "об утверждении",
        "о утверждении",
        "к приказу",
        "приказ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Whether a line names the plan: "Дорожная карта …", "План мероприятий …".
fn names_plan(text: &str) -> bool {
    let lower = text.to_lowercase();
    if is_order_line(text) || lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    lower.contains("дорожн") && lower.contains("карт")
        || lower.starts_with("план ")
        || lower == "план"
        || lower.starts_with("комплексный план")
}

fn title(lines: &[HeaderLine]) -> String {
    let start = lines
        .iter()
        .position(|l| l.emphasized && names_plan(&l.text))
        .or_else(|| lines.iter().position(|l| names_plan(&l.text)))
        // No line names the plan: the first heading-like line, or (a sheet has no formatting) the first
        // line that is not about the order, the goal, the tasks or the period.
        .or_else(|| {
            let ordinary = |l: &HeaderLine| {
                let lower = l.text.to_lowercase();
                !is_order_line(&l.text)
                    && !["цель", "задач", "срок", "период"]
                        .iter()
                        .any(|w| lower.starts_with(w))
            };
            let any_emphasized = lines.iter().any(|l| l.emphasized);
            lines
                .iter()
                .position(|l| ordinary(l) && (l.emphasized || !any_emphasized))
        });
    let Some(start) = start else {
        return String::new();
    };
    let mut title = lines[start].text.clone();
    for next in &lines[start + 1..] {
        let lower = next.text.to_lowercase();
        let continues = next.text.starts_with(|c: char| c.is_lowercase())
            || (lines[start].emphasized && next.emphasized && title.chars().count() < 300);
        if !continues
            || lower.starts_with("цель")
            || lower.starts_with("задач")
            || lower.starts_with("срок")
            || lower.starts_with("период")
            || is_order_line(&next.text)
            || names_plan(&next.text)
        {
            break;
        }
        title.push(' ');
        title.push_str(&next.text);
    }
    title
}

/// A period written in the text, e.g. "на 2021-2022 учебный год" → 01.09.2021–31.08.2022.
pub fn period_of(text: &str) -> Option<Period> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(first) = year_at(&chars, i) else {
            i += 1;
            continue;
        };
        let mut j = i + 4;
        // "2021-2022", "2021/2022", "2021 – 2022", "2021-22".
        let mut second = None;
        let mut k = j;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        if k < chars.len() && matches!(chars[k], '-' | '–' | '—' | '/') {
            k += 1;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            if let Some(y) = year_at(&chars, k) {
                second = Some(y);
                j = k + 4;
            } else if k + 2 <= chars.len()
                && chars[k..k + 2].iter().all(char::is_ascii_digit)
                && chars.get(k + 2).is_none_or(|c| !c.is_ascii_digit())
            {
                let short: i32 = chars[k..k + 2].iter().collect::<String>().parse().ok()?;
                second = Some(first / 100 * 100 + short);
                j = k + 2;
            }
        }
        let after: String = chars[j..]
            .iter()
            .take(30)
            .collect::<String>()
            .to_lowercase();
        let after = after.trim_start_matches([' ', '.', ',']);
        let school = after.starts_with("уч") || after.starts_with("academic");
        let years = after.starts_with("год") || after.starts_with("гг") || after.starts_with("г.");
        match (second, school, years) {
            (Some(last), true, _) if last > first => {
                return Some(Period::new(date(first, 9, 1)?, date(last, 8, 31)?));
            }
            (None, true, _) => return Some(Period::school_year(first)),
            (Some(last), false, true) if last >= first => {
                return Some(Period::new(date(first, 1, 1)?, date(last, 12, 31)?));
            }
            (None, false, true) => {
                return Some(Period::new(date(first, 1, 1)?, date(first, 12, 31)?));
            }
            _ => i = j,
        }
    }
    None
}

/// A year 1990–2099 standing alone at `i` (not part of a date "24.01.2022" or a longer number).
fn year_at(chars: &[char], i: usize) -> Option<i32> {
    let digits = chars.get(i..i + 4)?;
    if !digits.iter().all(char::is_ascii_digit) {
        return None;
    }
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.') {
        return None;
    }
    if chars.get(i + 4).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let year: i32 = digits.iter().collect::<String>().parse().ok()?;
    (1990..2100).contains(&year).then_some(year)
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The text after a label such as "Цель –", "Цель:", "Задачи:"; `None` when the line is not that label.
fn after_label<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let lower = text.to_lowercase();
    if !lower.starts_with(label) {
        return None;
    }
    // Cyrillic labels: the byte length of the lower-case prefix equals the original's.
    let mut rest = text.get(label.len()..)?;
    // "Цель дорожной карты:", "Задачи программы:" — a few words up to the colon or dash.
    if let Some(pos) = rest.find([':', '–', '—', '-'])
        && rest[..pos].split_whitespace().count() <= 3
    {
        rest = &rest[pos..];
    } else if rest.starts_with(|c: char| c.is_alphabetic()) {
        // "Целевые…", "Задачами…": another word.
        return None;
    }
    Some(
        rest.trim_start_matches([':', '–', '—', '-', ' ', '.'])
            .trim(),
    )
}

fn goal(lines: &[HeaderLine]) -> String {
    for (i, line) in lines.iter().enumerate() {
        if let Some(rest) = after_label(&line.text, "цель") {
            if !rest.is_empty() {
                return capitalize(rest);
            }
            return lines
                .get(i + 1)
                .map(|l| capitalize(&l.text))
                .unwrap_or_default();
        }
    }
    String::new()
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn tasks(lines: &[HeaderLine]) -> Vec<String> {
    let Some((start, rest)) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| after_label(&l.text, "задач").map(|r| (i, r)))
    else {
        return Vec::new();
    };
    let mut tasks = Vec::new();
    if !rest.is_empty() {
        tasks.push(capitalize(strip_mark(rest)));
    }
    for line in &lines[start + 1..] {
        let lower = line.text.to_lowercase();
        if TASK_STOPS.iter().any(|s| lower.starts_with(s))
            || after_label(&line.text, "цель").is_some()
        {
            break;
        }
        let task = strip_mark(&line.text);
        if !task.is_empty() {
            tasks.push(capitalize(task));
        }
    }
    tasks
}

/// A list mark taken off: "1)", "1.", "-", "–", "•", "a)".
fn strip_mark(text: &str) -> &str {
    let text = text.trim();
    let text = text
        .trim_start_matches(['-', '–', '—', '•', '·', '*', '\u{F0B7}'])
        .trim_start();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits > 0 && digits <= 2 && text[digits..].starts_with([')', '.']) {
        return text[digits + 1..].trim_start();
    }
    text
}

/// "… к приказу … от 24.01.2022 № 14" → "приказ № 14 от 24.01.2022".
fn approval(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("приказ")?;
    let rest = text.get(at..)?;
    let number = rest.find('№').map(|p| {
        rest[p + '№'.len_utf8()..]
            .trim_start()
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or_default()
            .to_owned()
    })?;
    let date = rest.find("от ").and_then(|p| {
        let d: String = rest[p + "от ".len()..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        (d.len() >= 8).then(|| d.trim_end_matches('.').to_owned())
    });
    if number.is_empty() {
        return None;
    }
    Some(match date {
        Some(d) => format!("приказ № {number} от {d}"),
        None => format!("приказ № {number}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar years `from` to `to`, whole.
    fn years(from: i32, to: i32) -> Period {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Period::new(day(from, 1, 1), day(to, 12, 31))
    }

    #[test]
    fn periods_are_read_as_written() {
        let cases = [
            ("на 2021-2022 учебный год", Some(Period::school_year(2021))),
            (
                "Сроки реализации: 2020-2021 учебный год",
                Some(Period::school_year(2020)),
            ),
            ("на 2022-2024 годы", Some(years(2022, 2024))),
            ("на 2022 – 2024 гг.", Some(years(2022, 2024))),
            ("на 2023 год", Some(years(2023, 2023))),
            ("на 2021/22 уч. год", Some(Period::school_year(2021))),
            ("приказ от 24.01.2022 № 14", None),
        ];
        for (text, period) in cases {
            assert_eq!(period_of(text), period, "{text}");
        }
    }

    #[test]
    fn header_lines_give_title_goal_tasks_and_order() {
        let lines = [
            HeaderLine::plain("Приложение №1 к приказу Управления образованием от 24.01.2022 № 14"),
            HeaderLine {
                text: "ДОРОЖНАЯ КАРТА".into(),
                emphasized: true,
            },
            HeaderLine {
                text: "по реализации Концепции на 2022-2024 годы".into(),
                emphasized: true,
            },
            HeaderLine::plain("Цель: создание условий."),
            HeaderLine::plain("Задачи:"),
            HeaderLine::plain("1) Организовать диагностику;"),
            HeaderLine::plain("– Разработать механизмы."),
            HeaderLine::plain("Целевые индикаторы"),
            HeaderLine::plain("Доля школ"),
        ];
        let h = read_header(&lines);
        assert_eq!(
            h.title,
            "ДОРОЖНАЯ КАРТА по реализации Концепции на 2022-2024 годы"
        );
        assert_eq!(h.period, Some(years(2022, 2024)));
        assert_eq!(h.goal, "Создание условий.");
        assert_eq!(
            h.tasks,
            ["Организовать диагностику;", "Разработать механизмы."]
        );
        assert_eq!(h.approval, "приказ № 14 от 24.01.2022");
    }
}
