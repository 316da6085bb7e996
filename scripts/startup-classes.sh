#!/usr/bin/env bash
# Rewrites src/main/resources/META-INF/billflow/startup-classes.txt, the classes StartupClassPreloader loads on a
# second thread at start-up: starts the packaged app once on a fresh H2 database with demo data and -Xlog:class+load,
# waits until the demo data is seeded, and keeps the names of the classes it loaded from the jar and from the JDK
# outside its CDS archive, in load order (generated classes such as proxies and lambdas left out). Run it after
# large changes of dependencies (a stale list still works: missing names are skipped, new classes just load on
# the main thread), then rebuild. PORT and SMTP (default 8095 / 2545) if those are taken.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/training-run.sh
source scripts/lib/training-run.sh   # PORT, SMTP and JAR with their defaults; training_run
WORK=$(mktemp -d)
APP=
trap 'kill "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT
training_run "$WORK" -Dbillflow.startup.preload=false -XX:TieredStopAtLevel=1 -Xlog:class+load:file="$WORK/classes.log" -jar "$JAR"
LIST=src/main/resources/META-INF/billflow/startup-classes.txt
{
  echo "# Classes a start-up with demo data loads, in order (scripts/startup-classes.sh); read by StartupClassPreloader."
  awk '$3 == "source:" && $4 ~ /^(jar:nested:|jrt:\/|file:)/ {print $2}' "$WORK/classes.log" \
    | grep -v '^org\.springframework\.boot\.loader\.' | grep -v '\$\$\|\$Proxy\|Lambda' | awk '!seen[$0]++'
} > "$LIST"
echo "$(( $(wc -l < "$LIST") - 1 )) classes in $LIST"
