#!/usr/bin/env bash
# A million users: seeds a SQLite database through the app's migrations (bulk insert, not sign-ups), starts
# Studio.Web (Release) on it, measures sequential medians of the requests of issue 9, and does the same at 1,000
# users; prints both side by side. SCALE_USERS overrides the large count; SCALE_DIR keeps the databases elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

LARGE=${SCALE_USERS:-1000000}
SMALL=1000
DIR=${SCALE_DIR:-$(mktemp -d /tmp/auth-scale.XXXXXX)}
PORT=${SCALE_PORT:-5391}
OPERATOR_EMAIL=bench@example.com
OPERATOR_PASSWORD='bench operator password'

dotnet build -c Release Studio.Web -v quiet -nologo
dotnet build -c Release bench/Auth.Scale -v quiet -nologo
SCALE=(dotnet bench/Auth.Scale/bin/Release/net10.0/Auth.Scale.dll)
WEB=$(pwd)/Studio.Web/bin/Release/net10.0

server_pid=
stop_server() { if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=; fi; }
trap stop_server EXIT

run() {
  local users=$1 db="$DIR/$1/auth.db"
  "${SCALE[@]}" seed "$db" "$users"
  (cd "$WEB" && ConnectionStrings__Auth="Data Source=$db" \
    Studio__Bootstrap__OperatorEmail=$OPERATOR_EMAIL Studio__Bootstrap__OperatorPassword="$OPERATOR_PASSWORD" \
    Runtime__PublicBaseUrl=http://127.0.0.1:$PORT Logging__LogLevel__Default=Warning \
    exec dotnet Studio.Web.dll --urls http://127.0.0.1:$PORT >"$DIR/server-$users.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$DIR/server-$users.log"; exit 1; }
    sleep 0.2
  done
  "${SCALE[@]}" measure "http://127.0.0.1:$PORT" "$users" $OPERATOR_EMAIL "$OPERATOR_PASSWORD" "$DIR/results-$users.tsv"
  stop_server
}

run $SMALL
run "$LARGE"
echo
echo "$(date -u +%F), $(nproc) cores, load average:$(uptime | sed 's/.*load average://')"
"${SCALE[@]}" table "$DIR/results-$SMALL.tsv" "$DIR/results-$LARGE.tsv"
echo "(databases and server logs in $DIR)"
