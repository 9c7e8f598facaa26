//! The import wizard: choose a nomination list (CSV, XLSX) or a folder or
//! ZIP of photos, see the dry-run report — what will be imported, updated,
//! left unchanged, and every rejected row with its line, column and reason —
//! then confirm. Both steps run the same core function off the UI thread
//! (the check is a dry run of the real import, so its counts are exact).

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, container, pick_list, row, rule, scrollable, text, text_input};
use iced::{Color, Element, Fill, Length, Task};

use crate::gui::Session;
use crate::gui::screen::participants::Choice;
use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::Result;
use accredit::auth::{Actor, Permission};
use accredit::domain::DelegationId;
use accredit::lookup;
use accredit::t;
use accredit::transfer::import::{ImportOptions, ImportReport, import_nominations};
use accredit::transfer::photos::{PhotoReport, import_photos};
use accredit::transfer::template::TemplateSummary;
use accredit::workspace::Workspace;

pub const PATH_INPUT: &str = "import-path";
/// Rejected rows listed in the window; the rest are counted.
const SHOWN_PROBLEMS: usize = 500;

/// What is being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Nominations,
    Photos,
}

/// A report of either import.
#[derive(Debug, Clone)]
pub enum Report {
    Nominations(Arc<ImportReport>),
    Photos(Arc<PhotoReport>),
}

impl Report {
    /// How many participants the import creates or changes.
    fn changes(&self) -> usize {
        match self {
            Report::Nominations(r) => r.imported + r.updated,
            Report::Photos(r) => r.imported,
        }
    }
}

#[derive(Debug, Clone)]
enum Stage {
    Choosing,
    Checking,
    Checked(Report),
    Importing(Report),
    Done {
        checked: Report,
        done: Report,
        /// The delegations of the rows imported, with their nominations
        /// waiting for review (read once the import is done).
        to_review: Vec<ToReview>,
    },
}

/// A delegation with nominations to review after an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToReview {
    pub delegation: DelegationId,
    pub code: String,
    /// All its nominated participants, imported now or before.
    pub nominated: usize,
}

pub struct State {
    kind: Kind,
    path: String,
    /// `None`: each row names its delegation.
    delegation: Option<i64>,
    stage: Stage,
    error: Option<Problem>,
    /// A word of guidance (not an error), e.g. after the chooser closed empty.
    hint: Option<String>,
    /// What became of the last "Save the template…".
    template: Option<Template>,
}

/// What stops the import, kept until the view words it.
#[derive(Debug)]
enum Problem {
    /// Check pressed before a file (or folder) of this kind was chosen.
    NothingChosen(Kind),
    ChooserUnavailable(JobError),
    /// The check refused the file.
    Refused(JobError),
    NothingImported(JobError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            Problem::NothingChosen(Kind::Nominations) => t!("import-choose-file-first"),
            Problem::NothingChosen(Kind::Photos) => t!("import-choose-photos-first"),
            Problem::ChooserUnavailable(e) => {
                t!("import-chooser-unavailable", error = e.to_string())
            }
            Problem::Refused(e) => e.to_string(),
            Problem::NothingImported(e) => t!("import-nothing-imported", error = e.to_string()),
        };
        f.write_str(&said)
    }
}

/// What became of the last "Save the template…".
#[derive(Debug)]
enum Template {
    Writing,
    Saved {
        path: PathBuf,
        summary: TemplateSummary,
    },
    DialogUnavailable(JobError),
    NotSaved(JobError),
}

impl std::fmt::Display for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            Template::Writing => t!("import-template-writing"),
            Template::Saved { path, summary } => t!(
                "import-template-saved",
                path = path.display().to_string(),
                delegations = summary.delegations,
                categories = summary.categories
            ),
            Template::DialogUnavailable(e) => {
                t!("import-save-dialog-unavailable", error = e.to_string())
            }
            Template::NotSaved(e) => t!("import-template-not-saved", error = e.to_string()),
        };
        f.write_str(&said)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    KindChosen(Kind),
    PathChanged(String),
    Browse,
    BrowseFolder,
    Picked(Outcome<Option<PathBuf>>),
    DelegationChosen(Choice),
    Check,
    Checked(Outcome<Report>),
    Confirm,
    Imported(Outcome<Report>),
    ToReview(Outcome<Vec<ToReview>>),
    /// Open the review of a delegation's nominations.
    Review(DelegationId),
    SaveTemplate,
    /// Where the template goes (the save dialog's answer).
    TemplatePath(Outcome<Option<PathBuf>>),
    TemplateSaved(Outcome<(PathBuf, TemplateSummary)>),
    StartOver,
}

