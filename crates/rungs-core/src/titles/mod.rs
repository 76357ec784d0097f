//! Job titles as people write them, placed on a framework's ladders.
//!
//! "Sr. Software Engineer", "SWE II", "Staff SRE", "Manager, Site
//! Reliability", "L5": [`Titles::resolve`] reads such a title against a
//! framework and answers with a level (and its track, individual
//! contributor or management), "not on this ladder" or "cannot place", with
//! a confidence and its reasons in words. In this order it reads:
//!
//! 1. the ladder's own level titles and their declared `aliases`;
//! 2. the organisation's table of other companies' level codes
//!    (`[titles.codes]` of rungs.toml: `L5 = "engineering/senior"`);
//!    codes are never guessed;
//! 3. the framework's grades ("L4" where the grade scale has L4);
//! 4. the words: seniority words and their abbreviations ("Sr.", "Snr",
//!    "Staff", "Head of"), a step ("II", "3"), the role ("Engineer",
//!    "Developer"), function words that choose between tracks but never the
//!    level ("Backend", "SRE", "in Test"), qualifiers left aside with a note
//!    ("Contract", "Acting"), and words that put a title off the ladder (an
//!    executive's, an intern's, another kind of work's: "Head of People").
//!
//! A manager's title goes to a management track, or is not on a ladder
//! that has none: never the top individual-contributor level. An answer
//! the words do not settle (a number read from the bottom of the ladder, a
//! rung the ladder does not have) is "not sure" and lists the closest
//! levels. The seniority words are those `rungs map` reads.

mod read;
mod reading;
pub(crate) mod settings;

pub use reading::{Answer, Place, Reading, SURE_FROM, Via};

use std::collections::HashSet;

use crate::align::seniority::{PLAIN_ROLE, STEP};
use crate::model::{Framework, Level, Track, TrackKind};

use read::{Outside, Read, title_case};

/// One level the resolver may answer with.
struct Entry<'a> {
    /// Index into [`Titles::tracks`].
    track: usize,
    level: &'a Level,
    read: Read,
    /// The keys of its aliases, with the alias as written.
    aliases: Vec<(String, &'a str)>,
    /// Where it sits, 0 (entry) to 1 (the top): from its title's rung and
    /// step; else from its place in its track, with `placed` true.
    position: f64,
    placed: bool,
}

/// One track, with what its titles say of its work.
struct TrackInfo<'a> {
    track: &'a Track,
    /// Functions its titles name ("reliability").
    functions: Vec<&'static str>,
    /// Role nouns its level titles use ("engineer").
    roles: Vec<String>,
    /// Its entries, most junior first.
    entries: Vec<usize>,
}

/// A framework's levels, ready to place titles on. Build it once for many
/// titles.
pub struct Titles<'a> {
    framework: &'a Framework,
    tracks: Vec<TrackInfo<'a>>,
    entries: Vec<Entry<'a>>,
    /// The ladder's own words (titles, aliases, track titles).
    vocabulary: HashSet<String>,
}

/// A candidate answer on one track.
struct Candidate {
    entry: usize,
    confidence: f64,
    reason: String,
}

impl<'a> Titles<'a> {
    /// Every level of every track of `framework`.
    pub fn new(framework: &'a Framework) -> Self {
        let pairs = framework
            .tracks
            .iter()
            .flat_map(|t| t.levels.iter().map(move |l| (t, l)))
            .collect();
        Self::build(framework, pairs)
    }

    /// Only the levels of one track's ladder (with, for a branch, the
    /// levels it shares below its branch point); `None` when there is no
    /// such track.
    pub fn of_track(framework: &'a Framework, track: &str) -> Option<Self> {
        let t = framework.track(track)?;
        Some(Self::build(framework, framework.ladder(t)))
    }

