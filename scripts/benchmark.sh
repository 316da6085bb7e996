#!/usr/bin/env bash
# The performance benchmark (issue 11). Not part of `mvn verify` or CI: run it by hand, on an idle machine.
#
#   scripts/benchmark.sh                      # builds the jar if missing, then measures; report in target/benchmark/
#
# It needs PostgreSQL on 127.0.0.1:5432 (user postgres, or PGHOST/PGUSER/PGPASSWORD) and a JDK 17.
# Steps: (1) start-up of the default app (fresh H2 file database, demo data seeded) until the demo data
# is in; (2) drop and create the PostgreSQL database $DB, let the app create its schema and demo data,
# then load PENDING cases waiting for a PO and INVOICED invoiced cases of 4 lines each with SQL
# (scripts/benchmark/load-data.sql); (3) start the app with -Xmx$HEAP and measure p50/p95/p99 of the
# dashboard calls with scripts/benchmark/LoadClient.java ($THREADS threads, $SECONDS_PER_CALL s each);
# (4) stream the accounting export of INVOICED x 4 lines and report its time to first byte, total time,
# size and the peak heap used (jstat); (5) the surgical case lifecycle with $LIFECYCLE_CLIENTS clients on PostgreSQL
# (scripts/benchmark/LifecycleClient.java: submit, PO, invoice generated, emailed, paid; cases/s and p50/p95);
# (6) Jakarta Mail building one invoice mail inside the fat jar, with and without the StreamProvider property
# (scripts/benchmark/MailPartBenchmark.java), A B A B. Step (1) also starts the app with C1 only and with an AppCDS
# archive (made by a training run), interleaved with the default. STEPS=1,2,3,4,5,6 picks steps (2 is needed by
# 3-5). Prints a table and writes target/benchmark/report-$LABEL.md.
set -euo pipefail
cd "$(dirname "$0")/.."

LABEL=${LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo run)}
DB=${DB:-billflow_perf}
PORT=${PORT:-8095}
SMTP=${SMTP:-2545}
PENDING=${PENDING:-1000000}
INVOICED=${INVOICED:-250000}
HEAP=${HEAP:-256m}
THREADS=${THREADS:-2}
SECONDS_PER_CALL=${SECONDS_PER_CALL:-20}
LIFECYCLE_CLIENTS=${LIFECYCLE_CLIENTS:-4}
LIFECYCLE_SECONDS=${LIFECYCLE_SECONDS:-60}
STARTUP_ROUNDS=${STARTUP_ROUNDS:-2}
STEPS=${STEPS:-1,2,3,4,5,6}
step() { [[ ",$STEPS," == *",$1,"* ]]; }
OUT=target/benchmark
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"

