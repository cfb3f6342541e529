//! The progress widget: occurrences in a list (filters, ticks for a bulk update, a quick "done"), and the
//! editor of the one opened: status, done date, evidence (document, number, date, link or file opened on
//! click), comment, who and when.
//!
//! It shows either one school's occurrences ([`ProgressEditor::school_ui`], the dashboard) or one measure's
//! occurrences at every school it concerns ([`ProgressEditor::measure_ui`], for the grid's details panel).
//! Every save, quick mark or bulk update is one `SchoolCommand`, hence one undo step.

use std::collections::BTreeSet;

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::format;
use crate::app::{Command, SchoolCommand};
use crate::model::{Evidence, Id, Measure, School, Status};
use crate::stats::occurrences::{Occurrence, occurrence_dues};
use crate::stats::{ProgressKey, SchoolItem, concerns, concerns_office, progress_target};
use crate::ui::choices::choice_buttons;
use crate::ui::labelled::labelled;
use crate::ui::{ViewCtx, date_field, style};

/// Which occurrences the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Filter {
    #[default]
    All,
    Overdue,
    Upcoming,
    Open,
    Done,
}

impl Filter {
    const ALL: [Filter; 5] = [
        Filter::All,
        Filter::Overdue,
        Filter::Upcoming,
        Filter::Open,
        Filter::Done,
    ];

    fn key(self) -> &'static str {
        match self {
            Filter::All => "schools-progress-filter-all",
            Filter::Overdue => "schools-progress-filter-overdue",
            Filter::Upcoming => "schools-progress-filter-upcoming",
            Filter::Open => "schools-progress-filter-open",
            Filter::Done => "schools-progress-filter-done",
        }
    }

    fn accepts(self, item: &SchoolItem, today: chrono::NaiveDate) -> bool {
        match self {
            Filter::All => true,
            Filter::Overdue => item.overdue,
            Filter::Upcoming => item.upcoming(today, crate::stats::analytic_note::UPCOMING_DAYS),
            Filter::Open => item.status.is_open(),
            Filter::Done => item.status == Status::Done,
        }
    }
}

/// The editor's fields of the opened record.
#[derive(Debug, Clone, Default)]
struct Form {
    status: Status,
    done_on: String,
    evidence: Evidence,
    comment: String,
}

/// The progress widget's state (keep one per place it is shown).
#[derive(Default)]
pub struct ProgressEditor {
    filter: Filter,
    selection: BTreeSet<ProgressKey>,
    /// The school or measure shown; the selection is dropped when it changes.
    subject: Option<Id>,
    open: Option<ProgressKey>,
    form: Form,
    form_synced: Option<(ProgressKey, u64)>,
    bulk_status: Status,
    error: Option<crate::ui::form_error::FormError>,
    /// Occurrences of the measure shown by `measure_ui`, rebuilt when the data change.
    measure_items: Vec<SchoolItem>,
    measure_key: Option<(u64, Id, chrono::NaiveDate)>,
    /// The data version the selection was last checked against.
    selection_version: Option<u64>,
    /// The rows' texts (measures in `school_ui`, schools in `measure_ui`), built once per data version.
    labels: Vec<String>,
    labels_key: Option<(u64, Id, usize)>,
}

impl ProgressEditor {
    /// Opens an occurrence in the editor (e.g. one clicked in the dashboard's overdue list).
    pub fn open(&mut self, key: ProgressKey) {
        self.open = Some(key);
        self.filter = Filter::All;
    }

