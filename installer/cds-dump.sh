#!/bin/sh
# Writes the AppCDS archive (lib/app/trustbench.jsa) of an installed or built TrustBench image
# from the class list of the build's training run (lib/app/trustbench.classlist). The launcher
# passes -XX:SharedArchiveFile=$APPDIR/trustbench.jsa; an archive must be dumped with the same
# runtime and the same jar paths it is used with, so the .deb runs this in its postinst.
set -e
app=$(cd "$(dirname "$0")" && pwd)
image=$(cd "$app/../.." && pwd)
rm -f "$app/trustbench.jsa"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/trustbench.classlist -XX:SharedArchiveFile=$app/trustbench.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$image/bin/TrustBench" --version >/dev/null 2>&1 || true
[ -s "$app/trustbench.jsa" ]
