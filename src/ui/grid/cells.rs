//! What a cell shows and how tall it is: the same description serves sizing (estimated or exact) and
//! drawing, so heights fit what is drawn.

use std::collections::HashMap;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Rect, TextStyle};

use super::columns::Col;
use crate::i18n::{Arg, I18n};
use crate::model::{Measure, Status};
use crate::stats::ProgressSummary;

/// Inner margins of a cell.
pub const PAD_X: f32 = 5.0;
pub const PAD_Y: f32 = 4.0;
/// Between the deadline and its explanation.
pub const GAP: f32 = 1.0;
/// The fold triangle of a section row.
pub const FOLD: f32 = 16.0;
/// The grid's colours in the light and the dark theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub section: Color32,
    pub header: Color32,
    pub line: Color32,
    pub hover: Color32,
    /// The background of search matches.
    pub matched: Color32,
    /// The cursor cell's ring.
    pub ring: Color32,
}

impl Palette {
    pub fn of(visuals: &egui::Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                section: Color32::from_rgb(0x24, 0x30, 0x3d),
                header: Color32::from_rgb(0x2c, 0x2d, 0x31),
                line: Color32::from_gray(0x4a),
                hover: Color32::from_rgb(0x2a, 0x30, 0x38),
                matched: Color32::from_rgb(0x7a, 0x62, 0x10),
                ring: Color32::from_rgb(0x7f, 0xb8, 0xff),
            }
        } else {
            Self {
                section: crate::ui::style::SECTION_FILL,
                header: crate::ui::style::HEADER_FILL,
                line: Color32::from_gray(0xc8),
                hover: Color32::from_rgb(0xf3, 0xf6, 0xfa),
                matched: Color32::from_rgb(0xff, 0xe0, 0x6b),
                ring: crate::ui::style::ACCENT,
            }
        }
    }
}

/// The fonts of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Fonts {
    pub body: FontId,
    pub small: FontId,
}

impl Fonts {
    pub fn of(style: &egui::Style) -> Self {
        Self {
            body: TextStyle::Body.resolve(style),
            small: TextStyle::Small.resolve(style),
        }
    }

    /// The small font or the body's.
    pub fn font(&self, small: bool) -> &FontId {
        if small { &self.small } else { &self.body }
    }
}

/// Heights of wrapped text.
pub trait TextMeasure {
    /// The height of `text` wrapped at `width`, in the small font or the body font.
    fn height(&mut self, text: &str, width: f32, small: bool) -> f32;
    /// The height of one line.
    fn line(&mut self, small: bool) -> f32;
}

/// Advances of characters, remembered across frames for one pair of fonts: Latin and Cyrillic in a table
/// (no hashing on the hot path), the rest in a map.
#[derive(Debug, Default)]
pub struct CharWidths {
    fonts: Option<(Fonts, u32)>,
    table: Vec<[f32; 2]>,
    others: HashMap<(char, bool), f32>,
    lines: [f32; 2],
}

/// Characters below this have a slot in `CharWidths::table` (up to the end of Cyrillic).
const TABLE_CHARS: usize = 0x500;

impl CharWidths {
    fn get(&mut self, c: char, small: bool, measure: impl FnOnce() -> f32) -> f32 {
        let slot = match self.table.get_mut(c as usize) {
            Some(slot) => &mut slot[usize::from(small)],
            None => return *self.others.entry((c, small)).or_insert_with(measure),
        };
        if slot.is_nan() {
            *slot = measure();
        }
        *slot
    }
}

/// Estimates by word wrap over glyph advances (no galleys: cheap for thousands of rows).
pub struct Estimate<'f, 'a> {
    pub fonts: &'f mut egui::epaint::text::FontsView<'a>,
    pub grid: &'f Fonts,
    pub widths: &'f mut CharWidths,
}

impl Estimate<'_, '_> {
    /// Drops remembered advances when the fonts or the scale changed.
    pub fn prepare(&mut self, pixels_per_point: f32) {
        let key = Some((self.grid.clone(), pixels_per_point.to_bits()));
        if self.widths.fonts != key {
            self.widths.table = vec![[f32::NAN; 2]; TABLE_CHARS];
            self.widths.others.clear();
            self.widths.fonts = key;
            // A galley's line is the font's row height rounded to the pixel grid: measure one.
            let mut line = |font: &FontId| {
                let job =
                    LayoutJob::simple("Ж".to_owned(), font.clone(), Color32::BLACK, f32::INFINITY);
                self.fonts.layout_job(job).size().y
            };
            self.widths.lines = [line(&self.grid.body), line(&self.grid.small)];
        }
    }
}

impl TextMeasure for Estimate<'_, '_> {
    fn height(&mut self, text: &str, width: f32, small: bool) -> f32 {
        let font = self.grid.font(small);
        let fonts = &mut *self.fonts;
        let widths = &mut *self.widths;
        let mut advance = |c| widths.get(c, small, || fonts.glyph_width(font, c));
        let text = crate::ui::hyphens::fit_words(text, width, &mut advance);
        let lines = super::heights::wrapped_lines(&text, width, advance);
        lines as f32 * self.widths.lines[usize::from(small)]
    }

