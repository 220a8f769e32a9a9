#!/usr/bin/env bash
# Regenerates the README screenshots: launches the real workbench under Xvfb on a fresh demo
# store, in Chinese and in English, selects a case and captures the screen.
#   needs: xvfb xauth libgtk-3-0 libxtst6 imagemagick xdotool fonts-wqy-zenhei (apt)
#   usage: scripts/screenshots.sh [OUT_DIR]   (default docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/images}")
mkdir -p "$out"
./mvnw -q -B package -Dmaven.test.skip=true

# shoot LANG FILE ROW [KEYS...]: signs in as the demo officer, clicks queue row ROW (1-based),
# then presses KEYS (xdotool names). ROW 0 captures the sign-in screen.
shoot() {
  local lang=$1 file=$2 row=${3:-3}; shift 3 || true
  local keys="$*"
  local data; data=$(mktemp -d)
  local country=US; [ "$lang" = zh ] && country=CN
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c "
    java -Duser.language=$lang -Duser.country=$country -Dprism.order=sw \
         -jar target/trustbench.jar --data-dir '$data' --demo 2>/dev/null &
    pid=\$!
    sleep \${SHOT_DELAY:-12}
    if [ $row -eq 0 ]; then import -window root '$out/$file'; kill \$pid; exit 0; fi
    xdotool type --delay 20 officer1; xdotool key Tab; xdotool type --delay 20 demo-officer-1; xdotool key Return
    sleep 6
    xdotool mousemove 300 \$((240 + 44 * ($row - 1))) click 1
    sleep 1
    for k in $keys; do
      case \$k in
        click:*) xy=\${k#click:}; xdotool mousemove \${xy%,*} \${xy#*,} click 1 ;;
        *) xdotool key \$k ;;
      esac
      sleep 2
    done
    sleep 2
    import -window root '$out/$file'
    kill \$pid"
  rm -rf "$data"
  echo "wrote $out/$file"
}

# shoot_sync LANG FILE: a demo store that has imported the demo central package once (CLI), opened with that
# package as the last argument (as the .tbsync file association does): after sign-in the Sync screen shows the
# history row and the package offered again for import, waiting for confirmation.
shoot_sync() {
  local lang=$1 file=$2
  local data; data=$(mktemp -d)
  local country=US; [ "$lang" = zh ] && country=CN
  local tb="java -Dorg.jooq.no-logo=true -Duser.language=$lang -Duser.country=$country -jar target/trustbench.jar --data-dir $data"
  $tb --demo demo reset >/dev/null
  $tb demo-package --out "$data/central.tbsync" >/dev/null
  $tb --demo import "$data/central.tbsync" >/dev/null
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c "
    java -Duser.language=$lang -Duser.country=$country -Dprism.order=sw \
         -jar target/trustbench.jar --data-dir '$data' --demo '$data/central.tbsync' 2>/dev/null &
    pid=\$!
    sleep \${SHOT_DELAY:-20}
    xdotool type --delay 20 officer1; xdotool key Tab; xdotool type --delay 20 demo-officer-1; xdotool key Return
    sleep 12
    import -window root '$out/$file'
    kill \$pid"
  rm -rf "$data"
  echo "wrote $out/$file"
}

shoot zh signin-zh.png 0
shoot zh queue-zh.png 3
shoot en queue-en.png 5
shoot zh review-zh.png 2 Return F8
shoot en review-en.png 2 Return F8
shoot zh review-address-zh.png 11 Return F8
shoot zh decision-zh.png 1 Return click:1046,226
shoot_sync zh sync-zh.png
shoot_sync en sync-en.png
