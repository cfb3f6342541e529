use super::*;
use crate::model::{Measure, YearActivity};

fn read(text: &str) -> TableImport {
    read_table(&parse_delimited(text, None)).unwrap_or_else(|e| panic!("{e}"))
}

fn heads(import: &TableImport) -> Vec<(&str, &str)> {
    import
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect()
}

fn measures(import: &TableImport) -> Vec<&Measure> {
    import.sections.iter().flat_map(|s| &s.measures).collect()
}

#[test]
fn the_header_need_not_be_on_the_first_row() {
    let text = "Дорожная карта по поддержке школ\t\t\t\t\n\
                на 2021-2022 учебный год\n\
                \n\
                № п/п\tМероприятие\tСроки\tОтветственные\tРезультат\n\
                1. Организация\t\t\t\t\n\
                1.1\tНазначить координатора\tсентябрь\tУО\tПриказ\n";
    let import = read(text);
    assert_eq!(
        import.title_lines,
        [
            "Дорожная карта по поддержке школ",
            "на 2021-2022 учебный год"
        ]
    );
    assert_eq!(heads(&import), [("1", "Организация")]);
    let m = measures(&import)[0];
    assert_eq!(
        (
            m.number.as_str(),
            m.title.as_str(),
            m.deadline.as_str(),
            m.responsible.as_str(),
            m.result.as_str()
        ),
        ("1.1", "Назначить координатора", "сентябрь", "УО", "Приказ")
    );
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
}

#[test]
fn columns_may_come_in_another_order() {
    let text = "№\tМероприятие\tСроки\tРезультат реализации\tОтветственный\n\
                1\tСовещание\tоктябрь\tПротокол\tМетодист\n";
    let m = measures(&read(text))[0].clone();
    assert_eq!(m.number, "1");
    assert_eq!(m.title, "Совещание");
    assert_eq!(m.deadline, "октябрь");
    assert_eq!(m.result, "Протокол");
    assert_eq!(m.responsible, "Методист");
}

#[test]
fn direction_headings_give_number_and_title() {
    let text = "Наименование мероприятия\tСрок исполнения\tОтветственный исполнитель\n\
                Направление № 1. Организационные условия\t\t\n\
                Семинар\tноябрь\tУО\n\
                Направление 2: Кадры\tНаправление 2: Кадры\tНаправление 2: Кадры\n\
                Курсы\tв течение года\tОО\n\
                Раздел 3. Мониторинг\t\t\n\
                Анализ ВПР\tмай\tУО\n";
    let import = read(text);
    assert_eq!(
        heads(&import),
        [
            ("1", "Организационные условия"),
            ("2", "Кадры"),
            ("3", "Мониторинг")
        ]
    );
    assert_eq!(
        import
            .sections
            .iter()
            .map(|s| s.measures.len())
            .collect::<Vec<_>>(),
        [1, 1, 1]
    );
    // Measures without numbers keep an empty number.
    assert_eq!(import.sections[1].measures[0].number, "");
}

#[test]
fn without_section_rows_there_is_one_untitled_section() {
    let text = "Мероприятие;Сроки\nСовещание;октябрь\nСеминар;ноябрь\n";
    let import = read(text);
    assert_eq!(heads(&import), [("", "")]);
    assert_eq!(import.measure_count(), 2);
}

#[test]
fn year_columns_become_yearly_activities() {
    let text = "№\tМероприятие\t2022\t2023 год\t2024 г.\tОтветственные\n\
                1\tОлимпиады\tшкольный этап\t\tрегиональный этап\tОО\n";
    let m = measures(&read(text))[0].clone();
    assert_eq!(
        m.yearly,
        [
            YearActivity {
                year: 2022,
                text: "школьный этап".into()
            },
            YearActivity {
                year: 2024,
                text: "региональный этап".into()
            }
        ]
    );
    assert_eq!(m.responsible, "ОО");
}

