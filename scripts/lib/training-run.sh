# Sourced by scripts/startup-classes.sh and scripts/app-cds.sh: one start of the app with demo data on a scratch H2
# database, watched until the demo data is seeded.
#
#   training_run WORK JAVA_ARGS...   starts "java JAVA_ARGS... <the app's arguments>" with its database, mailbox and
#                                    outbox under WORK and its log in WORK/app.log, on ports PORT and SMTP; returns once
#                                    the log says the laboratory demo data is seeded, with the app still running and
#                                    its process id in APP; exits the script (status 1, the log's tail on stderr) if
#                                    the app dies first.
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
