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
# size and the peak heap used (jstat). Prints a table and writes target/benchmark/report-$LABEL.md.
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

echo "== 1/4 start-up to ready with demo data (H2, fresh)"
rm -rf "$OUT/h2"
java -jar "$JAR" --server.port="$PORT" --billflow.mail.embedded.port="$SMTP" \
  --spring.datasource.url="jdbc:h2:file:./$OUT/h2/billflow;DB_CLOSE_ON_EXIT=FALSE" \
  --billflow.mail.embedded.directory="$OUT/h2/mailbox" > "$OUT/startup-h2.log" 2>&1 &
APP=$!
STARTUP=$(wait_for "$OUT/startup-h2.log" "Laboratory demo data seeded")
STARTED=$(grep -o "Started BillflowApplication in [0-9.]* seconds" "$OUT/startup-h2.log" | grep -o "[0-9.]*" | head -1 || echo "?")
stop_app
# the same once more on the now seeded database (no demo walk)
java -jar "$JAR" --server.port="$PORT" --billflow.mail.embedded.port="$SMTP" \
  --spring.datasource.url="jdbc:h2:file:./$OUT/h2/billflow;DB_CLOSE_ON_EXIT=FALSE" \
  --billflow.mail.embedded.directory="$OUT/h2/mailbox" > "$OUT/restart-h2.log" 2>&1 &
APP=$!
RESTART=$(wait_for "$OUT/restart-h2.log" "Started BillflowApplication")
stop_app

echo "== 2/4 PostgreSQL database $DB: schema and demo data by the app, then $PENDING pending and $INVOICED invoiced cases by SQL"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
run_pg() {
  DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$DB" DB_USER="${PGUSER:-postgres}" DB_PASSWORD="${PGPASSWORD:-}" \
  java "$@" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --spring.profiles.active=postgres \
    --billflow.demo.enabled=true --billflow.mail.embedded.enabled=true --billflow.mail.embedded.port="$SMTP" \
    --billflow.mail.embedded.directory="$OUT/mailbox" --spring.mail.host=localhost --spring.mail.port="$SMTP" \
    --server.port="$PORT" > "$OUT/app-$LABEL.log" 2>&1 &
  APP=$!
}
run_pg
wait_for "$OUT/app-$LABEL.log" "Laboratory demo data seeded" > /dev/null
stop_app
LOAD_STARTED=$(date +%s)
"${PSQL[@]}" -d "$DB" -v pending="$PENDING" -v invoiced="$INVOICED" -f scripts/benchmark/load-data.sql
echo "loaded in $(( $(date +%s) - LOAD_STARTED )) s"

echo "== 3/4 dashboard calls (-Xmx$HEAP, $THREADS threads, $SECONDS_PER_CALL s each)"
run_pg "-Xmx$HEAP"
wait_for "$OUT/app-$LABEL.log" "Started BillflowApplication" > /dev/null
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
  "${LOAD[@]}" "page 40,000 (offset 800,000)" "$DEEP" billing:billing "$SECONDS_PER_CALL" "$THREADS"
  "${LOAD[@]}" "first page as a rep (1% of cases)" "$BASE?page=0&size=20" rep:rep "$SECONDS_PER_CALL" "$THREADS"
  "${LOAD[@]}" "a rep's last page" "$REP_DEEP" rep:rep "$SECONDS_PER_CALL" "$THREADS"
} | tee "$OUT/dashboard-$LABEL.tsv"

echo "== 4/4 accounting export of $(( INVOICED * 4 )) invoice lines (-Xmx$HEAP)"
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

REPORT="$OUT/report-$LABEL.md"
{
  echo "# Benchmark $LABEL ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1))"
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
  echo
  echo "| start-up (H2, demo data) | seconds |"
  echo "|---|---|"
  echo "| fresh database: launch to demo data seeded | $STARTUP |"
  echo "| Spring's 'Started ... in' on the fresh database | $STARTED |"
  echo "| seeded database: launch to started | $RESTART |"
} > "$REPORT"
cat "$REPORT"
