#!/usr/bin/env bash
# Builds the TrustBench native packages from target/trustbench.jar and target/lib (./mvnw package):
#   1. a trimmed Java runtime (jlink: only the modules the app needs, no debug symbols, headers or
#      man pages; left uncompressed because the .deb's xz packs it to half the size of
#      --compress=2, see docs/adr "packaging"; TB_JLINK_COMPRESS=2 builds the compressed one),
#   2. a self-contained app image (jpackage) whose app folder holds the jars and the JavaFX natives
#      taken out of javafx-graphics-*-linux.jar (so nothing is extracted into the user's home),
#   3. an AppCDS archive from a scripted training run of that image (train-cds.sh),
#   4. with --deb, a Debian package built from that image; it carries the training's class list
#      and its postinst dumps the archive for the installed paths (cds-dump.sh).
#
# usage: installer/build.sh [--deb] [--no-cds]
#   output: target/installer/image/TrustBench   (the app image; bin/TrustBench is the launcher)
#           target/installer/trustbench_<version>_amd64.deb
# Needs a JDK 17 with jmods (Debian: openjdk-17-jdk-headless); for --deb also fakeroot and
# binutils (objcopy, used by --strip-debug). The training run uses xvfb-run when present, else a
# headless command-line run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/installer"
target="$root/target"
out="$target/installer"

make_deb=false
cds=true
for arg in "$@"; do
  case "$arg" in
    --deb) make_deb=true ;;
    --no-cds) cds=false ;;
    *) echo "unknown option: $arg (use --deb, --no-cds)" >&2; exit 2 ;;
  esac
done

[ -f "$target/trustbench.jar" ] && [ -d "$target/lib" ] \
  || { echo "target/trustbench.jar or target/lib missing: run ./mvnw package first" >&2; exit 1; }

# The version comes from the pom; jpackage wants numbers only (0.1.0-SNAPSHOT -> 0.1.0).
full_version=${TB_VERSION:-$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)}
app_version=${full_version%%-*}
name=TrustBench
# shellcheck source=installer/common.sh
. "$here/common.sh"

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jlink="$java_home/bin/jlink"
jpackage="$java_home/bin/jpackage"

rm -rf "$out"
mkdir -p "$out"
echo "== TrustBench $full_version (package version $app_version)"

# --- 1. trimmed runtime -------------------------------------------------------------------
"$jlink" --add-modules "$TB_MODULES" \
  --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress="${TB_JLINK_COMPRESS:-0}" \
  --output "$out/runtime"
echo "runtime: $(du -sh "$out/runtime" | cut -f1) ($TB_MODULES)"

# --- 2. app image -------------------------------------------------------------------------
input="$out/input"
mkdir -p "$input/lib"
cp "$target/trustbench.jar" "$here/cds-dump.sh" "$input/"
cp "$target"/lib/*.jar "$input/lib/"
# JavaFX natives beside the jars: NativeLibLoader loads them from the folder of the JavaFX jar
# before it would extract them into ~/.openjfx/cache.
fx_graphics=$(ls "$input"/lib/javafx-graphics-*-linux.jar)
(cd "$input/lib" && unzip -q -o "$fx_graphics" '*.so')
echo "JavaFX natives: $(cd "$input/lib" && ls ./*.so | tr '\n' ' ')"

java_option_args=()
for o in "${TB_JAVA_OPTIONS[@]}"; do java_option_args+=(--java-options "$o"); done
"$jpackage" --type app-image --dest "$out/image" \
  --name "$name" --app-version "$app_version" \
  --description "$TB_DESCRIPTION" --vendor "$TB_VENDOR" --copyright "$TB_COPYRIGHT" \
  --icon "$here/icon/trustbench.png" \
  --runtime-image "$out/runtime" \
  --input "$input" --main-jar trustbench.jar --main-class org.trustbench.app.Launcher \
  "${java_option_args[@]}"
image="$out/image/$name"
cfg="$image/lib/app/$name.cfg"

# --- 3. AppCDS archive --------------------------------------------------------------------
# The launcher maps the archive when it matches the runtime and the jars; when it is missing or
# does not match, the JVM starts without it (quietly: the cds log is off), never fails.
sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/trustbench.jsa\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off|' "$cfg"
if $cds; then
  "$here/train-cds.sh" "$image"
fi
echo "app image: $(du -sh "$image" | cut -f1) in $image"

# --- 4. Debian package --------------------------------------------------------------------
if $make_deb; then
  # jpackage's --linux-shortcut needs this folder on minimal systems.
  mkdir -p /usr/share/applications 2>/dev/null || true
  # The archive is dumped at install time (its jar paths must match); keep it out of the package.
  [ -f "$image/lib/app/trustbench.jsa" ] && mv "$image/lib/app/trustbench.jsa" "$out/trustbench.jsa"
  "$jpackage" --type deb --dest "$out" \
    --app-image "$image" --name "$name" --app-version "$app_version" \
    --description "$TB_DESCRIPTION" --vendor "$TB_VENDOR" --copyright "$TB_COPYRIGHT" \
    --icon "$here/icon/trustbench.png" \
    --resource-dir "$here/linux" \
    --file-associations "$here/tbsync.properties" \
    --linux-package-name trustbench --linux-deb-maintainer "$TB_MAINTAINER" \
    --linux-menu-group "Office;" --linux-app-category misc --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libxtst6, libpangoft2-1.0-0"
  [ -f "$out/trustbench.jsa" ] && mv "$out/trustbench.jsa" "$image/lib/app/trustbench.jsa"
  deb=$(ls "$out"/trustbench_*.deb)
  echo "deb: $(du -h "$deb" | cut -f1) $deb"
fi
