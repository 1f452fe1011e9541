"""The packaged build: build.spec bundles what the program reads, and the frozen kplan works."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"
sys.path.insert(0, str(ROOT / "packaging"))

import build_deb  # noqa: E402
import build_msi  # noqa: E402
import trim_icu  # noqa: E402

pytestmark = pytest.mark.e2e


def spec_function(name: str) -> Any:
    """One function of build.spec, on its own (the rest needs PyInstaller to run)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    found = [node for node in tree.body if isinstance(node, ast.FunctionDef)
             and node.name == name]
    assert found, f"build.spec has no function {name}"
    constants = [node for node in tree.body if isinstance(node, ast.Assign)
                 and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets)
                 and isinstance(node.value, ast.Tuple | ast.Constant)]
    found = constants + found
    from collections.abc import Callable
    from fnmatch import fnmatch

    namespace: dict[str, Any] = {"Path": Path, "fnmatch": fnmatch, "Callable": Callable}
    module = ast.Module(body=found, type_ignores=[])
    exec(compile(module, str(SPEC), "exec"), namespace)
    return namespace[name]


def test_spec_bundles_every_resource_folder_and_translation() -> None:
    datas = spec_function("resource_datas")(ROOT)
    bundled = {(Path(src).resolve(), dest) for src, dest in datas}

    files = [p for p in (ROOT / "resources").rglob("*")
             if p.is_file() and not p.name.startswith(".")]
    assert files, "resources/ is empty"
    for path in files:
        # Same relative folder as in a checkout: the code looks there under sys._MEIPASS.
        assert (path.resolve(), str(path.parent.relative_to(ROOT))) in bundled, path
    for qm in (ROOT / "i18n").glob("*.qm"):
        assert (qm.resolve(), "i18n") in bundled, qm
    # The fonts the PDF embeds come with their licence.
    dests = {dest for _, dest in datas}
    assert str(Path("resources") / "fonts") in dests
    assert any(Path(src).name.upper().startswith("LICENSE") for src, _ in datas)


def test_a_new_resource_folder_is_bundled_without_editing_the_spec(tmp_path: Path) -> None:
    (tmp_path / "resources" / "demo" / "extra").mkdir(parents=True)
    (tmp_path / "resources" / "demo" / "extra" / "plan.json").write_text("{}")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "kplan_lt.qm").write_bytes(b"qm")
    (tmp_path / "i18n" / "kplan_lt.ts").write_text("<TS/>")

    datas = spec_function("resource_datas")(tmp_path)

    assert sorted((Path(src).name, dest) for src, dest in datas) == [
        ("kplan_lt.qm", "i18n"), ("plan.json", str(Path("resources/demo/extra")))]


# --- what the build leaves out -------------------------------------------------------------------


