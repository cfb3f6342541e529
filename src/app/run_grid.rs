//! The grid's structural commands: each becomes ONE `Change` (a `Batch` for several rows), written in one
//! transaction and undone in one step.
//!
//! Removing a measure or a section from the database drops its progress records with it (foreign keys
//! cascade), so deletes and moves carry those records in the batch: removed before, put back after (a move)
//! or on undo (a delete). Nothing the schools reported is lost by rearranging the plan.

use crate::i18n::Localize;
use crate::model::{self, Change, Id, Measure, Plan, Section};

use super::{Command, RoadmapApp, SectionField};

impl RoadmapApp {
    /// Runs one of the grid's commands (the runner sends them here).
    pub(super) fn run_grid(&mut self, command: Command) -> Result<(), String> {
        match command {
            Command::InsertMeasure { section, index } => self.insert_measure(section, index),
            Command::DeleteMeasures(ids) => self.delete_measures(&ids),
            Command::DuplicateMeasures(ids) => self.duplicate_measures(&ids),
            Command::MoveMeasures { ids, down } => self.move_measures(&ids, down),
            Command::UpdateMeasure(measure) => self.update_measure(*measure),
            Command::InsertSection { index } => self.insert_section(index),
            Command::DeleteSection(id) => self.delete_section(id),
            Command::MoveSection { id, down } => self.move_section(id, down),
            Command::EditSection { id, field, value } => self.edit_section(id, field, value),
            Command::Renumber => self.renumber(),
            other => Err(format!("not a grid command: {other:?}")),
        }
    }

    fn measure_of(&self, id: Id) -> Result<&Measure, String> {
        self.plan()?
            .measure(id)
            .ok_or_else(|| self.i18n.tr("error-no-measure"))
    }

    fn section_of(&self, id: Id) -> Result<usize, String> {
        self.plan()?
            .section_index(id)
            .ok_or_else(|| self.i18n.tr("error-no-section"))
    }

    /// Changes that delete a measure's progress records (put them back with [`Change::inverse`]).
    fn drop_progress(&self, measure: Id) -> Result<Vec<Change>, String> {
        let records = self
            .store
            .progress_of_measure(measure)
            .map_err(|e| e.message(&self.i18n))?;
        Ok(records
            .into_iter()
            .map(|p| Change::Progress {
                before: Some(Box::new(p)),
                after: None,
            })
            .collect())
    }

    fn insert_measure(&mut self, section: Id, index: Option<usize>) -> Result<(), String> {
        let si = self.section_of(section)?;
        let s = &self.plan()?.sections[si];
        let at_end = index.is_none_or(|i| i >= s.measures.len());
        let index = index.unwrap_or(s.measures.len()).min(s.measures.len());
        // A number is suggested only at the end of a section: in the middle it would repeat the next one,
        // and renumbering happens only when asked.
        let number = if at_end && !s.number.trim().is_empty() {
            format!(
                "{}.{}",
                s.number.trim().trim_end_matches('.'),
                s.measures.len() + 1
            )
        } else {
            String::new()
        };
        let measure = Measure::new(number, self.i18n.tr("new-measure-title"));
        let id = measure.id;
        self.commit(Change::InsertMeasure {
            section_id: section,
            index,
            measure: Box::new(measure),
        })?;
        self.data.selected = Some(id);
        Ok(())
    }

    /// Where the measures `ids` stand in `plan` (section, measure), in document order, each once; an error
    /// when none of them is there.
    fn places_of(&self, plan: &Plan, ids: &[Id]) -> Result<Vec<(usize, usize)>, String> {
        let mut places: Vec<(usize, usize)> =
            ids.iter().filter_map(|id| plan.find_measure(*id)).collect();
        if places.is_empty() {
            return Err(self.i18n.tr("error-no-measure"));
        }
        places.sort_unstable();
        places.dedup();
        Ok(places)
    }

    fn delete_measures(&mut self, ids: &[Id]) -> Result<(), String> {
        let plan = self.plan()?;
        let places = self.places_of(plan, ids)?;
        let next = neighbour_after_removal(plan, &places);
        // From the last to the first, so each index still points at its measure when applied in order.
        let mut changes = Vec::new();
        for &(si, mi) in places.iter().rev() {
            let section = &plan.sections[si];
            let measure = &section.measures[mi];
            changes.extend(self.drop_progress(measure.id)?);
            changes.push(Change::RemoveMeasure {
                section_id: section.id,
                index: mi,
                measure: Box::new(measure.clone()),
            });
        }
        self.commit(Change::Batch(changes))?;
        if self.data.selected.is_none_or(|s| ids.contains(&s)) {
            self.data.selected = next;
        }
        Ok(())
    }

