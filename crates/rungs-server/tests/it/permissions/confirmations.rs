//! The table's rows for destructive actions, which ask first: without
//! `confirm=yes` each answers the page that says what will happen.

use super::*;

pub(super) fn cases() -> Vec<Case> {
    vec![
        // Without `confirm=yes`: the page that says what closing does.
        c(
            "POST",
            "/app/calibrations/{id}/close",
            "/app/calibrations/{session}/close",
            Body::None,
            HR,
        ),
        c(
            "GET",
            "/api/v1/people/{id}/promotions",
            "/api/v1/people/{ari}/promotions",
            Body::None,
            TEAM,
        ),
        c(
            "GET",
            "/api/v1/people/{id}/promotions",
            "/api/v1/people/{cy}/promotions",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/api/v1/people/{id}/promotions",
            "/api/v1/people/{ari}/promotions",
            Body::Json(json!({"track": "engineering", "level": "staff"})),
            TEAM,
        ),
        c(
            "GET",
            "/api/v1/promotions/{id}",
            "/api/v1/promotions/{case}",
            Body::None,
            TEAM,
        ),
        c(
            "PUT",
            "/api/v1/promotions/{id}",
            "/api/v1/promotions/{case}",
            Body::Json(json!({"version": 99, "narrative": "x"})),
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/promotions/{id}/evidence",
            "/api/v1/promotions/{case}/evidence",
            Body::Json(json!({"statement": "nope", "url": "https://x.example.org"})),
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/promotions/{id}/feedback",
            "/api/v1/promotions/{case}/feedback",
            Body::Json(json!({"peer": "nobody@example.org"})),
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/promotions/{id}/step",
            "/api/v1/promotions/{case}/step",
            Body::Json(json!({"step": "submit"})),
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/promotions/{id}/comments",
            "/api/v1/promotions/{case}/comments",
            Body::Json(json!({"body": "x", "vote": "approve"})),
            NOBODY,
        ),
        c(
            "POST",
            "/api/v1/promotions/{id}/decision",
            "/api/v1/promotions/{case}/decision",
            Body::Json(json!({"outcome": "approved", "reasons": "x"})),
            NOBODY,
        ),
        c(
            "GET",
            "/api/v1/feedback",
            "/api/v1/feedback",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "POST",
            "/api/v1/feedback/{id}",
            "/api/v1/feedback/{feedback}",
            Body::Json(json!({"rating": "Consistently", "words": "Careful reviews."})),
            ASKED,
        ),
        c(
            "GET",
            "/api/v1/calibrations",
            "/api/v1/calibrations",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "POST",
            "/api/v1/calibrations",
            "/api/v1/calibrations",
            Body::Json(json!({"name": "Autumn", "chair": "nobody@example.org"})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/calibrations/{id}",
            "/api/v1/calibrations/{session}",
            Body::None,
            HR,
        ),
    ]
}