    fn build(framework: &'a Framework, pairs: Vec<(&'a Track, &'a Level)>) -> Self {
        let mut vocabulary = HashSet::new();
        let mut add_words = |text: &str| {
            for (w, _) in crate::align::seniority::title_words(text) {
                vocabulary.insert(w);
            }
        };
        for (t, l) in &pairs {
            add_words(&t.title);
            add_words(&l.title);
            for a in &l.aliases {
                add_words(a);
            }
        }
        let none = HashSet::new();
        let mut tracks: Vec<TrackInfo<'a>> = Vec::new();
        let mut entries: Vec<Entry<'a>> = Vec::new();
        for (t, l) in pairs {
            let ti = match tracks.iter().position(|x| x.track.id == t.id) {
                Some(i) => i,
                None => {
                    let head = read::read(&t.title, &none);
                    tracks.push(TrackInfo {
                        track: t,
                        functions: head.functions,
                        roles: Vec::new(),
                        entries: Vec::new(),
                    });
                    tracks.len() - 1
                }
            };
            let read = read::read(&l.title, &none);
            let info = &mut tracks[ti];
            for f in &read.functions {
                if !info.functions.contains(f) {
                    info.functions.push(f);
                }
            }
            if let Some(role) = &read.role
                && !info.roles.contains(role)
            {
                info.roles.push(role.clone());
            }
            info.entries.push(entries.len());
            entries.push(Entry {
                track: ti,
                level: l,
                aliases: l
                    .aliases
                    .iter()
                    .map(|a| (read::read(a, &none).key, a.as_str()))
                    .collect(),
                position: 0.0,
                placed: false,
                read,
            });
        }
        for info in &mut tracks {
            info.entries.sort_by_key(|&e| entries[e].level.rank);
            let n = info.entries.len();
            for (i, &e) in info.entries.iter().enumerate() {
                let entry = &mut entries[e];
                let step = entry
                    .read
                    .step
                    .filter(|s| *s >= 2)
                    .map_or(0.0, |s| STEP * f64::from(s - 1));
                match (entry.read.rung, &entry.read.role) {
                    (Some((_, p)), _) => entry.position = p + step,
                    (None, Some(_)) => entry.position = PLAIN_ROLE + step,
                    (None, None) => {
                        entry.position = if n > 1 {
                            i as f64 / (n - 1) as f64
                        } else {
                            0.5
                        };
                        entry.placed = true;
                    }
                }
            }
        }
        Titles {
            framework,
            tracks,
            entries,
            vocabulary,
        }
    }

    fn place(&self, entry: usize) -> Place {
        let e = &self.entries[entry];
        let t = self.tracks[e.track].track;
        Place {
            track: t.id.clone(),
            track_title: t.title.clone(),
            level: e.level.id.clone(),
            title: e.level.title.clone(),
            kind: t.kind,
        }
    }

    /// "Senior Engineer (Engineering)": a level as reasons name it.
    fn name(&self, entry: usize) -> String {
        let e = &self.entries[entry];
        if self.tracks.len() > 1 {
            format!("{} ({})", e.level.title, self.tracks[e.track].track.title)
        } else {
            e.level.title.clone()
        }
    }

