use super::*;
use crate::model::fixtures::date;
use crate::model::{Measure, Period, Section, Status};

fn ts(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// A small file: one plan of two sections, two schools, progress for every measure and school.
fn sample() -> ExchangeFile {
    let t = ts("2022-01-24T00:00:00Z");
    let mut plan = Plan::new("План", Period::school_year(2021));
    plan.updated_at = t;
    for n in 1..=2 {
        let mut section = Section::new(n.to_string(), format!("Направление {n}"));
        section.updated_at = t;
        for k in 1..=3 {
            let mut m = Measure::new(format!("{n}.{k}"), format!("Мероприятие {n}.{k}"));
            m.deadline = "в течение года".into();
            m.due = vec![date(2022, 8, 31)];
            m.updated_at = t;
            section.measures.push(m);
        }
        plan.sections.push(section);
    }
    let schools: Vec<School> = ["СОШ № 1", "СОШ № 2"]
        .iter()
        .map(|name| School {
            updated_at: t,
            ..School::new(*name)
        })
        .collect();
    let mut progress = Vec::new();
    for m in plan.measures() {
        for s in &schools {
            progress.push(Progress {
                measure_id: m.id,
                school_id: Some(s.id),
                due: Some(date(2022, 8, 31)),
                status: Status::Planned,
                done_on: None,
                evidence: String::new(),
                comment: String::new(),
                updated_at: t,
                by: String::new(),
            });
        }
    }
    ExchangeFile {
        exported_at: t,
        ..ExchangeFile::new(Origin::default(), vec![plan], schools, progress)
    }
}

fn json_of(file: &ExchangeFile) -> String {
    to_json(file)
}

fn parse_str(text: &str) -> Result<ExchangeFile, ExchangeError> {
    parse(text.as_bytes())
}

/// The sample as JSON with one textual replacement made.
fn sample_with(from: &str, to: &str) -> String {
    let text = json_of(&sample());
    assert!(text.contains(from), "{from} not in the sample");
    text.replacen(from, to, 1)
}

#[test]
fn a_written_file_reads_back_equal() {
    let file = sample();
    let text = to_json(&file);
    assert_eq!(parse_str(&text).unwrap(), file);
    assert_eq!(
        to_json(&parse_str(&text).unwrap()),
        text,
        "not deterministic"
    );
    assert!(text.ends_with("}\n"));
    // The same JSON value as serde's own form of the file, progress one record per line.
    let ours: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(ours, serde_json::to_value(&file).unwrap());
    assert_eq!(
        text.lines()
            .filter(|l| l.contains("\"measure_id\""))
            .count(),
        file.progress.len()
    );
    // The fields of DESIGN §3 are there by their names.
    for key in [
        "\"format\": \"roadmap-planner\"",
        "\"version\": 2",
        "\"exported_at\"",
        "\"origin\"",
        "\"deadline\"",
        "\"due\": [",
        "\"measure_id\"",
        "\"done_on\"",
    ] {
        assert!(text.contains(key), "{key} missing");
    }
    let empty = ExchangeFile::new(Origin::default(), Vec::new(), Vec::new(), Vec::new());
    let text = to_json(&empty);
    assert!(
        text.ends_with("\"schools\": [],\n  \"progress\": []\n}\n"),
        "{text}"
    );
    assert_eq!(parse_str(&text).unwrap(), empty);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(json_of(&sample()).as_bytes());
    assert!(parse(&bytes).is_ok());
}

#[test]
fn empty_files_are_refused() {
    for text in ["", "   \n\t", "\u{feff}"] {
        let err = parse_str(text).unwrap_err();
        assert!(matches!(err, ExchangeError::Empty), "{text:?}: {err}");
        assert!(err.to_string().contains("пуст"));
    }
}

#[test]
fn binary_garbage_is_refused() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let err = parse(&garbage).unwrap_err();
    assert!(matches!(err, ExchangeError::NotText), "{err}");
    assert!(err.to_string().contains("UTF-8"));
    let err = parse(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
    assert!(matches!(err, ExchangeError::NotText), "{err}");
    let err = parse(b"\xFF\xFE{\0}\0").unwrap_err();
    assert!(matches!(err, ExchangeError::Utf16), "{err}");
}

#[test]
fn broken_json_names_line_and_column() {
    let err = parse_str("{\n  \"format\": \"roadmap-planner\",\n  \"version\" 1\n}").unwrap_err();
    match err {
        ExchangeError::Syntax { line, column } => {
            assert_eq!(line, 3);
            assert!(column > 0);
        }
        other => panic!("{other}"),
    }
    let message = parse_str("{\"format\": ]").unwrap_err().to_string();
    assert!(message.contains("строка 1, столбец"), "{message}");
    // Something after the object.
    let text = json_of(&sample()) + "x";
    assert!(matches!(
        parse_str(&text),
        Err(ExchangeError::Syntax { .. })
    ));
}

#[test]
fn truncated_files_say_so() {
    let text = json_of(&sample());
    let cut = &text[..text.len() / 2];
    let err = parse_str(cut).unwrap_err();
    assert!(matches!(err, ExchangeError::Truncated { .. }), "{err}");
    assert!(err.to_string().contains("обрезан"), "{err}");
    // Cut inside a Cyrillic letter.
    let at = text.find("План").unwrap() + 1;
    let err = parse(&text.as_bytes()[..at]).unwrap_err();
    assert!(matches!(err, ExchangeError::Truncated { .. }), "{err}");
}

#[test]
fn another_programs_json_is_refused() {
    for text in [
        r#"{"name": "package", "version": "1.0.0"}"#,
        r#"{"format": "other-program", "version": 1}"#,
        r#"{"format": 5}"#,
        r#"[1, 2, 3]"#,
        r#""roadmap-planner""#,
        "42",
    ] {
        let err = parse_str(text).unwrap_err();
        assert!(
            matches!(err, ExchangeError::NotOurFormat { .. }),
            "{text}: {err}"
        );
        assert!(err.to_string().contains("не файл обмена"), "{err}");
    }
    let err = parse_str(r#"{"format": "other-program"}"#).unwrap_err();
    assert!(err.to_string().contains("«other-program»"), "{err}");
}

#[test]
fn a_newer_version_is_refused_before_its_content_is_read() {
    // Version 3 may hold anything: its content is not looked at.
    let text = r#"{"format": "roadmap-planner", "version": 3, "plans": {"new": "shape"}}"#;
    let err = parse_str(text).unwrap_err();
    assert!(matches!(err, ExchangeError::TooNew(3)), "{err}");
    assert!(
        err.to_string()
            .contains("файл создан более новой версией программы (версия 3")
            || err
                .to_string()
                .contains("Файл создан более новой версией программы (версия 3"),
        "{err}"
    );
    for version in ["0", "-1", "1.5", "\"1\"", "null"] {
        let text = format!(r#"{{"format": "roadmap-planner", "version": {version}}}"#);
        let err = parse_str(&text).unwrap_err();
        assert!(
            matches!(err, ExchangeError::BadVersion(_)),
            "{version}: {err}"
        );
    }
    let err = parse_str(r#"{"format": "roadmap-planner"}"#).unwrap_err();
    assert!(matches!(err, ExchangeError::BadVersion(_)), "{err}");
}

#[test]
fn bad_values_are_named_in_russian() {
    let cases = [
        (
            sample_with("\"2021-09-01\"", "\"2021-09-31\""),
            "неверная дата",
        ),
        (
            sample_with("\"2021-09-01\"", "\"01.09.2021\""),
            "неверная дата",
        ),
        (
            sample_with("\"status\":\"planned\"", "\"status\":\"finished\""),
            "«finished»",
        ),
        (
            sample_with("\"tasks\": []", "\"tasks\": \"одна задача\""),
            "неверный тип значения: строка \"одна задача\" вместо списка",
        ),
        (
            sample_with("\"title\": \"План\",", ""),
            "нет обязательного поля «title»",
        ),
        (
            {
                let file = sample();
                let id = file.plans[0].id.to_string();
                json_of(&file).replacen(&id, "not-a-uuid", 1)
            },
            "неверный идентификатор",
        ),
    ];
    for (text, expected) in cases {
        let err = parse_str(&text).unwrap_err();
        assert!(matches!(err, ExchangeError::Data { .. }), "{err}");
        let message = err.to_string();
        assert!(message.contains(expected), "{message}");
        assert!(message.contains("строка"), "{message}");
    }
}

#[test]
fn a_reversed_period_is_refused() {
    let mut file = sample();
    file.plans[0].period = Period::new(date(2022, 8, 31), date(2021, 9, 1));
    let err = parse_str(&json_of(&file)).unwrap_err();
    assert!(
        matches!(
            err,
            ExchangeError::InvalidPlan {
                error: ValidationError::PeriodReversed { .. },
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("31.08.2022"), "{err}");
}

#[test]
fn duplicate_ids_are_refused() {
    // A measure id used twice within a plan.
    let mut file = sample();
    let copy = file.plans[0].sections[0].measures[0].clone();
    file.plans[0].sections[1].measures.push(copy);
    let err = parse_str(&json_of(&file)).unwrap_err();
    assert!(err.to_string().contains("дважды"), "{err}");

    // The same section in two plans.
    let mut file = sample();
    let mut other = file.plans[0].clone();
    other.id = crate::model::new_id();
    other.sections.truncate(1);
    for m in &mut other.sections[0].measures {
        m.id = crate::model::new_id();
    }
    for i in &mut other.indicators {
        i.id = crate::model::new_id();
    }
    file.plans.push(other);
    let err = parse_str(&json_of(&file)).unwrap_err();
    assert!(
        matches!(
            err,
            ExchangeError::DuplicateId {
                what: "направление",
                ..
            }
        ),
        "{err}"
    );

    // Two schools with one id.
    let mut file = sample();
    let copy = file.schools[0].clone();
    file.schools.push(copy);
    assert!(matches!(
        parse_str(&json_of(&file)),
        Err(ExchangeError::DuplicateId {
            what: "школа", ..
        })
    ));

    // Two progress records for one occurrence.
    let mut file = sample();
    let copy = file.progress[0].clone();
    file.progress.push(copy);
    let err = parse_str(&json_of(&file)).unwrap_err();
    assert!(
        matches!(err, ExchangeError::DuplicateProgress { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("31.08.2022"), "{err}");
}

#[test]
fn an_oversized_buffer_is_refused() {
    let big = vec![b' '; MAX_FILE_SIZE as usize + 1];
    assert!(matches!(parse(&big), Err(ExchangeError::TooLarge { .. })));
}

#[test]
fn an_oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_SIZE + 1).unwrap();
    let err = read_file(&path).unwrap_err();
    assert!(matches!(err, ExchangeError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("(100,1 МБ)"), "{err}");
    assert!(err.to_string().contains("не больше 100 МБ"), "{err}");
    let err = read_file(dir.path().join("missing.json")).unwrap_err();
    assert!(err.to_string().contains("файл не найден"), "{err}");
    let err = read_file(dir.path()).unwrap_err();
    assert!(err.to_string().contains("папка"), "{err}");
}

#[test]
fn import_then_export_gives_the_same_file() {
    let file = sample();
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(&mut store, &file).unwrap();
    assert_eq!(summary.plans.added, 1);
    assert_eq!(summary.sections.added, 2);
    assert_eq!(summary.measures.added, 6);
    assert_eq!(summary.schools.added, 2);
    assert_eq!(summary.progress.added, 12);
    let mut back = export(&store, None, Origin::default()).unwrap();
    back.exported_at = file.exported_at;
    let mut expected = file.clone();
    expected.schools.sort_by(|a, b| a.name.cmp(&b.name));
    expected
        .progress
        .sort_by_key(|p| (p.measure_id.to_string(), p.school_id.map(|s| s.to_string())));
    assert_eq!(to_json(&back), to_json(&expected));

    let again = import(&mut store, &file).unwrap();
    assert!(!again.changed(), "{again}");
    assert_eq!(again.progress.kept, 12);
    assert!(again.to_string().contains("Изменений нет"), "{again}");
}

#[test]
fn newer_records_win_and_absence_deletes_nothing() {
    let file = sample();
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &file).unwrap();

    let mut newer = file.clone();
    let m = &mut newer.plans[0].sections[0].measures[0];
    m.title = "Новое название".into();
    m.updated_at = ts("2022-02-01T00:00:00Z");
    // An older edit of another measure loses.
    let m = &mut newer.plans[0].sections[0].measures[1];
    m.title = "Старое".into();
    m.updated_at = ts("2021-01-01T00:00:00Z");
    // A measure the file lacks stays.
    newer.plans[0].sections[1].measures.pop();
    newer.progress.clear();
    let summary = import(&mut store, &newer).unwrap();
    assert_eq!(summary.measures.updated, 1);
    assert_eq!(summary.measures.kept, 4);
    let plan = store.load_plan(file.plans[0].id).unwrap();
    assert_eq!(plan.sections[0].measures[0].title, "Новое название");
    assert_eq!(plan.sections[0].measures[1].title, "Мероприятие 1.2");
    assert_eq!(plan.measure_count(), 6);
    assert_eq!(store.progress(None).unwrap().len(), 12);
}

#[test]
fn progress_must_name_known_measures_and_schools() {
    let mut store = Store::open_in_memory().unwrap();
    let file = sample();
    import(&mut store, &file).unwrap();

    // Progress alone is fine when the store knows its measures and schools.
    let mut only_progress = file.clone();
    only_progress.plans.clear();
    only_progress.schools.clear();
    for p in &mut only_progress.progress {
        p.status = Status::Done;
        p.updated_at = ts("2022-03-01T00:00:00Z");
    }
    let summary = import(&mut store, &only_progress).unwrap();
    assert_eq!(summary.progress.updated, 12);

    let mut bad = only_progress.clone();
    let stranger = crate::model::new_id();
    bad.progress[5].measure_id = stranger;
    bad.progress[0].updated_at = ts("2023-01-01T00:00:00Z");
    let before = store.progress(None).unwrap();
    let err = import(&mut store, &bad).unwrap_err();
    assert!(
        matches!(err, ExchangeError::UnknownMeasure(id) if id == stranger),
        "{err}"
    );
    assert!(
        err.to_string().contains("нет ни в файле, ни в базе"),
        "{err}"
    );

    let mut bad = only_progress;
    bad.progress[3].school_id = Some(stranger);
    assert!(matches!(
        import(&mut store, &bad),
        Err(ExchangeError::UnknownSchool(id)) if id == stranger
    ));
    assert_eq!(
        store.progress(None).unwrap(),
        before,
        "a refused import wrote something"
    );
}

#[test]
fn a_failing_import_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut file = sample();
    file.plans[0].period = Period::new(date(2022, 8, 31), date(2021, 9, 1));
    assert!(import(&mut store, &file).is_err());
    assert!(store.list_plans().unwrap().is_empty());
    assert!(store.schools().unwrap().is_empty());
}

#[test]
fn export_of_one_plan_keeps_its_progress_only() {
    let mut store = Store::open_in_memory().unwrap();
    let first = sample();
    let mut second = sample();
    second.schools = first.schools.clone();
    for p in &mut second.progress {
        p.school_id = Some(first.schools[0].id);
    }
    second.progress.dedup_by_key(|p| p.measure_id);
    import(&mut store, &first).unwrap();
    import(&mut store, &second).unwrap();
    let all = export(&store, None, Origin::default()).unwrap();
    assert_eq!(all.plans.len(), 2);
    assert_eq!(all.progress.len(), 12 + 6);
    let one = export(&store, Some(second.plans[0].id), Origin::default()).unwrap();
    assert_eq!(one.plans.len(), 1);
    assert_eq!(one.progress.len(), 6);
    assert_eq!(one.schools.len(), 2);
    let missing = crate::model::new_id();
    assert!(matches!(
        export(&store, Some(missing), Origin::default()),
        Err(ExchangeError::PlanNotFound(_))
    ));
}

#[test]
fn the_office_id_is_made_once() {
    let mut store = Store::open_in_memory().unwrap();
    let first = office_origin(&mut store).unwrap();
    assert!(Id::parse_str(&first.id).is_ok());
    assert_eq!(first.office, "");
    assert_eq!(office_origin(&mut store).unwrap(), first);
    store
        .write(|w| w.set_meta(META_OFFICE_NAME, "УО Ивантеевского района"))
        .unwrap();
    assert_eq!(
        office_origin(&mut store).unwrap().office,
        "УО Ивантеевского района"
    );
}

#[test]
fn the_first_repeated_progress_record_is_named() {
    let mut file = sample();
    let n = file.progress.len();
    let (a, b) = (file.progress[2].clone(), file.progress[7].clone());
    file.progress.push(b);
    file.progress.push(a.clone());
    assert_eq!(
        duplicate_progress(&file.progress).map(|p| (p.measure_id, p.school_id)),
        Some((file.progress[n].measure_id, file.progress[n].school_id))
    );
    file.progress.truncate(n);
    assert!(duplicate_progress(&file.progress).is_none());
    // The same measure and school at another due date is no duplicate.
    let mut other = a;
    other.due = Some(date(2022, 5, 31));
    file.progress.push(other);
    assert!(duplicate_progress(&file.progress).is_none());
    assert!(duplicate_progress(&[]).is_none());
}

#[test]
fn criteria_criterion_and_indicator_values_and_the_office_marks_travel() {
    use crate::model::{CriteriaSet, CriterionValue, IndicatorValue, Progress};
    let mut district = Store::open_in_memory().unwrap();
    let plan_id = crate::example::load_example(&mut district).unwrap();
    let plan = district.load_plan(plan_id).unwrap();
    let school = district.schools().unwrap()[0].id;
    let t = ts("2022-03-01T10:00:00Z");
    let mut set = CriteriaSet::builtin();
    set.name = "Критерии района".into();
    set.updated_at = t;
    let office_mark = Progress {
        measure_id: plan.sections[0].measures[0].id,
        school_id: None,
        due: plan.sections[0].measures[0].due.first().copied(),
        status: Status::Done,
        done_on: Some(date(2021, 12, 1)),
        evidence: "Приказ УО № 3".into(),
        comment: String::new(),
        updated_at: t,
        by: "Методист".into(),
    };
    district
        .write(|w| {
            w.put_criteria_set(&set)?;
            w.put_criterion_value(&CriterionValue {
                school_id: school,
                criterion: set.criteria[0].id.clone(),
                value: 42.0,
                updated_at: t,
            })?;
            w.put_indicator_value(&IndicatorValue {
                indicator_id: plan.indicators[0].id,
                school_id: Some(school),
                year: 2022,
                value: 75.0,
                updated_at: t,
            })?;
            w.put_progress(&office_mark)
        })
        .unwrap();
    let origin = office_origin(&mut district).unwrap();
    let file =
        parse(to_json(&export(&district, Some(plan_id), origin).unwrap()).as_bytes()).unwrap();

    let mut school_db = Store::open_in_memory().unwrap();
    let first = import(&mut school_db, &file).unwrap();
    assert_eq!(first.values, 3, "{first}");
    assert!(
        first
            .to_string()
            .contains("Критерии и значения показателей: добавлено или обновлено 3."),
        "{first}"
    );
    assert_eq!(
        school_db.criteria_set().unwrap().unwrap().name,
        "Критерии района"
    );
    assert_eq!(school_db.criterion_values().unwrap()[0].value, 42.0);
    assert_eq!(school_db.indicator_values().unwrap()[0].value, 75.0);
    assert!(school_db.progress(None).unwrap().contains(&office_mark));
    // Again: nothing changes.
    let again = import(&mut school_db, &file).unwrap();
    assert!(!again.changed() && again.values == 0, "{again}");
}

#[test]
fn errors_speak_the_language_asked_for_and_russian_by_default() {
    use crate::i18n::{I18n, Language, Localize};
    let en = I18n::new(Language::English);
    let ru = I18n::new(Language::Russian);
    let too_large = ExchangeError::TooLarge {
        size: 100 * 1024 * 1024 + 1,
    };
    assert_eq!(
        too_large.message(&en),
        "The file is too large (100.1 MB). An exchange file may take at most 100 MB."
    );
    assert_eq!(
        too_large.message(&ru),
        "Файл слишком большой (100,1 МБ). Файл обмена может занимать не больше 100 МБ."
    );
    assert_eq!(too_large.to_string(), too_large.message(&ru));
    let syntax = ExchangeError::Syntax {
        line: 12,
        column: 3,
    };
    assert_eq!(
        syntax.message(&en),
        "The file is damaged: a JSON error (line 12, column 3)."
    );
    assert_eq!(
        ExchangeError::NotOurFormat { found: None }.message(&en),
        "This is not the program's exchange file: it has no format field with the value \
         “roadmap-planner”. It may have been made by another program."
    );
}

#[test]
fn a_broken_rule_inside_a_file_error_is_worded_in_the_same_language() {
    use crate::i18n::{I18n, Language, Localize};
    let error = ExchangeError::InvalidPlan {
        plan: "План".into(),
        error: ValidationError::EmptyMeasureTitle {
            number: "1.2".into(),
        },
    };
    assert_eq!(
        error.message(&I18n::new(Language::English)),
        "Plan “План”: Measure “1.2” has no title."
    );
    assert_eq!(
        error.to_string(),
        "План «План»: У мероприятия «1.2» нет названия."
    );
}
