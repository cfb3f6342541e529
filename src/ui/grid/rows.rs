//! The grid's row model: which rows show, in what order, and the counts the header shows. Rebuilt only when
//! the data, the filter, the order or the folded sections change — never per frame.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;

use crate::app::filter::search_text;
use crate::app::{MeasureFilter, MeasureSort};
use crate::model::{Id, Plan, School, Status};
use crate::stats::ProgressSummary;

/// One line of the grid: a section's group row or a measure, by index into the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Section(usize),
    Measure(usize, usize),
}

/// A section's counts for its group row.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SectionStats {
    /// Measures in the section.
    pub total: usize,
    /// Measures passing the filter.
    pub shown: usize,
    /// Progress records done, and all records but cancelled ones.
    pub done: u32,
    pub reported: u32,
}

impl SectionStats {
    /// The done share in percent, when anything is reported.
    pub fn done_percent(&self) -> Option<u32> {
        (self.reported > 0).then(|| (self.done * 100 + self.reported / 2) / self.reported)
    }
}

/// What a build depends on besides the plan itself.
#[derive(Debug, Clone, PartialEq)]
struct RowKey {
    version: u64,
    plan: Id,
    filter: MeasureFilter,
    sort: MeasureSort,
    collapsed: u64,
    today: NaiveDate,
}

/// What the grid shows.
#[derive(Debug, Default)]
pub struct RowModel {
    pub rows: Vec<Row>,
    /// The row of each shown measure and section, by id.
    pub row_of: HashMap<Id, usize>,
    /// Measures passing the filter (folded ones included) and all measures.
    pub shown: usize,
    pub total: usize,
    /// Per section of the plan, by index.
    pub sections: Vec<SectionStats>,
    /// Years having a key-activity column.
    pub years: Vec<i32>,
    /// Bumped on every rebuild, so dependent caches know.
    pub generation: u64,
    key: Option<RowKey>,
}

/// The inputs of a build.
pub struct RowInputs<'a> {
    pub plan: &'a Plan,
    pub version: u64,
    pub progress: &'a HashMap<Id, ProgressSummary>,
    pub schools: &'a [School],
    pub filter: &'a MeasureFilter,
    pub sort: MeasureSort,
    pub collapsed: &'a HashSet<Id>,
    pub today: NaiveDate,
}

impl RowModel {
    /// Rebuilds when anything it depends on changed; returns whether it did.
    pub fn sync(&mut self, input: &RowInputs<'_>, search: &mut SearchCache) -> bool {
        let key = RowKey {
            version: input.version,
            plan: input.plan.id,
            filter: input.filter.clone(),
            sort: input.sort,
            collapsed: hash_collapsed(input.plan, input.collapsed),
            today: input.today,
        };
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        // Kept current even when nobody searches, so the first search is as quick as the next.
        search.sync(input.plan, input.version);
        self.build(input, search);
        self.key = Some(key);
        true
    }

    fn build(&mut self, input: &RowInputs<'_>, search: &SearchCache) {
        let plan = input.plan;
        let matcher = input.filter.matcher(input.schools);
        let use_search = !matcher.query().is_empty();
        let filtering = input.filter.is_active();
        self.rows.clear();
        self.row_of.clear();
        self.sections.clear();
        self.shown = 0;
        self.total = plan.measure_count();
        let mut years = std::collections::BTreeSet::new();
        let mut shown: Vec<usize> = Vec::new();
        for (si, section) in plan.sections.iter().enumerate() {
            let mut stats = SectionStats {
                total: section.measures.len(),
                ..Default::default()
            };
            shown.clear();
            for (mi, m) in section.measures.iter().enumerate() {
                years.extend(m.yearly.iter().map(|y| y.year));
                let progress = input.progress.get(&m.id);
                if let Some(p) = progress {
                    stats.done += p.count(Status::Done);
                    stats.reported += p.total() - p.count(Status::Cancelled);
                }
                let passes = if use_search {
                    matcher.matches_cached(m, search.get(m.id), progress, input.today)
                } else {
                    matcher.matches_except_text(m, progress, input.today)
                };
                if passes {
                    shown.push(mi);
                }
            }
            stats.shown = shown.len();
            self.shown += shown.len();
            self.sections.push(stats);
            if filtering && shown.is_empty() {
                continue;
            }
            if input.sort != MeasureSort::Document {
                let progress = |mi: usize| {
                    let m = &section.measures[mi];
                    (m, input.progress.get(&m.id))
                };
                shown.sort_by(|a, b| input.sort.compare(progress(*a), progress(*b), input.today));
            }
            self.row_of.insert(section.id, self.rows.len());
            self.rows.push(Row::Section(si));
            if input.collapsed.contains(&section.id) {
                continue;
            }
            for &mi in &shown {
                self.row_of.insert(section.measures[mi].id, self.rows.len());
                self.rows.push(Row::Measure(si, mi));
            }
        }
        self.years = years.into_iter().collect();
        self.generation += 1;
    }

