//! The error overlay shown on top of every page while the framework has errors.

use rungs_core::Diagnostic;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An overlay listing errors with file:line:column.
pub fn diagnostics(errors: &[Diagnostic]) -> String {
    let items: String = errors
        .iter()
        .map(|d| {
            let help = d.help.as_deref().map(|h| format!("<div style=\"opacity:.85\">help: {}</div>", escape(h))).unwrap_or_default();
            format!(
                "<li style=\"margin:.6rem 0\"><code style=\"font-weight:700\">{}</code> {} <span style=\"opacity:.7\">[{}]</span>{help}</li>",
                escape(&d.location()),
                escape(&d.message),
                d.code.as_str()
            )
        })
        .collect();
    let title = if errors.len() == 1 {
        "1 error".to_string()
    } else {
        format!("{} errors", errors.len())
    };
    panel(
        &format!("{title} in the framework"),
        &format!("<ul style=\"padding-left:1.2rem;margin:0\">{items}</ul>"),
    )
}

/// An overlay with one message (the framework could not be built at all).
pub fn message(text: &str) -> String {
    paragraph("The framework could not be built", text)
}

/// An overlay saying the generated pages (`[[site.compare_with]]`,
/// `changes_since`) could not be made; the rest of the site is shown.
pub fn generated_pages(text: &str) -> String {
    paragraph("Generated pages are missing", text)
}

fn paragraph(title: &str, text: &str) -> String {
    panel(title, &format!("<p>{}</p>", escape(text)))
}

fn panel(title: &str, body: &str) -> String {
    format!(
        "<div id=\"rungs-overlay\" role=\"alertdialog\" aria-labelledby=\"rungs-overlay-title\" \
         style=\"position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;\
         background:#2b0b0b;color:#ffe9e9;border:2px solid #ff6b6b;border-radius:10px;padding:1rem 1.2rem;\
         font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;box-shadow:0 10px 30px rgba(0,0,0,.4)\">\
         <button type=\"button\" onclick=\"this.parentNode.remove()\" aria-label=\"Close\" \
         style=\"float:right;background:none;border:1px solid #ffb3b3;color:#ffe9e9;border-radius:6px;cursor:pointer\">×</button>\
         <h2 id=\"rungs-overlay-title\" style=\"margin:0 0 .5rem;font-size:16px\">{}</h2>{body}\
         <p style=\"margin:.6rem 0 0;opacity:.75\">Fix the files and save: this page reloads by itself.</p></div>",
        escape(title)
    )
}
