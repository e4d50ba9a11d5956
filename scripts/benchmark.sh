#!/usr/bin/env bash
# Measures what issues 8 and 18 ask (the wizard; the project's own push beside docker's) and prints one line per figure with its goal and whether
# it holds. Method and results: docs/benchmarks.md.
#
#   scripts/benchmark.sh                 everything (about 30 minutes)
#   PUSH_ROUNDS=7 APP_ROUNDS=2 START_RUNS=9 scripts/benchmark.sh
#   BENCH_INSTALLER=1 scripts/benchmark.sh   also builds the .deb, installs it, times its start, purges it
#   BENCH_PARTS="app start" scripts/benchmark.sh   only some of: jmh push app start gzip pusher (the rest print "?")
#   BENCH_PARTS="gzip pusher" PUSHER_ROUNDS=3 GZIP_LEVELS=1,2,3,4,4d,6 scripts/benchmark.sh   (4d: level 4, dense blocks at 1)
#       issue 18: the gzip levels on a 1.3 GB tar of real binaries, and the project's own push beside
#       docker push (about 12 minutes on 2 cores; the tar is made once and kept in target/benchmarks)
#   BENCH_PARTS=repush REPUSH_ROUNDS=9 scripts/benchmark.sh
#       issue 18: a re-push under a new tag in a running process (the wizard's case) beside docker push,
#       with an empty record of earlier pushes and with a full one (about a minute)
#   MVN_FLAGS=-o scripts/benchmark.sh      build offline
#
# The machine is shared and noisy: every comparison is measured side by side in one run, the
# variants taking turns, and reported as medians and ratios; absolute times alone mean little.
#
# It never touches the shared stack (/tmp/harbor-upload-stack, ports 5000-5003): the push benchmark
# empties the registry before every push, so it starts a private stack of its own (BENCH_STACK_DIR,
# ports 7000-7003) and stops it at the end. Results and logs: target/benchmarks/.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PUSH_ROUNDS=${PUSH_ROUNDS:-15}
APP_ROUNDS=${APP_ROUNDS:-3}
START_RUNS=${START_RUNS:-9}
GZIP_LEVELS=${GZIP_LEVELS:-1,2,3,4,4d,6}
GZIP_ROUNDS=${GZIP_ROUNDS:-1}
PUSHER_ROUNDS=${PUSHER_ROUNDS:-3}
REPUSH_ROUNDS=${REPUSH_ROUNDS:-9}
PARTS=${BENCH_PARTS:-jmh push app start gzip pusher repush}
# The JVM options scripts/run.sh and the installed app start the wizard with (see docs/benchmarks.md).
LEAN_OPTIONS=$(sed -n 's/^launch_options=(\(.*\))$/\1/p' scripts/run.sh)
# The JVM options of the command line (scripts/run.sh with arguments, the installed harbor-upload).
CLI_OPTIONS=$(sed -n 's/^cli_options=(\(.*\))$/\1/p' scripts/run.sh)
MANY_LAYERS=60
OUT=$PWD/target/benchmarks
mkdir -p "$OUT"
METRICS=$OUT/metrics.txt
: >"$METRICS"

log() { printf '[benchmark] %s\n' "$*" >&2; }
die() { printf '[benchmark] error: %s\n' "$*" >&2; exit 1; }