/// What the application must do after this screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Participants (or their photos) changed: reload what shows them.
    Imported,
    /// Review and approve this delegation's nominations.
    Review(DelegationId),
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            kind: Kind::Nominations,
            path: String::new(),
            delegation: None,
            stage: Stage::Choosing,
            error: None,
            hint: None,
            template: None,
        }
    }

    fn busy(&self) -> bool {
        matches!(self.stage, Stage::Checking | Stage::Importing(_))
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::KindChosen(kind) if !self.busy() => {
                if kind != self.kind {
                    self.kind = kind;
                    self.path.clear();
                    self.reset();
                }
            }
            Message::PathChanged(path) if !self.busy() => {
                self.path = path;
                self.reset();
            }
            Message::Browse | Message::BrowseFolder if !self.busy() => {
                let folder = matches!(message, Message::BrowseFolder);
                return (pick(self.kind, folder, Dialog::words()), None);
            }
            // A file chosen is checked at once: one click fewer.
            Message::Picked(Ok(Some(path))) => {
                if !self.busy() {
                    self.path = path.display().to_string();
                    self.reset();
                    return self.update(Message::Check, session);
                }
            }
            // Cancelled, or no chooser could open (no desktop portal).
            Message::Picked(Ok(None)) => {
                self.hint = Some(t!("import-no-file-chosen"));
            }
            Message::Picked(Err(e)) => {
                self.error = Some(Problem::ChooserUnavailable(e));
            }
            Message::DelegationChosen(choice) if !self.busy() => {
                self.delegation = choice.id;
                self.reset();
            }
            Message::Check if !self.busy() => {
                let Some(path) = self.chosen_path() else {
                    self.error = Some(Problem::NothingChosen(self.kind));
                    return (Task::none(), None);
                };
                self.error = None;
                self.stage = Stage::Checking;
                let job = self.job(session, path, true);
                return (in_background(job, Message::Checked), None);
            }
            Message::Checked(Ok(report)) => {
                if matches!(self.stage, Stage::Checking) {
                    self.stage = Stage::Checked(report);
                }
            }
            Message::Checked(Err(e)) => {
                self.stage = Stage::Choosing;
                self.error = Some(Problem::Refused(e));
            }
            Message::Confirm => {
                let Stage::Checked(report) = &self.stage else {
                    return (Task::none(), None);
                };
                let Some(path) = self.chosen_path() else {
                    return (Task::none(), None);
                };
                self.stage = Stage::Importing(report.clone());
                self.error = None;
                let job = self.job(session, path, false);
                return (in_background(job, Message::Imported), None);
            }
            Message::Imported(Ok(done)) => {
                if let Stage::Importing(checked) = &self.stage {
                    let codes = match &done {
                        Report::Nominations(r) => r.delegations.clone(),
                        Report::Photos(_) => Vec::new(),
                    };
                    self.stage = Stage::Done {
                        checked: checked.clone(),
                        done,
                        to_review: Vec::new(),
                    };
                    let ws = session.workspace.clone();
                    let task = if codes.is_empty() {
                        Task::none()
                    } else {
                        worker::spawn(move || to_review(&ws, &codes), Message::ToReview)
                    };
                    return (task, Some(Event::Imported));
                }
            }
            Message::ToReview(Ok(list)) => {
                if let Stage::Done { to_review, .. } = &mut self.stage {
                    *to_review = list;
                }
            }
            Message::ToReview(Err(_)) => {}
            Message::Review(id) => return (Task::none(), Some(Event::Review(id))),
            Message::SaveTemplate => return (pick_template_path(), None),
            Message::TemplatePath(Ok(Some(path))) => {
                let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                self.template = Some(Template::Writing);
                let task = worker::spawn(
                    move || {
                        let summary = accredit::transfer::template::write_template(
                            &*ws.connection()?,
                            &actor,
                            &path,
                        )?;
                        Ok((path, summary))
                    },
                    Message::TemplateSaved,
                );
                return (task, None);
            }
            Message::TemplatePath(Ok(None)) => self.template = None,
            Message::TemplatePath(Err(e)) => {
                self.template = Some(Template::DialogUnavailable(e));
            }
            Message::TemplateSaved(Ok((path, summary))) => {
                self.template = Some(Template::Saved { path, summary });
            }
            Message::TemplateSaved(Err(e)) => self.template = Some(Template::NotSaved(e)),
            Message::Imported(Err(e)) => {
                if let Stage::Importing(checked) = &self.stage {
                    self.stage = Stage::Checked(checked.clone());
                }
                self.error = Some(Problem::NothingImported(e));
            }
            Message::StartOver => {
                if !self.busy() {
                    self.path.clear();
                    self.reset();
                    return (iced::widget::operation::focus(PATH_INPUT), None);
                }
            }
            // Ignored while a job runs.
            Message::KindChosen(_)
            | Message::PathChanged(_)
            | Message::Browse
            | Message::BrowseFolder
            | Message::DelegationChosen(_)
            | Message::Check => {}
        }
        (Task::none(), None)
    }

    /// Back to choosing, keeping the path.
    fn reset(&mut self) {
        self.stage = Stage::Choosing;
        self.error = None;
        self.hint = None;
    }

    fn chosen_path(&self) -> Option<PathBuf> {
        let trimmed = self.path.trim().trim_matches(['"', '\'']);
        (!trimmed.is_empty()).then(|| PathBuf::from(trimmed))
    }

    /// The import to run off the UI thread: a dry run, or the real one.
    fn job(
        &self,
        session: &Session,
        path: PathBuf,
        dry_run: bool,
    ) -> impl FnOnce() -> Result<Report> + Send + 'static {
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        let (kind, delegation) = (self.kind, self.delegation);
        move || run(&ws, &actor, kind, &path, delegation, dry_run)
    }

    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let may = session.actor.may(Permission::ImportNominations);
        let mut page = column![
            text(t!("import-title")).size(24),
            text(match self.kind {
                Kind::Nominations => t!("import-nominations-intro"),
                Kind::Photos => t!("import-photos-intro"),
            })
            .size(14)
            // Room for the descenders: with the default line height, the
            // renderer leaves traces of the other text's descenders when
            // the kind changes.
            .line_height(1.6),
        ]
        .spacing(12)
        .padding(16);
        if !may {
            return page
                .push(style::error_text(&t!(
                    "import-not-allowed",
                    name = session.actor.name.as_str(),
                    role = session.actor.role.to_string()
                )))
                .into();
        }
        page = page.push(self.chooser(session));
        if let Some(e) = &self.error {
            page = page.push(style::error_text(&e.to_string()));
        }
        if let Some(h) = &self.hint {
            page = page.push(text(h).size(14).line_height(1.6).color(GREY));
        }
        page = page.push(rule::horizontal(1));
        let body: Element<'_, Message> = match &self.stage {
            Stage::Choosing => guide(self.kind),
            Stage::Checking => text(t!("import-checking")).into(),
            Stage::Checked(report) => report_view(report, Phase::Preview),
            Stage::Importing(report) => column![
                text(t!("import-importing")).color(ACCENT),
                report_view(report, Phase::Running)
            ]
            .spacing(8)
            .into(),
            Stage::Done {
                checked,
                done,
                to_review,
            } => done_view(checked, done, to_review, session),
        };
        page.push(body).into()
    }

    fn chooser<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let busy = self.busy();
        let kinds = row![
            kind_button(
                t!("import-kind-nominations"),
                Kind::Nominations,
                self.kind,
                busy
            ),
            kind_button(t!("import-kind-photos"), Kind::Photos, self.kind, busy),
        ]
        .spacing(6);
        let placeholder = match self.kind {
            Kind::Nominations => t!("import-path-placeholder-nominations"),
            Kind::Photos => t!("import-path-placeholder-photos"),
        };
        let mut path = text_input(&placeholder, &self.path)
            .id(PATH_INPUT)
            .padding(8)
            .width(Fill);
        if !busy {
            path = path
                .on_input(Message::PathChanged)
                .on_submit(Message::Check);
        }
        let mut line = row![path].spacing(8).align_y(iced::Center);
        line = match self.kind {
            Kind::Nominations => line.push(
                button(text(t!("import-choose-file")))
                    .style(button::secondary)
                    .on_press_maybe((!busy).then_some(Message::Browse)),
            ),
            Kind::Photos => line
                .push(
                    button(text(t!("import-choose-folder")))
                        .style(button::secondary)
                        .on_press_maybe((!busy).then_some(Message::BrowseFolder)),
                )
                .push(
                    button(text(t!("import-choose-zip")))
                        .style(button::secondary)
                        .on_press_maybe((!busy).then_some(Message::Browse)),
                ),
        };
        let check = button(text(t!("import-check")))
            .padding([8, 18])
            .on_press_maybe((!busy && !self.path.trim().is_empty()).then_some(Message::Check));
        let mut options = row![].spacing(10).align_y(iced::Center);
        if self.kind == Kind::Nominations {
            options = options.push(text(t!("import-delegation"))).push(
                pick_list(
                    delegation_choices(session),
                    Some(delegation_choice(session, self.delegation)),
                    Message::DelegationChosen,
                )
                .width(340),
            );
        }
        options = options.push(iced::widget::space::horizontal()).push(check);
        let mut chooser = column![kinds, line, options].spacing(10);
        if self.kind == Kind::Nominations {
            let mut save = row![
                button(text(t!("import-save-template")))
                    .style(button::text)
                    .on_press(Message::SaveTemplate),
            ]
            .spacing(10)
            .align_y(iced::Center);
            if let Some(template) = &self.template {
                let colour = match template {
                    Template::Writing | Template::Saved { .. } => GREY,
                    Template::DialogUnavailable(_) | Template::NotSaved(_) => RED,
                };
                save = save.push(text(template.to_string()).size(13).color(colour));
            }
            chooser = chooser.push(save);
        }
        chooser.into()
    }
}

