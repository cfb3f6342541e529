//! A measure's due dates: what the deadline text gives (with the parser's explanation), or dates set by hand.
//!
//! Used by the measure details panel and the calendar's measure popup. Removing or adding a date makes the
//! list hand-set (`Command::SetManualDue`), which re-derivation then leaves alone; "reset" returns to the
//! dates the text gives. The new-date field's text lives in egui's temporary memory, keyed by the measure.

use egui::RichText;

use super::{ViewCtx, date_field, style};
use crate::app::Command;
use crate::i18n::Arg;
use crate::model::Measure;

/// What the editor keeps between frames for one measure.
#[derive(Debug, Clone, Default)]
struct Draft {
    text: String,
    error: Option<String>,
}

/// Lists `measure`'s due dates with the explanation, and lets the user remove and add dates (dd.mm.yyyy) or
/// return to the derived dates.
pub fn due_editor(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, measure: &Measure) {
    let period = ctx.data.plan.as_ref().map(|p| p.period);
    let id = measure.id;
    let draft_id = egui::Id::unique(("due_editor_draft", id));
    let mut draft: Draft = ui.data_mut(|d| d.get_temp(draft_id)).unwrap_or_default();

    ui.horizontal_wrapped(|ui| {
        ui.strong(ctx.tr("due-heading"));
        if measure.due_manual {
            ui.label(RichText::new(ctx.tr("due-manual")).color(style::ACCENT))
                .on_hover_text(ctx.tr("due-manual-hint"));
        }
    });
    if let Some(period) = period {
        let schedule =
            crate::schedule::measure_schedule(&measure.deadline, &measure.yearly, period);
        let key = if measure.due_manual {
            "due-explanation-manual"
        } else {
            "due-explanation"
        };
        let text = ctx
            .i18n
            .tr_args(key, &[("text", Arg::Str(&schedule.explanation))]);
        ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
    }

    if measure.due.is_empty() {
        ui.label(ctx.tr("due-none"));
    }
    let mut remove = None;
    for (i, date) in measure.due.iter().enumerate() {
        ui.horizontal(|ui| {
            let text = date_field::format(*date);
            let outside = period.is_some_and(|p| !p.contains(*date));
            ui.label(&text);
            if outside {
                ui.label(RichText::new(ctx.tr("due-outside-period")).color(style::ERROR));
            }
            let hint = ctx
                .i18n
                .tr_args("due-remove-hint", &[("date", Arg::Str(&text))]);
            let button = ui.small_button("×");
            // Screen readers (and tests) hear what the cross does, not "×".
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &hint));
            if button.on_hover_text(&hint).clicked() {
                remove = Some(i);
            }
        });
    }

    let mut add = false;
    ui.horizontal(|ui| {
        let label = ui.label(ctx.tr("due-new-label"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut draft.text)
                    .hint_text(ctx.tr("date-field-hint"))
                    .desired_width(96.0),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(ctx.tr("due-add")).clicked() || entered {
            add = true;
        }
    });
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(style::ERROR));
    }
    if measure.due_manual
        && ui
            .button(ctx.tr("due-reset"))
            .on_hover_text(ctx.tr("due-reset-hint"))
            .clicked()
    {
        ctx.push(Command::SetManualDue { id, due: None });
        draft = Draft::default();
    }

    if let Some(i) = remove {
        let mut due = measure.due.clone();
        due.remove(i);
        ctx.push(Command::SetManualDue { id, due: Some(due) });
    }
    if add {
        match date_field::parse(&draft.text) {
            Some(date) => {
                let mut due = measure.due.clone();
                due.push(date);
                ctx.push(Command::SetManualDue { id, due: Some(due) });
                draft = Draft::default();
            }
            None => draft.error = Some(ctx.tr("error-date-format")),
        }
    }
    ui.data_mut(|d| d.insert_temp(draft_id, draft));
}