# --- machine, packages, private stack, build ------------------------------------------------------
[ -n "$LEAN_OPTIONS" ] || die "no launch_options=(…) line in scripts/run.sh"
bash scripts/setup.sh test
for p in xvfb xauth xdotool; do
  dpkg -s "$p" >/dev/null 2>&1 || { log "installing $p"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p" >&2; }
done

export STACK_DIR=${BENCH_STACK_DIR:-/tmp/hu-stack-bench}
export REGISTRY_PORT=7000 DENY_PORT=7001 HARBOR_PORT=7002 HARBOR_API_PORT=7003 TLS_PORT=7004
export TOKEN_REGISTRY_PORT=7005 HARBOR_CORE_PORT=7006 GATEWAY_PORT=7007 BUFFERING_GATEWAY_PORT=7008
[ "$STACK_DIR" != /tmp/harbor-upload-stack ] || die "BENCH_STACK_DIR must not be the shared stack's folder"

xvfb=
installed_here=
cleanup() {
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  if [ -n "$installed_here" ]; then
    log "purging the .deb installed for the benchmark"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -q harbor-upload-wizard >/dev/null 2>&1 || true
  fi
  # Leave the images for the next run (they take a minute to make), not the pushed layers.
  bash scripts/stack.sh empty-registry >/dev/null 2>&1 || true
  bash scripts/stack.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
log "starting the private stack in $STACK_DIR (registry 127.0.0.1:$REGISTRY_PORT)"
eval "$(bash scripts/stack.sh up)"
dk() { /usr/bin/docker "$@"; }   # DOCKER_HOST and DOCKER_CONFIG are the private stack's now
echo "$TEST_REGISTRY_PASSWORD" | dk login "$TEST_REGISTRY" -u "$TEST_REGISTRY_USER" --password-stdin >/dev/null 2>&1

INSTALLED=/opt/harbor-upload-wizard/bin/harbor-upload-wizard
build_installer=
if [ "${BENCH_INSTALLER:-0}" = 1 ] && [ ! -x "$INSTALLED" ]; then
  build_installer=-Pinstaller
fi
log "building the jar${build_installer:+, the installer} and the benchmarks"
# Once: a later build would give the jar a new date and void the class-data archives made below.
mvn ${MVN_FLAGS:-} -B -q -DskipTests $build_installer package dependency:build-classpath \
  -Dmdep.outputFile="$OUT/test-classpath.txt" -Dmdep.includeScope=test >&2
if [ -n "$build_installer" ]; then
  log "installing the .deb (purged at the end)"
  installed_here=1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./target/installer/*.deb >&2
fi
JAR=$PWD/target/harbor-upload-wizard.jar
# The in-app benchmark runs on the jar itself, as users start it; its few classes come in a jar of
# their own (class-data sharing accepts no folders on the class path).
"$JAVA_HOME/bin/jar" cf "$OUT/benchmarks.jar" -C target/test-classes io/github/harborupload/benchmarks
APP_CP="$JAR:$OUT/benchmarks.jar"
TEST_CP="target/classes:target/test-classes:$(cat "$OUT/test-classpath.txt")"

# metric VARIANT NAME VALUE, appended to the metrics file; med VARIANT NAME prints their median.
record() { sed -n "s/^METRIC /$1 /p" | tee -a "$METRICS" >/dev/null; }
med() {
  awk -v v="$1" -v n="$2" '$1 == v && $2 == n { print $3 }' "$METRICS" | sort -g |
    awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# --- 1. the progress model: JMH ----------------------------------------------------------------
bench_jmh() {
  log "JMH: PushProgress.accept and snapshot"
  "$JAVA" -cp "$TEST_CP" org.openjdk.jmh.Main PushProgressBenchmark -rf csv -rff "$OUT/jmh.csv" >"$OUT/jmh.txt" 2>&1
  # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: stream"
  awk -F, 'NR > 1 { gsub(/["\r]/, ""); name = $1; sub(/.*\./, "", name); print "jmh", name ($8 == "" ? "" : "." $8), $5 }' \
    "$OUT/jmh.csv" >>"$METRICS"
}

# --- 2. the push three ways ----------------------------------------------------------------------
bench_push() {
  log "push: ours, docker CLI, bare API; $PUSH_ROUNDS rounds, registry emptied before each push"
  "$JAVA" -cp "$APP_CP" io.github.harborupload.benchmarks.PushComparison "$PUSH_ROUNDS" | tee "$OUT/push.txt" | record push
}

# --- 3. the wizard under load, in the app ----------------------------------------------------------
bench_app() {
  if ! dk image inspect bench/many-layers:1 >/dev/null 2>&1; then
    log "building bench/many-layers:1 ($MANY_LAYERS layers of 4 MiB random data)"
    ctx=$(mktemp -d)
    printf 'FROM scratch\n' >"$ctx/Dockerfile"
    for i in $(seq -w 1 $MANY_LAYERS); do
      head -c $((4 * 1024 * 1024)) /dev/urandom >"$ctx/layer$i.bin"
      printf 'COPY layer%s.bin /data/\n' "$i" >>"$ctx/Dockerfile"
    done
    DOCKER_BUILDKIT=0 dk build -q -t bench/many-layers:1 "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
  export BENCH_IMAGE=bench/many-layers:1 BENCH_IMAGE_LAYERS=$MANY_LAYERS BENCH_LIST_SIZE=1000

  displayfile=$(mktemp)
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 100); do [ -s "$displayfile" ] && break; sleep 0.05; done
  export DISPLAY=:$(cat "$displayfile")
  rm -f "$displayfile"

  # A class-data archive of everything the wizard loads on this path, from one untimed run.
  APP_ARCHIVE=$OUT/wizard-under-load.jsa
  rm -f "$APP_ARCHIVE"
  log "in the app: one untimed run that writes a class-data archive"
  bash scripts/stack.sh empty-registry >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$JAVA" $LEAN_OPTIONS -XX:ArchiveClassesAtExit="$APP_ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$APP_CP" io.github.harborupload.benchmarks.WizardUnderLoad >"$OUT/app-training.txt" 2>&1 ||
    die "the in-app run failed; see $OUT/app-training.txt"

  declare -gA APP_OPTIONS=(
    [default]=""
    [lean]="$LEAN_OPTIONS"
    [lean+cds]="$LEAN_OPTIONS -XX:SharedArchiveFile=$APP_ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off"
  )
  APP_VARIANTS=(default lean lean+cds)
  for round in $(seq "$APP_ROUNDS"); do
    for i in "${!APP_VARIANTS[@]}"; do
      variant=${APP_VARIANTS[$(( (i + round) % ${#APP_VARIANTS[@]} ))]}
      log "in the app, round $round: $variant"
      bash scripts/stack.sh empty-registry >/dev/null 2>&1
      # shellcheck disable=SC2086
      "$JAVA" ${APP_OPTIONS[$variant]} -cp "$APP_CP" io.github.harborupload.benchmarks.WizardUnderLoad \
        >"$OUT/app-$variant-$round.txt" 2>&1 || die "the in-app run failed; see $OUT/app-$variant-$round.txt"
      record "$variant" <"$OUT/app-$variant-$round.txt"
    done
  done
}

# --- 4. start time ---------------------------------------------------------------------------------
bench_start() {
  # Launchers as users start the wizard: the jar by hand, the jar as scripts/run.sh starts it (its
  # options, and the class-data archive run.sh writes at the first start), and the installed app.
  launchers=$OUT/launchers
  rm -rf "$launchers"
  mkdir -p "$launchers/config"
  JAR_ARCHIVE=$OUT/jar.jsa
  launcher() { # launcher NAME JVM-OPTIONS
    printf '#!/bin/sh\nexport HARBOR_UPLOAD_CONFIG_DIR=%s\nexec %s %s -jar %s\n' \
      "$launchers/config" "$JAVA" "$2" "$JAR" >"$launchers/$1"
    chmod +x "$launchers/$1"
  }
  launcher jar ""
  launcher jar-lean "$LEAN_OPTIONS"
  launcher jar-lean-cds "$LEAN_OPTIONS -XX:SharedArchiveFile=$JAR_ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off"
  log "start: a first start that writes the jar's class-data archive"
  rm -f "$JAR_ARCHIVE"
  # shellcheck disable=SC2086
  HARBOR_UPLOAD_CONFIG_DIR=$launchers/config "$JAVA" $LEAN_OPTIONS -XX:ArchiveClassesAtExit="$JAR_ARCHIVE" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$JAR" >"$OUT/jar-training.txt" 2>&1 &
  app=$!
  for _ in $(seq 300); do
    xdotool search --onlyvisible --name "Harbor Upload" >/dev/null 2>&1 && break
    sleep 0.1
  done
  sleep 2
  kill "$app"
  wait "$app" 2>/dev/null || true
  [ -f "$JAR_ARCHIVE" ] || die "no class-data archive written; see $OUT/jar-training.txt"

  start_launchers=("$launchers/jar" "$launchers/jar-lean" "$launchers/jar-lean-cds")
  [ -x "$INSTALLED" ] && start_launchers+=("$INSTALLED")
  log "start: $START_RUNS runs per launcher, taking turns"
  RUNS=$START_RUNS bash scripts/start-time.sh "${start_launchers[@]}" 2>&1 | tee "$OUT/start.txt" >&2
  for l in "${start_launchers[@]}"; do
    name=$(basename "$l")
    line=$(grep -F "$l: median" "$OUT/start.txt")
    echo "start $name.wall_s $(sed -n 's/.*runs: \([0-9.]*\) s to the window.*/\1/p' <<<"$line")" >>"$METRICS"
    echo "start $name.cpu_s $(sed -n 's/.*window, \([0-9.]*\) s CPU.*/\1/p' <<<"$line")" >>"$METRICS"
  done
}

# --- 5. the project's own push beside docker push (issue 18) --------------------------------------
# A layer of real binaries (this machine's /usr/lib/x86_64-linux-gnu and /usr/lib/jvm): made once, kept in $OUT (and
# in the private engine) for the next runs.
REAL_TAR=$OUT/real-binaries.tar
REAL_IMAGE=bench/real-binaries:1
CLK_TCK=$(getconf CLK_TCK)
put() { echo "pusher $1 $2" >>"$METRICS"; }   # put NAME VALUE
real_binaries() {
  if [ ! -s "$REAL_TAR" ]; then
    log "making the tar of real binaries (/usr/lib/x86_64-linux-gnu, /usr/lib/jvm)"
    # Exit status 1 is "some file changed as we read it": harmless for a benchmark input.
    tar -C / --warning=no-file-changed -cf "$REAL_TAR.part" usr/lib/x86_64-linux-gnu usr/lib/jvm || [ $? = 1 ]
    mv "$REAL_TAR.part" "$REAL_TAR"
  fi
  if ! dk image inspect "$REAL_IMAGE" >/dev/null 2>&1; then
    log "importing $REAL_IMAGE from the tar"
    dk import "$REAL_TAR" "$REAL_IMAGE" >/dev/null
  fi
  cat "$REAL_TAR" >/dev/null   # into the page cache, so no variant pays for the first read
}
# A tar of text-heavy trees (Python, C headers, Perl): sources compress better, and the lower
# levels fall further behind gzip -6 on them than on binaries. Made once, like the other.
TEXT_TAR=$OUT/text.tar
text_tar() {
  [ -s "$TEXT_TAR" ] && return 0
  log "making the tar of text (/usr/lib/python3*, /usr/include, /usr/share/perl)"
  tar -C / --warning=no-file-changed -cf "$TEXT_TAR.part" usr/lib/python3 usr/lib/python3.11 usr/include usr/share/perl || [ $? = 1 ]
  mv "$TEXT_TAR.part" "$TEXT_TAR"
}
# gzip -6 on one core: docker's size reference (Go's default level) and its one-core speed. Once a run.
# gzip_reference LABEL TAR
gzip_reference() {
  [ "$(med pusher "gzip6.$1.wall_s")" = "?" ] || return 0
  log "gzip -6 alone on the $1 tar (one core)"
  /usr/bin/time -f '%e %U %S' -o "$OUT/gzip6.time" sh -c 'gzip -6 -c "$1" | wc -c >"$2"' _ "$2" "$OUT/gzip6.bytes"
  read -r wall user sys <"$OUT/gzip6.time"
  put "gzip6.$1.wall_s" "$wall"
  put "gzip6.$1.cpu_s" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
  put "gzip6.$1.bytes" "$(cat "$OUT/gzip6.bytes")"
  put "tar.$1.bytes" "$(stat -c %s "$2")"
}

bench_gzip() {
  real_binaries
  text_tar
  log "gzip: ParallelGzipOutputStream at levels $GZIP_LEVELS on all cores, $GZIP_ROUNDS round(s)"
  for input in "binaries $REAL_TAR" "text $TEXT_TAR"; do
    set -- $input
    "$JAVA" -cp "$TEST_CP" io.github.harborupload.benchmarks.GzipLevels "$2" "$1" "$GZIP_LEVELS" "$GZIP_ROUNDS" |
      tee "$OUT/gzip-$1.txt" | record gzip
    gzip_reference "$1" "$2"
  done
}

dockerd_ticks() { awk '{ print $14 + $15 }' "/proc/$(cat "$STACK_DIR/dkr/pid")/stat"; }
# timed NAME COMMAND…: wall time, CPU time of the command and of dockerd in the same seconds (the
# engine does docker push's work, and the export of ours), the command's peak resident size.
timed() {
  local name=$1 before after wall user sys rss
  shift
  before=$(dockerd_ticks)
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" ||
    die "$name failed; see $OUT/$name.err"
  after=$(dockerd_ticks)
  read -r wall user sys rss <"$OUT/time.txt"
  put "$name.wall_s" "$wall"
  put "$name.cpu_s" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
  put "$name.engine_cpu_s" "$(awk -v a="$after" -v b="$before" -v t="$CLK_TCK" 'BEGIN { print (a - b) / t }')"
  put "$name.rss_mib" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  LAST_WALL=$wall
}
# run_push NAME docker|ours IMAGE TARGET [PREFIX…]: one push, timed; PREFIX goes before the command (taskset).
run_push() {
  local name=$1 side=$2 image=$3 target=$4
  shift 4
  if [ "$side" = docker ]; then
    dk tag "$image" "$target"
    timed "$name" "$@" /usr/bin/docker push "$target"
  else
    # As users run it: the installed harbor-upload and scripts/run.sh give the command line these options.
    # shellcheck disable=SC2086
    timed "$name" "$@" "$JAVA" $CLI_OPTIONS -jar "$JAR" push "$image" --target "$target" --via registry --json --progress=none
  fi
}
registry_bytes() { # registry_bytes REPOSITORY TAG: the layers' compressed bytes in the registry
  curl -fsS -u "$TEST_REGISTRY_USER:$TEST_REGISTRY_PASSWORD" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$TEST_REGISTRY/v2/$1/manifests/$2" | jq '[.layers[].size] | add'
}
# Blob chunks the registry received so far (its access log; empty-registry starts a new one).
patches() { grep -c '"PATCH /v2/' "$STACK_DIR/reg/registry.log" || true; }

# push_pair KEY IMAGE ROUND: docker's and ours, the registry emptied before each, in turns; each side
# then re-pushes under a new tag; after docker's, ours pushes the same image (nothing should be sent).
push_pair() {
  local key=$1 image=$2 round=$3 repo=user-testuser/$1 side sides docker_wall ours_wall
  sides=(docker ours)
  [ $((round % 2)) = 0 ] || sides=(ours docker)
  for side in "${sides[@]}"; do
    log "pusher, round $round: $key by $side"
    bash scripts/stack.sh empty-registry >/dev/null 2>&1
    run_push "$key.$side" "$side" "$image" "$TEST_REGISTRY/$repo:1"
    [ "$side" = docker ] && docker_wall=$LAST_WALL || ours_wall=$LAST_WALL
    put "$key.$side.bytes" "$(registry_bytes "$repo" 1)"
    run_push "$key.$side.repush" "$side" "$image" "$TEST_REGISTRY/$repo:2"
    if [ "$side" = docker ]; then
      local sent_before; sent_before=$(patches)
      run_push "$key.ours.after_docker" ours "$image" "$TEST_REGISTRY/$repo:3"
      put "$key.ours.after_docker.patches" $(($(patches) - sent_before))
    fi
  done
  put "$key.ours_to_docker" "$(awk -v o="$ours_wall" -v d="$docker_wall" 'BEGIN { print o / d }')"
}

bench_pusher() {
  real_binaries
  # Our CLI with a login, settings and spool of its own; the login goes where docker's is (DOCKER_CONFIG).
  export HARBOR_UPLOAD_CONFIG_DIR=$OUT/pusher-config XDG_CACHE_HOME=$OUT/pusher-cache
  rm -rf "$HARBOR_UPLOAD_CONFIG_DIR" "$XDG_CACHE_HOME"
  echo "$TEST_REGISTRY_PASSWORD" | "$JAVA" -jar "$JAR" login --registry "$TEST_REGISTRY" \
    --username "$TEST_REGISTRY_USER" --password-stdin >/dev/null
  for round in $(seq "$PUSHER_ROUNDS"); do
    push_pair real-binaries "$REAL_IMAGE" "$round"
    push_pair five-layers "$TEST_IMAGE_FIVE_LAYERS" "$round"
  done
  log "pusher: ours on one core (taskset -c 0)"
  bash scripts/stack.sh empty-registry >/dev/null 2>&1
  run_push real-binaries.ours.one_core ours "$REAL_IMAGE" "$TEST_REGISTRY/user-testuser/real-binaries:1" taskset -c 0
  log "pusher: ours with the launch options of scripts/run.sh and the installed app"
  bash scripts/stack.sh empty-registry >/dev/null 2>&1
  run_push real-binaries.ours.lean ours "$REAL_IMAGE" "$TEST_REGISTRY/user-testuser/real-binaries:1" \
    env JAVA_TOOL_OPTIONS="$LEAN_OPTIONS"
  log "pusher: ours under a bare java -jar (the JVM's defaults: G1, a quarter of the RAM as heap)"
  bash scripts/stack.sh empty-registry >/dev/null 2>&1
  timed real-binaries.ours.bare "$JAVA" -jar "$JAR" push "$REAL_IMAGE" \
    --target "$TEST_REGISTRY/user-testuser/real-binaries:1" --via registry --json --progress=none
  log "pusher: the limit, the engine's export alone"
  timed real-binaries.export curl -fsS --unix-socket "${DOCKER_HOST#unix://}" -o /dev/null \
    "http://localhost/images/$REAL_IMAGE/get"
  gzip_reference binaries "$REAL_TAR"
}

# --- 5b. a re-push in a running process (issue 18) --------------------------------------------------
bench_repush() {
  log "re-push: ours through one Pusher beside docker push, $REPUSH_ROUNDS rounds, the record empty and then full"
  "$JAVA" -cp "$APP_CP" io.github.harborupload.benchmarks.RePushInProcess "$REPUSH_ROUNDS" | tee "$OUT/repush.txt" | record repush
  "$JAVA" -cp "$APP_CP" io.github.harborupload.benchmarks.RePushInProcess "$REPUSH_ROUNDS" 4000 |
    tee "$OUT/repush-full-record.txt" | record repush-full-record
}

for part in $PARTS; do
  case $part in
    jmh | push | app | start | gzip | pusher | repush) "bench_$part" ;;
    *) die "unknown part '$part' in BENCH_PARTS (jmh push app start gzip pusher repush)" ;;
  esac
