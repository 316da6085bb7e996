#!/usr/bin/env bash
# Runs the browser tests (npm run test:e2e) against a throw-away Billflow: the jar already built in
# target/, a fresh H2 database in a temp dir, demo data on, the embedded SMTP server on its own port.
# Installs nothing: CI installs Debian's chromium and runs `npm ci` before this script.
#
# Environment (all optional):
#   BILLFLOW_E2E_PORT       HTTP port to try first (default 8081; the next free port is used if taken)
#   BILLFLOW_E2E_SMTP_PORT  embedded SMTP port to try first (default 2526, same rule)
#   BILLFLOW_E2E_TIMEOUT    seconds to wait for the app to be ready (default 120)
set -euo pipefail

cd "$(dirname "$0")/.."

jar=$(ls target/billflow-*.jar 2>/dev/null | grep -v -e '\.original$' -e '-sources\.jar$' | head -n 1 || true)
if [[ -z "$jar" ]]; then
  echo "e2e: no target/billflow-*.jar; build it first (mvn -B package -DskipTests)" >&2
  exit 1
fi

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local port=$1
  local last=$((port + 100))
  while port_in_use "$port"; do
    port=$((port + 1))
    if ((port > last)); then
      echo "e2e: no free port in $1..$last" >&2
      return 1
    fi
  done
  echo "$port"
}

http_port=$(free_port "${BILLFLOW_E2E_PORT:-8081}")
smtp_port=$(free_port "${BILLFLOW_E2E_SMTP_PORT:-2526}")
timeout=${BILLFLOW_E2E_TIMEOUT:-120}
base_url="http://localhost:$http_port"
work_dir=$(mktemp -d "${TMPDIR:-/tmp}/billflow-e2e.XXXXXX")
app_log="$work_dir/app.log"
app_pid=""

stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap stop_app EXIT

log_tail() {
  echo "----- last 80 lines of the app log ($app_log) -----" >&2
  tail -n 80 "$app_log" >&2 || true
  echo "----- end of app log -----" >&2
}

echo "e2e: starting $jar on $base_url (SMTP $smtp_port, database $work_dir/h2)"
java -jar "$jar" \
  --server.port="$http_port" \
  --spring.datasource.url="jdbc:h2:file:$work_dir/h2/billflow" \
  --billflow.mail.embedded.directory="$work_dir/mailbox" --billflow.mail.embedded.port="$smtp_port" \
  >"$app_log" 2>&1 &
app_pid=$!

# Ready means: the API answers billing (users exist) and both demo runners are done, the surgical
# cases and then the laboratory invoices. The web server accepts requests while the start-up
# runners still seed the demo data, and the tests count cases and pick invoice tasks.
deadline=$((SECONDS + timeout))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' -u billing:billing "$base_url/api/dashboard/pending-po" || true)" == 200 ]] \
    && grep -q 'Demo data seeded' "$app_log" && grep -q 'Laboratory demo data seeded' "$app_log"; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "e2e: the app stopped during start-up" >&2
    log_tail
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "e2e: the app was not ready within ${timeout}s" >&2
    log_tail
    exit 1
  fi
  sleep 1
done
echo "e2e: app ready after ${SECONDS}s"

status=0
BILLFLOW_URL="$base_url" npm run --silent test:e2e || status=$?
if ((status != 0)); then
  log_tail
fi
exit "$status"
