//! Project file benchmark: save and load time and peak memory for a project of 10,000
//! articles (~2.5 KB of Arabic each, two annotators, 20 spans each), in RON and, for
//! comparison, serde_json on the same structures and Python's `json.load` of that JSON
//! (when `python3` is on the path).
//!
//! Run with `cargo bench --bench store`. Each measurement runs in a fresh child process
//! (this binary, re-invoked) so that its peak memory (`VmHWM`) is its own.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

#[path = "../tests/common/mod.rs"]
mod common;

use hashiya::model::Project;
use hashiya::store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ARTICLES: usize = 10_000;
const ARTICLE_BYTES: usize = 2_500;
const SPANS: usize = 20;
const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    match args.as_slice() {
        [phase, format, file] if phase == "phase" => run_phase(format, Path::new(file)),
        // `generate FILE`: only write the project, e.g. to profile a phase on it.
        [generate, file] if generate == "generate" => {
            store::save(&bench_project(), Path::new(file)).unwrap();
        }
        // `corrupt ARTICLES`: load time of a valid project and of the same file with an
        // unclosed `[[[[` early on (refused), so a refusal is seen to cost one pass.
        [corrupt, articles] if corrupt == "corrupt" => corrupt_load(articles.parse().unwrap()),
        _ => run_all(),
    }
}

/// One measurement in this process: prints `seconds peak_bytes` for each run.
fn run_phase(what: &str, file: &Path) {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        match what {
            "ron-load" => {
                let project = std::hint::black_box(store::load(file).unwrap());
                // What the loaded project itself holds (the file's text is freed by now).
                if times.is_empty() {
                    eprintln!(
                        "resident with the loaded project: {:.1} MB",
                        mb(resident_memory().unwrap_or(0))
                    );
                }
                drop(project);
            }
            "json-load" => {
                let bytes = std::fs::read(file).unwrap();
                let project: Project = serde_json::from_slice(&bytes).unwrap();
                assert!(project.validate().is_empty());
                drop(std::hint::black_box(project));
            }
            "ron-save" | "json-save" => {
                let project = store::load(&file.with_extension("ron")).unwrap();
                let start = Instant::now();
                if what == "ron-save" {
                    store::save(&project, file).unwrap();
                } else {
                    let bytes = serde_json::to_vec(&project).unwrap();
                    std::fs::write(file, bytes).unwrap();
                    std::fs::File::open(file).unwrap().sync_all().unwrap();
                }
                times.push(start.elapsed());
                continue;
            }
            other => panic!("unknown phase {other}"),
        }
        times.push(start.elapsed());
    }
    let peak = peak_memory().unwrap_or(0);
    let secs: Vec<String> = times.iter().map(|t| format!("{:.4}", t.as_secs_f64())).collect();
    println!("{} {peak}", secs.join(","));
}

/// The process's peak resident memory in bytes (Linux `VmHWM`).
fn peak_memory() -> Option<u64> {
    status_bytes("VmHWM:")
}

/// The process's resident memory now, in bytes (Linux `VmRSS`).
fn resident_memory() -> Option<u64> {
    status_bytes("VmRSS:")
}