done

# --- 6. the summary --------------------------------------------------------------------------------
quartiles() { # quartiles VARIANT NAME: the middle half of the values, "low–high"
  awk -v v="$1" -v n="$2" '$1 == v && $2 == n { print $3 }' "$METRICS" | sort -g |
    awk '{ a[NR] = $1 } END { if (NR) printf "%.2f–%.2f", a[int((NR + 3) / 4)], a[int((3 * NR + 3) / 4)] }'
}
verdict() { # verdict VALUE OP LIMIT
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (v == "?") { print "NOT MEASURED"; exit }
    ok = (op == "<=") ? v <= l : (op == "<") ? v < l : v >= l
    print ok ? "HOLDS" : "MISSED" }'
}
line() { # line FIGURE VALUE-TEXT GOAL-TEXT VERDICT
  printf '%-38s %-104s %-13s %s\n' "$1" "$2" "$3" "$4"
}
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "?") print "?"; else printf f, v }'; }

ratio_api=$(med push push.ours_to_api)
ratio_cli=$(med push push.ours_to_cli)
events=$(awk '$1 == "jmh" && $2 ~ /^accept/ { print $3 }' "$METRICS" | sort -g | head -1)
[ -n "$events" ] || events="?"
pause=$(med lean push_max_gap_ms)
pause_own=$(med lean push.own_max_gap_ms)
pause_running_own=$(med lean push.running.own_max_gap_ms)
scroll_own=$(med lean list.scroll.own_max_gap_ms)
refresh=$(med lean list.refresh_ms)
enter=$(med lean list.enter_ms)
scroll=$(med lean list.scroll_max_gap_ms)
rss_idle=$(med lean rss.idle_mib)
rss_push=$(med lean rss.push_max_mib)
start_jar=$(med start jar.wall_s)
start_run=$(med start jar-lean-cds.wall_s)
start_installed=$(med start harbor-upload-wizard.wall_s)