#[test]
fn a_second_header_row_of_years_splits_the_deadline_column() {
    let text = "№\tМероприятие\tСроки\t\t\n\
                \t\t2022\t2023\t2024\n\
                1\tОлимпиады\tмарт\tапрель\tмай\n";
    let import = read(text);
    let m = &import.sections[0].measures[0];
    let years: Vec<i32> = m.yearly.iter().map(|y| y.year).collect();
    assert_eq!(years, [2022, 2023, 2024]);
    assert_eq!(m.deadline, "");
}

#[test]
fn quoted_multi_line_cells_keep_their_lines() {
    let text = "№\tМероприятие\tСроки\tОтветственные\n\
                7.2\t\"Мониторинг:\n- программ\n- успеваемости\"\t\"апрель\nянварь, июнь\"\t\"ОО\nУО, ОО\"\n";
    let m = measures(&read(text))[0].clone();
    assert_eq!(m.title, "Мониторинг:\n- программ\n- успеваемости");
    assert_eq!(m.deadline, "апрель\nянварь, июнь");
    assert_eq!(m.responsible, "ОО\nУО, ОО");
}

#[test]
fn semicolon_csv_with_crlf_reads_like_tsv() {
    let text = "\u{feff}№ п/п;Мероприятия;Сроки реализации;Ответственные;Ожидаемый результат;Документы, закрепляющие результат\r\n\
                1. Кадры;;;;;\r\n\
                1.1;\"Курсы, семинары\r\nи вебинары\";в течение года;\"УО; ОО\";Рост квалификации;Сертификаты\r\n";
    let import = read(text);
    assert_eq!(heads(&import), [("1", "Кадры")]);
    let m = &import.sections[0].measures[0];
    assert_eq!(m.title, "Курсы, семинары\nи вебинары");
    assert_eq!(m.responsible, "УО; ОО");
    assert_eq!(m.result, "Рост квалификации");
    assert_eq!(m.documents, "Сертификаты");
}

#[test]
fn comma_csv_is_detected() {
    let text = "№,Мероприятие,Сроки\n1,\"Совещание, итоги\",май\n";
    let m = measures(&read(text))[0].clone();
    assert_eq!(m.title, "Совещание, итоги");
    assert_eq!(m.deadline, "май");
}

#[test]
fn unknown_headers_are_refused_with_a_russian_message() {
    let rows = parse_delimited("Колонка А\tКолонка Б\nтекст\tтекст\n", None);
    let err = read_table(&rows).unwrap_err();
    assert_eq!(err, TableError::NoHeader);
    assert!(err.to_string().contains("Не найдена строка заголовков"));
    assert_eq!(read_table(&[]).unwrap_err(), TableError::Empty);
    assert_eq!(
        read_table(&parse_delimited("\n\t\n", None)).unwrap_err(),
        TableError::Empty
    );
}

#[test]
fn a_mapping_given_by_hand_reads_what_detection_could_not() {
    let rows = parse_delimited(
        "Колонка А\tКолонка Б\tКолонка В\nПервое\tмай\tлишнее\n",
        None,
    );
    let mapping = ColumnMapping {
        header_row: Some(0),
        columns: vec![Some(TableColumn::Title), Some(TableColumn::Deadline)],
        ..Default::default()
    };
    let import = read_table_with_columns(&rows, &mapping).unwrap();
    let m = &import.sections[0].measures[0];
    assert_eq!((m.title.as_str(), m.deadline.as_str()), ("Первое", "май"));
    assert_eq!(import.warnings.len(), 1);
    assert!(
        import.warnings[0].contains("«Колонка В»"),
        "{:?}",
        import.warnings
    );
    let no_title = ColumnMapping {
        header_row: None,
        columns: vec![Some(TableColumn::Deadline)],
        ..Default::default()
    };
    assert_eq!(
        read_table_with_columns(&rows, &no_title).unwrap_err(),
        TableError::NoTitleColumn
    );
}

