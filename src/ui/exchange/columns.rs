//! The columns of a table import, inside its preview: each column's name in the file, what it is read as
//! (a choice the user can change: номер, мероприятие, сроки, по годам, ответственные, результат,
//! документы, примечание, не импортировать) and its first cells. A change reads the table again at once,
//! so the counts and notes above always match the columns shown.

use crate::app::{Command, ExchangeCommand, PendingImport};
use crate::exchange::table_import::TableColumn;
use crate::exchange::table_import::stage::TableStage;
use crate::i18n::Arg;
use crate::ui::ViewCtx;

/// The meanings offered for a column, in this order (a year column keeps its year; «по годам» picks one).
const CHOICES: [TableColumn; 10] = [
    TableColumn::Number,
    TableColumn::Title,
    TableColumn::Deadline,
    TableColumn::Start,
    TableColumn::End,
    TableColumn::Year(0),
    TableColumn::Responsible,
    TableColumn::Result,
    TableColumn::Documents,
    TableColumn::Notes,
];

/// The message key of a column's meaning (`None`: not imported): a field's own name, except the number
/// («Номер», not «№») and the years («По годам», which picks one).
pub fn meaning_key(meaning: Option<TableColumn>) -> &'static str {
    match meaning {
        None => "meaning-skip",
        Some(TableColumn::Number) => "meaning-number",
        Some(TableColumn::Start) => "meaning-start",
        Some(TableColumn::End) => "meaning-end",
        Some(TableColumn::Year(_)) => "meaning-years",
        Some(column) => column.field().map_or("meaning-skip", |f| f.label_key()),
    }
}

/// A meaning as shown: «По годам: 2021» for a year column.
fn meaning_text(ctx: &ViewCtx<'_>, meaning: Option<TableColumn>) -> String {
    match meaning {
        Some(TableColumn::Year(year)) => format!("{}: {year}", ctx.tr(meaning_key(meaning))),
        other => ctx.tr(meaning_key(other)),
    }
}

/// The year a column is most likely about: a year in its name, else `fallback`.
fn year_hint(label: &str, fallback: i32) -> i32 {
    label
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse().ok())
        .find(|y| (1990..=2100).contains(y))
        .unwrap_or(fallback)
}

/// The choice of what a column holds, labelled «Столбец N». Returns whether the user changed it.
pub fn meaning_combo(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    col: usize,
    label: &str,
    choice: &mut Option<TableColumn>,
    default_year: i32,
) -> bool {
    let before = *choice;
    ui.horizontal(|ui| {
        let name = ui.label(
            egui::RichText::new(ctx.i18n.tr_args(
                "exchange-mapping-column",
                &[("n", Arg::Num((col + 1) as f64))],
            ))
            .weak(),
        );
        egui::ComboBox::from_id_salt(("exchange-column-meaning", col))
            .selected_text(meaning_text(ctx, *choice))
            .width(170.0)
            // Every choice visible at once, none hidden below a scroll.
            .height(420.0)
            .show_ui(ui, |ui| {
                for c in CHOICES {
                    let value = match c {
                        TableColumn::Year(_) => match *choice {
                            Some(TableColumn::Year(y)) => TableColumn::Year(y),
                            _ => TableColumn::Year(year_hint(label, default_year)),
                        },
                        other => other,
                    };
                    let selected = match (c, *choice) {
                        (TableColumn::Year(_), Some(TableColumn::Year(_))) => true,
                        (c, Some(now)) => c == now,
                        _ => false,
                    };
                    if ui
                        .selectable_label(selected, ctx.tr(meaning_key(Some(c))))
                        .clicked()
                    {
                        *choice = Some(value);
                    }
                }
                if ui
                    .selectable_label(choice.is_none(), ctx.tr(meaning_key(None)))
                    .clicked()
                {
                    *choice = None;
                }
            })
            .response
            .labelled_by(name.id);
        if let Some(TableColumn::Year(year)) = choice {
            ui.add(egui::DragValue::new(year).range(1990..=2100).speed(0.1))
                .on_hover_text(ctx.tr("exchange-columns-year"));
        }
    });
    *choice != before
}

