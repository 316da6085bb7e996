# Sourced by scripts/startup-classes.sh and scripts/app-cds.sh (from the repository's root): one start of the app with
# demo data on a scratch H2 database, watched until the demo data is seeded.
#
# Sets PORT and SMTP (the app's ports, default 8095 / 2545) and JAR (target/billflow-*.jar) unless given, and exits
# (status 1) when there is no jar.
#
#   training_run WORK JAVA_ARGS...   starts "java JAVA_ARGS... <the app's arguments>" with its database, mailbox and
#                                    outbox under WORK and its log in WORK/app.log, on ports PORT and SMTP; returns once
#                                    the log says the laboratory demo data is seeded, with the app still running and
#                                    its process id in APP; exits the script (status 1, the log's tail on stderr) if
#                                    the app dies first.
PORT=${PORT:-8095}
SMTP=${SMTP:-2545}
JAR=${JAR:-$(ls target/billflow-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[[ -n "$JAR" ]] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 1; }

training_run() {
  local work=$1
  shift
  java "$@" --server.port="$PORT" --billflow.mail.embedded.port="$SMTP" \
    --spring.datasource.url="jdbc:h2:file:$work/h2/billflow;DB_CLOSE_ON_EXIT=FALSE" \
    --billflow.mail.embedded.directory="$work/mailbox" --billflow.einvoice.outbox-directory="$work/outbox" > "$work/app.log" 2>&1 &
  APP=$!
  until grep -q "Laboratory demo data seeded" "$work/app.log"; do
    kill -0 "$APP" 2>/dev/null || { tail -30 "$work/app.log" >&2; exit 1; }
    sleep 0.5
  done
}
