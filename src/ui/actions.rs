//! The one registry of user actions: each with its name (a Fluent key, so Russian and English), its hint, its
//! shortcuts, where the shortcuts act and where the action appears (menu, toolbar, a row's menu). Key handling,
//! the grid's buttons and menus and the help's key list all read it, so a shortcut is written once.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::I18n;

/// A user action of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionId {
    Undo,
    Redo,
    /// Rows copied from a spreadsheet or a document, pasted outside a text field, go into the grid.
    PasteRows,
    Help,
    Settings,
    About,
    /// Esc closes the topmost of the shell's windows.
    CloseWindow,
    /// Arrows and Page Up/Down move the grid's cursor.
    MoveCursor,
    /// Shift with the arrows selects the rows passed.
    ExtendSelection,
    Edit,
    AddMeasure,
    InsertMeasure,
    Duplicate,
    MoveUp,
    MoveDown,
    Copy,
    Delete,
    SelectAll,
    Find,
    /// Esc in the grid keeps only the cursor row selected.
    Unselect,
    SetExecutor,
    AddSection,
    SectionMenu,
    RenameSection,
    /// A new measure at the start of the section.
    SectionAddMeasure,
    InsertSection,
    SectionUp,
    SectionDown,
    /// A new section at the end of the plan, from the section menus.
    SectionAddAtEnd,
    DeleteSection,
    Renumber,
    ToggleDetails,
    ResetColumnWidths,
    CalendarPreviousMonth,
    CalendarNextMonth,
    CalendarThisMonth,
    /// Esc on the calendar closes the day's list first, then the measure's window.
    CalendarClose,
    CellCommit,
    CellCancel,
    CellNext,
    CellPrevious,
    /// Shift+Enter in a cell is a new line (the field's own key, listed for the help).
    CellNewLine,
}

/// Where an action's shortcuts act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere in the window, even while a text field is being edited.
    Window,
    /// Everywhere in the window, but not while a text field is being edited (it has its own).
    OutsideTextFields,
    /// While one of the shell's windows (help, settings, about) is open; it takes the key first.
    OpenWindow,
    /// On the measures grid, not while a cell or a text field is being edited.
    Grid,
    /// On the calendar, not while a text field is being edited.
    Calendar,
    /// While a grid cell is being edited in place.
    CellEditing,
}

impl Scope {
    /// Whether keys of both scopes can be read in the same frame (then they must not share a shortcut).
    /// The grid, the calendar and a cell being edited never read keys in the same frame, and an open shell
    /// window takes its keys before any of them.
    pub fn overlaps(self, other: Scope) -> bool {
        let exclusive = |scope| {
            matches!(
                scope,
                Scope::OpenWindow | Scope::Grid | Scope::Calendar | Scope::CellEditing
            )
        };
        self == other || !(exclusive(self) && exclusive(other))
    }
}

/// Where an action appears besides its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The top bar of the window.
    TopBar,
    /// The grid's toolbar.
    Toolbar,
    /// The section menu of the grid's toolbar.
    SectionMenu,
    /// The menu of a measure row (right click).
    RowMenu,
    /// The menu of a section row (right click).
    SectionRowMenu,
    /// The help window.
    HelpWindow,
}

