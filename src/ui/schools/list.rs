//! The school list on the left of the Школы screen: search, add, import from CSV; one row a school.

use egui::RichText;

use super::badges::category_badges;
use crate::app::sort::natural_cmp;
use crate::app::{Command, SchoolCommand, SchoolTab};
use crate::model::School;
use crate::ui::ViewCtx;

#[derive(Default)]
pub struct SchoolList {
    query: String,
    /// Indices into the registry matching the query, rebuilt when the data or the query change.
    rows: Vec<usize>,
    rows_key: Option<(u64, usize, String)>,
}

impl SchoolList {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        ui.add_space(6.0);
        ui.heading(ctx.i18n.count("schools-count", ctx.data.schools.len()));
        ui.horizontal_wrapped(|ui| {
            if ui.button(ctx.tr("schools-action-add")).clicked() {
                let school = School::new(ctx.tr("schools-new-school-name"));
                ctx.push(Command::School(SchoolCommand::Add(Box::new(school))));
            }
            if ui
                .button(ctx.tr("schools-action-import"))
                .on_hover_text(ctx.tr("schools-hint-import-schools"))
                .clicked()
            {
                ctx.push(Command::School(SchoolCommand::PickAndImportCsv));
            }
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .hint_text(ctx.tr("schools-hint-search"))
                .desired_width(f32::INFINITY),
        );
        ui.add_space(4.0);

        let key = (ctx.data.version, ctx.data.schools.len(), self.query.clone());
        if self.rows_key.as_ref() != Some(&key) {
            let q = self.query.trim().to_lowercase();
            self.rows = ctx
                .data
                .schools
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    q.is_empty()
                        || s.name.to_lowercase().contains(&q)
                        || s.short_name.to_lowercase().contains(&q)
                        || s.district.to_lowercase().contains(&q)
                })
                .map(|(i, _)| i)
                .collect();
            // As people read numbers: «№ 2» before «№ 10».
            let schools = &ctx.data.schools;
            self.rows.sort_by(|a, b| {
                natural_cmp(schools[*a].display_name(), schools[*b].display_name())
            });
            self.rows_key = Some(key);
        }
        if ctx.data.schools.is_empty() {
            ui.label(RichText::new(ctx.tr("schools-empty")).weak());
            return;
        }

        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.rows.len(), |ui, range| {
                for &i in &self.rows[range] {
                    let school = &ctx.data.schools[i];
                    let selected = ctx.ui_state.schools.selected == Some(school.id);
                    ui.horizontal(|ui| {
                        ui.set_height(row_height - ui.spacing().item_spacing.y);
                        let label = ui
                            .add(
                                egui::Button::selectable(selected, school.display_name())
                                    .truncate(),
                            )
                            .on_hover_text(&school.name);
                        if label.clicked() {
                            clicked = Some(school.id);
                        }
                        category_badges(ui, ctx.i18n, &school.categories);
                    });
                }
            });
        if let Some(id) = clicked {
            let schools = &mut ctx.ui_state.schools;
            schools.selected = Some(id);
            if matches!(schools.tab, SchoolTab::Overview | SchoolTab::CriteriaSet) {
                schools.tab = SchoolTab::Dashboard;
            }
        }
    }
}
