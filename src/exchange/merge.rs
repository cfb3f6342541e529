//! Import in two steps over one code path: [`preview`] decides, record by record and without writing,
//! what a file would add, change, delete and where it conflicts; [`apply`] writes exactly those decisions
//! in one transaction. [`import`](super::import) is `apply(preview(…))`.
//!
//! The rules (docs/exchange-format.md, Merging):
//! - a record we lack is added — unless we deleted it after their version was made;
//! - the newer `updated_at` wins; absence never deletes; a tombstone deletes only a record older than it;
//! - the *base* of a file is the newest moment both sides are known to share: the `exported_at` of the
//!   newest file we imported from its office, or what the file says it has seen of ours (`seen`). A record
//!   changed on both sides after the base is a **conflict**: ours stays, theirs is kept in the store's
//!   conflicts table for the user to resolve. Without a base (first exchange) the newer simply wins.

use std::collections::{HashMap, HashSet};

use crate::model::{Id, Progress, Timestamp};
use crate::store::{ConflictRecord, RecordKind, Store, Writer, progress_key};

use super::{Counts, ExchangeError, ExchangeFile, ImportSummary, META_OFFICE_ID, Origin};

/// What the import does with one record of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// New here.
    Add,
    /// Newer in the file: replaces ours.
    Update,
    /// Ours is as new or newer (or the same): nothing is written.
    Keep,
    /// Changed on both sides since the last exchange: ours stays, theirs is kept for the user.
    Conflict,
    /// Deleted here after their version was made (or its plan or section is): nothing is written.
    Skip,
    /// The file's tombstone is newer than our record: ours is deleted.
    Delete,
}

impl Action {
    /// Whether the action writes a record (or deletes one).
    pub fn writes(self) -> bool {
        matches!(self, Action::Add | Action::Update | Action::Delete)
    }
}

/// Per kind: how many records would be added, updated, deleted, conflict, and stay as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub added: usize,
    pub updated: usize,
    pub deleted: usize,
    pub conflicts: usize,
    pub kept: usize,
}

impl KindCounts {
    fn count(&mut self, action: Action) {
        match action {
            Action::Add => self.added += 1,
            Action::Update => self.updated += 1,
            Action::Delete => self.deleted += 1,
            Action::Conflict => self.conflicts += 1,
            Action::Keep | Action::Skip => self.kept += 1,
        }
    }

    pub fn changes(&self) -> usize {
        self.added + self.updated + self.deleted + self.conflicts
    }
}

/// One record of the file the preview lists (every action but keeping).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviewItem {
    pub kind: RecordKind,
    pub action: Action,
    /// Where it is in the file: the index among the file's records of its kind in file order (plans,
    /// sections and measures counted across plans), or in `deleted` when `action` is `Delete` or the item
    /// is a deletion in conflict (`from_deleted`).
    pub index: usize,
    pub from_deleted: bool,
}

/// What importing a file would do, computed before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub origin: Origin,
    pub exported_at: Timestamp,
    /// The last exchange with the file's office (see the module docs); `None` at the first one.
    pub base: Option<Timestamp>,
    pub plan_ids: Vec<Id>,
    /// Indexed by `RecordKind as usize` (plan, section, measure, school, progress).
    pub counts: [KindCounts; 5],
    /// Every record that would change or conflicts, in file order per kind.
    pub items: Vec<PreviewItem>,
    /// Remarks for the user (e.g. a period that was guessed), Russian.
    pub notes: Vec<String>,
    decisions: Decisions,
}

/// The action for every record of the file, in file order per kind.
#[derive(Debug, Clone, Default, PartialEq)]
struct Decisions {
    plans: Vec<Action>,
    sections: Vec<Action>,
    measures: Vec<Action>,
    schools: Vec<Action>,
    progress: Vec<Action>,
    deleted: Vec<Action>,
}

impl ImportPreview {
    pub fn count(&self, kind: RecordKind) -> &KindCounts {
        &self.counts[kind as usize]
    }

    /// Whether importing would write anything (conflicts are written too: their versions are kept).
    pub fn changed(&self) -> bool {
        self.counts.iter().any(|c| c.changes() > 0)
    }

