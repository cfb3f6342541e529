//! The look: light theme, readable sizes, calm colours for statuses.

use egui::{Color32, FontFamily, FontId, TextStyle};

/// Applies the app's style to a context (light theme by default, slightly larger text).
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.5, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
pub const SECTION_FILL: Color32 = Color32::from_rgb(0xe6, 0xee, 0xf7);
pub const ERROR: Color32 = Color32::from_rgb(0xb0, 0x1c, 0x1c);
pub const OK: Color32 = Color32::from_rgb(0x1d, 0x7a, 0x3a);
