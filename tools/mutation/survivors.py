#!/usr/bin/env python3
"""Lists the mutants that survived (or timed out) in a Stryker JSON report: file, line, mutator and the replacement."""
import json
import sys

report = json.load(open(sys.argv[1]))
for path, file in report["files"].items():
    lines = file["source"].splitlines()
    for m in file["mutants"]:
        if m["status"] in ("Survived", "NoCoverage", "Timeout"):
            line = m["location"]["start"]["line"]
            print(f"{m['status']:10} {path.split('/')[-1]}:{line} {m['mutatorName']}: {lines[line - 1].strip()}  ->  {m.get('replacement', '')}")
