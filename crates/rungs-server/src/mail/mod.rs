//! Email: the settings (`config`), the SMTP connection, and the outbox's
//! delivery. Mail is queued in the store by the change that causes it and
//! sent here, by a background task, with retries and backoff; a request
//! never waits for an SMTP server.

pub mod config;
mod text;

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use rungs_store::model::LinkPurpose;
use rungs_store::{Actor, MailKind, QueuedMail};

use crate::error::ServerError;
use crate::state::App;
use config::{EmailConfig, Tls};

pub(crate) use text::{Owing, digest, invite_subject, notice, reminder};

/// How long an invitation link works.
pub(crate) const INVITE_HOURS: i64 = 7 * 24;

/// Attempts before a message is given up on.
const ATTEMPTS: i64 = 6;

/// Messages taken from the outbox at once.
const BATCH: i64 = 100;

/// Messages sent at once.
const SENT_AT_ONCE: usize = 4;

/// The SMTP connection and the sender, plus a bell the outbox rings when
/// mail is queued.
pub(crate) struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Wakes the delivery task.
    pub(crate) queued: Notify,
}

/// Why a message did not go.
#[derive(Debug)]
pub(crate) struct NotSent {
    /// Trying again cannot help (a refused address).
    permanent: bool,
    message: String,
}

impl Mailer {
    /// Connects lazily: nothing is sent until the first message.
    pub(crate) fn new(c: &EmailConfig) -> Result<Mailer, ServerError> {
        let bad = |e: lettre::transport::smtp::Error| {
            ServerError::Config(format!("email: cannot use SMTP server {}: {e}", c.host))
        };
        let mut builder = match c.tls {
            Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&c.host),
            Tls::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&c.host).map_err(bad)?
            }
            Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&c.host).map_err(bad)?,
        }
        .port(c.port)
        .timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = &c.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let from = c.from.parse::<Mailbox>().map_err(|e| {
            ServerError::Config(format!("email: `{}` is not an email address: {e}", c.from))
        })?;
        Ok(Mailer {
            // Pooled (lettre's `pool`): one connection, and one TLS
            // handshake, serves message after message, instead of one per
            // email; idle connections close after a minute.
            transport: builder.build(),
            from,
            queued: Notify::new(),
        })
    }

    /// Sends one plain-text message.
    async fn send(&self, to: &str, subject: &str, body: String) -> Result<(), NotSent> {
        let to = to.parse::<Mailbox>().map_err(|e| NotSent {
            permanent: true,
            message: format!("`{to}` is not an email address: {e}"),
        })?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| NotSent {
                permanent: true,
                message: format!("cannot build the message: {e}"),
            })?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| NotSent {
                permanent: e.is_permanent(),
                message: e.to_string(),
            })
    }
}

/// Seconds before attempt `attempts + 1`: 1, 4, 16, 64 minutes, ...
fn backoff(attempts: i64) -> i64 {
    60 * 4_i64.saturating_pow(u32::try_from(attempts.clamp(0, 6)).unwrap_or(6))
}

impl App {
    /// Sends the mail due now (every batch until none is left) and returns
    /// how many went. Without email configured, nothing. The background
    /// task calls this; tests call it to deliver at a known moment.
    pub async fn deliver_mail(&self) -> Result<usize, ServerError> {
        let Some(mailer) = self.mailer.clone() else {
            return Ok(0);
        };
        let mut sent = 0;
        loop {
            let due = self.store.due_mail(BATCH).await?;
            if due.is_empty() {
                return Ok(sent);
            }
            // A few messages at once: each waits on the SMTP server's
            // replies, one command at a time, so one after another sent
            // about twenty a second.
            let mut sending = tokio::task::JoinSet::new();
            let mut failed = None;
            for mail in due {
                while sending.len() >= SENT_AT_ONCE {
                    sent += Self::sent(sending.join_next().await, &mut failed);
                }
                if failed.is_some() {
                    break;
                }
                if !self.store.lease_mail(mail.id, 300).await? {
                    continue;
                }
                let (app, mailer) = (self.clone(), mailer.clone());
                sending.spawn(async move { app.deliver_one(&mailer, &mail).await });
            }
            // Every message under way is let finish, even after an error:
            // one cut between its sending and its record would go twice.
            while !sending.is_empty() {
                sent += Self::sent(sending.join_next().await, &mut failed);
            }
            if let Some(e) = failed {
                return Err(e);
            }
        }
    }

