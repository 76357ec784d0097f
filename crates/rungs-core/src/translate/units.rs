//! The texts of a framework that translations cover, each with the file
//! and key its translation lives under.

use crate::model::{Framework, Span, Statement};

/// One text to translate.
#[derive(Clone, Debug)]
pub(crate) struct SourceUnit {
    /// The translation file, relative to `translations/<lang>/`.
    pub file: String,
    /// The key in that file.
    pub key: String,
    /// The source text.
    pub source: String,
    /// For statements: track, level, area and id.
    pub statement: Option<StatementPlace>,
    /// The framework file the text is written in.
    pub source_file: String,
    /// Where the text is written.
    pub span: Span,
}

/// Where a statement lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StatementPlace {
    pub track: String,
    pub level: String,
    pub area: String,
    pub id: String,
}

/// A statement as one text, the way translations hold it: `**Name**: text`
/// for a named statement.
pub(crate) fn statement_text(s: &Statement) -> String {
    match &s.name {
        Some(name) => format!("**{name}**: {}", s.text),
        None => s.text.clone(),
    }
}

fn file_of(span: &Span, fallback: &str) -> String {
    if span.is_unknown() {
        fallback.to_string()
    } else {
        span.file.to_string()
    }
}

/// Every text of `fw` a complete translation covers, in reading order.
pub(crate) fn source_units(fw: &Framework) -> Vec<SourceUnit> {
    let mut out = Vec::new();
    let root = "rungs.yaml".to_string();
    add(
        &mut out,
        root.clone(),
        "title".into(),
        Some(&fw.title),
        &fw.span,
        "rungs.toml".into(),
    );
    add(
        &mut out,
        root.clone(),
        "description".into(),
        fw.description.as_deref(),
        &fw.span,
        "rungs.toml".into(),
    );
    add(
        &mut out,
        root.clone(),
        "introduction".into(),
        fw.introduction.as_deref(),
        &Span::default(),
        "_index.md".into(),
    );
    for a in fw.all_areas() {
        add(
            &mut out,
            root.clone(),
            format!("areas.{}.title", a.id),
            Some(&a.title),
            &a.span,
            "rungs.toml".into(),
        );
        add(
            &mut out,
            root.clone(),
            format!("areas.{}.description", a.id),
            a.description.as_deref(),
            &a.span,
            "rungs.toml".into(),
        );
    }
    for t in &fw.tracks {
        let file = format!("tracks/{}/_index.yaml", t.id);
        let src = file_of(&t.span, &format!("tracks/{}/_index.md", t.id));
        add(
            &mut out,
            file.clone(),
            "title".into(),
            Some(&t.title),
            &t.span,
            src.clone(),
        );
        add(
            &mut out,
            file.clone(),
            "description".into(),
            t.description.as_deref(),
            &t.span,
            src.clone(),
        );
        add(
            &mut out,
            file,
            "introduction".into(),
            t.introduction.as_deref(),
            &t.span,
            src,
        );
        for l in &t.levels {
            let file = format!("tracks/{}/{}.yaml", t.id, l.id);
            let src = file_of(&l.span, &format!("tracks/{}/{}.md", t.id, l.id));
            add(
                &mut out,
                file.clone(),
                "title".into(),
                Some(&l.title),
                &l.span,
                src.clone(),
            );
            add(
                &mut out,
                file.clone(),
                "short_title".into(),
                l.short_title.as_deref(),
                &l.span,
                src.clone(),
            );
            add(
                &mut out,
                file.clone(),
                "summary".into(),
                l.summary.as_deref(),
                &l.span,
                src.clone(),
            );
            add(
                &mut out,
                file.clone(),
                "introduction".into(),
                l.introduction.as_deref(),
                &l.span,
                src.clone(),
            );
            for top in &l.statements {
                top.visit(&mut |s: &Statement| {
                    let key = format!("statements.{}", s.id);
                    out.push(SourceUnit {
                        file: file.clone(),
                        key: key.clone(),
                        source: statement_text(s),
                        statement: Some(StatementPlace {
                            track: t.id.clone(),
                            level: l.id.clone(),
                            area: s.area.clone(),
                            id: s.id.clone(),
                        }),
                        source_file: src.clone(),
                        span: s.span.clone(),
                    });
                    for (n, e) in s.examples.iter().enumerate() {
                        out.push(SourceUnit {
                            file: file.clone(),
                            key: format!("{key}.examples.{n}"),
                            source: e.clone(),
                            statement: None,
                            source_file: src.clone(),
                            span: s.span.clone(),
                        });
                    }
                });
            }
        }
    }
    for p in &fw.pages {
        let file = format!("pages/{}.yaml", p.id);
        let src = file_of(&p.span, &format!("pages/{}.md", p.id));
        add(
            &mut out,
            file.clone(),
            "title".into(),
            Some(&p.title),
            &p.span,
            src.clone(),
        );
        add(
            &mut out,
            file.clone(),
            "short_title".into(),
            p.short_title.as_deref(),
            &p.span,
            src.clone(),
        );
        add(
            &mut out,
            file.clone(),
            "description".into(),
            p.description.as_deref(),
            &p.span,
            src.clone(),
        );
        add(&mut out, file, "body".into(), Some(&p.body), &p.span, src);
    }
    out
}

fn add(
    out: &mut Vec<SourceUnit>,
    file: String,
    key: String,
    text: Option<&str>,
    span: &Span,
    source_file: String,
) {
    if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
        out.push(SourceUnit {
            file,
            key,
            source: t.to_string(),
            statement: None,
            source_file,
            span: span.clone(),
        });
    }
}
