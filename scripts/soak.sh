#!/usr/bin/env bash
# Kill -9 soak: two Billflow nodes on a fresh PostgreSQL database and an SMTP sink outside them
# (src/test/java/com/billflow/soak/SoakMailSink), surgical cases submitted and driven through
# PO -> invoice -> mail (auto-send on) while a random node is killed with kill -9 every KILL_EVERY
# seconds and restarted; then it waits for quiescence and prints cases submitted, lost, stuck
# (with incidents), duplicate invoice numbers and duplicate mails (copies per Message-ID, counted
# from what the sink received). Loopback only; bounded by KILLS and MAX_WAIT; not part of mvn verify
# or CI. Exit status 1 when a case is lost or stuck or a number is duplicated.
#
#   bash scripts/soak.sh                     # builds the jar and the sink, 6 kills, 25 s apart
#   KILLS=10 KILL_EVERY=40 bash scripts/soak.sh
#   SKIP_BUILD=1 bash scripts/soak.sh        # reuse target/ from an earlier run
#
# Settings (environment): KILLS=6 KILL_EVERY=25 WORKERS=2 QUIET=120 MAX_WAIT=900 PORT1=8091
# PORT2=8092 SMTP_PORT=2541 SOAK_DB=billflow_soak (dropped and created; PGHOST=127.0.0.1, PGPORT,
# PGUSER=postgres, PGPASSWORD) SOAK_DIR=target/soak MVN=mvn.
set -euo pipefail
cd "$(dirname "$0")/.."

KILLS=${KILLS:-6}
KILL_EVERY=${KILL_EVERY:-25}
WORKERS=${WORKERS:-2}
QUIET=${QUIET:-120}
MAX_WAIT=${MAX_WAIT:-900}
PORTS=("${PORT1:-8091}" "${PORT2:-8092}")
SMTP_PORT=${SMTP_PORT:-2541}
DB=${SOAK_DB:-billflow_soak}
WORK=${SOAK_DIR:-target/soak}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ADMIN=soak-admin ADMIN_PASSWORD=soak-Admin-1 REP=soak-rep REP_PASSWORD=soak-Rep-1

case "$PGHOST" in 127.0.0.1|localhost|::1) ;; *) echo "PGHOST must be loopback (the soak kills processes and drops $DB)"; exit 2 ;; esac
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "SOAK_DB must be a plain lower-case name"; exit 2; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ${MVN:-mvn} -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/soak-classpath.txt
fi
JAR=$(ls target/billflow-*.jar | grep -v original | head -1)
rm -rf "$WORK" && mkdir -p "$WORK/mail"
log() { echo "[$(date +%T)] $*"; }
q() { psql -d "$DB" -AtX -v ON_ERROR_STOP=1 -c "$1"; }

