#!/usr/bin/env bash
# Runs the cross-built Windows program under Wine: the CLI (example, export json|docx|xlsx, import of the
# exported file and of the fixture .docx) with Russian text checked in every result, then — where Xvfb is
# present — the window, for a screenshot (target/wine-test/window.png).
#
# Debian 12's Wine 8 lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard library needs before
# `main`; the script builds a stand-in DLL with MinGW (packaging/windows/prng-shim/) and puts it beside the
# .exe in the test folder only. The debug profile is used (the release build is the CI's job).
#
# Where a tool cannot be had (rustup target, MinGW, Wine) the script says which and exits 0; a failed check of
# the program itself exits 1. Everything it makes stays under target/wine-test/.
set -uo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
work=target/wine-test
note() { printf 'NOTE: %s\n' "$*" >&2; }
say() { printf '== %s\n' "$*"; }
fail() { printf 'ОШИБКА: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

need_apt=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need_apt+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null 2>&1 || command -v wine64 >/dev/null 2>&1 || need_apt+=(wine wine64)
if [ ${#need_apt[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "apt-get install ${need_apt[*]}"
    as_root apt-get update -q >/dev/null 2>&1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null 2>&1 \
        || note "apt-get could not install ${need_apt[*]}"
fi
if ! command -v rustup >/dev/null 2>&1 || ! rustup target add "$target" >/dev/null 2>&1; then
    note "the Rust target $target cannot be added here; the .exe was not tried. SKIPPED."
    exit 0
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
    note "no MinGW (gcc-mingw-w64-x86-64): the .exe cannot be linked here. SKIPPED."
    exit 0
fi
wine_cmd=$(command -v wine || command -v wine64 || true)
if [ -z "$wine_cmd" ]; then
    note "no Wine: the .exe cannot be run here. SKIPPED."
    exit 0
fi

say "cargo build --target $target (debug)"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
nice -n 19 cargo build --locked --target "$target" --bin roadmap-planner || fail "the cross build failed"
mkdir -p "$work"
rm -f "$work"/*.sqlite "$work"/*.json "$work"/*.docx "$work"/*.xlsx
cp "target/$target/debug/roadmap-planner.exe" "$work/"
cp tests/fixtures/roadmap-001.docx "$work/fixture.docx"

say "the ProcessPrng stand-in (bcryptprimitives.dll)"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
    packaging/windows/prng-shim/process_prng.c packaging/windows/prng-shim/bcryptprimitives.def -ladvapi32 \
    || fail "MinGW could not build the stand-in DLL"

export WINEPREFIX="$PWD/$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
unset DISPLAY
say "wineboot (prefix $WINEPREFIX)"
wineboot -i >/dev/null 2>&1 || true

cd "$work"
exe() { "$wine_cmd" roadmap-planner.exe "$@" 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }
# Checks that a command succeeded and its output holds a Russian word as written.
check() {
    local what=$1 word=$2 out=$3 rc=$4
    if [ "$rc" -ne 0 ]; then printf '%s\n' "$out" >&2; fail "$what: exit code $rc"; fi
    grep -q -- "$word" <<<"$out" || { printf '%s\n' "$out" >&2; fail "$what: «$word» not found (Russian text damaged?)"; }
    say "ok: $what"
}

out=$(exe --help); check "--help" "Дорожные карты\|дорожн" "$out" $?
out=$(exe --db a.sqlite example); rc=$?
out+=$(exe --db a.sqlite list); check "example + list" "Ивантеевск" "$out" $((rc | $?))
out=$(exe --db a.sqlite export --format json -o plan.json); check "export json" "" "$out" $?
grep -q "Ивантеевск" plan.json || fail "plan.json lacks the Russian title"
out=$(exe --db a.sqlite export --format docx -o plan.docx); check "export docx" "" "$out" $?
out=$(exe --db a.sqlite export --format xlsx -o plan.xlsx); check "export xlsx" "" "$out" $?
if command -v unzip >/dev/null 2>&1; then
    unzip -p plan.docx word/document.xml | grep -q "Ивантеевск" || fail "plan.docx lacks the Russian title"
    unzip -p plan.xlsx xl/sharedStrings.xml | grep -q "Ивантеевск" || fail "plan.xlsx lacks the Russian title"
    say "ok: Russian text inside plan.docx and plan.xlsx"
else
    note "no unzip: the insides of plan.docx/plan.xlsx were not read"
fi
out=$(exe --db b.sqlite import plan.json); rc=$?
out+=$(exe --db b.sqlite list); check "import of the exported json" "Ивантеевск" "$out" $((rc | $?))
out=$(exe --db c.sqlite import plan.docx); rc=$?
out+=$(exe --db c.sqlite list); check "import of the exported docx" "Ивантеевск" "$out" $((rc | $?))
out=$(exe --db d.sqlite import fixture.docx); rc=$?
out+=$(exe --db d.sqlite list); check "import of tests/fixtures/roadmap-001.docx" "Ивантеевск" "$out" $((rc | $?))
say "PASS: the Windows CLI works under $("$wine_cmd" --version 2>/dev/null)"

if command -v Xvfb >/dev/null 2>&1 && command -v import >/dev/null 2>&1; then
    say "the window under Wine + Xvfb"
    Xvfb :87 -screen 0 1400x900x24 >/dev/null 2>&1 &
    xvfb=$!
    sleep 2
    # wgpu's Direct3D 12 path stops in Wine's vkd3d without a Vulkan driver; OpenGL (WGL → Mesa) draws.
    DISPLAY=:87 WGPU_BACKEND=gl "$wine_cmd" roadmap-planner.exe --db a.sqlite --today 2021-10-15 >window.log 2>&1 &
    app=$!
    sleep 25
    DISPLAY=:87 import -window root window.png 2>/dev/null
    kill "$app" 2>/dev/null
    DISPLAY=:87 wineserver -k 2>/dev/null || true
    kill "$xvfb" 2>/dev/null
    wait 2>/dev/null
    if [ -s window.png ]; then
        say "screenshot: $work/window.png (look at it: a black or empty picture means no graphics under Wine)"
    else
        note "no screenshot could be taken (see $work/window.log)"
    fi
else
    note "no Xvfb/ImageMagick: the window was not opened under Wine"
fi
exit 0
