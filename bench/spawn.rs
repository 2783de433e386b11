//! Run one command and report its wall time, peak RSS and CPU time.
//!
//! Usage: pm-bench-spawn RESULT STDOUT STDERR PROGRAM [ARGS...]
//!
//! Writes `wall_ns maxrss_kib utime_us stime_us exit_code` to RESULT, with the
//! child's stdin from /dev/null and its stdout/stderr to the given files.
//!
//! Why a helper: on Linux a child's ru_maxrss starts at the high-water RSS of
//! the process that forked it (the address space it was cloned from, carried
//! into `signal->maxrss` at exec). Forked from Python (10-30 MB) that floor
//! hides the real peak of a small program; forked from this helper (about
//! 1-2 MB) it does not. bench/run.py compiles it with plain `rustc`
//! (standard library only, no Cargo) into target/bench/bin. Linux, 64-bit.

use std::fs::File;
use std::io::Write;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

#[repr(C)]
struct Rusage {
    utime: [i64; 2], // struct timeval: seconds, microseconds
    stime: [i64; 2],
    rest: [i64; 14], // ru_maxrss (KiB) first, then counters pm does not need
}

unsafe extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: pm-bench-spawn RESULT STDOUT STDERR PROGRAM [ARGS...]");
        return ExitCode::from(2);
    }
    let open = |p: &str| File::create(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let (out, err) = (open(&args[1]), open(&args[2]));
    let mut cmd = Command::new(&args[3]);
    cmd.args(&args[4..])
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err));
    let start = Instant::now();
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("pm-bench-spawn: {}: {e}", args[3]);
            return ExitCode::from(2);
        }
    };
    let mut status = 0i32;
    let mut ru = Rusage { utime: [0; 2], stime: [0; 2], rest: [0; 14] };
    let pid = child.id() as i32;
    let r = unsafe { wait4(pid, &mut status, 0, &mut ru) };
    let wall = start.elapsed();
    if r != pid {
        eprintln!("pm-bench-spawn: wait4 failed");
        return ExitCode::from(2);
    }
    // WIFEXITED ? WEXITSTATUS : 128 + signal number.
    let code = if status & 0x7f == 0 { (status >> 8) & 0xff } else { 128 + (status & 0x7f) };
    let line = format!(
        "{} {} {} {} {}\n",
        wall.as_nanos(),
        ru.rest[0],
        ru.utime[0] * 1_000_000 + ru.utime[1],
        ru.stime[0] * 1_000_000 + ru.stime[1],
        code
    );
    File::create(&args[0])
        .and_then(|mut f| f.write_all(line.as_bytes()))
        .expect("write RESULT");
    ExitCode::SUCCESS
}
