#!/usr/bin/env python3
"""Build the held-out QA material from the article modules.

    python3 tools/build.py            # writes heldout/<slug>/ and heldout/manifest.json
    python3 tools/build.py final      # writes heldout/final/<slug>/ and heldout/final/manifest.json

Each article module (tools/articles/*.py, final/tools/articles/*.py) defines
  SLUG, TOPIC, SOURCE (list of German sentences, ids s01, s02, ...),
  T  = {locale: [target sentence, ...]}           the correct translations
  P  = {locale: [(unit, kind, source_fragment, correct_fragment, planted_fragment), ...]}
A planted mistake replaces correct_fragment (which must occur exactly once in that unit's
correct target) by planted_fragment. Kind "untranslated" leaves the German source as target.
"""
import importlib.util
import json
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
HELDOUT = os.path.dirname(HERE)

KINDS = {
    "number", "scale", "unit", "percent_vs_count", "meaning", "weekday", "relative_day",
    "date", "time_12h", "time", "score_reversed", "quote_dropped", "quote_moved",
    "name_misspelt", "first_name_changed", "name_replaced", "acronym_swapped",
    "number_word", "untranslated", "code_dropped", "code_moved",
}

CODE = re.compile(r'(</?g(?: id="[^"]*")?>|<x id="[^"]*"/>)')


def esc(text):
    """Escape text for XML, keeping the inline codes <g id=".."> </g> <x id=".."/>."""
    out = []
    for part in CODE.split(text):
        if CODE.fullmatch(part):
            out.append(part)
        else:
            out.append(part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out)


def xliff(slug, locale, source, target):
    units = []
    for i, (s, t) in enumerate(zip(source, target), 1):
        units.append(
            f'      <trans-unit id="s{i:02d}">\n'
            f'        <source>{esc(s)}</source>\n'
            f'        <target state="translated">{esc(t)}</target>\n'
            f'      </trans-unit>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'  <file original="{slug}.txt" source-language="de" target-language="{locale}" datatype="plaintext">\n'
            '    <body>\n' + "".join(units) +
            '    </body>\n  </file>\n</xliff>\n')


def load(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    final = len(sys.argv) > 1 and sys.argv[1] == "final"
    root = os.path.join(HELDOUT, "final") if final else HELDOUT
    adir = os.path.join(root, "tools", "articles")
    manifest = {"set": "final" if final else "heldout", "articles": [], "files": [], "planted": []}
    problems = []
    for name in sorted(os.listdir(adir)):
        if not name.endswith(".py"):
            continue
        mod = load(os.path.join(adir, name))
        slug, src = mod.SLUG, mod.SOURCE
        if not 12 <= len(src) <= 20:
            problems.append(f"{slug}: {len(src)} source sentences")
        outdir = os.path.join(root, slug)
        os.makedirs(outdir, exist_ok=True)
        with open(os.path.join(outdir, f"{slug}.de.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(re.sub(r"<[^>]+>", "", s) for s in src) + "\n")
        manifest["articles"].append({"slug": slug, "topic": mod.TOPIC, "units": len(src),
                                     "locales": sorted(mod.T)})
        for loc, tgt in sorted(mod.T.items()):
            if len(tgt) != len(src):
                problems.append(f"{slug}/{loc}: {len(tgt)} targets for {len(src)} sources")
                continue
            for i, t in enumerate(tgt, 1):
                if t != unicodedata.normalize("NFC", t):
                    problems.append(f"{slug}/{loc}/s{i:02d}: not NFC")
                if len(CODE.findall(t)) != len(CODE.findall(src[i - 1])):
                    problems.append(f"{slug}/{loc}/s{i:02d}: inline codes differ")
            cfile = f"{slug}/{slug}.{loc}.correct.xlf"
            pfile = f"{slug}/{slug}.{loc}.planted.xlf"
            with open(os.path.join(root, cfile), "w", encoding="utf-8") as f:
                f.write(xliff(slug, loc, src, tgt))
            planted = list(tgt)
            seen = set()
            plist = mod.P.get(loc, [])
            if not 4 <= len(plist) <= 8:
                problems.append(f"{slug}/{loc}: {len(plist)} planted mistakes")
            for (uid, kind, sfrag, cfrag, wfrag) in plist:
                if kind not in KINDS:
                    problems.append(f"{slug}/{loc}/{uid}: unknown kind {kind}")
                if uid in seen:
                    problems.append(f"{slug}/{loc}/{uid}: two mistakes in one unit")
                seen.add(uid)
                k = int(uid[1:]) - 1
                entry = {"file": pfile, "correct_file": cfile, "unit": uid, "locale": loc, "kind": kind}
                if kind == "untranslated":
                    planted[k] = src[k]
                    entry.update(source=re.sub(r"<[^>]+>", "", src[k]), correct=tgt[k], planted=src[k])
                else:
                    if sfrag is not None and sfrag not in src[k]:
                        problems.append(f"{slug}/{loc}/{uid}: source fragment {sfrag!r} not in source")
                    n = planted[k].count(cfrag)
                    if n != 1:
                        problems.append(f"{slug}/{loc}/{uid}: {cfrag!r} occurs {n} times")
                        continue
                    planted[k] = planted[k].replace(cfrag, wfrag)
                    entry.update(source=sfrag, correct=cfrag, planted=wfrag)
                manifest["planted"].append(entry)
            with open(os.path.join(root, pfile), "w", encoding="utf-8") as f:
                f.write(xliff(slug, loc, src, planted))
            manifest["files"].append({"correct": cfile, "planted": pfile, "locale": loc,
                                      "units": len(src), "planted_mistakes": len(plist)})
    with open(os.path.join(root, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    kinds = {}
    for e in manifest["planted"]:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print(f"{manifest['set']}: {len(manifest['articles'])} articles, {len(manifest['files'])} (article, locale) pairs, "
          f"{sum(f['units'] for f in manifest['files'])} units per variant, {len(manifest['planted'])} planted")
    print(json.dumps(dict(sorted(kinds.items())), ensure_ascii=False))
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
