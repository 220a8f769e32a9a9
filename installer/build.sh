#!/usr/bin/env bash
# Builds the TrustBench native packages from target/trustbench.jar and target/lib (./mvnw package):
#   1. a trimmed Java runtime (jlink: only the modules the app needs, no debug symbols, headers or
#      man pages; left uncompressed because the .deb's xz packs it to half the size of
#      --compress=2, see docs/adr "packaging"; TB_JLINK_COMPRESS=2 builds the compressed one),
#   2. a self-contained app image (jpackage) whose app folder holds the jars and the JavaFX natives
#      taken out of javafx-graphics-*-linux.jar (so nothing is extracted into the user's home),
#   3. a start-up cache from a scripted training run of that image (train-cds.sh, cds-dump.sh):
#      an AOT cache when the runtime is a JDK 25 or later (ADR 0010), else an AppCDS archive,
#   4. with --deb, a Debian package built from that image; it carries the training's record
#      (AOT configuration or class list) and its postinst makes the cache for the installed paths.
#
# usage: installer/build.sh [--deb] [--no-cds]
#   output: target/installer/image/TrustBench   (the app image; bin/TrustBench is the launcher)
#           target/installer/trustbench_<version>_amd64.deb
# The runtime comes from TB_RUNTIME_JDK, else the newest JDK 25+ under /usr/lib/jvm, else the build
# JDK (a JDK 17 needs its jmods: Debian's openjdk-17-jdk-headless); for --deb also fakeroot and
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
runtime_jdk=$(tb_runtime_jdk "$java_home")
runtime_feature=$(tb_java_feature "$runtime_jdk")
jlink="$runtime_jdk/bin/jlink"
jpackage="$runtime_jdk/bin/jpackage"
# The start-up cache: an AOT cache on a JDK 25 runtime, else an AppCDS archive (ADR 0008, 0010).
if [ "$runtime_feature" -ge 25 ]; then start_cache=aot; else start_cache=cds; fi
compress=${TB_JLINK_COMPRESS:-0}
# JDK 21 on names jlink's levels zip-0 … zip-9 (0 and 2 are deprecated there).
if [ "$runtime_feature" -ge 21 ]; then case $compress in 0) compress=zip-0 ;; 2) compress=zip-6 ;; esac; fi

rm -rf "$out"
mkdir -p "$out"
echo "== TrustBench $full_version (package version $app_version), runtime from $runtime_jdk (Java $runtime_feature, start-up cache: $start_cache)"

# --- 1. trimmed runtime -------------------------------------------------------------------
"$jlink" --add-modules "$TB_MODULES" \
  --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress="$compress" \
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
java_options=("${TB_JAVA_OPTIONS[@]}")
[ "$runtime_feature" -ge 24 ] && java_options+=("${TB_JAVA_OPTIONS_NEW_JDK[@]}")
for o in "${java_options[@]}"; do java_option_args+=(--java-options "$o"); done
"$jpackage" --type app-image --dest "$out/image" \
  --name "$name" --app-version "$app_version" \
  --description "$TB_DESCRIPTION" --vendor "$TB_VENDOR" --copyright "$TB_COPYRIGHT" \
  --icon "$here/icon/trustbench.png" \
  --runtime-image "$out/runtime" \
  --input "$input" --main-jar trustbench.jar --main-class org.trustbench.app.Launcher \
  "${java_option_args[@]}"
image="$out/image/$name"
app_dir="$image/lib/app"
cfg="$app_dir/$name.cfg"

# --- 3. start-up cache: AOT cache (JDK 25) or AppCDS archive --------------------------------
# The launcher maps the cache when it matches the runtime and the jars; when it is missing or
# does not match, the JVM starts without it (quietly: the aot and cds logs are off), never fails.
# The AOT training must run without -XX:AOTCache, so the option joins the cfg after it.
if [ "$start_cache" = aot ]; then
  # An AOT cache is only used with jars of the size and time it was recorded with, and jpackage's
  # .deb does not keep file times: the jars get one fixed time (the commit's), which cds-dump.sh
  # gives them again where the package is installed.
  jar_time=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}
  echo "$jar_time" > "$app_dir/trustbench.jartime"
  find "$app_dir" -name '*.jar' -exec touch -d "@$jar_time" {} +
  $cds && "$here/train-cds.sh" "$image"
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/trustbench.aot\njava-options=-Xlog:aot=off\njava-options=-Xlog:cds=off|' "$cfg"
  $cds && { "$app_dir/cds-dump.sh" || echo "AOT cache not written" >&2; }
else
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/trustbench.jsa\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off|' "$cfg"
  $cds && { "$here/train-cds.sh" "$image"; "$app_dir/cds-dump.sh" || echo "CDS archive not written" >&2; }
fi
echo "app image: $(du -sh "$image" | cut -f1) in $image"

# --- 4. Debian package --------------------------------------------------------------------
if $make_deb; then
  # jpackage's --linux-shortcut needs this folder on minimal systems.
  mkdir -p /usr/share/applications 2>/dev/null || true
  # The cache is made at install time (postinst, from the training's record); keep it out of the package.
  for f in trustbench.jsa trustbench.aot; do [ -f "$app_dir/$f" ] && mv "$app_dir/$f" "$out/$f"; done
  "$jpackage" --type deb --dest "$out" \
    --app-image "$image" --name "$name" --app-version "$app_version" \
    --description "$TB_DESCRIPTION" --vendor "$TB_VENDOR" --copyright "$TB_COPYRIGHT" \
    --icon "$here/icon/trustbench.png" \
    --resource-dir "$here/linux" \
    --file-associations "$here/tbsync.properties" \
    --linux-package-name trustbench --linux-deb-maintainer "$TB_MAINTAINER" \
    --linux-menu-group "Office;" --linux-app-category misc --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libxtst6, libpangoft2-1.0-0"
  for f in trustbench.jsa trustbench.aot; do [ -f "$out/$f" ] && mv "$out/$f" "$app_dir/$f"; done
  deb=$(ls "$out"/trustbench_*.deb)
  echo "deb: $(du -h "$deb" | cut -f1) $deb"
fi
