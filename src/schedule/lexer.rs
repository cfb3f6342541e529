//! Single-pass tokenizer for deadline text.
//!
//! Words are lowercased into one reusable buffer and classified on the spot, so a token is a small `Copy`
//! value and no string is allocated per word. Numbers saturate instead of overflowing, every dash-like
//! character is one `Dash`, invisible characters (soft hyphen, zero-width space, BOM) vanish, and Latin
//! look-alike letters inside a Cyrillic word are read as Cyrillic ("мaй" with a Latin "a" is "май").

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A word class: what the grammar needs to know about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum W {
    /// A month name in any case or abbreviation, 1..=12.
    Month(u8),
    /// "год", "года", "г", "гг", "годы"…
    Year,
    /// "учебный", "учебного", "уч": marks a school year.
    Uch,
    /// "календарного", "текущего", "отчетного" before "года": adjectives that change nothing.
    YearAdj,
    /// "квартал", "кв".
    Quarter,
    /// "кварталам" ("по кварталам").
    QuarterPl,
    /// "полугодие" in any singular form.
    Half,
    /// "полугодиям" ("по полугодиям").
    HalfPl,
    /// "четверть" (school term) in any singular form.
    Term,
    /// "четвертям" ("по четвертям").
    TermPl,
    /// "месяц", "месяца"… (the unit, not a month name).
    MonthUnit,
    /// "месяцам" ("по месяцам").
    MonthPl,
    /// "неделя", "неделю", "недель"…
    Week,
    /// "день", "дня", "дней", "дн".
    Day,
    /// Ordinal word: "первый" 1 … "четвертый" 4.
    Ord(u8),
    /// Ordinal ending after a digit: the "е" of "1-е", "й" of "2-й", "го" of "1-го".
    OrdSuf,
    /// Cardinal number word: "один" 1, "два" 2 …
    NumWord(u8),
    /// "дважды" 2, "трижды" 3: a number of times on its own.
    Times(u8),
    /// "раз", "раза".
    Raz,
    /// "в", "во".
    V,
    /// "за", "на" (as in "раз за год", "на весь период").
    Za,
    /// "до".
    Do,
    /// "по".
    Po,
    /// "с", "со", "начиная".
    S,
    /// "к" ("к 1 сентября").
    K,
    /// "от" (a document's date: "приказ от 12.01.2022").
    Ot,
    /// "не".
    Ne,
    /// "позднее", "позже".
    Later,
    /// "ранее", "раньше".
    Earlier,
    /// "реже", "менее".
    Rarer,
    /// "и", "или": joins list items like a comma.
    And,
    /// "течение", "течении", "протяжении".
    Techenie,
    /// "весь", "всего", "всей", "все".
    Ves,
    /// "период", "периода"…
    Period,
    /// "срок", "срока"…
    Srok,
    /// "реализации", "действия", "выполнения".
    Realiz,
    /// "конец", "конца", "окончание"… (end of something).
    Konec,
    /// "начало", "середина"…: a position inside a span that does not change its due date.
    Inside,
    /// "каждый", "каждое", "каждую"…
    Each,
    /// "ежегодно".
    Annually,
    /// "ежеквартально", "поквартально".
    Quarterly,
    /// "ежемесячно", "помесячно".
    Monthly,
    /// "ежеполугодно".
    Semiannually,
    /// "еженедельно", "ежедневно": continuous work, marked once a year.
    Continuous,
    /// "круглогодично".
    YearRound,
    /// "постоянно", "постоянном" (режиме).
    Always,
    /// Seasons: 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(u8),
    /// A word that refers to another plan, schedule or event.
    Ref(RefKind),
    /// "отдельному" ("по отдельному графику").
    Separate,
    /// Any other word.
    Other,
}