    /// Counts a finished delivery (1 if a message went), keeping the first
    /// error.
    fn sent(
        finished: Option<Result<Result<bool, ServerError>, tokio::task::JoinError>>,
        failed: &mut Option<ServerError>,
    ) -> usize {
        match finished {
            Some(Ok(Ok(true))) => 1,
            Some(Ok(Ok(false))) | None => 0,
            Some(Ok(Err(e))) => {
                failed.get_or_insert(e);
                0
            }
            Some(Err(e)) => {
                failed.get_or_insert(ServerError::Internal(format!("sending mail: {e}")));
                0
            }
        }
    }

    /// One message: prepared (an invitation gets its link, and the attempt
    /// is audited), sent, and its outcome recorded.
    async fn deliver_one(&self, mailer: &Mailer, mail: &QueuedMail) -> Result<bool, ServerError> {
        let (subject, body) = match MailKind::parse(&mail.kind) {
            Some(MailKind::Invite) => match self.invitation_body(mail).await? {
                Ok(said) => said,
                Err(why) => {
                    self.store.mail_not_sent(mail.id, &why, None).await?;
                    return Ok(false);
                }
            },
            Some(_) => {
                let mut w = self.store.write(&Actor::system()).await?;
                w.sending_mail(mail).await?;
                w.commit().await?;
                (mail.subject.clone(), mail.body.clone())
            }
            None => {
                let why = format!("unknown kind of mail `{}`", mail.kind);
                self.store.mail_not_sent(mail.id, &why, None).await?;
                return Ok(false);
            }
        };
        match mailer.send(&mail.recipient, &subject, body).await {
            Ok(()) => {
                self.store.mail_sent(mail.id).await?;
                Ok(true)
            }
            Err(e) => {
                let tries = mail.attempts + 1;
                let retry = (!e.permanent && tries < ATTEMPTS)
                    .then(|| rungs_store::now() + backoff(mail.attempts));
                tracing::warn!(
                    outbox = mail.id,
                    attempt = tries,
                    error = e.message.as_str(),
                    gave_up = retry.is_none(),
                    "email not sent"
                );
                self.store.mail_not_sent(mail.id, &e.message, retry).await?;
                Ok(false)
            }
        }
    }

    /// An invitation's subject and text with a fresh one-time link
    /// (earlier links of the person stop working), in the invitee's
    /// language, or why none is sent: they joined, left, or are gone.
    async fn invitation_body(
        &self,
        mail: &QueuedMail,
    ) -> Result<Result<(String, String), String>, ServerError> {
        let Some(person) = mail.person_id else {
            return Ok(Err("an invitation without a person".into()));
        };
        let Some(p) = self.store.person(person).await? else {
            return Ok(Err("the person is gone".into()));
        };
        if !p.active {
            return Ok(Err("the person is not active".into()));
        }
        if p.has_password || p.identity_linked {
            return Ok(Err("the person has joined already".into()));
        }
        let mut w = self.store.write(&Actor::system()).await?;
        let secret = w
            .create_link(LinkPurpose::Reset, Some(person), INVITE_HOURS * 3600)
            .await?;
        w.sending_mail(mail).await?;
        w.commit().await?;
        let link = format!("{}/app/join?token={secret}", self.config.base());
        // Written when it is sent, so a language chosen meanwhile counts.
        let lang = crate::i18n::language_of(p.language.as_deref(), &self.ladder().language);
        let site = self.site_name();
        Ok(Ok((
            text::invite_subject(&site, lang),
            text::invitation(&site, &p.name, &link, lang),
        )))
    }

    /// Rings the delivery task: mail was queued.
    pub(crate) fn mail_queued(&self) {
        if let Some(m) = &self.mailer {
            m.queued.notify_one();
        }
    }

    /// The background task: delivers queued mail as it comes and tells
    /// people what waits for them, until the app is dropped. Errors are
    /// logged and tried again later.
    pub(crate) fn spawn_mail_task(&self) -> Option<tokio::task::JoinHandle<()>> {
        let mailer: Arc<Mailer> = self.mailer.clone()?;
        let app = self.clone();
        Some(tokio::spawn(async move {
            let mut last_notify = None::<tokio::time::Instant>;
            loop {
                if last_notify.is_none_or(|t| t.elapsed() >= Duration::from_secs(60)) {
                    last_notify = Some(tokio::time::Instant::now());
                    if let Err(e) = crate::todo::notify(&app).await {
                        tracing::warn!(error = %e, "notifications not queued");
                    }
                }
                if let Err(e) = app.deliver_mail().await {
                    tracing::warn!(error = %e, "mail delivery stopped; trying again");
                }
                // Queued mail wakes the task at once; retries are picked up
                // within the interval.
                let _ =
                    tokio::time::timeout(Duration::from_secs(15), mailer.queued.notified()).await;
            }
        }))
    }
}
