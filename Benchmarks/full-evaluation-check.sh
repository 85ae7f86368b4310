#!/usr/bin/env bash
# A normal night and the same night evaluating every waiting award, on copies of one backfilled
# ledger, compared row by row: the tests hold the two together on small districts night after
# night (ChangedInputsEvaluationTests); this does it at a scale where rare cases are common. It
# found 19,395 over-cap details the two disagreed on (docs/PERFORMANCE.md, issue 15's eighth part).
#
#   Benchmarks/full-evaluation-check.sh BASE_DB SCENARIO_DIR AS_OF [quiet|roster FILE|approvals FILE]
#
# BASE_DB is a backfilled ledger of SCENARIO_DIR (Benchmarks/nightly-benchmarks.sh leaves
# bench_base; or the commands of docs/PERFORMANCE.md), with the night's new awards already in
# the scenario's inbox. Before the night both copies import the same roster or approvals file,
# if one is given. Prints each night's time, then per table the rows and how many differ (the
# first differences after), and exits 1 if any does. Needs a running PostgreSQL
# (`scripts/local-db start`); creates the databases full_check_changed and full_check_everything.
set -euo pipefail
base=${1:?usage: $0 BASE_DB SCENARIO_DIR AS_OF [quiet|roster FILE|approvals FILE]}
scenario=$(cd "${2:?scenario folder}" && pwd)
as_of=${3:?as-of date of the night}
change=${4:-quiet}
file=${5:-}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
R=${RELICENSURE:-$repo/.build/release/relicensure}
C=$scenario/relicensure.yaml
[ -x "$R" ] || { echo "no binary at $R: swift build -c release --product relicensure" >&2; exit 2; }
case $change in
  quiet) ;;
  roster|approvals) [ -r "$file" ] || { echo "$change needs a readable file" >&2; exit 2; } ;;
  *) echo "unknown change '$change': quiet, roster FILE or approvals FILE" >&2; exit 2 ;;
esac
eval "$("$repo/scripts/local-db" env)"
export RELICENSURE_SETTLE_SECONDS=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for side in changed everything; do
  db=full_check_$side
  dropdb --if-exists "$db" 2>/dev/null
  createdb -T "$base" "$db"
  export DATABASE_URL="postgresql://relicensure@/$db?host=$PGHOST&port=$PGPORT"
  "$R" migrate --config "$C" >/dev/null
  case $change in
    roster) "$R" roster import "$file" --config "$C" >/dev/null 2>&1 ;;
    approvals) "$R" approvals import "$file" --config "$C" >/dev/null 2>&1 ;;
  esac
  # Each night writes its own PDMS file; the scenario's reports folder is shared by both.
  rm -rf "$scenario/reports/pdms"
  full=$([ $side = everything ] && echo 1 || echo 0)
  RELICENSURE_FULL_EVALUATION=$full /usr/bin/time -f "$side night %e s %M KB" \
    "$R" nightly --config "$C" --as-of "$as_of" 2>&1 >/dev/null | tail -1
done

status=0
while IFS='|' read -r name query; do
  for side in changed everything; do
    psql -d "full_check_$side" -Atc "$query" > "$work/$side"
  done
  differing=$(diff "$work/changed" "$work/everything" | grep -c '^<' || true)
  echo "$name: $(wc -l < "$work/changed") rows, $differing differing"
  if [ "$differing" != 0 ]; then
    status=1
    diff "$work/changed" "$work/everything" | head -6
  fi
done <<'QUERIES'
award_outcomes|SELECT award_id, outcome, reason, coalesce(educator_id, ''), hours, audit::text, evaluated_on FROM award_outcomes ORDER BY 1
outcome_history|SELECT award_id, outcome, reason, coalesce(educator_id, ''), evaluated_on FROM outcome_history ORDER BY 1, 5, 2, 3
ledger_entries|SELECT award_id, educator_id, action, kind, hours, posted_on, reason, audit::text FROM ledger_entries ORDER BY entry_id
QUERIES
exit $status
