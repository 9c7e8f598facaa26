use rusqlite::Connection;

use super::Cli;
use crate::auth::{self, Actor};
use crate::clock;
use crate::error::{Error, Result};
use crate::workspace::Workspace;

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
        Ok(Context {
            workspace: Workspace::new(dir),
            operator: cli.operator.clone(),
        })
    }

    /// Opens the store of an existing event.
    pub fn open(&self) -> Result<Connection> {
        if !self.workspace.has_event()? {
            return Err(Error::Refused(format!(
                "{} holds no event yet: run `accredit demo` or `accredit init`",
                self.workspace.data_dir().display()
            )));
        }
        self.workspace.open()
    }

    /// Opens the store and signs the operator in (`--operator` or
    /// `ACCREDIT_OPERATOR`, password from `ACCREDIT_PASSWORD` or a prompt).
    pub fn sign_in(&self) -> Result<(Connection, Actor)> {
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
