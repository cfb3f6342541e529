//! One progress record per (district measure, school, occurrence): the migration that moves progress kept
//! on a school plan's copies of district measures onto the district measures themselves.
//!
//! Where the district measure already has a record for the same school and date, the newer record wins
//! and the other is kept in the conflicts table for the user (nothing is dropped).

use rusqlite::{OptionalExtension, Transaction, params};

use super::read::progress_row;
use super::sync::{RecordKind, progress_key};
use super::{Result, codec};
use crate::model::Progress;

/// The origin named on conflicts this migration leaves.
pub const MIGRATION_ORIGIN: &str = "migration";

/// Moves the progress of school-plan measures taken from a district measure (that the database holds)
/// onto that district measure. Runs inside the migration's transaction.
pub(crate) fn move_copies(tx: &Transaction<'_>) -> Result<()> {
    let moves: Vec<(Progress, uuid::Uuid, String)> = {
        let mut stmt = tx.prepare(
            "SELECT p.measure_id, p.school_id, p.due, p.status, p.done_on, p.evidence, p.comment,
                    p.updated_at, p.by, m.source_measure, src.title
               FROM progress p JOIN measures m ON p.measure_id = m.id
               JOIN sections s ON m.section_id = s.id
               JOIN plans pl ON pl.id = s.plan_id
               JOIN measures src ON src.id = m.source_measure
              WHERE pl.owner_school IS NOT NULL AND pl.owner_school <> ''
              ORDER BY p.measure_id, p.school_id, p.due",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let record = progress_row(r)?;
            let source = codec::id(&r.get::<_, String>(9)?)?;
            out.push((record, source, r.get(10)?));
        }
        out
    };
    for (copy, source, title) in moves {
        tx.prepare_cached(
            "DELETE FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
        )?
        .execute(params![
            copy.measure_id.to_string(),
            codec::school_text(copy.school_id),
            codec::opt_date_text(copy.due)
        ])?;
        let moved = Progress {
            measure_id: source,
            ..copy
        };
        let existing: Option<Progress> = tx
            .prepare_cached(
                "SELECT measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by
                   FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
            )?
            .query_row(
                params![
                    source.to_string(),
                    codec::school_text(moved.school_id),
                    codec::opt_date_text(moved.due)
                ],
                |r| Ok(progress_row(r)),
            )
            .optional()?
            .transpose()?;
        let (winner, loser) = match existing {
            None => (moved, None),
            Some(ours) if moved.updated_at > ours.updated_at => (moved, Some(ours)),
            Some(ours) => (ours, Some(moved)),
        };
        put(tx, &winner)?;
        if let Some(loser) = loser
            && loser != winner
        {
            keep_as_conflict(tx, &loser, &title)?;
        }
    }
    Ok(())
}

fn put(tx: &Transaction<'_>, p: &Progress) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO progress (measure_id, school_id, due, status, done_on, evidence, comment,
                                          updated_at, by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        p.measure_id.to_string(),
        codec::school_text(p.school_id),
        codec::opt_date_text(p.due),
        p.status.as_str(),
        p.done_on.map(codec::date_text),
        p.evidence,
        p.comment,
        codec::timestamp_text(&p.updated_at),
        p.by
    ])?;
    Ok(())
}

fn keep_as_conflict(tx: &Transaction<'_>, loser: &Progress, title: &str) -> Result<()> {
    let due = loser
        .due
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|| "без срока".into());
    tx.prepare_cached(
        "INSERT OR REPLACE INTO conflicts (kind, key, title, origin_id, office, theirs, theirs_at,
                                           detected_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        RecordKind::Progress.as_str(),
        progress_key(loser.measure_id, loser.school_id, loser.due),
        format!("{title} — {due} (отметка из плана школы, при обновлении базы)"),
        MIGRATION_ORIGIN,
        "",
        codec::json(loser),
        codec::timestamp_text(&loser.updated_at),
        codec::timestamp_text(&crate::model::now())
    ])?;
    Ok(())
}
