use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

/// A category a school can be placed in (by hand or by the identification criteria).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// ШНОР: a school with low educational results.
    Shnor,
    /// ШНСУ: a school in difficult social conditions.
    Shnsu,
    /// Зона риска.
    RiskZone,
    /// Школа-лидер.
    Leader,
    /// Опорная школа (the one name the interface and the guide use; «школа-партнёр» is read on import).
    Partner,
    /// Школа-куратор.
    Curator,
}

super::stored_text!(Category {
    Shnor => "shnor",
    Shnsu => "shnsu",
    RiskZone => "risk_zone",
    Leader => "leader",
    Partner => "partner",
    Curator => "curator",
});

/// A school (ОО) of the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct School {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub district: String,
    /// СОШ, ООШ, НОШ, …
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub director: String,
    #[serde(default)]
    pub contacts: String,
    #[serde(default)]
    pub categories: Vec<Category>,
    /// A curator school or person, as written.
    #[serde(default)]
    pub curator: String,
    pub updated_at: Timestamp,
}

/// A text field of a school's registry card: what the card edits and a table of schools names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchoolField {
    Name,
    ShortName,
    District,
    Kind,
    Director,
    Contacts,
    Curator,
}

impl SchoolField {
    pub const ALL: [SchoolField; 7] = [
        SchoolField::Name,
        SchoolField::ShortName,
        SchoolField::District,
        SchoolField::Kind,
        SchoolField::Director,
        SchoolField::Contacts,
        SchoolField::Curator,
    ];

    /// The message key of the field's name.
    pub fn label_key(self) -> &'static str {
        match self {
            SchoolField::Name => "schools-field-name",
            SchoolField::ShortName => "schools-field-short-name",
            SchoolField::District => "schools-field-district",
            SchoolField::Kind => "schools-field-kind",
            SchoolField::Director => "schools-field-director",
            SchoolField::Contacts => "schools-field-contacts",
            SchoolField::Curator => "schools-field-curator",
        }
    }

    /// The field's text in `school`, to read or to set.
    pub fn slot(self, school: &mut School) -> &mut String {
        match self {
            SchoolField::Name => &mut school.name,
            SchoolField::ShortName => &mut school.short_name,
            SchoolField::District => &mut school.district,
            SchoolField::Kind => &mut school.kind,
            SchoolField::Director => &mut school.director,
            SchoolField::Contacts => &mut school.contacts,
            SchoolField::Curator => &mut school.curator,
        }
    }
}

impl School {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            id: super::new_id(),
            name: name.into(),
            short_name: String::new(),
            district: String::new(),
            kind: String::new(),
            director: String::new(),
            contacts: String::new(),
            categories: Vec::new(),
            curator: String::new(),
            updated_at: super::now(),
        }
    }

    /// The short name where there is one.
    pub fn display_name(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }
}
