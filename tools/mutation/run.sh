#!/usr/bin/env bash
# Measures how strong an exercise's tests are: mutation testing (Stryker.NET) of the solution, killed by the
# visible tests and the hidden suite together, or by the visible tests alone with --visible-only (what a green
# `dotnet test` in the learner's folder proves).
# Usage: tools/mutation/run.sh <exercise-id> [--visible-only] [more stryker options]
# Prints the mutation score; the HTML and JSON reports land in .grader/mutation/<exercise-id>/
# (.grader/mutation/<exercise-id>-visible/ with --visible-only).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
exercise="${1:?usage: tools/mutation/run.sh <exercise-id> [--visible-only] [stryker options]}"
shift
visible_only=false
if [ "${1:-}" = "--visible-only" ]; then visible_only=true; shift; fi

read -r release project < <(python3 - "$root/course.json" "$exercise" <<'PY'
import json, sys
course = json.load(open(sys.argv[1]))
for r in course["releases"]:
    for e in r["exercises"]:
        if e["id"] == sys.argv[2]:
            print(r["id"], e["project"]); sys.exit(0)
sys.exit(f"no exercise {sys.argv[2]!r} in course.json")
PY
)

work="$root/.grader/mutation/$exercise"
if $visible_only; then work="$work-visible"; fi
rm -rf "$work"
mkdir -p "$work/Lib" "$work/Tests"

# The work folder lies inside the repository, so the kit's Directory.Build.props and package versions apply.
# The solution's sources, copied (never the learner's folders), built as a plain library.
(cd "$root/solutions/$release/$exercise" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' -exec cp --parents {} "$work/Lib/" \;)
# Code given complete to the learner is part of what the tests must hold to.
if [ -d "$root/exercises/$release/$exercise/given" ]; then cp -r "$root/exercises/$release/$exercise/given" "$work/Lib/given"; fi
otp_ref=""
if [ "$release" != "r1" ]; then otp_ref="<ItemGroup><ProjectReference Include=\"$root/otp/Otp.csproj\" /></ItemGroup>"; fi
cat > "$work/Lib/$project.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>
  $otp_ref
</Project>
XML

# The visible tests and (unless --visible-only) the hidden suite, as one test project.
mkdir -p "$work/Tests/visible"
cp -r "$root/exercises/$release/$exercise/tests/." "$work/Tests/visible/"
if ! $visible_only; then mkdir -p "$work/Tests/hidden" && cp -r "$root/grader/suites/$exercise/." "$work/Tests/hidden/"; fi
cat > "$work/Tests/Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><ImplicitUsings>disable</ImplicitUsings><IsTestProject>true</IsTestProject></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NUnit" />
    <PackageReference Include="NUnit3TestAdapter" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="Microsoft.Extensions.TimeProvider.Testing" />
    <ProjectReference Include="../Lib/$project.csproj" />
  </ItemGroup>
</Project>
XML

cd "$work/Tests"
dotnet tool restore --tool-manifest "$root/.config/dotnet-tools.json" >/dev/null
dotnet tool run --allow-roll-forward dotnet-stryker --project "$project.csproj" --reporter progress --reporter html --reporter json --output "$work/report" "$@"