    /// One school's occurrences (`items` from `stats::school_items`).
    pub fn school_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        school: &School,
        items: &[SchoolItem],
    ) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        self.set_subject(school.id);
        let key = (ctx.data.version, school.id, items.len());
        if self.labels_key != Some(key) {
            self.labels = items
                .iter()
                .map(|i| {
                    let m = &plan.sections[i.occurrence.section].measures[i.occurrence.measure];
                    if m.number.trim().is_empty() {
                        m.title.clone()
                    } else {
                        format!("{} {}", m.number.trim(), m.title)
                    }
                })
                .collect();
            self.labels_key = Some(key);
        }
        let labels = std::mem::take(&mut self.labels);
        self.list_and_editor(ui, ctx, items, &labels, "school");
        self.labels = labels;
    }

    /// One measure's occurrences at every school it concerns — for the grid's details panel.
    pub fn measure_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, measure: &Measure) {
        if !ctx.data.progress_and_criteria.is_loaded() {
            ctx.push(Command::School(SchoolCommand::Need));
            ui.label(RichText::new(ctx.tr("schools-progress-loading")).weak());
            return;
        }
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        let Some((si, mi)) = plan.find_measure(measure.id) else {
            return;
        };
        self.set_subject(measure.id);
        let key = (ctx.data.version, measure.id, ctx.today);
        if self.measure_key != Some(key) {
            let table = &ctx.data.progress_and_criteria.records;
            let mut items = Vec::new();
            let mut labels = Vec::new();
            // The office's own execution first, then every school the measure concerns.
            let office = concerns_office(plan, measure).then(|| (None, ctx.tr("schools-office")));
            let schools = ctx
                .data
                .schools
                .iter()
                .filter(|s| concerns(plan, measure, s))
                .map(|s| (Some(s.id), s.display_name().to_owned()));
            for (executor, label) in office.into_iter().chain(schools) {
                let (progress_measure, school) = progress_target(plan, measure, executor);
                for due in occurrence_dues(measure) {
                    let record = table.get(&ProgressKey::new(progress_measure, school, due));
                    let status = record.map(|r| r.status).unwrap_or_default();
                    items.push(SchoolItem {
                        occurrence: Occurrence {
                            section: si,
                            measure: mi,
                            measure_id: measure.id,
                            progress_measure,
                            due,
                        },
                        school,
                        status,
                        done_on: record.and_then(|r| r.done_on),
                        overdue: status.is_open() && due.is_some_and(|d| d < ctx.today),
                        has_record: record.is_some(),
                    });
                    labels.push(label.clone());
                }
            }
            self.measure_items = items;
            self.labels = labels;
            self.measure_key = Some(key);
            // The labels now name schools, not measures.
            self.labels_key = None;
        }
        let items = std::mem::take(&mut self.measure_items);
        let labels = std::mem::take(&mut self.labels);
        if items.is_empty() {
            ui.label(RichText::new(ctx.tr("schools-progress-no-schools")).weak());
        } else {
            self.list_and_editor(ui, ctx, &items, &labels, "measure");
        }
        self.measure_items = items;
        self.labels = labels;
    }

    fn set_subject(&mut self, id: Id) {
        if self.subject != Some(id) {
            self.subject = Some(id);
            self.selection.clear();
            self.open = None;
            self.error = None;
        }
    }

    fn list_and_editor(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        items: &[SchoolItem],
        labels: &[String],
        salt: &str,
    ) {
        ui.horizontal(|ui| {
            let hint = ctx.tr("schools-hint-progress-who");
            labelled(
                ui,
                ctx.tr("schools-progress-who"),
                egui::TextEdit::singleline(&mut ctx.ui_state.user_name)
                    .hint_text(hint)
                    .desired_width(200.0),
            );
        });
        let filters = Filter::ALL.map(|filter| {
            let n = items
                .iter()
                .filter(|i| filter.accepts(i, ctx.today))
                .count();
            (filter, format!("{} ({n})", ctx.tr(filter.key())))
        });
        let chosen = ui.horizontal_wrapped(|ui| choice_buttons(ui, self.filter, filters, true));
        if let Some(filter) = chosen.inner {
            self.filter = filter;
        }
        let shown: Vec<usize> = (0..items.len())
            .filter(|&i| self.filter.accepts(&items[i], ctx.today))
            .collect();
        self.bulk_bar(ui, ctx, items, &shown);
        // Room for the editor below when a row is open.
        let share = if self.open.is_some() { 0.38 } else { 0.7 };
        let list_height = (ui.available_height() * share).clamp(120.0, 520.0);
        self.table(ui, ctx, items, labels, &shown, list_height, salt);
        ui.separator();
        let opened = self
            .open
            .and_then(|key| items.iter().position(|i| i.key() == key));
        match opened {
            Some(i) => {
                egui::ScrollArea::vertical()
                    .id_salt(("progress_form", salt))
                    .show(ui, |ui| self.form_ui(ui, ctx, &items[i], &labels[i]));
            }
            None => {
                ui.label(RichText::new(ctx.tr("schools-progress-pick")).weak());
            }
        }
    }

    fn bulk_bar(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        items: &[SchoolItem],
        shown: &[usize],
    ) {
        // Ticks of occurrences that are gone (the data changed) are dropped.
        if self.selection_version != Some(ctx.data.version) {
            self.selection_version = Some(ctx.data.version);
            if !self.selection.is_empty() {
                let present: std::collections::HashSet<ProgressKey> =
                    items.iter().map(SchoolItem::key).collect();
                self.selection.retain(|k| present.contains(k));
            }
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    !shown.is_empty(),
                    egui::Button::new(ctx.tr("schools-action-select-shown")).small(),
                )
                .clicked()
            {
                self.selection.extend(shown.iter().map(|&i| items[i].key()));
            }
            if self.selection.is_empty() {
                return;
            }
            ui.label(
                ctx.i18n
                    .count("schools-progress-selected", self.selection.len()),
            );
            let keys: Vec<ProgressKey> = self.selection.iter().copied().collect();
            if ui
                .button(ctx.tr("schools-action-mark-selected-done"))
                .clicked()
            {
                ctx.push(Command::School(SchoolCommand::MarkDone(keys.clone())));
                self.selection.clear();
            }
            egui::ComboBox::from_id_salt("bulk_status")
                .selected_text(ctx.tr(format::status_key(self.bulk_status)))
                .show_ui(ui, |ui| {
                    for s in Status::ALL {
                        ui.selectable_value(
                            &mut self.bulk_status,
                            s,
                            ctx.tr(format::status_key(s)),
                        );
                    }
                })
                .response
                .on_hover_text(ctx.tr("schools-hint-bulk-status"));
            if ui.button(ctx.tr("schools-action-apply-status")).clicked() {
                ctx.push(Command::School(SchoolCommand::SetStatus {
                    keys,
                    status: self.bulk_status,
                }));
                self.selection.clear();
            }
            if ui
                .small_button(ctx.tr("schools-action-clear-selection"))
                .clicked()
            {
                self.selection.clear();
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn table(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        items: &[SchoolItem],
        labels: &[String],
        shown: &[usize],
        height: f32,
        salt: &str,
    ) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let mut open = None;
        let mut quick = None;
        ui.push_id(("progress_table", salt), |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .sense(egui::Sense::click())
                .min_scrolled_height(height)
                .max_scroll_height(height)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(22.0))
                .column(Column::exact(94.0))
                .column(Column::remainder().at_least(120.0).clip(true))
                .column(Column::exact(70.0))
                .column(Column::exact(30.0))
                .body(|body| {
                    body.rows(row_height, shown.len(), |mut row| {
                        let index = shown[row.index()];
                        let item = &items[index];
                        let key = item.key();
                        row.set_selected(self.open == Some(key));
                        row.col(|ui| {
                            let mut ticked = self.selection.contains(&key);
                            if ui
                                .checkbox(&mut ticked, "")
                                .on_hover_text(ctx.tr("schools-hint-tick"))
                                .changed()
                            {
                                if ticked {
                                    self.selection.insert(key);
                                } else {
                                    self.selection.remove(&key);
                                }
                            }
                        });
                        row.col(|ui| {
                            let text = if item.overdue {
                                ctx.tr("schools-status-overdue")
                            } else {
                                ctx.tr(format::status_key(item.status))
                            };
                            ui.label(
                                RichText::new(text)
                                    .small()
                                    .color(format::status_color(item.status, item.overdue)),
                            );
                        });
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(&labels[index])
                                    .truncate()
                                    .selectable(false),
                            );
                        });
                        row.col(|ui| {
                            ui.label(RichText::new(format::due(ctx, item.occurrence.due)).small());
                        });
                        row.col(|ui| {
                            if item.status != Status::Done
                                && ui
                                    .small_button("✔")
                                    .on_hover_text(ctx.tr("schools-hint-quick-done"))
                                    .clicked()
                            {
                                quick = Some(key);
                            }
                        });
                        if row.response().clicked() {
                            open = Some(key);
                        }
                    });
                });
        });
        if let Some(key) = quick {
            ctx.push(Command::School(SchoolCommand::MarkDone(vec![key])));
        }
        if let Some(key) = open {
            self.open = Some(key);
        }
    }

    fn form_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        item: &SchoolItem,
        label: &str,
    ) {
        let record = item.record_or_new(&ctx.data.progress_and_criteria.records);
        self.sync_form(ui, ctx, item.key(), &record);
        ui.add(egui::Label::new(RichText::new(label).strong()).truncate())
            .on_hover_text(label);
        if let Some(error) = &self.error {
            ui.colored_label(
                style::ERROR,
                crate::i18n::Localize::message(error, ctx.i18n),
            );
        }
        self.form_buttons(ui, ctx, item, &record);
        self.form_fields(ui, ctx, item);
        if item.has_record {
            let by = if record.by.trim().is_empty() {
                ctx.tr("schools-progress-by-unknown")
            } else {
                record.by.clone()
            };
            ui.label(
                RichText::new(format!(
                    "{}: {}, {}",
                    ctx.tr("schools-progress-changed"),
                    by,
                    format::timestamp(record.updated_at)
                ))
                .small()
                .weak(),
            );
        }
    }

    /// Fills the form from the record when another occurrence is opened, or when the data changed and
    /// nobody is typing.
    fn sync_form(
        &mut self,
        ui: &egui::Ui,
        ctx: &ViewCtx<'_>,
        key: ProgressKey,
        record: &crate::model::Progress,
    ) {
        let editing = ui.ctx().egui_wants_keyboard_input();
        let synced_key = self.form_synced.map(|(k, _)| k);
        if synced_key != Some(key)
            || (self.form_synced != Some((key, ctx.data.version)) && !editing)
        {
            self.form = Form {
                status: record.status,
                done_on: record.done_on.map(date_field::format).unwrap_or_default(),
                evidence: Evidence::parse(&record.evidence),
                comment: record.comment.clone(),
            };
            self.form_synced = Some((key, ctx.data.version));
            self.error = None;
        }
    }

    /// «Сохранить» (the form, checked) and «Выполнено».
    fn form_buttons(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        item: &SchoolItem,
        record: &crate::model::Progress,
    ) {
        ui.horizontal(|ui| {
            if ui.button(ctx.tr("schools-action-save-progress")).clicked() {
                match self.record_from_form(record.clone()) {
                    Ok(p) => {
                        self.error = None;
                        ctx.push(Command::School(SchoolCommand::SaveProgress(vec![p])));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            if item.status != Status::Done
                && ui.button(ctx.tr("schools-action-mark-done")).clicked()
            {
                ctx.push(Command::School(SchoolCommand::MarkDone(vec![item.key()])));
            }
        });
    }

    /// The due date, and the fields: status, done date, evidence (document, number, date, link), comment.
    fn form_fields(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, item: &SchoolItem) {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{}: {}",
                ctx.tr("schools-progress-due"),
                format::due(ctx, item.occurrence.due)
            ));
            let label = ui.label(ctx.tr("schools-progress-status"));
            egui::ComboBox::from_id_salt("progress_status")
                .selected_text(ctx.tr(format::status_key(self.form.status)))
                .show_ui(ui, |ui| {
                    for s in Status::ALL {
                        ui.selectable_value(
                            &mut self.form.status,
                            s,
                            ctx.tr(format::status_key(s)),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let date_hint = ctx.tr("schools-hint-date");
        ui.horizontal(|ui| {
            let label = ui.label(ctx.tr("schools-progress-done-on"));
            ui.add_enabled(
                self.form.status == Status::Done,
                egui::TextEdit::singleline(&mut self.form.done_on)
                    .hint_text(&date_hint)
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
        });
        let evidence = &mut self.form.evidence;
        ui.horizontal(|ui| {
            labelled(
                ui,
                ctx.tr("schools-evidence-document"),
                egui::TextEdit::singleline(&mut evidence.document).desired_width(f32::INFINITY),
            );
        });
        ui.horizontal_wrapped(|ui| {
            labelled(
                ui,
                ctx.tr("schools-evidence-number"),
                egui::TextEdit::singleline(&mut evidence.number).desired_width(80.0),
            );
            labelled(
                ui,
                ctx.tr("schools-evidence-date"),
                egui::TextEdit::singleline(&mut evidence.date)
                    .hint_text(&date_hint)
                    .desired_width(90.0),
            );
        });
        ui.horizontal(|ui| {
            let label = ui.label(ctx.tr("schools-evidence-link"));
            let link = evidence.link.trim().to_owned();
            let open = ui.add_enabled(
                !link.is_empty(),
                egui::Button::new(ctx.tr("schools-action-open-evidence")),
            );
            ui.add(
                egui::TextEdit::singleline(&mut evidence.link)
                    .hint_text(ctx.tr("schools-hint-evidence-link"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            if open.clicked() {
                ctx.push(Command::School(SchoolCommand::OpenEvidence(link)));
            }
        });
        labelled(
            ui,
            ctx.tr("schools-progress-comment"),
            egui::TextEdit::multiline(&mut self.form.comment)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
    }

    fn record_from_form(
        &self,
        mut record: crate::model::Progress,
    ) -> Result<crate::model::Progress, crate::ui::form_error::FormError> {
        record.status = self.form.status;
        record.done_on = if self.form.status == Status::Done && !self.form.done_on.trim().is_empty()
        {
            Some(
                date_field::parse(&self.form.done_on)
                    .ok_or(crate::ui::form_error::FormError::DateFormat)?,
            )
        } else {
            None
        };
        record.evidence = self.form.evidence.to_text();
        record.comment = self.form.comment.trim().to_owned();
        Ok(record)
    }
}