    fn line(&mut self, small: bool) -> f32 {
        self.widths.lines[usize::from(small)]
    }
}

/// Exact heights by galley layout (for the rows about to show).
pub struct Exact<'f, 'a> {
    pub fonts: &'f mut egui::epaint::text::FontsView<'a>,
    pub grid: &'f Fonts,
}

impl TextMeasure for Exact<'_, '_> {
    fn height(&mut self, text: &str, width: f32, small: bool) -> f32 {
        let font = self.grid.font(small);
        let text = crate::ui::hyphens::fit_words(text, width, |c| self.fonts.glyph_width(font, c));
        let job = LayoutJob::simple(text.into_owned(), font.clone(), Color32::BLACK, width);
        self.fonts.layout_job(job).size().y
    }

    fn line(&mut self, small: bool) -> f32 {
        self.height("Ж", f32::INFINITY, small)
    }
}

/// The width text gets inside a cell of `width`.
pub fn text_width(col: Col, width: f32) -> f32 {
    let fold = if col == Col::NUMBER { FOLD } else { 0.0 };
    (width - 2.0 * PAD_X - fold).max(8.0)
}

/// The status lines of a measure: "выполнено 3 из 5", and "просрочено 2" when late; "—" with no records.
/// Once the office has marked a measure it executes, its part is added (or, the office's alone, shown
/// only): "Управление:" and "выполнено N из M" on the next line.
pub fn status_lines(i18n: &I18n, p: Option<&ProgressSummary>) -> (String, Option<String>) {
    let office = p.filter(|p| p.office_marked()).map(|p| {
        let total = p
            .office_expected
            .saturating_sub(p.office_count(Status::Cancelled));
        // On two lines, each as narrow as the schools' line, so the column does not wrap them.
        let done = i18n.tr_args(
            "grid-progress-done",
            &[
                ("done", Arg::Num(p.office_count(Status::Done).into())),
                ("total", Arg::Num(total.into())),
            ],
        );
        format!("{}\n{done}", i18n.tr("grid-progress-office"))
    });
    if let Some(office) = office {
        let schools = p
            .filter(|p| !p.office_only)
            .map(|p| status_lines_of_schools(i18n, p));
        return match schools {
            Some((first, late)) => (format!("{first}\n{office}"), late),
            None => (office, None),
        };
    }
    status_lines_of_schools(i18n, p.unwrap_or(&ProgressSummary::default()))
}

fn status_lines_of_schools(i18n: &I18n, p: &ProgressSummary) -> (String, Option<String>) {
    if p.total() == 0 {
        return ("—".to_owned(), None);
    }
    let done = p.count(Status::Done);
    let total = p.total() - p.count(Status::Cancelled);
    let first = i18n.tr_args(
        "grid-progress-done",
        &[
            ("done", Arg::Num(done.into())),
            ("total", Arg::Num(total.into())),
        ],
    );
    let late = (p.overdue > 0).then(|| {
        i18n.tr_args(
            "grid-progress-overdue",
            &[("count", Arg::Num(p.overdue.into()))],
        )
    });
    (first, late)
}

/// How many status lines a measure shows (without formatting them).
pub fn status_line_count(p: Option<&ProgressSummary>) -> usize {
    let office = p.is_some_and(|p| p.office_marked());
    let schools_late = p.is_some_and(|p| !p.office_only && p.total() > 0 && p.overdue > 0);
    let both = office && p.is_some_and(|p| !p.office_only);
    // The office's part takes two lines ("Управление:" and its count).
    if office && !both {
        return 2;
    }
    1 + 2 * usize::from(both) + usize::from(schools_late)
}

/// The height of a measure row. `status` is the status text when known (exact sizing), else only its line
/// count is used.
pub fn measure_height(
    m: &Measure,
    cols: &[Col],
    widths: &[f32],
    explanation: &str,
    status: Option<&(String, Option<String>)>,
    status_count: usize,
    t: &mut impl TextMeasure,
) -> f32 {
    let mut content = t.line(false);
    for (col, width) in cols.iter().zip(widths) {
        let w = text_width(*col, *width);
        let h = match *col {
            Col::Status => match status {
                Some((first, late)) => {
                    t.height(first, w, false) + late.as_ref().map_or(0.0, |l| t.height(l, w, false))
                }
                None => status_count as f32 * t.line(false),
            },
            Col::DEADLINE => {
                let mut h = t.height(&m.deadline, w, false);
                if !explanation.is_empty() {
                    h += GAP + t.height(explanation, w, true);
                }
                h
            }
            other => {
                let text = other.text(m);
                if text.is_empty() {
                    continue;
                }
                t.height(text, w, false)
            }
        };
        content = content.max(h);
    }
    content + 2.0 * PAD_Y
}

