//! Who executes each measure a pending import adds: proposed from the responsible text for a table (Word,
//! Excel, CSV), as written for an exchange file; the user changes it per measure or for all at once
//! before applying.

use crate::app::{Command, ExchangeCommand, PendingImport, RecordKind};
use crate::exchange::Action;
use crate::model::{Executor, Id};
use crate::ui::ViewCtx;

/// At most this many measures are listed one by one (all of them still change with «для всех»).
const LISTED: usize = 300;

const CHOICES: [(Executor, &str); 3] = [
    (Executor::Office, "schools-executor-office"),
    (Executor::Schools, "schools-executor-schools"),
    (Executor::Both, "schools-executor-both"),
];

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, pending: &PendingImport) {
    if pending.preview.count(RecordKind::Measure).added == 0 {
        return;
    }
    let mut chosen: Option<(Vec<Id>, Option<Executor>)> = None;
    egui::CollapsingHeader::new(ctx.tr("exchange-executors-title"))
        .id_salt(("exchange-executors", &pending.path))
        .default_open(false)
        .show(ui, |ui| {
            // Looked for only while open: a region's preview holds hundreds of thousands of items.
            let added: Vec<&crate::model::Measure> = pending
                .preview
                .items
                .iter()
                .filter(|i| {
                    i.kind == RecordKind::Measure && i.action == Action::Add && !i.from_deleted
                })
                .map(|i| crate::exchange::merge::nth_measure(&pending.source.file, i.index))
                .collect();
            let all: Vec<Id> = added.iter().map(|m| m.id).collect();
            ui.label(egui::RichText::new(ctx.tr("exchange-executors-hint")).weak());
            ui.horizontal_wrapped(|ui| {
                ui.label(ctx.tr("exchange-executors-all"));
                for (e, key) in CHOICES {
                    if ui.small_button(ctx.tr(key)).clicked() {
                        chosen = Some((all.clone(), Some(e)));
                    }
                }
                if ui
                    .small_button(ctx.tr("exchange-executors-proposed"))
                    .clicked()
                {
                    chosen = Some((all.clone(), None));
                }
            });
            for m in added.iter().take(LISTED) {
                ui.horizontal_wrapped(|ui| {
                    let title: String = m.title.chars().take(90).collect();
                    ui.label(format!("{} {title}", m.number));
                    for (e, key) in CHOICES {
                        let button = egui::Button::selectable(m.executor == e, ctx.tr(key)).small();
                        if ui.add(button).clicked() && m.executor != e {
                            chosen = Some((vec![m.id], Some(e)));
                        }
                    }
                });
            }
        });
    if let Some((measures, executor)) = chosen {
        ctx.push(Command::Exchange(ExchangeCommand::SetPendingExecutor {
            measures,
            executor,
        }));
    }
}
