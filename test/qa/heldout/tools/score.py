#!/usr/bin/env python3
"""Score `l10n check` on the held-out material.

    python3 test/qa/heldout/tools/score.py            # the held-out set (test/qa/heldout/)
    python3 test/qa/heldout/tools/score.py final      # the final set -- run ONCE, at the very end
    python3 test/qa/heldout/tools/score.py --json     # machine-readable summary

Runs `node bin/l10n.js check --json <files>` from the repository root (override with the
environment variable L10N_CHECK, e.g. L10N_CHECK="npx l10n check --json") and reports:
  - false errors: units of a `correct` file with an error finding, and units of a `planted`
    file with an error finding that are not a planted unit (target: at most 1 per 60 units);
  - catches: planted mistakes whose unit has an error finding (target: all), by kind and locale.
Accepted findings ("accepted": true) and warnings count as neither.
"""
import json
import os
import shlex
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
HELDOUT = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(HELDOUT, "..", "..", ".."))


def run_check(paths):
    cmd = shlex.split(os.environ.get("L10N_CHECK", "node bin/l10n.js check --json"))
    findings = []
    for i in range(0, len(paths), 40):
        proc = subprocess.run(cmd + paths[i:i + 40], cwd=REPO, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"check failed (exit {proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}")
        out = proc.stdout.strip()
        if out:
            findings.extend(json.loads(out))
    return findings


def main():
    args = [a for a in sys.argv[1:]]
    as_json = "--json" in args
    final = "final" in args
    root = os.path.join(HELDOUT, "final") if final else HELDOUT
    with open(os.path.join(root, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    rel = lambda p: os.path.relpath(os.path.join(root, p), REPO)
    files = [rel(x["correct"]) for x in manifest["files"]] + [rel(x["planted"]) for x in manifest["files"]]
    errors = defaultdict(set)  # basename -> units with an error
    for fd in run_check(files):
        if fd.get("severity") == "error" and not fd.get("accepted"):
            errors[os.path.basename(fd.get("file", ""))].add(fd.get("unit"))
    planted_units = defaultdict(set)
    for p in manifest["planted"]:
        planted_units[os.path.basename(p["file"])].add(p["unit"])
    units = false_c = false_p = 0
    false_list = []
    by_loc = defaultdict(lambda: [0, 0, 0, 0])  # units, false errors, planted, caught
    for x in manifest["files"]:
        c, p, n, loc = os.path.basename(x["correct"]), os.path.basename(x["planted"]), x["units"], x["locale"]
        units += n
        by_loc[loc][0] += n
        for u in sorted(errors[c]):
            false_c += 1
            by_loc[loc][1] += 1
            false_list.append(f"{x['correct']}#{u}")
        for u in sorted(errors[p] - planted_units[p]):
            false_p += 1
            false_list.append(f"{x['planted']}#{u}")
    by_kind = defaultdict(lambda: [0, 0])
    missed = []
    for p in manifest["planted"]:
        hit = p["unit"] in errors[os.path.basename(p["file"])]
        by_kind[p["kind"]][0] += 1
        by_kind[p["kind"]][1] += hit
        by_loc[p["locale"]][2] += 1
        by_loc[p["locale"]][3] += hit
        if not hit:
            missed.append(f"{p['file']}#{p['unit']} [{p['kind']}] {p['correct']!r} -> {p['planted']!r}")
    caught = sum(v[1] for v in by_kind.values())
    total = len(manifest["planted"])
    clean_planted_units = units - total
    summary = {
        "set": manifest["set"], "units_per_variant": units,
        "false_errors_correct": false_c, "false_errors_planted_files": false_p,
        "false_per_60_correct": round(60 * false_c / units, 3),
        "false_per_60_planted_files": round(60 * false_p / max(clean_planted_units, 1), 3),
        "planted": total, "caught": caught,
        "by_kind": {k: {"planted": v[0], "caught": v[1]} for k, v in sorted(by_kind.items())},
        "by_locale": {k: {"units": v[0], "false_correct": v[1], "planted": v[2], "caught": v[3]} for k, v in sorted(by_loc.items())},
        "false_errors": false_list, "missed": missed,
    }
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return
    print(f"set {summary['set']}: {units} units per variant, {total} planted mistakes")
    print(f"caught {caught}/{total}")
    print(f"false errors: {false_c} in correct files ({summary['false_per_60_correct']} per 60 units), "
          f"{false_p} in planted files outside the planted units ({summary['false_per_60_planted_files']} per 60)")
    print("by kind:    " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by_kind.items())))
    print("by locale:  " + ", ".join(f"{k} caught {v[3]}/{v[2]} false {v[1]}/{v[0]}" for k, v in sorted(by_loc.items())))
    for m in missed:
        print("MISSED", m)
    for f in false_list:
        print("FALSE ", f)


if __name__ == "__main__":
    main()
