#!/usr/bin/env python3
"""Translation checks for Enlace (TAP output).

  check-po.py complete SRCDIR
      Extracts every translatable string from the files in po/POTFILES.in
      with xgettext (C sources, GtkBuilder .ui files, desktop, metainfo and
      GSettings files) and fails listing each msgid that has no non-fuzzy
      Spanish translation in po/es.po.  Also runs msgfmt -c --check-format
      on po/es.po.

  check-po.py potfiles SRCDIR
      Fails when a .c or .ui file under app/, model/ or views/ marks strings
      for translation but is not listed in po/POTFILES.in, or when
      POTFILES.in lists a file that does not exist.
"""

import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = [
    "--keyword=_", "--keyword=N_", "--keyword=Q_:1g",
    "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=ngettext:1,2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_prefix_error:2:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_print:1:c-format",
]

MARKED_C = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|Q_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*(?:\"|[A-Za-z_])")
MARKED_UI = re.compile(r"translatable=\"(?:yes|true)\"")


# A format macro pasted into a translatable literal: xgettext cuts the msgid
# at the macro, so the string is never translated (use %lld and a cast, or
# format the number first).
MACRO_IN_MSGID = re.compile(
    r'(?<![A-Za-z0-9_])(?:(?:_|N_|Q_)\s*\(|(?:C_|NC_)\s*\(\s*"[^"]*"\s*,)\s*'
    r'(?:"(?:[^"\\]|\\.)*"\s*)+'
    r'(G_G?U?INT(?:8|16|32|64)?_(?:FORMAT|MODIFIER)|G_GS?SIZE_FORMAT|G_GOFFSET_FORMAT|PRI[diouxX]\w*)')


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, name, details=()):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, name))
        for line in details:
            print("# " + line)
        if not ok:
            self.failed += 1
            # meson --print-errorlogs shows stderr, not TAP comments
            print("FAIL: " + name, file=sys.stderr)
            for line in details:
                print("  " + line, file=sys.stderr)

    def finish(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def read_potfiles(srcdir):
    files = []
    with open(os.path.join(srcdir, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                files.append(line)
    return files


def parse_po(path):
    """Return a list of entries: dict(ctxt, id, plural, strs, fuzzy, ref).

    Strings stay in their escaped PO form: both files escape the same way,
    so they compare equal without decoding."""
    entries = []
    cur = None
    field = None

    def flush():
        nonlocal cur
        if cur is not None and cur.get("id") is not None:
            entries.append(cur)
        cur = None

    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                flush()
                field = None
                continue
            if line.startswith("#~"):
                continue
            if cur is None:
                cur = {"ctxt": None, "id": None, "plural": None, "strs": {},
                       "fuzzy": False, "line": lineno, "ref": ""}
            if line.startswith("#,"):
                if "fuzzy" in line:
                    cur["fuzzy"] = True
                continue
            if line.startswith("#:"):
                if not cur["ref"]:
                    cur["ref"] = line[2:].strip().split()[0] if line[2:].strip() else ""
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                key = m.group(1)
                if key == "msgctxt" and cur["id"] is not None:
                    flush()
                    cur = {"ctxt": None, "id": None, "plural": None, "strs": {},
                           "fuzzy": False, "line": lineno, "ref": ""}
                if key == "msgid" and cur["id"] is not None:
                    flush()
                    cur = {"ctxt": None, "id": None, "plural": None, "strs": {},
                           "fuzzy": False, "line": lineno, "ref": ""}
                if key == "msgctxt":
                    cur["ctxt"] = m.group(3)
                    field = ("ctxt",)
                elif key == "msgid":
                    cur["id"] = m.group(3)
                    field = ("id",)
                elif key == "msgid_plural":
                    cur["plural"] = m.group(3)
                    field = ("plural",)
                else:
                    idx = int(m.group(2)) if m.group(2) is not None else 0
                    cur["strs"][idx] = m.group(3)
                    field = ("strs", idx)
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and field is not None:
                if field[0] == "strs":
                    cur["strs"][field[1]] += m.group(1)
                else:
                    cur[field[0]] += m.group(1)
                continue
            raise SystemExit("%s:%d: cannot parse: %s" % (path, lineno, line))
    flush()
    return entries


def show(entry):
    s = entry["id"]
    if entry["ctxt"] is not None:
        s = "[%s] %s" % (entry["ctxt"], s)
    return s


def cmd_complete(srcdir):
    tap = Tap()
    es_po = os.path.join(srcdir, "po", "es.po")

    r = subprocess.run(["msgfmt", "-c", "--check-format", "-o", os.devnull, es_po],
                       capture_output=True, text=True)
    tap.result(r.returncode == 0, "msgfmt -c --check-format po/es.po",
               r.stderr.splitlines())

    files = read_potfiles(srcdir)
    missing_files = [f for f in files if not os.path.exists(os.path.join(srcdir, f))]
    present = [f for f in files if f not in missing_files]
    tap.result(not missing_files, "every file in POTFILES.in exists",
               ["missing: " + f for f in missing_files])

    with tempfile.TemporaryDirectory(prefix="enlace-po-") as tmp:
        pot = os.path.join(tmp, "enlace.pot")
        listing = os.path.join(tmp, "POTFILES")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(present) + "\n")
        r = subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments",
                            "--package-name=enlace", "--no-wrap",
                            "--directory=" + srcdir, "--files-from=" + listing,
                            "--output=" + pot] + KEYWORDS,
                           capture_output=True, text=True)
        ok = r.returncode == 0
        tap.result(ok, "xgettext extracts the strings of %d files" % len(present),
                   r.stderr.splitlines())
        if not ok:
            return tap.finish()
        template = parse_po(pot) if os.path.exists(pot) else []

    translations = {}
    duplicates = []
    for e in parse_po(es_po):
        key = (e["ctxt"], e["id"])
        if key in translations and e["id"] != "":
            duplicates.append(show(e))
        translations[key] = e
    tap.result(not duplicates, "no duplicate msgid in po/es.po",
               ["duplicate: " + d for d in duplicates])

    untranslated = []
    for e in template:
        if e["id"] == "":
            continue
        t = translations.get((e["ctxt"], e["id"]))
        why = None
        if t is None:
            why = "missing"
        elif t["fuzzy"]:
            why = "fuzzy"
        elif not t["strs"] or any(v == "" for v in t["strs"].values()):
            why = "empty"
        elif e["plural"] is not None and len(t["strs"]) < 2:
            why = "needs both plural forms"
        if why:
            untranslated.append('%s: %s "%s"' % (e["ref"], why, show(e)))
    tap.result(not untranslated,
               "all %d msgids have a Spanish translation (%d missing)"
               % (len([e for e in template if e["id"]]), len(untranslated)),
               untranslated)
    return tap.finish()


