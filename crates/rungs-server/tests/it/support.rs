//! A server in the test process, and a client that keeps cookies and
//! the CSRF token as a browser would.

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use rungs_server::{App, Config, Database, FrameworkSource};
use rungs_store::Store;
use tower::ServiceExt;

/// A database to run a story against.
pub struct Backend {
    pub name: &'static str,
    pub store: Store,
    /// The PostgreSQL schema, if on PostgreSQL.
    pub schema: Option<String>,
    /// Keeps the SQLite file alive.
    pub _dir: Option<tempfile::TempDir>,
}

static SCHEMA: AtomicUsize = AtomicUsize::new(0);

/// SQLite always; PostgreSQL when `RUNGS_TEST_POSTGRES_URL` is set, each
/// test in a schema of its own. Under `RUNGS_REQUIRE_ALL=1` a missing
/// PostgreSQL fails.
pub async fn backends(test: &str) -> Vec<Backend> {
    let mut out = vec![sqlite().await];
    match std::env::var("RUNGS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => {
            let schema = format!(
                "t_{}_{}_{}",
                test,
                std::process::id(),
                SCHEMA.fetch_add(1, Ordering::Relaxed)
            );
            let store = rungs_store_postgres::open_in_schema(&url, &schema)
                .await
                .unwrap_or_else(|e| {
                    panic!("cannot open PostgreSQL at RUNGS_TEST_POSTGRES_URL: {e}")
                });
            out.push(Backend {
                name: "postgres",
                store,
                schema: Some(schema),
                _dir: None,
            });
        }
        _ if std::env::var("RUNGS_REQUIRE_ALL").is_ok_and(|v| v == "1") => {
            panic!(
                "RUNGS_REQUIRE_ALL=1 but RUNGS_TEST_POSTGRES_URL is not set: the story suite must run on PostgreSQL too"
            )
        }
        _ => eprintln!("skipping PostgreSQL for {test}: RUNGS_TEST_POSTGRES_URL is not set"),
    }
    out
}

/// A fresh SQLite store in a temporary directory.
pub async fn sqlite() -> Backend {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = rungs_store_sqlite::open(&dir.path().join("rungs.sqlite"))
        .await
        .expect("open sqlite");
    Backend {
        name: "sqlite",
        store,
        schema: None,
        _dir: Some(dir),
    }
}

/// The server config tests use: the built-in example ladder.
pub fn config() -> Config {
    Config {
        framework: FrameworkSource { root: None },
        listen: "127.0.0.1:8080".parse().expect("addr"),
        database: Database::Sqlite("unused".into()),
        base_url: None,
        session_hours: 12,
        oidc: None,
        previous_ladder: None,
        audit_key: Some(test_key()),
        metrics_token: None,
        limits: rungs_server::Limits::default(),
        max_in_flight: rungs_server::default_max_in_flight(),
        email: None,
    }
}

/// Starts the app on `store`: the app and its setup token.
pub async fn start(store: Store, config: Config) -> (App, String) {
    let (app, link) = App::start_with_store(config, store).await.expect("start");
    let link = link.expect("a new server prints a setup link");
    let token = link
        .split("token=")
        .nth(1)
        .expect("token in link")
        .to_string();
    (app, token)
}

/// A response, read whole.
#[derive(Debug)]
pub struct Response {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Response {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A browser-like client: keeps the session cookie, finds the CSRF token
/// in pages.
#[derive(Clone)]
pub struct Client {
    pub router: Router,
    pub cookie: Option<String>,
    /// Cookies besides the session's, by name.
    pub others: std::collections::BTreeMap<String, String>,
    pub csrf: String,
    pub bearer: Option<String>,
}

impl Client {
    pub fn new(app: &App) -> Client {
        Client {
            router: app.router(),
            cookie: None,
            others: Default::default(),
            csrf: String::new(),
            bearer: None,
        }
    }

