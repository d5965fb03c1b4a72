//! Team benchmark: `hashiya assign` (four annotators, overlap 0.2, packages written),
//! `hashiya status --json` and `hashiya agree --json` on the 10,000-article project of
//! the store benchmark (two annotators, 400,000 spans). Targets: assign and status within
//! 1 s each; agree is reported against 2 s and 300 MB.
//!
//! Run with `cargo bench --bench team`. Each command runs in a fresh child process (this
//! binary, re-invoked, running the command line as `hashiya` does), so that its peak
//! memory (`VmHWM`) is its own; its time includes loading and saving the project.
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
    let size = std::fs::metadata(&file).unwrap().len();
    println!("project: {ARTICLES} articles, 400,000 spans, file {:.1} MB", mb(size));
    let f = file.to_str().unwrap();
    let out = dir.path().join("packages");
    let o = out.to_str().unwrap();
    let assign = ["assign", f, "--annotators", "amal,omar,sara,zaid", "--reassign", "--out", o];
    report("assign", &child(&assign), 1.0, None);
    report("status", &child(&["status", f, "--json"]), 1.0, None);
    report("agree", &child(&["agree", f, "--json"]), 2.0, Some(300.0));
    // Where the time of assign and status goes: loading, then the figures themselves.
    let start = Instant::now();
    let mut project = hashiya::store::load(&file).unwrap();
    let load = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let status = hashiya::team::team_status(&project);
    let figures = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let options = hashiya::team::AssignOptions {
        annotators: ["amal", "omar", "sara", "zaid"].map(String::from).to_vec(),
        reassign: true,
        ..Default::default()
    };
    hashiya::team::assign(&mut project, &options).unwrap();
    let assigning = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for name in ["amal", "omar", "sara", "zaid"] {
        std::hint::black_box(hashiya::team::package(&project, name));
    }
    let packaging = start.elapsed().as_secs_f64();
    println!(
        "of which: load {load:.3} s; status figures {figures:.3} s ({} shared documents); assigning {assigning:.3} s; \
         building the four packages {packaging:.3} s",
        status.overlap_documents
    );
}

/// Runs one command line `RUNS` times in this process and prints `seconds peak_bytes`
/// for each run on stderr (stdout is the command's).
fn run_phase(args: &[String]) {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        if let Some(out) = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)) {
            let _ = std::fs::remove_dir_all(out);
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

fn child(args: &[&str]) -> (Vec<f64>, u64) {
    let output = Command::new(std::env::current_exe().unwrap()).arg("phase").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let line = stderr.lines().find_map(|l| l.strip_prefix("RESULT ")).unwrap();
    let (times, peak) = line.split_once(' ').unwrap();
    (times.split(',').map(|t| t.parse().unwrap()).collect(), peak.parse().unwrap())
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn report(name: &str, (times, peak): &(Vec<f64>, u64), seconds: f64, megabytes: Option<f64>) {
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let within = median <= seconds && megabytes.is_none_or(|m| mb(*peak) <= m);
    let memory = megabytes.map(|m| format!(" and {m} MB")).unwrap_or_default();
    println!(
        "{name:<7} best {:>6.3} s   median {:>6.3} s   peak memory {:>7.1} MB   (target {seconds} s{memory}: {})",
        sorted[0],
        median,
        mb(*peak),
        if within { "met" } else { "MISSED" }
    );
}