/// What an undated deadline refers to instead of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RefKind {
    Schedule,
    Plan,
    Results,
    Totals,
    Necessity,
    Readiness,
    Request,
    Relative,
    Accordance,
    Within,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum T {
    /// Digits: the value (saturating) and how many digits were written.
    Num(u32, u8),
    Word(W),
    /// Roman numeral I..XII.
    Roman(u8),
    Dot,
    Comma,
    Semicolon,
    Slash,
    Colon,
    Newline,
    Dash,
    Open,
    Close,
    /// Any other visible symbol ("№", "%", "+", bullets…).
    Sym,
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<T> {
    let mut out = Vec::with_capacity(text.len() / 3 + 2);
    let mut word = String::with_capacity(32);
    // Word state: letters go to `word`; `cyr`/`lat` tell whether look-alikes need mapping.
    let mut in_word = false;
    let mut cyr = false;
    let mut lat = false;
    // Number state.
    let mut num: Option<(u32, u8)> = None;

    for c in text.chars() {
        // Characters that vanish without splitting anything.
        if matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        ) {
            continue;
        }
        // Combining marks: fold "и" + breve into "й", drop the rest (e.g. the diaeresis of a decomposed "ё").
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            if in_word && c == '\u{0306}' && word.ends_with('и') {
                word.pop();
                word.push('й');
            }
            continue;
        }
        if c.is_ascii_digit() {
            if in_word {
                flush_word(&mut out, &mut word, cyr, lat);
                in_word = false;
            }
            let d = c as u32 - '0' as u32;
            let (v, n) = num.unwrap_or((0, 0));
            num = Some((v.saturating_mul(10).saturating_add(d), n.saturating_add(1)));
            continue;
        }
        if let Some((v, n)) = num.take() {
            out.push(T::Num(v, n));
        }
        // Russian and ASCII letters take a fast path; other letters go through Unicode tables.
        let fast = match c {
            'а'..='я' | 'a'..='z' => Some(c),
            'А'..='Я' => char::from_u32(c as u32 + 0x20),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            'ё' | 'Ё' => Some('е'),
            _ => None,
        };
        if fast.is_some() || c.is_alphabetic() {
            if !in_word {
                in_word = true;
                cyr = false;
                lat = false;
                word.clear();
            }
            match fast {
                Some(l) => {
                    if l.is_ascii() {
                        lat = true;
                    } else {
                        cyr = true;
                    }
                    word.push(l);
                }
                None => {
                    cyr |= ('\u{0400}'..='\u{04FF}').contains(&c);
                    for l in c.to_lowercase() {
                        word.push(if l == 'ё' { 'е' } else { l });
                    }
                }
            }
            continue;
        }
        if in_word {
            flush_word(&mut out, &mut word, cyr, lat);
            in_word = false;
        }
        let t = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => {
                if out.last() == Some(&T::Newline) {
                    continue;
                }
                T::Newline
            }
            c if c.is_whitespace() => continue,
            '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => T::Dash,
            '.' | '\u{FF0E}' => T::Dot,
            ',' | '\u{FF0C}' | '\u{3001}' => T::Comma,
            ';' | '\u{FF1B}' => T::Semicolon,
            '/' | '\\' | '\u{2215}' | '\u{FF0F}' => T::Slash,
            ':' | '\u{FF1A}' => T::Colon,
            '(' | '[' | '{' => T::Open,
            ')' | ']' | '}' => T::Close,
            // Quotes and apostrophes are transparent.
            '"' | '\'' | '«' | '»' | '„' | '“' | '”' | '‘' | '’' | '`' => continue,
            _ => T::Sym,
        };
        out.push(t);
    }
    if let Some((v, n)) = num {
        out.push(T::Num(v, n));
    }
    if in_word {
        flush_word(&mut out, &mut word, cyr, lat);
    }
    out
}

