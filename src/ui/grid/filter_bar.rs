//! Find and filter: the search box (Ctrl+F), the filters, the order, and how many measures show. Changes go
//! straight into `UiState` (kept between runs); the row model rebuilds from it.

use egui::RichText;

use crate::app::filter::responsible_values;
use crate::app::{MeasureFilter, MeasureSort};
use crate::i18n::{Arg, I18n};
use crate::model::{Category, Id, Plan, School, Status};
use crate::ui::{ViewCtx, style};

/// The id of the search box (Ctrl+F focuses it).
pub fn search_id() -> egui::Id {
    egui::Id::unique("grid_search")
}

/// The distinct responsible parties offered, per data version.
#[derive(Default)]
pub struct FilterBar {
    responsible: Vec<String>,
    key: Option<(u64, Id)>,
    /// In a narrow window: whether the filters beyond search and status are shown.
    more: bool,
}

/// Narrower than this, the bar shows the search and the status filter and keeps the rest behind «Все
/// фильтры» (one row instead of three).
const COMPACT_BELOW: f32 = 1150.0;

impl FilterBar {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        plan: &Plan,
        (shown, total): (usize, usize),
        focus_search: bool,
    ) {
        if self.key != Some((ctx.data.version, plan.id)) {
            self.responsible = responsible_values(plan.measures());
            self.key = Some((ctx.data.version, plan.id));
        }
        let i18n = ctx.i18n;
        let schools = &ctx.data.schools;
        let ui_state = &mut *ctx.ui_state;
        let compact = ui.available_width() < COMPACT_BELOW;
        let all = !compact || self.more;
        let more = &mut self.more;
        ui.horizontal_wrapped(|ui| {
            let filter = &mut ui_state.filter;
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut filter.text)
                        .id(search_id())
                        .hint_text(i18n.tr("grid-search-hint"))
                        .desired_width(if compact { 160.0 } else { 220.0 }),
                )
                .accessible_name(i18n.tr("grid-search"))
                .on_hover_text(i18n.tr("grid-hint-search"));
            if focus_search {
                search.request_focus();
            }
            if all {
                responsible_combo(ui, i18n, filter, &self.responsible);
                school_combo(ui, i18n, filter, schools);
            }
            status_combo(ui, i18n, filter);
            if all {
                month_combo(ui, i18n, filter);
                ui.checkbox(&mut filter.overdue_only, i18n.tr("grid-filter-overdue"))
                    .on_hover_text(i18n.tr("grid-hint-overdue"));
                ui.checkbox(
                    &mut filter.unscheduled_only,
                    i18n.tr("grid-filter-unscheduled"),
                )
                .on_hover_text(i18n.tr("grid-hint-unscheduled"));
                sort_combo(ui, i18n, &mut ui_state.sort);
            }
            if compact {
                let hidden = hidden_filters(&ui_state.filter, ui_state.sort);
                let label = match (*more, hidden) {
                    (true, _) => i18n.tr("grid-filters-fewer"),
                    (false, 0) => i18n.tr("grid-filters-all"),
                    (false, n) => format!("{} ({n})", i18n.tr("grid-filters-all")),
                };
                if ui
                    .button(label)
                    .on_hover_text(i18n.tr("grid-hint-filters-all"))
                    .clicked()
                {
                    *more = !*more;
                }
            }
            let filter = &mut ui_state.filter;
            if filter.is_active()
                && ui
                    .button(i18n.tr("grid-filter-reset"))
                    .on_hover_text(i18n.tr("grid-hint-reset"))
                    .clicked()
            {
                *filter = MeasureFilter::default();
            }
            let counts = [
                ("shown", Arg::Num(shown as f64)),
                ("total", Arg::Num(total as f64)),
            ];
            // Narrow: «58 из 58», the whole phrase on hover; never broken over two lines.
            let count = i18n.tr_args(
                if compact {
                    "grid-shown-short"
                } else {
                    "grid-shown"
                },
                &counts,
            );
            let text = RichText::new(count);
            let text = if filter.is_active() {
                text.color(style::ACCENT).strong()
            } else {
                text.weak()
            };
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
                .on_hover_text(i18n.tr_args("grid-shown", &counts));
        });
    }
}

/// How many of the filters kept behind «Все фильтры» are set (the order counts when not the document's).
fn hidden_filters(filter: &MeasureFilter, sort: MeasureSort) -> usize {
    [
        filter.responsible.is_some(),
        filter.school.is_some() || filter.category.is_some(),
        filter.month.is_some(),
        filter.overdue_only,
        filter.unscheduled_only,
        sort != MeasureSort::Document,
    ]
    .iter()
    .filter(|set| **set)
    .count()
}

