#!/usr/bin/env bash
# KPlan Desktop developer entry point. Run `./dev.sh help` for the commands.
#
# Every command first makes sure that the machine is ready: the system libraries Qt needs,
# a virtual environment in .venv and the package installed into it in editable mode.
# Each step is skipped when it is already done, so a second run is quick.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"

VENV="$REPO/.venv"
DEMO_WORKSPACE="demo.kplan"

# Shared library (as `ldconfig -p` names it) -> the Debian/Ubuntu package that provides it.
QT_SYSTEM_LIBS=(
    "libEGL.so.1            libegl1"
    "libGL.so.1             libgl1"
    "libxkbcommon.so.0      libxkbcommon0"
    "libxkbcommon-x11.so.0  libxkbcommon-x11-0"
    "libfontconfig.so.1     libfontconfig1"
    "libdbus-1.so.3         libdbus-1-3"
    "libglib-2.0.so.0       libglib2.0-0"
    "libX11-xcb.so.1        libx11-xcb1"
    "libxcb-cursor.so.0     libxcb-cursor0"
    "libxcb-icccm.so.4      libxcb-icccm4"
    "libxcb-keysyms.so.1    libxcb-keysyms1"
    "libxcb-shape.so.0      libxcb-shape0"
    "libxcb-randr.so.0      libxcb-randr0"
    "libxcb-render-util.so.0 libxcb-render-util0"
    "libxcb-image.so.0      libxcb-image0"
    "libxcb-xinerama.so.0   libxcb-xinerama0"
    "libxcb-xkb.so.1        libxcb-xkb1"
    "libwayland-cursor.so.0 libwayland-cursor0"
    "libwayland-egl.so.1    libwayland-egl1"
)

# What building and testing the installers needs (./dev.sh package, and the packaging tests
# that ./dev.sh test runs in CI): a command (or a file) -> the Debian package that provides it.
PACKAGING_TOOLS=(
    "wixl                   wixl"
    "wixl-heat              wixl"
    "msiinfo                msitools"
    "wine                   wine"
    "/usr/lib/wine/wine64   wine64"
    "osslsigncode           osslsigncode"
    "lintian                lintian"
    "dpkg-deb               dpkg"
    "desktop-file-validate  desktop-file-utils"
    "icupkg                 icu-devtools"
    "genccode               icu-devtools"
    "cc                     gcc"
    "nm                     binutils"
    "readelf                binutils"
    "strip                  binutils"
    # LibreOffice: the tests that fill and save the reports as a consultant's office would.
    "soffice                libreoffice-writer-nogui"
    "/usr/lib/libreoffice/program/scalc libreoffice-calc-nogui"
)

# --- output -------------------------------------------------------------------------------

header() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'EOF'
Usage: ./dev.sh COMMAND [ARGS...]

  app [ARGS...]     install everything needed and open the app on the demo workspace
                    (demo.kplan, created on first run; ARGS go to kplan, e.g. --lang en)
  test [ARGS...]    install everything needed, then run ruff, mypy and pytest
                    (-m "not slow", in parallel, offscreen); ARGS go to pytest, e.g. -k store
  bench [--quick]   run the performance benchmarks (benchmarks/run.py)
  build             build the installable app with PyInstaller (build.spec -> dist/kplan/)
  package           build dist/kplan/, the MSI and the .deb (see README: Building the installer)
  help              show this help

In CI (CI set, or KPLAN_PACKAGING=1) `test` also builds the packages and runs the packaging
tests (Wine, dpkg, lintian); locally they are skipped.

The first run installs the system libraries Qt needs (with apt-get, as root or through
passwordless sudo), creates .venv with Python 3.11+ and runs pip install -e '.[test]'.
Later runs skip whatever is already in place.
EOF
}

# --- apt ----------------------------------------------------------------------------------

# True when packages can be installed without asking anyone: as root, or with passwordless sudo.
can_use_apt() {
    command -v apt-get >/dev/null 2>&1 || return 1
    [[ $EUID -eq 0 ]] && return 0
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
}

as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