    /// The measures of the shown rows, in row order.
    pub fn shown_measures<'a>(&'a self, plan: &'a Plan) -> impl Iterator<Item = Id> + 'a {
        self.rows.iter().filter_map(|row| match *row {
            Row::Measure(si, mi) => Some(plan.sections[si].measures[mi].id),
            Row::Section(_) => None,
        })
    }
}

fn hash_collapsed(plan: &Plan, collapsed: &HashSet<Id>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for s in plan.sections.iter().filter(|s| collapsed.contains(&s.id)) {
        s.id.hash(&mut h);
    }
    h.finish()
}

/// The lowercase search text of every measure, kept current with the data: after a change only the
/// measures whose text changed are lowercased again, so a search over many measures allocates nothing and
/// a typed query is matched at once.
#[derive(Debug, Default)]
pub struct SearchCache {
    key: Option<(u64, Id)>,
    /// By measure: a digest of its fields, the data version it was last seen at, its search text.
    texts: HashMap<Id, (u64, u64, String)>,
}

impl SearchCache {
    pub fn sync(&mut self, plan: &Plan, version: u64) {
        if self.key == Some((version, plan.id)) {
            return;
        }
        for m in plan.measures() {
            let digest = {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                for field in crate::app::filter::search_fields(m) {
                    field.hash(&mut h);
                }
                h.finish()
            };
            match self.texts.get_mut(&m.id) {
                Some(entry) if entry.0 == digest => entry.1 = version,
                _ => {
                    self.texts.insert(m.id, (digest, version, search_text(m)));
                }
            }
        }
        self.texts.retain(|_, entry| entry.1 == version);
        self.key = Some((version, plan.id));
    }

    pub fn get(&self, id: Id) -> &str {
        self.texts.get(&id).map_or("", |entry| entry.2.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Period, Section};

    fn plan() -> Plan {
        let mut plan = Plan::new("П", Period::school_year(2021));
        let mut a = Section::new("1", "Первое");
        a.measures.push(Measure::new("1.10", "Подготовка к ГИА"));
        a.measures.push(Measure::new("1.2", "Совещание"));
        let mut b = Section::new("2", "Второе");
        b.measures.push(Measure::new("2.1", "Семинар"));
        plan.sections.push(a);
        plan.sections.push(b);
        plan
    }

    fn build(
        plan: &Plan,
        filter: &MeasureFilter,
        sort: MeasureSort,
        collapsed: &HashSet<Id>,
    ) -> RowModel {
        let mut model = RowModel::default();
        let progress = HashMap::new();
        let input = RowInputs {
            plan,
            version: 1,
            progress: &progress,
            schools: &[],
            filter,
            sort,
            collapsed,
            today: NaiveDate::from_ymd_opt(2021, 10, 1).unwrap(),
        };
        assert!(model.sync(&input, &mut SearchCache::default()));
        assert!(
            !model.sync(&input, &mut SearchCache::default()),
            "nothing changed"
        );
        model
    }

    #[test]
    fn a_search_hides_sections_without_matches_and_counts_what_shows() {
        let p = plan();
        let filter = MeasureFilter {
            text: "гиа".into(),
            ..Default::default()
        };
        let m = build(&p, &filter, MeasureSort::Document, &HashSet::new());
        assert_eq!(m.rows, vec![Row::Section(0), Row::Measure(0, 0)]);
        assert_eq!((m.shown, m.total), (1, 3));
        assert_eq!(m.sections[1].shown, 0);
    }

    #[test]
    fn folding_hides_rows_but_keeps_the_count() {
        let p = plan();
        let collapsed = HashSet::from([p.sections[0].id]);
        let m = build(
            &p,
            &MeasureFilter::default(),
            MeasureSort::Document,
            &collapsed,
        );
        assert_eq!(
            m.rows,
            vec![Row::Section(0), Row::Section(1), Row::Measure(1, 0)]
        );
        assert_eq!(m.shown, 3);
    }

    #[test]
    fn number_order_is_natural_within_sections() {
        let p = plan();
        let m = build(
            &p,
            &MeasureFilter::default(),
            MeasureSort::Number,
            &HashSet::new(),
        );
        assert_eq!(m.rows[1..3], [Row::Measure(0, 1), Row::Measure(0, 0)]);
    }

    #[test]
    fn done_share_rounds_to_a_percent() {
        let s = SectionStats {
            done: 1,
            reported: 3,
            ..Default::default()
        };
        assert_eq!(s.done_percent(), Some(33));
        assert_eq!(SectionStats::default().done_percent(), None);
    }
}
