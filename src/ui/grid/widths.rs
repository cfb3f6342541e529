//! Column widths that hold. Each column keeps a *share* of the table's width — its default, or what the user
//! made it by dragging a border — never less than its minimum (its header's longest word fits); the title
//! takes what is left. Shares, not points, are remembered, so a smaller window or a larger scale narrows the
//! columns only while it lasts: back at the old size every column is as wide as before.

use super::columns::Col;

/// The widths of `cols` for a table `available` points wide. `shares[i]` is the column's share of the
/// width (ignored for the title), `mins[i]` its minimum. When the other columns leave the title less than its
/// minimum they give up what they have above their own minimum, in proportion; when even the minimums do not
/// fit, the widths add up to more than `available` and the table scrolls sideways.
pub fn layout(cols: &[Col], shares: &[f32], mins: &[f32], available: f32) -> Vec<f32> {
    let title = cols.iter().position(|c| *c == Col::TITLE);
    let mut widths: Vec<f32> = cols
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if Some(i) == title {
                0.0
            } else {
                (shares[i] * available).max(mins[i])
            }
        })
        .collect();
    let Some(t) = title else {
        return widths;
    };
    let others: f32 = widths.iter().sum();
    let left = available - others;
    if left >= mins[t] {
        widths[t] = left;
        return widths;
    }
    let deficit = mins[t] - left;
    let spare: f32 = (0..cols.len())
        .filter(|i| *i != t)
        .map(|i| widths[i] - mins[i])
        .sum();
    if spare > 0.0 {
        let give = (deficit / spare).min(1.0);
        for (i, w) in widths.iter_mut().enumerate() {
            if i != t {
                *w -= (*w - mins[i]) * give;
            }
        }
    }
    widths[t] = mins[t];
    widths
}

/// The shares the user set by dragging: each column's width over the table's width (the title's is not
/// kept: it takes what is left).
pub fn shares_of(widths: &[f32], available: f32) -> Vec<f32> {
    widths
        .iter()
        .map(|w| if available > 0.0 { w / available } else { 0.0 })
        .collect()
}

/// The narrowest a column may be: its header's longest word (each word `word_width` points wide) between the
/// cell's paddings, and never below the column's own floor.
pub fn min_width(col: Col, header: &str, word_width: impl Fn(&str) -> f32, padding: f32) -> f32 {
    let longest = header
        .split_whitespace()
        .map(word_width)
        .fold(0.0_f32, f32::max);
    (longest + padding).ceil().max(col.min_width())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeasureField;

    fn cols() -> Vec<Col> {
        vec![
            Col::NUMBER,
            Col::TITLE,
            Col::DEADLINE,
            Col::Field(MeasureField::Responsible),
            Col::Status,
        ]
    }

    const MINS: [f32; 5] = [40.0, 160.0, 60.0, 120.0, 70.0];

    fn shares() -> Vec<f32> {
        cols().iter().map(|c| c.default_share()).collect()
    }

    #[test]
    fn the_title_takes_what_is_left_and_the_total_is_the_width() {
        let w = layout(&cols(), &shares(), &MINS, 1400.0);
        assert!((w.iter().sum::<f32>() - 1400.0).abs() < 0.01);
        assert!((w[2] - 0.12 * 1400.0).abs() < 0.01);
        assert!(w[1] > 160.0);
    }

    #[test]
    fn shrinking_and_growing_back_restores_every_width() {
        let before = layout(&cols(), &shares(), &MINS, 1400.0);
        let small = layout(&cols(), &shares(), &MINS, 500.0);
        for (w, m) in small.iter().zip(MINS) {
            assert!(*w >= m - 0.01, "{w} under its minimum {m}");
        }
        let after = layout(&cols(), &shares(), &MINS, 1400.0);
        assert_eq!(before, after);
    }

    #[test]
    fn others_give_way_to_the_title_down_to_their_minimums() {
        // 500 wide with these shares: deadline 150, responsible 150, status 100 leave the title 60 of its
        // 160; they have 90 + 30 + 30 above their minimums and give two thirds of it.
        let w = layout(&cols(), &[0.05, 0.0, 0.3, 0.3, 0.2], &MINS, 500.0);
        for (got, want) in w.iter().zip([40.0, 160.0, 90.0, 130.0, 80.0]) {
            assert!((got - want).abs() < 0.01, "{w:?}");
        }
    }

    #[test]
    fn minimums_that_do_not_fit_overflow_for_sideways_scrolling() {
        let w = layout(&cols(), &shares(), &MINS, 300.0);
        assert_eq!(w, MINS.to_vec());
    }

    #[test]
    fn a_dragged_width_becomes_a_share_that_scales() {
        let s = shares_of(&[40.0, 0.0, 300.0, 150.0, 100.0], 1000.0);
        let w = layout(&cols(), &s, &MINS, 2000.0);
        assert!((w[2] - 600.0).abs() < 0.01);
    }

    #[test]
    fn the_minimum_fits_the_longest_word_of_the_header() {
        let m = min_width(
            Col::Field(MeasureField::Responsible),
            "Ответственные исполнители",
            |w| w.chars().count() as f32 * 8.0,
            10.0,
        );
        assert_eq!(m, "Ответственные".chars().count() as f32 * 8.0 + 10.0);
        let floor = min_width(Col::NUMBER, "№", |_| 8.0, 10.0);
        assert_eq!(floor, Col::NUMBER.min_width());
    }
}
