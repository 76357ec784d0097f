//! SCIM 2.0 provisioning (RFC 7643, RFC 7644) at `/scim/v2`: an identity
//! provider (Okta, Entra ID, Google) creates, updates and deactivates
//! people, so the roster stays current and leavers lose access at once.
//!
//! Users are people (`user`); Groups are teams, read only. Requests carry
//! an administrator's `scim` token (`access::provision`), which can do
//! nothing else; every change goes through the people operations, so it
//! follows their rules and is audited, naming the token. Answers are
//! `application/scim+json`, errors SCIM error bodies (`status`,
//! `scimType`, `detail`).

mod discovery;
mod filter;
mod patch;
mod user;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use serde::Deserialize;
use serde_json::{Value, json};

use rungs_store::model::{Person, Role};

use crate::access::{self, Provisioning};
use crate::auth::MaybeViewer;
use crate::error::ServerError;
use crate::state::App;

pub(crate) use user::Draft;

/// The enterprise User extension.
pub(crate) const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const LIST: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
const GROUP: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";

/// The most resources a page lists.
const MAX_COUNT: usize = 1000;

/// Whether `path` is a SCIM endpoint (answered in SCIM's words).
pub(crate) fn is_scim(path: &str) -> bool {
    path == "/scim/v2" || path.starts_with("/scim/v2/")
}

/// SCIM's routes.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/scim/v2/Users", get(list_users).post(create_user)),
        (
            "/scim/v2/Users/{id}",
            get(get_user)
                .put(replace_user)
                .patch(patch_user)
                .delete(delete_user),
        ),
        ("/scim/v2/Groups", get(list_groups)),
        ("/scim/v2/Groups/{id}", get(get_group)),
        (
            "/scim/v2/ServiceProviderConfig",
            get(discovery::service_provider_config),
        ),
        ("/scim/v2/Schemas", get(discovery::schemas)),
        ("/scim/v2/ResourceTypes", get(discovery::resource_types)),
    ]
}

/// A SCIM error: an HTTP status, a `scimType` when RFC 7644 §3.12 names
/// one, and what went wrong.
#[derive(Debug)]
pub(crate) struct ScimError {
    status: StatusCode,
    scim_type: Option<&'static str>,
    detail: String,
}

impl ScimError {
    fn new(status: StatusCode, scim_type: Option<&'static str>, detail: impl Into<String>) -> Self {
        ScimError {
            status,
            scim_type,
            detail: detail.into(),
        }
    }

    pub(crate) fn invalid_value(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, Some("invalidValue"), detail)
    }

    pub(crate) fn invalid_syntax(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, Some("invalidSyntax"), detail)
    }

    pub(crate) fn invalid_filter(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, Some("invalidFilter"), detail)
    }

    pub(crate) fn invalid_path(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, Some("invalidPath"), detail)
    }
}

impl From<ServerError> for ScimError {
    fn from(e: ServerError) -> Self {
        e.log();
        let status = e.status();
        let scim_type = match &e {
            // A taken email is SCIM's "uniqueness".
            ServerError::Conflict(m) if m.contains("already someone's email") => Some("uniqueness"),
            ServerError::Invalid(_) => Some("invalidValue"),
            _ => None,
        };
        // SCIM answers bad input with 400, not 422.
        let status = if status == StatusCode::UNPROCESSABLE_ENTITY {
            StatusCode::BAD_REQUEST
        } else {
            status
        };
        ScimError::new(status, scim_type, e.to_string())
    }
}

impl From<rungs_store::StoreError> for ScimError {
    fn from(e: rungs_store::StoreError) -> Self {
        ServerError::from(e).into()
    }
}

impl IntoResponse for ScimError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "schemas": [ERROR],
            "status": self.status.as_u16().to_string(),
            "detail": self.detail,
        });
        if let Some(t) = self.scim_type {
            body["scimType"] = json!(t);
        }
        scim_json(self.status, &body)
    }
}

