//! The headings HR systems give their export columns, and which of a
//! file's columns holds which field of a person. Headings are compared
//! lower-case with everything but letters and digits left out, so
//! `Work Email`, `work_email` and `Email - Work` read alike.

/// A field of a person a roster can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Field {
    Email,
    EmployeeNumber,
    FirstName,
    LastName,
    Name,
    DisplayName,
    JobTitle,
    Team,
    Manager,
    StartDate,
    Active,
    Track,
    Level,
    PreviousTitle,
}

impl Field {
    /// Every field, in the order the upload page lists them.
    pub(crate) const ALL: [Field; 14] = [
        Field::Email,
        Field::EmployeeNumber,
        Field::FirstName,
        Field::LastName,
        Field::Name,
        Field::DisplayName,
        Field::JobTitle,
        Field::Team,
        Field::Manager,
        Field::StartDate,
        Field::Active,
        Field::Track,
        Field::Level,
        Field::PreviousTitle,
    ];

    /// The key of forms and queries (`map_KEY`, `KEY=`).
    pub(crate) fn key(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::EmployeeNumber => "employee_number",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Name => "name",
            Field::DisplayName => "display_name",
            Field::JobTitle => "job_title",
            Field::Team => "team",
            // The key predates managers named other ways than by email.
            Field::Manager => "manager_email",
            Field::StartDate => "start_date",
            Field::Active => "active",
            Field::Track => "track",
            Field::Level => "level",
            Field::PreviousTitle => "previous_title",
        }
    }

    /// The field in words.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Field::Email => "Work email",
            Field::EmployeeNumber => "Employee number",
            Field::FirstName => "First name (legal)",
            Field::LastName => "Last name (legal)",
            Field::Name => "Full name (when there is no first and last name)",
            Field::DisplayName => "Preferred name (shown beside the legal name)",
            Field::JobTitle => "Job title",
            Field::Team => "Team",
            Field::Manager => "Manager (email, employee number or full name)",
            Field::StartDate => "Start date",
            Field::Active => "Active or not (employment status)",
            Field::Track => "Track",
            Field::Level => "Level",
            Field::PreviousTitle => "Title at the previous company",
        }
    }

    /// The field of a key.
    pub(crate) fn of_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The headings that mean this field, best first.
    fn headings(self) -> &'static [&'static str] {
        match self {
            Field::Email => &[
                "work email",
                "email - work",
                "work email address",
                "primary work email",
                "business email",
                "email",
                "email address",
                "e-mail",
                "mail",
            ],
            Field::EmployeeNumber => &[
                "employee #",
                "employee number",
                "employee id",
                "employee no",
                "worker id",
                "personnel number",
                "staff id",
                "id",
            ],
            Field::FirstName => &[
                "legal first name",
                "first name",
                "given name",
                "legal name - first name",
            ],
            Field::LastName => &[
                "legal last name",
                "last name",
                "surname",
                "family name",
                "legal name - last name",
            ],
            Field::Name => &[
                "name",
                "full name",
                "legal name",
                "employee name",
                "worker",
                "employee",
            ],
            Field::DisplayName => &[
                "preferred name",
                "preferred first name",
                "nickname",
                "known as",
                "display name",
            ],
            Field::JobTitle => &[
                "job title",
                "business title",
                "title",
                "position",
                "job name",
                "job profile",
            ],
            Field::Team => &[
                "team",
                "department",
                "dept",
                "group",
                "squad",
                "supervisory organization",
            ],
            Field::Manager => &[
                "manager email",
                "manager work email",
                "reports to email",
                "supervisor email",
                "manager",
                "reports to",
                "line manager",
                "supervisor",
                "manager name",
                "manager employee id",
                "manager id",
                "supervisor id",
            ],
            Field::StartDate => &[
                "start date",
                "hire date",
                "date of hire",
                "date joined",
                "joined",
                "original hire date",
                "employment start date",
                "start",
            ],
            Field::Active => &[
                "status",
                "employee status",
                "worker status",
                "lifecycle status",
                "employment status",
                "active",
                "is active",
                "active status",
            ],
            Field::Track => &["track", "career track", "job family"],
            Field::Level => &["level", "career level", "job level"],
            Field::PreviousTitle => &[
                "previous title",
                "previous job title",
                "prior title",
                "former title",
                "title at previous company",
            ],
        }
    }
}

/// A heading as it is compared: lower case, letters and digits only.
pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The columns whose heading means `field`, best first.
pub(crate) fn candidates(field: Field, headers: &[String]) -> Vec<usize> {
    let mut out = Vec::new();
    for name in field.headings() {
        let name = squash(name);
        for (i, h) in headers.iter().enumerate() {
            if squash(h) == name && !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// What a status cell says, if it says whether someone works here.
pub(crate) fn status(value: &str) -> Option<bool> {
    match squash(value).as_str() {
        "yes" | "y" | "true" | "1" | "active" | "employed" | "current" | "onboarding" | "leave"
        | "onleave" | "onleaveofabsence" | "leaveofabsence" | "notice" | "noticeperiod"
        | "hired" | "activeemployee" => Some(true),
        "no" | "n" | "false" | "0" | "inactive" | "terminated" | "left" | "former"
        | "offboarded" | "resigned" | "retired" | "deceased" | "terminatedemployee" => Some(false),
        _ => None,
    }
}

/// The HR systems whose exports we know, and headings only their exports
/// have together.
const SYSTEMS: &[(&str, &[&str])] = &[
    (
        "BambooHR",
        &["employee #", "reports to", "division", "employment status"],
    ),
    (
        "HiBob",
        &[
            "display name",
            "lifecycle status",
            "site",
            "reports to email",
        ],
    ),
    (
        "Personio",
        &["supervisor", "position", "office", "hire date"],
    ),
    (
        "Workday",
        &[
            "worker",
            "worker status",
            "business title",
            "supervisory organization",
            "email - work",
            "worker type",
        ],
    ),
    (
        "Rippling",
        &[
            "legal first name",
            "preferred first name",
            "manager email",
            "work location",
            "employment type",
        ],
    ),
];

/// The HR system `headers` look like, when at least three of its tell-tale
/// headings are there.
pub(crate) fn system(headers: &[String]) -> Option<&'static str> {
    let have: Vec<String> = headers.iter().map(|h| squash(h)).collect();
    SYSTEMS
        .iter()
        .map(|(name, tells)| {
            let hits = tells.iter().filter(|t| have.contains(&squash(t))).count();
            (hits, *name)
        })
        .filter(|(hits, _)| *hits >= 3)
        .max_by_key(|(hits, _)| *hits)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(str::to_string).collect()
    }

    #[test]
    fn headings_read_alike_and_rank() {
        let h = headers("Email,Work Email,Reports To,Manager Email");
        assert_eq!(candidates(Field::Email, &h), vec![1, 0]);
        assert_eq!(candidates(Field::Manager, &h), vec![3, 2]);
        let wd = headers("Email - Work,Worker,Worker Status,Business Title");
        assert_eq!(candidates(Field::Email, &wd), vec![0]);
        assert_eq!(system(&wd), Some("Workday"));
    }

    #[test]
    fn statuses_and_types_differ() {
        assert_eq!(status("Active"), Some(true));
        assert_eq!(status("Terminated"), Some(false));
        assert_eq!(status("Full-Time"), None);
    }
}