    pub fn conflict_count(&self) -> usize {
        self.counts.iter().map(|c| c.conflicts).sum()
    }

    /// A line of text naming an item: its title (and for progress: measure, school and due date).
    pub fn describe(&self, file: &ExchangeFile, item: &PreviewItem, names: &Names) -> String {
        if item.from_deleted {
            let d = &file.deleted[item.index];
            return match d.kind {
                super::DeletedKind::Progress => {
                    progress_text(names, d.measure_id.unwrap_or_default(), d.school_id, d.due)
                }
                _ => names.name(d.id.unwrap_or_default()),
            };
        }
        match item.kind {
            RecordKind::Plan => file.plans[item.index].title.clone(),
            RecordKind::Section => {
                let s = nth_section(file, item.index);
                format!("{} {}", s.number, s.title).trim().to_owned()
            }
            RecordKind::Measure => {
                let m = nth_measure(file, item.index);
                format!("{} {}", m.number, m.title).trim().to_owned()
            }
            RecordKind::School => file.schools[item.index].name.clone(),
            RecordKind::Progress => {
                let p = &file.progress[item.index];
                progress_text(names, p.measure_id, p.school_id, p.due)
            }
        }
    }
}

/// Titles of measures and names of schools, from the file and the store, for describing items.
#[derive(Debug, Default, Clone)]
pub struct Names(HashMap<Id, String>);

impl Names {
    pub fn collect(store: &Store, file: &ExchangeFile) -> Names {
        let mut map = HashMap::new();
        for s in store.schools().unwrap_or_default() {
            let name = if s.short_name.is_empty() {
                s.name
            } else {
                s.short_name
            };
            map.insert(s.id, name);
        }
        for s in &file.schools {
            let name = if s.short_name.is_empty() {
                &s.name
            } else {
                &s.short_name
            };
            map.insert(s.id, name.clone());
        }
        for p in &file.plans {
            map.insert(p.id, p.title.clone());
            for s in &p.sections {
                map.insert(s.id, format!("{} {}", s.number, s.title).trim().to_owned());
                for m in &s.measures {
                    map.insert(m.id, format!("{} {}", m.number, m.title).trim().to_owned());
                }
            }
        }
        // Marks on measures the file does not carry (a school's report marks the district's measures).
        for p in &file.progress {
            if let std::collections::hash_map::Entry::Vacant(e) = map.entry(p.measure_id)
                && let Ok(Some(label)) = store.measure_label(p.measure_id)
            {
                e.insert(label);
            }
        }
        Names(map)
    }

    fn name(&self, id: Id) -> String {
        self.0.get(&id).cloned().unwrap_or_else(|| {
            let mut text = id.to_string();
            text.truncate(8);
            text
        })
    }
}

fn progress_text(
    names: &Names,
    measure: Id,
    school: Option<Id>,
    due: Option<chrono::NaiveDate>,
) -> String {
    format!(
        "{} — {} — {}",
        names.name(measure),
        school.map_or_else(|| OFFICE_NAME.to_owned(), |s| names.name(s)),
        super::DueText(due)
    )
}

/// Who marks the office's own progress, as previews and reports name it.
pub const OFFICE_NAME: &str = "Управление";

fn nth_section(file: &ExchangeFile, mut i: usize) -> &crate::model::Section {
    for p in &file.plans {
        if i < p.sections.len() {
            return &p.sections[i];
        }
        i -= p.sections.len();
    }
    panic!("section index out of range")
}

/// The `i`-th measure of the file, counted across plans and sections.
pub fn nth_measure(file: &ExchangeFile, mut i: usize) -> &crate::model::Measure {
    for s in file.plans.iter().flat_map(|p| &p.sections) {
        if i < s.measures.len() {
            return &s.measures[i];
        }
        i -= s.measures.len();
    }
    panic!("measure index out of range")
}

/// Our progress records' `updated_at` for one measure, by school and due date.
type ProgressTimes = HashMap<(Option<Id>, Option<chrono::NaiveDate>), Timestamp>;