fn status_bytes(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn child(what: &str, file: &Path) -> (Vec<Duration>, u64) {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["phase", what, file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let (times, peak) = text.trim().split_once(' ').unwrap();
    let times = times.split(',').map(|t| Duration::from_secs_f64(t.parse().unwrap())).collect();
    (times, peak.parse().unwrap())
}

/// Python's `json.load` of the same project as JSON, timed in one `python3` process
/// (`RUNS` loads; peak from `ru_maxrss`), or `None` without a working `python3`.
fn python_json_load(file: &Path) -> Option<(Vec<Duration>, u64)> {
    const SCRIPT: &str = "import json, resource, sys, time\n\
        times = []\n\
        for _ in range(int(sys.argv[2])):\n\
        \x20   start = time.perf_counter()\n\
        \x20   with open(sys.argv[1], encoding='utf-8') as f:\n\
        \x20       data = json.load(f)\n\
        \x20   times.append(time.perf_counter() - start)\n\
        \x20   del data\n\
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n\
        print(','.join(f'{t:.4f}' for t in times), peak)\n";
    let output = Command::new("python3")
        .args(["-c", SCRIPT, file.to_str()?, &RUNS.to_string()])
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let text = String::from_utf8(output.stdout).ok()?;
    let (times, peak) = text.trim().split_once(' ')?;
    let times =
        times.split(',').map(|t| t.parse().ok().map(Duration::from_secs_f64)).collect::<Option<_>>()?;
    Some((times, peak.parse().ok()?))
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn report(name: &str, (mut times, peak): (Vec<Duration>, u64)) {
    times.sort();
    println!(
        "{name:<10} best {:>7.3} s   median {:>7.3} s   peak memory {:>7.1} MB",
        times[0].as_secs_f64(),
        times[times.len() / 2].as_secs_f64(),
        mb(peak)
    );
}

fn corrupt_load(articles: usize) {
    let dir = tempfile::tempdir().unwrap();
    let valid = dir.path().join("valid.ron");
    store::save(&common::generated_project("bench", articles, ARTICLE_BYTES, SPANS, 1), &valid).unwrap();
    let text = std::fs::read_to_string(&valid).unwrap();
    let corrupt = dir.path().join("corrupt.ron");
    std::fs::write(&corrupt, text.replacen("spans: [", "spans: [[[[", 1)).unwrap();
    drop(text);
    let best = |path: &Path, ok: bool| {
        (0..2)
            .map(|_| {
                let start = Instant::now();
                assert_eq!(store::load(path).is_ok(), ok);
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let size = std::fs::metadata(&valid).unwrap().len();
    println!(
        "{articles} articles, {:.0} MB: valid load {:.2} s, corrupt refused in {:.2} s",
        mb(size),
        best(&valid, true).as_secs_f64(),
        best(&corrupt, false).as_secs_f64()
    );
}

fn bench_project() -> Project {
    common::generated_project("bench", ARTICLES, ARTICLE_BYTES, SPANS, 1)
}

fn run_all() {
    let dir = tempfile::tempdir().unwrap();
    let ron_path: PathBuf = dir.path().join("bench.ron");
    let json_path: PathBuf = dir.path().join("bench.json");
    let project = bench_project();
    let text_bytes: usize = project.documents.iter().map(|d| d.text.len()).sum();
    let spans: usize = project.layers.values().map(|l| l.span_count()).sum();
    store::save(&project, &ron_path).unwrap();
    std::fs::write(&json_path, serde_json::to_vec(&project).unwrap()).unwrap();
    drop(project);
    let file_size = |p: &Path| std::fs::metadata(p).unwrap().len();
    println!(
        "project: {ARTICLES} articles, {spans} spans, text {:.1} MB; RON file {:.1} MB, JSON file {:.1} MB",
        mb(text_bytes as u64),
        mb(file_size(&ron_path)),
        mb(file_size(&json_path))
    );
    let budget = 3 * text_bytes as u64 + 100 * 1_048_576;
    println!(
        "targets: load <= 1.0 s and no slower than Python's json.load, save <= 1 s, peak memory <= {:.1} MB \
         (3x text + 100 MB)",
        mb(budget)
    );
    let ron_load = child("ron-load", &ron_path);
    report("RON load", ron_load.clone());
    report("RON save", child("ron-save", &ron_path));
    report("JSON load", child("json-load", &json_path));
    report("JSON save", child("json-save", &json_path));
    match python_json_load(&json_path) {
        Some(python) => {
            report("Py json", python.clone());
            let median = |(mut t, _): (Vec<Duration>, u64)| {
                t.sort();
                t[t.len() / 2]
            };
            let (ours, theirs) = (median(ron_load), median(python));
            println!(
                "RON load median / Python json.load median: {:.2} ({})",
                ours.as_secs_f64() / theirs.as_secs_f64(),
                if ours <= theirs { "no slower" } else { "SLOWER" }
            );
        }
        None => println!("Py json    (python3 not found: no comparison)"),
    }
    println!(
        "(load includes every check; save includes the atomic write and fsync; save peak includes the load before it)"
    );
}