#[test]
fn headerless_rows_follow_the_grid_order() {
    let rows = parse_delimited("2.5\tВебинар\tмарт\tУО\tЗапись\tПриказ\n", Some('\t'));
    assert_eq!(read_table(&rows).unwrap_err(), TableError::NoHeader);
    let import = read_table_with_columns(&rows, &ColumnMapping::headerless(&rows, &[])).unwrap();
    let m = &import.sections[0].measures[0];
    assert_eq!(m.number, "2.5");
    assert_eq!(m.title, "Вебинар");
    assert_eq!(m.documents, "Приказ");
    // Without the № column (or a single column) the rows start at the title.
    let rows = parse_delimited("Вебинар\tмарт\nСеминар\tапрель", Some('\t'));
    let import = read_table_with_columns(&rows, &ColumnMapping::headerless(&rows, &[])).unwrap();
    assert_eq!(import.sections[0].measures[1].title, "Семинар");
    assert_eq!(import.sections[0].measures[1].deadline, "апрель");
}

#[test]
fn a_row_without_a_title_continues_the_measure_above() {
    let text = "№\tМероприятие\tСроки\tОтветственные\n\
                1\tСеминар\tмарт\tУО\n\
                \t\tапрель\tОО\n";
    let import = read(text);
    let m = &import.sections[0].measures[0];
    assert_eq!(m.deadline, "март\nапрель");
    assert_eq!(m.responsible, "УО\nОО");
    assert_eq!(import.warnings.len(), 1);
    assert!(import.warnings[0].starts_with("Строка 3:"));
}

#[test]
fn a_column_numbering_row_and_a_repeated_header_are_skipped() {
    let text = "№\tМероприятие\tСроки\tОтветственные\n1\t2\t3\t4\n1.1\tСеминар\tмарт\tУО\n\
                № \tМероприятие\tСроки\tОтветственные\t\n";
    let import = read(text);
    assert_eq!(import.measure_count(), 1);
    assert_eq!(import.sections[0].measures[0].number, "1.1");
}

#[test]
fn a_lone_title_is_a_measure_unless_it_reads_like_a_heading() {
    let text = "№\tМероприятие\tСроки\n\
                \tIV. Работа с родителями\t\n\
                \tРодительское собрание\t\n";
    let import = read(text);
    assert_eq!(heads(&import), [("IV", "Работа с родителями")]);
    assert_eq!(
        import.sections[0].measures[0].title,
        "Родительское собрание"
    );
}

#[test]
fn headings_split_into_number_and_title() {
    use structure::split_heading;
    let cases = [
        (
            "1. Создание организационных условий",
            ("1", "Создание организационных условий"),
        ),
        ("2 Кадры", ("2", "Кадры")),
        ("3) Мониторинг", ("3", "Мониторинг")),
        ("4.Работа", ("4", "Работа")),
        ("Направление № 1 Кадры", ("1", "Кадры")),
        ("НАПРАВЛЕНИЕ 2. Кадры", ("2", "Кадры")),
        ("Раздел 2. Мониторинг", ("2", "Мониторинг")),
        ("II. Итоги", ("II", "Итоги")),
        ("Организационные меры", ("", "Организационные меры")),
        ("Направление «Кадры»", ("", "Направление «Кадры»")),
        ("1-й этап", ("", "1-й этап")),
    ];
    for (text, (number, title)) in cases {
        assert_eq!(
            split_heading(text),
            (number.to_owned(), title.to_owned()),
            "{text}"
        );
    }
}