/// The decision for one record by age: ours (if we hold it), our deletion of it (if any), theirs, the base.
fn decide(
    ours: Option<Timestamp>,
    deleted_here: Option<Timestamp>,
    theirs: Timestamp,
    base: Option<Timestamp>,
    pending: Option<Timestamp>,
) -> Action {
    match ours {
        None if deleted_here.is_some_and(|d| d >= theirs) => Action::Skip,
        None => Action::Add,
        Some(o) if o == theirs => Action::Keep,
        Some(o) => {
            // Already kept as a conflict: the same (or an older) version of theirs is no news.
            if pending.is_some_and(|p| theirs <= p) {
                return Action::Keep;
            }
            if base.is_some_and(|b| o > b && theirs > b) {
                Action::Conflict
            } else if theirs > o {
                Action::Update
            } else {
                Action::Keep
            }
        }
    }
}

/// Computes what importing `file` would do, writing nothing. Validates the file first (see
/// [`validate`](super::validate)); progress must name measures and schools the file or the store holds
/// (or that were deleted here: such records are skipped).
pub fn preview(store: &Store, file: &ExchangeFile) -> Result<ImportPreview, ExchangeError> {
    let declared = super::validate_inner(file)?;
    // Who wrote the file, its time stamps and its references, before any decision rests on them.
    super::trust::check(store, file, crate::model::now())?;

    let mut decider = Decider {
        store,
        base: base_of(store, file)?,
        memory: Memory::load(store)?,
        tally: Tally::default(),
        decisions: Decisions::default(),
    };
    // Schools first: progress refers to them.
    let schools_gone = decider.schools(file)?;
    let measures_gone = decider.plans(file)?;
    decider.progress(file, &declared, &schools_gone, &measures_gone)?;
    decider.deletions(file)?;

    let Decider {
        base,
        tally,
        decisions,
        ..
    } = decider;
    Ok(ImportPreview {
        origin: file.origin.clone(),
        exported_at: file.exported_at,
        base,
        plan_ids: file.plans.iter().map(|p| p.id).collect(),
        counts: tally.counts,
        items: tally.items,
        notes: Vec::new(),
        decisions,
    })
}

/// The time both sides last agreed on: the newest file seen from the file's office, or the newest of ours
/// the file says its office has seen; none for a file of our own or of no office.
fn base_of(store: &Store, file: &ExchangeFile) -> Result<Option<Timestamp>, ExchangeError> {
    let own_id = store.meta(META_OFFICE_ID)?.unwrap_or_default();
    if !file.origin.id.is_empty() && file.origin.id == own_id {
        return Ok(None);
    }
    let mut base = if file.origin.id.is_empty() {
        None
    } else {
        store.sync_origin(&file.origin.id)?.map(|o| o.exported_at)
    };
    if let Some(&seen) = file.seen.get(&own_id).filter(|_| !own_id.is_empty()) {
        base = base.max(Some(seen));
    }
    Ok(base)
}

/// What this database remembers that decisions rest on: its deletions and the conflicts it keeps.
struct Memory {
    tombs: HashMap<(RecordKind, String), Timestamp>,
    pending: HashMap<(RecordKind, String), Timestamp>,
}

impl Memory {
    fn load(store: &Store) -> Result<Self, ExchangeError> {
        Ok(Self {
            tombs: store
                .tombstones()?
                .into_iter()
                .map(|t| ((t.kind, t.key), t.deleted_at))
                .collect(),
            pending: store
                .conflicts()?
                .into_iter()
                .map(|c| ((c.kind, c.key), c.theirs_at))
                .collect(),
        })
    }

    /// When we deleted the record (the key is built only when there are deletions at all).
    fn tomb(&self, kind: RecordKind, key: &dyn Fn() -> String) -> Option<Timestamp> {
        lookup(&self.tombs, kind, key)
    }

    /// Their version of the record already kept as a conflict.
    fn pend(&self, kind: RecordKind, key: &dyn Fn() -> String) -> Option<Timestamp> {
        lookup(&self.pending, kind, key)
    }
}

fn lookup(
    map: &HashMap<(RecordKind, String), Timestamp>,
    kind: RecordKind,
    key: &dyn Fn() -> String,
) -> Option<Timestamp> {
    if map.is_empty() {
        None
    } else {
        map.get(&(kind, key())).copied()
    }
}

