#!/usr/bin/env bash
# Start-up to ready with demo data (issue 11, goal 4), measured by variants interleaved (A B A B ...).
# Not part of `mvn verify` or CI. Each run starts the app on a fresh H2 file database with demo data and waits for
# the first 200 of /api/dashboard/pending-po?size=1 as billing:billing (the app answers 503 "starting" before).
#
#   scripts/benchmark/startup.sh                         # ROUNDS=2 VARIANTS="readme jar jar-nopreload"
#   ROUNDS=3 VARIANTS="jar cds" PORT=8204 SMTP=2604 scripts/benchmark/startup.sh
#
# Variants (VARIANTS, space- or comma-separated):
#   readme         mvn spring-boot:run, the README's run command (the pom's jvmArguments: C1 only), offline
#   jar            java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar JAR, the README's production line (default profile)
#   jar-nopreload  the same with -Dbillflow.startup.preload=false (no class preloading thread: the before)
#   jar-c1         the same as jar with -XX:TieredStopAtLevel=1
#   jar-base       the same as jar with BASE_JAR, a jar built from an older commit (the before of a change)
#   jar-c1-base    the same as jar-c1 with BASE_JAR
#   cds            the extracted jar with its static AppCDS archive (made once by scripts/app-cds.sh), C1 only and the
#                  serial collector (README "Start-up")
# Writes target/benchmark/startup.md: variant, round, wall s, process CPU s (user + system of the app's JVM, and of
# Maven's for readme), main-thread CPU s (the app's busiest thread named "java", i.e. its main thread), load (1 min).
# CPU seconds are what other load on the machine does not inflate; on an idle 2-core machine the wall time is about
# max(main-thread CPU, process CPU / 2). JAR defaults to target/billflow-*.jar (built if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-2}
VARIANTS=${VARIANTS:-readme jar jar-nopreload}
PORT=${PORT:-8095}
SMTP=${SMTP:-2545}
OUT=${OUT:-target/benchmark}
TIMEOUT=${TIMEOUT:-600}
mkdir -p "$OUT"
OUT_ABS=$(cd "$OUT" && pwd)

