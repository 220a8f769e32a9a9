#!/usr/bin/env bash
# Training run for the AppCDS archive of an app image: records the classes a real start loads
# (-XX:DumpLoadedClassList) on a throw-away demo data folder, keeps the list as
# lib/app/trustbench.classlist and dumps the archive lib/app/trustbench.jsa from it (cds-dump.sh).
#   usage: installer/train-cds.sh IMAGE_DIR
# Two runs, both recorded: a headless command (cases list: store, migrations, demo load, rules,
# command line), then, when xvfb-run and xdotool are there, the workbench under a virtual display
# up to signing in as the demo officer (JavaFX, views), stopped with SIGTERM.
set -euo pipefail
image=$1
app="$image/lib/app"
launcher="$image/bin/TrustBench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"

echo "CDS training: headless command line"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/cli.classlist" \
  "$launcher" --data-dir "$data" --demo cases list >/dev/null 2>"$work/cli.log" \
  || { cat "$work/cli.log" >&2; exit 1; }

if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null && [ "${TB_TRAIN_HEADLESS:-}" != 1 ]; then
  echo "CDS training: the workbench under Xvfb"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/gui.classlist" \
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
    "$0" --data-dir "$1" --demo >"$1/../gui.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do xdotool search --name TrustBench >/dev/null 2>&1 && break; sleep 1; done
    sleep "${TB_TRAIN_SECONDS:-12}"
    xdotool type --delay 20 officer1; xdotool key Tab; xdotool type --delay 20 demo-officer-1; xdotool key Return
    sleep 8
    kill -TERM "$pid"
    wait "$pid" || true' "$launcher" "$data"
fi
cat "$work"/*.classlist | awk '!seen[$0]++' > "$app/trustbench.classlist"
echo "class list: $(wc -l < "$app/trustbench.classlist") classes"
"$app/cds-dump.sh" || echo "CDS archive not written" >&2