{
  echo
  echo "Harbor Upload Wizard benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB," \
    "kernel $(uname -r), $("$JAVA" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Medians of runs taken in turns; 'lean' = the options scripts/run.sh and the installed app use ($LEAN_OPTIONS);"
  echo "'default' = plain java -jar; the empty window = a JavaFX window that only counts frames, measured in the same seconds."
  echo
  line "push: ours / bare Engine API" \
    "$(fmt "$ratio_api" %.3f) (median of $PUSH_ROUNDS paired ratios; ours $(med push push.ours_s) s, API $(med push push.api_s) s, CLI $(med push push.cli_s) s)" \
    "<= 1.03" "$(verdict "$ratio_api" "<=" 1.03)"
  line "push: ours / docker CLI" "$(fmt "$ratio_cli" %.3f) (median of $PUSH_ROUNDS paired ratios, the middle half $(quartiles push push.ours_to_cli); ours/API: $(quartiles push push.ours_to_api))" "<= 1.00" "$(verdict "$ratio_cli" "<=" 1.00)"
  line "push: the client's own time" \
    "ours: request to first event $(med push push.ours_first_event_ms) ms (curl: to first byte $(med push push.api_first_byte_ms) ms), last event to outcome $(med push push.ours_end_lag_ms) ms" \
    "" ""
  line "progress model throughput" \
    "$(fmt "$events" %.0f) events/s (JMH, the slower stream; snapshot of 60 layers $(fmt "$(awk '$1 == "jmh" && $2 == "snapshotOfSixtyLayers" { print $3 }' "$METRICS")" %.2f) us)" \
    ">= 1000000/s" "$(verdict "$events" ">=" 1000000)"
  line "FX longest pause, $MANY_LAYERS-layer push" \
    "$(fmt "$pause" %.0f) ms from Next to the end (default $(med default push_max_gap_ms); the empty window, same seconds: $(med lean probe.push_max_gap_ms))" \
    "<= 50 ms" "$(verdict "$pause" "<=" 50)"
  line "  of it the wizard's own" \
    "$(fmt "$pause_own" %.0f) ms: the longest the empty window did not share (default $(med default push.own_max_gap_ms), lean+cds $(med lean+cds push.own_max_gap_ms))" \
    "<= 50 ms" "$(verdict "$pause_own" "<=" 50)"
  line "  of it once the push step is open" \
    "$(fmt "$pause_running_own" %.0f) ms, the wizard's own, after every layer is listed (default $(med default push.running.own_max_gap_ms))" \
    "<= 50 ms" "$(verdict "$pause_running_own" "<=" 50)"
  line "image list, Refresh to rows" \
    "$(fmt "$refresh" %.0f) ms for $(med lean list.rows) names (default $(med default list.refresh_ms), lean+cds $(med lean+cds list.refresh_ms))" \
    "< 300 ms" "$(verdict "$refresh" "<" 300)"
  line "image list, first visit to rows" \
    "$(fmt "$enter" %.0f) ms incl. building the step (default $(med default list.enter_ms), lean+cds $(med lean+cds list.enter_ms))" \
    "< 300 ms" "$(verdict "$enter" "<" 300)"
  line "image list scrolling, longest pause" \
    "$(fmt "$scroll" %.0f) ms end to end and back (default $(med default list.scroll_max_gap_ms); the empty window: $(med lean probe.scroll_max_gap_ms))" \
    "<= 50 ms" "$(verdict "$scroll" "<=" 50)"
  line "  of it the wizard's own" \
    "$(fmt "$scroll_own" %.0f) ms: the longest the empty window did not share (default $(med default list.scroll.own_max_gap_ms))" \
    "<= 50 ms" "$(verdict "$scroll_own" "<=" 50)"
  line "start: java -jar" "$(fmt "$start_jar" %.2f) s to the window ($(med start jar.cpu_s) s CPU)" "< 1.5 s" "$(verdict "$start_jar" "<" 1.5)"
  line "start: scripts/run.sh (lean + AppCDS)" \
    "$(fmt "$start_run" %.2f) s ($(med start jar-lean-cds.cpu_s) s CPU; lean without archive $(med start jar-lean.wall_s) s)" \
    "< 1.5 s" "$(verdict "$start_run" "<" 1.5)"
  line "start: installed app" "$(fmt "$start_installed" %.2f) s ($(med start harbor-upload-wizard.cpu_s) s CPU)" "< 1.5 s" "$(verdict "$start_installed" "<" 1.5)"
  line "memory: resident, idle" \
    "$(fmt "$rss_idle" %.0f) MiB (default $(med default rss.idle_mib))" "< 250 MiB" "$(verdict "$rss_idle" "<" 250)"
  line "memory: resident, during the push" \
    "$(fmt "$rss_push" %.0f) MiB (default $(med default rss.push_max_mib), empty window $(med lean probe.rss_mib))" \
    "< 250 MiB" "$(verdict "$rss_push" "<" 250)"
  # Issue 18. Sizes are compared with docker's pushed layer when the pusher part ran, else with
  # gzip -6 (the same level as docker's Go gzip, within a fraction of a per cent on these bytes).
  docker_bytes=$(med pusher real-binaries.docker.bytes)
  size_ref="docker's"
  if [ "$docker_bytes" = "?" ]; then docker_bytes=$(med pusher gzip6.binaries.bytes); size_ref="gzip -6's"; fi
  mb() { awk -v v="$1" 'BEGIN { if (v == "?") print "?"; else printf "%.1f", v / 1e6 }'; }
  div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "?" || b == "?" || b == 0) print "?"; else printf "%.3f", a / b }'; }
  for input in binaries text; do
    line "gzip -6, one core, $input" \
      "$(med pusher "gzip6.$input.wall_s") s, $(med pusher "gzip6.$input.cpu_s") s CPU, $(mb "$(med pusher "gzip6.$input.bytes")") MB of $(mb "$(med pusher "tar.$input.bytes")") MB" "" ""
  done
  line "  docker's pushed layer, binaries" "$(mb "$(med pusher real-binaries.docker.bytes)") MB = $(div "$(med pusher real-binaries.docker.bytes)" "$(med pusher gzip6.binaries.bytes)") × gzip -6's" "" ""
  # The level: the least CPU time among those within 10 % on both inputs (text against gzip -6).
  chosen="?" chosen_cpu=
  for level in ${GZIP_LEVELS//,/ }; do
    size_ratio=$(div "$(med gzip "gzip.binaries.l$level.bytes")" "$docker_bytes")
    text_ratio=$(div "$(med gzip "gzip.text.l$level.bytes")" "$(med pusher gzip6.text.bytes)")
    cpu=$(med gzip "gzip.binaries.l$level.cpu_s")
    holds=$(verdict "$size_ratio" "<=" 1.10)
    [ "$(verdict "$text_ratio" "<=" 1.10)" != MISSED ] || holds=MISSED
    line "gzip level $level, all cores" \
      "binaries: $(fmt "$(med gzip "gzip.binaries.l$level.wall_s")" %.1f) s, $(fmt "$cpu" %.1f) s CPU, $size_ratio × $size_ref size; text: $(fmt "$(med gzip "gzip.text.l$level.cpu_s")" %.1f) s CPU, $text_ratio × gzip -6's" \
      "<= 1.10 ×" "$holds"
    if [ "$holds" = HOLDS ] && { [ -z "$chosen_cpu" ] || awk -v a="$cpu" -v b="$chosen_cpu" 'BEGIN { exit !(a < b) }'; }; then
      chosen=$level chosen_cpu=$cpu
    fi
  done
  line "gzip: the cheapest level within 10 %" "level $chosen (GzipSettings.DEFAULT_LEVEL is $(sed -n 's/.*int DEFAULT_LEVEL = \([0-9]\).*/\1/p' src/main/java/io/github/harborupload/gzip/GzipSettings.java))" "" ""
  for key in real-binaries five-layers; do
    ours=$(med pusher "$key.ours.wall_s") docker=$(med pusher "$key.docker.wall_s")
    ratio=$(med pusher "$key.ours_to_docker")
    goal=0.5; [ "$key" = real-binaries ] || goal=1.0
    line "push $key: ours / docker push" \
      "$(fmt "$ratio" %.3f) (median of $PUSHER_ROUNDS paired ratios, $(quartiles pusher "$key.ours_to_docker")); ours $ours s, docker $docker s" \
      "<= $goal ×" "$(verdict "$ratio" "<=" "$goal")"
    size_ratio=$(div "$(med pusher "$key.ours.bytes")" "$(med pusher "$key.docker.bytes")")
    line "  compressed bytes in the registry" \
      "$(mb "$(med pusher "$key.ours.bytes")") MB against $(mb "$(med pusher "$key.docker.bytes")") MB = $size_ratio ×" \
      "<= 1.10 ×" "$(verdict "$size_ratio" "<=" 1.10)"
    line "  CPU: the client + dockerd" \
      "ours $(med pusher "$key.ours.cpu_s") + $(med pusher "$key.ours.engine_cpu_s") s, docker $(med pusher "$key.docker.cpu_s") + $(med pusher "$key.docker.engine_cpu_s") s" "" ""
    rss=$(med pusher "$key.ours.rss_mib")
    line "  our peak resident size" "$(fmt "$rss" %.0f) MiB (the command line's JVM options)" "< 300 MiB" "$(verdict "$rss" "<" 300)"
    repush=$(div "$(med pusher "$key.ours.repush.wall_s")" "$(med pusher "$key.docker.repush.wall_s")")
    line "  re-push under a new tag" \
      "ours $(med pusher "$key.ours.repush.wall_s") s, docker $(med pusher "$key.docker.repush.wall_s") s = $repush ×" \
      "<= 1.00 ×" "$(verdict "$repush" "<=" 1.00)"
    sent=$(awk -v k="$key.ours.after_docker.patches" '$1 == "pusher" && $2 == k { s += $3; n++ } END { print n ? s : "?" }' "$METRICS")
    line "  ours after docker pushed it" \
      "$(med pusher "$key.ours.after_docker.wall_s") s, $sent blob chunks sent in all runs" "0 chunks" "$(verdict "$sent" "<=" 0)"
  done
  one=$(med pusher real-binaries.ours.one_core.wall_s) two=$(med pusher real-binaries.ours.wall_s)
  line "scaling: ours on 1 core, on 2" "$one s, $two s: the second core makes it $(div "$one" "$two") × as fast" "" ""
  lean_rss=$(med pusher real-binaries.ours.lean.rss_mib)
  line "ours with the wizard's options" "$(med pusher real-binaries.ours.lean.wall_s) s, $(fmt "$lean_rss" %.0f) MiB peak resident (scripts/run.sh's launch_options)" \
    "< 300 MiB" "$(verdict "$lean_rss" "<" 300)"
  bare_rss=$(med pusher real-binaries.ours.bare.rss_mib)
  line "ours under a bare java -jar" "$(med pusher real-binaries.ours.bare.wall_s) s, $(med pusher real-binaries.ours.bare.cpu_s) s CPU, $(fmt "$bare_rss" %.0f) MiB peak resident (no launcher gives these)" "" ""
  line "the limit: the export alone" \
    "$(med pusher real-binaries.export.wall_s) s (dockerd $(med pusher real-binaries.export.engine_cpu_s) s CPU); one core of gzip -6: $(med pusher gzip6.binaries.wall_s) s" "" ""
  for variant in repush repush-full-record; do
    repush=$(div "$(med "$variant" repush.ours_s)" "$(med "$variant" repush.docker_s)")
    record_note=", empty record"
    [ "$variant" = repush ] || record_note=", full record"
    line "re-push in a running process$record_note" \
      "ours $(med "$variant" repush.ours_s) s, $(med "$variant" repush.ours_requests) requests; docker push $(med "$variant" repush.docker_s) s, $(med "$variant" repush.docker_requests) requests = $repush ×" \
      "<= 1.00 ×" "$(verdict "$repush" "<=" 1.00)"
  done
} | tee "$OUT/summary.txt"
