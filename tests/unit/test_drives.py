"""Network drives, UNC paths and OneDrive folders are told from local ones, with Windows paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from kplan_desktop.core.drives import (
    DriveType,
    Risk,
    check_place,
    default_workspace_dir,
    mount_type,
    risky_place,
)

USER = "C:\\Users\\Žydrūnė Šalčiūtė"
ONEDRIVE_ENV = {
    "OneDrive": f"{USER}\\OneDrive - Kauno miesto savivaldybė",
    "OneDriveCommercial": f"{USER}\\OneDrive - Kauno miesto savivaldybė",
    "OneDriveConsumer": f"{USER}\\OneDrive",
    "LOCALAPPDATA": f"{USER}\\AppData\\Local",
    "USERPROFILE": USER,
}
#: Over Windows' old 260-character limit, as the \\?\ prefix lets a path be.
LONG_TAIL = "\\".join(["Strateginis plėtros planas ąčęėįšųūž"] * 8) + "\\planas.kplan"


@pytest.mark.parametrize("path", [
    "\\\\savivaldybe.lt\\bendri\\Planavimas\\planas.kplan",
    "//fs01/vartotojai$/zydrune/planas.kplan",
    "\\\\?\\UNC\\fs01\\vartotojai\\Žydrūnė\\" + LONG_TAIL,
    "\\\\192.168.1.20\\dokumentai\\planas.kplan",
])
def test_unc_paths_are_network(path: str) -> None:
    place = risky_place(path, DriveType.UNKNOWN, {})
    assert place is not None and place.risk is Risk.UNC
    assert place.where.startswith("\\\\")


def test_a_mapped_drive_is_network_by_its_drive_type() -> None:
    place = risky_place("H:\\Dokumentai\\planas.kplan", DriveType.REMOTE, {})
    assert place is not None and place.risk is Risk.NETWORK_DRIVE
    assert place.where == "H:"
    # The same letter on a local disk, a USB stick or a RAM disk is local.
    for local in (DriveType.FIXED, DriveType.REMOVABLE, DriveType.RAMDISK, None):
        assert risky_place("H:\\Dokumentai\\planas.kplan", local, {}) is None


@pytest.mark.parametrize("path", [
    f"{USER}\\OneDrive - Kauno miesto savivaldybė\\Dokumentai\\planas.kplan",
    f"{USER.upper()}\\ONEDRIVE - KAUNO MIESTO SAVIVALDYBĖ\\planas.kplan",  # case-blind
    f"{USER}\\OneDrive\\Documents\\planas.kplan",
])
def test_onedrive_folders_from_the_environment(path: str) -> None:
    place = risky_place(path, DriveType.FIXED, ONEDRIVE_ENV)
    assert place is not None and place.risk is Risk.SYNCED


def test_onedrive_folder_is_recognised_by_name_without_the_variables() -> None:
    path = "D:\\OneDrive - Savivaldybė\\Darbo grupės\\planas.kplan"
    place = risky_place(path, DriveType.FIXED, {})
    assert place is not None and place.risk is Risk.SYNCED
    assert place.where == "D:\\OneDrive - Savivaldybė"


@pytest.mark.parametrize("path", [
    f"{USER}\\Documents\\KPlan\\planas.kplan",
    f"{USER}\\AppData\\Local\\KPlan\\Workspaces\\planas.kplan",
    f"{USER}\\Documents\\OneDrive-ataskaitos\\planas.kplan",  # only a similar name
    f"{USER}\\Documents\\planas OneDrive.kplan",  # the file's own name does not count
    "\\\\?\\C:\\Users\\Žydrūnė\\" + LONG_TAIL,  # a long local path
    "C:\\" + LONG_TAIL,
])
def test_local_folders_are_fine(path: str) -> None:
    assert len(LONG_TAIL) > 260
    assert risky_place(path, DriveType.FIXED, ONEDRIVE_ENV) is None


def test_posix_paths() -> None:
    env = {"OneDrive": "/home/zydrune/OneDrive"}
    assert risky_place("/home/zydrune/planai/p.kplan", DriveType.FIXED, env,
                       windows=False) is None
    synced = risky_place("/home/zydrune/OneDrive/p.kplan", DriveType.FIXED, env, windows=False)
    assert synced is not None and synced.risk is Risk.SYNCED
    share = risky_place("/mnt/bendri/p.kplan", DriveType.REMOTE, {}, windows=False)
    assert share is not None and share.risk is Risk.NETWORK_DRIVE
    # A backslash path read as POSIX is one odd file name, never a share.
    assert risky_place("\\\\server\\share\\p.kplan", None, {}, windows=False) is None


def test_default_folder_is_documents_when_local_else_local_app_data() -> None:
    documents = f"{USER}\\Documents"
    assert default_workspace_dir(ONEDRIVE_ENV, documents, None) == f"{documents}\\KPlan"

    redirected = "\\\\fs01\\redirected$\\zydrune\\Documents"
    place = risky_place(redirected, DriveType.UNKNOWN, ONEDRIVE_ENV)
    local = default_workspace_dir(ONEDRIVE_ENV, redirected, place)
    assert local == f"{USER}\\AppData\\Local\\KPlan\\Workspaces"
    assert risky_place(local + "\\planas.kplan", DriveType.FIXED, ONEDRIVE_ENV) is None

    in_onedrive = f"{USER}\\OneDrive\\Documents"
    place = risky_place(in_onedrive, DriveType.FIXED, ONEDRIVE_ENV)
    assert default_workspace_dir(ONEDRIVE_ENV, in_onedrive, place).endswith(
        "AppData\\Local\\KPlan\\Workspaces")
    # No LOCALAPPDATA in the environment: the profile's AppData\Local.
    assert default_workspace_dir({"USERPROFILE": USER}, "", None) == (
        f"{USER}\\AppData\\Local\\KPlan\\Workspaces")


def test_default_folder_elsewhere() -> None:
    assert default_workspace_dir({"HOME": "/home/z"}, "/home/z/Documents", None,
                                 windows=False) == "/home/z/Documents/KPlan"
    assert default_workspace_dir({"HOME": "/home/z"}, "", None, windows=False) == (
        "/home/z/.local/share/kplan/workspaces")


def test_mount_type_takes_the_longest_mount_point() -> None:
    mounts = [("/", "ext4"), ("/mnt/bendri", "cifs"), ("/mnt/bendri/vietinis", "ext4"),
              ("/mnt/bendri2", "nfs4")]
    assert mount_type(Path("/home/z/p.kplan"), mounts) == "ext4"
    assert mount_type(Path("/mnt/bendri/p.kplan"), mounts) == "cifs"
    assert mount_type(Path("/mnt/bendri/vietinis/p.kplan"), mounts) == "ext4"
    assert mount_type(Path("/mnt/bendri2/p.kplan"), mounts) == "nfs4"
    assert mount_type(Path("/x"), []) is None


def test_this_test_folder_is_local(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "Žydrūnė" / ("ą" * 120) / ("ž" * 120)
    folder.mkdir(parents=True)
    assert check_place(folder / "planas.kplan") is None


def test_a_plan_in_a_long_lithuanian_path_works_end_to_end(tmp_path: Path) -> None:
    """C:\\Users\\Žydrūnė\\... deep in folders: past Windows' old 260 characters, with every
    Lithuanian letter; the code that handles paths takes it (store, bundle, report)."""
    from kplan_desktop.documents.report import ReportOptions, export_report
    from kplan_desktop.store import actions, queries
    from kplan_desktop.store.workspace import Workspace
    from kplan_desktop.sync import bundle
    from kplan_desktop.sync.export import export_bundle
    from kplan_desktop.sync.keys import KeyStore
    from tests.helpers import make_plan

    folder = tmp_path / "Users" / "Žydrūnė Šalčiūtė" / "Dokumentai"
    for part in ("Strateginis plėtros planas ąčęėįšųūž", "Darbo grupės", "Aplinkos grupė",
                 "Pastabos ir atsakymai", "Savivaldybės administracijos skyrių išvados"):
        folder = folder / part
    folder.mkdir(parents=True)
    path = folder / "Kauno strateginis plėtros planas 2030 – galutinis variantas.kplan"
    assert len(str(path)) > 260
    assert check_place(path) is None

    with make_plan(path) as ws:
        section = actions.add_section(ws, parent_id=None, kind="text", code="1",
                                      title="Žalias miestas", body="Ąžuolai ir šaligatviai.")
        remark = actions.add_remark(ws, section_id=section, remark_type="general",
                                    text="Trūksta dviračių takų į Šilainius.")
        export_bundle(ws, folder / "paketas ąčęėįšųūž.kplanbundle", keystore=KeyStore(),
                      full=True)
    with Workspace.open(path, readonly=True) as ws:
        assert (queries.remark(ws, remark) or {})["text"] == "Trūksta dviračių takų į Šilainius."
        assert export_report(ws, folder / "suvestinė.pdf", "pdf", ReportOptions(lang="lt")) == 1
    assert bundle.read_file(folder / "paketas ąčęėįšųūž.kplanbundle").feeds
    assert (folder / "suvestinė.pdf").read_bytes().startswith(b"%PDF-")
