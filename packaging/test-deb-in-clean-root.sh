#!/usr/bin/env bash
# Installs the built .deb into a clean Debian root and runs the program there, failing loudly otherwise.
#
# Makes the root with `debootstrap --variant=minbase bookworm` from Debian's mirror (installs debootstrap with
# apt-get when missing), copies the newest target/dist/*.deb in, installs it with apt so its dependencies
# resolve, then runs `roadmap-planner --help` and `roadmap-planner --db /tmp/t.sqlite example` inside (chroot).
# Needs root (chroot, mounts). Usage: packaging/test-deb-in-clean-root.sh [ROOT_DIR]   (default target/clean-root)
# Env: DEBIAN_MIRROR (default http://deb.debian.org/debian), KEEP_ROOT=1 to keep the root afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "ОШИБКА: $*" >&2; exit 1; }
say() { printf '== %s\n' "$*"; }

[ "$(id -u)" -eq 0 ] || fail "нужны права root (debootstrap, chroot): запустите через sudo"
deb=$(ls -t target/dist/*.deb 2>/dev/null | head -n1 || true)
[ -n "$deb" ] || fail "нет пакета target/dist/*.deb — сначала запустите packaging/build-linux.sh"

mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=${1:-target/clean-root}
root=$(realpath -m "$root")

if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap with apt-get"
    apt-get update -q || fail "apt-get update не смог обратиться к зеркалу пакетов"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap || fail "не удалось установить debootstrap"
fi

cleanup() {
    for m in proc sys dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
    if [ "${KEEP_ROOT:-0}" != 1 ]; then rm -rf "$root"; fi
}
trap cleanup EXIT

if [ ! -x "$root/usr/bin/apt-get" ]; then
    say "debootstrap --variant=minbase bookworm $root $mirror"
    rm -rf "$root"
    if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1; then
        tail -n 20 "$root.debootstrap.log" >&2 || true
        fail "debootstrap не смог создать чистый корень Debian из зеркала $mirror (см. $root.debootstrap.log): зеркало недоступно или отказало"
    fi
fi

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys" 2>/dev/null || true
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

say "installing $(basename "$deb") in the clean root with apt"
cp "$deb" "$root/tmp/roadmap-planner.deb"
chroot "$root" apt-get update -q || fail "apt-get update внутри чистого корня не смог обратиться к зеркалу"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/roadmap-planner.deb \
    || fail "apt-get не смог установить пакет в чистый корень (зависимости не разрешились?)"

say "roadmap-planner --help (in the clean root)"
chroot "$root" roadmap-planner --help || fail "roadmap-planner --help завершилась с ошибкой"
chroot "$root" sh -c 'roadmap-planner --help | grep -q "Использование"' || fail "справка не содержит «Использование»"

say "roadmap-planner --db /tmp/t.sqlite example (in the clean root)"
chroot "$root" env HOME=/root roadmap-planner --db /tmp/t.sqlite example || fail "roadmap-planner example завершилась с ошибкой"
chroot "$root" env HOME=/root roadmap-planner --db /tmp/t.sqlite list | tee /dev/stderr | grep -q "Ивантеев" \
    || fail "после example в базе нет плана Ивантеевского района"

say "installed files"
chroot "$root" dpkg -L roadmap-planner
chroot "$root" test -f /usr/share/icons/hicolor/scalable/apps/roadmap-planner.svg || fail "нет значка SVG"
chroot "$root" test -f /usr/share/applications/roadmap-planner.desktop || fail "нет файла .desktop"
say "PASS: the .deb installs into a clean Debian bookworm root and runs"
