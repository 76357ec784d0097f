//! Where every page lives in the output. All paths are relative to the site
//! root and end in `.html`, so links work from `file://` as well as on a server.

/// The home page.
pub const HOME: &str = "index.html";

/// A track's overview page.
pub fn track(track: &str) -> String {
    format!("tracks/{track}/index.html")
}

/// A track's matrix (levels × areas).
pub fn matrix(track: &str) -> String {
    format!("tracks/{track}/matrix.html")
}

/// A level page.
pub fn level(track: &str, level: &str) -> String {
    format!("tracks/{track}/{level}.html")
}

/// The comparison of two levels: the comparison page of `b`'s track, with
/// the pair in its fragment (the browser builds it from `assets/data.js`).
pub fn compare(a_track: &str, a: &str, b_track: &str, b: &str) -> String {
    format!("{}#{a_track}/{a}..{b_track}/{b}", compare_track(b_track))
}

/// A track's comparison page: its steps, each compared in the browser.
pub fn compare_track(track: &str) -> String {
    format!("compare/{track}/index.html")
}

/// The comparison picker; any pair is selected with `#TRACK/LEVEL..TRACK/LEVEL`.
pub const COMPARE_INDEX: &str = "compare/index.html";

/// A free page.
pub fn page(id: &str) -> String {
    format!("pages/{id}.html")
}

/// The statement anchor on a level page.
pub fn anchor(statement_id: &str) -> String {
    format!("s-{statement_id}")
}

/// The anchor of a statement shown on a level page of another track, which
/// inherits it from `track`. Ids have no `.`, so it never equals the
/// [`anchor`] of a statement of the page itself.
pub fn inherited_anchor(track: &str, statement_id: &str) -> String {
    format!("s-{track}.{statement_id}")
}

/// The page that lines tracks up by grade.
pub const GRADES: &str = "grades.html";

/// The prefix that leads from `path` back to the site root (`""`, `"../"`, ...).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}