/// The preview's counts per kind and the items that would change something.
#[derive(Default)]
struct Tally {
    counts: [KindCounts; 5],
    items: Vec<PreviewItem>,
}

impl Tally {
    fn note(
        &mut self,
        kind: RecordKind,
        action: Action,
        index: usize,
        from_deleted: bool,
    ) -> Action {
        self.counts[kind as usize].count(action);
        if !matches!(action, Action::Keep | Action::Skip) {
            self.items.push(PreviewItem {
                kind,
                action,
                index,
                from_deleted,
            });
        }
        action
    }
}

/// Decides, kind by kind, what each record of a file would do to the store.
struct Decider<'a> {
    store: &'a Store,
    base: Option<Timestamp>,
    memory: Memory,
    tally: Tally,
    decisions: Decisions,
}

impl Decider<'_> {
    /// The decision for one record of `kind` that we may hold under `key`, theirs changed at `theirs`.
    fn record(
        &self,
        kind: RecordKind,
        key: &dyn Fn() -> String,
        theirs: Timestamp,
    ) -> Result<Action, ExchangeError> {
        Ok(decide(
            self.store.updated_at(kind, &key())?,
            self.memory.tomb(kind, key),
            theirs,
            self.base,
            self.memory.pend(kind, key),
        ))
    }

    /// A record held by another (a section by its plan, a measure by its section): skipped with it, else
    /// decided as [`Self::record`] does.
    fn record_within(
        &self,
        holder: Action,
        kind: RecordKind,
        key: &dyn Fn() -> String,
        theirs: Timestamp,
    ) -> Result<Action, ExchangeError> {
        if holder == Action::Skip {
            return Ok(Action::Skip);
        }
        self.record(kind, key, theirs)
    }

    /// The file's schools; returns those deleted here (their progress is skipped).
    fn schools(&mut self, file: &ExchangeFile) -> Result<HashSet<Id>, ExchangeError> {
        let mut gone = HashSet::new();
        for (i, s) in file.schools.iter().enumerate() {
            let action = self.record(RecordKind::School, &|| s.id.to_string(), s.updated_at)?;
            if action == Action::Skip {
                gone.insert(s.id);
            }
            let action = self.tally.note(RecordKind::School, action, i, false);
            self.decisions.schools.push(action);
        }
        Ok(gone)
    }

    /// The file's plans, sections and measures (what a deleted plan or section holds is skipped with it);
    /// returns the measures skipped (their progress is skipped).
    fn plans(&mut self, file: &ExchangeFile) -> Result<HashSet<Id>, ExchangeError> {
        let (mut si, mut mi) = (0, 0);
        let mut gone = HashSet::new();
        for (pi, plan) in file.plans.iter().enumerate() {
            let plan_action =
                self.record(RecordKind::Plan, &|| plan.id.to_string(), plan.updated_at)?;
            let plan_action = self.tally.note(RecordKind::Plan, plan_action, pi, false);
            self.decisions.plans.push(plan_action);
            for section in &plan.sections {
                let key = || section.id.to_string();
                let action =
                    self.record_within(plan_action, RecordKind::Section, &key, section.updated_at)?;
                let action = self.tally.note(RecordKind::Section, action, si, false);
                self.decisions.sections.push(action);
                si += 1;
                for measure in &section.measures {
                    let key = || measure.id.to_string();
                    let m_action =
                        self.record_within(action, RecordKind::Measure, &key, measure.updated_at)?;
                    if m_action == Action::Skip {
                        gone.insert(measure.id);
                    }
                    let m_action = self.tally.note(RecordKind::Measure, m_action, mi, false);
                    self.decisions.measures.push(m_action);
                    mi += 1;
                }
            }
        }
        Ok(gone)
    }

    /// Progress: its measure and school must be in the file or here; deleted here → skipped.
    fn progress(
        &mut self,
        file: &ExchangeFile,
        declared: &super::Declared,
        schools_gone: &HashSet<Id>,
        measures_gone: &HashSet<Id>,
    ) -> Result<(), ExchangeError> {
        let mut known_measures: HashMap<Id, bool> = HashMap::new();
        let mut known_schools: HashMap<Id, bool> = HashMap::new();
        // Our records' `updated_at`, fetched per measure (the file lists progress by measure): one query
        // for a measure's records instead of one per record.
        let mut stored: Option<(Id, ProgressTimes)> = None;
        let mut fetched: HashSet<Id> = HashSet::new();
        for (i, p) in file.progress.iter().enumerate() {
            let mut gone = measures_gone.contains(&p.measure_id)
                || p.school_id.is_some_and(|s| schools_gone.contains(&s));
            if !gone && !declared.measures.contains(&p.measure_id) {
                let present = cached(&mut known_measures, p.measure_id, |id| {
                    self.store.has_measure(id)
                })?;
                if !present {
                    let key = || p.measure_id.to_string();
                    if self.memory.tomb(RecordKind::Measure, &key).is_none() {
                        return Err(ExchangeError::UnknownMeasure(p.measure_id));
                    }
                    gone = true;
                }
            }
            if let Some(school) = p.school_id
                && !gone
                && !declared.schools.contains(&school)
            {
                let present = cached(&mut known_schools, school, |id| self.store.has_school(id))?;
                if !present {
                    if self
                        .memory
                        .tomb(RecordKind::School, &|| school.to_string())
                        .is_none()
                    {
                        return Err(ExchangeError::UnknownSchool(school));
                    }
                    gone = true;
                }
            }
            let key = || progress_key(p.measure_id, p.school_id, p.due);
            let action = if gone {
                Action::Skip
            } else {
                let current = stored.as_ref().is_some_and(|(m, _)| *m == p.measure_id);
                let ours = if current || fetched.insert(p.measure_id) {
                    if !current {
                        stored = Some((p.measure_id, self.store.progress_times(p.measure_id)?));
                    }
                    stored
                        .as_ref()
                        .and_then(|(_, times)| times.get(&(p.school_id, p.due)).copied())
                } else {
                    // A measure met again out of order (a hand-made file): one record at a time.
                    self.store
                        .progress_updated_at(p.measure_id, p.school_id, p.due)?
                };
                decide(
                    ours,
                    self.memory.tomb(RecordKind::Progress, &key),
                    p.updated_at,
                    self.base,
                    self.memory.pend(RecordKind::Progress, &key),
                )
            };
            let action = self.tally.note(RecordKind::Progress, action, i, false);
            self.decisions.progress.push(action);
        }
        Ok(())
    }

    /// Their deletions: a tombstone newer than our record deletes it.
    fn deletions(&mut self, file: &ExchangeFile) -> Result<(), ExchangeError> {
        for (i, del) in file.deleted.iter().enumerate() {
            let kind: RecordKind = del.kind.into();
            let key = del.key().expect("validated");
            let ours = self.store.updated_at(kind, &key)?;
            let action = match ours {
                None => Action::Keep,
                Some(o) if self.base.is_some_and(|b| o > b && del.deleted_at > b) => {
                    if self
                        .memory
                        .pending
                        .get(&(kind, key.clone()))
                        .is_some_and(|&p| del.deleted_at <= p)
                    {
                        Action::Keep
                    } else {
                        Action::Conflict
                    }
                }
                Some(o) if del.deleted_at > o => Action::Delete,
                Some(_) => Action::Keep,
            };
            let action = self.tally.note(kind, action, i, true);
            self.decisions.deleted.push(action);
        }
        Ok(())
    }
}

