#!/usr/bin/env bash
# Load benchmark: Auth Studio vs ASP.NET Core Identity (MapIdentityApi) vs Kestrel hello-world, one table.
# Usage: ./bench/load.sh            (DURATION=10s SIGNIN_CONNECTIONS=16 READ_CONNECTIONS=64 USERS=64 override)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export DURATION=${DURATION:-10s}
SIGNIN_CONNECTIONS=${SIGNIN_CONNECTIONS:-16}
READ_CONNECTIONS=${READ_CONNECTIONS:-64}
USERS=${USERS:-64}
PASSWORD='Load-pass-1234'
STUDIO=http://127.0.0.1:${STUDIO_PORT:-5611}
PEER=http://127.0.0.1:${PEER_PORT:-5612}
HELLO=http://127.0.0.1:${HELLO_PORT:-5613}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi
fi

# NO_BUILD=1 STUDIO_DLL=/path/Studio.Web.dll measures an earlier build (how the before/after figures were taken).
if [ -z "${NO_BUILD:-}" ]; then
  echo "Building (Release)…" >&2
  dotnet build -c Release "$ROOT/Studio.Web" -nologo -v q >&2
  dotnet build -c Release "$ROOT/bench/IdentityPeer" -nologo -v q >&2
fi
PEER_DLL="$ROOT/bench/IdentityPeer/bin/Release/net10.0/IdentityPeer.dll"
STUDIO_DLL=${STUDIO_DLL:-"$ROOT/Studio.Web/bin/Release/net10.0/Studio.Web.dll"}

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Same conditions for all three: Production, warnings-only logging, allocation probe loaded as a startup hook.
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DOTNET_STARTUP_HOOKS="$PEER_DLL"
mkdir -p "$WORK/studio"
( cd "$WORK/studio" && BENCH_ALLOC_FILE="$WORK/studio.alloc" ASPNETCORE_URLS=$STUDIO \
  ConnectionStrings__Auth="Data Source=$WORK/studio/auth.db" Runtime__PublicBaseUrl=$STUDIO \
  Studio__Bootstrap__OperatorEmail=bench@example.com Studio__Bootstrap__OperatorPassword=bench-operator-pass \
  exec dotnet "$STUDIO_DLL" >"$WORK/studio.log" 2>&1 ) & PIDS+=($!)
BENCH_ALLOC_FILE="$WORK/peer.alloc" ASPNETCORE_URLS=$PEER Database="$WORK/peer.db" dotnet "$PEER_DLL" peer >"$WORK/peer.log" 2>&1 & PIDS+=($!)
BENCH_ALLOC_FILE="$WORK/hello.alloc" ASPNETCORE_URLS=$HELLO dotnet "$PEER_DLL" hello >"$WORK/hello.log" 2>&1 & PIDS+=($!)

wait_up() { for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "$1 did not start; log: $2" >&2; cat "$2" >&2; exit 1; }
wait_up "$STUDIO/healthz" "$WORK/studio.log"; wait_up "$PEER/login" "$WORK/peer.log"; wait_up "$HELLO/" "$WORK/hello.log"
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