/// An error of the server's, as a SCIM answer (the sign-in middleware's).
pub(crate) fn error_response(e: &ServerError) -> Response {
    e.log();
    let status = e.status();
    ScimError::new(status, None, e.to_string()).into_response()
}

fn scim_json(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/scim+json")],
        body.to_string(),
    )
        .into_response()
}

type Scim = Result<Response, ScimError>;

/// The caller, if it may provision.
fn provisioning(viewer: &MaybeViewer) -> Result<Provisioning<'_>, ScimError> {
    let viewer = viewer
        .0
        .as_ref()
        .ok_or_else(|| ScimError::from(ServerError::Unauthenticated))?;
    Ok(access::provision(viewer)?)
}

/// A request body: JSON, whether sent as `application/scim+json` or
/// `application/json`.
fn body_json(body: &Bytes) -> Result<Value, ScimError> {
    serde_json::from_slice(body)
        .map_err(|e| ScimError::invalid_syntax(format!("the body is not JSON: {e}")))
}

fn base(app: &App) -> String {
    app.config.base().trim_end_matches('/').to_string()
}

/// A person by their SCIM id.
async fn person(app: &App, id: &str) -> Result<Person, ScimError> {
    let found = match id.parse::<i64>() {
        Ok(n) => app.store.person(n).await?,
        Err(_) => None,
    };
    found.ok_or_else(|| ScimError::new(StatusCode::NOT_FOUND, None, format!("User {id} not found")))
}

/// Which page of a list.
#[derive(Debug, Deserialize)]
pub(crate) struct ListQuery {
    #[serde(default)]
    filter: Option<String>,
    #[serde(default, rename = "startIndex")]
    start_index: Option<i64>,
    #[serde(default)]
    count: Option<i64>,
}

/// A list answer (RFC 7644 §3.4.2): `startIndex` counts from 1; a page
/// holds `count` resources (100 unless given, at most 1,000).
fn page(all: Vec<Value>, q: &ListQuery) -> Response {
    let total = all.len();
    let start = q.start_index.unwrap_or(1).max(1);
    let count = q
        .count
        .map_or(100, |c| usize::try_from(c.max(0)).unwrap_or(0))
        .min(MAX_COUNT);
    let skip = usize::try_from(start - 1).unwrap_or(usize::MAX);
    let items: Vec<Value> = all.into_iter().skip(skip).take(count).collect();
    scim_json(
        StatusCode::OK,
        &json!({
            "schemas": [LIST],
            "totalResults": total,
            "startIndex": start,
            "itemsPerPage": items.len(),
            "Resources": items,
        }),
    )
}

async fn list_users(
    State(app): State<App>,
    viewer: MaybeViewer,
    Query(q): Query<ListQuery>,
) -> Scim {
    provisioning(&viewer)?;
    let wanted = q
        .filter
        .as_deref()
        .map(|f| filter::parse(f, &["username"]))
        .transpose()?;
    let mut people = match &wanted {
        // The one person with that email, without reading everyone.
        Some(f) => app
            .store
            .person_by_email(&f.value.to_lowercase())
            .await?
            .into_iter()
            .collect(),
        None => app.store.people().await?,
    };
    people.sort_by_key(|p| p.id);
    let base = base(&app);
    Ok(page(
        people.iter().map(|p| user::resource(p, &base)).collect(),
        &q,
    ))
}

async fn get_user(State(app): State<App>, viewer: MaybeViewer, Path(id): Path<String>) -> Scim {
    provisioning(&viewer)?;
    let p = person(&app, &id).await?;
    Ok(scim_json(StatusCode::OK, &user::resource(&p, &base(&app))))
}