fn flush_word(out: &mut Vec<T>, word: &mut String, cyr: bool, lat: bool) {
    if cyr && lat {
        // "IIполугодие", "IVкв": a Roman numeral glued to the unit it numbers.
        let split = word
            .char_indices()
            .find(|&(_, c)| !matches!(c, 'i' | 'v' | 'x'))
            .map_or(0, |(at, _)| at);
        if split > 0
            && let (Some(n), rest) = (roman(&word[..split]), &word[split..])
            && rest.chars().all(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
            && matches!(
                classify(rest),
                T::Word(W::Half | W::Quarter | W::Term | W::HalfPl | W::QuarterPl)
            )
        {
            out.push(T::Roman(n));
            out.push(classify(rest));
            return;
        }
        // A Cyrillic word with Latin look-alikes typed in.
        let mapped: String = word
            .chars()
            .map(|c| match c {
                'a' => 'а',
                'c' => 'с',
                'e' => 'е',
                'o' => 'о',
                'p' => 'р',
                'x' => 'х',
                'y' => 'у',
                'k' => 'к',
                'm' => 'м',
                't' => 'т',
                'h' => 'н',
                'b' => 'в',
                other => other,
            })
            .collect();
        *word = mapped;
    }
    out.push(classify(word));
}

const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

fn roman(w: &str) -> Option<u8> {
    ROMAN.iter().position(|r| *r == w).map(|i| i as u8 + 1)
}

/// Month names: stem, endings allowed after it, and exact abbreviations.
const MONTHS: [(&str, &[&str], &[&str]); 12] = [
    ("январ", SOFT, &["янв"]),
    ("феврал", SOFT, &["фев", "февр"]),
    ("март", HARD, &["мар", "мрт"]),
    ("апрел", SOFT, &["апр"]),
    ("ма", &["й", "я", "е", "ю", "ем"], &[]),
    ("июн", SOFT, &["июн"]),
    ("июл", SOFT, &["июл"]),
    ("август", HARD, &["авг"]),
    ("сентябр", SOFT, &["сен", "сент", "сентяб"]),
    ("октябр", SOFT, &["окт"]),
    ("ноябр", SOFT, &["ноя", "нояб"]),
    ("декабр", SOFT, &["дек"]),
];
const SOFT: &[&str] = &["ь", "я", "е", "ю", "ем"];
const HARD: &[&str] = &["", "а", "е", "у", "ом"];

/// Classifies one lowercased word.
/// Every known word form and its class (months and Roman numerals are added from their own tables).
const WORDS: &[(&[&str], W)] = &[
    (
        &[
            "год",
            "года",
            "году",
            "годом",
            "годе",
            "годы",
            "годов",
            "годам",
            "годами",
            "годах",
            "г",
            "гг",
        ],
        W::Year,
    ),
    (
        &[
            "учебный",
            "учебного",
            "учебном",
            "учебному",
            "учебным",
            "учебные",
            "учебных",
            "учебн",
            "уч",
        ],
        W::Uch,
    ),
    (
        &[
            "календарный",
            "календарного",
            "календарном",
            "календарному",
            "текущий",
            "текущего",
            "текущем",
            "текущему",
            "отчетный",
            "отчетного",
            "отчетном",
            "целый",
            "целого",
        ],
        W::YearAdj,
    ),
    (&["всего", "весь", "все", "всей", "всю"], W::Ves),
    (
        &[
            "квартал",
            "квартала",
            "квартале",
            "кварталу",
            "кварталом",
            "кв",
        ],
        W::Quarter,
    ),
    (&["кварталам", "кварталы", "кварталов"], W::QuarterPl),
    (
        &[
            "полугодие",
            "полугодия",
            "полугодии",
            "полугодию",
            "полугодием",
            "пг",
        ],
        W::Half,
    ),
    (&["полугодиям", "полугодий"], W::HalfPl),
    (&["четверть", "четверти", "четвертью"], W::Term),
    (&["четвертям", "четвертей"], W::TermPl),
    (
        &[
            "месяц",
            "месяца",
            "месяце",
            "месяцу",
            "месяцем",
            "месяцев",
            "мес",
        ],
        W::MonthUnit,
    ),
    (&["месяцам"], W::MonthPl),
    (
        &[
            "неделя",
            "неделю",
            "недели",
            "неделе",
            "недель",
            "неделям",
            "нед",
        ],
        W::Week,
    ),
    (
        &["день", "дня", "дней", "дню", "дн", "сутки", "суток"],
        W::Day,
    ),
    (
        &[
            "первый",
            "первое",
            "первого",
            "первом",
            "первая",
            "первой",
            "первую",
            "первому",
        ],
        W::Ord(1),
    ),
    (
        &[
            "второй",
            "второе",
            "второго",
            "втором",
            "вторая",
            "вторую",
            "второму",
        ],
        W::Ord(2),
    ),
    (
        &[
            "третий",
            "третье",
            "третьего",
            "третьем",
            "третья",
            "третьей",
            "третью",
        ],
        W::Ord(3),
    ),
    (
        &[
            "четвертый",
            "четвертое",
            "четвертого",
            "четвертом",
            "четвертая",
            "четвертой",
            "четвертую",
        ],
        W::Ord(4),
    ),
    (
        &[
            "й", "е", "го", "ое", "ом", "м", "ая", "ой", "ую", "ый", "ий",
        ],
        W::OrdSuf,
    ),
    (
        &["один", "одна", "одного", "одной", "одну", "единожды"],
        W::NumWord(1),
    ),
    (&["два", "две", "двух"], W::NumWord(2)),
    (&["три", "трех"], W::NumWord(3)),
    (&["четыре", "четырех"], W::NumWord(4)),
    (&["пять", "пяти"], W::NumWord(5)),
    (&["шесть", "шести"], W::NumWord(6)),
    (&["восемь", "восьми"], W::NumWord(8)),
    (&["десять", "десяти"], W::NumWord(10)),
    (&["двенадцать", "двенадцати"], W::NumWord(12)),
    (&["дважды"], W::Times(2)),
    (&["трижды"], W::Times(3)),
    (&["раз", "раза", "р"], W::Raz),
    (&["в", "во"], W::V),
    (&["за", "на"], W::Za),
    (&["до"], W::Do),
    (&["по"], W::Po),
    (&["с", "со", "начиная"], W::S),
    (&["к", "ко"], W::K),
    (&["от"], W::Ot),
    (&["не"], W::Ne),
    (&["позднее", "позже", "позд"], W::Later),
    (&["ранее", "раньше"], W::Earlier),
    (&["реже", "менее"], W::Rarer),
    (&["и", "или"], W::And),
    (
        &["течение", "течении", "протяжении", "втечение", "втечении"],
        W::Techenie,
    ),
    (&["период", "периода", "периоде", "периоду"], W::Period),
    (&["срок", "срока", "сроке", "сроку", "сроки"], W::Srok),
    (
        &["реализации", "действия", "выполнения", "работы"],
        W::Realiz,
    ),
    (
        &[
            "конец",
            "конца",
            "концу",
            "конце",
            "окончание",
            "окончания",
            "итог",
        ],
        W::Konec,
    ),
    (
        &[
            "начало",
            "начала",
            "начале",
            "середина",
            "середины",
            "середине",
        ],
        W::Inside,
    ),
    (
        &[
            "каждый",
            "каждого",
            "каждое",
            "каждую",
            "каждом",
            "каждой",
            "каждые",
            "каждая",
        ],
        W::Each,
    ),
    (&["ежегодно"], W::Annually),
    (&["ежеквартально", "поквартально"], W::Quarterly),
    (&["ежемесячно", "помесячно"], W::Monthly),
    (&["ежеполугодно", "полугодично"], W::Semiannually),
    (&["еженедельно", "ежедневно"], W::Continuous),
    (&["круглогодично", "круглогодичный"], W::YearRound),
    (&["постоянно", "постоянном"], W::Always),
    (
        &["весна", "весны", "весне", "весной", "весну"],
        W::Season(0),
    ),
    (
        &[
            "лето",
            "лета",
            "лете",
            "летом",
            "лету",
            "летний",
            "летнего",
            "летнем",
            "летние",
            "летних",
        ],
        W::Season(1),
    ),
    (&["осень", "осени", "осенью"], W::Season(2)),
    (&["зима", "зимы", "зиме", "зимой", "зиму"], W::Season(3)),
    (
        &[
            "графику",
            "графиком",
            "графика",
            "график",
            "графикам",
            "графиков",
            "циклограмме",
            "циклограммой",
            "циклограммы",
            "расписанию",
            "расписанием",
        ],
        W::Ref(RefKind::Schedule),
    ),
    (
        &[
            "плану",
            "планом",
            "плана",
            "планами",
            "планам",
            "планов",
            "план",
            "планах",
        ],
        W::Ref(RefKind::Plan),
    ),
    (&["результатам", "результатах"], W::Ref(RefKind::Results)),
    (&["итогам", "итогах"], W::Ref(RefKind::Totals)),
    (
        &["необходимости", "потребности"],
        W::Ref(RefKind::Necessity),
    ),
    (&["мере"], W::Ref(RefKind::Readiness)),
    (
        &["запросу", "запросам", "заявкам", "заявке", "требованию"],
        W::Ref(RefKind::Request),
    ),
    (
        &[
            "после",
            "окончании",
            "завершении",
            "истечении",
            "получении",
            "поступлении",
        ],
        W::Ref(RefKind::Relative),
    ),
    (
        &[
            "соответствии",
            "согласно",
            "соотв",
            "приказу",
            "приказом",
            "распоряжению",
            "распоряжением",
            "положению",
            "положением",
            "регламенту",
            "регламентом",
            "установленные",
            "установленный",
            "установленным",
            "установленном",
            "установленного",
        ],
        W::Ref(RefKind::Accordance),
    ),
    (&["рамках"], W::Ref(RefKind::Within)),
    (
        &["отдельному", "отдельным", "отдельного", "отдельный"],
        W::Separate,
    ),
];

/// Classifies one lowercased word.
pub(crate) fn classify(w: &str) -> T {
    table().get(w).copied().unwrap_or(T::Word(W::Other))
}

type Table = HashMap<String, T, BuildHasherDefault<Fnv>>;

/// All word forms, built once: one hash lookup per word instead of hundreds of comparisons.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        for (forms, w) in WORDS {
            for f in *forms {
                t.insert((*f).to_owned(), T::Word(*w));
            }
        }
        for (i, (stem, endings, abbr)) in MONTHS.iter().enumerate() {
            let m = T::Word(W::Month(i as u8 + 1));
            for e in *endings {
                t.insert(format!("{stem}{e}"), m);
            }
            for a in *abbr {
                t.insert((*a).to_owned(), m);
            }
        }
        for (i, r) in ROMAN.iter().enumerate() {
            t.insert((*r).to_owned(), T::Roman(i as u8 + 1));
        }
        t.insert("і".to_owned(), T::Roman(1));
        t.insert("іі".to_owned(), T::Roman(2));
        t.insert("ііі".to_owned(), T::Roman(3));
        t
    })
}

