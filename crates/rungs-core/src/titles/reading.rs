//! What the resolver answers: a level ([`Place`]), "not on this ladder" or
//! "cannot place" ([`Answer`]), what settled it ([`Via`]), and the whole
//! [`Reading`] with its confidence and reasons.

use serde::Serialize;

use crate::model::TrackKind;

/// Answers with this confidence or more are sure; below, "not sure".
pub const SURE_FROM: f64 = 0.85;

/// A level of the framework, as an answer names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Track id.
    pub track: String,
    /// Track title.
    pub track_title: String,
    /// Level id.
    pub level: String,
    /// Level title.
    pub title: String,
    /// Individual contributor or management (the track's kind).
    pub kind: TrackKind,
}

/// What a title is on the framework's ladders.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "is", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Answer {
    /// This level.
    Level(Place),
    /// The title names a job the ladders do not cover: an executive, an
    /// intern, another kind of work, or a manager where there is no
    /// management track.
    NotOnLadder,
    /// The words do not say a level (an unknown role, a code the
    /// organisation has not declared).
    CannotPlace,
}

/// Which part of the title settled the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Via {
    /// It is a level's title.
    Title,
    /// It is an alias a level declares.
    Alias,
    /// It holds a code of `[titles.codes]`.
    Code,
    /// It names a grade of the framework's scale.
    Grade,
    /// Its words: seniority, step, role, function.
    Words,
}

/// A title read against a framework: the answer, how sure, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// The title as given.
    pub title: String,
    /// The answer.
    pub answer: Answer,
    /// What settled it (none for "cannot place").
    pub via: Option<Via>,
    /// Individual contributor or management: the answer's track kind, or
    /// what the title reads as when it has no level.
    pub kind: Option<TrackKind>,
    /// 0 to 1: how likely the answer is right.
    pub confidence: f64,
    /// True for a level or "not on this ladder" from [`SURE_FROM`];
    /// otherwise read the answer as "not sure". "Cannot place" is never
    /// sure.
    pub sure: bool,
    /// How the title was read, in words ("“Sr” reads as Senior",
    /// "“Backend” names the function, not the level").
    pub reasons: Vec<String>,
    /// When not sure or not placed: the closest levels, closest first.
    pub closest: Vec<Place>,
}

impl Reading {
    /// The level of the answer, if it is one.
    pub fn level(&self) -> Option<&Place> {
        match &self.answer {
            Answer::Level(p) => Some(p),
            _ => None,
        }
    }

    /// The reasons as one sentence.
    pub fn why(&self) -> String {
        self.reasons.join("; ")
    }
}
