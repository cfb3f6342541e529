//! Category badges: a short coloured label per category (ШНОР, ШНСУ, зона риска, …).

use egui::{Color32, RichText};

use crate::i18n::I18n;
use crate::model::Category;

/// The colour of a category's badge.
pub fn category_color(c: Category) -> Color32 {
    match c {
        Category::Shnor => Color32::from_rgb(0xb3, 0x3a, 0x3a),
        Category::Shnsu => Color32::from_rgb(0xb8, 0x6b, 0x12),
        Category::RiskZone => Color32::from_rgb(0x8e, 0x24, 0x6a),
        Category::Leader => Color32::from_rgb(0x1d, 0x7a, 0x3a),
        Category::Partner => Color32::from_rgb(0x1f, 0x5f, 0xa8),
        Category::Curator => Color32::from_rgb(0x5a, 0x4a, 0xa8),
    }
}

/// The message key of a category's short name.
pub fn category_key(c: Category) -> &'static str {
    match c {
        Category::Shnor => "schools-category-shnor",
        Category::Shnsu => "schools-category-shnsu",
        Category::RiskZone => "schools-category-risk-zone",
        Category::Leader => "schools-category-leader",
        Category::Partner => "schools-category-partner",
        Category::Curator => "schools-category-curator",
    }
}

/// One badge: white text on the category's colour.
pub fn badge(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| {
            // A badge is one word or two: it never wraps («ШНО/Р»).
            ui.add(
                egui::Label::new(RichText::new(text).small().color(Color32::WHITE))
                    .extend()
                    .selectable(false),
            );
        })
        .response
}

/// The badges of a school's categories, in a row.
pub fn category_badges(ui: &mut egui::Ui, i18n: &I18n, categories: &[Category]) {
    for c in categories {
        badge(ui, &i18n.tr(category_key(*c)), category_color(*c));
    }
}
