//! Which schools a measure concerns: all, a category (e.g. all ШНОР), or a list ticked school by school.
//! Each choice is pushed at once as `SchoolCommand::SetScope` (one undoable change).

use egui::RichText;

use super::badges::category_key;
use crate::app::{Command, SchoolCommand};
use crate::model::{Category, Executor, Id, Measure, SchoolScope};
use crate::ui::ViewCtx;
use crate::ui::choices::{choice_buttons, switch_row};

/// Who executes the measure: the office, the schools, or both (only in a district plan).
fn executor_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, measure: &Measure) {
    if ctx
        .data
        .plan
        .as_ref()
        .is_some_and(|p| p.owner_school.is_some())
    {
        return;
    }
    let choices = [
        (Executor::Office, "schools-executor-office"),
        (Executor::Schools, "schools-executor-schools"),
        (Executor::Both, "schools-executor-both"),
    ];
    let chosen = switch_row(
        ui,
        ctx.i18n,
        "schools-executor-label",
        measure.executor,
        &choices,
    );
    if let Some(executor) = chosen {
        ctx.push(Command::School(SchoolCommand::SetExecutor {
            measures: vec![measure.id],
            executor,
        }));
    }
}

/// The kind of scope, as the switch shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    All,
    Category,
    List,
}

/// The scope widget's state (the filter of the school list).
#[derive(Default)]
pub struct ScopeEditor {
    filter: String,
}

impl ScopeEditor {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, measure: &Measure) {
        executor_ui(ui, ctx, measure);
        if !measure.executor.includes_schools() {
            return;
        }
        let scope = &measure.schools;
        let kind = match scope {
            SchoolScope::All => Kind::All,
            SchoolScope::Category { .. } => Kind::Category,
            SchoolScope::List { .. } => Kind::List,
        };
        let choices = [
            (Kind::All, "schools-scope-all"),
            (Kind::Category, "schools-scope-category"),
            (Kind::List, "schools-scope-list"),
        ];
        let chosen = switch_row(ui, ctx.i18n, "schools-scope-label", kind, &choices);
        let mut new_scope = chosen.map(|k| match k {
            Kind::All => SchoolScope::All,
            Kind::Category => SchoolScope::Category {
                category: Category::Shnor,
            },
            Kind::List => SchoolScope::List { ids: Vec::new() },
        });
        match scope {
            SchoolScope::All => {
                ui.label(
                    RichText::new(
                        ctx.i18n
                            .count("schools-scope-all-count", ctx.data.schools.len()),
                    )
                    .weak(),
                );
            }
            SchoolScope::Category { category } => {
                let choices = Category::ALL.map(|c| (c, ctx.tr(category_key(c))));
                let chosen =
                    ui.horizontal_wrapped(|ui| choice_buttons(ui, *category, choices, true));
                if let Some(category) = chosen.inner {
                    new_scope = Some(SchoolScope::Category { category });
                }
                let n = ctx
                    .data
                    .schools
                    .iter()
                    .filter(|s| s.categories.contains(category))
                    .count();
                ui.label(RichText::new(ctx.i18n.count("schools-scope-category-count", n)).weak());
            }
            SchoolScope::List { ids } => {
                if let Some(ids) = self.list_ui(ui, ctx, measure.id, ids) {
                    new_scope = Some(SchoolScope::List { ids });
                }
            }
        }
        if let Some(scope) = new_scope {
            ctx.push(Command::School(SchoolCommand::SetScope {
                measure: measure.id,
                scope,
            }));
        }
    }

    /// The school list with ticks; returns the new list when a tick changed.
    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewCtx<'_>,
        measure: Id,
        ids: &[Id],
    ) -> Option<Vec<Id>> {
        ui.label(RichText::new(ctx.i18n.count("schools-scope-list-count", ids.len())).weak());
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(ctx.tr("schools-hint-search"))
                .desired_width(f32::INFINITY),
        );
        let q = self.filter.trim().to_lowercase();
        let shown: Vec<_> = ctx
            .data
            .schools
            .iter()
            .filter(|s| {
                q.is_empty()
                    || s.name.to_lowercase().contains(&q)
                    || s.short_name.to_lowercase().contains(&q)
            })
            .collect();
        let mut changed = None;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical()
            .id_salt(("scope_list", measure))
            .max_height(220.0)
            .show_rows(ui, row_height, shown.len(), |ui, range| {
                for school in &shown[range] {
                    let mut on = ids.contains(&school.id);
                    if ui.checkbox(&mut on, school.display_name()).changed() {
                        let mut list: Vec<Id> =
                            ids.iter().copied().filter(|i| *i != school.id).collect();
                        if on {
                            list.push(school.id);
                        }
                        changed = Some(list);
                    }
                }
            });
        changed
    }
}
