#!/usr/bin/env bash
# Drives the real window on a 10,000-article project and prints its frame statistics.
#
# Runs the release binary under Xvfb + openbox with HASHIYA_FRAME_STATS, and for
# DURATION seconds (default 30) double-clicks words in the document view, presses the
# label keys 1/2/3, pages through documents with PageDown and saves with Ctrl+S every few
# seconds, so autosave and saves run all along. Then it sends SIGTERM (the window writes
# what is unsaved to the recovery file and its statistics, then ends; a normal close would
# stop at the unsaved-changes question) and prints the JSON, time to the first window and
# the window's resident memory.
#
# Needs: apt-get install -y xvfb openbox xdotool
# Usage: [DRIVE_ONLY=select|label|page|save] [SAVE_EVERY=N] benches/window_drive.sh [BINARY] [DURATION]
#   SAVE_EVERY  press Ctrl+S every N steps (default 8, about every 4 s; 0: never)
#   BINARY   default: $CARGO_TARGET_DIR/release/hashiya (build it with cargo build --release)
#   PROJECT  env, default: a generated 10,000-article project (store bench `generate`),
#            kept in $WORK_DIR (default /tmp/hashiya-window-drive) between runs
set -euo pipefail

target_dir=${CARGO_TARGET_DIR:-target}
binary=${1:-$target_dir/release/hashiya}
duration=${2:-30}
work=${WORK_DIR:-/tmp/hashiya-window-drive}
display=${DRIVE_DISPLAY:-:71}
mkdir -p "$work"
project=${PROJECT:-$work/big.ron}

if [[ ! -x $binary ]]; then
    echo "no binary at $binary: run cargo build --release first" >&2
    exit 1
fi
if [[ ! -f $project ]]; then
    echo "generating the 10,000-article project at $project (store bench)…" >&2
    cargo bench --bench store -- generate "$project" >&2
fi
# Start from the project as generated: no recovery to offer, no leftover lock.
cp "$project" "$work/drive.ron"
rm -f "$work/drive.ron.recovery" "$work/drive.ron.lock" "$work/drive.ron.bak"
stats=$work/stats.json
rm -f "$stats"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1

launched=$(date +%s.%N)
DISPLAY=$display HASHIYA_FRAME_STATS=$stats XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    "$binary" "$work/drive.ron" --annotator driver >"$work/app.log" 2>&1 &
app=$!
pids+=("$app")
# Polled every 20 ms (xdotool's own --sync waits in steps of half a second).
window=
until [[ -n $window ]]; do
    window=$(DISPLAY=$display xdotool search --onlyvisible --name Hashiya 2>/dev/null | head -1 || true)
    sleep 0.02
done
# The title gets the project's name once the project is open and the first frame drawn.
until DISPLAY=$display xdotool getwindowname "$window" | grep -q "bench"; do sleep 0.02; done
shown=$(date +%s.%N)

x() { DISPLAY=$display xdotool "$@"; }
x windowactivate --sync "$window" || true
# Seeded so that runs are comparable.
RANDOM=12
end=$(($(date +%s) + duration))
steps=0
# DRIVE_ONLY=select|label|page|save does only that, to tell which action costs what.
only=${DRIVE_ONLY:-}
save_every=${SAVE_EVERY:-8}
saves=0
while (($(date +%s) < end)); do
    if [[ -z $only || $only == select || $only == label ]]; then
        # A word in the document view (between the side panels, under the palette).
        x mousemove --window "$window" $((380 + RANDOM % 520)) $((180 + RANDOM % 480)) click --repeat 2 --delay 40 1
        sleep 0.15
    fi
    if [[ -z $only || $only == label ]]; then
        x key $((1 + RANDOM % 3))
        sleep 0.15
    fi
    steps=$((steps + 1))
    if [[ $only == page ]] || { [[ -z $only ]] && ((steps % 4 == 0)); }; then
        x key Next
        sleep 0.2
    fi
    if [[ $only == save ]] || { [[ -z $only ]] && ((save_every > 0 && steps % save_every == 0)); }; then
        x key ctrl+s
        saves=$((saves + 1))
        sleep 0.5
    fi
done

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
kill -TERM "$app"
wait "$app" 2>/dev/null || true

echo "steps: $steps (${only:-double-click, label key; PageDown every 4th}), $saves saves with Ctrl+S, in ${duration} s"
awk -v a="$launched" -v b="$shown" 'BEGIN { printf "first frame with the project: %.2f s after launch\n", b - a }'
echo "window memory: resident $((rss_kb / 1024)) MB at the end, peak $((hwm_kb / 1024)) MB"
if [[ -f $work/drive.ron.recovery ]]; then echo "autosave wrote $work/drive.ron.recovery"; fi
echo "HASHIYA_FRAME_STATS:"
python3 -m json.tool "$stats"
