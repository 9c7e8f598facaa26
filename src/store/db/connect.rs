//! Connecting to an event server: the URL as libpq writes it
//! (`postgresql://user@host:port/db?sslmode=…&sslrootcert=FILE`), the
//! password from `PGPASSWORD`, `~/.pgpass` or the caller (a prompt), never
//! from the URL, and TLS as `sslmode` asks.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::DbError;
use crate::error::{Error, Result};

/// How the connection is protected, as libpq's `sslmode` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// No TLS.
    Disable,
    /// TLS if the server offers it, unverified.
    Prefer,
    /// TLS, unverified.
    Require,
    /// TLS, the server's certificate signed by a trusted authority.
    VerifyCa,
    /// TLS, the certificate trusted and naming the host.
    VerifyFull,
}

/// An event server's address, parsed and checked, without its password.
#[derive(Debug, Clone)]
pub struct ServerUrl {
    /// The URL as given, for messages (it holds no password).
    pub text: String,
    config: Config,
    pub tls: Tls,
    root_cert: Option<PathBuf>,
}

impl PartialEq for ServerUrl {
    fn eq(&self, other: &ServerUrl) -> bool {
        self.text == other.text
    }
}

impl Eq for ServerUrl {}

impl ServerUrl {
    pub fn parse(text: &str) -> Result<ServerUrl> {
        let bad = |why: String| Error::invalid("database", format!("{text}: {why}"));
        if !(text.starts_with("postgresql://") || text.starts_with("postgres://")) {
            return Err(bad(
                "an event server's address begins with postgresql:// (e.g. postgresql://desk@10.0.0.5:5432/hanoi?sslmode=verify-full)".into(),
            ));
        }
        // sslmode values beyond the driver's, and sslrootcert, are ours.
        let (base, query) = text.split_once('?').unwrap_or((text, ""));
        let mut tls = Tls::Prefer;
        let mut root_cert = None;
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => {
                    tls = match value {
                        "disable" => Tls::Disable,
                        "prefer" | "allow" => Tls::Prefer,
                        "require" => Tls::Require,
                        "verify-ca" => Tls::VerifyCa,
                        "verify-full" => Tls::VerifyFull,
                        other => {
                            return Err(bad(format!(
                                "sslmode={other} is not one of disable, prefer, require, verify-ca, verify-full"
                            )));
                        }
                    }
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(value)),
                "password" => {
                    return Err(bad(
                        "the password does not go in the address: set PGPASSWORD or ~/.pgpass, or type it when asked".into(),
                    ));
                }
                _ => kept.push(pair),
            }
        }
        let rest = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let mut config = Config::from_str(&rest).map_err(|e| bad(e.to_string()))?;
        if config.get_password().is_some() {
            return Err(bad(
                "the password does not go in the address: set PGPASSWORD or ~/.pgpass, or type it when asked".into(),
            ));
        }
        if config.get_dbname().is_none() {
            return Err(bad(
                "name the event's database after the host, e.g. …:5432/hanoi".into(),
            ));
        }
        if config.get_user().is_none() {
            return Err(bad(
                "name the database user before the host, e.g. postgresql://desk@…".into(),
            ));
        }
        config.ssl_mode(match tls {
            Tls::Disable => SslMode::Disable,
            Tls::Prefer => SslMode::Prefer,
            _ => SslMode::Require,
        });
        config.application_name("accredit");
        config.connect_timeout(std::time::Duration::from_secs(10));
        Ok(ServerUrl {
            text: text.to_owned(),
            config,
            tls,
            root_cert,
        })
    }

    fn hosts(&self) -> Vec<String> {
        self.config
            .get_hosts()
            .iter()
            .map(|h| match h {
                Host::Tcp(name) => name.clone(),
                #[cfg(unix)]
                Host::Unix(path) => path.display().to_string(),
            })
            .collect()
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    pub fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or_default()
    }

    /// A connection without TLS to a host beyond this machine: worth a
    /// warning (passwords and personal data cross the venue's network).
    pub fn warning(&self) -> Option<String> {
        let remote = self.hosts().iter().any(|h| {
            !(h == "localhost" || h.starts_with("127.") || h == "::1" || h.starts_with('/'))
        });
        (remote && matches!(self.tls, Tls::Disable | Tls::Prefer)).then(|| {
            format!(
                "the connection to {} is not sure to be encrypted: add sslmode=verify-full (and sslrootcert=FILE) to the address",
                self.hosts().join(",")
            )
        })
    }

    /// The password to use: `PGPASSWORD`, else the matching `~/.pgpass`
    /// line; `None` when neither has one (the caller may ask).
    pub fn stored_password(&self) -> Option<String> {
        if let Ok(p) = std::env::var("PGPASSWORD") {
            return Some(p);
        }
        let file = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().join(".pgpass")))?;
        let text = std::fs::read_to_string(file).ok()?;
        pgpass_lookup(
            &text,
            self.hosts()
                .first()
                .map(String::as_str)
                .unwrap_or("localhost"),
            self.port(),
            self.database(),
            self.user(),
        )
    }

    /// Connects, with `password` when the server asks for one.
    pub(super) fn connect(&self, password: Option<&str>) -> Result<Client> {
        let mut config = self.config.clone();
        if let Some(p) = password {
            config.password(p);
        }
        let connected = match self.tls {
            Tls::Disable => config.connect(NoTls),
            _ => config.connect(tls_connector(self.tls, self.root_cert.as_deref())?),
        };
        connected.map_err(|e| self.plain_error(&e))
    }

    /// One line a person can act on, for the usual ways a connection fails.
    fn plain_error(&self, e: &postgres::Error) -> Error {
        let at = format!(
            "the event server {}:{} (database {}, user {})",
            self.hosts().join(","),
            self.port(),
            self.database(),
            self.user()
        );
        let code = e.code().map(|c| c.code().to_owned()).unwrap_or_default();
        let text = match e.as_db_error() {
            Some(db) => db.message().to_owned(),
            None => {
                let mut s = e.to_string();
                let mut source = std::error::Error::source(e);
                while let Some(inner) = source {
                    s = format!("{s}: {inner}");
                    source = inner.source();
                }
                s
            }
        };
        let message = match code.as_str() {
            "28P01" | "28000" => format!(
                "{at} refused the password or the user: check PGPASSWORD or ~/.pgpass ({text})"
            ),
            "3D000" => format!("{at}: the database does not exist ({text})"),
            _ if text.contains("password missing") => format!(
                "{at} asks for a password: set PGPASSWORD or ~/.pgpass, or type it when asked"
            ),
            _ if text.contains("refused")
                || text.contains("timed out")
                || text.contains("timeout") =>
            {
                format!(
                    "{at} cannot be reached: is the server running and the address right? ({text})"
                )
            }
            _ => format!("{at}: {text}"),
        };
        Error::Store(DbError::new(super::DbErrorKind::Lost, message))
    }
}

