//! A school's registry card: names, district, kind, director, contacts, curator, categories. Each text field
//! commits when it loses focus and each category when it is ticked: one undoable change each.

use egui::RichText;

use super::badges::{category_color, category_key};
use crate::app::{Command, SchoolCommand};
use crate::model::{Category, Id, School, SchoolField as Field};
use crate::ui::ViewCtx;

/// Kinds offered beside the free text (СОШ/ООШ/НОШ are the usual ones).
/// The widest a card field grows, the narrowest it shrinks to, and the room kept for the labels' column
/// and for a menu button beside a field.
const FIELD_WIDTH: f32 = 420.0;
const MIN_FIELD_WIDTH: f32 = 160.0;
const LABEL_ROOM: f32 = 180.0;
const MENU_ROOM: f32 = 150.0;

const KINDS: [&str; 7] = [
    "СОШ",
    "ООШ",
    "НОШ",
    "Гимназия",
    "Лицей",
    "ЦО",
    "Школа-интернат",
];

#[derive(Default)]
pub struct CardEditor {
    /// The school being edited, as the buffers hold it.
    buffer: Option<School>,
    synced: Option<(Id, u64)>,
}

impl CardEditor {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, school: &School) {
        let editing = ui.ctx().egui_wants_keyboard_input();
        let key = (school.id, ctx.data.version);
        let switched = self.synced.map(|(id, _)| id) != Some(school.id);
        if switched || (self.synced != Some(key) && !editing) {
            self.buffer = Some(school.clone());
            self.synced = Some(key);
        }
        let Some(buffer) = self.buffer.as_mut() else {
            return;
        };
        let mut commit = false;
        let mut ticked: Option<Vec<Category>> = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(school.display_name());
                if ui.button(ctx.tr("schools-action-show-dashboard")).clicked() {
                    ctx.push(Command::School(SchoolCommand::Show(school.id)));
                }
            });
            ui.add_space(6.0);
            // Measured outside the grid (a grid cell only knows last frame's column): the fields shrink so
            // that the kind and curator menu buttons beside them stay on screen.
            let field_width =
                (ui.available_width() - LABEL_ROOM - MENU_ROOM).clamp(MIN_FIELD_WIDTH, FIELD_WIDTH);
            egui::Grid::new("school_card")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    for field in Field::ALL {
                        let label = ui.label(ctx.tr(field.label_key()));
                        ui.horizontal(|ui| {
                            let multiline = field == Field::Contacts;
                            let text = field.slot(buffer);
                            let edit = if multiline {
                                egui::TextEdit::multiline(text).desired_rows(2)
                            } else {
                                egui::TextEdit::singleline(text)
                            };
                            let response = ui
                                .add(edit.desired_width(field_width))
                                .labelled_by(label.id);
                            commit |= response.lost_focus();
                            if field == Field::Kind {
                                kind_menu(ui, ctx, text, &mut commit);
                            }
                            if field == Field::Curator {
                                curator_menu(ui, ctx, school.id, text, &mut commit);
                            }
                        });
                        ui.end_row();
                    }
                    ui.label(ctx.tr("schools-field-categories"));
                    ui.horizontal_wrapped(|ui| {
                        for c in Category::ALL {
                            let mut on = school.categories.contains(&c);
                            let name = RichText::new(ctx.tr(category_key(c)))
                                .color(category_color(c))
                                .strong();
                            let response = ui.checkbox(&mut on, name);
                            ui.add_space(6.0);
                            if response.clicked() {
                                let mut categories: Vec<Category> = school
                                    .categories
                                    .iter()
                                    .copied()
                                    .filter(|x| *x != c)
                                    .collect();
                                if on {
                                    categories.push(c);
                                }
                                ticked = Some(categories);
                            }
                        }
                    });
                    ui.end_row();
                });
            ui.add_space(6.0);
            ui.label(RichText::new(ctx.tr("schools-hint-categories-by-criteria")).weak());
            ui.add_space(16.0);
            if ui
                .button(ctx.tr("schools-action-delete"))
                .on_hover_text(ctx.tr("schools-hint-delete"))
                .clicked()
            {
                ctx.push(Command::School(SchoolCommand::Delete(school.id)));
            }
        });
        // The click on a category also takes the focus from a text field being typed in: the field's save
        // goes first (with the stored categories), the tick after it, so neither undoes the other.
        if commit {
            let mut after = buffer.clone();
            after.categories = school.categories.clone();
            ctx.push(Command::School(SchoolCommand::Edit(Box::new(after))));
        }
        if let Some(categories) = ticked {
            ctx.push(Command::School(SchoolCommand::SetCategories {
                school: school.id,
                categories,
            }));
        }
    }
}

fn kind_menu(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, text: &mut String, commit: &mut bool) {
    egui::ComboBox::from_id_salt("school_kind")
        .selected_text(ctx.tr("schools-action-choose"))
        .width(110.0)
        .show_ui(ui, |ui| {
            for kind in KINDS {
                if ui.selectable_label(text == kind, kind).clicked() {
                    *text = kind.to_owned();
                    *commit = true;
                }
            }
        })
        .response
        .on_hover_text(ctx.tr("schools-field-kind"));
}

/// Picks a curator school from the registry (the field also takes a person's name as typed).
fn curator_menu(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    own: Id,
    text: &mut String,
    commit: &mut bool,
) {
    egui::ComboBox::from_id_salt("school_curator")
        .selected_text(ctx.tr("schools-action-choose-curator"))
        .width(140.0)
        .show_ui(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    // Curator and leader schools first, then the rest.
                    let leads = |s: &School| {
                        s.categories.contains(&Category::Curator)
                            || s.categories.contains(&Category::Leader)
                    };
                    let others = ctx.data.schools.iter().filter(|s| s.id != own);
                    let ordered = others
                        .clone()
                        .filter(|s| leads(s))
                        .chain(others.filter(|s| !leads(s)));
                    for s in ordered {
                        if ui.selectable_label(false, s.display_name()).clicked() {
                            *text = s.display_name().to_owned();
                            *commit = true;
                        }
                    }
                });
        })
        .response
        .on_hover_text(ctx.tr("schools-action-choose-curator"));
}
