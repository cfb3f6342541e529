//! Carries out the commands on a whole plan and its texts: the example, a new plan, the passport, one
//! measure's text field, and asking where to import from or export to.

use crate::i18n::Localize;
use crate::model::{self, Change, Id, Period, Plan, Section};

use super::chooser::{Mode, Purpose, Request};
use super::{MeasureField, RoadmapApp};

impl RoadmapApp {
    /// Loads the bundled example road map with its schools, and opens it.
    pub(super) fn load_example(&mut self) -> Result<(), String> {
        let id =
            crate::example::load_example(&mut self.store).map_err(|e| e.message(&self.i18n))?;
        // The example brings its schools: the registry snapshot follows.
        self.data.schools = self.store.schools().map_err(|e| e.message(&self.i18n))?;
        self.open_plan(id)?;
        self.toasts.info(self.i18n.tr("toast-example-loaded"));
        Ok(())
    }

    /// A new plan with one empty section, opened.
    pub(super) fn create_plan(&mut self, title: String, period: Period) -> Result<(), String> {
        let mut plan = Plan::new(title, period);
        plan.sections
            .push(Section::new("1", self.i18n.tr("new-section-title")));
        model::validate_plan(&plan).map_err(|e| e.message(&self.i18n))?;
        self.store
            .write(|w| w.put_plan(&plan))
            .map_err(|e| e.message(&self.i18n))?;
        self.open_plan(plan.id)
    }

    /// Asks for a file to import (exchange file, Word, Excel, CSV/TSV).
    pub(super) fn pick_import_path(&mut self) -> Result<(), String> {
        self.choose(
            Request::new(
                Purpose::Import,
                Mode::Open,
                self.i18n.tr("dialog-import-title"),
            )
            .filter(
                self.i18n.tr("filter-importable"),
                &["json", "docx", "xlsx", "csv", "tsv", "txt"],
            )
            .filter(self.i18n.tr("filter-exchange"), &["json"])
            .filter(self.i18n.tr("filter-office"), &["docx", "xlsx"])
            .filter("CSV/TSV", &["csv", "tsv", "txt"]),
        )
    }

    /// Asks where to save the current plan as an exchange file, named after the plan.
    pub(super) fn pick_export_path(&mut self) -> Result<(), String> {
        self.choose_plan_file(
            Purpose::ExportPlan,
            "dialog-export-title",
            ("filter-exchange", "json"),
        )
    }

    /// Asks where to save a file made of the open plan (one kind of file: its filter's name and extension),
    /// offered under the plan's title.
    pub(super) fn choose_plan_file(
        &mut self,
        purpose: Purpose,
        title_key: &str,
        (filter_key, extension): (&str, &str),
    ) -> Result<(), String> {
        let plan = self.plan()?;
        let request = Request::save(purpose, self.i18n.tr(title_key), &plan.title, extension)
            .filter(self.i18n.tr(filter_key), &[extension]);
        self.choose(request)
    }

    /// Replaces one text field of a measure; a new deadline or year activity derives the due dates again
    /// (unless set by hand).
    pub(super) fn edit_measure(
        &mut self,
        id: Id,
        field: MeasureField,
        value: String,
    ) -> Result<(), String> {
        self.change_measure(id, |m, period| {
            let before = m.clone();
            field.set(m, value);
            if *m != before && field.shapes_due() && !m.due_manual {
                m.due = crate::schedule::measure_due_dates(m, period);
            }
        })
    }

    /// Replaces the plan's passport; a new period derives the due dates again (those set by hand stay).
    pub(super) fn edit_plan_header(&mut self, after: Plan) -> Result<(), String> {
        let plan = self.plan()?;
        let before = plan.header();
        let mut after = after.header();
        after.id = before.id;
        after.updated_at = model::now();
        model::validate_plan(&after).map_err(|e| e.message(&self.i18n))?;
        let mut changes = Vec::new();
        if after.period != before.period {
            // Due dates follow the period; dates set by hand stay as they are.
            for m in plan.measures().filter(|m| !m.due_manual) {
                let due = crate::schedule::measure_due_dates(m, after.period);
                if due != m.due {
                    let mut updated = m.clone();
                    updated.due = due;
                    updated.updated_at = after.updated_at;
                    changes.push(Change::Measure {
                        before: Box::new(m.clone()),
                        after: Box::new(updated),
                    });
                }
            }
        }
        changes.insert(
            0,
            Change::PlanHeader {
                before: Box::new(before),
                after: Box::new(after),
            },
        );
        self.commit(Change::Batch(changes))
    }
}