/// The detected columns of a pending table import, each with its meaning to change and sample cells.
pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, pending: &PendingImport, stage: &TableStage) {
    egui::CollapsingHeader::new(ctx.tr("exchange-columns-title"))
        .id_salt("exchange-columns")
        .default_open(true)
        .show(ui, |ui| {
            if let Some(columns) = columns_grid(ui, ctx, stage) {
                ctx.push(Command::Exchange(ExchangeCommand::RemapColumns(columns)));
            }
            left_out(ui, ctx, &pending.left_out);
        });
}

/// A table pasted with its header: its columns, what it adds and leaves out, «Вставить» or «Отмена».
pub fn paste_window(egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>) {
    // The snapshot outlives this frame's borrow of `ctx`: nothing is copied.
    let data = ctx.data;
    let Some(pending) = data.exchange.paste.as_ref() else {
        return;
    };
    let (stage, left) = (&pending.stage, &pending.left_out);
    let what = ctx.i18n.tr_args(
        "paste-columns-adds",
        &[
            ("sections", Arg::Num(pending.sections as f64)),
            ("measures", Arg::Num(pending.measures as f64)),
        ],
    );
    egui::Window::new(ctx.tr("paste-columns-title"))
        .collapsible(false)
        .resizable(true)
        .default_width(900.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(egui_ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(480.0)
                .show(ui, |ui| {
                    if let Some(columns) = columns_grid(ui, ctx, stage) {
                        ctx.push(Command::Exchange(ExchangeCommand::RemapPaste(columns)));
                    }
                });
            left_out(ui, ctx, left);
            ui.add_space(6.0);
            ui.label(what);
            ui.horizontal(|ui| {
                let paste =
                    egui::Button::new(egui::RichText::new(ctx.tr("paste-columns-apply")).strong());
                if ui.add(paste).clicked() {
                    ctx.push(Command::Exchange(ExchangeCommand::ApplyPaste));
                }
                if ui.button(ctx.tr("exchange-cancel")).clicked() {
                    ctx.push(Command::Exchange(ExchangeCommand::CancelPaste));
                }
            });
        });
}

/// What the import leaves out, in the warning colour.
fn left_out(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    ui.add_space(4.0);
    let warn = ui.visuals().warn_fg_color;
    ui.colored_label(warn, ctx.tr("exchange-left-out"));
    for line in lines {
        ui.colored_label(warn, format!("• {line}"));
    }
}

/// The table of columns: name in the file, meaning (a choice), first cells. The new meanings when the user
/// changed one (and the measure column is still named).
fn columns_grid(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    stage: &TableStage,
) -> Option<Vec<Option<TableColumn>>> {
    let columns = stage.columns();
    let default_year = chrono::Datelike::year(&ctx.today);
    ui.label(egui::RichText::new(ctx.tr("exchange-columns-hint")).weak());
    let mut chosen: Vec<Option<TableColumn>> = columns.iter().map(|c| c.meaning).collect();
    let mut changed = false;
    egui::Grid::new("exchange-columns-grid")
        .striped(true)
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(ctx.tr("exchange-columns-name"));
            ui.strong(ctx.tr("exchange-columns-meaning"));
            ui.strong(ctx.tr("exchange-columns-samples"));
            ui.end_row();
            for (col, column) in columns.iter().enumerate() {
                let name = if column.label.is_empty() {
                    "—".to_owned()
                } else {
                    column.label.clone()
                };
                ui.add(egui::Label::new(name).truncate());
                changed |=
                    meaning_combo(ui, ctx, col, &column.label, &mut chosen[col], default_year);
                ui.add(
                    egui::Label::new(egui::RichText::new(column.samples.join(" · ")).weak())
                        .truncate(),
                );
                ui.end_row();
            }
        });
    if !chosen.contains(&Some(TableColumn::Title)) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            ctx.tr("exchange-mapping-need-title"),
        );
        return None;
    }
    changed.then_some(chosen)
}