/// What the desk should know before choosing a file.
fn guide<'a>(kind: Kind) -> Element<'a, Message> {
    let lines: Vec<String> = match kind {
        Kind::Nominations => vec![
            t!("import-guide-columns"),
            t!("import-guide-updates"),
            t!("import-guide-problems"),
            t!("import-guide-template"),
        ],
        Kind::Photos => vec![
            t!("import-guide-photo-names"),
            t!("import-guide-photo-sizes"),
        ],
    };
    lines
        .iter()
        .fold(column![].spacing(8).max_width(900), |col, line| {
            col.push(
                text(format!("•  {line}"))
                    .size(14)
                    .line_height(1.6)
                    .color(GREY),
            )
        })
        .into()
}

/// Runs `job` on a worker thread once the runtime runs the task (not when
/// `update` returns it), so that `update` has no effect of its own.
fn in_background<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
    done: fn(Outcome<T>) -> Message,
) -> Task<Message> {
    let mut job = Some(job);
    Task::done(()).then(move |()| match job.take() {
        Some(job) => worker::spawn(job, done),
        None => Task::none(),
    })
}

/// Runs an import (or its dry run) for the GUI.
fn run(
    ws: &Workspace,
    actor: &Actor,
    kind: Kind,
    path: &std::path::Path,
    delegation: Option<i64>,
    dry_run: bool,
) -> Result<Report> {
    let mut conn = ws.connection()?;
    match kind {
        Kind::Nominations => {
            let delegation = match delegation {
                Some(id) => Some(lookup::delegations::get(&conn, id)?.code),
                None => None,
            };
            let options = ImportOptions {
                delegation,
                dry_run,
            };
            import_nominations(&mut conn, actor, path, &options)
                .map(|r| Report::Nominations(Arc::new(r)))
        }
        Kind::Photos => {
            import_photos(&mut conn, actor, path, dry_run).map(|r| Report::Photos(Arc::new(r)))
        }
    }
}