    pub async fn send(&mut self, request: Request<Body>) -> Response {
        let mut request = request;
        let mut jar: Vec<String> = self
            .others
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if let Some(c) = &self.cookie {
            jar.push(format!("rungs_session={c}"));
        }
        if !jar.is_empty() {
            request
                .headers_mut()
                .insert(header::COOKIE, jar.join("; ").parse().expect("cookie"));
        }
        if let Some(t) = &self.bearer {
            request.headers_mut().insert(
                header::AUTHORIZATION,
                format!("Bearer {t}").parse().expect("bearer"),
            );
        }
        request
            .headers_mut()
            .insert(header::HOST, "127.0.0.1:8080".parse().expect("host"));
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        for header in headers.get_all(header::SET_COOKIE) {
            let cookie = header.to_str().expect("a Set-Cookie header in ASCII");
            let (name, rest) = cookie.split_once('=').expect("a cookie's name=value");
            let value = rest.split_once(';').map_or(rest, |(value, _)| value);
            if name == "rungs_session" {
                // An empty value is the server ending the session.
                self.cookie = (!value.is_empty()).then(|| value.to_string());
            } else {
                self.others.insert(name.to_string(), value.to_string());
            }
        }
        let location = headers
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_string);
        let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
            .await
            .expect("body");
        // minijinja escapes `/` in attributes; browsers read it back as `/`.
        let body = String::from_utf8_lossy(&bytes).replace("&#x2f;", "/");
        if let Some(csrf) = find_csrf(&body) {
            self.csrf = csrf;
        }
        Response {
            status,
            location,
            headers,
            body,
        }
    }

    pub async fn get(&mut self, path: &str) -> Response {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// Posts a form with the session's CSRF token, as the app's forms do.
    /// Opens a rollout named `name` through the app's form; its id.
    pub async fn open_rollout(&mut self, name: &str) -> i64 {
        let opened = self.post_form("/app/rollouts", &[("name", name)]).await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        self.get("/api/v1/rollouts").await.json()[0]["id"]
            .as_i64()
            .expect("rollout id")
    }

    /// Chooses the language the app speaks to this client's person, on the
    /// account page.
    pub async fn choose_language(&mut self, code: &str) {
        let saved = self.post_form("/app/account", &[("language", code)]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        let csrf = self.csrf.clone();
        all.push(("csrf", &csrf));
        self.post_form_raw(path, &all).await
    }

    /// Posts a form exactly as given (no CSRF token added).
    pub async fn post_form_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = serde_urlencoded::to_string(fields).expect("form");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    /// A JSON call with the CSRF header (for cookie sessions).
    pub async fn json(&mut self, method: &str, path: &str, body: serde_json::Value) -> Response {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-csrf-token", self.csrf.clone())
            .body(Body::from(body.to_string()))
            .expect("request");
        self.send(request).await
    }

    /// Posts a CSV body to the roster API.
    pub async fn post_csv(&mut self, path: &str, csv: &str) -> Response {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "text/csv")
            .header("x-csrf-token", self.csrf.clone())
            .body(Body::from(csv.to_string()))
            .expect("request");
        self.send(request).await
    }

    /// Uploads a form with a file, as the roster and sheet pages do (the
    /// CSRF token rides in the form's hidden `csrf` field, first).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: &str,
    ) -> Response {
        let boundary = "XBOUNDARYX";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n",
            self.csrf
        );
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n"
        ));
        for (name, value) in fields {
            body.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        body.push_str(&format!("--{boundary}--\r\n"));
        let request = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    /// Signs in with a password; panics unless it works.
    pub async fn sign_in(&mut self, email: &str, password: &str) {
        let r = self
            .post_form_raw(
                "/app/login",
                &[("email", email), ("password", password), ("next", "/app")],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "sign-in of {email} failed: {}",
            r.body
        );
        let home = self.get("/app").await;
        assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    }
}

