//! A demo district: the bundled Ivanteevka road map, 20 schools with categories, and progress as it might
//! stand on 15.03.2022 — for screenshots and trying the Школы screen.
//!
//! ```text
//! cargo run --release --example demo_district -- demo.sqlite
//! roadmap-planner --db demo.sqlite --today 2022-03-15 --screen schools
//! ```
//!
//! The data are made up but deterministic (a fixed pseudo-random sequence): some schools are well ahead,
//! some far behind; done marks carry an order number and sometimes a link; two indicators get actual values.

use chrono::{Datelike, Duration, NaiveDate, TimeZone};
use roadmap_planner::model::{
    Category, CriterionValue, IndicatorValue, Progress, School, Status, Timestamp,
};
use roadmap_planner::stats::occurrences::occurrence_dues;
use roadmap_planner::store::Store;

/// The demo's "today".
const TODAY: (i32, u32, u32) = (2022, 3, 15);

/// Full name, short name, kind, categories.
const SCHOOLS: [(&str, &str, &str, &[Category]); 17] = [
    (
        "МОУ «СОШ № 1 с. Ивантеевка»",
        "СОШ № 1 с. Ивантеевка",
        "СОШ",
        &[Category::Leader, Category::Curator],
    ),
    (
        "МОУ «СОШ № 2 с. Ивантеевка»",
        "СОШ № 2 с. Ивантеевка",
        "СОШ",
        &[Category::Partner],
    ),
    ("МОУ «СОШ с. Николаевка»", "СОШ с. Николаевка", "СОШ", &[]),
    (
        "МОУ «СОШ с. Яблоновый Гай»",
        "СОШ с. Яблоновый Гай",
        "СОШ",
        &[Category::Shnsu],
    ),
    (
        "МОУ «ООШ с. Чернава»",
        "ООШ с. Чернава",
        "ООШ",
        &[Category::RiskZone],
    ),
    ("МОУ «СОШ с. Канаёвка»", "СОШ с. Канаёвка", "СОШ", &[]),
    (
        "МОУ «ООШ п. Степной»",
        "ООШ п. Степной",
        "ООШ",
        &[Category::Shnor, Category::RiskZone],
    ),
    ("МОУ «СОШ с. Клевенка»", "СОШ с. Клевенка", "СОШ", &[]),
    (
        "МОУ «ООШ с. Раевка»",
        "ООШ с. Раевка",
        "ООШ",
        &[Category::Shnsu],
    ),
    ("МОУ «СОШ с. Луговское»", "СОШ с. Луговское", "СОШ", &[]),
    ("МОУ «НОШ с. Журавлиха»", "НОШ с. Журавлиха", "НОШ", &[]),
    (
        "МОУ «ООШ с. Гусиха»",
        "ООШ с. Гусиха",
        "ООШ",
        &[Category::Shnor],
    ),
    ("МОУ «СОШ с. Горелый Гай»", "СОШ с. Горелый Гай", "СОШ", &[]),
    (
        "МОУ «ООШ с. Малая Таволожка»",
        "ООШ с. Малая Таволожка",
        "ООШ",
        &[Category::RiskZone],
    ),
    ("МОУ «СОШ с. Толстовка»", "СОШ с. Толстовка", "СОШ", &[]),
    ("МОУ «НОШ п. Восточный»", "НОШ п. Восточный", "НОШ", &[]),
    (
        "МОУ «Гимназия с. Ивантеевка»",
        "Гимназия с. Ивантеевка",
        "Гимназия",
        &[Category::Leader],
    ),
];

const DIRECTORS: [&str; 6] = [
    "Иванова Анна Петровна",
    "Кузнецов Сергей Иванович",
    "Соколова Мария Владимировна",
    "Попова Елена Николаевна",
    "Лебедев Андрей Михайлович",
    "Морозова Ольга Сергеевна",
];

/// A small deterministic pseudo-random sequence (xorshift), so every run makes the same district.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() % 10_000) as f64 / 10_000.0
    }
}

