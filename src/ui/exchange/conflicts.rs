//! The conflicts kept by imports: a record changed here and in another office since the last exchange.
//! Each is resolved with «Оставить наше» or «Принять их».

use crate::app::{Command, ExchangeCommand};
use crate::exchange::conflicts::Resolution;
use crate::ui::ViewCtx;

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let data = ctx.data;
    let conflicts = &data.exchange.conflicts;
    if !super::list_heading(ui, ctx, "exchange-conflicts", conflicts.is_empty()) {
        return;
    }
    ui.add_space(4.0);
    let warn = ui.visuals().warn_fg_color;
    super::table("exchange-conflicts", 4, 16.0).show(ui, |ui| {
        for c in conflicts {
            ui.label(ctx.tr(super::preview::kind_key(c.kind)));
            ui.colored_label(warn, &c.title);
            let office = if c.office.is_empty() {
                ctx.tr("exchange-conflict-other-office")
            } else {
                c.office.clone()
            };
            ui.label(egui::RichText::new(office).weak());
            ui.horizontal(|ui| {
                for (key, resolution) in [
                    ("exchange-keep-ours", Resolution::KeepOurs),
                    ("exchange-take-theirs", Resolution::TakeTheirs),
                ] {
                    let button = ui.add(egui::Button::new(ctx.tr(key)));
                    if button.clicked() {
                        ctx.push(Command::Exchange(ExchangeCommand::Resolve {
                            kind: c.kind,
                            key: c.key.clone(),
                            resolution,
                        }));
                    }
                }
            });
            ui.end_row();
        }
    });
}
