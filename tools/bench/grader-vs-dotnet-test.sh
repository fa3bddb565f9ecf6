#!/usr/bin/env bash
# Times the grader against `dotnet test` on the kit's solutions, side by side, on a copy of the repository
# (the real folders are never edited).
#
#   tools/bench/grader-vs-dotnet-test.sh [rounds]      (default 3 rounds; prints the median of each measurement)
#
# Each round: every solutions/**/*.cs file is edited (a comment appended), then
#   1. dotnet test over all solution projects (visible tests only; a temporary .slnx lists them),
#   2. the grader over all solutions (visible and hidden tests), after the same kind of edit,
#   3. the grader again, nothing changed,
#   4. the grader on one exercise after editing one of its files (what `watch` does on a save).
# The grader is built once beforehand (Release, not timed) and started as `dotnet grader.dll`; `dotnet run
# --project grader` adds MSBuild's up-to-date check (about 1.5 s) on top. Both sides are warmed up once first
# (restore, build servers, disk cache), so the numbers compare warm tools.
set -euo pipefail

rounds="${1:-3}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/kit"
mkdir -p "$copy"
tar -C "$repo" --exclude=./.git --exclude=bin --exclude=obj --exclude=./.grader --exclude=TestResults -cf - . | tar -C "$copy" -xf -

echo "building the grader once (not timed)..." >&2
dotnet build "$copy/grader/grader.csproj" -c Release --nologo -v quiet -o "$work/grader-bin" >/dev/null
grader=(dotnet "$work/grader-bin/grader.dll")

solution="$work/solutions.slnx"
{
  echo "<Solution>"
  for project in "$copy"/solutions/*/*/*.csproj; do echo "  <Project Path=\"$project\" />"; done
  echo "</Solution>"
} >"$solution"

edit_all() { for f in "$copy"/solutions/*/*/*.cs; do echo "// bench edit $1" >>"$f"; done; }
edit_one() { for f in "$copy"/solutions/r1/01-processes/*.cs; do echo "// bench edit $1" >>"$f"; done; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "warming up both sides (not timed)..." >&2
dotnet test "$solution" --nologo >/dev/null 2>&1 || { echo "dotnet test failed on the solutions" >&2; exit 1; }
"${grader[@]}" --solutions --root "$copy" --format json >/dev/null

dotnet_test=() grade_edited=() grade_unchanged=() grade_one=()
for round in $(seq 1 "$rounds"); do
  edit_all "a$round"; dotnet_test+=("$(seconds dotnet test "$solution" --nologo)")
  edit_all "b$round"; grade_edited+=("$(seconds "${grader[@]}" --solutions --root "$copy" --format json)")
  grade_unchanged+=("$(seconds "${grader[@]}" --solutions --root "$copy" --format json)")
  edit_one "c$round"; grade_one+=("$(seconds "${grader[@]}" check 01-processes --solutions --root "$copy" --format json)")
  echo "round $round: dotnet test ${dotnet_test[-1]} s, grader ${grade_edited[-1]} s, unchanged ${grade_unchanged[-1]} s, one exercise ${grade_one[-1]} s" >&2
done

dt=$(median "${dotnet_test[@]}"); ge=$(median "${grade_edited[@]}"); gu=$(median "${grade_unchanged[@]}"); go=$(median "${grade_one[@]}")
cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || uname -m)"
echo
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $(free -g 2>/dev/null | awk '/Mem:/ { print $2 " GB" }'); .NET SDK $(dotnet --version); $(date -u +%Y-%m-%d)"
echo "median of $rounds rounds, $(ls "$copy"/solutions/*/*/*.csproj | wc -l) solution projects:"
printf '| %-66s | %8s |\n' "measurement" "seconds"
printf '|%s|%s|\n' "$(printf -- '-%.0s' {1..68})" "$(printf -- '-%.0s' {1..10})"
printf '| %-66s | %8.2f |\n' "dotnet test, all solutions, every source edited (visible tests)" "$dt"
printf '| %-66s | %8.2f |\n' "grader --solutions, every source edited (visible + hidden)" "$ge"
printf '| %-66s | %8.2f |\n' "grader --solutions, nothing changed" "$gu"
printf '| %-66s | %8.2f |\n' "grader check 01-processes --solutions, its sources edited" "$go"
echo "ratio dotnet test / grader: $(echo "scale=1; $dt / $ge" | bc)x after edits, $(echo "scale=1; $dt / $gu" | bc)x unchanged"
