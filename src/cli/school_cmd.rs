//! The school↔district loop without a window:
//! `school-plan --plan ID --school ID` builds a school plan from the district plan, and
//! `mark --plan ID --measure NUMBER|ID (--school ID | --office) …` marks one occurrence of a measure.

use std::path::Path;

use anyhow::{anyhow, bail};
use chrono::NaiveDate;

use super::{open, resolve_plan, resolve_school};
use crate::model::{self, Change, Measure, Plan, Progress, Status};
use crate::stats::occurrences::{is_occurrence, occurrence_dues};
use crate::stats::{ProgressIndex, concerns, concerns_office, measures_for_school, progress_key};

/// `school-plan`: creates the school plan of `school` from the district plan and prints its id.
pub fn school_plan(db: &Path, plan: &str, school: &str, title: Option<&str>) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let plan_id = resolve_plan(&store, plan)?;
    let district = store.load_plan(plan_id)?;
    if district.owner_school.is_some() {
        bail!(
            "«{}» — план школы; план школы строится по плану района",
            district.title
        );
    }
    let school = resolve_school(&store, school)?;
    let picked = measures_for_school(&district, &school);
    if picked.is_empty() {
        bail!(
            "ни одно мероприятие плана «{}» не касается школы «{}»",
            district.title,
            school.display_name()
        );
    }
    let title = title
        .map(str::to_owned)
        .unwrap_or_else(|| format!("План школы {} · {}", school.display_name(), district.title));
    let built = crate::stats::school_plan(&district, &school, title, &picked, &[], "");
    store.write(|w| w.put_plan(&built))?;
    println!(
        "План школы «{}» создан: мероприятий {} (из {} плана района).",
        school.display_name(),
        built.measure_count(),
        district.measure_count()
    );
    println!("Идентификатор плана: {}", built.id);
    Ok(())
}

/// What `mark` writes: the status and its details.
pub struct Mark<'a> {
    pub status: Status,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub evidence: Option<&'a str>,
    pub comment: Option<&'a str>,
    pub by: Option<&'a str>,
}

/// `mark`: marks one occurrence of a measure for a school or the office. In a school plan, on a measure
/// taken from the district plan, the mark is the school's progress on the district measure.
pub fn mark(
    db: &Path,
    plan: &str,
    measure: &str,
    school: Option<&str>,
    office: bool,
    mark: &Mark<'_>,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let plan_id = resolve_plan(&store, plan)?;
    let plan = store.load_plan(plan_id)?;
    let measure = find_measure(&plan, measure)?.clone();
    let label = format!("{} {}", measure.number, measure.title)
        .trim()
        .to_owned();
    let executor = match (school, office) {
        (Some(_), true) => bail!("укажите либо --school, либо --office"),
        (None, false) => bail!("укажите, кто выполнил: --school ID или --office (управление)"),
        (None, true) => {
            if !concerns_office(&plan, &measure) {
                bail!(
                    "мероприятие «{label}» выполняют школы, а не управление (исполнители задаются в плане района)"
                );
            }
            None
        }
        (Some(text), false) => {
            let school = resolve_school(&store, text)?;
            if !concerns(&plan, &measure, &school) {
                bail!(
                    "мероприятие «{label}» не касается школы «{}»",
                    school.display_name()
                );
            }
            Some(school.id)
        }
    };
    let table = ProgressIndex::new(store.progress(Some(plan_id))?);
    let due = match mark.due {
        Some(d) if is_occurrence(&measure.due, Some(d)) => Some(d),
        Some(d) => bail!(
            "у мероприятия «{label}» нет срока {}; сроки: {}",
            d.format(crate::model::DATE_FORMAT),
            dues_text(&measure)
        ),
        None => occurrence_dues(&measure)
            .find(|due| {
                table
                    .get(&progress_key(&plan, &measure, executor, *due))
                    .is_none_or(|p| p.status != Status::Done)
            })
            .ok_or_else(|| {
                anyhow!("все сроки мероприятия «{label}» уже отмечены выполненными; укажите --due")
            })?,
    };
    let key = progress_key(&plan, &measure, executor, due);
    let before = table.get(&key).cloned();
    let mut after = before
        .clone()
        .unwrap_or_else(|| Progress::new(key.measure, key.school, due, Status::Planned));
    after.status = mark.status;
    after.done_on = match mark.status {
        Status::Done => mark.done_on.or(after.done_on).or(Some(today)),
        _ => mark.done_on,
    };
    if let Some(e) = mark.evidence {
        after.evidence = e.to_owned();
    }
    if let Some(c) = mark.comment {
        after.comment = c.to_owned();
    }
    if let Some(b) = mark.by {
        after.by = b.to_owned();
    }
    after.updated_at = model::now();
    store.apply(
        plan_id,
        &Change::Progress {
            before: before.map(Box::new),
            after: Some(Box::new(after.clone())),
        },
    )?;
    let who = match executor {
        None => "управление".to_owned(),
        Some(id) => store
            .schools()?
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| s.display_name().to_owned())
            .unwrap_or_default(),
    };
    println!(
        "Отмечено: «{label}», срок {}, {who}: {}.",
        due.map_or_else(
            || "без срока".to_owned(),
            |d| d.format(crate::model::DATE_FORMAT).to_string()
        ),
        crate::stats::analytic_note::status_title(after.status)
    );
    Ok(())
}

/// A measure of the plan by its number as written («1.1», «4.1.») or its id (or a unique beginning).
fn find_measure<'a>(plan: &'a Plan, text: &str) -> anyhow::Result<&'a Measure> {
    let text = text.trim();
    let norm = |n: &str| n.trim().trim_end_matches('.').to_owned();
    let by_number: Vec<&Measure> = plan
        .measures()
        .filter(|m| !text.is_empty() && norm(&m.number) == norm(text))
        .collect();
    if let [one] = by_number.as_slice() {
        return Ok(one);
    }
    if by_number.len() > 1 {
        bail!("в плане несколько мероприятий с номером {text}; укажите идентификатор");
    }
    let lower = text.to_lowercase();
    let by_id: Vec<&Measure> = plan
        .measures()
        .filter(|m| lower.len() >= 4 && m.id.to_string().starts_with(&lower))
        .collect();
    match by_id.as_slice() {
        [one] => Ok(one),
        [] => bail!("в плане «{}» нет мероприятия {text}", plan.title),
        _ => bail!("под «{text}» подходят несколько мероприятий; укажите идентификатор полностью"),
    }
}

fn dues_text(m: &Measure) -> String {
    if m.due.is_empty() {
        return "без срока".into();
    }
    m.due
        .iter()
        .map(|d| d.format(crate::model::DATE_FORMAT).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