#[test]
fn ids_are_fresh() {
    let text = "№\tМероприятие\n1. А\t\n1.1\tБ\n1.2\tВ\n";
    let import = read(text);
    let mut ids: Vec<_> = import.sections.iter().map(|s| s.id).collect();
    ids.extend(measures(&import).iter().map(|m| m.id));
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

#[test]
fn sroki_split_into_s_and_po_makes_one_deadline() {
    let import = read(
        "№\tМероприятие\tСроки\t\tОтветственные\n\
         \t\tс\tпо\t\n\
         1.1\tСовещание\t01.09.2021\t15.09.2021\tУО\n\
         1.2\tОтчёт\t\tдекабрь 2021\tШколы\n",
    );
    let measures = &import.sections[0].measures;
    assert_eq!(measures.len(), 2, "the sub-header row is not a measure");
    assert_eq!(measures[0].deadline, "01.09.2021 – 15.09.2021");
    assert_eq!(measures[1].deadline, "декабрь 2021");
    assert_eq!(measures[1].responsible, "Школы");
}

#[test]
fn school_years_under_an_umbrella_and_a_repeated_two_row_header_are_read() {
    let import = read(
        "№ п/п\tМероприятия\tКлючевые мероприятия по годам\t\tРезультат\n\
         №п/п\tМероприятия\t2021-2022 уч. год\t2022-2023 уч. год\tРезультат\n\
         1\t2\t3\t4\t5\n\
         1.1\tМониторинг\tВходной\tИтоговый\tСправка\n\
         № п/п\tМероприятия\tКлючевые мероприятия по годам\t\tРезультат\n\
         №п/п\tМероприятия\t2021-2022 уч. год\t2022-2023 уч. год\tРезультат\n\
         1\t2\t3\t4\t5\n\
         1.2\tСеминар\t\tНоябрь\t\n",
    );
    let measures = &import.sections[0].measures;
    assert_eq!(
        measures.len(),
        2,
        "{:?}",
        measures.iter().map(|m| &m.title).collect::<Vec<_>>()
    );
    let years: Vec<(i32, &str)> = measures[0]
        .yearly
        .iter()
        .map(|y| (y.year, y.text.as_str()))
        .collect();
    assert_eq!(years, [(2022, "Входной"), (2023, "Итоговый")]);
    assert_eq!(measures[0].result, "Справка");
    assert_eq!(measures[1].yearly[0].year, 2023);
}

#[test]
fn header_words_broken_by_wraps_and_hyphens_and_new_names_are_known() {
    let import = read(
        "\"Меро-\nприятие\"\tОтветственн ый исполни-тель\tКлючевые результаты\tУчастники\tПримечание\n\
         Семинар\tИМЦ\tПротокол\tУчителя\tочно\n",
    );
    let m = &import.sections[0].measures[0];
    assert_eq!(
        (m.title.as_str(), m.responsible.as_str(), m.result.as_str()),
        ("Семинар", "ИМЦ", "Протокол")
    );
    assert_eq!(m.notes, "Участники: Учителя\nочно");
    assert!(import.left_out.is_empty());
}

#[test]
fn any_short_sub_cells_under_an_umbrella_are_header_not_data() {
    let import = read(
        "№\tМероприятие\tСроки\t\tОтчётные документы\n\
         \t\tI полугодие\tII полугодие\t\n\
         1.1\tСовещание\tмарт\t\tПротокол\n",
    );
    let measures = measures(&import);
    assert_eq!(
        measures.len(),
        1,
        "{:?}",
        measures.iter().map(|m| &m.title).collect::<Vec<_>>()
    );
    assert_eq!(measures[0].deadline, "март");
    assert_eq!(measures[0].documents, "Протокол");
    assert!(import.left_out.is_empty(), "{:?}", import.left_out);
}

#[test]
fn one_short_cell_under_an_unnamed_column_is_data_not_header() {
    let import = read(
        "№\tМероприятие\tСроки\t\n\
         \t\t\tсм. приложение\n\
         1.1\tСовещание\tмарт\t\n",
    );
    assert_eq!(measures(&import).len(), 1);
    assert!(
        import.left_out.iter().any(|l| l.starts_with("Строка 2")),
        "the row is data, said to be skipped: {:?}",
        import.left_out
    );
}