    /// Places `title` on the ladders.
    pub fn resolve(&self, title: &str) -> Reading {
        let read = read::read(title, &self.vocabulary);
        let mut reading = Reading {
            title: title.to_string(),
            answer: Answer::CannotPlace,
            via: None,
            kind: read.kind_said.then_some(read.kind),
            confidence: 0.0,
            sure: false,
            reasons: read.notes.clone(),
            closest: Vec::new(),
        };
        if read.key.is_empty() {
            reading
                .reasons
                .push("the title has no words to read".to_string());
            return reading;
        }
        let found = self
            .by_title(&read)
            .or_else(|| self.by_code(&read))
            .or_else(|| self.by_grade(&read));
        match found {
            Some(found) => self.settle(&mut reading, &read, found),
            None => self.by_words(&mut reading, &read),
        }
        if let Some(place) = reading.level() {
            reading.kind = Some(place.kind);
        }
        reading.confidence = (reading.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        reading.sure = reading.answer != Answer::CannotPlace && reading.confidence >= SURE_FROM;
        if reading.sure {
            reading.closest.clear();
        }
        reading
    }

    /// How well a track fits the title's function and role words: +1 for
    /// each function both name, +0.5 for its role noun, −0.5 when the track
    /// is for a function the title does not name.
    fn track_score(&self, track: usize, read: &Read) -> f64 {
        let t = &self.tracks[track];
        let mut score = 0.0;
        for f in &read.functions {
            if t.functions.contains(f) {
                score += 1.0;
            }
        }
        if read.role.as_ref().is_some_and(|r| t.roles.contains(r)) {
            score += 0.5;
        }
        if t.functions.iter().any(|f| !read.functions.contains(f)) {
            score -= 0.5;
        }
        score
    }

    /// Of several levels, the one whose track fits the title best; with a
    /// tie, the first, and the others as the closest.
    fn best_of(&self, hits: &[usize], read: &Read) -> (usize, bool, Vec<usize>) {
        let mut hits: Vec<usize> = hits.to_vec();
        if read.kind_said {
            let kind: Vec<usize> = hits
                .iter()
                .copied()
                .filter(|&e| self.tracks[self.entries[e].track].track.kind == read.kind)
                .collect();
            if !kind.is_empty() {
                hits = kind;
            }
        }
        let score = |e: usize| self.track_score(self.entries[e].track, read);
        let best = hits
            .iter()
            .copied()
            .max_by(|x, y| score(*x).total_cmp(&score(*y)).then(y.cmp(x)))
            .unwrap_or(0);
        let others: Vec<usize> = hits.iter().copied().filter(|&e| e != best).collect();
        let tie = others.iter().any(|&e| score(e) == score(best));
        (best, !tie, others)
    }

    /// The title is a level's title or alias.
    fn by_title(&self, read: &Read) -> Option<Found> {
        let titles: Vec<usize> = (0..self.entries.len())
            .filter(|&e| self.entries[e].read.key == read.key)
            .collect();
        let (hits, via) = if titles.is_empty() {
            let aliases: Vec<usize> = (0..self.entries.len())
                .filter(|&e| self.entries[e].aliases.iter().any(|(k, _)| *k == read.key))
                .collect();
            (aliases, Via::Alias)
        } else {
            (titles, Via::Title)
        };
        if hits.is_empty() {
            return None;
        }
        let (best, clear, others) = self.best_of(&hits, read);
        let mut reasons = vec![match via {
            Via::Alias => {
                let alias = self.entries[best]
                    .aliases
                    .iter()
                    .find(|(k, _)| *k == read.key)
                    .map_or("", |(_, a)| *a);
                format!("\u{201c}{alias}\u{201d} is an alias of {}", self.name(best))
            }
            _ => format!("it is the title of {}", self.name(best)),
        }];
        let mut confidence = if via == Via::Title { 0.98 } else { 0.97 };
        if !others.is_empty() {
            if clear {
                confidence = 0.9;
                reasons.push(format!(
                    "{} other level(s) have it too; the title's words fit this track best",
                    others.len()
                ));
            } else {
                confidence = 0.6;
                reasons.push(format!(
                    "levels of {} tracks have it, and nothing in the title chooses one",
                    others.len() + 1
                ));
            }
        }
        Some(Found {
            entry: best,
            via,
            confidence,
            reasons,
            others,
        })
    }

    /// The title holds a code of `[titles.codes]`.
    fn by_code(&self, read: &Read) -> Option<Found> {
        let mut hits: Vec<usize> = Vec::new();
        let mut codes: Vec<&str> = Vec::new();
        for code in &self.framework.title_codes {
            if !holds(&read.written, &code.code) {
                continue;
            }
            if let Some(e) = self.entries.iter().position(|e| {
                e.level.id == code.level && self.tracks[e.track].track.id == code.track
            }) && !hits.contains(&e)
            {
                hits.push(e);
                codes.push(&code.code);
            }
        }
        let (&first, &code) = (hits.first()?, codes.first()?);
        let mut found = Found {
            entry: first,
            via: Via::Code,
            confidence: 0.95,
            reasons: vec![format!(
                "\u{201c}{code}\u{201d} is in this framework's table of level codes ([titles.codes])"
            )],
            others: hits[1..].to_vec(),
        };
        if hits.len() > 1 {
            found.confidence = 0.6;
            found
                .reasons
                .push(format!("it holds {} codes of different levels", hits.len()));
        }
        Some(found)
    }

    /// The title names a grade of the framework's scale.
    fn by_grade(&self, read: &Read) -> Option<Found> {
        // A grade that is a bare number ("3") would read every step as a
        // grade: such grades count only as the whole title.
        let grade = self.framework.grades.iter().find(|g| {
            if g.id.chars().any(char::is_alphabetic) {
                holds(&read.written, &g.id)
            } else {
                read.written.len() == 1 && read.written[0] == g.id.to_lowercase()
            }
        })?;
        let hits: Vec<usize> = (0..self.entries.len())
            .filter(|&e| self.entries[e].level.grade.as_deref() == Some(grade.id.as_str()))
            .collect();
        if hits.is_empty() {
            return None;
        }
        let (best, clear, others) = self.best_of(&hits, read);
        let mut reasons = vec![format!(
            "\u{201c}{}\u{201d} is grade {} of this framework",
            grade.id, grade.id
        )];
        let confidence = if others.is_empty() {
            0.93
        } else if clear {
            0.88
        } else {
            reasons.push(format!(
                "grade {} has a level on {} tracks, and nothing in the title chooses one",
                grade.id,
                others.len() + 1
            ));
            0.7
        };
        Some(Found {
            entry: best,
            via: Via::Grade,
            confidence,
            reasons,
            others,
        })
    }

    /// Writes a title, code or grade answer into `reading`, checking it
    /// against what the words say.
    fn settle(&self, reading: &mut Reading, read: &Read, found: Found) {
        reading.answer = Answer::Level(self.place(found.entry));
        reading.via = Some(found.via);
        reading.confidence = found.confidence;
        reading.reasons.extend(found.reasons);
        reading.closest = found.others.iter().map(|&e| self.place(e)).collect();
        if found.via == Via::Title || found.via == Via::Alias {
            return;
        }
        // A code or grade beside words that say another level: not sure.
        let mut words = Reading {
            reasons: Vec::new(),
            ..reading.clone()
        };
        self.by_words(&mut words, read);
        if let Some(other) = words.level()
            && words.confidence >= SURE_FROM
            && words.level() != reading.level()
        {
            reading.confidence = reading.confidence.min(0.6);
            reading.reasons.push(format!(
                "but its words read as {}",
                if self.tracks.len() > 1 {
                    format!("{} ({})", other.title, other.track_title)
                } else {
                    other.title.clone()
                }
            ));
            reading.closest.insert(0, other.clone());
        }
    }

    /// Reads the words: seniority, step, role, function.
    fn by_words(&self, reading: &mut Reading, read: &Read) {
        reading.via = Some(Via::Words);
        // Off the ladder: why, and the levels closest to it.
        let off = match &read.outside {
            Some(Outside::Executive(word)) => Some((
                format!(
                    "\u{201c}{word}\u{201d} is an executive's title, above this framework's ladders"
                ),
                self.tops(),
            )),
            Some(Outside::Intern(word)) => Some((
                format!("\u{201c}{word}\u{201d}: interns are below this framework's ladders"),
                self.bottoms(),
            )),
            Some(Outside::OtherWork(word)) => Some((
                format!("\u{201c}{word}\u{201d} names work this framework has no ladder for"),
                Vec::new(),
            )),
            None => None,
        };
        if let Some((why, closest)) = off {
            reading.answer = Answer::NotOnLadder;
            reading.confidence = 0.9;
            reading.reasons.push(why);
            reading.closest = closest;
            return;
        }
        if let Some(head) = &read.unknown_head {
            reading.via = None;
            reading.reasons.push(format!(
                "\u{201c}{head}\u{201d} is neither a role rungs knows nor a word of this framework's titles{}",
                if read.written.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
                    " (other companies' level codes are read only from [titles.codes] in rungs.toml)"
                } else {
                    ""
                }
            ));
            reading.closest = self.near(read);
            return;
        }
        let named = read.rung.is_some()
            || read.role.is_some()
            || read.role_implied
            || (read.step.is_some() && read.step_word);
        if !named {
            reading.via = None;
            reading.reasons.push(
                "nothing in it says a role or a seniority (other companies' level codes are read only from [titles.codes] in rungs.toml)".to_string(),
            );
            reading.closest = self.near(read);
            return;
        }
        let kind = read.kind;
        let tracks: Vec<usize> = (0..self.tracks.len())
            .filter(|&t| self.tracks[t].track.kind == kind)
            .collect();
        if tracks.is_empty() {
            reading.answer = Answer::NotOnLadder;
            reading.kind = Some(kind);
            reading.confidence = 0.9;
            reading.reasons.push(match kind {
                TrackKind::Management => "it is a manager's title, and this framework has no management track".to_string(),
                TrackKind::Ic => "it is an individual contributor's title, and this framework has only management tracks".to_string(),
            });
            return;
        }
        // The best answer on each track, then the best of those: the
        // surest, then the track that fits the title's words, then the first.
        let mut options: Vec<(usize, Candidate, f64)> = Vec::new();
        for &t in &tracks {
            if let Some(c) = self.on_track(t, read) {
                options.push((t, c, self.track_score(t, read)));
            }
        }
        options.sort_by(|x, y| {
            y.1.confidence
                .total_cmp(&x.1.confidence)
                .then(y.2.total_cmp(&x.2))
                .then(x.0.cmp(&y.0))
        });
        let Some((track, best, score)) = options.first() else {
            reading.via = None;
            reading.reasons.push(format!(
                "no level of this framework sits near {}",
                read.rung.map_or("it".to_string(), |(p, _)| title_case(p))
            ));
            reading.closest = self.near(read);
            return;
        };
        let mut confidence = best.confidence;
        reading.reasons.push(best.reason.clone());
        // A track for the title's function that lacks the level.
        let wanted = tracks
            .iter()
            .copied()
            .filter(|&t| {
                read.functions
                    .iter()
                    .any(|f| self.tracks[t].functions.contains(f))
            })
            .max_by(|x, y| {
                self.track_score(*x, read)
                    .total_cmp(&self.track_score(*y, read))
                    .then(y.cmp(x))
            });
        if let Some(w) = wanted
            && w != *track
        {
            let rung = read.rung.map_or("this".to_string(), |(p, _)| title_case(p));
            reading.reasons.push(format!(
                "{} has no {rung} level; read on {}",
                self.tracks[w].track.title, self.tracks[*track].track.title
            ));
        }
        // Another track as sure and as fitting, with another level.
        let tied: Vec<usize> = options[1..]
            .iter()
            .filter(|(_, c, s)| c.confidence == best.confidence && s == score)
            .map(|(_, c, _)| c.entry)
            .collect();
        if !tied.is_empty() {
            confidence = confidence.min(0.7);
            let names: Vec<&str> = std::iter::once(*track)
                .chain(tied.iter().map(|&e| self.entries[e].track))
                .map(|t| self.tracks[t].track.title.as_str())
                .collect();
            reading.reasons.push(format!(
                "nothing in the title chooses between {}",
                names.join(" and ")
            ));
        }
        if !read.unknown.is_empty() {
            confidence -= (0.04 * read.unknown.len() as f64).min(0.12);
            reading.reasons.push(format!(
                "{} read as a team or product area",
                read.unknown
                    .iter()
                    .map(|w| format!("\u{201c}{w}\u{201d}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !read.numbers.is_empty() {
            confidence -= 0.25;
            reading.reasons.push(format!(
                "\u{201c}{}\u{201d} is not a step rungs reads",
                read.numbers.join(" ")
            ));
        }
        if read.role_implied && read.rung.is_none() {
            confidence -= 0.1;
            reading
                .reasons
                .push("it names a function but no role: read as an engineer".to_string());
        }
        reading.answer = Answer::Level(self.place(best.entry));
        reading.confidence = confidence;
        if confidence < SURE_FROM {
            // Answers as good on other tracks, the neighbours on this
            // track, then the other tracks' answers.
            let mut closest: Vec<usize> = tied;
            let mut near: Vec<usize> = self.tracks[*track]
                .entries
                .iter()
                .copied()
                .filter(|&e| e != best.entry)
                .collect();
            let at = self.entries[best.entry].position;
            near.sort_by(|x, y| {
                (self.entries[*x].position - at)
                    .abs()
                    .total_cmp(&(self.entries[*y].position - at).abs())
            });
            for e in near.into_iter().take(2) {
                if !closest.contains(&e) {
                    closest.push(e);
                }
            }
            for (_, c, _) in &options[1..] {
                if c.confidence >= 0.5 && !closest.contains(&c.entry) {
                    closest.push(c.entry);
                }
            }
            closest.truncate(3);
            reading.closest = closest.into_iter().map(|e| self.place(e)).collect();
        }
    }

    /// The best answer on track `t` for the words of `read`.
    fn on_track(&self, t: usize, read: &Read) -> Option<Candidate> {
        let entries = &self.tracks[t].entries;
        let phrase = |r: &Read| -> Option<&'static str> {
            r.rung
                .map(|(p, _)| p)
                .or((r.role.is_some() || r.role_implied).then_some("plain"))
        };
        let wanted = phrase(read);
        let step_bump = read
            .step
            .filter(|s| *s >= 2)
            .map_or(0.0, |s| STEP * f64::from(s - 1));
        let position = read.rung.map_or(PLAIN_ROLE, |(_, p)| p) + step_bump;
        let rung_words = match (read.rung, &read.role) {
            (Some((p, _)), _) => title_case(p),
            (None, Some(role)) => title_case(role),
            (None, None) => "a role with no seniority word".to_string(),
        };
        let step_written = read.step_written.clone().unwrap_or_default();
        let same: Vec<usize> = entries
            .iter()
            .copied()
            .filter(|&e| wanted.is_some() && phrase(&self.entries[e].read) == wanted)
            .collect();
        let exact: Vec<usize> = same
            .iter()
            .copied()
            .filter(|&e| self.entries[e].read.step == read.step)
            .collect();
        if let Some(&e) = exact.first() {
            let reason = match (read.rung, read.step) {
                (None, None) => format!(
                    "a role with no seniority word is the ladder's middle: {}",
                    self.name(e)
                ),
                (_, Some(_)) => format!("{rung_words} {step_written}, as in {}", self.name(e)),
                (Some(_), None) => format!("{rung_words}, as in {}", self.name(e)),
            };
            return Some(Candidate {
                entry: e,
                confidence: if exact.len() == 1 { 0.92 } else { 0.7 },
                reason,
            });
        }
        let numbered_here = same.iter().any(|&e| self.entries[e].read.step.is_some());
        // "Engineer II" on a ladder whose middle has no number: counted
        // from the bottom ("Level 3" too).
        let count_up = read.rung.is_none() && read.step.is_some() && !numbered_here;
        if !same.is_empty() && !count_up {
            let (e, confidence, reason) = match read.step {
                Some(_) if !numbered_here => {
                    let e = same[0];
                    (
                        e,
                        if same.len() == 1 { 0.75 } else { 0.65 },
                        format!(
                            "{rung_words}: {} has no numbered steps, so \u{201c}{step_written}\u{201d} is left aside",
                            self.name(e)
                        ),
                    )
                }
                None => {
                    let e = same
                        .iter()
                        .copied()
                        .min_by_key(|&e| self.entries[e].read.step)
                        .unwrap_or(same[0]);
                    (
                        e,
                        0.7,
                        format!(
                            "{rung_words} with no number: {} is the first of {} such levels",
                            self.name(e),
                            same.len()
                        ),
                    )
                }
                Some(s) => {
                    let e = same
                        .iter()
                        .copied()
                        .min_by_key(|&e| self.entries[e].read.step.unwrap_or(1).abs_diff(s))
                        .unwrap_or(same[0]);
                    (
                        e,
                        0.6,
                        format!(
                            "{rung_words} \u{201c}{step_written}\u{201d}: the ladder has no such step; the nearest is {}",
                            self.name(e)
                        ),
                    )
                }
            };
            return Some(Candidate {
                entry: e,
                confidence,
                reason,
            });
        }
        if count_up && let Some(s) = read.step {
            // Counted by rank: a track that starts higher up (a
            // specialisation from rank 2) has no first level.
            let e = entries
                .iter()
                .copied()
                .find(|&e| self.entries[e].level.rank == s)?;
            return Some(Candidate {
                entry: e,
                confidence: 0.6,
                reason: format!(
                    "\u{201c}{step_written}\u{201d} read as level {s} from the bottom: {}; companies number their levels differently (an alias settles it)",
                    self.name(e)
                ),
            });
        }
        // Another word at the same rung ("Junior" where the ladder says
        // "Associate"), else the nearest rung.
        let by_distance = |e: &usize| (self.entries[*e].position - position).abs();
        let nearest = entries
            .iter()
            .copied()
            .min_by(|x, y| by_distance(x).total_cmp(&by_distance(y)))?;
        let distance = by_distance(&nearest);
        let e = &self.entries[nearest];
        if distance <= 0.025 && !e.placed {
            let reason = match e.read.rung {
                Some((p, _)) => format!(
                    "{rung_words} sits where {} does: {}",
                    title_case(p),
                    self.name(nearest)
                ),
                None => format!(
                    "{rung_words} is the ladder's middle: {}",
                    self.name(nearest)
                ),
            };
            return Some(Candidate {
                entry: nearest,
                confidence: 0.87,
                reason,
            });
        }
        if distance > 0.2 {
            return None;
        }
        let cap = if e.placed { 0.5 } else { 0.6 };
        Some(Candidate {
            entry: nearest,
            confidence: (0.62 - 1.5 * distance).clamp(0.3, cap),
            reason: format!(
                "no level of {} says {rung_words}; the nearest is {}",
                self.tracks[t].track.title,
                self.name(nearest)
            ),
        })
    }

    /// The most senior level of each track: the closest to an executive.
    fn tops(&self) -> Vec<Place> {
        let management: Vec<&TrackInfo> = self
            .tracks
            .iter()
            .filter(|t| t.track.kind == TrackKind::Management)
            .collect();
        let from = if management.is_empty() {
            self.tracks.iter().collect()
        } else {
            management
        };
        from.iter()
            .filter_map(|t| t.entries.last())
            .take(3)
            .map(|&e| self.place(e))
            .collect()
    }

    /// The first level of each individual contributors' track.
    fn bottoms(&self) -> Vec<Place> {
        self.tracks
            .iter()
            .filter(|t| t.track.kind == TrackKind::Ic)
            .filter_map(|t| t.entries.first())
            .take(3)
            .map(|&e| self.place(e))
            .collect()
    }

    /// Levels whose titles are spelled most like the title (for a typo or
    /// an unknown word), else near its rung.
    fn near(&self, read: &Read) -> Vec<Place> {
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let best = std::iter::once(e.read.key.as_str())
                .chain(e.aliases.iter().map(|(k, _)| k.as_str()))
                .map(|k| strsim::jaro_winkler(&read.key, k))
                .fold(0.0, f64::max);
            if best >= 0.8 {
                scored.push((best, i));
            }
        }
        if scored.is_empty()
            && let Some((_, p)) = read.rung
        {
            for (i, e) in self.entries.iter().enumerate() {
                if self.tracks[e.track].track.kind == read.kind && !e.placed {
                    scored.push((1.0 - (e.position - p).abs(), i));
                }
            }
        }
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, e)| self.place(e))
            .collect()
    }
}

