#!/bin/sh
# Makes the start-up cache of an installed or built TrustBench image from the record of the
# build's training run (train-cds.sh). A cache must be made with the same runtime and jars it is
# used with (the .deb runs this in its postinst); a missing or stale one only costs start-up time.
# - lib/app/trustbench.aotconf (runtime JDK 25+, ADR 0010): the AOT cache lib/app/trustbench.aot,
#   which the launcher's cfg names with -XX:AOTCache.
# - lib/app/trustbench.classlist (ADR 0008): the AppCDS archive lib/app/trustbench.jsa, named with
#   -XX:SharedArchiveFile.
set -e
app=$(cd "$(dirname "$0")" && pwd)
image=$(cd "$app/../.." && pwd)
if [ -f "$app/trustbench.aotconf" ]; then
  rm -f "$app/trustbench.aot"
  # The jars' time as recorded (build.sh): copying them, as jpackage's .deb does, changed it.
  [ -f "$app/trustbench.jartime" ] && find "$app" -name '*.jar' -exec touch -d "@$(cat "$app/trustbench.jartime")" {} +
  JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$app/trustbench.aotconf -XX:AOTCache=$app/trustbench.aot -Xlog:aot=off -Xlog:cds=off" \
    "$image/bin/TrustBench" --version >/dev/null 2>&1 || true
  [ -s "$app/trustbench.aot" ]
else
  rm -f "$app/trustbench.jsa"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/trustbench.classlist -XX:SharedArchiveFile=$app/trustbench.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$image/bin/TrustBench" --version >/dev/null 2>&1 || true
  [ -s "$app/trustbench.jsa" ]
fi
