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

/// `html` (the page at `path`) with each link that climbs to the root and
/// back down into the page's own folders made direct: on
/// `tracks/a/x.html`, `../../tracks/a/y.html` becomes `y.html` and
/// `../../tracks/b/y.html` becomes `../b/y.html`. Templates write every link
/// from the root, which is simple and always right; a level page has dozens
/// of links to its own track, and on 10,000 levels the climbs alone weigh
/// megabytes.
///
/// The two forms lead to the same file. A link is left as it is unless what
/// follows the shared folders starts with a plain name (no `:`, not `.` or
/// `..`, not empty), so the result can never become an absolute path, a
/// scheme such as `javascript:`, or a link to this page itself.
pub fn shorten_links(html: &str, path: &str) -> String {
    let folders: Vec<&str> = path.split('/').collect();
    let depth = folders.len() - 1;
    if depth == 0 {
        return html.to_string();
    }
    let root = root_of(path);
    const HREF: &str = "href=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(HREF) {
        let (before, after) = rest.split_at(at + HREF.len());
        out.push_str(before);
        rest = after;
        let Some(mut tail) = rest.strip_prefix(root.as_str()) else {
            continue;
        };
        let mut shared = 0;
        while shared < depth {
            match tail
                .strip_prefix(folders[shared])
                .and_then(|t| t.strip_prefix('/'))
            {
                Some(t) => {
                    tail = t;
                    shared += 1;
                }
                None => break,
            }
        }
        let name = &tail[..tail.find(['/', '"', '#', '?']).unwrap_or(tail.len())];
        if shared == 0 || name.is_empty() || name.contains(':') || name == "." || name == ".." {
            continue;
        }
        out.push_str(&"../".repeat(depth - shared));
        rest = tail;
    }
    out.push_str(rest);
    out
}
