//! The web application: startup, the shared state, the routes, security
//! headers, and running database work off the async workers. Every error
//! becomes a response in `error_page`, with the status `AppError` maps.
//!
//! Handlers are thin: extract, call the domain through `web::block` (diesel
//! is synchronous; actix workers must not block), render.

mod assets;
mod console;
mod error_page;
mod fields;
mod reply;
mod respond;
pub mod session;
mod throttle;
mod view;

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, RwLock};

use actix_web::dev::Server;
use actix_web::middleware::DefaultHeaders;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};

use crate::config::Settings;
use crate::db::Pool;
use crate::error::{AppError, AppResult};
use crate::i18n::{Names, Texts};
use crate::survey::Survey;
use crate::token::Secret;

/// Largest form body accepted (413 beyond): ample for the longest answers.
pub const MAX_BODY: usize = 512 * 1024;

/// A round's frozen survey, parsed once and shared by every request.
pub struct FrozenSurvey {
    pub survey: Survey,
    pub texts: Texts,
    /// Form pages as a member with nothing saved sees them (the first
    /// visit from a mail link), rendered once per language and page.
    pub blank_pages: respond::BlankPages,
}

impl FrozenSurvey {
    pub fn new(survey: Survey) -> crate::error::AppResult<Self> {
        Ok(FrozenSurvey {
            texts: Texts::survey(&survey)?,
            survey,
            blank_pages: Default::default(),
        })
    }
}

pub struct AppState {
    pub settings: Settings,
    pub throttle: throttle::Throttle,
    pub pool: Pool,
    pub secret: Secret,
    pub ui: Arc<Texts>,
    /// Region and member-type names (`<surveys dir>/_network/`), read at start.
    pub names: Names,
    pub pages: view::Pages,
    /// Parsed surveys by round id and content hash.
    pub surveys: RwLock<HashMap<(i32, String), Arc<FrozenSurvey>>>,
}

impl AppState {
    pub fn new(settings: &Settings, pool: Pool, secret: Secret) -> AppResult<Self> {
        let ui = Arc::new(Texts::ui()?);
        Ok(AppState {
            settings: settings.clone(),
            throttle: throttle::Throttle::default(),
            pages: view::Pages::new(ui.clone())?,
            ui,
            names: Names::load(&settings.surveys_dir),
            pool,
            secret,
            surveys: RwLock::new(HashMap::new()),
        })
    }
}

impl AppState {
    /// What people reading `lang` call region `id`; `ALL`, the figure of
    /// every region together, has an interface text of its own.
    pub fn region_name(&self, lang: &str, id: &str) -> String {
        if id == crate::results::ALL {
            self.ui.text(lang, "region-all", None)
        } else {
            self.names.region(lang, id)
        }
    }

    /// What people reading `lang` call member type `id`.
    pub fn type_name(&self, lang: &str, id: &str) -> String {
        self.names.member_type(lang, id)
    }

    /// What people reading `lang` call country `code` (CLDR).
    pub fn country_name(&self, lang: &str, code: &str) -> String {
        self.names.country(lang, code)
    }
}

/// The client's address as the throttles count it: the connecting address,
/// or behind a trusted reverse proxy the address the proxy saw
/// (`TrustedProxies::client`).
pub(crate) fn client_address(state: &AppState, req: &HttpRequest) -> String {
    let Some(peer) = req.peer_addr() else {
        return String::new();
    };
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok());
    state
        .settings
        .trusted_proxies
        .client(peer.ip(), forwarded)
        .to_string()
}

/// A bound, ready-to-run server (zero2prod's shape: bind first, so tests
/// can ask for port 0 and read the port back).
pub struct Application {
    server: Server,
    port: u16,
}

impl Application {
    pub fn build(settings: &Settings, pool: Pool, bind: &str) -> AppResult<Self> {
        let secret = Secret::load_or_create(&settings.secret_file)?;
        let https = settings.base_url.starts_with("https://");
        let pool_size = usize::try_from(pool.max_size()).unwrap_or(8);
        let state = web::Data::new(AppState::new(settings, pool, secret.clone())?);
        let listener = TcpListener::bind(bind)
            .map_err(|e| AppError::Config(format!("cannot listen on {bind}: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| AppError::Config(format!("cannot listen on {bind}: {e}")))?
            .port();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(web::PayloadConfig::new(MAX_BODY))
                .wrap(security_headers())
                .configure(routes)
                .service(
                    web::scope("")
                        .wrap(session::middleware(&secret, https))
                        .configure(console::routes),
                )
        })
        // Database work waits for a pool connection anyway: more threads
        // than connections would only queue, each with its own stack.
        .worker_max_blocking_threads(pool_size)
        .listen(listener)
        .map_err(|e| AppError::Config(format!("cannot listen on {bind}: {e}")))?
        .shutdown_timeout(5)
        .run();
        Ok(Application { server, port })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/health",
        web::get().to(|| async { HttpResponse::Ok().content_type("text/plain").body("ok") }),
    )
    // Browsers ask for it; there is none, and a 404 would only add noise.
    .route(
        "/favicon.ico",
        web::get().to(|| async { HttpResponse::NoContent().finish() }),
    )
    .route("/static/canvass.css", web::get().to(assets::css))
    .route("/static/print.css", web::get().to(assets::print_css))
    .route("/static/canvass.js", web::get().to(assets::js))
    .configure(respond::routes);
}

/// Headers on every response: nothing loads from elsewhere, no inline
/// script, no framing, no referrer (the link token is in the URL), nothing
/// cached unless a handler says so.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cache-Control", "no-store"))
}

/// How long a request waits for a database connection before it answers
/// 503: shorter than the pool's own ten seconds, so that a member whose
/// database is away (restarting) hears so soon and can try again.
const CHECKOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// Runs blocking database work off the async workers.
pub async fn blocking<T: Send + 'static>(
    pool: &Pool,
    f: impl FnOnce(&mut crate::db::DbConnection) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let pool = pool.clone();
    web::block(move || crate::db::with_connection(pool.get_timeout(CHECKOUT)?, f))
        .await
        .map_err(|e| AppError::Connection(format!("worker pool: {e}")))?
}

/// Runs a read on the async worker itself when it is cheap and cannot
/// wait: on SQLite, with a connection idle in the pool (WAL readers never
/// wait for writers). Anything else goes through [`blocking`]. Saves two
/// thread hand-offs on every respondent page.
pub async fn reading<T: Send + 'static>(
    pool: &Pool,
    f: impl FnOnce(&mut crate::db::DbConnection) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    if let Some(conn) = pool.try_get() {
        if matches!(*conn, crate::db::DbConnection::Sqlite(_)) {
            return crate::db::with_connection(conn, f);
        }
    }
    blocking(pool, f).await
}

/// `canvass serve`: the web app and the mail sender, until the process ends.
pub fn serve(
    settings: &Settings,
    pool: Pool,
    bind: &str,
    out: &mut dyn std::io::Write,
) -> AppResult<()> {
    crate::mail::outbox::spawn_sender(settings, pool.clone())?;
    crate::db::spawn_checkpointer(&settings.database);
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings, pool, bind)?;
        let host = bind.rsplit_once(':').map_or(bind, |(h, _)| h);
        writeln!(
            out,
            "canvass is serving on http://{host}:{} (Ctrl-C stops it)",
            app.port()
        )
        .and_then(|()| out.flush())
        .map_err(|e| AppError::io("standard output", e))?;
        app.run_until_stopped()
            .await
            .map_err(|e| AppError::Config(format!("the web server stopped: {e}")))
    })
}