declare -a PIDS=("" "") START_LINE=(0 0) WORKER_PIDS=()
SINK_PID=""
cleanup() {
  touch "$WORK/stop"
  for pid in "${PIDS[@]}" ; do [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true; done
  [[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT

start_node() { # index
  local i=$1
  touch "$WORK/node$((i + 1)).log"
  START_LINE[$i]=$(wc -l < "$WORK/node$((i + 1)).log")
  java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres --server.port="${PORTS[$i]}" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
    --spring.datasource.password="${PGPASSWORD:-}" --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
    --billflow.surgical-case.auto-send-invoice=true --spring.jmx.enabled=false \
    >> "$WORK/node$((i + 1)).log" 2>&1 &
  PIDS[$i]=$!
}

wait_up() { # index: until the node answers and has run its set-up (groups exist)
  local i=$1
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null -m 2 "http://127.0.0.1:${PORTS[$i]}/camunda/app/welcome/default/" \
       && tail -n "+$((START_LINE[i] + 1))" "$WORK/node$((i + 1)).log" | grep -q "Started BillflowApplication"; then
      return 0
    fi
    kill -0 "${PIDS[$i]}" 2>/dev/null || { log "node $((i + 1)) exited while starting; see $WORK/node$((i + 1)).log"; return 1; }
    sleep 1
  done
  log "node $((i + 1)) did not come up in 240 s"; return 1
}

log "database $DB (fresh), SMTP sink on $SMTP_PORT, nodes on ${PORTS[*]}, $KILLS kills every $KILL_EVERY s"
psql -d postgres -qX -v ON_ERROR_STOP=1 -c "drop database if exists $DB with (force)" -c "create database $DB"
java -cp "target/test-classes:$(cat target/soak-classpath.txt)" com.billflow.soak.SoakMailSink "$SMTP_PORT" "$WORK/mail" \
  > "$WORK/sink.log" 2>&1 &
SINK_PID=$!

# Both nodes at the same moment on the empty database (issue 10: this used to fail one node in two).
start_node 0; start_node 1
wait_up 0; wait_up 1
log "both nodes up"

# The first administrator through Camunda Admin's set-up (as an operator does), then a rep and a facility.
BASE="http://127.0.0.1:${PORTS[0]}"
curl -s -c "$WORK/cookies" -o /dev/null "$BASE/camunda/app/admin/default/setup/"
XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$WORK/cookies")
curl -sf -b "$WORK/cookies" -H "X-XSRF-TOKEN: $XSRF" -H 'Content-Type: application/json' -o /dev/null \
  "$BASE/camunda/api/admin/setup/default/user/create" \
  -d "{\"profile\":{\"id\":\"$ADMIN\",\"firstName\":\"Soak\",\"lastName\":\"Admin\",\"email\":\"admin@soak.example\"},\"credentials\":{\"password\":\"$ADMIN_PASSWORD\"}}"
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -o /dev/null "$BASE/engine-rest/user/create" \
  -d "{\"profile\":{\"id\":\"$REP\",\"firstName\":\"Soak\",\"lastName\":\"Rep\",\"email\":\"rep@soak.example\"},\"credentials\":{\"password\":\"$REP_PASSWORD\"}}"
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -X PUT -o /dev/null "$BASE/engine-rest/group/sales-rep/members/$REP"
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -o /dev/null "$BASE/api/facilities" \
  -d '{"code":"SOAK","name":"Soak General Hospital","address":{"line1":"1 Loop Road","city":"Localhost","country":"United States"},
       "billingContacts":[{"name":"Accounts Payable","email":"ap@soak.example"}],"sendPoReminders":false,"paymentTermsDays":30}'
log "admin, rep and facility SOAK created"

call() { # method path body -> prints "status body" from a random node, "000" when no answer
  local port=${PORTS[$((RANDOM % 2))]}
  curl -s -m 30 -u "$REP:$REP_PASSWORD" -X "$1" -H 'Content-Type: application/json' \
    -w '\n%{http_code}' "http://127.0.0.1:$port$2" -d "$3" 2>/dev/null || echo $'\n000'
}

worker() { # index: submits cases and enters their POs until told to stop
  local w=$1 n=0
  while [[ ! -e "$WORK/stop" ]]; do
    n=$((n + 1))
    local id="" answer status
    for attempt in $(seq 1 20); do
      answer=$(call POST /api/surgical-cases "{\"facilityCode\":\"SOAK\",\"surgeon\":\"Dr. Soak\",\"procedure\":\"Knee\",
        \"procedureDate\":\"2026-11-20\",\"patientRef\":\"PT-$w-$n-$attempt\",\"currency\":\"USD\",\"lines\":[{\"manufacturer\":\"Acme\",
        \"partNumber\":\"A-1\",\"description\":\"Implant\",\"quantity\":1,\"unitPrice\":1000.00}]}")
      status=${answer##*$'\n'}
      if [[ "$status" == 201 ]]; then id=$(jq -r .id <<< "${answer%$'\n'*}"); echo "$id" >> "$WORK/submitted"; break; fi
      echo "POST $status" >> "$WORK/refused"
      sleep 1
    done
    [[ -z "$id" ]] && continue
    for attempt in $(seq 1 90); do
      answer=$(call PUT "/api/surgical-cases/$id/purchase-orders" '{"allManufacturers":"PO-'"$id"'"}')
      status=${answer##*$'\n'}
      # 409: the PO is in already (an earlier attempt went through but its answer was lost)
      if [[ "$status" == 200 || "$status" == 409 ]]; then echo "$id" >> "$WORK/po-entered"; break; fi
      echo "PUT $status" >> "$WORK/refused"
      sleep 2
    done
  done
}

for w in $(seq 1 "$WORKERS"); do worker "$w" & WORKER_PIDS+=($!); done
for k in $(seq 1 "$KILLS"); do
  sleep "$KILL_EVERY"
  i=$((RANDOM % 2))
  kill -9 "${PIDS[$i]}"; wait "${PIDS[$i]}" 2>/dev/null || true
  log "kill $k: node $((i + 1)) killed (-9), $(wc -l < "$WORK/submitted" 2>/dev/null || echo 0) cases submitted so far; restarting it"
  start_node "$i"
  wait_up "$i"
done
touch "$WORK/stop"
for pid in "${WORKER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
SUBMITTED=$(sort -un "$WORK/submitted" 2>/dev/null | wc -l)
log "load stopped: $SUBMITTED cases submitted; waiting for quiescence (all mailed, or no progress for $QUIET s and no job waiting for a retry)"

(( SUBMITTED > 0 )) || { log "no case was submitted: see $WORK/refused and the node logs"; exit 1; }
sort -un "$WORK/submitted" > "$WORK/submitted.sorted"
IDS=$(paste -sd, "$WORK/submitted.sorted")
done_count() { q "select count(*) from surgical_case where id in ($IDS) and invoice_sent_at is not null"; }
last=-1; still_since=$SECONDS; started=$SECONDS
while (( SECONDS - started < MAX_WAIT )); do
  now=$(done_count)
  (( now == SUBMITTED )) && break
  if (( now != last )); then last=$now; still_since=$SECONDS; fi
  # not quiet while a job waits for its retry (a send cut by a kill is retried once
  # billflow.mail.in-flight-timeout has passed: up to about 6 minutes after the kill)
  pending=$(q "select count(*) from act_ru_job where retries_ > 0")
  (( SECONDS - still_since >= QUIET && pending == 0 )) && break
  sleep 5
done
sleep 2  # let the sink write its last messages

echo
echo "== Soak result ($KILLS kills, $(date +%T))"
LOST=$(q "select count(*) from unnest(array[$IDS]::bigint[]) as s(id)
          where not exists (select 1 from surgical_case c where c.id = s.id
            and exists (select 1 from act_hi_procinst p where p.business_key_ = c.case_number))")
STUCK_ROWS=$(q "select id || ' ' || case_number || ' ' || status || ' invoice=' || coalesce(invoice_number, '-')
                || ' sent=' || coalesce(invoice_sent_by, '-') from surgical_case
                where id in ($IDS) and (invoice_number is null or invoice_sent_at is null) order by id")
STUCK=$(grep -c . <<< "$STUCK_ROWS" || true)
DUP_NUMBERS=$(q "select invoice_number || ' x' || count(*) from surgical_case where invoice_number is not null
                 group by invoice_number having count(*) > 1")
ORPHANS=$(q "select count(*) from surgical_case where id not in ($IDS)")
MAILS=$(ls "$WORK/mail" | wc -l)
grep -hi '^Message-ID:' "$WORK"/mail/*.eml 2>/dev/null | tr -d '\r' | sort | uniq -c | sort -rn > "$WORK/message-ids" || true
DUP_MAILS=$(awk '$1 > 1' "$WORK/message-ids")
echo "cases submitted (201):                 $SUBMITTED"
echo "POs entered:                           $(sort -un "$WORK/po-entered" 2>/dev/null | wc -l)"
echo "cases created without a 201 (answer lost, never driven on): $ORPHANS"
echo "lost (201 but not in DB or no process): $LOST"
echo "stuck (not invoiced and mailed):       $STUCK"
[[ -n "$STUCK_ROWS" ]] && sed 's/^/    /' <<< "$STUCK_ROWS"
echo "incidents:                             $(q 'select count(*) from act_ru_incident')"
q "select '    ' || incident_type_ || ' at ' || coalesce(activity_id_, '-') || ': ' || left(coalesce(incident_msg_, ''), 160) from act_ru_incident"
echo "jobs left:                             $(q 'select count(*) from act_ru_job')"
q "select '    job of ' || coalesce(e.business_key_, '-') || ', retries ' || j.retries_ || ', due ' || coalesce(j.duedate_::text, '-')
     || ': ' || left(coalesce(j.exception_msg_, ''), 120) from act_ru_job j
     left join act_ru_execution e on e.id_ = j.process_instance_id_ where j.exception_msg_ is not null"
echo "duplicate invoice numbers:             $(grep -c . <<< "$DUP_NUMBERS" || true)"
[[ -n "$DUP_NUMBERS" ]] && sed 's/^/    /' <<< "$DUP_NUMBERS"
echo "mails received by the sink:            $MAILS ($(wc -l < "$WORK/message-ids") distinct Message-IDs)"
echo "outbound_mail records:                 $(q "select coalesce(string_agg(status || ' ' || n, ', '), 'none') from (select status, count(*) n from outbound_mail group by status) s")"
echo "duplicate mails (Message-ID received more than once): $(grep -c . <<< "$DUP_MAILS" || true)"
while read -r copies _ id; do
  [[ -z "$id" ]] && continue
  echo "    $copies copies of $id ($(q "select idempotency_key from outbound_mail where message_id in ('$id', '${id//[<>]/}')"))"
done <<< "$DUP_MAILS"
echo "refused or unanswered calls (retried):  $(wc -l < "$WORK/refused" 2>/dev/null || echo 0) ($(sort "$WORK/refused" 2>/dev/null | uniq -c | tr '\n' ' '))"
echo "logs: $WORK/node1.log $WORK/node2.log $WORK/sink.log; mail: $WORK/mail"

(( LOST == 0 && STUCK == 0 )) && [[ -z "$DUP_NUMBERS" ]]
