#!/usr/bin/env bash
# Builds the Linux packages into target/dist/: a .deb (Debian, Astra Linux) and an .rpm (RED OS, ALT).
# Installs its own tools when missing: dpkg-dev (dpkg-shlibdeps, for the .deb's $auto dependencies) with
# apt-get where apt exists, and cargo-deb + cargo-generate-rpm with `cargo install --locked`.
# Usage: packaging/build-linux.sh        (run from anywhere; builds release, niced)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '== %s\n' "$*"; }
need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v cargo >/dev/null 2>&1; then
    echo "ОШИБКА: нет cargo — установите Rust 1.95+ (https://rustup.rs) и повторите." >&2
    exit 1
fi

if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        say "installing dpkg-dev (dpkg-shlibdeps) with apt-get"
        need_root apt-get update -q
        need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q dpkg-dev
    else
        echo "note: no dpkg-shlibdeps and no apt-get; the .deb lists only its explicit dependencies" >&2
    fi
fi

for tool in cargo-deb cargo-generate-rpm; do
    if ! cargo "${tool#cargo-}" --version >/dev/null 2>&1; then
        say "installing $tool (cargo install --locked)"
        nice -n 10 cargo install --locked "$tool"
    fi
done

say "cargo build --release"
nice -n 10 cargo build --release --locked --bin roadmap-planner
strip target/release/roadmap-planner 2>/dev/null || true

dist=target/dist
mkdir -p "$dist"

say "cargo deb"
# --no-build: the binary above is used as is; the package lands in target/dist.
cargo deb --no-build --no-strip --output "$dist/"

say "cargo generate-rpm"
cargo generate-rpm --output "$dist/"

say "packages in $dist"
ls -l "$dist"/*.deb "$dist"/*.rpm

deb=$(ls -t "$dist"/*.deb | head -n1)
say "contents of $(basename "$deb")"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb" | awk '{print $6}'
for path in ./usr/bin/roadmap-planner ./usr/share/applications/roadmap-planner.desktop \
    ./usr/share/icons/hicolor/256x256/apps/roadmap-planner.png \
    ./usr/share/icons/hicolor/scalable/apps/roadmap-planner.svg ./usr/share/doc/roadmap-planner/LICENSE; do
    if ! dpkg-deb --contents "$deb" | awk '{print $6}' | grep -qx "$path"; then
        echo "ОШИБКА: в пакете $deb нет $path" >&2
        exit 1
    fi
done
say "done: $(ls "$dist")"
