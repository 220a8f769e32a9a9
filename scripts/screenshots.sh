#!/usr/bin/env bash
# Regenerates the README screenshots: launches the real workbench under Xvfb on a fresh demo
# store, in Chinese and in English, and captures the screen.
#   needs: xvfb xauth libgtk-3-0 libxtst6 imagemagick fonts-wqy-zenhei (apt)
#   usage: scripts/screenshots.sh [OUT_DIR]   (default docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/images}
mkdir -p "$out"
./mvnw -q -B package -DskipTests

shoot() { # lang file [extra args...]
  local lang=$1 file=$2; shift 2
  local data; data=$(mktemp -d)
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c "
    java -Duser.language=$lang -Duser.country=$([ "$lang" = zh ] && echo CN || echo US) \
         -Dprism.order=sw -jar target/trustbench.jar --data-dir '$data' --demo $* &
    pid=\$!
    sleep \${SHOT_DELAY:-12}
    import -window root '$out/$file'
    kill \$pid" 
  rm -rf "$data"
  echo "wrote $out/$file"
}

shoot zh queue-zh.png
shoot en queue-en.png
