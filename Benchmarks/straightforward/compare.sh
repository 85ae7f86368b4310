#!/usr/bin/env bash
# The Swift nightly job and the straightforward Python one (straightforward/nightly.py) on the
# same scenario, one after the other in one run, each on a fresh database (issue 8).
#
#   compare.sh SCENARIO_DIR
#
# SCENARIO_DIR is a folder written by `python3 Benchmarks/generate-scenario.py OUT --educators N
# --awards M` (roster.csv, approvals.csv, relicensure.yaml, inbox/); it is only read.
#
# Environment:
#   RELICENSURE   the Swift binary (default .build/release/relicensure of this checkout)
#   PYTHON        a python3 with psycopg and PyYAML (default python3; see README.md)
#   AS_OF         the run's as-of date (default 2026-11-20)
#   PGHOST PGPORT the running PostgreSQL (default: what scripts/local-db env prints); user relicensure
#   KEEP_WORK=1   keep the temporary folder (logs, PDMS files, outcome dumps)
#
# It creates two databases named sf_swift_PID and sf_python_PID and drops them at the end.
# Timing: each command under `/usr/bin/time -f "%e s %M KB"`; the inbox is read once into the
# page cache first so that neither implementation pays for cold reads.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SCENARIO_DIR" >&2
  exit 2
fi
scenario=$(cd "$1" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -f "$here/nightly.py" ]; then sf=$here; else sf=$here/straightforward; fi
repo=$(cd "$sf/../.." && pwd)
RELICENSURE=${RELICENSURE:-$repo/.build/release/relicensure}
PYTHON=${PYTHON:-python3}
AS_OF=${AS_OF:-2026-11-20}
for file in roster.csv approvals.csv relicensure.yaml inbox; do
  [ -e "$scenario/$file" ] || { echo "$scenario has no $file" >&2; exit 2; }
done
[ -x "$RELICENSURE" ] || { echo "no relicensure binary at $RELICENSURE (set RELICENSURE)" >&2; exit 2; }
"$PYTHON" -c 'import psycopg, yaml' 2>/dev/null || {
  echo "$PYTHON lacks psycopg or PyYAML: pip install 'psycopg[binary]' pyyaml (see $sf/README.md)" >&2; exit 2; }
if [ -z "${PGHOST:-}" ] && [ -x "$repo/scripts/local-db" ]; then
  eval "$("$repo/scripts/local-db" env)"
fi
export PGUSER=relicensure
unset PGDATABASE
: "${PGHOST:?set PGHOST (and PGPORT) to the running PostgreSQL}"
port=${PGPORT:-5432}
url() { echo "postgresql://$PGUSER@/$1?host=$PGHOST&port=$port"; }