/// The height of a section row: its number, its title across the text columns, its summary.
pub fn section_height(
    number: &str,
    title: &str,
    summary: &str,
    number_width: f32,
    span_width: f32,
    status_width: f32,
    t: &mut impl TextMeasure,
) -> f32 {
    let number = t.height(number, text_width(Col::NUMBER, number_width), false);
    let title = t.height(title, (span_width - 2.0 * PAD_X).max(8.0), false);
    let summary = t.height(summary, text_width(Col::Status, status_width), true);
    number.max(title).max(summary).max(t.line(false)) + 2.0 * PAD_Y
}

/// `text` as a layout job with every case-insensitive occurrence of `query` (lowercase) on the `mark` ground.
pub fn highlighted(
    text: &str,
    query: &str,
    font: FontId,
    color: Color32,
    mark: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(font.clone(), color);
    let marked = TextFormat {
        background: mark,
        ..TextFormat::simple(font, color)
    };
    let mut last = 0;
    for (start, end) in matches(text, query) {
        job.append(&text[last..start], 0.0, plain.clone());
        job.append(&text[start..end], 0.0, marked.clone());
        last = end;
    }
    job.append(&text[last..], 0.0, plain);
    job
}

/// Byte ranges of `text` matching `query` (lowercase) case-insensitively, not overlapping.
pub fn matches(text: &str, query: &str) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    // Lowercase char by char, remembering where each lowercase char came from in `text`.
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            for _ in 0..l.len_utf8() {
                origin.push(i);
            }
            lower.push(l);
        }
    }
    origin.push(text.len());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(query) {
        let start = from + pos;
        let end = start + query.len();
        let (s, e) = (origin[start], origin[end]);
        // A match ending inside a char that lowercased into several takes the whole char.
        let e = if e <= s {
            text[s..].chars().next().map_or(s, |c| s + c.len_utf8())
        } else {
            e
        };
        out.push((s, e));
        from = end;
    }
    out
}

/// Paints the thin borders of a cell (right and bottom), as in the printed table.
pub fn borders(painter: &egui::Painter, rect: Rect, color: Color32) {
    let stroke = egui::Stroke::new(1.0, color);
    painter.hline(rect.x_range(), rect.bottom() - 0.5, stroke);
    painter.vline(rect.right() - 0.5, rect.y_range(), stroke);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_line_shows_once_the_office_has_marked() {
        let i18n = I18n::new(crate::i18n::Language::Russian);
        let mut p = ProgressSummary::default();
        // The office's alone, nothing marked: as for schools, "—".
        p.set_executor(2, true);
        assert_eq!(status_lines(&i18n, Some(&p)), ("—".to_owned(), None));
        assert_eq!(status_line_count(Some(&p)), 1);
        p.office_by_status[Status::Done as usize] = 1;
        assert_eq!(
            status_lines(&i18n, Some(&p)).0,
            "Управление:\nвыполнено 1 из 2"
        );
        assert_eq!(status_line_count(Some(&p)), 2);
        // Both: the schools' line, then the office's two.
        p.set_executor(2, false);
        p.by_status[Status::Done as usize] = 3;
        p.by_status[Status::Planned as usize] = 2;
        assert_eq!(
            status_lines(&i18n, Some(&p)).0,
            "выполнено 3 из 5\nУправление:\nвыполнено 1 из 2"
        );
        assert_eq!(status_line_count(Some(&p)), 3);
    }

    #[test]
    fn matches_are_found_case_insensitively_in_russian() {
        let text = "Подготовка к ГИА и гиа-9";
        let found: Vec<&str> = matches(text, "гиа")
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, vec!["ГИА", "гиа"]);
        assert!(matches(text, "").is_empty());
    }

    #[test]
    fn a_highlighted_job_keeps_the_text() {
        let mark = Color32::YELLOW;
        let job = highlighted(
            "Итоговое сочинение",
            "сочин",
            FontId::default(),
            Color32::BLACK,
            mark,
        );
        assert_eq!(job.text, "Итоговое сочинение");
        assert_eq!(job.sections.len(), 3);
        assert_eq!(job.sections[1].format.background, mark);
    }

    struct Lines;
    impl TextMeasure for Lines {
        fn height(&mut self, text: &str, _: f32, _: bool) -> f32 {
            10.0 * text.lines().count().max(1) as f32
        }
        fn line(&mut self, _: bool) -> f32 {
            10.0
        }
    }

    #[test]
    fn a_row_is_as_tall_as_its_tallest_cell() {
        let mut m = Measure::new("1", "одна строка");
        m.result = "раз\nдва\nтри".into();
        m.deadline = "май".into();
        let cols = Col::all(&[]);
        let widths = vec![100.0; cols.len()];
        let h = measure_height(&m, &cols, &widths, "", None, 1, &mut Lines);
        assert_eq!(h, 30.0 + 2.0 * PAD_Y);
        // The explanation under the deadline counts too.
        m.result.clear();
        let h = measure_height(
            &m,
            &cols,
            &widths,
            "каждый год: 31 мая",
            None,
            2,
            &mut Lines,
        );
        assert_eq!(h, 20.0 + GAP + 2.0 * PAD_Y);
    }
}
