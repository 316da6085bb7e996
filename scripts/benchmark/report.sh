# The report of scripts/benchmark.sh, sourced by it at the end (it sets OUT, LABEL, the settings, LISTS, SIZE_ROWS,
# EXPORT_ROWS, MAIL_ROWS, NOTES, STARTED, LOAD_AT_START/END): target/benchmark/report-$LABEL.md with the machine, the
# data sizes, the goals of issue 11 met or not, each figure with its baseline and their ratio, the fragments the step
# scripts wrote in this run (start-up, lifecycle, JMH), and the plot of list latency against data size (gnuplot).

SUMMARY=$OUT/lists-summary-$LABEL.tsv
PLOT=$OUT/lists-$LABEL.png
REPORT=$OUT/report-$LABEL.md

# One line per size and call: size, call, requests, errors (the call's), then the medians over the rounds of the
# call's p50, p95, p99, /api/me's p50, p95 and the SQL's p50, p95, then the medians of the per-round ratios of p50
# call / /api/me and call / SQL. Missing figures are "-".
summarise() {
  [[ -s "$LISTS" ]] || { : > "$SUMMARY"; return; }
  gawk -F'\t' -v OFS='\t' '
    function median(list,  v, n, i) { n = split(list, v, " "); if (n == 0) return "-"; asort(v)
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
    function fmt(x) { return x == "-" ? x : sprintf("%.1f", x) }
    function ratio(x) { return x == "-" ? x : sprintf("%.2f", x) }
    { key = $1 SUBSEP $2; if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
      if ($7 != "-") { p50[key, $4] = p50[key, $4] " " $7; p95[key, $4] = p95[key, $4] " " $8; p99[key, $4] = p99[key, $4] " " $9
                       at[key, $4, $3] = $7 }
      if ($4 == "call") { requests[key] += $5; errors[key] += $6 }
      rounds[key] = rounds[key] " " $3 }
    END { for (i = 1; i <= n; i++) { key = keys[i]; split(key, part, SUBSEP); me = ""; db = ""
            split(rounds[key], r, " "); delete done
            for (j in r) { if (r[j] in done) continue; done[r[j]] = 1
              if (at[key, "call", r[j]] != "" && at[key, "me", r[j]] > 0) me = me " " at[key, "call", r[j]] / at[key, "me", r[j]]
              if (at[key, "call", r[j]] != "" && at[key, "sql", r[j]] > 0) db = db " " at[key, "call", r[j]] / at[key, "sql", r[j]] }
            print part[1], part[2], requests[key] + 0, errors[key] + 0, fmt(median(p50[key, "call"])), fmt(median(p95[key, "call"])),
                  fmt(median(p99[key, "call"])), fmt(median(p50[key, "me"])), fmt(median(p95[key, "me"])),
                  fmt(median(p50[key, "sql"])), fmt(median(p95[key, "sql"])), ratio(median(me)), ratio(median(db)) } }' "$LISTS" > "$SUMMARY"
}

# size_label N: 10000 -> 10k, 1000000 -> 1M.
size_label() { awk -v n="$1" 'BEGIN { if (n >= 1e6 && n % 1e6 == 0) print n / 1e6 "M"; else if (n >= 1e3 && n % 1e3 == 0) print n / 1e3 "k"; else print n }'; }

# plot: p50 (solid) and p95 (dashed) of every list call against the data size, one panel per list, log-log.
plot() {
  [[ -s "$SUMMARY" ]] || return 0
  if ! command -v gnuplot > /dev/null; then
    echo "gnuplot is missing: installing gnuplot-nox (Debian)"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q gnuplot-nox; } > "$OUT/gnuplot-install.log" 2>&1 \
      || { note "no plot: gnuplot could not be installed (see $OUT/gnuplot-install.log)"; return 0; }
  fi
  local data=$OUT/plot-data && rm -rf "$data" && mkdir -p "$data"
  awk -F'\t' -v dir="$data" '$5 != "-" { print $1, $5, $6 > (dir "/" $2 ".dat") } $8 != "-" { me[$1] = me[$1] " " $8 }
    END { for (s in me) { n = split(me[s], v, " "); asort(v); print s, v[int((n + 1) / 2)] > (dir "/me.dat") } }' "$SUMMARY"
  [[ -f "$data/me.dat" ]] && sort -n -o "$data/me.dat" "$data/me.dat"
  local panels=("pending:Pending PO's, GET /api/dashboard/pending-po (20 per page)" "cases:Console case list, GET /console/cases (50 per page)"
                "invoices:Console invoice list, GET /console/invoices (50 per page)")
  {
    echo "set terminal pngcairo size 1100,1500 font 'DejaVu Sans,11'"
    echo "set output '$PLOT'"
    echo "set multiplot layout 3,1 title 'Billflow $LABEL: list latency against data size (p50 solid, p95 dashed; $THREADS client threads)' font ',13'"
    echo "set logscale xy; set grid xtics ytics mytics; set key outside right top vertical Left reverse font ',10'"
    echo "set xlabel 'cases in the database (pending PO cases; laboratory invoices: $LAB_SHARE per 100)'; set ylabel 'latency, ms'"
    echo "set format x '%.0s%c'; set xrange [*:*]; set yrange [0.5:*]"
    for panel in "${panels[@]}"; do
      local prefix=${panel%%:*} plots=() color=1
      echo "set title \"${panel#*:}\""
      for id in "${CALLS[@]}"; do
        [[ $id == $prefix* && -s "$data/$id.dat" ]] || continue
        plots+=("'$data/$id.dat' using 1:2 with linespoints lw 2 pt 7 lc $color dt 1 title \"${TITLE[$id]#*, } p50\"")
        plots+=("'$data/$id.dat' using 1:3 with linespoints lw 2 pt 6 lc $color dt 2 title \"p95\"")
        color=$(( color + 1 ))
      done
      [[ -s "$data/me.dat" ]] && plots+=("'$data/me.dat' using 1:2 with lines lw 1 lc rgb 'gray40' dt 3 title 'GET /api/me p50 (baseline)'")
      plots+=("25 with lines lw 1 lc rgb 'red' dt 4 title 'goal: p95 < 25 ms'")
      (( ${#plots[@]} > 2 )) && echo "plot $(IFS=,; echo "${plots[*]}")" || echo "set multiplot next"
    done
    echo "unset multiplot"
  } > "$OUT/plot-$LABEL.gp"
  gnuplot "$OUT/plot-$LABEL.gp" 2> "$OUT/plot-$LABEL.log" || note "gnuplot failed: $(head -3 "$OUT/plot-$LABEL.log" | tr '\n' ' ')"
}

# fragment FILE STEP: the step script's Markdown when it was written in this run (headings moved two levels down).
fragment() {
  if [[ -f "$1" && "$1" -nt "$STARTED" ]]; then
    awk '/^```/ { code = !code } !code && /^#/ { print "##" $0; next } { print }' "$1"
  elif [[ -f "$1" ]]; then
    echo "Not run in this run (\`$1\` is from an earlier run: $(date -u -r "$1" +%Y-%m-%dT%H:%MZ))."
  elif step "$2"; then
    echo "Not run: its script is missing or failed (see the notes)."
  else
    echo "Not run (STEPS=$STEPS)."
  fi
}

# goal_lists PREFIX SIZE: "met" / "not met" for p95 < 25 ms of every call of the list at SIZE, with the worst p95.
goal_lists() {
  awk -F'\t' -v p="$1" -v s="$2" 'index($2, p) == 1 && $1 == s { n++; if ($6 == "-" || $6 + 0 >= 25) bad++; if ($6 + 0 > worst) { worst = $6 + 0; at = $2 } }
    END { if (!n) print "not measured"; else printf "%s: worst p95 %.1f ms (%s)", bad ? "**not met**" : "**met**", worst, at }' "$SUMMARY"
}

summarise
plot
MACHINE_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
MACHINE_RAM=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
PG_VERSION=$("${PSQL[@]}" -d postgres -At -c 'show server_version' 2>/dev/null || echo unknown)
# Empty when step 2 did not run (no sizes file): the list goals are then reported as not measured.
LARGEST=$( [[ -s "$SIZE_ROWS" ]] && cut -f1 "$SIZE_ROWS" | sort -n | tail -1 || true)
LARGEST_PENDING=$( [[ -s "$SIZE_ROWS" ]] && sort -n "$SIZE_ROWS" | awk -F'\t' '$1 <= 1000000' | tail -1 | cut -f1 || true)
{
  echo "# Benchmark $LABEL ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "\`scripts/benchmark.sh\` (issue 11), $(( ($(date +%s) - RUN_STARTED + 30) / 60 )) min. Steps run: $STEPS."
  echo "Settings: SIZES=\"$SIZES\", LAB_SHARE=$LAB_SHARE, INVOICED=$INVOICED, ALL_STATUSES=$ALL_STATUSES, HEAP=$HEAP, THREADS=$THREADS,"
  echo "SECONDS_PER_CALL=$SECONDS_PER_CALL, ROUNDS=$ROUNDS, database $DB."
  echo
  echo "| cores | CPU | RAM | load at start | load at end | Java | PostgreSQL | OS |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| $(nproc) | $MACHINE_MODEL | $MACHINE_RAM | $LOAD_AT_START | $LOAD_AT_END | $(java -version 2>&1 | head -1) | $PG_VERSION | $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") |"
  if (( ${#NOTES[@]} > 0 )); then
    echo
    echo "Notes of this run:"
    echo
    for line in "${NOTES[@]}"; do echo "- $line"; done
  fi
  echo
  echo "## Goals of issue 11"
  echo
  echo "| goal | result |"
  echo "|---|---|"
  if [[ -s "$SUMMARY" && -n "$LARGEST_PENDING" ]]; then
    at="at $(size_label "$LARGEST_PENDING") pending cases"
    (( LARGEST_PENDING < 1000000 )) && at="$at (**not measured at 1M**: the goal's size needs SIZES up to 1000000)"
    echo "| 1. Pending PO's p95 < 25 ms: first page, deep page, a rep's pages, 1M pending cases | $(goal_lists pending "$LARGEST_PENDING") $at |"
    echo "| 1. the same for the Console's case list | $(goal_lists cases "$LARGEST_PENDING") $at |"
    echo "| 1. the same for the Console's invoice list | $(goal_lists invoices "$LARGEST_PENDING") $at |"
    if (( ALL_STATUSES > 0 )) && grep -q "^$ALL_STATUSES"$'\t' "$SUMMARY"; then
      echo "| 1. ... with $(size_label "$ALL_STATUSES") cases in all statuses | Pending PO's $(goal_lists pending "$ALL_STATUSES"); cases $(goal_lists cases "$ALL_STATUSES"); invoices $(goal_lists invoices "$ALL_STATUSES") |"
    else
      echo "| 1. ... with 10M cases in all statuses | not measured (ALL_STATUSES=10000000 runs it) |"
    fi
  else
    echo "| 1. lists p95 < 25 ms at 1M pending cases | not measured (step 2) |"
  fi
  echo "| 2. lifecycle ≥ 0.8 of the no-op baseline on PostgreSQL | see [2](#2-lifecycle-against-its-no-op-baseline) (lifecycle.sh's median ratio) |"
  echo "| 3. invoice PDF ≥ 0.9 of plain OpenPDF | see [3](#3-in-process-figures-jmh-and-the-export) (jmh.sh) |"
  if [[ -n "$EXPORT_ROWS" ]]; then
    echo "| 3. export of $(( INVOICED * 4 )) lines streamed with -Xmx$HEAP, first byte < 1 s | $(awk -F'|' '$3 ~ /export/ { n++; alive += $10 ~ /yes/; if ($4 + 0 == 200 && $5 + 0 < 1 && $10 ~ /yes/) ok++; if ($5 + 0 > worst) worst = $5 + 0 }
        END { printf "%s: first byte at most %.2f s in %d rounds (the first after start-up included), app alive after %d of them",
              ok == n ? "**met**" : "**not met**", worst, n, alive }' <<< "$EXPORT_ROWS") |"
  else
    echo "| 3. export streamed with 256 MB, first byte < 1 s | not measured (step 3) |"
  fi
  echo "| 4. start-up to ready < 20 s on an idle 2-core machine | see [4](#4-start-up) (startup.sh) |"

  echo
  echo "## 1. Lists"
  echo
  echo "After a warm-up of ${WARMUP_SECONDS:-10} s per call, each call ran $ROUNDS times for $SECONDS_PER_CALL s ($THREADS client threads, closed loop, the first quarter of each run"
  echo "not counted), each run followed by its two baselines for as long: **/api/me**, \`GET /api/me\` as the same user (Spring"
  echo "Security, the servlet stack and the identity look-ups: the framework's own cost), and **SQL**, pgbench running the list's own statements"
  echo "(prepared, $THREADS clients: the database's own cost). Figures are the medians over the rounds, in ms; the ratios are the"
  echo "medians of each round's p50 ÷ its baseline's p50. Deep pages are reached as Next would reach them (a cursor or key"
  echo "at 80 % of the list); pages of the Console are the whole HTML page. The API calls send HTTP Basic credentials with every"
  echo "request, as an integration does; the Console's pages (and their /api/me) are called as a browser calls them, signed in"
  echo "once with the sign-in form and then by the session cookie. Query plans: \`target/benchmark/plans-<size>.txt\`."
  echo
  if [[ -s "$SIZE_ROWS" ]]; then
    echo "| size | cases waiting for a PO | cases in all | laboratory invoices | loaded in s |"
    echo "|---|---|---|---|---|"
    awk -F'\t' '{ printf "| %s | %\047d | %\047d | %\047d | %s |\n", $1, $2, $3, $4, $5 }' "$SIZE_ROWS"
    echo
  fi
  if [[ -f "$PLOT" && "$PLOT" -nt "$STARTED" ]]; then
    echo "![list latency against data size]($(basename "$PLOT"))"
    echo
  fi
  for size in $(cut -f1 "$SUMMARY" 2>/dev/null | uniq); do
    echo "### $(size_label "$size")"
    echo
    echo "| call | requests | errors | p50 | p95 | p99 | /api/me p50 / p95 | SQL p50 / p95 | ÷ /api/me | ÷ SQL | p95 < 25 ms |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    while IFS=$'\t' read -r s id requests errors c50 c95 c99 m50 m95 s50 s95 rme rsql; do
      [[ $s == "$size" ]] || continue
      goal=$(awk -v p="$c95" 'BEGIN { print p == "-" ? "-" : (p + 0 < 25 ? "yes" : "**no**") }')
      echo "| ${TITLE[$id]:-$id} | $requests | $errors | $c50 | $c95 | $c99 | $m50 / $m95 | $s50 / $s95 | $rme | $rsql | $goal |"
    done < "$SUMMARY"
    seq_scans=$(awk '/^== / { call = $2; sub(/:$/, "", call) } /Seq Scan on (surgical_case|invoice)( |$)/ && !(call in seen) { seen[call] = 1; printf "%s ", call }' \
      "$OUT/plans-$size.txt" 2>/dev/null || true)
    echo
    [[ -n "$seq_scans" ]] && echo "A sequential scan of surgical_case or invoice in the plan of: $seq_scans(see \`plans-$size.txt\`;" \
      "on tables of a few thousand rows PostgreSQL may rightly prefer one)." && echo
  done

  echo "## 2. Lifecycle against its no-op baseline"
  echo
  fragment "$OUT/lifecycle.md" 4
  echo
  echo "## 3. In-process figures (JMH) and the export"
  echo
  fragment "$OUT/jmh.md" 5
  echo
  echo "### The accounting export against psql \\\\copy"
  echo
  if [[ -n "$EXPORT_ROWS" ]]; then
    echo "\`GET /api/exports/invoices.csv?format=xero\` for January 2026: $(( INVOICED * 4 )) lines of $INVOICED invoiced cases, the"
    echo "app started with -Xmx$HEAP -XX:+ExitOnOutOfMemoryError; peak heap = the most used (eden + survivors + old) in jstat's"
    echo "samples every 200 ms. The baseline writes the same join (cases, lines, each line's PO) as CSV with psql \\\\copy."
    echo
    echo "| round | what | HTTP | first byte s | total s | MB | rows | peak heap MB | app alive after |"
    echo "|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$EXPORT_ROWS"
  else
    echo "Not run (step 3)."
  fi
  echo
  echo "## 4. Start-up"
  echo
  fragment "$OUT/startup.md" 1
  if [[ -n "$MAIL_ROWS" ]]; then
    echo
    echo "## Jakarta Mail"
    echo
    echo "Microseconds per invoice mail (text + 40 KB PDF) built and written in the fat jar:"
    echo
    echo "| round | without the StreamProvider property | with it | ratio |"
    echo "|---|---|---|---|"
    printf '%s' "$MAIL_ROWS"
  fi
} > "$REPORT"
cat "$REPORT"
echo "Written: $REPORT$( [[ -f "$PLOT" ]] && echo " and $PLOT")"