/// One action of the registry.
#[derive(Debug, Clone, Copy)]
pub struct ActionSpec {
    pub id: ActionId,
    /// The Fluent key of the action's name.
    pub name: &'static str,
    /// The Fluent key of the hint shown on hover, if the action has a button.
    pub hint: Option<&'static str>,
    pub shortcuts: &'static [KeyboardShortcut],
    pub scope: Scope,
    pub places: &'static [Place],
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// The keys that move the grid's cursor, each with the rows and columns it moves by.
pub const CURSOR_KEYS: [(Key, i32, i32); 6] = [
    (Key::ArrowUp, -1, 0),
    (Key::ArrowDown, 1, 0),
    (Key::ArrowLeft, 0, -1),
    (Key::ArrowRight, 0, 1),
    (Key::PageUp, -10, 0),
    (Key::PageDown, 10, 0),
];

const fn cursor_keys(modifiers: Modifiers) -> [KeyboardShortcut; 6] {
    [
        key(modifiers, CURSOR_KEYS[0].0),
        key(modifiers, CURSOR_KEYS[1].0),
        key(modifiers, CURSOR_KEYS[2].0),
        key(modifiers, CURSOR_KEYS[3].0),
        key(modifiers, CURSOR_KEYS[4].0),
        key(modifiers, CURSOR_KEYS[5].0),
    ]
}

const fn spec(
    id: ActionId,
    name: &'static str,
    hint: Option<&'static str>,
    shortcuts: &'static [KeyboardShortcut],
    scope: Scope,
    places: &'static [Place],
) -> ActionSpec {
    ActionSpec {
        id,
        name,
        hint,
        shortcuts,
        scope,
        places,
    }
}

use ActionId as A;
use Place as P;
use Scope as S;

/// Every action of the window, in the order the help lists them.
pub const ACTIONS: &[ActionSpec] = &[
    spec(
        A::Help,
        "action-help",
        None,
        &[key(NONE, Key::F1)],
        S::Window,
        &[P::TopBar],
    ),
    spec(
        A::Settings,
        "action-settings",
        None,
        &[key(CMD, Key::Comma)],
        S::Window,
        &[P::TopBar],
    ),
    spec(
        A::About,
        "action-about",
        Some("hint-about"),
        &[],
        S::Window,
        &[P::HelpWindow],
    ),
    spec(
        A::CloseWindow,
        "key-close-window",
        None,
        &[key(NONE, Key::Escape)],
        S::OpenWindow,
        &[],
    ),
    spec(
        A::Undo,
        "action-undo",
        Some("hint-undo"),
        &[key(CMD, Key::Z)],
        S::OutsideTextFields,
        &[P::TopBar],
    ),
    spec(
        A::Redo,
        "action-redo",
        Some("hint-redo"),
        &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)],
        S::OutsideTextFields,
        &[P::TopBar],
    ),
    spec(
        A::PasteRows,
        "key-paste-rows",
        None,
        &[key(CMD, Key::V)],
        S::OutsideTextFields,
        &[],
    ),
    spec(
        A::MoveCursor,
        "key-move-cursor",
        None,
        &cursor_keys(NONE),
        S::Grid,
        &[],
    ),
    spec(
        A::ExtendSelection,
        "key-extend-selection",
        None,
        &cursor_keys(SHIFT),
        S::Grid,
        &[],
    ),
    spec(
        A::Find,
        "grid-search",
        Some("grid-hint-search"),
        &[key(CMD, Key::F)],
        S::Grid,
        &[],
    ),
    spec(
        A::Edit,
        "grid-action-edit",
        Some("grid-hint-edit"),
        &[key(NONE, Key::Enter), key(NONE, Key::F2)],
        S::Grid,
        &[P::RowMenu],
    ),
    spec(
        A::AddMeasure,
        "action-add-measure",
        Some("grid-hint-add"),
        &[],
        S::Grid,
        &[P::Toolbar],
    ),
    spec(
        A::InsertMeasure,
        "grid-action-insert",
        Some("grid-hint-insert"),
        &[key(CMD, Key::N), key(NONE, Key::Insert)],
        S::Grid,
        &[P::Toolbar, P::RowMenu],
    ),
    spec(
        A::Duplicate,
        "grid-action-duplicate",
        Some("grid-hint-duplicate"),
        &[key(CMD, Key::D)],
        S::Grid,
        &[P::Toolbar, P::RowMenu],
    ),
    spec(
        A::MoveUp,
        "grid-action-up",
        Some("grid-hint-up"),
        &[key(ALT, Key::ArrowUp), key(ALT, Key::PageUp)],
        S::Grid,
        &[P::Toolbar, P::RowMenu],
    ),
    spec(
        A::MoveDown,
        "grid-action-down",
        Some("grid-hint-down"),
        &[key(ALT, Key::ArrowDown), key(ALT, Key::PageDown)],
        S::Grid,
        &[P::Toolbar, P::RowMenu],
    ),
    spec(
        A::Copy,
        "grid-action-copy",
        Some("grid-hint-copy"),
        &[key(CMD, Key::C)],
        S::Grid,
        &[P::Toolbar, P::RowMenu],
    ),
    spec(
        A::Delete,
        "action-delete-measure",
        Some("grid-hint-delete"),
        &[key(NONE, Key::Delete)],
        S::Grid,
        &[P::Toolbar, P::RowMenu],
    ),
    spec(
        A::SelectAll,
        "key-select-all",
        None,
        &[key(CMD, Key::A)],
        S::Grid,
        &[],
    ),
    spec(
        A::Unselect,
        "key-unselect",
        None,
        &[key(NONE, Key::Escape)],
        S::Grid,
        &[],
    ),
    spec(
        A::SetExecutor,
        "schools-executor-label",
        None,
        &[],
        S::Grid,
        &[P::RowMenu],
    ),
    spec(
        A::AddSection,
        "action-add-section",
        Some("grid-hint-section-add"),
        &[],
        S::Grid,
        &[P::Toolbar],
    ),
    spec(
        A::SectionMenu,
        "grid-section-menu",
        Some("grid-hint-section-menu"),
        &[],
        S::Grid,
        &[P::Toolbar],
    ),
    spec(
        A::RenameSection,
        "grid-section-rename",
        Some("grid-hint-section-rename"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::SectionAddMeasure,
        "grid-section-add-measure",
        Some("grid-hint-section-add-measure"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::InsertSection,
        "grid-section-insert",
        Some("grid-hint-section-insert"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::SectionUp,
        "grid-section-up",
        Some("grid-hint-section-up"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::SectionDown,
        "grid-section-down",
        Some("grid-hint-section-down"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::SectionAddAtEnd,
        "grid-section-add",
        Some("grid-hint-section-add"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::DeleteSection,
        "grid-section-delete",
        Some("grid-hint-section-delete"),
        &[],
        S::Grid,
        &[P::SectionMenu, P::SectionRowMenu],
    ),
    spec(
        A::Renumber,
        "grid-action-renumber",
        Some("grid-hint-renumber"),
        &[],
        S::Grid,
        &[P::Toolbar],
    ),
    spec(
        A::ToggleDetails,
        "grid-details-toggle",
        Some("grid-hint-details"),
        &[],
        S::Grid,
        &[P::Toolbar],
    ),
    spec(
        A::ResetColumnWidths,
        "grid-action-reset-widths",
        Some("grid-hint-reset-widths"),
        &[],
        S::Grid,
        &[P::Toolbar],
    ),
    spec(
        A::CalendarPreviousMonth,
        "key-calendar-previous",
        None,
        &[key(NONE, Key::PageUp), key(NONE, Key::ArrowLeft)],
        S::Calendar,
        &[],
    ),
    spec(
        A::CalendarNextMonth,
        "key-calendar-next",
        None,
        &[key(NONE, Key::PageDown), key(NONE, Key::ArrowRight)],
        S::Calendar,
        &[],
    ),
    spec(
        A::CalendarThisMonth,
        "key-calendar-this-month",
        None,
        &[key(NONE, Key::Home)],
        S::Calendar,
        &[],
    ),
    spec(
        A::CalendarClose,
        "key-calendar-close",
        None,
        &[key(NONE, Key::Escape)],
        S::Calendar,
        &[],
    ),
    spec(
        A::CellCommit,
        "key-cell-commit",
        None,
        &[key(NONE, Key::Enter)],
        S::CellEditing,
        &[],
    ),
    spec(
        A::CellNewLine,
        "key-cell-new-line",
        None,
        &[key(SHIFT, Key::Enter)],
        S::CellEditing,
        &[],
    ),
    spec(
        A::CellNext,
        "key-cell-next",
        None,
        &[key(NONE, Key::Tab)],
        S::CellEditing,
        &[],
    ),
    spec(
        A::CellPrevious,
        "key-cell-previous",
        None,
        &[key(SHIFT, Key::Tab)],
        S::CellEditing,
        &[],
    ),
    spec(
        A::CellCancel,
        "key-cell-cancel",
        None,
        &[key(NONE, Key::Escape)],
        S::CellEditing,
        &[],
    ),
];

/// The registry's entry of `id`.
pub fn action(id: ActionId) -> &'static ActionSpec {
    ACTIONS
        .iter()
        .find(|spec| spec.id == id)
        .unwrap_or_else(|| panic!("{id:?} is missing from the action registry"))
}

/// Consumes this frame's press of any of `id`'s shortcuts; true when one was pressed.
pub fn consume(input: &mut egui::InputState, id: ActionId) -> bool {
    action(id)
        .shortcuts
        .iter()
        .any(|shortcut| input.consume_shortcut(shortcut))
}

/// Consumes this frame's press of `id`'s shortcut on `key` (an action with several keys, each meaning
/// something of its own); true when it was pressed.
pub fn consume_key(input: &mut egui::InputState, id: ActionId, key: Key) -> bool {
    action(id)
        .shortcuts
        .iter()
        .find(|shortcut| shortcut.logical_key == key)
        .is_some_and(|shortcut| input.consume_shortcut(shortcut))
}

/// A shortcut as the user reads it: "Ctrl+Shift+Z", "F1", "Alt+⏶".
pub fn shortcut_text(shortcut: &KeyboardShortcut) -> String {
    let modifiers = egui::ModifierNames::NAMES.format(&shortcut.modifiers, false);
    let key = match shortcut.logical_key {
        // The arrows as egui's own fonts draw them.
        Key::ArrowUp | Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight => {
            shortcut.logical_key.symbol_or_name()
        }
        Key::Escape => "Esc",
        Key::Comma => ",",
        Key::PageUp => "PgUp",
        Key::PageDown => "PgDn",
        Key::Delete => "Del",
        Key::Insert => "Ins",
        other => other.name(),
    };
    if modifiers.is_empty() {
        key.to_owned()
    } else {
        format!("{modifiers}+{key}")
    }
}

/// An action's name without its button icon ("↩ Отменить" → "Отменить").
pub fn plain_name(i18n: &I18n, spec: &ActionSpec) -> String {
    let name = i18n.tr(spec.name);
    name.trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_owned()
}

/// The help's key list: one line per action that has keys, "keys — name", in the registry's order.
pub fn key_list(i18n: &I18n) -> Vec<String> {
    let or = format!(" {} ", i18n.tr("key-or"));
    ACTIONS
        .iter()
        .filter(|spec| !spec.shortcuts.is_empty())
        .map(|spec| {
            let keys: Vec<String> = spec.shortcuts.iter().map(shortcut_text).collect();
            format!("{} — {}", keys.join(&or), plain_name(i18n, spec))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    /// The shortcuts two actions share where both act: "A and B both use K".
    fn clashes(actions: &[ActionSpec]) -> Vec<String> {
        let mut found = Vec::new();
        for (i, a) in actions.iter().enumerate() {
            for b in actions[i + 1..]
                .iter()
                .filter(|b| a.scope.overlaps(b.scope))
            {
                for shortcut in a.shortcuts.iter().filter(|s| b.shortcuts.contains(s)) {
                    let keys = shortcut_text(shortcut);
                    found.push(format!("{:?} and {:?} both use {keys}", a.id, b.id));
                }
            }
        }
        found
    }

    #[test]
    fn no_two_actions_share_a_shortcut_where_both_act() {
        assert_eq!(clashes(ACTIONS), Vec::<String>::new());
    }

    #[test]
    fn a_shared_shortcut_is_found_unless_the_scopes_exclude_each_other() {
        const ESC: &[KeyboardShortcut] = &[key(NONE, Key::Escape)];
        let grid = spec(A::Unselect, "key-unselect", None, ESC, S::Grid, &[]);
        let window = spec(
            A::CloseWindow,
            "key-close-window",
            None,
            ESC,
            S::OpenWindow,
            &[],
        );
        let everywhere = spec(
            A::Help,
            "action-help",
            Some("hint-help"),
            ESC,
            S::Window,
            &[],
        );
        assert!(clashes(&[grid, window]).is_empty());
        assert_eq!(
            clashes(&[grid, everywhere]),
            ["Unselect and Help both use Esc"]
        );
    }

    #[test]
    fn no_action_lists_a_shortcut_twice() {
        for spec in ACTIONS {
            for (i, shortcut) in spec.shortcuts.iter().enumerate() {
                assert!(!spec.shortcuts[i + 1..].contains(shortcut), "{:?}", spec.id);
            }
        }
    }

    #[test]
    fn every_action_is_registered_once() {
        let mut seen = std::collections::HashSet::new();
        for spec in ACTIONS {
            assert!(seen.insert(spec.id), "{:?} is registered twice", spec.id);
        }
    }

    #[test]
    fn every_name_and_hint_exists_in_both_languages() {
        for language in Language::ALL {
            let i18n = I18n::new(language);
            for spec in ACTIONS {
                for key in std::iter::once(spec.name).chain(spec.hint) {
                    // A missing key shows as the key itself.
                    assert_ne!(i18n.tr(key), key, "{language:?} lacks {key}");
                }
            }
        }
    }

    #[test]
    fn the_key_list_names_keys_and_actions_in_each_language() {
        let ru = key_list(&I18n::new(Language::Russian));
        assert!(ru.contains(&"F1 — Справка".to_owned()), "{ru:#?}");
        assert!(
            ru.contains(&"Ctrl+Shift+Z или Ctrl+Y — Повторить".to_owned()),
            "{ru:#?}"
        );
        let en = key_list(&I18n::new(Language::English));
        assert!(en.contains(&"Ctrl+Z — Undo".to_owned()), "{en:#?}");
    }
}
