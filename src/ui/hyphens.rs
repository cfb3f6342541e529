//! Russian hyphenation for narrow cells. A word wider than its cell is broken at a hyphenation point
//! («Общеобразо-» / «вательные») instead of wherever the glyphs run out («Общеобразова» / «тельные»): the
//! text gets a "-" and a line break there, so the measured heights and the drawn text stay the same thing.
//! Words that fit are never touched; a word with no usable point is left to egui's break.

use std::borrow::Cow;
use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

/// The Russian dictionary, read once from the embedded file.
fn russian() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| {
        let bytes: &[u8] = include_bytes!("../../assets/hyphenation/ru.standard.bincode");
        Standard::from_reader(Language::Russian, &mut &bytes[..]).ok()
    })
    .as_ref()
}

/// `text` with every word wider than `width` broken at hyphenation points so that each piece with its "-"
/// fits; `advance` gives a character's width. Borrowed unchanged when no word needs it.
pub fn fit_words(text: &str, width: f32, mut advance: impl FnMut(char) -> f32) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut last = 0;
    for (start, word) in words(text) {
        let word_width: f32 = word.chars().map(&mut advance).sum();
        if word_width <= width {
            continue;
        }
        let Some(broken) = break_word(word, width, &mut advance) else {
            continue;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
        out.push_str(&text[last..start]);
        out.push_str(&broken);
        last = start + word.len();
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[last..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// The words of `text` (runs without whitespace) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(char::is_whitespace)
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            let word = piece.trim_end_matches(char::is_whitespace);
            Some((start, word))
        })
}

/// `word` with "-\n" at the last hyphenation points that keep each line within `width`; `None` when the
/// dictionary offers no point that helps.
fn break_word(word: &str, width: f32, advance: &mut impl FnMut(char) -> f32) -> Option<String> {
    let dict = russian()?;
    // Hyphenate the letters only: quotes, brackets and punctuation around them stay attached.
    let core_start = word.find(char::is_alphabetic)?;
    let core_end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8())?;
    let core = &word[core_start..core_end];
    let points: Vec<usize> = dict
        .hyphenate(core)
        .breaks
        .into_iter()
        .map(|b| b + core_start)
        .collect();
    if points.is_empty() {
        return None;
    }
    let dash = advance('-');
    let mut out = String::with_capacity(word.len() + 8);
    let mut line_start = 0;
    let mut x = 0.0;
    let mut best: Option<usize> = None;
    for (i, c) in word.char_indices() {
        if points.contains(&i) && i > line_start && x + dash <= width {
            best = Some(i);
        }
        let w = advance(c);
        if x + w > width
            && let Some(b) = best.take()
        {
            out.push_str(&word[line_start..b]);
            out.push_str("-\n");
            line_start = b;
            x = word[b..i].chars().map(&mut *advance).sum();
        }
        x += w;
    }
    if line_start == 0 {
        return None;
    }
    out.push_str(&word[line_start..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 8 wide.
    fn mono(_: char) -> f32 {
        8.0
    }

    #[test]
    fn a_long_word_breaks_at_a_russian_hyphenation_point() {
        // «Общеобразовательные» is 19 characters: 152 wide. In 100 (12 characters) it breaks where Russian
        // allows, with a hyphen, and never inside a syllable.
        let text = fit_words("Общеобразовательные организации", 100.0, mono);
        let first = text.lines().next().unwrap();
        assert!(first.ends_with('-'), "{text}");
        assert!(first.chars().count() <= 12, "{text}");
        let joined = text.replace("-\n", "");
        assert_eq!(joined, "Общеобразовательные организации");
        // The break is one of the dictionary's: «Об-ще-об-ра-зо-ва-тель-ные».
        let pieces = ["Общеобразо-", "Общеобра-", "Общеоб-"];
        assert!(pieces.contains(&first), "{first}");
    }

    #[test]
    fn words_that_fit_are_left_alone() {
        let text = fit_words("Управление образованием", 200.0, mono);
        assert!(matches!(text, Cow::Borrowed(_)));
    }

    #[test]
    fn punctuation_around_a_word_stays_attached() {
        let text = fit_words("«лидеров»,", 56.0, mono);
        assert!(text.starts_with('«'), "{text}");
        assert!(text.ends_with("»,"), "{text}");
        assert_eq!(text.replace("-\n", ""), "«лидеров»,");
    }
}
