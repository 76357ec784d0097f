//! A deterministic generator of realistic synthetic frameworks, for
//! benchmarks: T tracks × L levels, 20-30 statements per level over every
//! area, indicators on every level.

use crate::model::{
    Area, Branch, Framework, Grade, Indicators, Level, Page, PercentRange, Scope, Statement,
    TimeShare, Track, TrackKind, YearRange,
};
use crate::text::slug;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct SynthOptions {
    /// Number of tracks.
    pub tracks: usize,
    /// Levels per track.
    pub levels: usize,
    /// Random seed: the same seed gives the same framework.
    pub seed: u64,
}

const DISCIPLINES: &[&str] = &[
    "Backend",
    "Frontend",
    "Mobile",
    "Data",
    "Platform",
    "Security",
    "Reliability",
    "Machine Learning",
    "Quality",
    "Infrastructure",
    "Developer Experience",
    "Payments",
    "Search",
    "Analytics",
    "Embedded",
];
const RANK_NAMES: &[&str] = &[
    "Associate",
    "",
    "Senior",
    "Staff",
    "Principal",
    "Distinguished",
    "Fellow",
];
const VERBS: &[&str] = &[
    "design",
    "review",
    "own",
    "improve",
    "document",
    "simplify",
    "measure",
    "automate",
    "plan",
    "explain",
    "test",
    "monitor",
    "refactor",
    "prioritise",
    "mentor",
    "coordinate",
    "estimate",
    "debug",
    "secure",
    "deliver",
];
const OBJECTS: &[&str] = &[
    "services",
    "features",
    "interfaces",
    "data pipelines",
    "release processes",
    "incident reviews",
    "design documents",
    "on-call rotations",
    "test suites",
    "deployment tooling",
    "team rituals",
    "hiring loops",
    "roadmaps",
    "dashboards",
    "migrations",
    "code reviews",
    "runbooks",
    "architecture decisions",
    "customer feedback",
    "onboarding guides",
];
const SCOPES: &[&str] = &[
    "within a single task",
    "for their own team",
    "across two or three teams",
    "for a whole product area",
    "across the department",
    "for the whole company",
    "in the wider industry",
];
const QUALIFIERS: &[&str] = &[
    "with guidance from a more experienced colleague",
    "independently and with care for quality",
    "while keeping stakeholders informed of progress and risks",
    "so that others can build on the result",
    "and share what they learned in writing",
    "balancing speed against long-term maintainability",
    "using data rather than opinion to decide",
    "and make the trade-offs explicit",
];
const TRAITS: &[&str] = &[
    "Curiosity",
    "Ownership",
    "Tenacity",
    "Judgement",
    "Humility",
    "Courage",
    "Care",
    "Clarity",
    "Pragmatism",
    "Focus",
];

/// The area tree every synthetic framework uses.
fn areas() -> Vec<Area> {
    let leaf = |title: &str| Area {
        id: slug(title),
        title: title.to_string(),
        ..Area::default()
    };
    let parent = |title: &str, children: Vec<Area>| Area {
        children,
        ..leaf(title)
    };
    vec![
        Area {
            aliases: vec!["Core".into()],
            ..leaf("Craft")
        },
        leaf("Delivery"),
        parent("People", vec![leaf("Communication"), leaf("Mentoring")]),
        parent("Impact", vec![leaf("Direction"), leaf("Community")]),
        leaf("Traits"),
    ]
}

/// The leaf areas that statements are written under.
const LEAVES: &[&str] = &[
    "craft",
    "delivery",
    "communication",
    "mentoring",
    "direction",
    "community",
    "traits",
];