JAR=${JAR:-$(ls target/billflow-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$JAR" ]]; then
  mvn -B -q -DskipTests package
  JAR=$(ls target/billflow-*.jar | grep -v original | head -1)
fi
APP=
stop_app() { if [[ -n "$APP" ]] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi; APP=; }
trap stop_app EXIT

# wait_for LOG PATTERN: until the app's log shows PATTERN (or the app died); prints the seconds waited.
wait_for() {
  local started=$(date +%s.%N)
  until grep -q "$2" "$1"; do
    kill -0 "$APP" 2>/dev/null || { echo "the app died, see $1" >&2; exit 1; }
    sleep 0.1
  done
  echo "$(date +%s.%N) - $started" | bc
}

# wait_ready: until the app has done its start-up work (it answers 503 "starting" before).
wait_ready() {
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' -u billing:billing "http://localhost:$PORT/api/dashboard/pending-po?size=1")" == 200 ]]; do
    kill -0 "$APP" 2>/dev/null || { echo "the app died" >&2; exit 1; }
    sleep 0.2
  done
}

# start_h2 LOG JAVA-ARGS...: the default app on a fresh H2 file database until the demo data is seeded; prints
# "wall-seconds cpu-seconds" (the process's user+system CPU, which the machine's other load does not inflate).
start_h2() {
  local log=$1; shift
  rm -rf "$OUT/h2"
  java "$@" --server.port="$PORT" --billflow.mail.embedded.port="$SMTP" \
    --spring.datasource.url="jdbc:h2:file:./$OUT/h2/billflow;DB_CLOSE_ON_EXIT=FALSE" \
    --billflow.mail.embedded.directory="$OUT/h2/mailbox" > "$log" 2>&1 &
  APP=$!
  local wall; wall=$(wait_for "$log" "Laboratory demo data seeded")
  printf '%.1f %s\n' "$wall" "$(awk '{printf "%.1f", ($14 + $15) / 100}' /proc/$APP/stat)"
  stop_app
}
STARTUP_ROWS=
if step 1; then
echo "== 1 start-up to ready with demo data (H2, fresh): default, C1 only, AppCDS + C1; $STARTUP_ROUNDS rounds interleaved"
rm -rf "$OUT/cds" && java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/cds" > /dev/null
CDS_JAR="$OUT/cds/$(basename "$JAR")"
rm -rf "$OUT/h2"
java -XX:ArchiveClassesAtExit="$OUT/cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$CDS_JAR" --server.port="$PORT" \
  --billflow.mail.embedded.port="$SMTP" --spring.datasource.url="jdbc:h2:file:./$OUT/h2/billflow" \
  --billflow.mail.embedded.directory="$OUT/h2/mailbox" > "$OUT/cds-training.log" 2>&1 || true
for round in $(seq "$STARTUP_ROUNDS"); do
  STARTUP_ROWS+="| default (\`java -jar\`) | $(start_h2 "$OUT/startup-default.log" -jar "$JAR" | tr ' ' '|') | $(cut -d' ' -f1 /proc/loadavg) |"$'\n'
  STARTUP_ROWS+="| C1 only (\`-XX:TieredStopAtLevel=1\`) | $(start_h2 "$OUT/startup-c1.log" -XX:TieredStopAtLevel=1 -jar "$JAR" | tr ' ' '|') | $(cut -d' ' -f1 /proc/loadavg) |"$'\n'
  STARTUP_ROWS+="| AppCDS + C1 only | $(start_h2 "$OUT/startup-cds.log" -XX:SharedArchiveFile="$OUT/cds/app.jsa" -XX:TieredStopAtLevel=1 -jar "$CDS_JAR" | tr ' ' '|') | $(cut -d' ' -f1 /proc/loadavg) |"$'\n'
done
CLASSES=$(java -Xlog:class+load:file="$OUT/classes.txt" -Dspring.context.exit=onRefresh -jar "$JAR" --server.port="$PORT" \
  --billflow.mail.embedded.port="$SMTP" --spring.datasource.url="jdbc:h2:file:./$OUT/h2/billflow" \
  --billflow.mail.embedded.directory="$OUT/h2/mailbox" > /dev/null 2>&1; wc -l < "$OUT/classes.txt")
printf '%s' "$STARTUP_ROWS"
fi

# run_pg JAVA-ARGS...: the app on the PostgreSQL database $DB, in the background (APP is its pid).
run_pg() {
  DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$DB" DB_USER="${PGUSER:-postgres}" DB_PASSWORD="${PGPASSWORD:-}" \
  java "$@" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --spring.profiles.active=postgres \
    --billflow.demo.enabled=true --billflow.mail.embedded.enabled=true --billflow.mail.embedded.port="$SMTP" \
    --billflow.mail.embedded.directory="$OUT/mailbox" --spring.mail.host=localhost --spring.mail.port="$SMTP" \
    --server.port="$PORT" > "$OUT/app-$LABEL.log" 2>&1 &
  APP=$!
}

if step 2; then
echo "== 2 PostgreSQL database $DB: schema and demo data by the app, then $PENDING pending and $INVOICED invoiced cases by SQL"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
run_pg
wait_for "$OUT/app-$LABEL.log" "Laboratory demo data seeded" > /dev/null
stop_app
LOAD_STARTED=$(date +%s)
"${PSQL[@]}" -d "$DB" -v pending="$PENDING" -v invoiced="$INVOICED" -f scripts/benchmark/load-data.sql
echo "loaded in $(( $(date +%s) - LOAD_STARTED )) s"
fi

if step 3; then
echo "== 3 dashboard calls (-Xmx$HEAP, $THREADS threads, $SECONDS_PER_CALL s each)"
run_pg "-Xmx$HEAP"
wait_for "$OUT/app-$LABEL.log" "Started BillflowApplication" > /dev/null
wait_ready
BASE="http://localhost:$PORT/api/dashboard/pending-po"
# A cursor is opaque to clients; the benchmark makes one for the 40,001st page of 20 (offset 800,000) as
# the panel would reach it by "Next" (see PendingPurchaseOrderCursor: base64url of "after:PAGE:DATE:ID").
cursor_at() { # cursor_at OFFSET PAGE [REP]
  local where="status = 'PENDING_PO'"; [[ -n "${3:-}" ]] && where="$where and rep = '$3'"
  local key; key=$("${PSQL[@]}" -d "$DB" -At -F: -c "select procedure_date, id from surgical_case where $where order by procedure_date, id offset $(( $1 - 1 )) limit 1")
  printf 'after:%s:%s' "$2" "$key" | base64 -w0 | tr '+/' '-_' | tr -d '='
}
if curl -s -u billing:billing "$BASE?size=1" | grep -q nextCursor; then
  DEEP="$BASE?size=20&cursor=$(cursor_at $(( PENDING * 4 / 5 )) $(( PENDING * 4 / 5 / 20 )))"
  REP_DEEP="$BASE?size=20&cursor=$(cursor_at $(( PENDING / 100 - 20 )) $(( PENDING / 100 / 20 - 1 )) rep)"
else
  DEEP="$BASE?page=$(( PENDING * 4 / 5 / 20 ))&size=20"
  REP_DEEP="$BASE?page=$(( PENDING / 100 / 20 - 1 ))&size=20"
fi
LOAD=(java scripts/benchmark/LoadClient.java)
{
  "${LOAD[@]}" "first page (billing)" "$BASE?page=0&size=20" billing:billing "$SECONDS_PER_CALL" "$THREADS"
  "${LOAD[@]}" "page $(( PENDING * 4 / 5 / 20 )) (offset $(( PENDING * 4 / 5 )), by cursor)" "$DEEP" billing:billing "$SECONDS_PER_CALL" "$THREADS"
  "${LOAD[@]}" "first page as a rep (1% of cases)" "$BASE?page=0&size=20" rep:rep "$SECONDS_PER_CALL" "$THREADS"
  "${LOAD[@]}" "a rep's last page" "$REP_DEEP" rep:rep "$SECONDS_PER_CALL" "$THREADS"
} | tee "$OUT/dashboard-$LABEL.tsv"

echo "== 4 accounting export of $(( INVOICED * 4 )) invoice lines (-Xmx$HEAP)"
jstat -gc "$APP" 200 > "$OUT/jstat-$LABEL.txt" &
JSTAT=$!
EXPORT=$(curl -s -u demo:demo --max-time 600 -o "$OUT/export-$LABEL.csv" \
  -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
  "http://localhost:$PORT/api/exports/invoices.csv?format=xero&from=2026-01-01&to=2026-01-31" || true)
kill "$JSTAT" 2>/dev/null || true
sleep 1
ALIVE=$(kill -0 "$APP" 2>/dev/null && echo yes || echo "no: $(grep -o 'Terminating due to .*' "$OUT/app-$LABEL.log" || echo exited)")
PEAK_HEAP=$(awk 'NR > 1 && $3 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$OUT/jstat-$LABEL.txt")
ROWS=$(( $(wc -l < "$OUT/export-$LABEL.csv" 2>/dev/null || echo 1) - 1 ))
read -r CODE TTFB TOTAL BYTES <<< "$EXPORT"
BYTES=${BYTES%.*}; [[ "$BYTES" =~ ^[0-9]+$ ]] || BYTES=0
stop_app
fi

LIFECYCLE=
if step 5; then
echo "== 5 surgical case lifecycle on PostgreSQL, $LIFECYCLE_CLIENTS clients, $LIFECYCLE_SECONDS s"
run_pg "-Xmx$HEAP"
wait_for "$OUT/app-$LABEL.log" "Started BillflowApplication" > /dev/null
wait_ready
CPU_BEFORE=$(awk '{print $14 + $15}' /proc/$APP/stat)
LIFECYCLE=$(java scripts/benchmark/LifecycleClient.java "http://localhost:$PORT" rep:rep billing:billing SFMC "$LIFECYCLE_SECONDS" "$LIFECYCLE_CLIENTS")
LIFECYCLE_CPU=$(awk -v before="$CPU_BEFORE" '{printf "%.1f", ($14 + $15 - before) / 100}' /proc/$APP/stat)
stop_app
echo "$LIFECYCLE cpu_s=$LIFECYCLE_CPU"
fi

MAIL_ROWS=
if step 6; then
echo "== 6 Jakarta Mail, one invoice mail built and written in the fat jar: without / with the StreamProvider property"
rm -rf "$OUT/mailbench" && mkdir -p "$OUT/mailbench/lib" "$OUT/mailbench/classes"
(cd "$OUT/mailbench/lib" && jar xf "$OLDPWD/$JAR" BOOT-INF/lib)
javac -d "$OUT/mailbench/classes" -cp "$OUT/mailbench/lib/BOOT-INF/lib/*" scripts/benchmark/MailPartBenchmark.java
mail_bench() { java "$@" -cp "$JAR" -Dloader.path="$OUT/mailbench/classes" -Dloader.main=MailPartBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher 2000 | cut -f2; }
for round in 1 2 3; do
  without=$(mail_bench); with=$(mail_bench -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider)
  MAIL_ROWS+="| $round | $without | $with | $(echo "scale=2; $with / $without" | bc) |"$'\n'
done
printf '%s' "$MAIL_ROWS"
fi

REPORT="$OUT/report-$LABEL.md"
{
  echo "# Benchmark $LABEL ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1))"
  echo
  echo "Load average when the report was written: $(cut -d' ' -f1-3 /proc/loadavg). Steps run: $STEPS."
  if step 3; then
    echo
    echo "PostgreSQL $("${PSQL[@]}" -d postgres -At -c 'show server_version'), $PENDING pending cases (100 reps), $INVOICED invoiced cases x 4 lines; app -Xmx$HEAP; $THREADS client threads, $SECONDS_PER_CALL s per call (first quarter warm-up)."
    echo
    echo "| call | requests | errors | p50 ms | p95 ms | p99 ms | max ms |"
    echo "|---|---|---|---|---|---|---|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$OUT/dashboard-$LABEL.tsv"
    echo
    echo "| export (Xero, $(( INVOICED * 4 )) lines) | HTTP | first byte s | total s | MB | rows | peak heap MB | app alive after |"
    echo "|---|---|---|---|---|---|---|---|"
    echo "| -Xmx$HEAP | ${CODE:-none} | ${TTFB:--} | ${TOTAL:--} | $(( BYTES / 1048576 )) | $ROWS | $PEAK_HEAP | $ALIVE |"
  fi
  if step 5; then
    echo
    echo "| lifecycle, $LIFECYCLE_CLIENTS clients, $LIFECYCLE_SECONDS s (PostgreSQL) | cases | errors | cases/s | p50 ms | p95 ms | app CPU s |"
    echo "|---|---|---|---|---|---|---|"
    echo "| submit, PO, invoice, email, paid | $(echo "$LIFECYCLE" | tr '\t' '|') | $LIFECYCLE_CPU |"
  fi
  if step 1; then
    echo
    echo "Start-up, fresh H2 with demo data, launch to \"Laboratory demo data seeded\" ($CLASSES classes loaded by the refresh alone):"
    echo
    echo "| JVM | wall s | process CPU s | load |"
    echo "|---|---|---|---|"
    printf '%s' "$STARTUP_ROWS"
  fi
  if step 6; then
    echo
    echo "Jakarta Mail, microseconds per invoice mail (text + 40 KB PDF) built and written in the fat jar:"
    echo
    echo "| round | without the property | with it | ratio |"
    echo "|---|---|---|---|"
    printf '%s' "$MAIL_ROWS"
  fi
} > "$REPORT"
cat "$REPORT"