    fn duplicate_measures(&mut self, ids: &[Id]) -> Result<(), String> {
        let plan = self.plan()?;
        let places = self.places_of(plan, ids)?;
        let now = model::now();
        let mut changes = Vec::new();
        let mut first_copy = None;
        // From the last to the first: inserting below a later measure does not move the earlier ones.
        for &(si, mi) in places.iter().rev() {
            let section = &plan.sections[si];
            let copy = Measure {
                id: model::new_id(),
                updated_at: now,
                // A copy is a measure of its own: it does not share the district measure's progress.
                source_measure: None,
                ..section.measures[mi].clone()
            };
            first_copy = Some(copy.id);
            changes.push(Change::InsertMeasure {
                section_id: section.id,
                index: mi + 1,
                measure: Box::new(copy),
            });
        }
        self.commit(Change::Batch(changes))?;
        self.data.selected = first_copy;
        Ok(())
    }

    fn move_measures(&mut self, ids: &[Id], down: bool) -> Result<(), String> {
        let plan = self.plan()?;
        let mut places = self.places_of(plan, ids)?;
        if down {
            places.reverse();
        }
        // The leading measure at the very edge of the plan: the block stays together, so nothing moves.
        if target_place(plan, places[0], down).is_none() {
            return Ok(());
        }
        let order: Vec<Id> = places
            .iter()
            .map(|&(si, mi)| plan.sections[si].measures[mi].id)
            .collect();
        let mut sim = plan.clone();
        let now = model::now();
        let mut changes = Vec::new();
        for id in order {
            let Some((si, mi)) = sim.find_measure(id) else {
                continue;
            };
            let Some((ti, tm)) = target_place(&sim, (si, mi), down) else {
                continue;
            };
            let progress = self.drop_progress(id)?;
            let restore: Vec<Change> = progress.iter().map(Change::inverse).collect();
            let before = sim.sections[si].measures[mi].clone();
            let moved = Measure {
                updated_at: now,
                ..before.clone()
            };
            let step = vec![
                Change::RemoveMeasure {
                    section_id: sim.sections[si].id,
                    index: mi,
                    measure: Box::new(before),
                },
                Change::InsertMeasure {
                    section_id: sim.sections[ti].id,
                    index: tm,
                    measure: Box::new(moved),
                },
            ];
            for change in &step {
                change.apply_to_plan(&mut sim).map_err(|e| e.to_string())?;
            }
            changes.extend(progress);
            changes.extend(step);
            changes.extend(restore);
        }
        self.commit(Change::Batch(changes))
    }

    fn update_measure(&mut self, measure: Measure) -> Result<(), String> {
        self.change_measure(measure.id, |m, period| {
            let derive = (measure.deadline != m.deadline || measure.yearly != m.yearly)
                && !measure.due_manual;
            *m = measure;
            if derive {
                m.due = crate::schedule::measure_due_dates(m, period);
            }
        })
    }

    /// Changes one measure by `edit` (given the plan's period) in one step, stamped now; an edit that
    /// changes nothing is no step.
    pub(super) fn change_measure(
        &mut self,
        id: Id,
        edit: impl FnOnce(&mut Measure, model::Period),
    ) -> Result<(), String> {
        let period = self.plan()?.period;
        let before = self.measure_of(id)?.clone();
        let mut after = before.clone();
        edit(&mut after, period);
        after.updated_at = before.updated_at;
        if after == before {
            return Ok(());
        }
        after.updated_at = model::now();
        self.commit(Change::Measure {
            before: Box::new(before),
            after: Box::new(after),
        })
    }

    fn insert_section(&mut self, index: Option<usize>) -> Result<(), String> {
        let plan = self.plan()?;
        let count = plan.sections.len();
        let index = index.unwrap_or(count).min(count);
        let number = if index == count {
            (count + 1).to_string()
        } else {
            String::new()
        };
        let section = Section::new(number, self.i18n.tr("new-section-title"));
        self.commit(Change::InsertSection {
            index,
            section: Box::new(section),
        })
    }

    fn delete_section(&mut self, id: Id) -> Result<(), String> {
        let si = self.section_of(id)?;
        let section = self.plan()?.sections[si].clone();
        let mut changes = Vec::new();
        for m in &section.measures {
            changes.extend(self.drop_progress(m.id)?);
        }
        if self
            .data
            .selected
            .is_some_and(|s| section.measures.iter().any(|m| m.id == s))
        {
            self.data.selected = None;
        }
        changes.push(Change::RemoveSection {
            index: si,
            section: Box::new(section),
        });
        self.commit(Change::Batch(changes))
    }

    fn move_section(&mut self, id: Id, down: bool) -> Result<(), String> {
        let si = self.section_of(id)?;
        let count = self.plan()?.sections.len();
        let target = if down { si + 1 } else { si.wrapping_sub(1) };
        if target >= count {
            return Ok(());
        }
        let section = self.plan()?.sections[si].clone();
        let mut progress = Vec::new();
        for m in &section.measures {
            progress.extend(self.drop_progress(m.id)?);
        }
        let restore: Vec<Change> = progress.iter().map(Change::inverse).collect();
        let mut changes = progress;
        changes.push(Change::RemoveSection {
            index: si,
            section: Box::new(section.clone()),
        });
        changes.push(Change::InsertSection {
            index: target,
            section: Box::new(Section {
                updated_at: model::now(),
                ..section
            }),
        });
        changes.extend(restore);
        self.commit(Change::Batch(changes))
    }

