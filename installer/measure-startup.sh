#!/usr/bin/env bash
# Start-up with and without the start-up cache (the AOT cache of a JDK 25 runtime, else the
# AppCDS archive), measured in the same run, rounds alternating.
#   usage: installer/measure-startup.sh [IMAGE_DIR] [ROUNDS]
#          (default target/installer/image/TrustBench, 5 rounds; an installed package: /opt/trustbench)
# Three start-ups: `--version`, a headless `cases list` on a prepared demo store, and (with Xvfb
# and xdotool) the workbench until its window is mapped. "off" runs the same launcher with
# JAVA_TOOL_OPTIONS=-XX:AOTMode=off (AOT cache) or -Xshare:off (AppCDS). Prints the median of
# each and the ratio off/on: only the ratio
# means anything across machines.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=$(realpath "${1:-$root/target/installer/image/TrustBench}")
rounds=${2:-5}
launcher="$image/bin/TrustBench"
# "off": -XX:AOTMode=off for an AOT cache (the JVM refuses -Xshare:off beside -XX:AOTCache), -Xshare:off for AppCDS.
if [ -s "$image/lib/app/trustbench.aot" ]; then off_option=-XX:AOTMode=off
elif [ -s "$image/lib/app/trustbench.jsa" ]; then off_option=-Xshare:off
else echo "no start-up cache (trustbench.aot or trustbench.jsa) in $image/lib/app" >&2; exit 1; fi
tmp=$(mktemp -d)
xvfb_pid=
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$launcher" --data-dir "$tmp/data" --demo cases list >/dev/null   # prepares the demo store

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
run_cli() { # MODE ARGS...: elapsed ms
  local mode=$1; shift
  local opts=""; [ "$mode" = off ] && opts="$off_option"
  local t0; t0=$(now)
  JAVA_TOOL_OPTIONS="$opts" "$launcher" "$@" >/dev/null 2>&1
  ms "$t0" "$(now)"
}
run_gui() { # MODE: ms until the window is mapped
  local mode=$1 opts="" t0 t1 pid
  [ "$mode" = off ] && opts="$off_option"
  t0=$(now)
  JAVA_TOOL_OPTIONS="$opts" "$launcher" --data-dir "$tmp/data" --demo >"$tmp/gui.log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name TrustBench >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null || [ $(( ($(now) - t0) / 1000000000 )) -ge 120 ]; then
      echo "the workbench did not show its window ($mode):" >&2; tail -5 "$tmp/gui.log" >&2; kill "$pid" 2>/dev/null; exit 1
    fi
    sleep 0.05
  done
  t1=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms "$t0" "$t1"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

gui=false
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  Xvfb :97 -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb_pid=$!
  export DISPLAY=:97; sleep 1; gui=true
fi
declare -A t
for r in $(seq 1 "$rounds"); do
  for mode in on off; do
    t[version_$mode]+=" $(run_cli $mode --version)"
    t[cli_$mode]+=" $(run_cli $mode --data-dir "$tmp/data" --demo cases list)"
    $gui && t[gui_$mode]+=" $(run_gui $mode)"
  done
  echo "round $r done"
done
echo
echo "TrustBench start-up, $rounds rounds, median ms (image: $image)"
printf '%-34s %8s %8s %8s\n' "start-up" "cache on" "off" "off/on"
for k in version cli gui; do
  [ -n "${t[${k}_on]:-}" ] || continue
  on=$(echo "${t[${k}_on]}" | median); off=$(echo "${t[${k}_off]}" | median)
  case $k in version) label="--version";; cli) label="cases list (headless)";; gui) label="workbench window mapped";; esac
  printf '%-34s %8d %8d %8s\n' "$label" "$on" "$off" "$(awk -v a="$off" -v b="$on" 'BEGIN{printf "%.2f", a/b}')"
done