/// The words of the native dialogs, read on the UI thread (whose language
/// the dialog's own thread does not know).
struct Dialog {
    photo_folder: String,
    photo_zip: String,
    zip_filter: String,
    nomination_list: String,
    nomination_filter: String,
    all_files: String,
    template: String,
    workbook_filter: String,
}

impl Dialog {
    fn words() -> Dialog {
        Dialog {
            photo_folder: t!("import-dialog-photo-folder"),
            photo_zip: t!("import-dialog-photo-zip"),
            zip_filter: t!("import-dialog-zip-filter"),
            nomination_list: t!("import-dialog-nomination-list"),
            nomination_filter: t!("import-dialog-nomination-filter"),
            all_files: t!("import-dialog-all-files"),
            template: t!("import-dialog-template"),
            workbook_filter: t!("import-dialog-workbook-filter"),
        }
    }
}

/// The native file chooser, on a thread of its own (it blocks). Where the
/// desktop offers none (no portal), it reports so and the path field remains.
fn pick(kind: Kind, folder: bool, words: Dialog) -> Task<Message> {
    in_background(
        move || {
            let dialog = rfd::FileDialog::new();
            Ok(match (kind, folder) {
                (Kind::Photos, true) => dialog.set_title(&words.photo_folder).pick_folder(),
                (Kind::Photos, false) => dialog
                    .set_title(&words.photo_zip)
                    .add_filter(&words.zip_filter, &["zip"])
                    .pick_file(),
                (Kind::Nominations, _) => dialog
                    .set_title(&words.nomination_list)
                    .add_filter(
                        &words.nomination_filter,
                        &["csv", "txt", "tsv", "xlsx", "xls", "ods"],
                    )
                    .add_filter(&words.all_files, &["*"])
                    .pick_file(),
            })
        },
        Message::Picked,
    )
}

