#!/usr/bin/env bash
# Regenerates db/scripts/<provider>.sql: idempotent scripts for DBAs who apply migrations by hand
# (set Database:ApplyMigrationsOnStart=false in that case). Run after adding a migration.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
mkdir -p db/scripts
for provider in Sqlite SqlServer PostgreSql; do
  project="db/IswPanel.Migrations.$provider"
  out="db/scripts/$(echo "$provider" | tr '[:upper:]' '[:lower:]').sql"
  echo "== $provider -> $out"
  # SQLite cannot run every migration idempotently (no IF in its SQL), so its script is plain.
  idempotent=--idempotent
  [ "$provider" = Sqlite ] && idempotent=
  dotnet ef migrations script $idempotent --project "$project" --startup-project "$project" --output "$out"
done
