#!/usr/bin/env bash
# The performance benchmark of issue 11. Not part of `mvn verify` or CI: run it by hand, on an idle machine.
#
#   scripts/benchmark.sh                          # about 40 minutes on 2 cores; report in target/benchmark/report-<commit>.md
#   SIZES="1000 10000" STEPS=2,3 scripts/benchmark.sh   # a quick try (a few minutes)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, or PGHOST/PGUSER/PGPASSWORD) with pgbench, a JDK 17, and
# gnuplot for the plot (installed with apt-get when missing, as .ci/run installs chromium). Builds the jar if
# target/ has none (or JAR=...). Every figure runs side by side with its baseline, A B A B, and the report gives
# the medians over the rounds and their ratios. Steps (STEPS=1,2,... picks some; 3, 4 and 7 need the database of 2):
#  1 start-up to ready: scripts/benchmark/startup.sh (its variants interleaved) -> target/benchmark/startup.md
#  2 lists: drop and create the database $DB, let the app make its schema and demo data, then for each of $SIZES
#    (cumulative: the next size adds only the rest) load that many cases waiting for a PO and $LAB_SHARE laboratory
#    invoices per 100 of them (scripts/benchmark/load-data.sql), start the app with -Xmx$HEAP and measure the list
#    calls (Pending PO's first, deep, a rep's first and last page; the Console case list first and deep page as
#    billing and as a rep; the Console invoice list first and deep page as administrator and as an office manager)
#    with scripts/benchmark/LoadClient.java (after WARMUP_SECONDS per call; API calls with HTTP Basic on every request,
#    the Console's pages signed in once by the sign-in form, as a browser), each run followed by its two baselines for
#    as long: GET /api/me as the same user signed in the same way (the framework's own cost: security, the servlet
#    stack, the identity look-ups) and pgbench running the list's own SQL
#    (the database's own cost); EXPLAIN ANALYZE of each list query goes to target/benchmark/plans-<size>.txt
#  3 export: $INVOICED invoiced cases of 4 lines are added; the accounting export streamed with -Xmx$HEAP (first
#    byte, total, MB, peak heap from jstat, the app alive after) against psql \copy of the same join to a file
#  4 lifecycle: scripts/benchmark/lifecycle.sh against the app on PostgreSQL -> target/benchmark/lifecycle.md
#  5 in-process figures (JMH): scripts/benchmark/jmh.sh -> target/benchmark/jmh.md
#  6 Jakarta Mail building one invoice mail in the fat jar, without and with the StreamProvider property
#  7 with ALL_STATUSES (e.g. 10000000): cases in every status up to that many, and the lists of step 2 again
# A step whose script is missing is skipped with a message. The report (Markdown, with the plot of latency
# against data size) is target/benchmark/report-$LABEL.md; target/benchmark/lists-$LABEL.tsv has every run.
set -euo pipefail
cd "$(dirname "$0")/.."

LABEL=${LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo run)}
DB=${DB:-billflow_perf}
PORT=${PORT:-8095}
SMTP=${SMTP:-2545}
SIZES=${SIZES:-10000 100000 1000000}
LAB_SHARE=${LAB_SHARE:-30}
INVOICED=${INVOICED:-250000}
ALL_STATUSES=${ALL_STATUSES:-0}
HEAP=${HEAP:-256m}
THREADS=${THREADS:-2}
SECONDS_PER_CALL=${SECONDS_PER_CALL:-4}
ROUNDS=${ROUNDS:-2}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
STARTUP_ROUNDS=${STARTUP_ROUNDS:-2}
STARTUP_VARIANTS=${STARTUP_VARIANTS:-readme cds jar}
LIFECYCLE_CLIENTS=${LIFECYCLE_CLIENTS:-4}
LIFECYCLE_SECONDS=${LIFECYCLE_SECONDS:-60}
LIFECYCLE_ROUNDS=${LIFECYCLE_ROUNDS:-3}
STEPS=${STEPS:-1,2,3,4,5,6,7}
step() { [[ ",$STEPS," == *",$1,"* ]]; }
OUT=target/benchmark
PG=(-h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}")
PSQL=(psql "${PG[@]}" -v ON_ERROR_STOP=1 -q -X)
BASE="http://localhost:$PORT"
mkdir -p "$OUT"
STARTED=$OUT/.started-$LABEL
touch "$STARTED"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
RUN_STARTED=$(date +%s)
NOTES=()
note() { echo "!! $*" >&2; NOTES+=("$*"); }

