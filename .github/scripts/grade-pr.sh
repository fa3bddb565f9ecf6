#!/usr/bin/env bash
# Grades a pull request: the learner's level folders from HEAD_DIR, graded with BASE_DIR's grader, hidden suites,
# visible tests, build files and course.json, so nothing a pull request changes outside its level folders (the
# grader, a suite, a visible test, the manifest) can change its grade.
#
#   .github/scripts/grade-pr.sh BASE_DIR HEAD_DIR OUT_DIR
#
# Writes OUT_DIR/report.json (schema version 1), OUT_DIR/report.md and OUT_DIR/report.junit.xml.
# Exits 0 whenever grading ran, whatever the grade; non-zero only when grading itself could not run.
#
# The learner's code runs sandboxed (--sandbox: bubblewrap, installed here when missing): each test process writes
# only to a scratch folder of its own, sees no other process and no network, and nothing it starts outlives it, so
# nothing it does can reach the reports. Where bubblewrap cannot run, grading goes on unsandboxed and the reports say
# so ("sandbox": "none" in report.json, a note in report.md).
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: $0 BASE_DIR HEAD_DIR OUT_DIR" >&2
  exit 2
fi
base="$(cd "$1" && pwd)"
head="$(cd "$2" && pwd)"
mkdir -p "$3"
out="$(cd "$3" && pwd)"
for required in "$base/course.json" "$base/grader/grader.csproj"; do
  if [ ! -f "$required" ]; then
    echo "grade-pr: $required not found: BASE_DIR must be a checkout of the kit" >&2
    exit 2
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The grading tree starts as a copy of the base, without build output or git metadata.
tar -C "$base" --exclude=./.git --exclude=bin --exclude=obj --exclude=./.grader -cf - . | tar -C "$work" -xf -

# 2. Each level folder the base has is replaced by the head's C# sources for it, if the head has that folder.
#    Only regular *.cs files are taken (never symlinks, project files or anything else), so a pull request cannot
#    bring build logic, packages or links to files outside its folders.
levels=0
for level_dir in "$base"/exercises/*/*/*/; do
  relative="${level_dir#"$base"/}"
  relative="${relative%/}"
  # Only level folders: the visible tests and the given code are the kit's, like the grader.
  case "${relative##*/}" in 1-make-it-pass | 2-guided | 3-walkthrough) ;; *) continue ;; esac
  [ -d "$head/$relative" ] || continue
  find "$work/$relative" -name '*.cs' -type f -delete
  (cd "$head/$relative" && find . -type f -name '*.cs' -not -path './bin/*' -not -path './obj/*' -print0) |
    while IFS= read -r -d '' file; do
      mkdir -p "$work/$relative/$(dirname "$file")"
      cp -- "$head/$relative/$file" "$work/$relative/$file"
    done
  levels=$((levels + 1))
done
echo "grade-pr: took the learner's sources from $levels level folder(s) of the pull request"

# 3. The sandbox: bubblewrap, installed when missing (as root, or with sudo as on GitHub's runners).
if [ "$(uname -s)" = Linux ] && ! command -v bwrap > /dev/null; then
  sudo_=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo > /dev/null; then sudo_="sudo"; fi
  { $sudo_ apt-get install -y -qq bubblewrap > /dev/null 2>&1 ||
    { $sudo_ apt-get update -qq > /dev/null 2>&1 && $sudo_ apt-get install -y -qq bubblewrap > /dev/null 2>&1; }; } ||
    echo "grade-pr: could not install bubblewrap; the report will say that grading ran unsandboxed" >&2
fi

# 4. Build the base's grader and grade the tree once, writing every report from the same run.
dotnet build "$work/grader/grader.csproj" -c Release --nologo -v quiet -o "$work/.grader-bin"
dotnet "$work/.grader-bin/grader.dll" grade --root "$work" --sandbox \
  --report "json=$out/report.json" \
  --report "markdown=$out/report.md" \
  --report "junit=$out/report.junit.xml"