fn at_ten(d: NaiveDate) -> Timestamp {
    chrono::Utc.from_utc_datetime(&d.and_hms_opt(7, 0, 0).expect("valid time"))
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("укажите файл базы: demo_district ФАЙЛ.sqlite"))?;
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("valid date");
    let mut store = Store::open(std::path::Path::new(&path))?;
    let plan_id = roadmap_planner::example::load_example(&mut store)?;
    let plan = store.load_plan(plan_id)?;
    let mut schools = store.schools()?;
    for (i, (name, short, kind, categories)) in SCHOOLS.iter().enumerate() {
        let mut school = School::new(*name);
        school.short_name = (*short).into();
        school.kind = (*kind).into();
        school.district = "Ивантеевский муниципальный район".into();
        school.director = DIRECTORS[i % DIRECTORS.len()].into();
        school.contacts = format!(
            "8 (84579) 5-1{i:02}-{:02}; school{}@ivanteevka.example",
            10 + i,
            i + 4
        );
        school.categories = categories.to_vec();
        school.updated_at = at_ten(NaiveDate::from_ymd_opt(2022, 1, 24).expect("valid date"));
        schools.push(school);
    }
    for s in schools
        .iter_mut()
        .filter(|s| s.categories.contains(&Category::Shnor))
    {
        s.curator = "СОШ № 1 с. Ивантеевка".into();
    }

    let mut rng = Rng(0x5eed_2022_0315);
    let mut progress = Vec::new();
    let mut order = 100;
    for (k, school) in schools.iter().enumerate() {
        // How diligent the school is: from far behind to nearly all done.
        let diligence = if school.categories.contains(&Category::Leader) {
            0.95
        } else {
            0.25 + 0.72 * ((k * 7) % 20) as f64 / 19.0
        };
        for measure in plan.measures() {
            for due in occurrence_dues(measure) {
                let roll = rng.unit();
                let (status, done_on) = match due {
                    Some(d) if d <= today => {
                        if roll < diligence {
                            let early = Duration::days((rng.next() % 20) as i64);
                            (Status::Done, Some(d - early))
                        } else if roll < diligence + 0.08 {
                            (Status::InProgress, None)
                        } else if roll < diligence + 0.12 {
                            (Status::NotDone, None)
                        } else {
                            continue;
                        }
                    }
                    Some(d) => {
                        if roll < diligence * 0.12 {
                            let done = today - Duration::days((rng.next() % 40) as i64);
                            (Status::Done, Some(done.min(d)))
                        } else if roll < diligence * 0.4 {
                            (Status::InProgress, None)
                        } else {
                            continue;
                        }
                    }
                    None => {
                        if roll < diligence * 0.5 {
                            let done = today - Duration::days((rng.next() % 150) as i64);
                            (Status::Done, Some(done))
                        } else {
                            continue;
                        }
                    }
                };
                let changed = done_on.unwrap_or(today - Duration::days((rng.next() % 30) as i64));
                let evidence = match done_on {
                    Some(d) => {
                        order += 1;
                        let text = format!("Приказ № {order}-од от {}", d.format("%d.%m.%Y"));
                        if order % 3 == 0 {
                            format!(
                                "{text}\nhttps://school{}.ivanteevka.example/docs/{order}.pdf",
                                k + 1
                            )
                        } else {
                            text
                        }
                    }
                    None => String::new(),
                };
                progress.push(Progress {
                    measure_id: measure.id,
                    school_id: Some(school.id),
                    due,
                    status,
                    done_on,
                    evidence,
                    comment: if status == Status::NotDone {
                        "Перенесено: нет специалиста".into()
                    } else {
                        String::new()
                    },
                    updated_at: at_ten(changed.min(today)),
                    by: "Заместитель директора по УВР".into(),
                });
            }
        }
    }

    let mut values = Vec::new();
    for indicator in plan.indicators.iter().filter(|i| !i.targets.is_empty()) {
        values.push(IndicatorValue {
            indicator_id: indicator.id,
            school_id: None,
            year: 2022,
            value: 86.0,
            updated_at: at_ten(today),
        });
        for (k, school) in schools.iter().enumerate() {
            for (year, base) in [(2021, 55.0), (2022, 70.0)] {
                if year == 2021 && today.year() == 2022 && k % 2 == 1 {
                    continue;
                }
                values.push(IndicatorValue {
                    indicator_id: indicator.id,
                    school_id: Some(school.id),
                    year,
                    value: (base + (rng.next() % 30) as f64).min(100.0),
                    updated_at: at_ten(today),
                });
            }
        }
    }
    let risk = schools
        .iter()
        .find(|s| s.short_name == "ООШ п. Степной")
        .map(|s| s.id);
    let criteria: Vec<CriterionValue> = risk
        .into_iter()
        .flat_map(|school| {
            [
                ("shnor.oge_math", 3.0),
                ("shnor.oge_russian", 3.3),
                ("shnor.upper_level", 48.0),
                ("risk.teacher_shortage", 1.0),
                ("risk.remoteness", 1.0),
                ("risk.internet", 1.0),
                ("risk.computers", 0.0),
            ]
            .into_iter()
            .map(move |(criterion, value)| CriterionValue {
                school_id: school,
                criterion: criterion.into(),
                value,
                updated_at: at_ten(today),
            })
        })
        .collect();

    store.write(|w| {
        for s in &schools {
            w.put_school(s)?;
        }
        for p in &progress {
            w.put_progress(p)?;
        }
        for v in &values {
            w.put_indicator_value(v)?;
        }
        for c in &criteria {
            w.put_criterion_value(c)?;
        }
        Ok(())
    })?;
    println!(
        "Демонстрационный район записан в {path}: план «{}», школ {}, отметок о выполнении {}.",
        plan.title,
        schools.len(),
        progress.len()
    );
    println!(
        "Открыть: roadmap-planner --db {path} --today {} --screen schools",
        today.format("%Y-%m-%d")
    );
    Ok(())
}
