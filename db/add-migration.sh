#!/usr/bin/env bash
# Adds a migration with the same name to every provider's migrations assembly, then regenerates the
# idempotent SQL scripts. Usage: db/add-migration.sh AddOffers
set -euo pipefail
name=${1:?usage: db/add-migration.sh MigrationName}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project="db/IswPanel.Migrations.$provider"
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
"$root/db/generate-scripts.sh"