/// The nominations waiting for review in each delegation of `codes`.
fn to_review(ws: &Workspace, codes: &[String]) -> Result<Vec<ToReview>> {
    let conn = ws.connection()?;
    let mut out = Vec::new();
    for code in codes {
        let Some(d) = lookup::delegations::find_by_code(&conn, code)? else {
            continue;
        };
        let nominated = lookup::participants::list(
            &conn,
            &lookup::participants::Filter {
                delegation: Some(d.id),
                status: Some(accredit::domain::ParticipantStatus::Nominated),
                ..Default::default()
            },
        )?
        .len();
        out.push(ToReview {
            delegation: d.id,
            code: d.code,
            nominated,
        });
    }
    Ok(out)
}

/// The native save dialog for the template, on a thread of its own.
fn pick_template_path() -> Task<Message> {
    let words = Dialog::words();
    in_background(
        move || {
            Ok(rfd::FileDialog::new()
                .set_title(&words.template)
                .set_file_name("nominations.xlsx")
                .add_filter(&words.workbook_filter, &["xlsx"])
                .save_file())
        },
        Message::TemplatePath,
    )
}

fn delegation_choices(session: &Session) -> Vec<Choice> {
    let mut choices = vec![Choice {
        id: None,
        label: t!("import-each-row-names-its-delegation"),
    }];
    choices.extend(
        session
            .delegation_choices
            .iter()
            .filter(|c| c.id.is_some())
            .cloned(),
    );
    choices
}

fn delegation_choice(session: &Session, id: Option<i64>) -> Choice {
    delegation_choices(session)
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or(Choice {
            id: None,
            label: t!("import-each-row-names-its-delegation"),
        })
}