/// Generates a framework.
pub fn generate(options: SynthOptions) -> Framework {
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let levels = options.levels.max(1);
    let mut tracks = Vec::with_capacity(options.tracks);
    for t in 0..options.tracks {
        let discipline = DISCIPLINES[t % DISCIPLINES.len()];
        let round = t / DISCIPLINES.len();
        let management = t % 4 == 3;
        let title = match (management, round) {
            (true, 0) => format!("{discipline} Management"),
            (true, r) => format!("{discipline} Management {}", r + 1),
            (false, 0) => format!("{discipline} Engineering"),
            (false, r) => format!("{discipline} Engineering {}", r + 1),
        };
        let id = slug(&title);
        let branch = management.then(|| Branch {
            from: tracks
                .last()
                .map(|p: &Track| p.id.clone())
                .unwrap_or_default(),
            rank: (levels as u32 / 2).max(2),
        });
        let first_rank = branch.as_ref().map_or(1, |b| b.rank);
        let level_list = (0..levels)
            .map(|i| {
                level(
                    &mut rng,
                    &title,
                    discipline,
                    management,
                    first_rank + i as u32,
                    levels,
                )
            })
            .collect();
        tracks.push(Track {
            id,
            description: Some(format!(
                "The {} ladder for {} people.",
                title,
                discipline.to_lowercase()
            )),
            introduction: Some(paragraph(&mut rng, 3)),
            kind: if management {
                TrackKind::Management
            } else {
                TrackKind::Ic
            },
            extends: None,
            branch,
            levels: level_list,
            title,
            ..Track::default()
        });
    }
    let max_rank = tracks
        .iter()
        .flat_map(|t| &t.levels)
        .map(|l| l.rank)
        .max()
        .unwrap_or(1);
    Framework {
        title: "Synthetic Careers".to_string(),
        description: Some(format!(
            "A generated framework of {} tracks and {} levels each.",
            options.tracks, levels
        )),
        base_url: Some("https://careers.example.org/".to_string()),
        introduction: Some(paragraph(&mut rng, 4)),
        grades: (1..=max_rank)
            .map(|r| Grade {
                id: format!("L{r}"),
                ..Grade::default()
            })
            .collect(),
        areas: areas(),
        tracks,
        pages: vec![
            Page {
                id: "introduction".into(),
                title: "Introduction".into(),
                description: Some("How to read this framework.".into()),
                body: format!("{}\n\n{}", paragraph(&mut rng, 4), paragraph(&mut rng, 3)),
                ..Page::default()
            },
            Page {
                id: "faq".into(),
                title: "FAQ".into(),
                description: Some("Frequently asked questions.".into()),
                body: (0..4)
                    .map(|_| {
                        format!(
                            "**{}?**\n{}",
                            sentence(&mut rng).trim_end_matches('.'),
                            paragraph(&mut rng, 2)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n"),
                ..Page::default()
            },
        ],
        ..Framework::default()
    }
}

fn level(
    rng: &mut fastrand::Rng,
    track: &str,
    discipline: &str,
    management: bool,
    rank: u32,
    levels: usize,
) -> Level {
    let step = (rank as usize - 1) * RANK_NAMES.len() / levels.max(RANK_NAMES.len()).max(1);
    let prefix = RANK_NAMES[step.min(RANK_NAMES.len() - 1)];
    let role = if management { "Manager" } else { "Engineer" };
    let title = format!("{prefix} {discipline} {role} {rank}")
        .trim()
        .to_string();
    let count = rng.usize(20..=30);
    let mut statements = Vec::with_capacity(count);
    for i in 0..count {
        let area = LEAVES[i % LEAVES.len()];
        statements.push(statement(rng, area, rank, i));
    }
    statements.sort_by_key(|s| LEAVES.iter().position(|a| *a == s.area));
    let mut level = Level {
        id: format!("level-{rank:02}"),
        rank,
        title,
        grade: Some(format!("L{rank}")),
        summary: Some(format!(
            "{} in the {} track.",
            sentence(rng).trim_end_matches('.'),
            track
        )),
        introduction: None,
        indicators: indicators(rng, rank),
        statements,
        ..Level::default()
    };
    crate::ids::assign(&mut level);
    level
}

fn statement(rng: &mut fastrand::Rng, area: &str, rank: u32, i: usize) -> Statement {
    let scope = SCOPES[(rank as usize - 1).min(SCOPES.len() - 1)];
    let text = format!(
        "You {} {} {} {}.",
        VERBS[rng.usize(..VERBS.len())],
        OBJECTS[rng.usize(..OBJECTS.len())],
        scope,
        QUALIFIERS[rng.usize(..QUALIFIERS.len())]
    );
    let name = (area == "traits").then(|| TRAITS[rng.usize(..TRAITS.len())].to_string());
    let children = if rng.usize(..10) == 0 {
        (0..2)
            .map(|_| Statement {
                area: area.to_string(),
                text: format!("For example, {}", sentence(rng).to_lowercase()),
                ..Statement::default()
            })
            .collect()
    } else {
        Vec::new()
    };
    let explicit = rng.usize(..20) == 0;
    Statement {
        id: if explicit {
            format!("s{rank}-{i}")
        } else {
            String::new()
        },
        explicit_id: explicit,
        area: area.to_string(),
        name,
        text,
        examples: Vec::new(),
        links: Vec::new(),
        children,
        span: Default::default(),
    }
}

fn indicators(rng: &mut fastrand::Rng, rank: u32) -> Indicators {
    // Centres that add up to 100, craft shrinking as direction grows with rank.
    let r = rank.min(8);
    let centres = [
        ("craft", 70 - 5 * r),
        ("delivery", 15),
        ("communication", 5 + r),
        ("mentoring", 5 + r),
        ("direction", 2 + 2 * r),
        ("community", 3 + r),
    ];
    let total: u32 = centres.iter().map(|c| c.1).sum();
    let mut time_split: Vec<TimeShare> = centres
        .iter()
        .map(|(area, c)| {
            let spread = rng.u32(0..=5);
            TimeShare {
                area: area.to_string(),
                percent: Some(PercentRange {
                    min: c.saturating_sub(spread),
                    max: (c + spread).min(100),
                    approximate: spread > 3,
                }),
                note: None,
            }
        })
        .collect();
    // Put the rounding difference on craft so the centres add up to exactly 100.
    if let Some(p) = time_split[0].percent.as_mut() {
        let diff = 100i64 - total as i64;
        p.min = (p.min as i64 + diff).clamp(0, 100) as u32;
        p.max = (p.max as i64 + diff).clamp(p.min as i64, 100) as u32;
    }
    time_split.push(TimeShare {
        area: "traits".into(),
        percent: None,
        note: Some("Shown consistently in everyday work.".into()),
    });
    let tenure_min = 1 + rank / 3;
    Indicators {
        tenure: Some(YearRange {
            min: tenure_min as f64,
            max: Some((tenure_min + 1) as f64),
        }),
        experience: Some(YearRange {
            min: ((rank - 1) * 2) as f64,
            max: None,
        }),
        scope: Some(
            Scope::ALL[((rank as usize - 1) / 2).min(Scope::ALL.len() - 1)]
                .as_str()
                .to_string(),
        ),
        time_split,
        ..Indicators::default()
    }
}

fn sentence(rng: &mut fastrand::Rng) -> String {
    format!(
        "People {} {} {} {}.",
        VERBS[rng.usize(..VERBS.len())],
        OBJECTS[rng.usize(..OBJECTS.len())],
        SCOPES[rng.usize(..SCOPES.len())],
        QUALIFIERS[rng.usize(..QUALIFIERS.len())]
    )
}

fn paragraph(rng: &mut fastrand::Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}
