//! Where a command's time goes: with `HASHIYA_TIMINGS` set (to anything but `0`), a
//! command that keeps [`Timings`] writes one line to stderr naming each step and its
//! seconds, e.g. `timings: load 1.104 s (cpu 1.61), measure 0.412 s (cpu 0.70), total
//! 1.516 s (cpu 2.31)`: wall-clock time, and on Linux the processor time the process
//! spent in the step (all its threads; 10 ms steps), which a busy machine disturbs less.
//! The benchmarks and anyone chasing a slow command read it; stdout is left alone.

use std::time::Instant;

/// The steps of one command, timed one after the other.
pub struct Timings {
    on: bool,
    start: (Instant, Option<f64>),
    last: (Instant, Option<f64>),
    /// Each step's name, wall-clock seconds and processor seconds.
    steps: Vec<(&'static str, f64, Option<f64>)>,
}

impl Timings {
    /// Starts the clock; records nothing unless `HASHIYA_TIMINGS` is set.
    pub fn start() -> Self {
        let on = std::env::var_os("HASHIYA_TIMINGS").is_some_and(|v| v != "0" && !v.is_empty());
        let now = (Instant::now(), cpu_seconds());
        Self { on, start: now, last: now, steps: Vec::new() }
    }

    /// Ends the step called `name` (it began at the end of the one before).
    pub fn step(&mut self, name: &'static str) {
        let now = (Instant::now(), cpu_seconds());
        let (wall, cpu) = between(self.last, now);
        self.steps.push((name, wall, cpu));
        self.last = now;
    }

    /// The steps and the total, as written on stderr.
    pub fn line(&self) -> String {
        let (wall, cpu) = between(self.start, self.last);
        let steps: Vec<String> = self
            .steps
            .iter()
            .chain(std::iter::once(&("total", wall, cpu)))
            .map(|(name, wall, cpu)| match cpu {
                Some(cpu) => format!("{name} {wall:.3} s (cpu {cpu:.2})"),
                None => format!("{name} {wall:.3} s"),
            })
            .collect();
        format!("timings: {}", steps.join(", "))
    }

    /// Writes the line on stderr when `HASHIYA_TIMINGS` is set.
    pub fn report(&self) {
        if self.on {
            errln!("{}", self.line());
        }
    }
}

/// Wall-clock and processor seconds from `a` to `b`.
fn between(a: (Instant, Option<f64>), b: (Instant, Option<f64>)) -> (f64, Option<f64>) {
    (b.0.duration_since(a.0).as_secs_f64(), a.1.zip(b.1).map(|(a, b)| b - a))
}

/// The processor time this process has used (user and system, every thread), from
/// `/proc/self/stat` in clock ticks of 1/100 s; `None` where that cannot be read.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (in brackets) may hold spaces; the fields after it are numbered
    // from 3 (the state): utime is field 14, stime field 15.
    let (_, fields) = stat.rsplit_once(')')?;
    let mut fields = fields.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) as f64 / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_named_in_order_and_add_up_to_the_total() {
        let mut timings = Timings::start();
        timings.step("load");
        std::thread::sleep(std::time::Duration::from_millis(2));
        timings.step("measure");
        let line = timings.line();
        assert!(line.starts_with("timings: load "), "{line}");
        let (steps, total) = line.split_once(", total ").unwrap_or_default();
        assert!(steps.contains(", measure 0.00"), "{line}");
        let seconds: f64 = total.split(' ').next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
        assert!(seconds >= 0.002, "{line}");
        if cfg!(target_os = "linux") {
            assert!(total.contains("(cpu "), "{line}");
            assert!(cpu_seconds().is_some_and(|s| s >= 0.0));
        }
    }
}