fn kind_button<'a>(label: String, kind: Kind, current: Kind, busy: bool) -> Element<'a, Message> {
    button(text(label))
        .padding([6, 14])
        .style(if kind == current {
            button::primary
        } else {
            button::secondary
        })
        .on_press_maybe((!busy).then_some(Message::KindChosen(kind)))
        .into()
}

const ACCENT: Color = Color::from_rgb8(0x1F, 0x3B, 0x73);
const GREEN: Color = Color::from_rgb8(0x1B, 0x7F, 0x3B);
const AMBER: Color = Color::from_rgb8(0x8A, 0x6D, 0x00);
const RED: Color = Color::from_rgb8(0xB0, 0x1E, 0x23);
const GREY: Color = Color::from_rgb8(0x5F, 0x63, 0x68);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The dry run's report, awaiting confirmation.
    Preview,
    /// The import runs.
    Running,
    /// The import is done.
    Done,
}

/// A count with its label, coloured.
fn count<'a>(n: usize, label: String, colour: Color) -> Element<'a, Message> {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    container(
        column![
            text(accredit::i18n::number(accredit::i18n::current(), n))
                .size(22)
                .color(colour),
            text(label).size(13)
        ]
        .align_x(iced::Center),
    )
    .padding([6, 16])
    .style(style::chrome)
    .into()
}

fn report_view(report: &Report, phase: Phase) -> Element<'_, Message> {
    match report {
        Report::Nominations(r) => nominations_view(r, phase),
        Report::Photos(r) => photos_view(r, phase),
    }
}

fn nominations_view(r: &ImportReport, phase: Phase) -> Element<'_, Message> {
    let mut how = vec![r.format.clone()];
    how.extend(r.encoding.clone());
    if let Some(sep) = &r.separator {
        how.push(t!("import-separated-by", separator = sep));
    }
    if let Some(sheet) = &r.sheet {
        how.push(t!("import-sheet", sheet = sheet));
    }
    how.push(t!("import-header-line", line = r.header_line.to_string()));
    let (new, updated) = match phase {
        Phase::Done => (t!("import-count-imported"), t!("import-count-updated")),
        _ => (t!("import-count-to-import"), t!("import-count-to-update")),
    };
    let counts = row![
        count(r.rows, t!("import-count-rows"), ACCENT),
        count(r.imported, new, GREEN),
        count(r.updated, updated, AMBER),
        count(r.unchanged, t!("import-count-unchanged"), GREY),
        count(r.rejected, t!("import-count-rejected"), RED),
    ]
    .spacing(8);
    let mut page = column![
        text(format!("{} — {}", r.file, how.join(", "))).size(15),
        counts
    ]
    .spacing(10);
    // Where each column goes, before anything is written.
    if !r.columns.is_empty() {
        let uses: Vec<String> = r
            .columns
            .iter()
            .map(|c| format!("“{}” → {}", c.column, field(c.field)))
            .collect();
        page = page.push(
            text(t!("import-columns-read", columns = uses.join(" · ")))
                .size(13)
                .line_height(1.5),
        );
    }
    if !r.ignored_columns.is_empty() {
        let names: Vec<String> = r
            .ignored_columns
            .iter()
            .map(|c| format!("“{}” ({})", c.column, c.reason))
            .collect();
        page = page.push(
            text(t!(
                "import-columns-not-imported",
                columns = names.join("; ")
            ))
            .size(13)
            .line_height(1.5)
            .color(
                if r.ignored_columns.iter().any(|c| !c.could_be.is_empty()) {
                    AMBER
                } else {
                    GREY
                },
            ),
        );
    }
    for m in &r.missing_columns {
        page = page.push(text(m.message.as_str()).size(13).color(if m.required {
            RED
        } else {
            AMBER
        }));
    }
    let mut lists = column![].spacing(10);
    if !r.problems.is_empty() {
        lists = lists.push(text(t!("import-rejected-rows")).size(17));
        lists = lists.push(table_header(vec![
            t!("import-col-line"),
            t!("import-col-column"),
            t!("import-col-reason"),
        ]));
        for p in r.problems.iter().take(SHOWN_PROBLEMS) {
            lists = lists.push(table_row(
                [p.line.to_string(), p.column.clone(), p.reason.clone()],
                Some(RED),
            ));
        }
        if r.problems.len() > SHOWN_PROBLEMS {
            lists = lists.push(text(t!(
                "import-more-problems",
                count = r.problems.len() - SHOWN_PROBLEMS
            )));
        }
    }
    if !r.notices.is_empty() {
        lists = lists.push(text(t!("import-to-check")).size(17));
        lists = lists.push(table_header(vec![
            t!("import-col-line"),
            t!("import-col-participant"),
            t!("import-col-notice"),
        ]));
        for n in r.notices.iter().take(SHOWN_PROBLEMS) {
            lists = lists.push(table_row(
                [
                    n.line.to_string(),
                    n.participant.map(|p| p.to_string()).unwrap_or_default(),
                    n.message.clone(),
                ],
                None,
            ));
        }
    }
    page = page.push(confirm_bar(
        r.imported + r.updated,
        phase,
        Kind::Nominations,
    ));
    page.push(scrollable(lists.padding(LIST_PADDING)).height(Fill))
        .into()
}