@pytest.mark.parametrize(("dest", "unused"), [
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qt_lt.qm", False),
    ("PySide6/Qt/translations/qtbase_en.qm", False),
    ("PySide6/Qt/translations/qt_help_lt.qm", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
    ("PySide6\\plugins\\imageformats\\qwebp.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", False),
    ("i18n/kplan_de.qm", False),  # KPlan's own files are never the spec's to drop
    ("resources/fonts/LiberationSans-Regular.ttf", False),
])
def test_unused_qt_files(dest: str, unused: bool) -> None:
    assert spec_function("is_unused_qt_file")(dest) is unused


def test_libraries_only_dropped_plugins_needed_are_left_out() -> None:
    links = {
        "/s/libqxcb.so": {"libQt6XcbQpa.so.6", "libxcb-cursor.so.0"},
        "/s/libQt6XcbQpa.so.6": {"libxkbcommon.so.0"},
        "/s/libxcb-cursor.so.0": {"libxcb-image.so.0"},
        "/s/_sqlite3.so": {"libsqlite3.so.0"},
        "/s/libgtk-3.so.0": {"libcairo.so.2"},  # nothing kept needs GTK any more
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/s/libxcb-cursor.so.0", "BINARY"),
        ("libxcb-image.so.0", "/s/libxcb-image.so.0", "BINARY"),
        ("libxkbcommon.so.0", "/s/libxkbcommon.so.0", "BINARY"),
        ("python3.11/lib-dynload/_sqlite3.so", "/s/_sqlite3.so", "EXTENSION"),
        ("libsqlite3.so.0", "/s/libsqlite3.so.0", "BINARY"),
        ("libgtk-3.so.0", "/s/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("pillow.libs/libwebp-1a2b.so.7", "/s/libwebp.so", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),  # the boot loader's
        ("libdbus-1.so.3", "/s/libdbus-1.so.3", "BINARY"),  # QtDBus opens it at run time
    ]
    unreachable = spec_function("unreachable_libraries")(
        binaries, lambda path: links.get(path, set()))
    assert unreachable == {"libgtk-3.so.0", "libcairo.so.2", "pillow.libs/libwebp-1a2b.so.7"}


@pytest.mark.parametrize(("item", "dropped"), [
    ("de.res", True), ("coll/de.res", True), ("coll/de_.res", True), ("zone/zh_Hant_HK.res", True),
    ("coll/lt.res", False), ("lt.res", False), ("lt_LT.res", False), ("en.res", False),
    ("en_US_POSIX.res", False), ("root.res", False), ("coll/root.res", False),
    ("res_index.res", False), ("pool.res", False), ("supplementalData.res", False),
    ("zoneinfo64.res", False), ("coll/ucadata.icu", False), ("uprops.icu", False),
    ("nfkc.nrm", False), ("brkitr/word.brk", False), ("brkitr/thaidict.dict", False),
    ("ibm-1252_P100-2000.cnv", True), ("cnvalias.icu", False), ("translit/root.res", True),
])
def test_icu_keeps_lithuanian_english_and_the_unicode_data(item: str, dropped: bool) -> None:
    assert trim_icu.is_dropped(item) is dropped


# --- the installers' recipes ---------------------------------------------------------------------


def test_msi_version_is_the_projects() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE)
    assert version is not None
    assert build_msi.project_version() == build_msi.msi_version(version.group(1))
    assert build_deb.project_version() == version.group(1)
    assert build_msi.msi_version("1.2") == "1.2.0"
    for bad in ("1.0.0rc1", "256.0.0", "1.2.3.4", "", "v1"):
        with pytest.raises(ValueError):
            build_msi.msi_version(bad)


def test_wxs_keeps_its_upgrade_code_and_per_machine_scope() -> None:
    """Changing the UpgradeCode would install a second copy beside the old one."""
    wxs = (ROOT / "packaging" / "windows" / "kplan.wxs").read_text(encoding="utf-8")
    assert 'UpgradeCode="5B0E8E63-6A0B-4F4C-9C7A-2E61D1F0C1A7"' in wxs
    assert 'InstallScope="perMachine"' in wxs and "<MajorUpgrade" in wxs
    assert 'Id="*"' in wxs  # a new ProductCode each build: every version is a major upgrade


def test_deb_layout(tmp_path: Path) -> None:
    folder = tmp_path / "kplan"
    (folder / "_internal").mkdir(parents=True)
    (folder / "kplan").write_bytes(b"\x7fELF")
    (folder / "kplan").chmod(0o700)
    (folder / "_internal" / "data.txt").write_text("x")
    root = tmp_path / "root"
    build_deb.stage(folder, root, "1.2.3")

    assert (root / "opt/kplan/kplan").stat().st_mode & 0o777 == 0o755
    assert (root / "opt/kplan/_internal/data.txt").stat().st_mode & 0o777 == 0o644
    assert (root / "usr/bin/kplan").readlink() == Path("/opt/kplan/kplan")
    control = (root / "DEBIAN/control").read_text(encoding="utf-8")
    assert "Package: kplan\nVersion: 1.2.3\n" in control and "Architecture: amd64" in control
    assert not (root / "DEBIAN/postinst").exists()  # dpkg triggers refresh the caches
    share = root / "usr/share"
    for path in ("applications/kplan.desktop", "mime/packages/kplan.xml",
                 "icons/hicolor/256x256/apps/kplan.png", "doc/kplan/copyright",
                 "doc/kplan/changelog.gz", "lintian/overrides/kplan",
                 "icons/hicolor/scalable/mimetypes/application-x-kplan-bundle.svg"):
        assert (share / path).is_file(), path


def test_windows_workflow_builds_tests_signs_and_keeps_the_msi() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-" in workflow
    for step in ("pyinstaller", "kplan.exe self-test", "wix", "signtool", "upload-artifact"):
        assert step in workflow.lower(), step


def test_readme_tells_it_how_to_build_sign_deploy_and_uninstall() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Building the installer", 1)[1].split("\n## ", 1)[0]
    for needed in ("./dev.sh package", "signtool", "msiexec /i", "/qn", "msiexec /x",
                   "has not run", "dpkg -i"):
        assert needed in section, needed
