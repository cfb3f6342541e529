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
    focus_stroke(ctx);
}

/// A clear keyboard-focus mark: egui draws a focused widget with the "active" look, so that look gets a
/// thick stroke in a colour that stands out in each theme (the text field's focus uses the selection stroke).
fn focus_stroke(ctx: &egui::Context) {
    for (theme, color) in [
        (egui::Theme::Light, ACCENT),
        (egui::Theme::Dark, Color32::from_rgb(0x7f, 0xb8, 0xff)),
    ] {
        ctx.style_mut_of(theme, |style| {
            let stroke = egui::Stroke::new(2.5, color);
            style.visuals.widgets.active.bg_stroke = stroke;
            style.visuals.selection.stroke.width = style.visuals.selection.stroke.width.max(2.0);
        });
    }
}

/// Applies the user's theme and font scale (from the settings) when they differ from the context's.
pub fn apply_preferences(ctx: &egui::Context, theme: crate::app::ThemeChoice, font_scale: u16) {
    let theme = match theme {
        crate::app::ThemeChoice::Light => egui::Theme::Light,
        crate::app::ThemeChoice::Dark => egui::Theme::Dark,
    };
    if ctx.theme() != theme {
        ctx.set_theme(theme);
    }
    let zoom = f32::from(font_scale.clamp(50, 300)) / 100.0;
    if (ctx.zoom_factor() - zoom).abs() > 0.001 {
        ctx.set_zoom_factor(zoom);
    }
}

pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
pub const SECTION_FILL: Color32 = Color32::from_rgb(0xe6, 0xee, 0xf7);
pub const ERROR: Color32 = Color32::from_rgb(0xb0, 0x1c, 0x1c);
pub const OK: Color32 = Color32::from_rgb(0x1d, 0x7a, 0x3a);
/// The grid's column headers.
pub const HEADER_FILL: Color32 = Color32::from_rgb(0xf0, 0xf2, 0xf5);