JAR=${JAR:-$(ls target/billflow-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$JAR" ]]; then
  mvn -B -q -DskipTests package
  JAR=$(ls target/billflow-*.jar | grep -v original | head -1)
fi
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" scripts/benchmark/LoadClient.java
LOAD=(java -cp "$OUT/classes" LoadClient)

APP=
stop_app() { if [[ -n "$APP" ]] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi; APP=; }
trap stop_app EXIT

# wait_for LOG PATTERN: until the app's log shows PATTERN (or the app died).
wait_for() {
  until grep -q "$2" "$1"; do
    kill -0 "$APP" 2>/dev/null || { echo "the app died, see $1" >&2; exit 1; }
    sleep 0.2
  done
}

# wait_ready: until the app has done its start-up work (it answers 503 "starting" before).
wait_ready() {
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' -u billing:billing "$BASE/api/dashboard/pending-po?size=1")" == 200 ]]; do
    kill -0 "$APP" 2>/dev/null || { echo "the app died, see $OUT/app-$LABEL.log" >&2; exit 1; }
    sleep 0.2
  done
}

# run_pg JAVA-ARGS...: the app on the PostgreSQL database $DB, in the background (APP is its pid).
run_pg() {
  DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$DB" DB_USER="${PGUSER:-postgres}" DB_PASSWORD="${PGPASSWORD:-}" \
  java "$@" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --spring.profiles.active=postgres \
    --billflow.demo.enabled=true --billflow.mail.embedded.enabled=true --billflow.mail.embedded.port="$SMTP" \
    --billflow.mail.embedded.directory="$OUT/mailbox" --spring.mail.host=localhost --spring.mail.port="$SMTP" \
    --server.port="$PORT" >> "$OUT/app-$LABEL.log" 2>&1 &
  APP=$!
}
start_pg() { run_pg "-Xmx$HEAP"; wait_for "$OUT/app-$LABEL.log" "Started BillflowApplication"; wait_ready; }

# load VAR=VALUE...: scripts/benchmark/load-data.sql with those psql variables (the app stopped); prints the seconds.
load() {
  local args=() started; started=$(date +%s)
  for assignment in "$@"; do args+=(-v "$assignment"); done
  "${PSQL[@]}" -d "$DB" "${args[@]}" -f scripts/benchmark/load-data.sql > /dev/null
  echo $(( $(date +%s) - started ))
}
sql() { "${PSQL[@]}" -d "$DB" -At -F'|' -c "$1"; }

# ---- step 2 (and 7): the list calls, their baselines and their SQL ----
LISTS=$OUT/lists-$LABEL.tsv     # size, call, round, kind (call | me | sql), requests, errors, p50, p95, p99, max, per s
SIZE_ROWS=$OUT/sizes-$LABEL.tsv # size, pending cases, all cases, laboratory invoices, load seconds
CALLS=(pending_first pending_deep pending_rep_first pending_rep_last cases_first cases_deep cases_rep_first cases_rep_deep
       invoices_first invoices_deep invoices_office_first invoices_office_deep)
declare -A TITLE=(
  [pending_first]="Pending PO's, first page (billing)" [pending_deep]="Pending PO's, page at 80 % (by cursor)"
  [pending_rep_first]="Pending PO's, a rep's first page" [pending_rep_last]="Pending PO's, a rep's last page (by cursor)"
  [cases_first]="Console cases, first page (billing)" [cases_deep]="Console cases, page at 80 % (by key; billing)"
  [cases_rep_first]="Console cases, a rep's first page" [cases_rep_deep]="Console cases, a rep's page at 80 % (by key)"
  [invoices_first]="Console invoices, first page (administrator)" [invoices_deep]="Console invoices, page at 80 % (by key; administrator)"
  [invoices_office_first]="Console invoices, first page (office manager)" [invoices_office_deep]="Console invoices, page at 80 % (by key; office manager)")
declare -A WHO URL EXPECT QUERY
PENDING_ITEMS="select c.id, c.case_number, c.procedure_date, f.name, c.rep, c.total, c.currency
from surgical_case c join facility f on f.code = c.facility_code where c.status = 'PENDING_PO'"
PENDING_TOTALS="select currency, sum(case_count), sum(total_value) from pending_po_summary group by currency having sum(case_count) > 0 order by currency;"
PENDING_REP_TOTALS="select currency, sum(case_count), sum(total_value) from pending_po_summary where rep = :rep group by currency having sum(case_count) > 0 order by currency;"
CASES="select c.id, c.case_number, c.procedure_date, f.name, c.rep, c.status, c.total, c.currency, c.invoice_number
from surgical_case c join facility f on f.code = c.facility_code where 1 = 1"
INVOICES="select i.id, i.type, i.status, i.number, l.name, c.name, i.job_number, i.total, i.currency, i.created_at, i.laboratory_code, i.client_code
from invoice i join laboratory l on l.code = i.laboratory_code join client c on c.code = i.client_code where 1 = 1"
b64url() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }

# define_calls: each call's user, URL (deep keys at 80 % of the list, as "Next" would reach them), the text its page
# must contain, and its SQL as the app sends it (pgbench variables where the app binds a parameter).
declare -A VAR
define_calls() {
  VAR=([rep]=rep [lim]=51 [off]=0)
  local n k key offices labs=""
  WHO[pending_first]=billing:billing; URL[pending_first]="$BASE/api/dashboard/pending-po?page=0&size=20"
  QUERY[pending_first]="$PENDING_TOTALS
$PENDING_ITEMS order by c.procedure_date, c.id limit 21 offset 0;"
  n=$(sql "select coalesce(sum(case_count), 0) from pending_po_summary")
  k=$(( n * 4 / 5 / 20 * 20 ))
  WHO[pending_deep]=billing:billing
  if (( k > 0 )); then
    key=$(sql "select procedure_date, id from surgical_case where status = 'PENDING_PO' order by procedure_date, id offset $(( k - 1 )) limit 1")
    VAR[pd_date]=${key%|*}; VAR[pd_id]=${key#*|}
    URL[pending_deep]="$BASE/api/dashboard/pending-po?size=20&cursor=$(b64url "after:$(( k / 20 )):${key%|*}:${key#*|}")"
    QUERY[pending_deep]="$PENDING_TOTALS
$PENDING_ITEMS and (c.procedure_date, c.id) > (:pd_date, :pd_id) order by c.procedure_date, c.id limit 21;"
  else
    URL[pending_deep]=${URL[pending_first]}; QUERY[pending_deep]=${QUERY[pending_first]}
  fi
  WHO[pending_rep_first]=rep:rep; URL[pending_rep_first]="$BASE/api/dashboard/pending-po?page=0&size=20"
  QUERY[pending_rep_first]="$PENDING_REP_TOTALS
$PENDING_ITEMS and c.rep = :rep order by c.procedure_date, c.id limit 21 offset 0;"
  n=$(sql "select coalesce(sum(case_count), 0) from pending_po_summary where rep = 'rep'")
  k=$(( n > 0 ? (n - 1) / 20 * 20 : 0 ))
  WHO[pending_rep_last]=rep:rep
  if (( k > 0 )); then
    key=$(sql "select procedure_date, id from surgical_case where status = 'PENDING_PO' and rep = 'rep' order by procedure_date, id offset $(( k - 1 )) limit 1")
    VAR[pr_date]=${key%|*}; VAR[pr_id]=${key#*|}
    URL[pending_rep_last]="$BASE/api/dashboard/pending-po?size=20&cursor=$(b64url "after:$(( k / 20 )):${key%|*}:${key#*|}")"
    QUERY[pending_rep_last]="$PENDING_REP_TOTALS
$PENDING_ITEMS and c.rep = :rep and (c.procedure_date, c.id) > (:pr_date, :pr_id) order by c.procedure_date, c.id limit 21;"
  else
    URL[pending_rep_last]=${URL[pending_rep_first]}; QUERY[pending_rep_last]=${QUERY[pending_rep_first]}
  fi

  # The Console's case list: newest event first, 50 rows (+1 to know whether a next page exists).
  for who in billing rep; do
    local id=cases_first where="" filter=""
    [[ $who == rep ]] && { id=cases_rep_first; where=" where rep = 'rep'"; filter=" and c.rep = :rep"; }
    WHO[$id]=$who:$who; URL[$id]="$BASE/console/cases"
    QUERY[$id]="$CASES$filter order by c.procedure_date desc, c.id desc limit :lim offset :off;"
    local deep=${id/_first/_deep} p=${who:0:1}
    n=$(sql "select count(*) from surgical_case$where")
    k=$(( n * 4 / 5 / 50 * 50 ))
    WHO[$deep]=$who:$who
    if (( k > 0 )); then
      key=$(sql "select procedure_date, id from surgical_case$where order by procedure_date desc, id desc offset $(( k - 1 )) limit 1")
      VAR[c${p}_date]=${key%|*}; VAR[c${p}_id]=${key#*|}
      URL[$deep]="$BASE/console/cases?page=$(( k / 50 ))&after=${key%|*}~${key#*|}"
      QUERY[$deep]="$CASES$filter and (c.procedure_date, c.id) < (:c${p}_date, :c${p}_id) order by c.procedure_date desc, c.id desc limit :lim;"
    else
      URL[$deep]=${URL[$id]}; QUERY[$deep]=${QUERY[$id]}
    fi
  done

  # The Console's invoice list: newest first by (created_at, id); the office manager's is filtered by their laboratories.
  offices=$(sql "select string_agg(tenant_id_, ',' order by tenant_id_) from act_id_tenant_member where user_id_ = 'office'")
  local i=0
  for lab in ${offices//,/ }; do i=$(( i + 1 )); VAR[lab$i]=$lab; labs+="${labs:+, }:lab$i"; done
  for who in demo office; do
    local id=invoices_first where="" filter=""
    [[ $who == office ]] && { id=invoices_office_first; where=" where laboratory_code in ($(sed "s/[^,]*/'&'/g" <<< "${offices:-none}"))"
                              filter=" and i.laboratory_code in (${labs:-'none'})"; }
    WHO[$id]=$who:$who; URL[$id]="$BASE/console/invoices"
    QUERY[$id]="$INVOICES$filter order by i.created_at desc, i.id desc limit :lim;"
    local deep=${id/_first/_deep} p=${who:0:1}
    n=$(sql "select count(*) from invoice$where")
    k=$(( n * 4 / 5 / 50 * 50 ))
    WHO[$deep]=$who:$who
    if (( k > 0 )); then
      key=$(sql "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id from invoice$where
                 order by created_at desc, id desc offset $(( k - 1 )) limit 1")
      VAR[i${p}_at]=${key%|*}; VAR[i${p}_id]=${key#*|}
      URL[$deep]="$BASE/console/invoices?after=${key%|*}_${key#*|}"
      QUERY[$deep]="$INVOICES$filter and (i.created_at, i.id) < (:i${p}_at, :i${p}_id) order by i.created_at desc, i.id desc limit :lim;"
    else
      URL[$deep]=${URL[$id]}; QUERY[$deep]=${QUERY[$id]}
    fi
  done
  for id in "${CALLS[@]}"; do
    case $id in pending*) EXPECT[$id]='"items"';; cases*) EXPECT[$id]='data-label="Case"';; *) EXPECT[$id]='data-label="Number"';; esac
  done
}

# load_client CALL ARGS...: LoadClient for that call; the Console's pages (cases*, invoices*) as a browser uses them,
# signed in once with the sign-in form and then by the session cookie, the API calls with HTTP Basic on every request.
load_client() {
  case $1 in cases*|invoices*) shift; java -Dsession=form -cp "$OUT/classes" LoadClient "$@";; *) shift; "${LOAD[@]}" "$@";; esac
}

# http_run SIZE CALL ROUND KIND USER URL EXPECT: one LoadClient run, appended to $LISTS (the /api/me baseline signs in
# as its call does).
http_run() {
  local line
  if line=$(load_client "$2" "$2" "$6" "$5" "$SECONDS_PER_CALL" "$THREADS" "$7" 2>> "$OUT/errors-$LABEL.log"); then
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$(cut -f2- <<< "$line")" >> "$LISTS"
  else
    note "$2 ($4, size $1, round $3): the probe failed, see $OUT/errors-$LABEL.log"
  fi
}

# sql_run SIZE CALL ROUND: pgbench running the call's SQL (prepared, $THREADS clients, as long as an HTTP run), appended to $LISTS.
sql_run() {
  local dir=$OUT/pgbench defines=() name
  rm -rf "$dir" && mkdir -p "$dir"
  printf '%s\n' "${QUERY[$2]}" > "$dir/script.sql"
  for name in "${!VAR[@]}"; do defines+=(-D "$name=${VAR[$name]}"); done
  if ! pgbench "${PG[@]}" -n -M prepared -c "$THREADS" -j "$THREADS" -T "$SECONDS_PER_CALL" "${defines[@]}" \
       -f "$dir/script.sql" --log --log-prefix="$dir/log" "$DB" > "$dir/out.txt" 2>&1; then
    note "$2 (sql, size $1, round $3): pgbench failed: $(tail -3 "$dir/out.txt" | tr '\n' ' ')"; return
  fi
  # log lines: client, transaction, latency us, script, epoch s, us; the first quarter warms up, as with LoadClient
  cat "$dir"/log.* | awk '{ printf "%d.%06d %s\n", $5, $6, $3 }' | sort -n | awk -v warm="$SECONDS_PER_CALL" -v size="$1" -v call="$2" -v round="$3" '
    NR == 1 { t0 = $1 } $1 >= t0 + warm / 4 { n++; v[n] = $2 / 1000 }
    function q(p,  i) { i = int(p * n + 0.999999); if (i < 1) i = 1; return sprintf("%.1f", v[i]) }
    END { asort(v); printf "%s\t%s\t%s\tsql\t%d\t0\t%s\t%s\t%s\t%s\t%.0f\n", size, call, round, n, q(0.5), q(0.95), q(0.99), q(1), n / (warm * 0.75) }' >> "$LISTS"
}

# explain SIZE: EXPLAIN (ANALYZE, BUFFERS) of each call's SQL with its values, to plans-SIZE.txt.
explain() {
  local file=$OUT/plans-$1.txt text name
  : > "$file"
  for id in "${CALLS[@]}"; do
    text=${QUERY[$id]}
    for name in $(printf '%s\n' "${!VAR[@]}" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2); do
      text=${text//:$name/\'${VAR[$name]}\'}
    done
    { echo "== $id: ${TITLE[$id]} (${URL[$id]#$BASE})"
      while IFS= read -r statement; do
        [[ -n "$statement" ]] || continue
        echo "$statement"
        sql "explain (analyze, buffers) $statement"
        echo
      done < <(awk 'BEGIN { RS = ";" } NF { gsub(/\n/, " "); print }' <<< "$text")
    } >> "$file"
  done
}

# measure_size SIZE: warm up every call, then for each call ROUNDS x (the call, /api/me, its SQL).
measure_size() {
  define_calls
  explain "$1"
  for id in "${CALLS[@]}"; do
    load_client "$id" "$id" "${URL[$id]}" "${WHO[$id]}" "$WARMUP_SECONDS" "$THREADS" "${EXPECT[$id]}" > /dev/null 2>> "$OUT/errors-$LABEL.log" \
      || note "$id (size $1): the warm-up probe failed, see $OUT/errors-$LABEL.log"
  done
  for id in "${CALLS[@]}"; do
    for round in $(seq "$ROUNDS"); do
      http_run "$1" "$id" "$round" call "${WHO[$id]}" "${URL[$id]}" "${EXPECT[$id]}"
      http_run "$1" "$id" "$round" me "${WHO[$id]}" "$BASE/api/me" '"userId"'
      sql_run "$1" "$id" "$round"
    done
    echo "   $id: $(awk -F'\t' -v s="$1" -v c="$id" '$1 == s && $2 == c { printf "%s p50 %s p95 %s; ", $4, $7, $8 }' "$LISTS")"
  done
}

if step 1; then
  if [[ -f scripts/benchmark/startup.sh ]]; then
    echo "== 1 start-up to ready (scripts/benchmark/startup.sh, $STARTUP_ROUNDS rounds)"
    env JAR="$JAR" PORT="$PORT" SMTP="$SMTP" ROUNDS="$STARTUP_ROUNDS" VARIANTS="${STARTUP_VARIANTS:-readme cds jar}" bash scripts/benchmark/startup.sh || note "startup.sh failed (status $?)"
  else
    note "step 1 skipped: scripts/benchmark/startup.sh is missing"
  fi
fi

if step 2; then
  echo "== 2 PostgreSQL database $DB: schema and demo data by the app"
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
  : > "$LISTS"; : > "$SIZE_ROWS"
  run_pg "-Xmx$HEAP"
  wait_for "$OUT/app-$LABEL.log" "Laboratory demo data seeded"
  stop_app
  for size in $SIZES; do
    labs=$(( size * LAB_SHARE / 100 ))
    echo "== 2 size $size: up to $size cases waiting for a PO and $labs laboratory invoices"
    seconds=$(load pending="$size" lab_invoices="$labs")
    printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$(sql "select coalesce(sum(case_count), 0) from pending_po_summary")" \
      "$(sql "select count(*) from surgical_case")" "$(sql "select count(*) from invoice")" "$seconds" >> "$SIZE_ROWS"
    echo "   loaded in $seconds s; app -Xmx$HEAP, $THREADS threads, $ROUNDS rounds of $SECONDS_PER_CALL s per call and baseline"
    start_pg
    measure_size "$size"
    stop_app
  done
fi

EXPORT_ROWS=
if step 3; then
  echo "== 3 accounting export of $(( INVOICED * 4 )) invoice lines (-Xmx$HEAP) against psql \\copy, $ROUNDS rounds"
  seconds=$(load invoiced="$INVOICED")
  echo "   loaded in $seconds s"
  start_pg
  COPY_SQL="select c.id, c.invoice_number, c.facility_code, c.invoice_date, c.due_date, c.currency, c.po_all_manufacturers,
    l.manufacturer, l.part_number, l.lot_number, l.serial_number, l.description, l.quantity, l.unit_price, l.amount,
    (select p.po_number from surgical_case_po p where p.case_id = c.id and p.manufacturer = l.manufacturer)
    from surgical_case c join surgical_case_line l on l.case_id = c.id
    where c.invoice_number is not null and c.status <> 'CANCELLED' and c.invoice_date between '2026-01-01' and '2026-01-31'
    order by c.invoice_date, c.invoice_number, l.position"
  for round in $(seq "$ROUNDS"); do
    if kill -0 "$APP" 2>/dev/null; then
      jstat -gc "$APP" 200 > "$OUT/jstat-$LABEL-$round.txt" &
      JSTAT=$!
      read -r code ttfb total bytes <<< "$(curl -s -u demo:demo --max-time 600 -o "$OUT/export-$LABEL.csv" \
        -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
        "$BASE/api/exports/invoices.csv?format=xero&from=2026-01-01&to=2026-01-31" || echo "none - - 0")"
      kill "$JSTAT" 2>/dev/null || true; wait "$JSTAT" 2>/dev/null || true
      sleep 1
      alive=$(kill -0 "$APP" 2>/dev/null && echo yes || echo "no: $(grep -o 'Terminating due to .*' "$OUT/app-$LABEL.log" | tail -1 || echo exited)")
      peak=$(awk 'NR > 1 && $3 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$OUT/jstat-$LABEL-$round.txt")
      rows=$(( $(wc -l < "$OUT/export-$LABEL.csv") - 1 ))
      bytes=${bytes%.*}; [[ "$bytes" =~ ^[0-9]+$ ]] || bytes=0
      EXPORT_ROWS+="| $round | export, -Xmx$HEAP | $code | $(printf '%.2f' "$ttfb" 2>/dev/null || echo "$ttfb") | $(printf '%.2f' "$total" 2>/dev/null || echo "$total") | $(( bytes / 1048576 )) | $rows | $peak | $alive |"$'\n'
    else
      EXPORT_ROWS+="| $round | export, -Xmx$HEAP | not run: the app is down | | | | | | |"$'\n'
    fi
    started=$(date +%s.%N)
    "${PSQL[@]}" -d "$DB" -c "\\copy ($(tr '\n' ' ' <<< "$COPY_SQL")) to '$OUT/copy-$LABEL.csv' with (format csv, header)"
    took=$(echo "$(date +%s.%N) - $started" | bc)
    EXPORT_ROWS+="| $round | psql \\\\copy of the same join | - | - | $(printf '%.2f' "$took") | $(( $(stat -c %s "$OUT/copy-$LABEL.csv") / 1048576 )) | $(( $(wc -l < "$OUT/copy-$LABEL.csv") - 1 )) | - | - |"$'\n'
  done
  stop_app
  printf '%s' "$EXPORT_ROWS"
fi

if step 4; then
  if [[ -f scripts/benchmark/lifecycle.sh ]]; then
    echo "== 4 lifecycle against its no-op baseline (scripts/benchmark/lifecycle.sh), app -Xmx$HEAP on PostgreSQL"
    start_pg
    env SECONDS="$LIFECYCLE_SECONDS" CLIENTS="$LIFECYCLE_CLIENTS" ROUNDS="$LIFECYCLE_ROUNDS" APP_PID="$APP" \
      bash scripts/benchmark/lifecycle.sh "$BASE" || note "lifecycle.sh failed (status $?)"
    stop_app
  else
    note "step 4 skipped: scripts/benchmark/lifecycle.sh is missing"
  fi
fi

if step 5; then
  if [[ -f scripts/benchmark/jmh.sh ]]; then
    echo "== 5 in-process figures (scripts/benchmark/jmh.sh)"
    bash scripts/benchmark/jmh.sh || note "jmh.sh failed (status $?)"
  else
    note "step 5 skipped: scripts/benchmark/jmh.sh is missing"
  fi
fi

MAIL_ROWS=
if step 6; then
  echo "== 6 Jakarta Mail, one invoice mail built and written in the fat jar: without / with the StreamProvider property"
  rm -rf "$OUT/mailbench" && mkdir -p "$OUT/mailbench/lib" "$OUT/mailbench/classes"
  (cd "$OUT/mailbench/lib" && jar xf "$OLDPWD/$JAR" BOOT-INF/lib)
  javac -d "$OUT/mailbench/classes" -cp "$OUT/mailbench/lib/BOOT-INF/lib/*" scripts/benchmark/MailPartBenchmark.java
  mail_bench() { java "$@" -cp "$JAR" -Dloader.path="$OUT/mailbench/classes" -Dloader.main=MailPartBenchmark \
    org.springframework.boot.loader.launch.PropertiesLauncher 2000 | cut -f2; }
  for round in $(seq "$ROUNDS"); do
    without=$(mail_bench); with=$(mail_bench -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider)
    MAIL_ROWS+="| $round | $without | $with | $(echo "scale=2; $with / $without" | bc) |"$'\n'
  done
  printf '%s' "$MAIL_ROWS"
fi

if step 7 && (( ALL_STATUSES > 0 )); then
  echo "== 7 up to $ALL_STATUSES cases in all statuses, then the lists of step 2 again"
  seconds=$(load all_statuses="$ALL_STATUSES")
  printf '%s\t%s\t%s\t%s\t%s\n' "$ALL_STATUSES" "$(sql "select coalesce(sum(case_count), 0) from pending_po_summary")" \
    "$(sql "select count(*) from surgical_case")" "$(sql "select count(*) from invoice")" "$seconds" >> "$SIZE_ROWS"
  echo "   loaded in $seconds s"
  start_pg
  measure_size "$ALL_STATUSES"
  stop_app
fi

LOAD_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)
source scripts/benchmark/report.sh