def cmd_potfiles(srcdir):
    tap = Tap()
    listed = set(read_potfiles(srcdir))
    unlisted = []
    c_files = []
    for top in ("app", "model", "views"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcdir)
                if name.endswith(".c"):
                    pattern = MARKED_C
                    c_files.append(rel)
                elif name.endswith(".ui"):
                    pattern = MARKED_UI
                else:
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    if pattern.search(f.read()) and rel not in listed:
                        unlisted.append(rel)
    tap.result(not unlisted,
               "every file with translatable strings is in po/POTFILES.in",
               ["not listed: " + f for f in unlisted])
    pasted = []
    for rel in sorted(c_files):
        with open(os.path.join(srcdir, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in MACRO_IN_MSGID.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            pasted.append("%s:%d: %s inside a translatable string (xgettext cuts the msgid there)"
                          % (rel, line, m.group(1)))
    tap.result(not pasted, "no format macro pasted into a translatable string", pasted)
    missing = sorted(f for f in listed if not os.path.exists(os.path.join(srcdir, f)))
    tap.result(not missing, "every file in po/POTFILES.in exists",
               ["missing: " + f for f in missing])
    return tap.finish()


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("complete", "potfiles"):
        print(__doc__, file=sys.stderr)
        return 2
    srcdir = sys.argv[2]
    if sys.argv[1] == "complete":
        return cmd_complete(srcdir)
    return cmd_potfiles(srcdir)


if __name__ == "__main__":
    sys.exit(main())
