//! Team benchmark: `hashiya assign` (four annotators, overlap 0.2, packages written),
//! `hashiya status --json` and `hashiya agree --json` on the 10,000-article project of
//! the store benchmark (two annotators, 400,000 spans). Targets: agree within 2 s and
//! 300 MB; assign and status within 1 s each, of which loading the project takes most.
//!
//! Run with `cargo bench --bench team`. Each command runs in a fresh child process (this
//! binary, re-invoked, running the command line as `hashiya` does), so that its peak
//! memory (`VmHWM`) is its own; its time includes loading and saving the project. The
//! child runs with `HASHIYA_TIMINGS` set, so each command also says how long loading the
//! project took and how long the rest (see `cli::timings`). Every run of `assign` starts
//! from the project as generated, with nothing assigned, so each one saves it.
//!
//! `cargo bench --bench team -- write FILE.ron` writes the project alone, to time the
//! release binary on it by hand (`HASHIYA_TIMINGS=1 /usr/bin/time -v hashiya agree
//! FILE.ron --json`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark fails loudly.

#[path = "../tests/common/mod.rs"]
mod common;

use clap::Parser;
use hashiya::cli::Cli;
use std::process::Command;
use std::time::Instant;

const ARTICLES: usize = 10_000;
const RUNS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    match args.first().map(String::as_str) {
        Some("phase") => return run_phase(&args[1..]),
        Some("write") => {
            // Writes the project alone, for timing the release binary on it by hand.
            let file = args.get(1).expect("write FILE.ron");
            let project = common::generated_project("bench", ARTICLES, 2_500, 20, 1);
            hashiya::store::save(&project, std::path::Path::new(file)).unwrap();
            return println!("wrote {file}");
        }
        _ => {}
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bench.ron");
    let project = common::generated_project("bench", ARTICLES, 2_500, 20, 1);
    hashiya::store::save(&project, &file).unwrap();
    drop(project);
    let fresh = dir.path().join("unassigned.ron");
    std::fs::copy(&file, &fresh).unwrap();
    let size = std::fs::metadata(&file).unwrap().len();
    println!("project: {ARTICLES} articles, 400,000 spans, file {:.1} MB", mb(size));
    let (f, from) = (file.to_str().unwrap(), fresh.to_str().unwrap());
    let out = dir.path().join("packages");
    let o = out.to_str().unwrap();
    let assign =
        ["--from", from, "assign", f, "--annotators", "amal,omar,sara,zaid", "--reassign", "--out", o];
    report("assign", &child(&assign), 1.0, None);
    report("status", &child(&["status", f, "--json"]), 1.0, None);
    report("agree", &child(&["agree", f, "--json"]), 2.0, Some(300.0));
    println!(
        "(wall-clock seconds; cpu: processor seconds of all the command's threads; the rest: \
         everything after loading the project)"
    );
}

/// One run of a command: wall-clock seconds, and from its timings line the seconds spent
/// loading the project and the processor seconds of the whole command.
struct Run {
    seconds: f64,
    load: f64,
    cpu: f64,
}

/// Runs one command line `RUNS` times in this process and prints the seconds of each
/// run and the peak memory on stderr, after the command's own timings lines (the child
/// is started with `HASHIYA_TIMINGS` set). `--from SRC` first copies SRC over the
/// project before each run.
fn run_phase(args: &[String]) {
    let (from, args) = match args {
        [flag, src, rest @ ..] if flag == "--from" => (Some(src.clone()), rest),
        _ => (None, args),
    };
    let mut times = Vec::new();
    for _ in 0..RUNS {
        if let Some(out) = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)) {
            let _ = std::fs::remove_dir_all(out);
        }
        if let (Some(src), Some(project)) = (&from, args.get(1)) {
            std::fs::copy(src, project).unwrap();
        }
        let cli =
            Cli::try_parse_from(std::iter::once("hashiya".to_string()).chain(args.iter().cloned())).unwrap();
        let start = Instant::now();
        hashiya::cli::run(cli.command.unwrap()).unwrap();
        times.push(start.elapsed().as_secs_f64());
    }
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .unwrap_or(0)
        * 1024;
    let times: Vec<String> = times.iter().map(|t| format!("{t:.4}")).collect();
    eprintln!("RESULT {} {peak}", times.join(","));
}

/// The seconds of step `name` in a timings line (`timings: load 1.104 s (cpu 1.61), ...`),
/// or its processor seconds with `cpu`.
fn step(line: &str, name: &str, cpu: bool) -> f64 {
    let rest = line.split(", ").find_map(|s| s.trim_start_matches("timings: ").strip_prefix(name)).unwrap();
    let value = if cpu {
        rest.split("(cpu ").nth(1).unwrap().trim_end_matches(')')
    } else {
        rest.split(' ').nth(1).unwrap()
    };
    value.parse().unwrap()
}

fn child(args: &[&str]) -> (Vec<Run>, u64) {
    let output = Command::new(std::env::current_exe().unwrap())
        .env("HASHIYA_TIMINGS", "1")
        .arg("phase")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let line = stderr.lines().find_map(|l| l.strip_prefix("RESULT ")).unwrap();
    let (times, peak) = line.split_once(' ').unwrap();
    let timings: Vec<&str> = stderr.lines().filter(|l| l.starts_with("timings: ")).collect();
    let runs = times
        .split(',')
        .zip(timings)
        .map(|(t, line)| Run {
            seconds: t.parse().unwrap(),
            load: step(line, "load", false),
            cpu: step(line, "total", true),
        })
        .collect();
    (runs, peak.parse().unwrap())
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn report(name: &str, (runs, peak): &(Vec<Run>, u64), seconds: f64, megabytes: Option<f64>) {
    let mut sorted: Vec<&Run> = runs.iter().collect();
    sorted.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let (best, median) = (sorted[0], sorted[sorted.len() / 2]);
    let within = median.seconds <= seconds && megabytes.is_none_or(|m| mb(*peak) <= m);
    let memory = megabytes.map(|m| format!(" and {m} MB")).unwrap_or_default();
    println!(
        "{name:<7} best {:>6.3} s   median {:>6.3} s (load {:.3} s, the rest {:.3} s; cpu {:.2} s)   \
         peak memory {:>7.1} MB   (target {seconds} s{memory}: {})",
        best.seconds,
        median.seconds,
        median.load,
        median.seconds - median.load,
        median.cpu,
        mb(*peak),
        if within { "met" } else { "MISSED" }
    );
}
