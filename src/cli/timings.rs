//! Where a command's time goes: with `HASHIYA_TIMINGS` set (to anything but `0`), a
//! command that keeps [`Timings`] writes one line to stderr naming each step and its
//! seconds, e.g. `timings: load 1.104 s, measure 0.412 s, print 0.010 s, total 1.526 s`.
//! The benchmarks and anyone chasing a slow command read it; stdout is left alone.

use std::time::Instant;

/// The steps of one command, timed one after the other.
pub struct Timings {
    on: bool,
    start: Instant,
    last: Instant,
    steps: Vec<(&'static str, f64)>,
}

impl Timings {
    /// Starts the clock; records nothing unless `HASHIYA_TIMINGS` is set.
    pub fn start() -> Self {
        let on = std::env::var_os("HASHIYA_TIMINGS").is_some_and(|v| v != "0" && !v.is_empty());
        let now = Instant::now();
        Self { on, start: now, last: now, steps: Vec::new() }
    }

    /// Ends the step called `name` (it began at the end of the one before).
    pub fn step(&mut self, name: &'static str) {
        let now = Instant::now();
        self.steps.push((name, now.duration_since(self.last).as_secs_f64()));
        self.last = now;
    }

    /// The steps and the total, as written on stderr.
    pub fn line(&self) -> String {
        let steps: Vec<String> = self.steps.iter().map(|(name, s)| format!("{name} {s:.3} s")).collect();
        format!("timings: {}, total {:.3} s", steps.join(", "), self.last.duration_since(self.start).as_secs_f64())
    }

    /// Writes the line on stderr when `HASHIYA_TIMINGS` is set.
    pub fn report(&self) {
        if self.on {
            errln!("{}", self.line());
        }
    }
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
        let seconds: f64 = total.trim_end_matches(" s").parse().unwrap_or(0.0);
        assert!(seconds >= 0.002, "{line}");
    }
}
