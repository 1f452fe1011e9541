"""The packages as IT and users get them: the folder, the MSI (under Wine) and the .deb (dpkg).

Marked ``packaging`` (see conftest.py): CI runs them on the packages ``./dev.sh package``
built; run here with ``KPLAN_PACKAGING=1 .venv/bin/pytest tests/e2e/test_installers.py``,
which builds them once into pytest's temporary folder.
"""

from __future__ import annotations

import datetime
import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build_deb  # noqa: E402
import build_msi  # noqa: E402

pytestmark = [pytest.mark.packaging, pytest.mark.e2e,
              pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="the packaging tests build on Debian/Ubuntu")]

MAX_FOLDER_MB = 150
UPGRADE_CODE = "{5B0E8E63-6A0B-4F4C-9C7A-2E61D1F0C1A7}"
#: As on a PC without Python: no virtual environment or source tree to fall back on.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


@dataclass(frozen=True)
class Packages:
    version: str
    folder: Path
    msi: Path
    deb: Path


def _run(args: list[str], *, timeout: float = 600, **kwargs: object) -> str:
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                            check=False, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, (
        f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout[-3000:]}"
        f"\n{result.stderr[-3000:]}")
    return str(result.stdout)


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: ./dev.sh installs it (apt) where the packaging tests run"
    return path


