"""Make a small libicudata for the Linux build: ICU's data for Lithuanian and English only.

Qt links ICU, whose data library (libicudata.so.73 in the PySide6 wheel) is 31 MB: locale
data for some 800 locales, 200 legacy code pages and the Thai/CJK word dictionaries. KPlan
speaks Lithuanian and English and reads and writes UTF-8, so the build carries a library with
the root, ``lt*`` and ``en``/``en_US*`` locales and everything that is not locale data
(Unicode properties, normalisation, break rules, time zones) — about a tenth of the size.

Used by build.spec on Linux (Windows Qt uses the ICU of Windows itself). Needs ``nm``,
``readelf``, ``icupkg``, ``genccode`` (Debian: binutils, icu-devtools) and ``cc``; the build
keeps the full library, with a warning, when one is missing.

    python packaging/trim_icu.py LIBICUDATA OUTPUT_FOLDER
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Locales kept in every data tree (coll/, zone/, curr/...): the fallback root, Lithuanian and
#: English (the languages of the program), and POSIX/US English that C-locale processes ask for.
KEPT_LOCALES = frozenset({"root", "lt", "lt_LT", "en", "en_US", "en_US_POSIX", "en_001"})
#: Shaped like a locale name but the index of the locales each tree has.
NOT_LOCALES = frozenset({"res_index"})
#: Names of the form of a locale (language[_Script][_REGION][_variant]).
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
#: Not needed by a program that writes Lithuanian and English in UTF-8: legacy code pages and
#: transliteration. (The word dictionaries of Thai and CJK stay: the root break rules name them.)
DROPPED_SUFFIXES = (".cnv",)
DROPPED_TREES = ("translit/",)
TOOLS = ("nm", "readelf", "icupkg", "genccode", "cc")


def is_dropped(item: str) -> bool:
    """True for an item of ICU's data (as ``icupkg -l`` names it) KPlan never reads."""
    if item.endswith(DROPPED_SUFFIXES) or item.startswith(DROPPED_TREES):
        return True
    name = item.rsplit("/", 1)[-1]
    if not name.endswith(".res"):
        return False
    stem = name[:-len(".res")]
    return (bool(LOCALE_NAME.match(stem)) and stem not in KEPT_LOCALES
            and stem not in NOT_LOCALES)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _data_symbol(library: Path) -> tuple[str, bytes]:
    """The name and bytes of the icudtNN_dat symbol that holds ICU's packed data."""
    for line in _run("nm", "-D", "-S", str(library)).splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            address, size, name = int(fields[0], 16), int(fields[1], 16), fields[3]
            break
    else:
        raise ValueError(f"{library} has no icudtNN_dat symbol")
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        # [Nr] Name Type Address Off Size ...
        match = re.search(r"\]\s+\S+\s+\S+\s+([0-9a-f]{8,})\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match:
            start, offset, length = (int(g, 16) for g in match.groups())
            if start <= address < start + length:
                with library.open("rb") as file:
                    file.seek(offset + address - start)
                    return name, file.read(size)
    raise ValueError(f"no section of {library} holds {name}")


def trim(library: Path, out_dir: Path) -> Path:
    """Write the trimmed copy of ``library`` (same file name and soname) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    symbol, data = _data_symbol(library)
    entry = symbol.removesuffix("_dat")  # icudt73
    full = out_dir / f"{entry}l.dat"
    full.write_bytes(data)
    items = _run("icupkg", "-l", str(full)).split()
    dropped = [item for item in items if is_dropped(item)]
    listing = out_dir / "dropped.txt"
    listing.write_text("\n".join(dropped) + "\n", encoding="utf-8")
    source_dir = out_dir / "small"  # genccode names the symbol after the file: icudt73l.dat
    source_dir.mkdir(exist_ok=True)
    small = source_dir / full.name
    _run("icupkg", "-r", str(listing), str(full), str(small))
    # As assembly (.incbin-like data directives): a C array of megabytes takes cc a minute.
    _run("genccode", "-a", "gcc", "-e", entry, "-d", str(source_dir), str(small))
    (source,) = source_dir.glob("*.S")
    output = out_dir / library.name
    _run("cc", "-shared", "-fPIC", f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack",
         "-o", str(output), str(source))
    full.unlink()
    return output


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    output = trim(Path(argv[0]), Path(argv[1]))
    print(f"{output} ({output.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
