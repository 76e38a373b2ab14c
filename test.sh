#!/usr/bin/env bash
# Runs every test of the solution and prints one closing line: "Tests: N passed, N failed, N skipped".
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Test hosts never need to watch their config files; watching exhausts inotify instances (see tests/Auth.TestKit/TestProcess.cs).
export DOTNET_USE_POLLING_FILE_WATCHER=true DOTNET_hostBuilder__reloadConfigOnChange=false

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0) is required: https://dot.net" >&2
  exit 1
fi

# Browser tests drive Debian's Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser tests need /usr/bin/chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet tool restore >/dev/null
dotnet build Studio.sln -c Release -nologo -clp:ErrorsOnly

set +e
# Timing measurements (Category=Timing) are benchmarks, run as bench/README.md says, never part of the verdict.
dotnet test Studio.sln -c Release --no-build --filter "Category!=Timing" --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

# Sum the counters of every assembly's TRX so the run ends with one plain line.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
