#!/usr/bin/env bash
# Smoke test of a built app image (CI runs it; no Maven, no system JavaFX):
#   1. the launcher prints the version and runs a headless command on a temporary data folder,
#      and its start-up cache (AOT cache or AppCDS archive) is used;
#   2. the runtime carries no JavaFX module and the machine has no system JavaFX, yet the
#      workbench starts under Xvfb and JavaFX loads its natives from the image's app folder
#      (not from ~/.openjfx/cache, which must not appear in the temporary HOME).
#   usage: installer/smoke-test.sh [IMAGE_DIR]   (default target/installer/image/TrustBench)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=$(realpath "${1:-$root/target/installer/image/TrustBench}")
launcher="$image/bin/TrustBench"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }

"$launcher" --version | tee "$tmp/version.txt"
grep -q '^TrustBench ' "$tmp/version.txt" || fail "--version printed no version"
cases=$("$launcher" --data-dir "$tmp/data" --demo cases list --format json | grep -c '"caseNo"')
echo "headless command: the demo store lists $cases cases"
[ "$cases" -ge 60 ] || fail "expected at least 60 demo cases, got $cases"

# The start-up cache made for this image (build time, or the .deb's postinst) is used: classes of
# ours come from it. A stale or missing one would be ignored in silence and only cost time.
cache=$(ls "$image"/lib/app/trustbench.aot "$image"/lib/app/trustbench.jsa 2>/dev/null | head -1 || true)
if [ -n "$cache" ]; then
  cached=$(JAVA_TOOL_OPTIONS="-Xlog:class+load=info" "$launcher" --version 2>/dev/null | grep -c 'org\.trustbench\..* source: shared objects file' || true)
  echo "start-up cache $(basename "$cache"): $cached classes of ours loaded from it"
  [ "$cached" -gt 0 ] || fail "the start-up cache $cache is not used"
else
  echo "no start-up cache in the image (built with --no-cds)"
fi

if "$image/lib/runtime/bin/java" --list-modules | grep -q '^javafx'; then fail "the runtime carries JavaFX modules"; fi
if ls /usr/share/openjfx /usr/lib/jvm/*/lib/javafx* >/dev/null 2>&1; then fail "this machine has a system JavaFX; the test needs one without"; fi

if ! command -v xvfb-run >/dev/null; then
  echo "no xvfb-run: skipping the JavaFX start (apt-get install xvfb xauth)"; exit 0
fi
mkdir -p "$tmp/home"
HOME="$tmp/home" JAVA_TOOL_OPTIONS="-Djavafx.verbose=true" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$0" --data-dir "$1/data" --demo >"$1/gui.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 90); do grep -q "libglassgtk3.so" "$1/gui.log" && break; sleep 1; done
  sleep 2
  kill "$pid"; wait "$pid" || true' "$launcher" "$tmp"
grep -E '^Loaded .*\.so' "$tmp/gui.log" || true
for lib in libprism_sw.so libglass.so libglassgtk3.so libjavafx_font.so; do
  grep -q "^Loaded $image/lib/app/lib/./$lib" "$tmp/gui.log" || { cat "$tmp/gui.log" >&2; fail "$lib was not loaded from the image"; }
done
[ ! -e "$tmp/home/.openjfx" ] || fail "JavaFX extracted natives into ~/.openjfx"
echo "smoke test passed: version, headless command, JavaFX natives from $image/lib/app/lib"
