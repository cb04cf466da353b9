#!/usr/bin/env python3
"""Sums the TRX reports in a folder.

Prints, on standard error, every test that did not pass with the first lines of its message, so the
end of a CI log names what failed; then, on standard output, 'passed failed skipped reports'.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = reports = 0
failures = []
for trx in sorted(pathlib.Path(sys.argv[1]).glob("**/*.trx")):
    root = ET.parse(trx).getroot()
    counters = root.find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    reports += 1
    passed += int(counters.get("passed", 0))
    failed += sum(int(counters.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    # xunit's skipped facts are neither executed nor counted as notExecuted: total - executed.
    skipped += max(int(counters.get("notExecuted", 0)), int(counters.get("total", 0)) - int(counters.get("executed", 0)))
    for result in root.iterfind("t:Results/t:UnitTestResult", ns):
        if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns)
            stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=ns)
            failures.append((result.get("testName"), result.get("duration"), message, stack))

for name, duration, message, stack in failures:
    print(f"FAILED {name} ({duration})", file=sys.stderr)
    for line in (message.strip().splitlines()[:15] + stack.strip().splitlines()[:8]):
        print(f"    {line}", file=sys.stderr)
print(passed, failed, skipped, reports)
