#!/usr/bin/env bash
# Makes target/app/: the packaged app extracted (java -Djarmode=tools -jar JAR extract) and a static AppCDS archive
# (target/app/app.jsa) of the classes a start-up with demo data loads, so that the package starts faster:
#
#   scripts/app-cds.sh                      # after mvn -B -DskipTests package; about a minute and a half
#   java -XX:SharedArchiveFile=target/app/app.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
#        -jar target/app/billflow-0.1.0-SNAPSHOT.jar
#
# How: a training run of the extracted jar on a scratch H2 database (ports PORT/SMTP, default 8095/2545) writes the
# classes it loads (-XX:DumpLoadedClassList) until the demo data is seeded; then java -Xshare:dump archives them.
# The list's "@lambda-proxy" lines are left out: OpenJDK 17.0.15 crashes (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary) whenever it archives this app's lambda proxies, with
# -XX:ArchiveClassesAtExit and with -Xshare:dump alike; without them lambdas are spun at run time, as without CDS.
# Redo it after a rebuild or a JDK update: a JVM given a stale archive warns and starts without it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/training-run.sh
source scripts/lib/training-run.sh   # PORT, SMTP and JAR with their defaults; training_run
APP_DIR=${APP_DIR:-target/app}
NAME=$(basename "$JAR")
WORK=$(mktemp -d)
APP=
trap '[[ -n "$APP" ]] && kill "$APP" 2>/dev/null; rm -rf "$WORK"' EXIT

rm -rf "$APP_DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" > /dev/null
training_run "$WORK" -XX:DumpLoadedClassList="$WORK/classes.lst" -XX:TieredStopAtLevel=1 -jar "$APP_DIR/$NAME"
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
grep -v '^@lambda-proxy' "$WORK/classes.lst" > "$WORK/classes-archived.lst"
java -Xshare:dump -XX:SharedClassListFile="$WORK/classes-archived.lst" -XX:SharedArchiveFile="$APP_DIR/app.jsa" \
  -jar "$APP_DIR/$NAME" > "$WORK/dump.log" 2>&1 || { tail -30 "$WORK/dump.log" >&2; exit 1; }
echo "$(grep -vc '^@' "$WORK/classes-archived.lst") classes listed; archive $APP_DIR/app.jsa ($(du -m "$APP_DIR/app.jsa" | cut -f1) MB)"
echo "start: java -XX:SharedArchiveFile=$APP_DIR/app.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $APP_DIR/$NAME"
