use super::Cli;
use accredit::auth::{self, Actor};
use accredit::clock;
use accredit::{Error, Result};
use std::io::IsTerminal;

use accredit::db::{Db, ServerUrl};
use accredit::workspace::Workspace;

/// What every command needs: the workspace and, when it acts on the store,
/// the signed-in operator.
pub struct Context {
    pub workspace: Workspace,
    operator: Option<String>,
}

impl Context {
    pub fn new(cli: &Cli) -> Result<Context> {
        let dir = match &cli.data_dir {
            Some(dir) => dir.clone(),
            None => Workspace::default_data_dir()?,
        };
        let mut workspace = Workspace::new(dir);
        if let Some(text) = &cli.database {
            let url = ServerUrl::parse(text)?;
            if let Some(warning) = url.warning() {
                eprintln!("warning: {warning}");
            }
            // A password is asked only when the server wants one that
            // PGPASSWORD and ~/.pgpass lack (see `open_store`).
            workspace = workspace.on_server(url, None);
        }
        Ok(Context {
            workspace,
            operator: cli.operator.clone(),
        })
    }

    /// Opens the store (the data directory's, or the event server's, asking
    /// for the server's password on the terminal when it wants one that
    /// neither PGPASSWORD nor ~/.pgpass holds).
    pub fn open_store(&self) -> Result<Db> {
        match self.workspace.open() {
            Err(e) if asks_for_password(&e) && std::io::stdin().is_terminal() => {
                let server = self.workspace.server().map(|s| s.url.clone());
                let Some(url) = server else { return Err(e) };
                let password = rpassword::prompt_password(format!(
                    "Password of {} on the event server: ",
                    url.user()
                ))
                .map_err(|e| Error::Refused(format!("no password given: {e}")))?;
                self.workspace.clone().on_server(url, Some(password)).open()
            }
            other => other,
        }
    }

    /// Opens the store of an existing event.
    pub fn open(&self) -> Result<Db> {
        if self.workspace.server().is_none() && !self.workspace.has_event()? {
            return Err(self.no_event());
        }
        let db = self.open_store()?;
        if accredit::lookup::event::find(&db)?.is_none() {
            return Err(self.no_event());
        }
        Ok(db)
    }

    fn no_event(&self) -> Error {
        Error::Refused(format!(
            "{} holds no event yet: run `accredit demo` or `accredit init`",
            self.workspace.event_place()
        ))
    }

    /// Opens the store and signs the operator in (`--operator` or
    /// `ACCREDIT_OPERATOR`, password from `ACCREDIT_PASSWORD` or a prompt).
    pub fn sign_in(&self) -> Result<(Db, Actor)> {
        let conn = self.open()?;
        let (name, password) = self.credentials()?;
        let actor = auth::sign_in(&conn, &name, &password, clock::now())?;
        Ok((conn, actor))
    }

    /// The operator's name and password, for signing in elsewhere than the
    /// store (an offline gate checks them against its package).
    pub fn credentials(&self) -> Result<(String, String)> {
        let name = self.operator.clone().ok_or_else(|| {
            Error::Refused(
                "name the operator with --operator NAME or ACCREDIT_OPERATOR (the password comes from ACCREDIT_PASSWORD or a prompt)"
                    .into(),
            )
        })?;
        let password = match std::env::var("ACCREDIT_PASSWORD") {
            Ok(p) => p,
            Err(_) => rpassword::prompt_password(format!("Password for {name}: "))
                .map_err(|e| Error::Refused(format!("no password given for {name}: {e}")))?,
        };
        Ok((name, password))
    }
}

/// A secret the operator types: from the environment variable `env` when it
/// is set (for scripts), else from a prompt that does not echo, asked twice
/// when `confirm` (a new password or passphrase). Never from a flag, which
/// would stay in the shell history and the process list.
pub fn secret(env: &str, prompt: &str, confirm: bool) -> Result<String> {
    if let Ok(value) = std::env::var(env) {
        return Ok(value);
    }
    let ask = |p: &str| {
        rpassword::prompt_password(p)
            .map_err(|e| Error::Refused(format!("{prompt}: none given ({e}); or set {env}")))
    };
    let first = ask(&format!("{prompt}: "))?;
    if confirm && ask(&format!("{prompt} again: "))? != first {
        return Err(Error::Refused(format!("{prompt}: the two entries differ")));
    }
    Ok(first)
}

fn asks_for_password(e: &Error) -> bool {
    e.to_string().contains("asks for a password")
}
