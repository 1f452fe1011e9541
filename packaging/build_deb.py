"""Build KPlan Desktop's .deb from the PyInstaller folder (Linux laptops).

    python packaging/build_deb.py [--folder dist/kplan] [--version X.Y.Z] [--out FILE.deb]

The program goes to /opt/kplan (it brings its own Python and Qt, as third-party software in
/opt does), with /usr/bin/kplan, a .desktop entry, the icon, and the MIME types of .kplan and
.kplanbundle with their icons. The desktop, MIME and icon caches are refreshed by the dpkg
triggers of the packages that own them, so the package has no maintainer scripts.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons"
PACKAGE = "kplan"
INSTALL_DIR = "opt/kplan"
#: What the build does not carry (found with ldd on the folder): libc and the graphics stack.
DEPENDS = ("libc6 (>= 2.31), libgl1, libegl1, libxcb1, libdrm2, libwayland-client0, "
           "libwayland-cursor0, libwayland-egl1")
MAINTAINER = "KPlan Desktop <kplan@example.invalid>"


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"),
                      re.MULTILINE)
    if match is None:
        raise ValueError(f"{pyproject} has no version")
    return match.group(1)


def control(version: str, installed_kb: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {DEPENDS}\n"
        "Homepage: https://example.invalid/kplan\n"
        "Description: offline review of a city's strategic development plan\n"
        " KPlan Desktop lets the expert working groups of a city's strategic\n"
        " development plan read the plan, write remarks, answer them and exchange\n"
        " signed bundles, without a server. Reports are written as DOCX and PDF.\n"
    )


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: KPlan Desktop

Files: *
Copyright: KPlan Desktop authors
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in
 all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.

Files: opt/kplan/_internal/*
Copyright: their respective authors
License: various
 The program's folder carries Python (PSF licence), Qt and PySide6 (LGPL-3),
 ICU, OpenSSL, SQLite, python-docx, reportlab, openpyxl, lxml, cryptography,
 keyring and the Liberation fonts (SIL OFL 1.1), each under its own licence;
 the licences are in the folder beside them where their packages ship them.
"""


def _changelog(version: str) -> bytes:
    when = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
            f"  * Release {version}.\n\n -- {MAINTAINER}  {when}\n").encode()


def _install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def stage(folder: Path, root: Path, version: str) -> None:
    """Lay out the package's files under ``root`` as they go on the disk."""
    app = root / INSTALL_DIR
    shutil.copytree(folder, app, symlinks=True)
    for path in [app, *app.rglob("*")]:
        if path.is_symlink():
            continue
        # Files as root would own them: readable by all, executables and folders runnable.
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).symlink_to(f"/{INSTALL_DIR}/kplan")
    share = root / "usr" / "share"
    _install(LINUX / "kplan.desktop", share / "applications" / "kplan.desktop")
    _install(LINUX / "kplan-mime.xml", share / "mime" / "packages" / "kplan.xml")
    hicolor = share / "icons" / "hicolor"
    _install(ROOT / "resources" / "kplan.svg", hicolor / "scalable" / "apps" / "kplan.svg")
    _install(ROOT / "resources" / "kplan.png", hicolor / "256x256" / "apps" / "kplan.png")
    for kind in ("workspace", "bundle"):
        name = f"application-x-kplan-{kind}"
        _install(ICONS / f"kplan-{kind}.svg", hicolor / "scalable" / "mimetypes" / f"{name}.svg")
        _install(ICONS / f"kplan-{kind}.png", hicolor / "256x256" / "mimetypes" / f"{name}.png")
    _install(LINUX / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    (doc / "changelog.gz").write_bytes(gzip.compress(_changelog(version), mtime=0))
    installed_kb = sum(p.lstat().st_size for p in root.rglob("*")) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(version, installed_kb), encoding="utf-8")
    for path in (root, *root.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def build_deb(folder: Path, out: Path, version: str) -> Path:
    if shutil.which("dpkg-deb") is None:
        raise FileNotFoundError("dpkg-deb is missing (Debian's dpkg)")
    if not (folder / "kplan").is_file():
        raise FileNotFoundError(f"{folder}/kplan is missing: build it first (./dev.sh build)")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    # xz (the format Debian's archive takes), at its quickest level: -z6 is 5% smaller and
    # takes minutes.
    with tempfile.TemporaryDirectory(prefix="kplan-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(folder.resolve(), root, version)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(root),
                        str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "kplan")
    parser.add_argument("--version", default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    version = args.version or project_version()
    out = args.out or ROOT / "dist" / f"{PACKAGE}_{version}_amd64.deb"
    build_deb(args.folder, out, version)
    print(f"Built {out} ({out.stat().st_size // (1024 * 1024)} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
