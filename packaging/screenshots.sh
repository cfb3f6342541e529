#!/usr/bin/env bash
# Takes the screenshots of every screen (docs/screens/<set>/<screen>.png) from the real app under Xvfb:
# 1024×700, 1400×900 and 1920×1080 at 100 %, 1400×900 at 150 %, and 1400×900 in the dark theme.
# Needs xvfb-run (Debian: xvfb), xauth and ImageMagick (`import`, `convert`); without them it says so and
# exits 0. Uses the debug binary (built if missing). The example road map is loaded into a temporary
# database with a school plan and a few marks of a school and of the office; "today" is 15.03.2022.
#
#   packaging/screenshots.sh            every set
#   packaging/screenshots.sh 1024x700   one set (1024x700, 1400x900, 1920x1080, 1400x900-150, 1400x900-dark)
set -euo pipefail
cd "$(dirname "$0")/.."

# The screens: name and the window's extra arguments.
screens=(
    "measures:--screen measures --select-first"
    "calendar:--screen calendar"
    "schools-overview:--screen schools --school-tab overview"
    "schools-heatmap:--screen schools --school-tab overview --heat-map"
    "schools-dashboard:--screen schools --school-tab dashboard --select-first"
    "schools-card:--screen schools --school-tab card --select-first"
    "schools-criteria:--screen schools --school-tab criteria --select-first"
    "schools-plan:--screen schools --school-tab school-plan --select-first"
    "schools-criteria-set:--screen schools --school-tab criteria-set"
    "exchange:--screen exchange"
    "help:--screen measures --window help"
    "settings:--screen measures --window settings"
    "about:--screen measures --window about"
)

# Inside Xvfb: one set of shots. Arguments: binary, database, output folder, size, extra window arguments.
if [ "${1:-}" = "--inside-xvfb" ]; then
    bin=$2 db=$3 out=$4 size=$5 extra=$6
    for shot in "${screens[@]}"; do
        name=${shot%%:*}
        args=${shot#*:}
        # shellcheck disable=SC2086 # the arguments are split on purpose
        "$bin" --db "$db" --today 2022-03-15 --size "$size" $extra $args &
        pid=$!
        sleep "${SHOT_WAIT:-5}"
        # The pointer out of the way (bottom left, on the status bar), so no tooltip shows in the shot.
        if command -v xdotool >/dev/null; then
            xdotool mousemove 2 "$((${size#*x} - 2))" || true
            sleep 1
        fi
        import -window root "$out/$name.raw.png"
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        # Full colour: an 8-bit palette loses the faint fill of text fields.
        convert "$out/$name.raw.png" -strip "$out/$name.png"
        rm "$out/$name.raw.png"
        echo "  $out/$name.png"
    done
    exit 0
fi

for tool in xvfb-run xauth import convert; do
    if ! command -v "$tool" >/dev/null; then
        echo "screenshots: «$tool» is not installed (Debian: xvfb, xauth, imagemagick) — no screenshots taken"
        exit 0
    fi
done

bin=target/debug/roadmap-planner
nice -n 10 cargo build --bin roadmap-planner
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_CACHE_HOME="$tmp"
db="$tmp/a.sqlite"
"$bin" --db "$db" example >/dev/null
# The example's identifiers are fixed: the district plan and the school «СОШ п. Знаменский».
plan=f525211c school=1a8b21f6
"$bin" --db "$db" --today 2022-03-15 school-plan --plan "$plan" --school "$school" >/dev/null
mark() { "$bin" --db "$db" --today 2022-03-15 mark --plan "$plan" "$@" >/dev/null; }
mark --measure 2.5 --school "$school" --status done --done-on 2021-09-20 \
    --evidence "Приказ № 45 от 20.09.2021" --by "Завуч"
mark --measure 7.1 --school "$school" --status done --done-on 2021-09-28 --evidence "Протокол педсовета № 2"
mark --measure 2.1 --school "$school" --status done --done-on 2022-01-25
mark --measure 1.3 --school "$school" --status in_progress --comment "Анкеты собраны в 7 классах из 9"
mark --measure 2.2 --school 27b7ff86 --status not_done --comment "Нет учителя"
mark --measure 6.8 --school 63fec07c --status done --done-on 2021-11-29 --due 2021-11-30
mark --measure 1.1 --office --status done --done-on 2021-12-20 --evidence "Приказ УО № 312"
mark --measure 6.5 --office --status done --done-on 2021-10-30
mark --measure 1.2 --office --status in_progress

# set: screen size, window size, extra window arguments
sets=(
    "1024x700:1024x700:1024x700:"
    "1400x900:1400x900:1400x900:"
    "1920x1080:1920x1080:1920x1080:"
    "1400x900-150:1400x900:1400x900:--scale 150"
    "1400x900-dark:1400x900:1400x900:--dark"
)
for set in "${sets[@]}"; do
    IFS=: read -r name screen size extra <<<"$set"
    if [ $# -gt 0 ] && [ "$1" != "$name" ]; then
        continue
    fi
    echo "== $name"
    out=docs/screens/$name
    mkdir -p "$out"
    xvfb-run -a -s "-screen 0 ${screen}x24" "$0" --inside-xvfb "$bin" "$db" "$out" "$size" "$extra"
done
du -sh docs/screens
