#!/usr/bin/env bash
# Training run for the start-up cache of an app image, on a throw-away demo data folder; the
# cache itself is then made from its record by cds-dump.sh (at build time for the image, in the
# postinst for the .deb).
#   usage: installer/train-cds.sh IMAGE_DIR
# - Runtime JDK 25 or later (ADR 0010): records an AOT configuration
#   (-XX:AOTMode=record, lib/app/trustbench.aotconf) of one run: the workbench under Xvfb on a
#   demo store made before (an everyday start) up to signing in as the demo officer, stopped with
#   SIGTERM (the JVM writes the record at its exit), or, without xvfb-run and xdotool, a headless
#   command (cases list). The cfg must not name an AOT cache yet (build.sh adds it after this).
# - Older runtime (ADR 0008): records the classes loaded (-XX:DumpLoadedClassList) by both the
#   headless command and the workbench run, merged into lib/app/trustbench.classlist.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=installer/common.sh
. "$here/common.sh"
image=$1
app="$image/lib/app"
launcher="$image/bin/TrustBench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
gui=false
if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null && [ "${TB_TRAIN_HEADLESS:-}" != 1 ]; then gui=true; fi

train_cli() { # JAVA_TOOL_OPTIONS
  echo "start-up training: headless command line"
  JAVA_TOOL_OPTIONS="$1" "$launcher" --data-dir "$data" --demo cases list >/dev/null 2>"$work/cli.log" \
    || { cat "$work/cli.log" >&2; exit 1; }
}
train_gui() { # JAVA_TOOL_OPTIONS
  echo "start-up training: the workbench under Xvfb"
  JAVA_TOOL_OPTIONS="$1" xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
    "$0" --data-dir "$1" --demo >"$1/../gui.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do xdotool search --name TrustBench >/dev/null 2>&1 && break; sleep 1; done
    sleep "${TB_TRAIN_SECONDS:-12}"
    xdotool type --delay 20 officer1; xdotool key Tab; xdotool type --delay 20 demo-officer-1; xdotool key Return
    sleep 8
    kill -TERM "$pid"
    wait "$pid" || true' "$launcher" "$data"
}

if [ "$(tb_java_feature "$image/lib/runtime")" -ge 25 ]; then
  rm -f "$app/trustbench.aotconf" "$app/trustbench.classlist"
  record="-XX:AOTMode=record -XX:AOTConfiguration=$app/trustbench.aotconf -Xlog:aot=off -Xlog:cds=off"
  if $gui; then
    train_cli "-Xlog:disable" # prepares the demo store, so that the record is of an everyday start
    train_gui "$record"
  else
    train_cli "$record"
  fi
  [ -s "$app/trustbench.aotconf" ] || { echo "no AOT configuration recorded" >&2; exit 1; }
  echo "AOT configuration: $(du -h "$app/trustbench.aotconf" | cut -f1)"
else
  rm -f "$app/trustbench.aotconf"
  train_cli "-XX:DumpLoadedClassList=$work/cli.classlist"
  $gui && train_gui "-XX:DumpLoadedClassList=$work/gui.classlist"
  cat "$work"/*.classlist | awk '!seen[$0]++' > "$app/trustbench.classlist"
  echo "class list: $(wc -l < "$app/trustbench.classlist") classes"
fi
