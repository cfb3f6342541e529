//! Progress bars with their numbers beside them (text inside a coloured bar reads badly once the bar is short).

use egui::RichText;

use crate::i18n::Arg;
use crate::ui::{ViewCtx, style};

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

/// «Выполнено N из M … со сроком по <today>» in `size` points (the body size when `None`) and its bar; when
/// nothing is due yet it says so in words, without a bar (a full one would claim everything done).
pub fn done_of_due(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    (done, due): (u32, u32),
    size: Option<f32>,
) {
    let date = crate::ui::date_field::format(ctx.today);
    if due == 0 {
        let text = ctx
            .i18n
            .tr_args("schools-nothing-due-yet", &[("date", Arg::Str(&date))]);
        ui.label(RichText::new(text).strong());
        return;
    }
    let text = ctx.i18n.tr_args(
        "schools-dashboard-done-of-due",
        &[
            ("done", Arg::Num(f64::from(done))),
            ("due", Arg::Num(f64::from(due))),
            ("date", Arg::Str(&date)),
        ],
    );
    let mut text = RichText::new(text).strong();
    if let Some(size) = size {
        text = text.size(size);
    }
    ui.label(text);
    let width = (ui.available_width() - 60.0).max(120.0);
    let share = done as f32 / due as f32;
    share_bar(
        ui,
        share,
        bar_color(share),
        width,
        &super::format::percent(share),
    );
}