    fn edit_section(&mut self, id: Id, field: SectionField, value: String) -> Result<(), String> {
        let si = self.section_of(id)?;
        let before = self.plan()?.sections[si].header();
        let mut after = before.clone();
        let slot = match field {
            SectionField::Number => &mut after.number,
            SectionField::Title => &mut after.title,
        };
        if *slot == value {
            return Ok(());
        }
        *slot = value;
        after.updated_at = model::now();
        self.commit(Change::SectionHeader {
            before: Box::new(before),
            after: Box::new(after),
        })
    }

    fn renumber(&mut self) -> Result<(), String> {
        let plan = self.plan()?;
        let now = model::now();
        let mut changes = Vec::new();
        for (s, number, measures) in renumbered(plan) {
            let section = &plan.sections[s];
            if section.number != number {
                let before = section.header();
                let after = Section {
                    number,
                    updated_at: now,
                    ..before.clone()
                };
                changes.push(Change::SectionHeader {
                    before: Box::new(before),
                    after: Box::new(after),
                });
            }
            for (m, number) in measures.into_iter().enumerate() {
                let before = &section.measures[m];
                if before.number != number {
                    let after = Measure {
                        number,
                        updated_at: now,
                        ..before.clone()
                    };
                    changes.push(Change::Measure {
                        before: Box::new(before.clone()),
                        after: Box::new(after),
                    });
                }
            }
        }
        self.commit(Change::Batch(changes))
    }
}

/// Where a measure at `(section, index)` goes one step up or down in document order: within its section,
/// or to the end of the previous / the start of the next section at an edge. `None` at the plan's edge.
fn target_place(plan: &Plan, (si, mi): (usize, usize), down: bool) -> Option<(usize, usize)> {
    let len = plan.sections[si].measures.len();
    if down {
        if mi + 1 < len {
            Some((si, mi + 1))
        } else if si + 1 < plan.sections.len() {
            Some((si + 1, 0))
        } else {
            None
        }
    } else if mi > 0 {
        Some((si, mi - 1))
    } else if si > 0 {
        Some((si - 1, plan.sections[si - 1].measures.len()))
    } else {
        None
    }
}

/// The measure to select after removing `places` (sorted): the first one after them, else the last before.
fn neighbour_after_removal(plan: &Plan, places: &[(usize, usize)]) -> Option<Id> {
    let all: Vec<(usize, usize)> = plan
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| (0..s.measures.len()).map(move |mi| (si, mi)))
        .collect();
    let first = all.iter().position(|p| *p == places[0])?;
    let keep = |p: &&(usize, usize)| places.binary_search(p).is_err();
    all[first..]
        .iter()
        .find(keep)
        .or_else(|| all[..first].iter().rev().find(keep))
        .map(|&(si, mi)| plan.sections[si].measures[mi].id)
}

/// The numbers "Перенумеровать" gives: sections 1, 2, …; measures 1.1, 1.2, …. A trailing dot is kept
/// where the old number had one ("4." → "4.", "4.1." → "4.1.").
pub fn renumbered(plan: &Plan) -> Vec<(usize, String, Vec<String>)> {
    let dotted = |old: &str| if old.trim().ends_with('.') { "." } else { "" };
    plan.sections
        .iter()
        .enumerate()
        .map(|(s, section)| {
            let n = s + 1;
            let measures = section
                .measures
                .iter()
                .enumerate()
                .map(|(m, measure)| format!("{n}.{}{}", m + 1, dotted(&measure.number)))
                .collect();
            (s, format!("{n}{}", dotted(&section.number)), measures)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    fn plan() -> Plan {
        let mut plan = Plan::new("П", Period::school_year(2021));
        for (n, count) in [("1.", 2), ("2", 1), ("", 0)] {
            let mut s = Section::new(n, "р");
            for i in 0..count {
                s.measures.push(Measure::new(format!("x{i}."), "м"));
            }
            plan.sections.push(s);
        }
        plan
    }

    #[test]
    fn moving_at_an_edge_crosses_into_the_neighbouring_section() {
        let p = plan();
        assert_eq!(target_place(&p, (0, 0), false), None);
        assert_eq!(target_place(&p, (0, 0), true), Some((0, 1)));
        assert_eq!(target_place(&p, (0, 1), true), Some((1, 0)));
        assert_eq!(target_place(&p, (1, 0), false), Some((0, 2)));
        assert_eq!(target_place(&p, (1, 0), true), Some((2, 0)));
    }

    #[test]
    fn renumbering_keeps_the_trailing_dot_style() {
        let numbers = renumbered(&plan());
        assert_eq!(numbers[0].1, "1.");
        assert_eq!(numbers[0].2, vec!["1.1.", "1.2."]);
        assert_eq!(numbers[1].1, "2");
        assert_eq!(numbers[2].1, "3");
    }

    #[test]
    fn the_next_selection_after_a_delete_follows_the_deleted_rows() {
        let p = plan();
        let after_first = neighbour_after_removal(&p, &[(0, 0)]);
        assert_eq!(after_first, Some(p.sections[0].measures[1].id));
        let after_last = neighbour_after_removal(&p, &[(1, 0)]);
        assert_eq!(after_last, Some(p.sections[0].measures[1].id));
    }
}