fn find_csrf(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = body[at..].find('"')?;
    Some(body[at..at + end].to_string()).filter(|s| !s.is_empty())
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Our own test roster, as an HR system exports it.
pub const ROSTER: &str = "Work Email,Full Name,Job Title,Department,Manager Email,Start Date\n\
mara@example.org,Mara Lind,Engineering Manager,Platform,,2020-03-01\n\
ari@example.org,Ari Okafor,Senior Engineer,Platform,mara@example.org,2021-06-15\n\
bo@example.org,Bo Chen,Software Engineer,Platform,mara@example.org,2023-01-09\n\
cy@example.org,Cy Duarte,Engineer,Payments,dee@example.org,2022-02-01\n\
dee@example.org,Dee Park,Engineering Manager,Payments,,2019-11-11\n";

/// A running app with the administrator signed up and [`ROSTER`]
/// imported: the organisation most tests start from.
pub async fn organisation(store: Store) -> (App, Client) {
    let (app, token) = start(store, config()).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    (app, admin)
}

/// First start: the administrator signs up through the setup link.
pub async fn admin(app: &App, token: &str) -> Client {
    let mut admin = Client::new(app);
    let page = admin.get(&format!("/app/setup?token={token}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let r = admin
        .post_form_raw(
            "/app/setup",
            &[
                ("token", token),
                ("name", "Ada Admin"),
                ("email", "ada@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(admin.cookie.is_some(), "setup signs the administrator in");
    let home = admin.get("/app").await;
    assert_eq!(home.status, StatusCode::OK);
    admin
}

/// The id of the person with `email`, as the admin sees it.
pub async fn id_of(admin: &mut Client, email: &str) -> i64 {
    let people = admin.get("/api/v1/people").await.json();
    people
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["email"] == email)
        .and_then(|p| p["id"].as_i64())
        .unwrap_or_else(|| panic!("{email} not found"))
}

/// Gives `email` a password through an admin-issued link; returns a client
/// signed in as them.
pub async fn person_client(app: &App, admin: &mut Client, email: &str) -> Client {
    let id = id_of(admin, email).await;
    let page = admin
        .post_form(&format!("/app/people/{id}/reset-link"), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let token = page
        .body
        .split("reset?token=")
        .nth(1)
        .expect("link")
        .split('"')
        .next()
        .expect("token")
        .to_string();
    let mut client = Client::new(app);
    let form = client.get(&format!("/app/reset?token={token}")).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let r = client
        .post_form_raw("/app/reset", &[("token", &token), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    client.sign_in(email, PASSWORD).await;
    client
}

/// A plain connection to the backend's database, for tests that tamper
/// with it behind the store's back.
pub async fn raw_pool(backend: &Backend) -> sqlx::AnyPool {
    rungs_store::install_drivers();
    match backend.name {
        "sqlite" => {
            let dir = backend._dir.as_ref().expect("dir");
            sqlx::AnyPool::connect(&format!(
                "sqlite://{}",
                dir.path().join("rungs.sqlite").display()
            ))
            .await
            .expect("connect")
        }
        _ => {
            let url = std::env::var("RUNGS_TEST_POSTGRES_URL").expect("url");
            let schema = backend.schema.clone().expect("schema");
            sqlx::any::AnyPoolOptions::new()
                .max_connections(1)
                .after_connect(move |conn, _| {
                    let schema = schema.clone();
                    Box::pin(async move {
                        sqlx::Executor::execute(
                            conn,
                            sqlx::AssertSqlSafe(format!("SET search_path TO {schema}")),
                        )
                        .await?;
                        Ok(())
                    })
                })
                .connect(&url)
                .await
                .expect("connect")
        }
    }
}

/// The audit key the tests' servers use.
pub fn test_key() -> rungs_server::AuditKey {
    rungs_server::AuditKey::from_hex(&"5a".repeat(32)).expect("key")
}

/// Another store on the backend's database: what a second server process
/// behind the same load balancer has.
pub async fn second_store(backend: &Backend) -> Store {
    match backend.name {
        "sqlite" => {
            let dir = backend._dir.as_ref().expect("dir");
            rungs_store_sqlite::open(&dir.path().join("rungs.sqlite"))
                .await
                .expect("open sqlite again")
        }
        _ => {
            let url = std::env::var("RUNGS_TEST_POSTGRES_URL").expect("url");
            let schema = backend.schema.clone().expect("schema");
            rungs_store_postgres::open_in_schema(&url, &schema)
                .await
                .expect("open postgres again")
        }
    }
}

/// Opens an assessment of `person` against `track`/`level` through the API;
/// the answer.
pub async fn open_assessment(
    client: &mut Client,
    person: i64,
    track: &str,
    level: &str,
) -> Response {
    client
        .json(
            "POST",
            &format!("/api/v1/people/{person}/assessments"),
            serde_json::json!({"track": track, "level": level}),
        )
        .await
}

/// Takes assessment `id` a step (`submit_self`, `share`…) through the API,
/// with `text`, at its current version; the answer.
pub async fn assessment_step_with(
    client: &mut Client,
    id: i64,
    step: &str,
    text: &str,
) -> Response {
    let version = client
        .get(&format!("/api/v1/assessments/{id}"))
        .await
        .json()["assessment"]["version"]
        .as_i64()
        .expect("version");
    client
        .json(
            "POST",
            &format!("/api/v1/assessments/{id}/step"),
            serde_json::json!({"step": step, "version": version, "text": text}),
        )
        .await
}

/// Takes assessment `id` a step with no text, and asserts it was taken.
pub async fn assessment_step(client: &mut Client, id: i64, step: &str) {
    let r = assessment_step_with(client, id, step, "").await;
    assert_eq!(r.status, StatusCode::OK, "{step}: {}", r.body);
}