async fn create_user(State(app): State<App>, viewer: MaybeViewer, body: Bytes) -> Scim {
    let provisioning = provisioning(&viewer)?;
    let draft = Draft::from_resource(&body_json(&body)?)?;
    let viewer = provisioning.viewer();
    let edit = access::edit(&app, viewer, None, Role::Employee).await?;
    let made = crate::people::create_person(&app, &edit, draft.fields(None)).await?;
    let base = base(&app);
    let mut response = scim_json(StatusCode::CREATED, &user::resource(&made, &base));
    if let Ok(location) = format!("{base}/scim/v2/Users/{}", made.id).parse() {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Writes `draft` over `before`, under the rule for editing people (a
/// person with a role is an administrator's to change: the token's owner
/// is one).
async fn save(app: &App, provisioning: &Provisioning<'_>, before: &Person, draft: &Draft) -> Scim {
    let viewer = provisioning.viewer();
    let fields = draft.fields(Some(before));
    let after = if fields_unchanged(before, draft) {
        // Nothing changes: nothing written, nothing to audit.
        before.clone()
    } else {
        let edit = access::edit(app, viewer, Some(before.id), before.role).await?;
        crate::people::update_person(app, &edit, before.version, fields).await?
    };
    Ok(scim_json(
        StatusCode::OK,
        &user::resource(&after, &base(app)),
    ))
}

fn fields_unchanged(before: &Person, draft: &Draft) -> bool {
    Draft::of(before) == *draft
}

async fn replace_user(
    State(app): State<App>,
    viewer: MaybeViewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Scim {
    let provisioning = provisioning(&viewer)?;
    let before = person(&app, &id).await?;
    let draft = Draft::from_resource(&body_json(&body)?)?;
    save(&app, &provisioning, &before, &draft).await
}

async fn patch_user(
    State(app): State<App>,
    viewer: MaybeViewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Scim {
    let provisioning = provisioning(&viewer)?;
    let before = person(&app, &id).await?;
    let mut draft = Draft::of(&before);
    patch::apply(&mut draft, &body_json(&body)?)?;
    let draft = draft.finish()?;
    save(&app, &provisioning, &before, &draft).await
}

/// Deleting a User deactivates the person: their history stays, and they
/// lose access at once (sessions and tokens stop working).
async fn delete_user(State(app): State<App>, viewer: MaybeViewer, Path(id): Path<String>) -> Scim {
    let provisioning = provisioning(&viewer)?;
    let before = person(&app, &id).await?;
    let mut draft = Draft::of(&before);
    draft.active = false;
    save(&app, &provisioning, &before, &draft).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A team as a SCIM Group, with its people as members.
fn group(id: i64, name: &str, people: &[Person], base: &str) -> Value {
    let members: Vec<Value> = people
        .iter()
        .filter(|p| p.team.as_deref() == Some(name))
        .map(|p| {
            json!({
                "value": p.id.to_string(),
                "display": p.name,
                "$ref": format!("{base}/scim/v2/Users/{}", p.id),
            })
        })
        .collect();
    json!({
        "schemas": [GROUP],
        "id": id.to_string(),
        "displayName": name,
        "members": members,
        "meta": {"resourceType": "Group", "location": format!("{base}/scim/v2/Groups/{id}")},
    })
}

async fn list_groups(
    State(app): State<App>,
    viewer: MaybeViewer,
    Query(q): Query<ListQuery>,
) -> Scim {
    provisioning(&viewer)?;
    let wanted = q
        .filter
        .as_deref()
        .map(|f| filter::parse(f, &["displayname"]))
        .transpose()?;
    let people = app.store.people().await?;
    let base = base(&app);
    let groups = app
        .store
        .teams()
        .await?
        .into_iter()
        .filter(|(_, name)| wanted.as_ref().is_none_or(|f| f.value == *name))
        .map(|(id, name)| group(id, &name, &people, &base))
        .collect();
    Ok(page(groups, &q))
}

async fn get_group(State(app): State<App>, viewer: MaybeViewer, Path(id): Path<String>) -> Scim {
    provisioning(&viewer)?;
    let teams = app.store.teams().await?;
    let Some((id, name)) = teams.into_iter().find(|(t, _)| t.to_string() == id) else {
        return Err(ScimError::new(
            StatusCode::NOT_FOUND,
            None,
            format!("Group {id} not found"),
        ));
    };
    let people = app.store.people().await?;
    Ok(scim_json(
        StatusCode::OK,
        &group(id, &name, &people, &base(&app)),
    ))
}
