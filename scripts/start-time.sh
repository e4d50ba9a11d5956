#!/usr/bin/env bash
# Time from launch to the first window of the app, under a private Xvfb: the median of several runs.
#   RUNS=7 scripts/start-time.sh [launcher …]
#   launcher  default /opt/harbor-upload-wizard/bin/harbor-upload-wizard (the installed .deb);
#             with several, their runs take turns, so a busy machine slows them alike.
# First one untimed start each, so that JavaFX's natives are in ~/.openjfx/cache already (the first
# start after installing copies them once; its time is printed too). Each timed run starts the
# launcher, polls every 20 ms until a window titled "Harbor Upload" is mapped (`xdotool search
# --sync` polls only every half second), then stops the app. Needs Xvfb and xdotool.
# Run it on an otherwise idle machine; `uptime` is printed at the end to show how idle it was.
set -euo pipefail
runs=${RUNS:-7}
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=(/opt/harbor-upload-wizard/bin/harbor-upload-wizard)
for launcher in "${launchers[@]}"; do
  [ -x "$launcher" ] || { echo "no launcher at $launcher" >&2; exit 1; }
done

# Xvfb picks a free display number itself and writes it to fd 3.
displayfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
xvfb=$!
applog=$(mktemp)
trap 'kill "$xvfb" 2>/dev/null || true; rm -f "$displayfile" "$applog"' EXIT
for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.05; done
export DISPLAY=:$(cat "$displayfile")
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

# Prints the seconds from the start of $1 to its mapped window, and the CPU seconds (user + system,
# all threads) it used until then, then stops the app. The CPU time hardly moves when other work
# slows the machine down; the wall time does.
time_one_start() {
  local start end app cpu
  start=$(date +%s.%N)
  "$1" >"$applog" 2>&1 &
  app=$!
  until xdotool search --onlyvisible --name "Harbor Upload" >/dev/null 2>&1; do
    if ! kill -0 "$app" 2>/dev/null; then
      echo "$1 ended without showing a window:" >&2
      cat "$applog" >&2
      return 1
    fi
    sleep 0.02
  done
  end=$(date +%s.%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$app/stat")
  kill "$app"
  wait "$app" 2>/dev/null || true
  awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN { printf "%.2f/%s\n", e - s, c }'
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

declare -A times
for launcher in "${launchers[@]}"; do
  rm -rf "$HOME/.openjfx/cache"
  echo "$launcher: first start $(time_one_start "$launcher") s (wall/CPU)"
done
for i in $(seq "$runs"); do
  for launcher in "${launchers[@]}"; do
    times[$launcher]+="$(time_one_start "$launcher") "
  done
done
for launcher in "${launchers[@]}"; do
  wall=$(printf '%s\n' ${times[$launcher]} | cut -d/ -f1 | median)
  cpu=$(printf '%s\n' ${times[$launcher]} | cut -d/ -f2 | median)
  echo "$launcher: median of $runs runs: $wall s to the window, $cpu s CPU (runs, wall/CPU: ${times[$launcher]% })"
done
uptime