echo "Preparing accounts…" >&2
OP=$(curl -sf "$STUDIO/admin/api/token" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-operator-pass"}' | json token)
curl -sf -o /dev/null -X PATCH "$STUDIO/admin/api/settings/draft" -H "authorization: Bearer $OP" -H 'content-type: application/json' \
  -d '{"email":{"confirmEmail":false},"security":{"ipRequestsPerMinute":100000,"lockoutThreshold":100}}'
curl -sf -o /dev/null "$STUDIO/admin/api/settings/publish" -H "authorization: Bearer $OP" -H 'content-type: application/json' -d '{"note":"load"}'
seq 0 $((USERS - 1)) | xargs -P 4 -I{} sh -c "
  curl -s -o /dev/null -w '%{http_code} studio signup {}\n' '$STUDIO/auth/signup-email' -H 'content-type: application/json' -d '{\"email\":\"load{}@example.com\",\"password\":\"$PASSWORD\"}'
  curl -s -o /dev/null -w '%{http_code} peer register {}\n' '$PEER/register' -H 'content-type: application/json' -d '{\"email\":\"load{}@example.com\",\"password\":\"$PASSWORD\"}'" \
  | grep -v '^200 ' >&2 && { echo "some accounts were not created (above)" >&2; exit 1; } || true
SESSION=$(curl -sf "$STUDIO/auth/signin-email" -H 'content-type: application/json' -d "{\"email\":\"load0@example.com\",\"password\":\"$PASSWORD\"}" | json token)
BEARER=$(curl -sf "$PEER/login" -H 'content-type: application/json' -d "{\"email\":\"load0@example.com\",\"password\":\"$PASSWORD\"}" | json accessToken)
curl -sf -o /dev/null "$STUDIO/auth/user" -H "Session: $SESSION" && curl -sf -o /dev/null "$PEER/manage/info" -H "authorization: Bearer $BEARER"

# run NAME ALLOC_FILE wrk-args… → appends "name rps p50 p99 bytes/request errors" to $WORK/rows
run() {
  local name=$1 alloc=$2; shift 2
  local before; before=$(cat "$alloc"); sleep 0.2
  wrk -t2 --latency --timeout 60s -d"$DURATION" "$@" >"$WORK/wrk.out" 2>&1
  sleep 0.3; local after; after=$(cat "$alloc")
  local requests rps p50 p99 errors
  requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out"); p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print "sock"}' "$WORK/wrk.out" | paste -sd, -)
  echo "$name $rps $p50 $p99 $(( (after - before) / (requests > 0 ? requests : 1) )) ${errors:-0}" >>"$WORK/rows"
  echo "  $name: $rps/s" >&2
}

echo "Measuring ($DURATION each; load average: $(cut -d' ' -f1-3 /proc/loadavg))…" >&2
CEILING=$(dotnet "$PEER_DLL" ceiling "${DURATION%s}")
echo "  pbkdf2 ceiling: $CEILING/s" >&2
BENCH_PATH=/auth/signin-email BENCH_USERS=$USERS run studio-signin "$WORK/studio.alloc" -c"$SIGNIN_CONNECTIONS" -s "$ROOT/bench/load/signin.lua" "$STUDIO"
BENCH_PATH=/login BENCH_USERS=$USERS run peer-signin "$WORK/peer.alloc" -c"$SIGNIN_CONNECTIONS" -s "$ROOT/bench/load/signin.lua" "$PEER"
run studio-read "$WORK/studio.alloc" -c"$READ_CONNECTIONS" -H "Session: $SESSION" "$STUDIO/auth/user"
run peer-read "$WORK/peer.alloc" -c"$READ_CONNECTIONS" -H "Authorization: Bearer $BEARER" "$PEER/manage/info"
run hello "$WORK/hello.alloc" -c"$READ_CONNECTIONS" "$HELLO/"

awk -v ceiling="$CEILING" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v sc="$SIGNIN_CONNECTIONS" -v rc="$READ_CONNECTIONS" '
  { rps[$1]=$2; p50[$1]=$3; p99[$1]=$4; alloc[$1]=$5; err[$1]=$6 }
  END {
    printf "\n%-44s %10s %9s %9s %10s %7s  %s\n", "scenario", "req/s", "p50", "p99", "B/req", "errors", "ratio"
    row("Auth Studio POST /auth/signin-email", "studio-signin", sc, sprintf("%.2fx peer, %.0f%% of PBKDF2 ceiling", rps["studio-signin"]/rps["peer-signin"], 100*rps["studio-signin"]/ceiling))
    row("Identity POST /login", "peer-signin", sc, sprintf("%.0f%% of PBKDF2 ceiling", 100*rps["peer-signin"]/ceiling))
    printf "%-44s %10.1f %9s %9s %10s %7s  %s\n", "PBKDF2 ceiling (all cores)", ceiling, "-", "-", "-", "-", "210,000 x HMAC-SHA512"
    row("Auth Studio GET /auth/user", "studio-read", rc, sprintf("%.2fx peer, %.1f%% of hello-world", rps["studio-read"]/rps["peer-read"], 100*rps["studio-read"]/rps["hello"]))
    row("Identity GET /manage/info", "peer-read", rc, sprintf("%.1f%% of hello-world", 100*rps["peer-read"]/rps["hello"]))
    row("Kestrel hello-world GET /", "hello", rc, "")
    printf "\nwrk -t2, %s per run, sign-in %s connections, reads %s; load average after: %s\n", ENVIRON["DURATION"], sc, rc, load
  }
  function row(label, key, c, ratio) { printf "%-44s %10s %9s %9s %10s %7s  %s\n", label " (" c ")", rps[key], p50[key], p99[key], alloc[key], err[key], ratio }
' "$WORK/rows"