JAR=${JAR:-$(ls target/billflow-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$JAR" ]]; then
  mvn -B -q -o -DskipTests package
  JAR=$(ls target/billflow-*.jar | grep -v original | head -1)
fi

APP=
LAUNCHER=
stop_app() {
  for pid in $APP $LAUNCHER; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  for pid in $APP $LAUNCHER; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  done
  APP= LAUNCHER=
}
trap stop_app EXIT

# The app's own arguments: ports, and a fresh H2 file database, mailbox and outbox under $OUT/startup-data.
app_args() {
  local data="$OUT_ABS/startup-data"
  echo "--server.port=$PORT --billflow.mail.embedded.port=$SMTP --spring.datasource.url=jdbc:h2:file:$data/billflow;DB_CLOSE_ON_EXIT=FALSE --billflow.mail.embedded.directory=$data/mailbox --billflow.einvoice.outbox-directory=$data/peppol-outbox"
}

cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat" 2>/dev/null || echo 0; }
main_cpu_of() { # the busiest thread named "java": the main thread (the primordial thread only waits)
  local best=0 t
  for t in /proc/"$1"/task/*; do
    [[ "$(cat "$t/comm" 2>/dev/null)" == java ]] || continue
    best=$(awk -v b="$best" '{v = $14 + $15; print (v > b ? v : b)}' "$t/stat" 2>/dev/null || echo "$best")
  done
  awk -v b="$best" 'BEGIN {printf "%.2f", b / 100}'
}

CDS_DIR="$OUT_ABS/startup-cds"
make_cds() {   # scripts/app-cds.sh: the extracted jar and its static AppCDS archive
  [[ -f "$CDS_DIR/app.jsa" && "$CDS_DIR/app.jsa" -nt "$JAR" ]] && return
  env JAR="$JAR" APP_DIR="$CDS_DIR" PORT="$PORT" SMTP="$SMTP" bash scripts/app-cds.sh > "$OUT/startup-cds-training.log" 2>&1 \
    || { echo "scripts/app-cds.sh failed, see $OUT/startup-cds-training.log" >&2; return 1; }
}

# run VARIANT LOG: starts the variant, waits until ready, prints "wall cpu main-cpu".
run() {
  local variant=$1 log=$2 started
  rm -rf "$OUT_ABS/startup-data"
  started=$(date +%s.%N)
  case "$variant" in
    readme)
      mvn -o -q spring-boot:run -Dspring-boot.run.arguments="$(app_args)" > "$log" 2>&1 &
      LAUNCHER=$!
      until APP=$(pgrep -P "$LAUNCHER" java); do
        kill -0 "$LAUNCHER" 2>/dev/null || { echo "mvn spring-boot:run died, see $log" >&2; stop_app; return 1; }
        sleep 0.05
      done ;;
    jar|jar-nopreload|jar-c1|jar-base|jar-c1-base)
      local flags=(-Xmx1g -XX:+ExitOnOutOfMemoryError) jar=$JAR
      [[ $variant == jar-nopreload ]] && flags+=(-Dbillflow.startup.preload=false)
      [[ $variant == jar-c1* ]] && flags+=(-XX:TieredStopAtLevel=1)
      [[ $variant == *-base ]] && jar=${BASE_JAR:?BASE_JAR: the jar of the commit to compare with}
      # shellcheck disable=SC2046
      java "${flags[@]}" -jar "$jar" $(app_args) > "$log" 2>&1 &
      APP=$! ;;
    cds)
      # shellcheck disable=SC2046
      java -XX:SharedArchiveFile="$CDS_DIR/app.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g -XX:+ExitOnOutOfMemoryError \
        -jar "$CDS_DIR/$(basename "$JAR")" $(app_args) > "$log" 2>&1 &
      APP=$! ;;
    *) echo "unknown variant $variant" >&2; return 1 ;;
  esac
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' -u billing:billing "http://localhost:$PORT/api/dashboard/pending-po?size=1")" == 200 ]]; do
    kill -0 "$APP" 2>/dev/null || { echo "the app died, see $log" >&2; stop_app; return 1; }
    (( $(date +%s) < deadline )) || { echo "not ready after $TIMEOUT s, see $log" >&2; stop_app; return 1; }
    sleep 0.1
  done
  local wall cpu main
  wall=$(echo "$(date +%s.%N) - $started" | bc)
  cpu=$(cpu_of "$APP")
  [[ -n "$LAUNCHER" ]] && cpu=$(echo "$cpu + $(cpu_of "$LAUNCHER")" | bc)
  main=$(main_cpu_of "$APP")
  stop_app
  printf '%.1f %.1f %.1f\n' "$wall" "$cpu" "$main"
}

VARIANTS=${VARIANTS//,/ }
[[ " $VARIANTS " == *" cds "* ]] && make_cds
ROWS=
echo "== start-up to ready with demo data (fresh H2): $VARIANTS; $ROUNDS rounds interleaved; port $PORT, SMTP $SMTP"
for round in $(seq "$ROUNDS"); do
  for variant in $VARIANTS; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    run "$variant" "$OUT/startup-$variant.log" > "$OUT/startup-last.txt"   # not in a subshell: stop_app sees APP
    read -r wall cpu main < "$OUT/startup-last.txt"
    row="| $variant | $round | $wall | $cpu | $main | $load |"
    echo "$row"
    ROWS+="$row"$'\n'
  done
done

{
  echo "# Start-up to ready with demo data ($(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "$(nproc) CPUs, $(java -version 2>&1 | head -1). Launch to the first 200 of /api/dashboard/pending-po?size=1 on a fresh H2"
  echo "database with demo data; process CPU = user + system seconds of the app's JVM (with Maven's for readme); main"
  echo "thread = its busiest thread named java; load = 1-minute load average at the start of the run."
  echo
  echo "| variant | round | wall s | process CPU s | main-thread CPU s | load |"
  echo "|---|---|---|---|---|---|"
  printf '%s' "$ROWS"
  echo
  echo "Median per variant (idle estimate = max(main-thread CPU, process CPU / 2), what an idle 2-core machine needs at least):"
  echo
  echo "| variant | wall s | process CPU s | main-thread CPU s | idle estimate s |"
  echo "|---|---|---|---|---|"
  for variant in $VARIANTS; do
    printf '%s' "$ROWS" | awk -F'|' -v v="$variant" '
      function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      { gsub(/ /, "", $2) } $2 == v { n++; w[n] = $4 + 0; c[n] = $5 + 0; m[n] = $6 + 0 }
      END { if (n) { mc = median(m, n); pc = median(c, n); printf "| %s | %.1f | %.1f | %.1f | %.1f |\n", v, median(w, n), pc, mc, (mc > pc / 2 ? mc : pc / 2) } }'
  done
} > "$OUT/startup.md"
echo "wrote $OUT/startup.md"
