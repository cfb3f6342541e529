//! Row heights of the grid: wrapped cells make rows of different heights, and `heterogeneous_rows` needs
//! them all to place the visible ones and size the scroll bar.
//!
//! Laying out every cell of 10,000 measures as galleys would cost seconds and hundreds of megabytes, so:
//! - every row gets an *estimate* from a word wrap over cached glyph widths (the same greedy rule epaint
//!   uses), memoized per row id and content hash;
//! - rows near the viewport are *refined* with real galley layout (egui lays those out anyway to draw them);
//! - everything is keyed on the column widths: a resize re-estimates, but not while a column border is
//!   being dragged (the old heights stay until the mouse is released). Memos of rows a filter hides are
//!   kept, so clearing the filter costs nothing; a resize drops them all.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::Id;

/// The height of a row, remembered with what it was computed from.
#[derive(Debug, Clone, Copy)]
struct Memo {
    hash: u64,
    /// The data version the hash was last checked at.
    checked: u64,
    height: f32,
    exact: bool,
}

/// Row heights for the current rows, widths and data.
#[derive(Debug, Default)]
pub struct HeightCache {
    widths: Vec<u32>,
    fonts: u64,
    memos: HashMap<Id, Memo>,
    heights: Vec<f32>,
    /// (rows generation, data version, widths epoch) the heights were built for.
    built: Option<(u64, u64, u64)>,
    epoch: u64,
}

impl HeightCache {
    /// Takes this frame's column widths and a digest of the fonts and scale. A change drops every memo —
    /// unless `defer` (a border is being dragged) and heights exist, in which case the old ones stay for now.
    /// Returns whether memos dropped.
    pub fn set_widths(&mut self, widths: &[f32], fonts: u64, defer: bool) -> bool {
        let key: Vec<u32> = widths.iter().map(|w| w.round() as u32).collect();
        if (key == self.widths && fonts == self.fonts) || (defer && !self.heights.is_empty()) {
            return false;
        }
        self.widths = key;
        self.fonts = fonts;
        self.memos.clear();
        self.epoch += 1;
        true
    }

    /// Makes the heights match `rows`. `id` names a row cheaply; `hash` digests what its height depends on
    /// (called only for rows not yet checked at `version`); `estimate` computes a height. Returns whether
    /// the heights were rebuilt.
    pub fn sync<R: Copy>(
        &mut self,
        rows_generation: u64,
        version: u64,
        rows: &[R],
        id: impl Fn(R) -> Id,
        mut hash: impl FnMut(R) -> u64,
        mut estimate: impl FnMut(R) -> f32,
    ) -> bool {
        let key = (rows_generation, version, self.epoch);
        if self.built == Some(key) && self.heights.len() == rows.len() {
            return false;
        }
        self.heights.clear();
        self.heights.reserve(rows.len());
        for &row in rows {
            let memo = self.memos.entry(id(row)).or_insert(Memo {
                hash: 0,
                checked: u64::MAX,
                height: f32::NAN,
                exact: false,
            });
            if memo.checked != version {
                let h = hash(row);
                if h != memo.hash || memo.height.is_nan() {
                    *memo = Memo {
                        hash: h,
                        checked: version,
                        height: estimate(row),
                        exact: false,
                    };
                } else {
                    memo.checked = version;
                }
            }
            self.heights.push(memo.height);
        }
        self.built = Some(key);
        true
    }

    /// Replaces the estimates of rows in `range` with `exact` heights. Returns whether any height changed.
    pub fn refine<R: Copy>(
        &mut self,
        range: Range<usize>,
        rows: &[R],
        id: impl Fn(R) -> Id,
        mut exact: impl FnMut(R) -> f32,
    ) -> bool {
        let mut changed = false;
        let end = range.end.min(rows.len()).min(self.heights.len());
        let start = range.start.min(end);
        for (row, height) in rows[start..end].iter().zip(&mut self.heights[start..end]) {
            let Some(memo) = self.memos.get_mut(&id(*row)) else {
                continue;
            };
            if memo.exact {
                continue;
            }
            let h = exact(*row);
            changed |= (h - memo.height).abs() > 0.5;
            memo.height = h;
            memo.exact = true;
            *height = h;
        }
        changed
    }

    pub fn heights(&self) -> &[f32] {
        &self.heights
    }

    /// The rows overlapping `[top, top + height]` of the body, with rows `spacing` apart.
    pub fn rows_in(&self, top: f32, height: f32, spacing: f32) -> Range<usize> {
        let mut y = 0.0;
        let mut start = None;
        for (i, h) in self.heights.iter().enumerate() {
            let bottom = y + h + spacing;
            if start.is_none() && bottom >= top {
                start = Some(i);
            }
            if y > top + height {
                return start.unwrap_or(i)..i;
            }
            y = bottom;
        }
        start.unwrap_or(self.heights.len())..self.heights.len()
    }
}