/// FNV-1a: a fast hash for short keys (no untrusted-key concerns in a local lookup table).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_all_forms() {
        for (w, m) in [
            ("январь", 1),
            ("января", 1),
            ("январе", 1),
            ("январю", 1),
            ("янв", 1),
            ("февраля", 2),
            ("февр", 2),
            ("март", 3),
            ("марта", 3),
            ("мартом", 3),
            ("май", 5),
            ("мая", 5),
            ("мае", 5),
            ("июнь", 6),
            ("июля", 7),
            ("августе", 8),
            ("сент", 9),
            ("сен", 9),
            ("октября", 10),
            ("нояб", 11),
            ("декабрем", 12),
        ] {
            assert_eq!(classify(w), T::Word(W::Month(m)), "{w}");
        }
        for w in [
            "маршрут",
            "мама",
            "майский",
            "март2",
            "мартовский",
            "январский",
        ] {
            assert!(!matches!(classify(w), T::Word(W::Month(_))), "{w}");
        }
    }

    #[test]
    fn tokens_of_a_messy_date() {
        let t = tokenize("до 05.11. 2020г.,\r\nИЮНЬ – мaй");
        assert_eq!(
            t,
            vec![
                T::Word(W::Do),
                T::Num(5, 2),
                T::Dot,
                T::Num(11, 2),
                T::Dot,
                T::Num(2020, 4),
                T::Word(W::Year),
                T::Dot,
                T::Comma,
                T::Newline,
                T::Word(W::Month(6)),
                T::Dash,
                T::Word(W::Month(5)),
            ]
        );
    }

    #[test]
    fn huge_numbers_saturate() {
        assert_eq!(
            tokenize("99999999999999999999 год")[0],
            T::Num(u32::MAX, 20)
        );
    }

    #[test]
    fn roman_numerals_and_decomposed_letters() {
        assert_eq!(tokenize("IV кв.")[0], T::Roman(4));
        // "май" with a decomposed "й" (и + combining breve).
        assert_eq!(tokenize("ма\u{0438}\u{0306}"), vec![T::Word(W::Month(5))]);
        // Ё is read as Е.
        assert_eq!(tokenize("четвёртый"), vec![T::Word(W::Ord(4))]);
    }
}
