//! What the server counts for Prometheus: requests by route template,
//! method and status; their latency; the database pool; how long relinks
//! and roster imports take. Served at `/metrics` (see `ops`) only when a
//! metrics token is configured.

use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::state::App;

/// A request's labels: the route template (never the path asked for, so
/// ids stay out and series stay few), the method and the status.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

/// A route template.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

/// Which connections of the pool.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

/// From 1 ms to about 16 s.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// From 10 ms to about 160 s (relinks and imports of many people).
fn job_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.01, 2.0, 15))
}

/// The server's metrics. One per app; cheap to share.
pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Histograms<RouteLabels>,
    pool: Family<PoolLabels, Gauge>,
    relink: Histogram,
    import: Histogram,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let mut registry = Registry::with_prefix("rungs");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "Requests answered, by route template, method and status",
            requests.clone(),
        );
        let latency = Histograms::<RouteLabels>::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time until the response starts, by route template",
            latency.clone(),
        );
        let pool = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "db_pool_connections",
            "Database connections of this process: open (size) and idle",
            pool.clone(),
        );
        let relink = job_histogram();
        registry.register(
            "relink_duration_seconds",
            "Relinking ratings to a new ladder revision",
            relink.clone(),
        );
        let import = job_histogram();
        registry.register(
            "roster_import_duration_seconds",
            "Roster imports, dry runs included",
            import.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            pool,
            relink,
            import,
        }
    }
}

impl Metrics {
    /// Counts a relink that took `took`.
    pub(crate) fn relinked(&self, took: Duration) {
        self.relink.observe(took.as_secs_f64());
    }

    /// Counts a roster import that took `took`.
    pub(crate) fn imported(&self, took: Duration) {
        self.import.observe(took.as_secs_f64());
    }

    /// The text Prometheus reads, with the pool's state as of now.
    pub(crate) fn render(&self, pool: (u32, usize)) -> String {
        let (size, idle) = pool;
        self.pool
            .get_or_create(&PoolLabels { state: "size" })
            .set(i64::from(size));
        self.pool
            .get_or_create(&PoolLabels { state: "idle" })
            .set(i64::try_from(idle).unwrap_or(i64::MAX));
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// Counts every request (a middleware; it needs the matched route, so it
/// is added with `Router::layer`).
pub(crate) async fn count_requests(
    State(app): State<App>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or(rungs_http::FALLBACK_ROUTE, |p| p.as_str())
        .to_string();
    let response = next.run(request).await;
    let metrics = &app.metrics;
    metrics
        .latency
        .get_or_create(&RouteLabels {
            route: route.clone(),
        })
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route,
            method,
            status: response.status().as_u16(),
        })
        .inc();
    response
}