/// How many lines `text` takes wrapped at `width`, with the greedy rule of epaint: a line breaks at its
/// last whitespace (else a dash, else ASCII punctuation, else anywhere) once the next glyph would overflow.
pub fn wrapped_lines(text: &str, width: f32, mut advance: impl FnMut(char) -> f32) -> usize {
    let width = width + 0.5; // epaint's effective wrap width when rounding to the GUI
    let mut lines = 0;
    let mut xs: Vec<(char, f32)> = Vec::new();
    for paragraph in text.split('\n') {
        lines += 1;
        xs.clear();
        let mut x = 0.0;
        for c in paragraph.chars() {
            xs.push((c, x));
            x += advance(c);
        }
        let end = |i: usize| xs.get(i + 1).map_or(x, |n| n.1);
        let (mut row_start_x, mut row_start) = (0.0, 0);
        let (mut space, mut dash, mut punct, mut any) = (None, None, None, None);
        for i in 0..xs.len() {
            if end(i) - row_start_x > width {
                let candidate = space.or(dash).or(punct).or(any);
                if let Some(k) = candidate.filter(|k| *k >= row_start) {
                    lines += 1;
                    row_start = k + 1;
                    row_start_x = xs.get(row_start).map_or(x, |n| n.1);
                    for c in [&mut space, &mut dash, &mut punct, &mut any] {
                        if c.is_some_and(|v| v < row_start) {
                            *c = None;
                        }
                    }
                }
            }
            let c = xs[i].0;
            if c.is_whitespace() && c != '\u{a0}' {
                space = Some(i);
            } else if c == '-' {
                dash = Some(i);
            } else if c.is_ascii_punctuation() {
                punct = Some(i);
            }
            any = Some(i);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Id> {
        (0..n).map(|_| crate::model::new_id()).collect()
    }

    /// Syncs `rows` (each its own id, all with the same content) estimating every row at `height`;
    /// returns how many rows were estimated.
    fn sync_counting(
        cache: &mut HeightCache,
        (rows_generation, version): (u64, u64),
        rows: &[Id],
        height: f32,
    ) -> usize {
        let mut estimated = 0;
        cache.sync(
            rows_generation,
            version,
            rows,
            |r| r,
            |_| 7,
            |_| {
                estimated += 1;
                height
            },
        );
        estimated
    }

    /// A cache laid out at one width with `rows` estimated at `height` each.
    fn cache_of(rows: &[Id], height: f32) -> HeightCache {
        let mut cache = HeightCache::default();
        cache.set_widths(&[100.0], 1, false);
        sync_counting(&mut cache, (1, 1), rows, height);
        cache
    }

    #[test]
    fn heights_are_computed_once_per_key() {
        let rows = ids(3);
        let mut cache = HeightCache::default();
        cache.set_widths(&[100.0, 200.0], 1, false);
        assert_eq!(sync_counting(&mut cache, (1, 1), &rows, 20.0), 3);
        assert_eq!(cache.heights(), &[20.0; 3]);

        // Same widths, rows and version: nothing is recomputed.
        assert!(!cache.set_widths(&[100.2, 199.9], 1, false));
        assert_eq!(sync_counting(&mut cache, (1, 1), &rows, 0.0), 0);
    }

    #[test]
    fn an_edit_re_estimates_only_the_changed_row() {
        let rows = ids(3);
        let mut cache = cache_of(&rows, 20.0);
        let edited = rows[1];
        let mut estimated = Vec::new();
        cache.sync(
            1,
            2,
            &rows,
            |r| r,
            |r| if r == edited { 8 } else { 7 },
            |r| {
                estimated.push(r);
                40.0
            },
        );
        assert_eq!(estimated, vec![edited]);
        assert_eq!(cache.heights(), &[20.0, 40.0, 20.0]);
    }

    #[test]
    fn a_resize_re_estimates_all_but_not_while_dragging() {
        let rows = ids(2);
        let mut cache = cache_of(&rows, 20.0);
        assert!(!cache.set_widths(&[50.0], 1, true), "kept while dragging");
        assert_eq!(sync_counting(&mut cache, (1, 1), &rows, 40.0), 0);
        assert!(cache.set_widths(&[50.0], 1, false), "dropped once released");
        assert_eq!(sync_counting(&mut cache, (1, 1), &rows, 40.0), 2);
        assert_eq!(cache.heights(), &[40.0, 40.0]);
        // Another font size (the settings' text scale) lays everything out again too.
        assert!(cache.set_widths(&[50.0], 2, false));
    }

    #[test]
    fn refined_rows_keep_their_exact_height() {
        let rows = ids(3);
        let mut cache = cache_of(&rows, 20.0);
        assert!(cache.refine(1..2, &rows, |r| r, |_| 38.0));
        assert!(
            !cache.refine(0..3, &rows, |r| r, |_| 20.0),
            "the others were right"
        );
        // A new row order (a filter) reuses every memo.
        let reordered = vec![rows[2], rows[1]];
        cache.sync(2, 1, &reordered, |r| r, |_| 7, |_| unreachable!());
        assert_eq!(cache.heights(), &[20.0, 38.0]);
    }

    #[test]
    fn visible_rows_are_found_from_the_heights() {
        let rows = ids(5);
        let mut cache = HeightCache::default();
        sync_counting(&mut cache, (1, 1), &rows, 10.0);
        assert_eq!(cache.rows_in(0.0, 15.0, 0.0), 0..2);
        assert_eq!(cache.rows_in(25.0, 10.0, 0.0), 2..4);
        assert_eq!(cache.rows_in(100.0, 10.0, 0.0), 5..5);
    }

    #[test]
    fn wrapping_breaks_at_spaces_like_epaint() {
        let unit = |_| 1.0;
        assert_eq!(wrapped_lines("", 10.0, unit), 1);
        assert_eq!(wrapped_lines("aaaa bbbb", 10.0, unit), 1);
        assert_eq!(wrapped_lines("aaaa bbbb cccc", 10.0, unit), 2);
        assert_eq!(wrapped_lines("aaaa\nbbbb", 10.0, unit), 2);
        // A word longer than the line breaks anywhere.
        assert_eq!(wrapped_lines("aaaaaaaaaaaaaaaaaaaaaaaaa", 10.0, unit), 3);
        assert_eq!(wrapped_lines("Управление образованием", 12.0, unit), 2);
    }
}
