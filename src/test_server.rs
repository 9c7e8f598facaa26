//! A PostgreSQL server for the tests: the one `ACCREDIT_TEST_DATABASE`
//! names, or else a throwaway cluster of this process's own, made from the
//! system's binaries (`/usr/lib/postgresql/*/bin`) in a temporary folder,
//! on a loopback port, with fsync off, and stopped when the process ends.
//! Each call gives a new empty database on it.
//!
//! Where PostgreSQL is not installed the PostgreSQL tests skip, saying
//! which package to install, unless `ACCREDIT_REQUIRE_POSTGRES=1` (CI),
//! where they fail instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What the tests connect to: a server where the user may create databases.
struct Server {
    /// `postgresql://user@host:port` with no database.
    base: String,
    /// The process's own cluster (kept for the whole run: a static is
    /// never dropped; `watch_over` stops it once the process has ended).
    _cluster: Option<Cluster>,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();
static NEXT_DATABASE: AtomicUsize = AtomicUsize::new(0);

/// The address of a new, empty database; `None` (after saying why on
/// stderr) when no PostgreSQL is to be had and none is required.
pub fn new_database() -> Option<String> {
    let server = SERVER.get_or_init(start);
    let server = match server {
        Ok(s) => s,
        Err(why) => {
            if std::env::var("ACCREDIT_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
                panic!("PostgreSQL is required (ACCREDIT_REQUIRE_POSTGRES=1) but: {why}");
            }
            eprintln!("skipped on PostgreSQL: {why}");
            return None;
        }
    };
    let name = format!(
        "accredit_test_{}_{}",
        std::process::id(),
        NEXT_DATABASE.fetch_add(1, Ordering::Relaxed)
    );
    let admin = format!("{}/postgres?sslmode=disable", server.base);
    let mut client = postgres::Client::connect(&admin, postgres::NoTls)
        .unwrap_or_else(|e| panic!("the test server at {admin} does not answer: {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
    Some(format!("{}/{name}?sslmode=disable", server.base))
}

fn start() -> Result<Server, String> {
    if let Ok(url) = std::env::var("ACCREDIT_TEST_DATABASE") {
        let base = url
            .split('?')
            .next()
            .and_then(|u| u.rsplit_once('/'))
            .map(|(base, _)| base.to_owned())
            .ok_or_else(|| {
                format!("ACCREDIT_TEST_DATABASE={url} is not postgresql://user@host:port/db")
            })?;
        return Ok(Server {
            base,
            _cluster: None,
        });
    }
    let cluster = Cluster::start()?;
    watch_over(&cluster.bin, &cluster.dir, cluster.as_root);
    Ok(Server {
        base: cluster.base(),
        _cluster: Some(cluster),
    })
}

/// A cluster of the test process's own, which a test can stop and start
/// again (the server going away mid-run).
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    as_root: bool,
    /// fsync and synchronous commit on, as a venue's server runs
    /// (benchmarks); off for tests, which only need the server's logic.
    durable: bool,
}

impl Cluster {
    /// A new cluster, running; `Err` with the reason where PostgreSQL is
    /// not installed.
    pub fn start() -> Result<Cluster, String> {
        Cluster::start_with(false)
    }

    /// A new cluster that syncs every commit to disk as a production server
    /// does, for benchmarks.
    pub fn start_durable() -> Result<Cluster, String> {
        Cluster::start_with(true)
    }

    fn start_with(durable: bool) -> Result<Cluster, String> {
        let bin = binaries().ok_or(
            "PostgreSQL is not installed (Debian/Ubuntu: apt-get install postgresql; or set ACCREDIT_TEST_DATABASE)",
        )?;
        let dir = std::env::temp_dir().join(format!(
            "accredit-pg-{}-{}",
            std::process::id(),
            NEXT_DATABASE.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let as_root = is_root();
        if as_root {
            // initdb refuses root: the cluster belongs to the postgres user.
            run("chown", &["postgres:", &path(&dir)], false)?;
        }
        run(
            &path(&bin.join("initdb")),
            &[
                "-D",
                &path(&dir.join("data")),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            as_root,
        )?;
        let cluster = Cluster {
            bin,
            dir,
            port: free_port()?,
            as_root,
            durable,
        };
        cluster.start_again()?;
        Ok(cluster)
    }

    /// `postgresql://postgres@127.0.0.1:PORT`, with no database.
    pub fn base(&self) -> String {
        format!("postgresql://postgres@127.0.0.1:{}", self.port)
    }

    /// Starts the server (again, after [`Cluster::stop`]).
    pub fn start_again(&self) -> Result<(), String> {
        let sync = if self.durable {
            "-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
        } else {
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        };
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -c unix_socket_directories={} {sync} -c max_connections=200",
            self.port,
            path(&self.dir)
        );
        run(
            &path(&self.bin.join("pg_ctl")),
            &[
                "-D",
                &path(&self.dir.join("data")),
                "-l",
                &path(&self.dir.join("log")),
                "-w",
                "-o",
                &options,
                "start",
            ],
            self.as_root,
        )
    }

    /// Stops the server at once, as a crash or a cut cable would.
    pub fn stop(&self) -> Result<(), String> {
        run(
            &path(&self.bin.join("pg_ctl")),
            &[
                "-D",
                &path(&self.dir.join("data")),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            self.as_root,
        )
    }

    /// A new empty database on this cluster: its address.
    pub fn new_database(&self, name: &str) -> String {
        let admin = format!("{}/postgres?sslmode=disable", self.base());
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("the test cluster at {admin} does not answer: {e}"));
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
        format!("{}/{name}?sslmode=disable", self.base())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Stops the cluster and removes its folder once this process has ended,
/// however it ends.
fn watch_over(bin: &Path, dir: &Path, as_root: bool) {
    let stop = format!(
        "{} -D {} -m immediate -w stop",
        path(&bin.join("pg_ctl")),
        path(&dir.join("data"))
    );
    let stop = if as_root {
        format!("su postgres -s /bin/sh -c '{stop}'")
    } else {
        stop
    };
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
        pid = std::process::id(),
        dir = path(dir)
    );
    let _ = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}

fn binaries() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    // The newest version installed.
    found.sort();
    found.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// Runs a program, as the postgres user when `as_postgres`.
fn run(program: &str, args: &[&str], as_postgres: bool) -> Result<(), String> {
    let output = if as_postgres {
        let quoted: Vec<String> = std::iter::once(program)
            .chain(args.iter().copied())
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect();
        Command::new("su")
            .args(["postgres", "-s", "/bin/sh", "-c", &quoted.join(" ")])
            .output()
    } else {
        Command::new(program).args(args).output()
    }
    .map_err(|e| format!("{program}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} failed: {}{}",
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout)
        ))
    }
}
