//! `hashiya assign FILE.ron --annotators a,b,c [--overlap SHARE] [--seed N] [--out DIR]
//! [--reassign]`: shares the documents out among annotators, saves the assignments in the
//! project, and writes a package per annotator.

use super::output::escape_name;
use crate::model::Project;
use crate::review::merge_command;
use crate::store::{self, ProjectFile, ProjectLock, SaveMode, StoreError};
use crate::team::{AssignOptions, AssignReport, DEFAULT_OVERLAP, assign, package};
use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Condvar, Mutex, PoisonError};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Every document goes to at least one annotator; a share of them (--overlap, rounded to whole
documents) goes to exactly two, spread evenly over every pair of annotators, so that agreement
can be measured. Each annotator gets the same number of documents, give or take one. The same
seed gives the same assignment.

Documents already assigned keep their annotators (unless --reassign): after importing new
documents, run assign again to share out only the new ones.

With --out DIR, DIR/NAME.ron is written for each annotator: a project with only their
documents, the labels with their guidelines, the link types, attributes and patterns, and only
their own spans. Send it to them; bring their work home with `hashiya merge FILE.ron DIR/*.ron`.
A package that holds work not merged yet is not overwritten.

Examples:
  hashiya assign syria.ron --annotators amal,omar,sara,zaid --out packages
  hashiya assign syria.ron --annotators amal,omar --overlap 0.5 --seed 7 --reassign")]
pub struct AssignArgs {
    /// The project file; it is saved with the assignments.
    pub project: PathBuf,
    /// The annotators, comma-separated (names are cleaned: `my name` becomes `my_name`).
    #[arg(long, value_delimiter = ',', required = true, value_name = "NAMES")]
    pub annotators: Vec<String>,
    /// Share of the documents given to two annotators, from 0 to 1.
    #[arg(long, default_value_t = DEFAULT_OVERLAP, value_name = "SHARE")]
    pub overlap: f64,
    /// Seed of the shuffle.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
    /// Write one package per annotator, DIR/NAME.ron.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Assign every document again, not only those assigned to nobody.
    #[arg(long)]
    pub reassign: bool,
}