fn photos_view(r: &PhotoReport, phase: Phase) -> Element<'_, Message> {
    let new = if phase == Phase::Done {
        t!("import-count-imported")
    } else {
        t!("import-count-to-import")
    };
    let counts = row![
        count(r.files, t!("import-count-files"), ACCENT),
        count(r.imported, new, GREEN),
        count(r.unchanged, t!("import-count-unchanged"), GREY),
        count(r.rejected, t!("import-count-rejected"), RED),
    ]
    .spacing(8);
    let mut lists = column![].spacing(10);
    if !r.problems.is_empty() {
        lists = lists.push(text(t!("import-rejected-files")).size(17));
        lists = lists.push(table_header(vec![
            t!("import-col-file"),
            t!("import-col-reason"),
        ]));
        for p in r.problems.iter().take(SHOWN_PROBLEMS) {
            lists = lists.push(table_row2([p.file.clone(), p.reason.clone()], Some(RED)));
        }
    }
    if !r.notices.is_empty() {
        lists = lists.push(text(t!("import-to-check")).size(17));
        lists = lists.push(table_header(vec![
            t!("import-col-file"),
            t!("import-col-notice"),
        ]));
        for n in &r.notices {
            lists = lists.push(table_row2([n.file.clone(), n.message.clone()], None));
        }
    }
    column![
        text(r.source.clone()).size(15),
        counts,
        confirm_bar(r.imported, phase, Kind::Photos),
        scrollable(lists.padding(LIST_PADDING)).height(Fill)
    ]
    .spacing(10)
    .into()
}

/// "Import N participants" and "Start over", as the phase allows.
fn confirm_bar<'a>(changes: usize, phase: Phase, kind: Kind) -> Element<'a, Message> {
    let mut bar = row![].spacing(10).align_y(iced::Center);
    match phase {
        Phase::Preview if changes > 0 => {
            bar = bar.push(
                button(text(match kind {
                    Kind::Nominations => t!("import-confirm-participants", count = changes),
                    Kind::Photos => t!("import-confirm-photos", count = changes),
                }))
                .padding([8, 18])
                .style(button::success)
                .on_press(Message::Confirm),
            );
        }
        Phase::Preview => {
            bar = bar.push(text(t!("import-nothing-to-import")).color(GREY));
        }
        Phase::Running | Phase::Done => {}
    }
    if phase != Phase::Running {
        bar = bar.push(
            button(text(t!("import-start-over")))
                .style(button::secondary)
                .on_press(Message::StartOver),
        );
    }
    bar.into()
}

