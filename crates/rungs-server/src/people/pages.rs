//! People's pages: "My level", the list, a person's page and form,
//! placements, password links, anonymising, the roster upload.

use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use rungs_store::PersonFields;
use rungs_store::model::{NewPlacement, PlacementReason, Role};

use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;
use crate::web::confirm::{self, Confirmation, Confirmed};
use crate::web::{Page, form_error, message, render, split_level};

pub(crate) async fn home(State(app): State<App>, viewer: Viewer) -> Page {
    let read = access::read(&app, &viewer, viewer.person.id).await?;
    let view = super::person(&app, &read).await?;
    let todo = crate::todo::localised(
        crate::todo::waiting(&app, &access::own(&viewer)).await?,
        crate::web::language(&app, Some(&viewer)),
    );
    let proposed = view.rollout.as_ref().and_then(|r| {
        app.ladder().level(
            r.entry.proposed_track.as_deref()?,
            r.entry.proposed_level.as_deref()?,
        )
    });
    render(
        &app,
        Some(&viewer),
        "home.html",
        "home",
        "My level",
        ctx! {
            person => view.person, manager => view.manager, level => view.level, next => view.next,
            rollout => view.rollout, placements => view.placements, proposed, todo,
        },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct PeopleQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: i64,
}

/// People a page of the list shows.
const PEOPLE_PAGE: i64 = 100;

pub(crate) async fn people(
    State(app): State<App>,
    viewer: Viewer,
    Query(query): Query<PeopleQuery>,
) -> Page {
    let scope = access::list_scope(&app, &viewer).await?;
    let page = query.page.max(0);
    let (people, matching) = super::search(
        &app,
        &scope,
        &query.q,
        rungs_store::Page {
            limit: PEOPLE_PAGE,
            offset: page.saturating_mul(PEOPLE_PAGE),
        },
    )
    .await?;
    let pages = (matching + PEOPLE_PAGE - 1) / PEOPLE_PAGE;
    let title = if scope.everyone() {
        "People"
    } else {
        "My team"
    };
    render(
        &app,
        Some(&viewer),
        "people.html",
        "people",
        title,
        ctx! { people, matching, pages, page, q => query.q.trim(), everyone => scope.everyone() },
    )
    .await
}

/// The person form's fields as posted.
#[derive(Deserialize)]
pub(crate) struct PersonForm {
    #[serde(default)]
    version: i64,
    name: String,
    email: String,
    #[serde(default)]
    job_title: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    manager_id: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    active: String,
    /// `yes` once the confirmation page for a deactivation was seen.
    #[serde(default)]
    confirm: String,
}

impl PersonForm {
    /// The form's own values, posted again by the confirmation page.
    fn echo(&self) -> Vec<(String, String)> {
        [
            ("version", self.version.to_string()),
            ("name", self.name.clone()),
            ("email", self.email.clone()),
            ("job_title", self.job_title.clone()),
            ("team", self.team.clone()),
            ("manager_id", self.manager_id.clone()),
            ("start_date", self.start_date.clone()),
            ("role", self.role.clone()),
            ("active", self.active.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn fields(&self) -> Result<PersonFields, ServerError> {
        let manager_id = match self.manager_id.trim() {
            "" => None,
            m => Some(
                m.parse()
                    .map_err(|_| ServerError::Invalid(format!("`{m}` is not a person id")))?,
            ),
        };
        Ok(PersonFields {
            email: self.email.clone(),
            name: self.name.clone(),
            job_title: self.job_title.clone(),
            team: Some(self.team.clone()),
            manager_id,
            start_date: Some(self.start_date.clone()),
            active: self.active != "false",
            role: Role::parse(if self.role.is_empty() {
                "employee"
            } else {
                &self.role
            })
            .ok_or_else(|| ServerError::Invalid(format!("`{}` is not a role", self.role)))?,
        })
    }
}

async fn person_form(
    app: &App,
    viewer: &Viewer,
    id: Option<i64>,
    error: Option<crate::web::FormError>,
) -> Page {
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let reasons: Vec<&str> = PlacementReason::ALL.iter().map(|r| r.as_str()).collect();
    match id {
        None => {
            let hr = access::hr(viewer)?;
            let managers = super::manager_choices(app, &hr, None).await?;
            render(
                app,
                Some(viewer),
                "person.html",
                "people",
                "Add a person",
                ctx! {
                    editable => true, action => "/app/people", roles, managers, error,
                },
            )
            .await
        }
        Some(id) => {
            let read = access::read(app, viewer, id).await?;
            let view = super::person(app, &read).await?;
            let editable = read.may_edit();
            let can_export = read.may_export();
            // The manager choices, for those who edit (HR) only.
            let managers = match access::hr(viewer) {
                Ok(hr) if editable => super::manager_choices(app, &hr, Some(id)).await?,
                _ => Vec::new(),
            };
            let title = view.person.name.clone();
            render(app, Some(viewer), "person.html", "people", &title, ctx! {
                person => view.person, placements => view.placements, level => view.level, editable, can_export,
                action => format!("/app/people/{id}"), roles, reasons, managers, levels => super::levels(app), error,
            })
            .await
        }
    }
}

pub(crate) async fn new_person(State(app): State<App>, viewer: Viewer) -> Page {
    person_form(&app, &viewer, None, None).await
}

pub(crate) async fn person(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    person_form(&app, &viewer, Some(id), None).await
}

pub(crate) async fn create_person(
    State(app): State<App>,
    viewer: Viewer,
    Form(form): Form<PersonForm>,
) -> Page {
    let created = async {
        let fields = form.fields()?;
        let edit = access::edit(&app, &viewer, None, fields.role).await?;
        super::create_person(&app, &edit, fields).await
    };
    match created.await {
        Ok(p) => Ok(Redirect::to(&format!("/app/people/{}", p.id)).into_response()),
        Err(e) => person_form(&app, &viewer, None, Some(form_error(e)?)).await,
    }
}

pub(crate) async fn update_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> Page {
    // Deactivating someone signs them out everywhere at once: the form
    // asks first, as the other destructive actions do.
    if form.active == "false" && form.confirm != "yes" {
        let fields = form.fields()?;
        access::edit(&app, &viewer, Some(id), fields.role).await?;
        let person = app
            .store
            .person(id)
            .await?
            .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
        if person.active {
            return ask_deactivate(&app, &viewer, &person, &form).await;
        }
    }
    let updated = async {
        let fields = form.fields()?;
        let edit = access::edit(&app, &viewer, Some(id), fields.role).await?;
        super::update_person(&app, &edit, form.version, fields).await
    };
    match updated.await {
        Ok(p) => Ok(Redirect::to(&format!("/app/people/{}", p.id)).into_response()),
        Err(e) => {
            let message = form_error(e)?;
            let page = person_form(&app, &viewer, Some(id), Some(message)).await?;
            Ok((axum::http::StatusCode::CONFLICT, page).into_response())
        }
    }
}

/// The page that asks before a person is deactivated, saying what follows.
async fn ask_deactivate(
    app: &App,
    viewer: &Viewer,
    person: &rungs_store::model::Person,
    form: &PersonForm,
) -> Page {
    let reports = app
        .store
        .people()
        .await?
        .iter()
        .filter(|p| p.active && p.manager_id == Some(person.id))
        .count();
    let name = &person.name;
    let mut consequences = vec![Phrase::new("confirm-deactivate-signs-out").text("name", name)];
    if reports > 0 {
        consequences.push(
            Phrase::new("confirm-deactivate-reports")
                .number("count", i64::try_from(reports).unwrap_or(i64::MAX))
                .text("name", name),
        );
    }
    consequences.push(Phrase::new("confirm-deactivate-kept"));
    confirm::ask(
        app,
        viewer,
        Confirmation {
            nav: "people",
            title: Phrase::new("confirm-deactivate-question").text("name", name),
            consequences,
            action: format!("/app/people/{}", person.id),
            button: Phrase::new("confirm-deactivate-button").text("name", name),
            back: format!("/app/people/{}", person.id),
            fields: form.echo(),
        },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct PlaceForm {
    level: String,
    #[serde(default)]
    from_date: String,
    reason: String,
    #[serde(default)]
    note: String,
}

pub(crate) async fn place(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<PlaceForm>,
) -> Page {
    let (track, level) = split_level(&form.level)?;
    let new = NewPlacement {
        track: track.into(),
        level: level.into(),
        from_date: Some(form.from_date.trim().to_string()).filter(|d| !d.is_empty()),
        reason: PlacementReason::parse(&form.reason)
            .ok_or_else(|| ServerError::Invalid(format!("`{}` is not a reason", form.reason)))?,
        note: form.note,
    };
    super::place(&app, &access::place(&app, &viewer, id).await?, new).await?;
    Ok(Redirect::to(&format!("/app/people/{id}")).into_response())
}

pub(crate) async fn reset_link(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    let link = super::reset_link(&app, &access::admin(&viewer)?, id).await?;
    let words = crate::i18n::messages(crate::web::language(&app, Some(&viewer)));
    render(
        &app,
        Some(&viewer),
        "message.html",
        "people",
        &words.get("password-link-title"),
        ctx! {
            message => words.get("password-link-text"),
            link, back => format!("/app/people/{id}"),
        },
    )
    .await
}

pub(crate) async fn anonymise(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(confirmed): Form<Confirmed>,
) -> Page {
    let admin = access::admin(&viewer)?;
    if !confirmed.yes() {
        let person = app
            .store
            .person(id)
            .await?
            .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
        let assessments = app.store.assessments_of(id).await?.len();
        let name = &person.name;
        return confirm::ask(
            &app,
            &viewer,
            Confirmation {
                nav: "people",
                title: Phrase::new("confirm-anonymise-question").text("name", name),
                consequences: vec![
                    Phrase::new("confirm-anonymise-removes").text("name", name),
                    Phrase::new("confirm-anonymise-final")
                        .number("count", i64::try_from(assessments).unwrap_or(i64::MAX)),
                ],
                action: format!("/app/people/{id}/anonymise"),
                button: Phrase::new("confirm-anonymise-button").text("name", name),
                back: format!("/app/people/{id}"),
                fields: Vec::new(),
            },
        )
        .await;
    }
    super::anonymise(&app, &admin, id).await?;
    let words = crate::i18n::messages(crate::web::language(&app, Some(&viewer)));
    let title = words.get("anonymised-title");
    render(
        &app,
        Some(&viewer),
        "message.html",
        "people",
        &title,
        message(&title, &words.get("anonymised-text")),
    )
    .await
}

pub(crate) async fn unlink_identity(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    super::unlink_identity(&app, &access::admin(&viewer)?, id).await?;
    Ok(Redirect::to(&format!("/app/people/{id}")).into_response())
}

pub(crate) async fn roster_page(State(app): State<App>, viewer: Viewer) -> Page {
    access::hr(&viewer)?;
    let dry_run = true;
    render(
        &app,
        Some(&viewer),
        "roster.html",
        "roster",
        "Import a roster",
        ctx! { dry_run },
    )
    .await
}

/// The most a kept upload may be: it comes back base64-encoded (a third
/// larger) with the next post, which must stay under the upload limit.
const KEPT_LIMIT: usize = crate::routes::UPLOAD_LIMIT / 4 * 3 - 64 * 1024;

/// Reads the roster form: a new file replaces the kept one (the previous
/// upload, sent back by the page so a dry run never loses it), and the
/// mapping's choices come back with it.
pub(crate) async fn roster(State(app): State<App>, viewer: Viewer, mut form: Multipart) -> Page {
    use base64::Engine as _;
    let hr = access::hr(&viewer)?;
    let (mut file, mut file_name, mut dry_run, mut deactivate) = (None, None, false, false);
    let (mut kept, mut kept_name) = (None, None);
    let mut mapping = super::roster_csv::Mapping::default();
    let malformed = |e: axum::extract::multipart::MultipartError| {
        ServerError::Invalid(format!("the upload is malformed: {e}"))
    };
    while let Some(field) = form.next_field().await.map_err(malformed)? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().map(str::to_string);
                let bytes = field.bytes().await.map_err(|e| {
                    ServerError::Invalid(format!("the upload failed or is over 20 MiB: {e}"))
                })?;
                // A file input left empty still sends an empty part.
                if !bytes.is_empty() {
                    file = Some(bytes.to_vec());
                    file_name = name;
                }
            }
            Some("kept") => {
                let text = field.text().await.map_err(malformed)?;
                if !text.trim().is_empty() {
                    kept = Some(
                        base64::engine::general_purpose::STANDARD
                            .decode(text.trim())
                            .map_err(|_| {
                                ServerError::Invalid(
                                    "the kept file was damaged: choose the file again".into(),
                                )
                            })?,
                    );
                }
            }
            Some("kept_name") => kept_name = Some(field.text().await.map_err(malformed)?),
            Some("dry_run") => dry_run = true,
            Some("deactivate_missing") => deactivate = true,
            Some(name) if name.starts_with("map_") || name == "date_format" => {
                let key = name.trim_start_matches("map_").to_string();
                let value = field.text().await.map_err(malformed)?;
                mapping.set(&key, value)?;
            }
            _ => {}
        }
    }
    let (file, file_name) = match (file, kept) {
        (Some(f), _) => (f, file_name),
        (None, Some(k)) => (k, kept_name),
        (None, None) => return Err(ServerError::Invalid("choose a CSV file".into())),
    };
    // Kept for the next run until it is imported; encoded before the
    // import, which takes the file.
    let too_big = file.len() > KEPT_LIMIT;
    let kept = (!too_big).then(|| base64::engine::general_purpose::STANDARD.encode(&file));
    let outcome = super::import_roster(&app, &hr, file, &mapping, dry_run, deactivate).await?;
    let outcome = super::roster::in_language(outcome, crate::web::language(&app, Some(&viewer)));
    let (status, applied) = match &outcome {
        super::RosterOutcome::Refused { .. } => {
            (axum::http::StatusCode::UNPROCESSABLE_ENTITY, false)
        }
        super::RosterOutcome::Planned { applied, .. } => (axum::http::StatusCode::OK, *applied),
    };
    let kept = kept.filter(|_| !applied);
    let file_name = file_name.unwrap_or_else(|| "the file".into());
    let date_format = mapping.date_format;
    let page = render(
        &app,
        Some(&viewer),
        "roster.html",
        "roster",
        "Import a roster",
        ctx! { outcome, kept, file_name, too_big, dry_run, deactivate, date_format },
    )
    .await?;
    Ok((status, page).into_response())
}
