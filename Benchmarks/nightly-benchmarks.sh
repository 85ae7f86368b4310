#!/usr/bin/env bash
# The nightly benchmarks of issue 8 on one scenario, three runs each, every line with the load
# average and the wall time and peak memory of the run (docs/PERFORMANCE.md):
#
#   Benchmarks/nightly-benchmarks.sh SCENARIO_DIR
#
# SCENARIO_DIR comes from `python3 Benchmarks/generate-scenario.py SCENARIO_DIR --educators N
# --awards M` (the salt mix; set SCENARIO_MIX=--no-salt-mix for a scenario made with it); its
# inbox must hold only the backfill's folder `a/`. The script adds a later night's 1,000 awards
# of the same mix in `inbox/night/` (and leaves them there), and a roster file changing 100
# educators. It needs a running PostgreSQL (`scripts/local-db start`) and creates databases
# named bench_*; RELICENSURE names the binary (default: this checkout's release build).
set -euo pipefail
scenario=$(cd "${1:?usage: $0 SCENARIO_DIR}" && pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
R=${RELICENSURE:-$repo/.build/release/relicensure}
C=$scenario/relicensure.yaml
[ -x "$R" ] || { echo "no binary at $R: swift build -c release --product relicensure" >&2; exit 2; }
[ -d "$scenario/inbox/night" ] && { echo "$scenario/inbox/night exists: use a fresh scenario" >&2; exit 2; }
eval "$("$repo/scripts/local-db" env)"
export RELICENSURE_SETTLE_SECONDS=0
timed() { local label=$1; shift; echo -n "load $(cut -d' ' -f1 /proc/loadavg)  "; /usr/bin/time -f "$label %e s %M KB" "$@" 2>&1 >/dev/null | grep "^$label"; }
use() { dropdb --if-exists "$1" 2>/dev/null; createdb ${2:+-T "$2"} "$1"; export DATABASE_URL="postgresql://relicensure@/$1?host=$PGHOST&port=$PGPORT"; }

for run in 1 2 3; do
  use bench_backfill
  "$R" migrate --config "$C" >/dev/null
  "$R" roster import "$scenario/roster.csv" --config "$C" >/dev/null
  "$R" approvals import "$scenario/approvals.csv" --config "$C" >/dev/null 2>&1
  rm -rf "$scenario/reports"
  timed backfill "$R" nightly --config "$C" --as-of 2026-11-20
done
use bench_base bench_backfill

educators=$(( $(wc -l < "$scenario/roster.csv") - 1 ))
python3 "$repo/Benchmarks/generate-scenario.py" "$scenario" --educators "$educators" --awards 1000 --prefix night \
  --awards-only --seed 6 ${SCENARIO_MIX:-} >/dev/null
python3 - "$scenario" <<'PY'
import csv, random, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/roster.csv")))
rnd = random.Random(8)
changed = []
for n, i in enumerate(rnd.sample(range(len(rows)), 100)):
    row = dict(rows[i])
    if n % 2 == 0: row["license_end"] = "2032-06-30"
    else: row["email"] = row["email"].replace("@", ".alt@")
    changed.append(row)
with open(sys.argv[1] + "/roster-changes.csv", "w", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys())); writer.writeheader(); writer.writerows(changed)
PY
for run in 1 2 3; do
  use bench_night bench_base
  timed night "$R" nightly --config "$C" --as-of 2026-11-21
done
use bench_night bench_base
"$R" roster import "$scenario/roster-changes.csv" --config "$C" >/dev/null
timed night-after-roster-changes "$R" nightly --config "$C" --as-of 2026-11-21
for run in 1 2 3; do
  timed transcript "$R" educator 0001234 --config "$C" --as-of 2026-11-21 --format json
done
dropdb bench_backfill; dropdb bench_base; dropdb bench_night