/// Whether the store holds `id`, asked once per id.
fn cached(
    known: &mut HashMap<Id, bool>,
    id: Id,
    ask: impl FnOnce(Id) -> Result<bool, crate::store::StoreError>,
) -> Result<bool, ExchangeError> {
    if let Some(&k) = known.get(&id) {
        return Ok(k);
    }
    let k = ask(id)?;
    known.insert(id, k);
    Ok(k)
}

/// Writes what `preview` decided, in one transaction: all of it, or nothing. Then remembers the file as
/// the newest seen from its office (not for our own files).
pub fn apply(
    store: &mut Store,
    file: &ExchangeFile,
    preview: &ImportPreview,
) -> Result<ImportSummary, ExchangeError> {
    let own_id = store.meta(META_OFFICE_ID)?.unwrap_or_default();
    let names = if preview.conflict_count() > 0 {
        Names::collect(store, file)
    } else {
        Names::default()
    };
    let mut applying = Applying {
        file,
        preview,
        names,
        now: crate::model::now(),
        items: preview.items.iter(),
    };
    let mut values = 0;
    store.write(|w| {
        applying.schools(w)?;
        applying.plans(w)?;
        applying.progress(w)?;
        values = super::merge_values::merge_values(w, file)?;
        applying.deletions(w)?;
        if !file.origin.id.is_empty() && file.origin.id != own_id {
            w.set_sync_origin(&file.origin.id, &file.origin.office, &file.exported_at)?;
        }
        Ok(())
    })?;
    let mut summary = summary_of(preview);
    summary.values = values;
    Ok(summary)
}

