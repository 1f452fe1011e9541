"""Build KPlan Desktop's MSI from a PyInstaller folder with wixl (msitools), on Linux or Windows.

    python packaging/build_msi.py [--folder dist/kplan] [--version X.Y.Z] [--out FILE.msi]

The installer's logic is packaging/windows/kplan.wxs; this script harvests the folder's files
into a component group (wixl-heat) and runs wixl. On Windows, WiX's heat/candle/light build the
same .wxs (see the README). The version defaults to pyproject.toml's.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WXS = ROOT / "packaging" / "windows" / "kplan.wxs"
ICONS = ROOT / "packaging" / "icons"
APP_ICON = ROOT / "resources" / "kplan.ico"


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version in pyproject.toml, checked to be what an MSI accepts (up to 255.255.65535)."""
    match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"),
                      re.MULTILINE)
    if match is None:
        raise ValueError(f"{pyproject} has no version")
    return msi_version(match.group(1))


def msi_version(version: str) -> str:
    """``version`` as an MSI ProductVersion: three numbers, major and minor up to 255."""
    parts = version.split(".")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"an MSI version is up to three numbers (X.Y.Z), not {version!r}")
    numbers = [int(p) for p in parts] + [0] * (3 - len(parts))
    if numbers[0] > 255 or numbers[1] > 255 or numbers[2] > 65535:
        raise ValueError(f"an MSI version is at most 255.255.65535, not {version!r}")
    return ".".join(str(n) for n in numbers)


def harvest(folder: Path, out: Path) -> None:
    """files.wxs: every file under ``folder`` as a component of the group AppFiles."""
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    if not files:
        raise ValueError(f"{folder} holds no files: build it first (./dev.sh build)")
    result = subprocess.run(
        ["wixl-heat", "--prefix", f"{folder}/", "--component-group", "AppFiles",
         "--var", "var.SourceDir", "--directory-ref", "INSTALLDIR", "--win64"],
        input="\n".join(files) + "\n", capture_output=True, text=True, check=True)
    out.write_text(result.stdout, encoding="utf-8")


def build_msi(folder: Path, out: Path, version: str, *, gui_exe: str = "kplan-gui.exe") -> Path:
    for tool in ("wixl", "wixl-heat"):
        if shutil.which(tool) is None:
            raise FileNotFoundError(f"{tool} is missing: install it with apt-get install wixl")
    folder = folder.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="kplan-msi-") as tmp:
        # wixl reads sources by paths relative to the .wxs files: links put everything there.
        work = Path(tmp)
        (work / "payload").symlink_to(folder, target_is_directory=True)
        (work / "icons").symlink_to(ICONS, target_is_directory=True)
        (work / "kplan.ico").symlink_to(APP_ICON)
        shutil.copy(WXS, work / "kplan.wxs")
        harvest(work / "payload", work / "files.wxs")
        subprocess.run(
            ["wixl", "--arch", "x64", "--output", str(out),
             "-D", f"Version={msi_version(version)}", "-D", "SourceDir=payload",
             "-D", "IconsDir=icons", "-D", "AppIcon=kplan.ico", "-D", f"GuiExe={gui_exe}",
             "-D", "Win64=yes", "kplan.wxs", "files.wxs"],
            check=True, cwd=work)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "kplan")
    parser.add_argument("--version", default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    version = msi_version(args.version) if args.version else project_version()
    out = args.out or ROOT / "dist" / f"kplan-{version}-x64.msi"
    build_msi(args.folder, out, version)
    print(f"Built {out} ({out.stat().st_size // (1024 * 1024)} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
