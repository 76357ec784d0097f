//! The OpenAPI document of the JSON API under `/api/v1`, generated from
//! the domain modules' API handlers and types, served at
//! `/api/v1/openapi.json`. Authenticate with `Authorization: Bearer TOKEN`
//! (or a session cookie and the `X-CSRF-Token` header).

use utoipa::OpenApi;

use crate::{
    account, admin, assessments, growth, impact, invite, people, promotions, rollout, team, todo,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "rungs server", description = "People, placements and rollouts against a career ladder."),
    paths(
        people::api::me, account::api::set_language, people::api::levels, people::api::people, people::api::create_person,
        people::api::person, people::api::update_person, people::api::placements, people::api::place,
        people::api::export, people::api::roster,
        rollout::api::rollouts, rollout::api::open_rollout, rollout::api::rollout,
        rollout::api::propose, rollout::api::confirm, rollout::api::acknowledge,
        rollout::api::accept_suggestions, rollout::api::confirm_all, rollout::api::off_ladder,
        assessments::api::list, assessments::api::open, assessments::api::view,
        assessments::api::rate, assessments::api::step, assessments::api::sheet,
        assessments::api::cycles, assessments::api::open_cycle, assessments::api::cycle,
        assessments::api::remind_cycle, assessments::api::close_cycle,
        growth::api::growth, team::api::team, team::api::insights,
        promotions::api::list, promotions::api::open, promotions::api::case, promotions::api::edit,
        promotions::api::evidence, promotions::api::request_feedback, promotions::api::step,
        promotions::api::comment, promotions::api::decide, promotions::api::my_feedback,
        promotions::api::answer, promotions::api::sessions, promotions::api::open_session,
        promotions::api::session, promotions::api::close_session,
        admin::api::audit, admin::api::verify, admin::api::reload,
        invite::api::not_joined, invite::api::invite, todo::api::todo,
        impact::api::preview, impact::api::compare, impact::api::health
    ),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document, as served.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub(crate) async fn openapi() -> impl axum::response::IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        openapi_json(),
    )
}