/// A combo box named for screen readers and tests.
fn combo(
    ui: &mut egui::Ui,
    salt: &str,
    selected: String,
    width: f32,
    name: String,
    add: impl FnOnce(&mut egui::Ui),
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(selected)
        .width(width)
        .height(420.0)
        .show_ui(ui, add)
        .response
        .accessible_name(name.clone())
        .on_hover_text(name);
}

fn responsible_combo(
    ui: &mut egui::Ui,
    i18n: &I18n,
    filter: &mut MeasureFilter,
    values: &[String],
) {
    let selected = filter
        .responsible
        .clone()
        .unwrap_or_else(|| i18n.tr("grid-filter-any-responsible"));
    combo(
        ui,
        "grid_responsible",
        selected,
        170.0,
        i18n.tr("grid-filter-responsible"),
        |ui| {
            ui.selectable_value(
                &mut filter.responsible,
                None,
                i18n.tr("grid-filter-any-responsible"),
            );
            for value in values {
                ui.selectable_value(&mut filter.responsible, Some(value.clone()), value);
            }
        },
    );
}

fn category_name(i18n: &I18n, c: Category) -> String {
    i18n.tr(&format!("grid-category-{}", c.as_str()))
}

fn school_combo(ui: &mut egui::Ui, i18n: &I18n, filter: &mut MeasureFilter, schools: &[School]) {
    let selected = match (filter.school, filter.category) {
        (Some(id), _) => schools.iter().find(|s| s.id == id).map_or_else(
            || i18n.tr("grid-filter-any-school"),
            |s| s.display_name().to_owned(),
        ),
        (None, Some(c)) => category_name(i18n, c),
        (None, None) => i18n.tr("grid-filter-any-school"),
    };
    combo(
        ui,
        "grid_school",
        selected,
        170.0,
        i18n.tr("grid-filter-school"),
        |ui| {
            if ui
                .selectable_label(
                    filter.school.is_none() && filter.category.is_none(),
                    i18n.tr("grid-filter-any-school"),
                )
                .clicked()
            {
                filter.school = None;
                filter.category = None;
            }
            ui.separator();
            for c in Category::ALL {
                if ui
                    .selectable_label(filter.category == Some(c), category_name(i18n, c))
                    .clicked()
                {
                    filter.category = Some(c);
                    filter.school = None;
                }
            }
            if !schools.is_empty() {
                ui.separator();
            }
            for s in schools {
                if ui
                    .selectable_label(filter.school == Some(s.id), s.display_name())
                    .on_hover_text(&s.name)
                    .clicked()
                {
                    filter.school = Some(s.id);
                    filter.category = None;
                }
            }
        },
    );
}

/// The name of a progress status.
pub fn status_name(i18n: &I18n, s: Status) -> String {
    i18n.tr(&format!("grid-status-{}", s.as_str()))
}

fn status_combo(ui: &mut egui::Ui, i18n: &I18n, filter: &mut MeasureFilter) {
    let selected = filter.status.map_or_else(
        || i18n.tr("grid-filter-any-status"),
        |s| status_name(i18n, s),
    );
    combo(
        ui,
        "grid_status",
        selected,
        130.0,
        i18n.tr("grid-filter-status"),
        |ui| {
            ui.selectable_value(&mut filter.status, None, i18n.tr("grid-filter-any-status"));
            for s in Status::ALL {
                ui.selectable_value(&mut filter.status, Some(s), status_name(i18n, s));
            }
        },
    );
}

fn month_combo(ui: &mut egui::Ui, i18n: &I18n, filter: &mut MeasureFilter) {
    let month = |m: u32| i18n.tr(&format!("grid-month-{m}"));
    let selected = filter
        .month
        .map_or_else(|| i18n.tr("grid-filter-any-month"), month);
    combo(
        ui,
        "grid_month",
        selected,
        110.0,
        i18n.tr("grid-filter-month"),
        |ui| {
            ui.selectable_value(&mut filter.month, None, i18n.tr("grid-filter-any-month"));
            // In school-year order: September first.
            for m in (9..=12).chain(1..=8) {
                ui.selectable_value(&mut filter.month, Some(m), month(m));
            }
        },
    );
}

fn sort_combo(ui: &mut egui::Ui, i18n: &I18n, sort: &mut MeasureSort) {
    combo(
        ui,
        "grid_sort",
        i18n.tr(sort.label_key()),
        150.0,
        i18n.tr("grid-sort"),
        |ui| {
            for s in MeasureSort::ALL {
                ui.selectable_value(sort, s, i18n.tr(s.label_key()));
            }
        },
    );
}
