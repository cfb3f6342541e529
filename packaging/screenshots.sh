#!/usr/bin/env bash
# Takes the user guide's screenshots (docs/images/*.png) from the real app under Xvfb.
# Needs xvfb-run (Debian: xvfb) and ImageMagick's `import`; builds the release binary if missing.
# The example road map is loaded into a temporary database, "today" is fixed at 15.10.2021.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=target/release/roadmap-planner
[ -x "$bin" ] || nice -n 10 cargo build --release --bin roadmap-planner
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_CACHE_HOME="$tmp"
"$bin" --db "$tmp/a.sqlite" example >/dev/null
mkdir -p docs/images

# name: extra arguments of the window
shots=(
    "measures:--screen measures"
    "calendar:--screen calendar"
    "schools:--screen schools"
    "exchange:--screen exchange"
    "help:--screen measures --window help"
    "settings:--screen measures --window settings"
    "about:--screen measures --window about"
)
for shot in "${shots[@]}"; do
    name=${shot%%:*}
    args=${shot#*:}
    echo "== $name ($args)"
    # shellcheck disable=SC2086 # the arguments are split on purpose
    xvfb-run -a -s "-screen 0 1280x800x24" sh -c \
        "$bin --db '$tmp/a.sqlite' --today 2021-10-15 $args & pid=\$!; sleep 6; import -window root '$tmp/$name.png'; kill \$pid; wait \$pid 2>/dev/null || true"
    # Full colour: an 8-bit palette loses the faint fill of text fields.
    convert "$tmp/$name.png" -strip "docs/images/$name.png"
done
ls -l docs/images
