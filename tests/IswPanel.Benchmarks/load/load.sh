#!/usr/bin/env bash
# B3 and B6 (docs/performance.md): list pages, the API list and the dashboards over the scale data set at 32
# concurrent connections with wrk on loopback, against a constant endpoint on the same server as the baseline; and
# the web process's memory (VmRSS sampled every 0.2 s, and its peak VmHWM) under that load.
#
#   tests/IswPanel.Benchmarks/load/load.sh                 # PostgreSQL database iswpanel_scale (the generator's)
#   PROVIDER=Sqlite CONNECTION="Data Source=/work/scale/iswpanel-scale.db" tests/IswPanel.Benchmarks/load/load.sh
#
# Each URL is first loaded for WARMUP seconds unmeasured (the runtime compiles a page's code again, optimised, after
# its first calls; the target is a warm server's latency), then for DURATION seconds measured. Under the first list's
# load the JIT kept most of a core busy for about 20 s (dotnet-counters), so the warm-up is 20 s.
#
# Settings (environment): PROVIDER (PostgreSql|Sqlite), CONNECTION, DURATION (seconds per run, 15), WARMUP (20), CONNECTIONS (32),
# ONLY (measure just the runs whose name contains this text, after the baseline),
# APP_DIR (a published app to run, not the Release build), THREADS (2), PORT (5098), COMMISSIONER, ADMIN, ISW (logins of the generated data), PASSWORD, NO_BUILD=1,
# RESULTS (file for the markdown table). Needs wrk and curl (Debian packages).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
here="$root/tests/IswPanel.Benchmarks/load"
PROVIDER=${PROVIDER:-PostgreSql}
CONNECTION=${CONNECTION:-"Host=localhost;Username=postgres;Password=postgres;Database=iswpanel_scale"}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5098}
COMMISSIONER=${COMMISSIONER:-commissioner1@london-borough-of-ivyham.scale.iswpanel.test}   # the generator prints these (seed 42)
ADMIN=${ADMIN:-admin1@scale.iswpanel.test}
ISW=${ISW:-isw2@scale.iswpanel.test}
PASSWORD=${PASSWORD:-Scale-Data-Password-2026!}
RESULTS=${RESULTS:-"$root/tests/IswPanel.Benchmarks/BenchmarkDotNet.Artifacts/load-$(date +%Y%m%d-%H%M%S).md"}
base="http://localhost:$PORT"
proxied="X-Forwarded-Proto: https"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# APP_DIR: a published app to run instead (dotnet publish -o DIR), from its own directory as a container runs it.
app_dll="${APP_DIR:-}/IswPanel.Web.dll"
if [ -z "${APP_DIR:-}" ]; then
  APP_DIR="$root/src/IswPanel.Web"
  app_dll=bin/Release/net10.0/IswPanel.Web.dll
  if [ "${NO_BUILD:-}" != 1 ]; then dotnet build -c Release "$root/src/IswPanel.Web" -v q -nologo >/dev/null; fi
fi
work=$(mktemp -d)
log="$work/app.log"
# Production settings, no background jobs (the sweeps are B4), pending migrations applied (none when the generator
# made the schema from the same commit), staff
# two-factor off so the load can sign the administrator in, and the baseline endpoint mapped. TLS is taken to end at a
# proxy in front (X-Forwarded-Proto: https on every request), as in production, so wrk measures the app, not TLS.
(cd "$APP_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  Database__Provider="$PROVIDER" ConnectionStrings__IswPanel="$CONNECTION" Database__ApplyMigrationsOnStart=true \
  ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
  Hangfire__RunServer=false Security__RequireTwoFactorForStaff=false Benchmarks__ConstantEndpoint=true \
  Logging__LogLevel__Default=Warning dotnet "$app_dll" >"$log" 2>&1) &