/// The password of the first `~/.pgpass` line that matches (`*` matches
/// anything; `\:` and `\\` are a colon and a backslash).
pub fn pgpass_lookup(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .find_map(|line| {
            let fields = split_pgpass(line);
            let [h, p, d, u, password] = fields.as_slice() else {
                return None;
            };
            let fits = |field: &str, value: &str| field == "*" || field == value;
            (fits(h, host) && fits(p, &port) && fits(d, db) && fits(u, user))
                .then(|| password.clone())
        })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(f) = fields.last_mut()
                {
                    f.push(next)
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            _ => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields
}

fn tls_connector(
    tls: Tls,
    root_cert: Option<&Path>,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    // ring builds from the crate alone (aws-lc-rs, the post-quantum one,
    // would need cmake on every desk's build machine).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Other(format!("TLS: {e}")))?;
    let config = match tls {
        Tls::Disable | Tls::Prefer | Tls::Require => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unverified(provider)))
            .with_no_client_auth(),
        Tls::VerifyCa | Tls::VerifyFull => {
            let roots = Arc::new(trusted_roots(root_cert)?);
            let webpki =
                rustls::client::WebPkiServerVerifier::builder_with_provider(roots, provider)
                    .build()
                    .map_err(|e| Error::Other(format!("TLS: {e}")))?;
            if tls == Tls::VerifyFull {
                builder.with_webpki_verifier(webpki).with_no_client_auth()
            } else {
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(AnyName(webpki)))
                    .with_no_client_auth()
            }
        }
    };
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// The authorities a verified connection trusts: `sslrootcert`, else
/// `~/.postgresql/root.crt` as libpq reads it, else the system's.
fn trusted_roots(root_cert: Option<&Path>) -> Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    let default = directories::BaseDirs::new()
        .map(|d| d.home_dir().join(".postgresql").join("root.crt"))
        .filter(|p| p.exists());
    match root_cert.map(Path::to_path_buf).or(default) {
        Some(file) => {
            let certs = CertificateDer::pem_file_iter(&file)
                .map_err(|e| Error::Other(format!("{}: {e}", file.display())))?;
            for cert in certs {
                let cert = cert.map_err(|e| Error::Other(format!("{}: {e}", file.display())))?;
                roots
                    .add(cert)
                    .map_err(|e| Error::Other(format!("{}: {e}", file.display())))?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
        }
    }
    if roots.is_empty() {
        return Err(Error::Refused(
            "no certificate authority to verify the server with: add sslrootcert=FILE to the address".into(),
        ));
    }
    Ok(roots)
}