def _build_all(out: Path, version: str) -> None:
    _run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
          "--distpath", str(out), "--workpath", str(out / "work"), str(ROOT / "build.spec")],
         timeout=1800, cwd=ROOT)
    msi = out / f"kplan-{build_msi.msi_version(version)}-x64.msi"
    _run([sys.executable, str(ROOT / "packaging" / "build_msi.py"), "--folder",
          str(out / "kplan"), "--out", str(msi)])
    _run([sys.executable, str(ROOT / "packaging" / "build_deb.py"), "--folder",
          str(out / "kplan"), "--out", str(out / f"kplan_{version}_amd64.deb")])


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Packages:
    """The packages ./dev.sh package made (KPLAN_PACKAGE_DIR), else built once for all
    the test processes (xdist workers share pytest's base folder and take turns by a lock)."""
    version = build_deb.project_version()
    given = os.environ.get("KPLAN_PACKAGE_DIR")
    if given:
        out = Path(given)
    else:
        out = tmp_path_factory.getbasetemp().parent / "kplan-packages"
        out.mkdir(exist_ok=True)
        with (out / ".lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (out / ".done").exists():
                _build_all(out, version)
                (out / ".done").touch()
    found = Packages(version, out / "kplan",
                     out / f"kplan-{build_msi.msi_version(version)}-x64.msi",
                     out / f"kplan_{version}_amd64.deb")
    for path in (found.folder / "kplan", found.msi, found.deb):
        assert path.is_file(), f"{path} was not built (./dev.sh package)"
    return found


def _size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*")) / (1024 * 1024)


# --- the folder ------------------------------------------------------------------------------


def test_folder_is_small_and_passes_its_self_test(packages: Packages, tmp_path: Path) -> None:
    size = _size_mb(packages.folder)
    assert size < MAX_FOLDER_MB, f"the build is {size:.0f} MB: more than {MAX_FOLDER_MB} MB"
    assert packages.msi.stat().st_size < size * 1024 * 1024 * 0.6  # compressed well below
    assert packages.deb.stat().st_size < size * 1024 * 1024 * 0.6

    out = _run([str(packages.folder / "kplan"), "self-test"], cwd=tmp_path, env=CLEAN_ENV,
               timeout=300)
    assert "packaged build" in out.splitlines()[0]
    assert "FAILED" not in out
    assert out.rstrip().endswith("All checks passed.")
    help_text = _run([str(packages.folder / "kplan"), "--help"], env=CLEAN_ENV, timeout=60)
    assert "self-test" in help_text


def test_every_library_of_the_folder_is_found(packages: Packages) -> None:
    """What the size cuts left out is not needed by anything that stayed."""
    internal = packages.folder / "_internal"
    env = dict(CLEAN_ENV, LD_LIBRARY_PATH=f"{internal}:{internal}/PySide6/Qt/lib")
    missing = []
    for path in [packages.folder / "kplan", *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                                env=env, check=False)
        missing += [f"{path.name}: {line.strip()}" for line in result.stdout.splitlines()
                    if "not found" in line]
    assert not missing, "\n".join(missing)


def test_build_carries_its_date_and_lithuanian_qt_only(packages: Packages) -> None:
    internal = packages.folder / "_internal"
    info = (internal / "build_info.json").read_text(encoding="utf-8")
    assert str(datetime.datetime.now(datetime.UTC).year) in info
    qms = {p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert "qt_lt.qm" in qms
    assert all(name.endswith(("_lt.qm", "_en.qm")) for name in qms), qms
    assert list(internal.glob("kplan_desktop-*.dist-info")), "no package metadata for About"


# --- the MSI ---------------------------------------------------------------------------------


def _msi_table(msi: Path, table: str) -> list[list[str]]:
    text = _run([_tool("msiinfo"), "export", str(msi), table])
    return [line.split("\t") for line in text.splitlines()[3:]]  # after the three header lines


def test_msi_tables(packages: Packages) -> None:
    msi = packages.msi
    files = _msi_table(msi, "File")
    payload = [p for p in packages.folder.rglob("*") if p.is_file() and not p.is_symlink()]
    assert len(files) == len(payload) + 2  # and the two file-type icons
    names = {row[2].split("|")[-1] for row in files}
    assert {"kplan", "kplan-workspace.ico", "kplan-bundle.ico", "build_info.json"} <= names

    properties = dict(row[:2] for row in _msi_table(msi, "Property"))
    assert properties["ProductVersion"] == build_msi.msi_version(packages.version)
    assert properties["UpgradeCode"] == UPGRADE_CODE
    assert properties["ALLUSERS"] == "1"  # per machine
    assert properties["ProductName"] == "KPlan Desktop"

    (shortcut,) = _msi_table(msi, "Shortcut")
    assert shortcut[1:3] == ["ProgramMenuFolder", "KPlan Desktop"]
    assert shortcut[4] == "[INSTALLDIR]kplan-gui.exe"  # the windowed program, no console

    registry = {(row[2], row[3]): row[4] for row in _msi_table(msi, "Registry")}
    assert registry[("Software\\Classes\\.kplan", "")] == "KPlan.Workspace"
    assert registry[("Software\\Classes\\.kplanbundle", "")] == "KPlan.Bundle"
    for prog_id, icon in (("KPlan.Workspace", "kplan-workspace.ico"),
                          ("KPlan.Bundle", "kplan-bundle.ico")):
        assert registry[(f"Software\\Classes\\{prog_id}\\DefaultIcon", "")].endswith(icon)
        assert registry[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")] == (
            '"[INSTALLDIR]kplan-gui.exe" "%1"')
    assert all(row[1] == "2" for row in _msi_table(msi, "Registry"))  # HKLM

    upgrade = _msi_table(msi, "Upgrade")
    assert {row[0] for row in upgrade} == {UPGRADE_CODE}
    assert any(row[-1] == "WIX_UPGRADE_DETECTED" for row in upgrade)
    sequence = {row[0] for row in _msi_table(msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts"} <= sequence


class Wine:
    """A throwaway Wine prefix; no menu entries or file types leak into this desktop."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEARCH="win64",
                        WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d",
                        DISPLAY="")
        self.drive_c = prefix / "drive_c"

    def run(self, *args: str, timeout: float = 600) -> str:
        return _run([_tool("wine"), *args], env=self.env, timeout=timeout)

    def settle(self) -> None:
        """Wait for wineserver to write the registry files."""
        _run([_tool("wineserver"), "-w"], env=self.env, timeout=300)

    def registry(self) -> str:
        self.settle()
        return (self.prefix / "system.reg").read_text(encoding="utf-8", errors="replace")

    def shortcuts(self) -> list[Path]:
        return [p for p in self.drive_c.rglob("KPlan Desktop.lnk") if "Start Menu" in str(p)]

    def close(self) -> None:
        subprocess.run([_tool("wineserver"), "-k"], env=self.env, check=False, timeout=60)


@pytest.fixture
def wine(tmp_path: Path) -> Iterator[Wine]:
    prefix = Wine(tmp_path / "wineprefix")
    prefix.run("wineboot", "--init")
    prefix.settle()
    yield prefix
    prefix.close()


def _display_versions(registry: str) -> set[str]:
    """The versions of KPlan's entries in Apps & features (and the Installer's own copy)."""
    blocks = registry.split("\n\n")
    return {re.search(r'"DisplayVersion"="([^"]*)"', block).group(1)  # type: ignore[union-attr]
            for block in blocks if '"DisplayName"="KPlan Desktop"' in block
            and '"DisplayVersion"' in block}


def test_msi_installs_upgrades_and_uninstalls_silently(packages: Packages, wine: Wine,
                                                        tmp_path: Path) -> None:
    version = build_msi.msi_version(packages.version)
    wine.run("msiexec", "/i", str(packages.msi), "/qn")
    app = wine.drive_c / "Program Files" / "KPlan Desktop"
    assert (app / "kplan").is_file() and (app / "_internal" / "build_info.json").is_file()
    assert (app / "icons" / "kplan-workspace.ico").is_file()
    assert wine.shortcuts(), "no Start-menu shortcut"
    registry = wine.registry()
    assert '[Software\\\\Classes\\\\.kplan]' in registry
    assert '@="\\"C:\\\\Program Files\\\\KPlan Desktop\\\\kplan-gui.exe\\" \\"%1\\""' in registry
    assert "kplan-bundle.ico" in registry
    assert _display_versions(registry) == {version}  # the uninstall entry

    # The users' data lives in their folders: an upgrade and an uninstall leave it alone.
    user_data = next(wine.drive_c.glob("users/*/AppData/Roaming")) / "kplan"
    user_data.mkdir(parents=True)
    (user_data / "planas.kplan").write_bytes(b"workspace")

    major, minor, patch = (int(n) for n in version.split("."))
    newer_version = f"{major}.{minor}.{patch + 1}"
    newer = build_msi.build_msi(packages.folder, tmp_path / "newer.msi", newer_version)
    wine.run("msiexec", "/i", str(newer), "/qn")
    assert _display_versions(wine.registry()) == {newer_version}  # the older one is gone
    assert (app / "kplan").is_file()

    wine.run("msiexec", "/x", str(newer), "/qn")
    registry = wine.registry()
    assert not app.exists()
    assert not wine.shortcuts()
    assert "kplan" not in registry.lower()
    assert (user_data / "planas.kplan").read_bytes() == b"workspace"


def _throwaway_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed code-signing certificate and its key, as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Savivaldybė (bandomasis)")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_msi_and_exe_are_signed_and_verified(packages: Packages, tmp_path: Path) -> None:
    tool = _tool("osslsigncode")
    cert, key = _throwaway_certificate(tmp_path)
    # The Linux build has no kplan.exe: a Windows program of Wine's stands in for it.
    exe = next(Path("/usr/lib").glob("*/wine/x86_64-windows/notepad.exe"), None)
    assert exe is not None, "Wine's Windows programs are missing (apt-get install wine64)"
    for unsigned, signed in ((packages.msi, tmp_path / "kplan-signed.msi"),
                             (exe, tmp_path / "kplan-signed.exe")):
        _run([tool, "sign", "-certs", str(cert), "-key", str(key), "-h", "sha256",
              "-n", "KPlan Desktop", "-i", "https://example.invalid/kplan",
              "-in", str(unsigned), "-out", str(signed)])
        out = _run([tool, "verify", "-CAfile", str(cert), "-in", str(signed)])
        assert "Signature verification: ok" in out, out
        # A changed byte breaks the signature.
        data = bytearray(signed.read_bytes())
        data[len(data) // 2] ^= 0xFF
        tampered = tmp_path / f"tampered{signed.suffix}"
        tampered.write_bytes(bytes(data))
        result = subprocess.run([tool, "verify", "-CAfile", str(cert), "-in", str(tampered)],
                                capture_output=True, text=True, check=False, timeout=120)
        assert result.returncode != 0 or "Signature verification: ok" not in result.stdout


# --- the .deb --------------------------------------------------------------------------------


def test_deb_is_lintian_clean_of_errors(packages: Packages) -> None:
    """Errors fail; the tags of a self-contained build in /opt are overridden in the package
    with their reason (packaging/linux/lintian-overrides)."""
    result = subprocess.run([_tool("lintian"), "--fail-on", "error", str(packages.deb)],
                            capture_output=True, text=True, check=False, timeout=1200)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert result.returncode == 0 and not errors, result.stdout[-4000:] + result.stderr[-2000:]


class Dpkg:
    """dpkg on a private root and database: the test machine's own packages are untouched."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "var" / "lib" / "dpkg" / "updates").mkdir(parents=True)
        (root / "var" / "lib" / "dpkg" / "info").mkdir()
        (root / "var" / "lib" / "dpkg" / "status").touch()

    def __call__(self, *args: str) -> str:
        # --force-depends: the dependencies are on the real system, checked below; the
        # caches the triggers refresh are the real system's too.
        return _run([_tool("dpkg"), f"--root={self.root}", "--force-not-root",
                     "--force-depends", "--no-triggers", "--log=/dev/null", *args])


def test_deb_installs_runs_and_removes(packages: Packages, tmp_path: Path) -> None:
    fields = _run([_tool("dpkg-deb"), "--field", str(packages.deb), "Package", "Version",
                   "Depends"])
    assert "Package: kplan" in fields and f"Version: {packages.version}" in fields
    depends = re.search(r"^Depends: (.*)$", fields, re.MULTILINE)
    assert depends is not None
    for dependency in depends.group(1).split(","):
        name = dependency.split()[0]
        status = _run([_tool("dpkg-query"), "-W", "-f", "${Status}", name])
        assert status.endswith("installed"), f"{name}: {status}"

    root = tmp_path / "root"
    dpkg = Dpkg(root)
    dpkg("-i", str(packages.deb))
    app = root / "opt" / "kplan"
    assert (app / "kplan").is_file() and os.access(app / "kplan", os.X_OK)
    assert os.readlink(root / "usr" / "bin" / "kplan") == "/opt/kplan/kplan"
    share = root / "usr" / "share"
    desktop = (share / "applications" / "kplan.desktop").read_text(encoding="utf-8")
    assert "Exec=kplan %f" in desktop and "Icon=kplan" in desktop
    assert "MimeType=application/x-kplan-workspace;application/x-kplan-bundle;" in desktop
    if shutil.which("desktop-file-validate"):
        _run(["desktop-file-validate", str(share / "applications" / "kplan.desktop")])
    mime = (share / "mime" / "packages" / "kplan.xml").read_text(encoding="utf-8")
    assert '<glob pattern="*.kplan"/>' in mime and '<glob pattern="*.kplanbundle"/>' in mime
    hicolor = share / "icons" / "hicolor"
    for icon in ("apps/kplan.svg", "mimetypes/application-x-kplan-workspace.svg",
                 "mimetypes/application-x-kplan-bundle.svg"):
        assert (hicolor / "scalable" / icon).is_file(), icon

    # The installed copy works, started the way the PATH entry starts it.
    home = tmp_path / "Žydrūnė"
    home.mkdir()
    out = _run([str(app / "kplan"), "self-test"], cwd=home, timeout=300,
               env=dict(CLEAN_ENV, HOME=str(home)))
    assert out.rstrip().endswith("All checks passed."), out

    dpkg("-r", "kplan")
    left = [p for p in root.rglob("*") if not p.is_dir() and "var/lib/dpkg" not in str(p)]
    assert not left, left
    assert not app.exists()