pub fn run(args: AssignArgs) -> anyhow::Result<ExitCode> {
    let options = AssignOptions {
        annotators: args.annotators.clone(),
        overlap: args.overlap,
        seed: args.seed,
        reassign: args.reassign,
    };
    let mut timings = super::timings::Timings::start();
    // Held from the load to the save, so a concurrent change is not overwritten.
    let _lock = ProjectLock::acquire_reporting(&args.project, &mut crate::cli::say_waiting)
        .context("cannot assign")?;
    let (mut file, mut project) = ProjectFile::open(&args.project).context("cannot assign")?;
    timings.step("load");
    let report = assign(&mut project, &options).context("cannot assign")?;
    timings.step("assign");
    if report.overlap_needs_two {
        errln!(
            "hashiya: an overlap needs two annotators; every document goes to {}",
            escape_name(report.annotators.first().map_or("", String::as_str))
        );
    }
    if let Some(dir) = &args.out {
        // Checked before anything is saved: a package with work not yet merged stops here.
        check_packages(&project, dir, &report.annotators, &args.project)?;
        timings.step("check packages");
    }
    // The packages are written while the project is saved: each is a file of its own,
    // made from the same project in memory. Each waits, written and flushed, for the
    // project's save, and replaces an older package only once the project holds the
    // assignments it was made from.
    let gate = Gate::default();
    let (saved, written) = std::thread::scope(|threads| {
        let packages = args.out.as_deref().map(|dir| {
            let (project, annotators, gate) = (&project, &report.annotators, &gate);
            threads.spawn(move || write_packages(project, dir, annotators, gate))
        });
        let saved = {
            // Opens the gate when the save ends, however it ends.
            let mut opener = Opener { gate: &gate, saved: false };
            // Only when an assignment changed: otherwise the file already says it all.
            let saved = if report.changed > 0 { file.save(&project, SaveMode::Checked) } else { Ok(()) };
            opener.saved = saved.is_ok();
            saved
        };
        let written = packages.map(|job| job.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        (saved, written.transpose())
    });
    saved.context("cannot save the assignments")?;
    let written = written?;
    timings.step("save and packages");
    describe(&project, &report);
    for (path, documents) in written.into_iter().flatten() {
        outln!("wrote {} ({documents} document(s))", path.display());
    }
    drop(project);
    timings.step("free");
    timings.report();
    Ok(ExitCode::SUCCESS)
}

fn describe(project: &Project, report: &AssignReport) {
    outln!(
        "assigned {} document(s), {} of them to two annotators; {} kept their annotators",
        report.assigned.len(),
        report.overlap,
        report.kept
    );
    let mut loads: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for doc in &project.documents {
        for name in &doc.assigned {
            let load = loads.entry(name.as_str()).or_default();
            load.0 += 1;
            load.1 += usize::from(doc.assigned.len() >= 2);
        }
    }
    for name in &report.annotators {
        let (all, shared) = loads.get(name.as_str()).copied().unwrap_or_default();
        outln!("  {}: {all} document(s), {shared} shared", escape_name(name));
    }
}

/// The package file of `annotator` in `dir`.
fn package_path(dir: &Path, annotator: &str) -> PathBuf {
    dir.join(format!("{annotator}.ron"))
}

/// Refuses to write over the project itself, or over a package holding work the project
/// does not have yet.
fn check_packages(project: &Project, dir: &Path, annotators: &[String], target: &Path) -> anyhow::Result<()> {
    let target = target.canonicalize().ok();
    for name in annotators {
        let path = package_path(dir, name);
        if !path.exists() {
            continue;
        }
        if path.canonicalize().ok() == target {
            bail!("{} is the project itself; choose another --out folder", path.display());
        }
        let existing =
            store::load(&path).with_context(|| format!("cannot check the package {}", path.display()))?;
        if merge_command(project, &existing, None).1.changed() {
            bail!(
                "{} holds work not merged yet; merge it first (hashiya merge {} {}), then assign again",
                path.display(),
                target.as_deref().unwrap_or(Path::new("FILE.ron")).display(),
                path.display()
            );
        }
    }
    Ok(())
}

/// Where the packages wait for the project's save: `None` while it runs, then whether
/// it was saved.
#[derive(Default)]
struct Gate {
    saved: Mutex<Option<bool>>,
    opened: Condvar,
}

impl Gate {
    fn open(&self, saved: bool) {
        *self.saved.lock().unwrap_or_else(PoisonError::into_inner) = Some(saved);
        self.opened.notify_all();
    }

    /// Whether the project was saved, once its save has ended.
    fn wait(&self) -> bool {
        let mut saved = self.saved.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(saved) = *saved {
                return saved;
            }
            saved = self.opened.wait(saved).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Opens its gate when dropped, with `saved` (false when the save never ended).
struct Opener<'g> {
    gate: &'g Gate,
    saved: bool,
}

impl Drop for Opener<'_> {
    fn drop(&mut self) {
        self.gate.open(self.saved);
    }
}

/// Writes every annotator's package, each on a thread of its own (a package of a big
/// project is tens of megabytes, written and flushed to disk), each put in place once
/// `gate` says the project was saved: each package's path and documents, in the
/// annotators' order.
fn write_packages(
    project: &Project,
    dir: &Path,
    annotators: &[String],
    gate: &Gate,
) -> anyhow::Result<Vec<(PathBuf, usize)>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let written: Vec<anyhow::Result<(PathBuf, usize)>> = std::thread::scope(|scope| {
        let jobs: Vec<_> = annotators
            .iter()
            .map(|name| {
                scope.spawn(move || {
                    let path = package_path(dir, name);
                    let package = package(project, name);
                    let mut ready = || {
                        if gate.wait() {
                            return Ok(());
                        }
                        let why = std::io::Error::other("the project's assignments were not saved");
                        Err(StoreError::Io { action: "did not write", path: path.clone(), error: why })
                    };
                    store::save_checked(&package, &path, &mut ready)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    Ok((path, package.documents.len()))
                })
            })
            .collect();
        jobs.into_iter()
            .map(|job| job.join().unwrap_or_else(|_| Err(anyhow::anyhow!("writing a package failed"))))
            .collect()
    });
    written.into_iter().collect()
}
