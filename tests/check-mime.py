#!/usr/bin/env python3
"""Check that the MIME package recognises Enlace files.

Installs the package into a private XDG data directory, builds the MIME
database there with update-mime-database and asks GIO (gio info) what type
it sees: a "*.enlace" name, and an SQLite file carrying Enlace's
application_id under a neutral name.  A plain SQLite file must stay
application/vnd.sqlite3.  TAP output.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

APPLICATION_ID = 0x454E4C43
TYPE = "application/x-enlace"


def content_type(path, env):
    out = subprocess.run(["gio", "info", "-a", "standard::content-type", path],
                         env=env, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("standard::content-type:"):
            return line[len("standard::content-type:"):].strip()
    return None


def make_db(path, app_id):
    db = sqlite3.connect(path)
    if app_id is not None:
        db.execute("PRAGMA application_id = %d" % app_id)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()


def main():
    package = sys.argv[1]
    for tool in ("update-mime-database", "gio"):
        if shutil.which(tool) is None:
            print("1..0 # SKIP %s is not installed" % tool)
            return 0

    with tempfile.TemporaryDirectory(prefix="enlace-mime-") as tmp:
        mime = os.path.join(tmp, "share", "mime")
        os.makedirs(os.path.join(mime, "packages"))
        shutil.copy(package, os.path.join(mime, "packages"))
        env = dict(os.environ)
        env["XDG_DATA_HOME"] = os.path.join(tmp, "share")
        # our package on top of the system database (application/vnd.sqlite3)
        env["XDG_DATA_DIRS"] = os.path.join(tmp, "share") + ":/usr/local/share:/usr/share"
        subprocess.run(["update-mime-database", mime], env=env, check=True,
                       stdout=subprocess.DEVNULL)

        named = os.path.join(tmp, "campus.enlace")
        make_db(named, APPLICATION_ID)
        sniffed = os.path.join(tmp, "campus-copy")
        make_db(sniffed, APPLICATION_ID)
        other = os.path.join(tmp, "other-copy")
        make_db(other, None)

        cases = [
            ("glob *.enlace", named, TYPE),
            ("SQLite header + application_id", sniffed, TYPE),
            ("plain SQLite stays SQLite", other, "application/vnd.sqlite3"),
        ]
        print("1..%d" % len(cases))
        failed = 0
        for i, (name, path, want) in enumerate(cases, 1):
            got = content_type(path, env)
            if got == want:
                print("ok %d - %s" % (i, name))
            else:
                failed += 1
                print("not ok %d - %s: expected %s, got %s" % (i, name, want, got))
                print("FAIL: %s: expected %s, got %s" % (name, want, got), file=sys.stderr)
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