APT_UPDATED=no
apt_install() {
    if [[ $APT_UPDATED == no ]]; then
        note "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        APT_UPDATED=yes
    fi
    note "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

# --- system libraries -----------------------------------------------------------------------

# The packages in QT_SYSTEM_LIBS whose library the dynamic linker does not know.
missing_qt_packages() {
    local ldconfig cache entry lib pkg
    ldconfig="$(PATH="$PATH:/sbin:/usr/sbin" command -v ldconfig)" \
        || die "ldconfig was not found, so the libraries Qt needs cannot be checked."
    cache="$("$ldconfig" -p)"
    for entry in "${QT_SYSTEM_LIBS[@]}"; do
        read -r lib pkg <<<"$entry"
        # ldconfig -p lines look like: "<TAB>libEGL.so.1 (libc6,x86-64) => /lib/.../libEGL.so.1"
        grep -qF $'\t'"$lib (" <<<"$cache" || MISSING_PACKAGES+=("$pkg")
    done
}

ensure_qt_libs() {
    header "System libraries for Qt"
    MISSING_PACKAGES=()
    missing_qt_packages
    local missing=("${MISSING_PACKAGES[@]}")
    if [[ ${#missing[@]} -eq 0 ]]; then
        note "all present"
        return
    fi
    if ! can_use_apt; then
        die "Qt needs these missing system packages: ${missing[*]}." \
            "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    fi
    apt_install "${missing[@]}" || die "apt-get could not install: ${missing[*]}"
}

# pdftotext/pdftoppm let the tests read the PDF reports; the tests skip those checks without them.
ensure_poppler() {
    header "poppler-utils (optional, for PDF checks in tests)"
    if command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
        note "present"
    elif can_use_apt && apt_install poppler-utils; then
        note "installed"
    else
        warn "poppler-utils is not installed and could not be installed; continuing without it."
    fi
}

# The Debian packages of PACKAGING_TOOLS whose command or file is missing.
ensure_packaging_tools() {
    header "Tools for the installers and the office tests (wixl, msitools, Wine, lintian, osslsigncode, ICU tools, LibreOffice)"
    local entry tool pkg missing=()
    for entry in "${PACKAGING_TOOLS[@]}"; do
        read -r tool pkg <<<"$entry"
        if [[ $tool == /* ]]; then
            [[ -e $tool ]] && continue
        else
            command -v "$tool" >/dev/null 2>&1 && continue
        fi
        [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        note "all present"
        return
    fi
    if ! can_use_apt; then
        die "building the installers needs these missing system packages: ${missing[*]}." \
            "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    fi
    apt_install "${missing[@]}" || die "apt-get could not install: ${missing[*]}"
}

# True when the packaging tests run: in CI (CI set and not false) or when asked for.
packaging_wanted() {
    [[ ${KPLAN_PACKAGING:-} == 1 ]] && return 0
    case "${CI:-}" in
        "" | 0 | false | False | FALSE | no) return 1 ;;
        *) return 0 ;;
    esac
}

# --- Python -------------------------------------------------------------------------------

find_python() {
    if command -v python3.11 >/dev/null 2>&1; then
        echo python3.11
    elif command -v python3 >/dev/null 2>&1 \
        && python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        echo python3
    else
        die "Python 3.11 or newer is needed: install it with: sudo apt-get install -y python3.11"
    fi
}

ensure_venv() {
    header "Python virtual environment (.venv)"
    if [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        note "present ($("$VENV/bin/python" --version))"
        return
    fi

    local python version
    python="$(find_python)"
    version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"

    # Debian and Ubuntu ship venv's ensurepip in a separate package.
    if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        local pkg="python${version}-venv"
        can_use_apt || die "Python's venv module is missing: install it with: sudo apt-get install -y $pkg"
        apt_install "$pkg" || die "apt-get could not install $pkg"
    fi

    rm -rf "$VENV"  # a half-made .venv from an interrupted run
    note "creating .venv with $python ($version)"
    "$python" -m venv "$VENV"
}

# pip install -e '.[EXTRA]', skipped while pyproject.toml is unchanged since the last install.
ensure_package() {
    local extra="$1"
    local stamp="$VENV/.installed-$extra" hash
    header "Python packages (pip install -e '.[$extra]')"
    hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [[ -f $stamp && "$(cat "$stamp")" == "$hash" ]]; then
        note "up to date (pyproject.toml unchanged)"
        return
    fi
    note "this takes a few minutes the first time"
    "$VENV/bin/python" -m pip install --quiet -e ".[$extra]"
    echo "$hash" >"$stamp"
}

install_all() {
    ensure_qt_libs
    ensure_venv
    ensure_package test
}

# --- commands -----------------------------------------------------------------------------

cmd_app() {
    install_all
    if [[ ! -e $DEMO_WORKSPACE ]]; then
        header "Creating the demo workspace ($DEMO_WORKSPACE)"
        if ! "$VENV/bin/kplan" demo "$DEMO_WORKSPACE"; then
            rm -f "$DEMO_WORKSPACE" "$DEMO_WORKSPACE-wal" "$DEMO_WORKSPACE-shm"
            die "kplan demo failed; see the message above."
        fi
    fi
    if [[ -z ${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-} ]]; then
        warn "no DISPLAY or WAYLAND_DISPLAY is set: the window may fail to open."
    fi
    header "Opening KPlan Desktop on $DEMO_WORKSPACE"
    exec "$VENV/bin/kplan" "$DEMO_WORKSPACE" "$@"
}

cmd_test() {
    install_all
    ensure_poppler
    export QT_QPA_PLATFORM=offscreen

    local failed=()

    if packaging_wanted; then
        # Built once here; the packaging tests (tests/e2e/test_installers.py) install them.
        # A failed build fails the run, after the other checks (its tests fail too).
        build_packages || failed+=("building the packages")
        export KPLAN_PACKAGE_DIR="$REPO/dist" KPLAN_PACKAGING=1
    else
        note "The packaging tests are skipped here; CI runs them (or KPLAN_PACKAGING=1)."
    fi

    header "ruff check ."
    "$VENV/bin/ruff" check . || failed+=("ruff")

    header "mypy (strict, on kplan_desktop)"
    "$VENV/bin/mypy" || failed+=("mypy")

    header "pytest -n auto -m 'not slow'${*:+ $*}"
    local rc=0
    "$VENV/bin/python" -m pytest -n auto -m "not slow" "$@" || rc=$?
    if [[ $rc -eq 5 ]]; then
        failed+=("pytest (no tests were collected)")
    elif [[ $rc -ne 0 ]]; then
        failed+=("pytest (exit code $rc)")
    fi

    if [[ ${#failed[@]} -ne 0 ]]; then
        printf '\nFAILED: %s\n' "${failed[*]}" >&2
        exit 1
    fi
}

cmd_bench() {
    install_all
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    header "Benchmarks"
    exec "$VENV/bin/python" benchmarks/run.py "$@"
}

cmd_build() {
    ensure_qt_libs
    ensure_venv
    ensure_package build
    header "PyInstaller (build.spec -> dist/kplan/)"
    "$VENV/bin/pyinstaller" --noconfirm build.spec
    printf '\nBuilt dist/kplan/. Check it with: dist/kplan/kplan self-test\n'
}

# dist/kplan/ (PyInstaller), dist/kplan-X.Y.Z-x64.msi (wixl) and dist/kplan_X.Y.Z_amd64.deb.
# Each step is checked by hand: `build_packages || ...` would switch set -e off inside it.
build_packages() {
    ensure_package build
    ensure_packaging_tools
    local started=$SECONDS
    header "PyInstaller (build.spec -> dist/kplan/)"
    rm -rf dist/kplan
    "$VENV/bin/pyinstaller" --noconfirm --log-level WARN build.spec || return 1
    header "MSI (packaging/windows/kplan.wxs, wixl)"
    "$VENV/bin/python" packaging/build_msi.py --folder dist/kplan || return 1
    header ".deb (packaging/build_deb.py)"
    "$VENV/bin/python" packaging/build_deb.py --folder dist/kplan || return 1
    note "folder $(du -sh dist/kplan | cut -f1); packages built in $((SECONDS - started)) s"
}

cmd_package() {
    install_all
    build_packages || die "building the packages failed; see the messages above."
    printf '\nBuilt in dist/: the folder kplan/, the MSI and the .deb. Check the folder with:\n'
    printf '  dist/kplan/kplan self-test\n'
}

main() {
    local command="${1:-help}"
    if [[ $# -gt 0 ]]; then shift; fi
    case "$command" in
        app) cmd_app "$@" ;;
        test) cmd_test "$@" ;;
        bench) cmd_bench "$@" ;;
        build) cmd_build "$@" ;;
        package) cmd_package "$@" ;;
        help | -h | --help) usage ;;
        *)
            usage >&2
            printf '\nerror: unknown command: %s\n' "$command" >&2
            exit 2
            ;;
    esac
}

main "$@"