/// An answer found by title, alias, code or grade.
struct Found {
    entry: usize,
    via: Via,
    confidence: f64,
    reasons: Vec<String>,
    /// Other levels it could be.
    others: Vec<usize>,
}

/// Words as codes are compared: lower case, joined, Roman numerals as
/// digits ("SDE II" and "sde-2" are both `sde2`).
fn compact_words(words: &[String]) -> String {
    words
        .iter()
        .map(|w| match crate::align::seniority::title_step(w) {
            Some(n) if w.chars().all(char::is_alphabetic) => n.to_string(),
            _ => w.clone(),
        })
        .collect()
}

/// The lower-case words of a text, split at anything that is not a letter
/// or digit.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A code as it is compared ([`compact_words`]).
pub(crate) fn compact(code: &str) -> String {
    compact_words(&lower_words(code))
}

/// True when the words of a title (as written, lower case) hold `code` as
/// consecutive words, spaces aside and Roman numerals as digits: "SDE II"
/// is in "SDE 2", "sde2" and "Senior SDE II".
fn holds(written: &[String], code: &str) -> bool {
    let wanted = compact(code);
    !wanted.is_empty()
        && (0..written.len())
            .any(|i| (i + 1..=written.len()).any(|j| compact_words(&written[i..j]) == wanted))
}

/// Places one title on `framework`'s ladders (for many titles, build
/// [`Titles`] once).
pub fn resolve(framework: &Framework, title: &str) -> Reading {
    Titles::new(framework).resolve(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_held_whole_words_spaces_and_numerals_aside() {
        let w = lower_words;
        assert!(holds(&w("SDE 2"), "SDE II"));
        assert!(holds(&w("Senior SDE II"), "SDE II"));
        assert!(holds(&w("sde2"), "SDE II"));
        assert!(holds(&w("L5"), "L5"));
        assert!(!holds(&w("L50"), "L5"));
        assert!(!holds(&w("Engineer 2"), "62"));
        assert!(!holds(&w("anything"), " "));
    }
}
