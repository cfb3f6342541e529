#!/usr/bin/env bash
# Cross-builds the Windows installer from Linux: target/dist/roadmap-planner-<version>-setup.exe.
# Tries `rustup target add x86_64-pc-windows-gnu`, Debian's gcc-mingw-w64-x86-64 (linker) and nsis (makensis).
# Where the target or the tools cannot be had it says so and exits 0: the CI workflow
# (.github/workflows/packages.yml) builds the installer on a Windows runner instead.
# Then smoke-tests `roadmap-planner.exe --help` with wine when wine is installed.
set -uo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
note() { printf 'NOTE: %s\n' "$*" >&2; }
say() { printf '== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v rustup >/dev/null 2>&1 || ! rustup target add "$target"; then
    note "the Rust target $target cannot be added here (no rustup, or its download is blocked);"
    note "the Windows installer is built by .github/workflows/packages.yml on windows-latest instead."
    exit 0
fi

if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || ! command -v makensis >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        say "installing gcc-mingw-w64-x86-64 and nsis with apt-get"
        as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q gcc-mingw-w64-x86-64 nsis
    fi
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
    note "no MinGW linker (x86_64-w64-mingw32-gcc); install gcc-mingw-w64-x86-64. Nothing built."
    exit 0
fi

say "cargo build --release --target $target"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
if ! nice -n 10 cargo build --release --locked --target "$target" --bin roadmap-planner; then
    note "the cross build failed (see above); use the CI workflow's Windows job."
    exit 0
fi
exe="target/$target/release/roadmap-planner.exe"
mkdir -p target/dist

if command -v makensis >/dev/null 2>&1; then
    version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
    say "makensis (version $version)"
    (cd packaging/windows && makensis -V2 -DVERSION="$version" -DBINARY="../../$exe" -DOUTDIR=../../target/dist installer.nsi) \
        || { echo "ОШИБКА: makensis не собрал установщик" >&2; exit 1; }
    ls -l target/dist/*setup.exe
else
    note "no makensis (Debian package nsis); the .exe is at $exe but no installer was made."
fi

wine_cmd=$(command -v wine64 || command -v wine || ls /usr/lib/wine/wine64 2>/dev/null || true)
if [ -n "$wine_cmd" ]; then
    say "smoke test: $wine_cmd roadmap-planner.exe --help"
    if ! out=$(WINEDEBUG=err+module "$wine_cmd" "$exe" --help 2>&1); then
        if grep -q "bcryptprimitives.dll" <<<"$out"; then
            # Rust's standard library needs bcryptprimitives.dll (ProcessPrng), which Wine before 9.0 lacks.
            note "this Wine is too old to run Rust programs (no bcryptprimitives.dll); not a fault of the .exe."
            exit 0
        fi
        echo "$out" >&2
        echo "ОШИБКА: roadmap-planner.exe --help не работает под wine" >&2
        exit 1
    fi
    echo "$out"
else
    note "wine is not installed: roadmap-planner.exe was not run here."
fi