app=$!
sampler=""
cleanup() { [ -n "$sampler" ] && kill "$sampler" 2>/dev/null; kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$base/health/live" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health/live" >/dev/null || { echo "The app did not start:" >&2; cat "$log" >&2; exit 1; }
pid=$app   # the subshell exec'd env, which exec'd dotnet: one process

# A signed-in cookie header for pages (the sign-in form's antiforgery token and cookie, then the session cookie).
cookie_for() {
  local jar="$work/jar-$1" token
  token=$(curl -fs -H "$proxied" -c "$jar" -b "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -H "$proxied" -c "$jar" -b "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
  awk 'BEGIN{ORS=""} /^#HttpOnly_/{sub(/^#HttpOnly_/,"")} !/^#/ && NF>=7 {printf "%s%s=%s", (n++?"; ":""), $6, $7}' "$jar"
}
token_for() {
  curl -fs -H "$proxied" -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "$base/api/v1/auth/token" |
    sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
commissioner_cookie="Cookie: $(cookie_for "$COMMISSIONER")"
admin_cookie="Cookie: $(cookie_for "$ADMIN")"
isw_cookie="Cookie: $(cookie_for "$ISW")"
commissioner_api="Authorization: Bearer $(token_for "$COMMISSIONER")"
admin_api="Authorization: Bearer $(token_for "$ADMIN")"

# The cursor of page 1,000 (25 a page): follow "next" (100 a page to row 24,900, then 25 a page), as a client would.
next=""
walk() { local body; body=$(curl -fs -H "$proxied" -H "$admin_api" "$base/api/v1/assessment-requests?pageSize=$1${next:+&after=$next}"); next=$(echo "$body" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p'); }
for _ in $(seq 1 249); do walk 100; done
for _ in 1 2 3; do walk 25; done
[ -n "$next" ] || { echo "Could not reach page 1,000: fewer than 25,000 requests?" >&2; exit 1; }
page1000="page=1000&after=$next"
authority=$(curl -fs -H "$proxied" -H "$commissioner_api" "$base/api/v1/assessment-requests?pageSize=1" | sed -n 's/.*"authority":{"id":"\([^"]*\)".*/\1/p')

# name | header | path
runs=(
  "baseline: constant endpoint (signed in)|$commissioner_cookie|/benchmarks/constant"
  "commissioner: requests page 1|$commissioner_cookie|/requests"
  "commissioner: requests in progress|$commissioner_cookie|/requests?status=InProgress"
  "commissioner: API list page 1|$commissioner_api|/api/v1/assessment-requests?pageSize=25"
  "administrator: requests page 1|$admin_cookie|/requests"
  "administrator: requests page 1,000 (keyset)|$admin_cookie|/requests?$page1000"
  "administrator: requests page 1,000 (offset, for comparison)|$admin_cookie|/requests?page=1000"
  "administrator: API list page 1|$admin_api|/api/v1/assessment-requests?pageSize=25"
  "administrator: API list page 1,000 (keyset)|$admin_api|/api/v1/assessment-requests?pageSize=25&$page1000"
  "administrator: API list, submitted, page 1|$admin_api|/api/v1/assessment-requests?pageSize=25&status=Submitted"
  "commissioner: dashboard|$commissioner_cookie|/dashboard"
  "commissioner: evidence pack|$commissioner_cookie|/authorities/$authority/evidence"
  "administrator: dashboard|$admin_cookie|/admin/dashboard"
  "ISW: dashboard|$isw_cookie|/my-dashboard"
)

# B6: the web process's resident memory, sampled throughout the load.
( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null; sleep 0.2; done ) >"$work/rss" &
sampler=$!

mkdir -p "$(dirname "$RESULTS")"
{
  echo "| run | requests/s | p50 ms | p95 ms | p99 ms | errors | ratio p95 to baseline | VmHWM after, MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$RESULTS.tmp"
baseline_p95=""
for run in "${runs[@]}"; do
  IFS='|' read -r name header path <<<"$run"
  # ONLY=text: measure just the runs whose name contains it (and the baseline, always first).
  if [ -n "${ONLY:-}" ] && [ -n "$baseline_p95" ] && [[ "$name" != *"$ONLY"* ]]; then continue; fi
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$proxied" -H "$header" "$base$path")
  [ "$status" = 200 ] || { echo "$name: $path answered $status, not 200" >&2; exit 1; }
  if [ "$WARMUP" -gt 0 ]; then wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -H "$proxied" -H "$header" "$base$path" >/dev/null 2>&1 || true; fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -H "$proxied" -H "$header" -s "$here/latency.lua" "$base$path" >"$work/wrk.out" 2>&1 || true
  line=$(grep '^RESULT' "$work/wrk.out" || { cat "$work/wrk.out" >&2; exit 1; })
  get() { echo "$line" | sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
  p95=$(get p95_ms)
  [ -z "$baseline_p95" ] && baseline_p95=$p95
  ratio=$(awk -v a="$p95" -v b="$baseline_p95" 'BEGIN{printf "%.1f", (b > 0 ? a / b : 0)}')
  # The process's peak resident memory so far, so the table shows which run raised it (B6).
  hwm_so_far=$(awk '/VmHWM/{printf "%d", $2 / 1024}' "/proc/$pid/status")
  printf '| %s | %s | %s | %s | %s | %s | %s× | %s |\n' "$name" "$(get rps)" "$(get p50_ms)" "$p95" "$(get p99_ms)" \
    "$(( $(get errors) + $(get non2xx) ))" "$ratio" "$hwm_so_far" | tee -a "$RESULTS.tmp"
done
kill "$sampler" 2>/dev/null; sampler=""
peak_rss=$(sort -n "$work/rss" | tail -1)
hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
{
  echo
  echo "B6: web process resident memory under this load: peak sampled VmRSS $((peak_rss / 1024)) MB, VmHWM $((hwm / 1024)) MB (target under 400 MB)."
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); provider $PROVIDER; $CONNECTIONS connections, $THREADS wrk threads, ${WARMUP} s warm-up and ${DURATION} s measured per run; $(date -u +%Y-%m-%dT%H:%MZ)."
} >>"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
cat "$RESULTS"
