//! Progress bars with their numbers beside them (text inside a coloured bar reads badly once the bar is short).

use egui::RichText;

use crate::ui::style;

/// Green when most is done, amber in between, red when little is.
pub fn bar_color(share: f32) -> egui::Color32 {
    if share >= 0.8 {
        style::OK
    } else if share >= 0.5 {
        egui::Color32::from_rgb(0xc9, 0x8a, 0x12)
    } else {
        style::ERROR
    }
}

/// A bar of `width` filled to `share` in `color`, then `text`.
pub fn share_bar(ui: &mut egui::Ui, share: f32, color: egui::Color32, width: f32, text: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 10.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
        let share = share.clamp(0.0, 1.0);
        if share > 0.0 {
            let mut filled = rect;
            filled.set_width((rect.width() * share).max(3.0));
            painter.rect_filled(filled, 3.0, color);
        }
        painter.rect_stroke(
            rect,
            3.0,
            egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
            egui::StrokeKind::Inside,
        );
        ui.label(RichText::new(text).small());
    });
}