swift_db=sf_swift_$$
python_db=sf_python_$$
work=$(mktemp -d /tmp/sf-compare.XXXXXX)
cleanup() {
  dropdb --if-exists "$swift_db" 2>/dev/null || true
  dropdb --if-exists "$python_db" 2>/dev/null || true
  if [ "${KEEP_WORK:-}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
createdb "$swift_db"
createdb "$python_db"

# The Swift job's config: a copy whose inbox (and uploads) point at the scenario and whose
# reports go to the work folder; fetching is switched off when the config says nothing.
absolute() {
  local value=${1%%#*}
  value=$(printf '%s' "$value" | sed -E "s/^[[:space:]]*[\"']?//; s/[\"']?[[:space:]]*\$//")
  case $value in /*) printf '%s' "$value" ;; *) printf '%s/%s' "$scenario" "$value" ;; esac
}
config=$work/swift/relicensure.yaml
mkdir -p "$work/swift/reports" "$work/python/reports"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    inbox:*) printf 'inbox: "%s"\n' "$(absolute "${line#inbox:}")" ;;
    uploads:*) printf 'uploads: "%s"\n' "$(absolute "${line#uploads:}")" ;;
    reports:*) printf 'reports: "%s"\n' "$work/swift/reports" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$scenario/relicensure.yaml" > "$config"
if ! grep -q '^verification:' "$config"; then
  printf 'verification:\n  fetch: false\n' >> "$config"
fi

# timed NAME COMMAND...: runs it under /usr/bin/time, its output in $work/NAME.out / .err.
timed() {
  local name=$1; shift
  if ! /usr/bin/time -f "%e s %M KB" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err"; then
    echo "$name failed:" >&2; cat "$work/$name.out" "$work/$name.err" >&2; exit 1
  fi
  printf '%-18s %s\n' "$name" "$(tail -n 1 "$work/$name.time")"
}

echo "scenario $scenario: $(($(wc -l < "$scenario/roster.csv") - 1)) educators, $(du -sh "$scenario/inbox" | cut -f1) inbox; as of $AS_OF"
echo "swift binary $RELICENSURE; python $("$PYTHON" --version 2>&1) ($(command -v "$PYTHON"))"
find "$scenario/inbox" -type f -exec cat {} + > /dev/null

echo "== (a) Swift: migrate, roster import, approvals import, nightly"
(
  export DATABASE_URL; DATABASE_URL=$(url "$swift_db")
  export RELICENSURE_SETTLE_SECONDS=0
  cd "$work/swift"
  timed swift-migrate "$RELICENSURE" migrate --config "$config"
  timed swift-roster "$RELICENSURE" roster import "$scenario/roster.csv" --config "$config"
  timed swift-approvals "$RELICENSURE" approvals import "$scenario/approvals.csv" --config "$config"
  timed swift-nightly "$RELICENSURE" nightly --config "$config" --as-of "$AS_OF"
)
sed 's/^/  /' "$work/swift-nightly.out"

echo "== (b) Python: nightly.py (schema, roster, approvals, nightly in one process)"
(
  export DATABASE_URL; DATABASE_URL=$(url "$python_db")
  cd "$work/python"
  timed python "$PYTHON" "$sf/nightly.py" --config "$scenario/relicensure.yaml" --roster "$scenario/roster.csv" \
    --approvals "$scenario/approvals.csv" --as-of "$AS_OF" --reports "$work/python/reports"
)
sed 's/^/  /' "$work/python.out"
grep '^phase\|^total' "$work/python.err" | sed 's/^/  /'

# ---- the table
q() { psql -X -d "$1" -Atc "$2"; }
seconds() { awk '{print $1}' "$work/$1.time" | tail -n 1; }
kilobytes() { tail -n 1 "$work/$1.time" | awk '{print $3}'; }
pdms_rows() {
  local total=0 file
  for file in $(find "$1" -name 'pdms-import-*.csv'); do total=$((total + $(wc -l < "$file") - 1)); done
  echo "$total"
}
swift_facts=$(q "$swift_db" "SELECT (SELECT count(*) FROM awards) || ' ' ||
  (SELECT count(*) FROM award_outcomes WHERE outcome = 'credited') || ' ' ||
  (SELECT coalesce(sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END), 0)::float8 FROM ledger_entries)")
python_facts=$(q "$python_db" "SELECT (SELECT count(*) FROM sf_awards) || ' ' ||
  (SELECT count(*) FROM sf_outcomes WHERE outcome = 'credited') || ' ' ||
  (SELECT coalesce(sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END), 0)::float8 FROM sf_ledger)")
swift_total_s=$(for step in swift-migrate swift-roster swift-approvals swift-nightly; do seconds $step; done | awk '{s += $1} END {printf "%.2f", s}')
swift_total_kb=$(for step in swift-migrate swift-roster swift-approvals swift-nightly; do kilobytes $step; done | sort -n | tail -n 1)
swift_pdms=$(pdms_rows "$work/swift/reports")
python_pdms=$(pdms_rows "$work/python/reports")

echo
echo "== Side by side"
{
  echo "implementation|wall time|peak memory|awards read|credited|ledger hours|PDMS rows"
  read -r awards credited hours <<< "$swift_facts"
  echo "Swift nightly|$(seconds swift-nightly) s|$(( $(kilobytes swift-nightly) / 1024 )) MB|$awards|$credited|$hours|$swift_pdms"
  echo "Swift migrate+roster+approvals+nightly|$swift_total_s s|$(( swift_total_kb / 1024 )) MB|$awards|$credited|$hours|$swift_pdms"
  read -r awards credited hours <<< "$python_facts"
  echo "Python nightly.py (all four in one)|$(seconds python) s|$(( $(kilobytes python) / 1024 )) MB|$awards|$credited|$hours|$python_pdms"
} | column -t -s '|'

echo
echo "== Outcomes"
q "$swift_db" "SELECT outcome, count(*) FROM award_outcomes GROUP BY 1 ORDER BY 1" > "$work/swift.outcomes"
q "$python_db" "SELECT outcome, count(*) FROM sf_outcomes GROUP BY 1 ORDER BY 1" > "$work/python.outcomes"
{
  echo "outcome|Swift|Python"
  LC_ALL=C join -t '|' -a 1 -a 2 -e 0 -o 0,1.2,2.2 "$work/swift.outcomes" "$work/python.outcomes"
} | column -t -s '|'

# Award by award: the same outcome, educator and hours?
q "$swift_db" "COPY (SELECT award_id, outcome, coalesce(educator_id, ''), hours::numeric(8,2) FROM award_outcomes ORDER BY 1) TO STDOUT" > "$work/swift.awards"
q "$python_db" "COPY (SELECT award_id, outcome, coalesce(educator_id, ''), hours FROM sf_outcomes ORDER BY 1) TO STDOUT" > "$work/python.awards"
differing=$(diff "$work/swift.awards" "$work/python.awards" | grep -c '^>' || true)
echo
echo "awards whose (outcome, educator, hours) differ between the two: $differing"
if cmp -s <(find "$work/swift/reports" -name 'pdms-import-*.csv' -exec cat {} + | LC_ALL=C sort) \
          <(find "$work/python/reports" -name 'pdms-import-*.csv' -exec cat {} + | LC_ALL=C sort); then
  echo "PDMS files: the same rows (compared sorted: Swift writes them educator by educator, Python in award-date order)"
else
  echo "PDMS files: the rows differ (KEEP_WORK=1 keeps both files in the work folder)"
fi
