#!/usr/bin/env bash
# Times what a learner runs most, as whole commands (process start included), through the ./grade launcher and,
# for comparison, through `dotnet run --project grader`; on a copy of the repository (the real folders are never
# edited). Needs hyperfine (Debian: apt-get install hyperfine) and python3.
#
#   tools/bench/learner-commands.sh [runs]      (default 10 runs per command; hyperfine prints mean, min and max)
#
# Measured: list, hint, check with nothing changed (results cached), check after an edit of the exercise (compile
# and run again), and watch from a save to the new result (a warm process). check grades solutions/r1/01-processes,
# the first exercise, so that there is code to compile and tests to run.
set -euo pipefail

runs="${1:-10}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/kit"
mkdir -p "$copy"
tar -C "$repo" --exclude=./.git --exclude=bin --exclude=obj --exclude=./.grader --exclude=TestResults -cf - . | tar -C "$copy" -xf -

grade="$repo/grade"
echo "building the grader if it changed (not timed)..." >&2
"$grade" --help >/dev/null
edited="$copy/solutions/r1/01-processes/Mailbox.cs"
check="$grade check 01-processes --solutions --root $copy"

hyperfine --warmup 2 --runs "$runs" \
  -n "dotnet run --project grader -- list" "dotnet run --project $repo/grader -- list --root $copy" \
  -n "./grade list" "$grade list --root $copy" \
  -n "./grade hint 01-processes" "$grade hint 01-processes --root $copy" \
  -n "./grade check (cached)" "$check"
hyperfine --warmup 1 --runs "$runs" --prepare "echo '// bench edit' >> $edited" \
  -n "./grade check (after an edit)" "$check"

# watch: save, then wait for the next "graded in" line; the time includes the 150 ms quiet period after a save.
python3 - "$grade" "$copy" "$edited" "$runs" <<'PY'
import statistics, subprocess, sys, time
grade, copy, edited, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
watch = subprocess.Popen([grade, "watch", "01-processes", "--solutions", "--root", copy],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
def next_grading():
    for line in watch.stdout:
        if "graded in" in line:
            return
    raise SystemExit("watch ended")
started = time.monotonic()
first_line = watch.stdout.readline()
print(f"watch: first line after {time.monotonic() - started:.2f} s: {first_line.strip()}")
next_grading()
print(f"watch: first grading after {time.monotonic() - started:.2f} s")
times = []
for i in range(runs + 1):
    with open(edited, "a") as f:
        f.write(f"// watch edit {i}\n")
    saved = time.monotonic()
    next_grading()
    if i > 0:  # the first save warms up the compiler for the edited code
        times.append(time.monotonic() - saved)
    time.sleep(0.5)  # let the watcher settle, so each save is graded on its own
watch.terminate()
print(f"watch, from a save to the new result: median {statistics.median(times):.2f} s, "
      f"min {min(times):.2f} s, max {max(times):.2f} s ({len(times)} saves)")
PY