/// `sslmode=require`: encrypted, the certificate taken as it is (libpq's
/// meaning). Signatures are still checked, so the session is the server's.
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `sslmode=verify-ca`: a trusted chain, whatever name it is for.
#[derive(Debug)]
struct AnyName(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
            | Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_as_libpq_writes_them() {
        let url = ServerUrl::parse(
            "postgresql://desk@10.0.0.5:5433/hanoi?sslmode=verify-full&sslrootcert=/etc/venue-ca.pem",
        )
        .unwrap();
        assert_eq!(url.tls, Tls::VerifyFull);
        assert_eq!(
            (url.user(), url.database(), url.port()),
            ("desk", "hanoi", 5433)
        );
        assert_eq!(url.root_cert, Some(PathBuf::from("/etc/venue-ca.pem")));
        assert!(url.warning().is_none());
        let plain = ServerUrl::parse("postgresql://desk@10.0.0.5/hanoi?sslmode=disable").unwrap();
        assert!(
            plain
                .warning()
                .unwrap()
                .contains("not sure to be encrypted")
        );
        let local = ServerUrl::parse("postgresql://desk@127.0.0.1/hanoi").unwrap();
        assert!(local.warning().is_none());
    }

    #[test]
    fn a_password_in_the_address_and_odd_addresses_are_refused() {
        for (url, words) in [
            (
                "postgresql://desk:secret@host/db",
                "password does not go in the address",
            ),
            (
                "postgresql://desk@host/db?password=x",
                "password does not go in the address",
            ),
            ("mysql://desk@host/db", "begins with postgresql://"),
            ("postgresql://desk@host/db?sslmode=maybe", "sslmode=maybe"),
            ("postgresql://desk@host", "name the event's database"),
        ] {
            let e = ServerUrl::parse(url).unwrap_err().to_string();
            assert!(e.contains(words), "{url}: {e}");
        }
    }

    #[test]
    fn pgpass_lines_match_with_wildcards_and_escapes() {
        let text =
            "# comment\nother:5432:*:desk:nope\n10.0.0.5:*:hanoi:desk:s\\:cret\n*:*:*:*:fallback\n";
        assert_eq!(
            pgpass_lookup(text, "10.0.0.5", 5432, "hanoi", "desk").as_deref(),
            Some("s:cret")
        );
        assert_eq!(
            pgpass_lookup(text, "elsewhere", 5432, "x", "y").as_deref(),
            Some("fallback")
        );
    }
}