fn done_view<'a>(
    checked: &'a Report,
    done: &'a Report,
    to_review: &'a [ToReview],
    session: &'a Session,
) -> Element<'a, Message> {
    let summary = match done {
        Report::Nominations(r) => t!(
            "import-done-nominations",
            imported = r.imported,
            updated = r.updated,
            unchanged = r.unchanged,
            rejected = r.rejected
        ),
        Report::Photos(r) => t!(
            "import-done-photos",
            imported = r.imported,
            unchanged = r.unchanged,
            rejected = r.rejected
        ),
    };
    let mut page = column![text(summary).color(GREEN).size(16)].spacing(10);
    if session.actor.may(Permission::ApproveParticipants) {
        let mut next = row![].spacing(10);
        for d in to_review.iter().filter(|d| d.nominated > 0) {
            next = next.push(
                button(text(t!(
                    "import-review",
                    delegation = d.code.as_str(),
                    count = d.nominated
                )))
                .padding([8, 18])
                .style(button::success)
                .on_press(Message::Review(d.delegation)),
            );
        }
        page = page.push(next);
    }
    let file_changed = match (checked, done) {
        (Report::Nominations(a), Report::Nominations(b)) => a.sha256 != b.sha256,
        _ => false,
    };
    if file_changed {
        page = page.push(style::error_text(&t!("import-file-changed")));
    } else if done.changes() != checked.changes() {
        page = page.push(style::error_text(&t!("import-participants-changed")));
    }
    page.push(report_view(done, Phase::Done)).into()
}

/// Keeps the lists clear of the scroll bar.
const LIST_PADDING: iced::Padding = iced::Padding {
    top: 0.0,
    right: 18.0,
    bottom: 0.0,
    left: 0.0,
};

const WIDTHS: [Length; 3] = [Length::Fixed(70.0), Length::Fixed(200.0), Length::Fill];

fn table_header<'a>(labels: Vec<String>) -> Element<'a, Message> {
    let widths: &[Length] = if labels.len() == 2 {
        &[Length::Fixed(320.0), Length::Fill]
    } else {
        &WIDTHS
    };
    let mut line = row![].spacing(12).padding([0, 8]);
    for (label, width) in labels.into_iter().zip(widths) {
        line = line.push(text(label).size(13).color(GREY).width(*width));
    }
    line.into()
}

fn table_row<'a>(cells: [String; 3], reason: Option<Color>) -> Element<'a, Message> {
    let [line, column, message] = cells;
    let mut last = text(message).width(WIDTHS[2]);
    if let Some(c) = reason {
        last = last.color(c);
    }
    container(
        row![
            text(line).width(WIDTHS[0]),
            text(column).width(WIDTHS[1]),
            last
        ]
        .spacing(12),
    )
    .padding([4, 8])
    .into()
}

fn table_row2<'a>(cells: [String; 2], reason: Option<Color>) -> Element<'a, Message> {
    let [file, message] = cells;
    let mut last = text(message).width(Fill);
    if let Some(c) = reason {
        last = last.color(c);
    }
    container(row![text(file).width(320), last].spacing(12))
        .padding([4, 8])
        .into()
}

#[cfg(test)]
mod tests;

/// A field of the nomination list, as the interface's language names it.
fn field(field: accredit::transfer::import::Field) -> String {
    use accredit::transfer::import::Field;
    match field {
        Field::Delegation => t!("import-field-delegation"),
        Field::Category => t!("import-field-category"),
        Field::FamilyName => t!("import-field-family-name"),
        Field::GivenNames => t!("import-field-given-names"),
        Field::MiddleNameAfter => t!("import-field-middle-name"),
        Field::MiddleNameBefore => t!("import-field-middle-name-before"),
        Field::BadgeName => t!("import-field-badge-name"),
        Field::Function => t!("import-field-function"),
        Field::Gender => t!("import-field-gender"),
        Field::Nationality => t!("import-field-nationality"),
        Field::DateOfBirth => t!("import-field-date-of-birth"),
        Field::DocumentType => t!("import-field-document-type"),
        Field::DocumentNumber => t!("import-field-document-number"),
        Field::DocumentExpiry => t!("import-field-document-expiry"),
        Field::Email => t!("import-field-email"),
        Field::Phone => t!("import-field-phone"),
        Field::ZonesAdded => t!("import-field-zones-added"),
        Field::ZonesRemoved => t!("import-field-zones-removed"),
        Field::Notes => t!("import-field-notes"),
        Field::Reference => t!("import-field-reference"),
    }
}