/// The steps of [`apply`], in one transaction: each writes the records of one kind as the preview decided,
/// and keeps "theirs" of a conflict beside ours.
struct Applying<'a> {
    file: &'a ExchangeFile,
    preview: &'a ImportPreview,
    names: Names,
    /// When the conflicts were found.
    now: Timestamp,
    /// The preview's items, met in the order the steps go through the file (titles of conflicts).
    items: std::slice::Iter<'a, PreviewItem>,
}

impl Applying<'_> {
    /// "Theirs" of a conflict, as the conflicts list keeps it.
    fn conflict(
        &self,
        kind: RecordKind,
        key: String,
        title: String,
        theirs: String,
        at: Timestamp,
    ) -> ConflictRecord {
        ConflictRecord {
            kind,
            key,
            title,
            origin_id: self.file.origin.id.clone(),
            office: self.file.origin.office.clone(),
            theirs,
            theirs_at: at,
            detected_at: self.now,
        }
    }

    /// How the preview names the record `index` of `kind` (or of the deletions).
    fn title(&mut self, kind: RecordKind, index: usize, from_deleted: bool) -> String {
        let (file, preview, names) = (self.file, self.preview, &self.names);
        self.items
            .find(|it| it.kind == kind && it.index == index && it.from_deleted == from_deleted)
            .map(|it| preview.describe(file, it, names))
            .unwrap_or_default()
    }

    /// Keeps "theirs" of the record `index` of `kind` (or of the deletions) as a conflict, titled as the
    /// preview names it.
    fn keep_theirs(
        &mut self,
        w: &mut Writer<'_>,
        (kind, index, from_deleted): (RecordKind, usize, bool),
        key: String,
        theirs: String,
        at: Timestamp,
    ) -> crate::store::Result<()> {
        let title = self.title(kind, index, from_deleted);
        w.put_conflict(&self.conflict(kind, key, title, theirs, at))
    }

    fn schools(&mut self, w: &mut Writer<'_>) -> crate::store::Result<()> {
        let d = &self.preview.decisions;
        for (s, &a) in self.file.schools.iter().zip(&d.schools) {
            match a {
                Action::Add | Action::Update => w.put_school(s)?,
                Action::Conflict => w.put_conflict(&self.conflict(
                    RecordKind::School,
                    s.id.to_string(),
                    s.name.clone(),
                    serde_json::to_string(s).unwrap_or_default(),
                    s.updated_at,
                ))?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Plans' headers, their sections and their measures (due dates derived again from the verbatim
    /// deadline: derived data is not taken from a file).
    fn plans(&mut self, w: &mut Writer<'_>) -> crate::store::Result<()> {
        let (file, d) = (self.file, &self.preview.decisions);
        let (mut si, mut mi) = (0, 0);
        for (pi, plan) in file.plans.iter().enumerate() {
            match d.plans[pi] {
                Action::Add | Action::Update => w.put_plan_header(plan)?,
                Action::Conflict => w.put_conflict(&self.conflict(
                    RecordKind::Plan,
                    plan.id.to_string(),
                    plan.title.clone(),
                    serde_json::to_string(&plan.header()).unwrap_or_default(),
                    plan.updated_at,
                ))?,
                _ => {}
            }
            for (position, section) in plan.sections.iter().enumerate() {
                let mut header = section.clone();
                header.measures.clear();
                match d.sections[si] {
                    Action::Add | Action::Update => {
                        w.put_section_header(plan.id, position, &header)?
                    }
                    Action::Conflict => self.keep_theirs(
                        w,
                        (RecordKind::Section, si, false),
                        section.id.to_string(),
                        serde_json::to_string(&header).unwrap_or_default(),
                        section.updated_at,
                    )?,
                    _ => {}
                }
                si += 1;
                for (position, measure) in section.measures.iter().enumerate() {
                    match d.measures[mi] {
                        Action::Add | Action::Update => {
                            let measure = crate::schedule::with_derived_due(measure, plan.period);
                            w.put_measure(section.id, position, &measure)?
                        }
                        Action::Conflict => self.keep_theirs(
                            w,
                            (RecordKind::Measure, mi, false),
                            measure.id.to_string(),
                            serde_json::to_string(measure).unwrap_or_default(),
                            measure.updated_at,
                        )?,
                        _ => {}
                    }
                    mi += 1;
                }
            }
        }
        Ok(())
    }

    /// Progress records. A big file's records are counted once after they are all in
    /// (`Writer::progress_in_bulk_counted`): the new ones from memory, the measures of replaced ones again
    /// from their records.
    fn progress(&mut self, w: &mut Writer<'_>) -> crate::store::Result<()> {
        let records = self
            .file
            .progress
            .iter()
            .zip(&self.preview.decisions.progress);
        let added: Vec<&Progress> = (records.clone())
            .filter(|(_, a)| **a == Action::Add)
            .map(|(p, _)| p)
            .collect();
        let replaced: Vec<Id> = (records.clone())
            .filter(|(_, a)| **a == Action::Update)
            .map(|(p, _)| p.measure_id)
            .collect();
        w.progress_in_bulk_counted(&replaced, &added, added.len() + replaced.len(), |w| {
            for (i, (p, &a)) in records.clone().enumerate() {
                if a == Action::Conflict {
                    self.keep_theirs(
                        w,
                        (RecordKind::Progress, i, false),
                        progress_key(p.measure_id, p.school_id, p.due),
                        serde_json::to_string(p).unwrap_or_default(),
                        p.updated_at,
                    )?
                }
            }
            w.put_progress_all(
                (records.clone())
                    .filter(|(_, a)| matches!(a, Action::Add | Action::Update))
                    .map(|(p, _)| p),
            )
        })
    }

    /// Their deletions: applied or kept as conflicts, and every tombstone kept to pass on — a deletion
    /// travels on to the offices we exchange with.
    fn deletions(&mut self, w: &mut Writer<'_>) -> crate::store::Result<()> {
        let (file, d) = (self.file, &self.preview.decisions);
        for (i, (del, &a)) in file.deleted.iter().zip(&d.deleted).enumerate() {
            let kind: RecordKind = del.kind.into();
            let key = del.key().expect("validated");
            match a {
                Action::Delete => w.delete_for_import(kind, &key)?,
                Action::Conflict => self.keep_theirs(
                    w,
                    (kind, i, true),
                    key.clone(),
                    "null".into(),
                    del.deleted_at,
                )?,
                _ => {}
            }
            w.put_tombstone(kind, &key, &del.deleted_at)?;
        }
        Ok(())
    }
}

/// The summary of an import as [`ImportSummary`] (counts per kind).
pub fn summary_of(preview: &ImportPreview) -> ImportSummary {
    let c = |k: RecordKind| {
        let k = preview.counts[k as usize];
        Counts {
            added: k.added,
            updated: k.updated,
            kept: k.kept,
            deleted: k.deleted,
            conflicts: k.conflicts,
        }
    };
    ImportSummary {
        plan_ids: preview.plan_ids.clone(),
        plans: c(RecordKind::Plan),
        sections: c(RecordKind::Section),
        measures: c(RecordKind::Measure),
        schools: c(RecordKind::School),
        progress: c(RecordKind::Progress),
        values: 0,
        notes: preview.notes.clone(),
    }
}
