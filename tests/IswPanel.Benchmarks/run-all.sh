#!/usr/bin/env bash
# The whole performance suite in one go (docs/performance.md): the scale data (generated once per seed, kept),
# B1 B2 B4 B5 with BenchmarkDotNet, the first-run sweeps, then B3 and B6 with wrk. Takes about an hour on 2 cores.
#
#   tests/IswPanel.Benchmarks/run-all.sh            # PostgreSQL iswpanel_bench and SQLite /work/scale/bench.db
#   JOB=default tests/IswPanel.Benchmarks/run-all.sh    # BenchmarkDotNet's default job instead of the short one
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
pg_base=${PG_BASE:-"Host=localhost;Username=postgres;Password=postgres"}
pg_db=${PG_DB:-iswpanel_bench}
sqlite_file=${SQLITE_FILE:-/work/scale/bench.db}
job=${JOB:-short}
export ISWPANEL_BENCH_POSTGRES="$pg_base;Database=$pg_db" ISWPANEL_BENCH_SQLITE="$sqlite_file"

dotnet build -c Release IswPanel.sln -v q -nologo
generate() { dotnet run -c Release --no-build --project src/IswPanel.DataGenerator -- "$@"; }
# Generated once: a database that already holds data is refused, which is what we want here.
generate --provider postgres --connection "$ISWPANEL_BENCH_POSTGRES" --seed 42 || echo "(PostgreSQL data kept as it is)"
mkdir -p "$(dirname "$sqlite_file")"
generate --provider sqlite --connection "Data Source=$sqlite_file" --seed 42 || echo "(SQLite data kept as it is)"

bench() { dotnet run -c Release --no-build --project tests/IswPanel.Benchmarks -- "$@"; }
if [ "$job" = default ]; then bench --filter '*B1*'; else bench --filter '*B1*' --job short; fi
bench --filter '*B2*'
bench first-sweeps postgres
bench --filter '*B4*'
bench --filter '*B5*'
NO_BUILD=1 CONNECTION="$ISWPANEL_BENCH_POSTGRES" tests/IswPanel.Benchmarks/load/load.sh
echo "Results: tests/IswPanel.Benchmarks/BenchmarkDotNet.Artifacts/"
