#!/usr/bin/env bash
# The embedded authorization server with real clients, against the todo example's fat jar
# started with no configuration:
#   1. the official TypeScript SDK client: 401 -> discovery -> DCR -> sign-in and consent ->
#      token -> tools/call -> 403 step-up to todo:write -> refresh
#   2. the conformance suite's authorization-server scenarios (0.2.0-alpha.12)
#   3. Debian's chromium (playwright-core) through the real pages; screenshots in .ci/artifacts
#   4. again with a Client ID Metadata Document served by the test (development switch on)
# Called by .ci/run (needs Node >= 22 on PATH and the jars built).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CACHE=.ci/.cache
ARTIFACTS=.ci/artifacts
PORT=${EMBEDDED_AUTH_PORT:-3021}
CALLBACK_PORT=$((PORT + 9))
SDK_VERSION=1.32.2
CONFORMANCE_VERSION=0.2.0-alpha.12
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$CACHE/clients" "$ARTIFACTS"

[ -f "$CACHE/clients/package.json" ] || echo '{"private":true,"type":"module"}' > "$CACHE/clients/package.json"
if [ ! -d "$CACHE/clients/node_modules/@modelcontextprotocol/sdk" ] || [ ! -d "$CACHE/clients/node_modules/playwright-core" ]; then
  npm install --silent --no-audit --no-fund --prefix "$CACHE/clients" \
    "@modelcontextprotocol/sdk@$SDK_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi
if [ ! -x "$CACHE/conformance-as/node_modules/.bin/conformance" ]; then
  npm install --silent --no-audit --no-fund --prefix "$CACHE/conformance-as" \
    "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION" >/dev/null
fi
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "installing Debian's chromium for the browser test"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
cp .ci/oauth-browser.mjs .ci/oauth-e2e.mjs .ci/authorize-url.mjs .ci/consent-screenshot.mjs "$CACHE/clients/"

TODO_PID=""
stop_todo() {
  if [ -n "$TODO_PID" ]; then kill "$TODO_PID" 2>/dev/null || true; wait "$TODO_PID" 2>/dev/null || true; TODO_PID=""; fi
}
CONFORMANCE_PID=""
trap 'stop_todo; [ -z "$CONFORMANCE_PID" ] || kill "$CONFORMANCE_PID" 2>/dev/null || true' EXIT

# start_todo LABEL [VAR=value ...]: the fat jar with a fresh data directory; sets PASSWORD
start_todo() {
  local label=$1
  shift
  local data="$CACHE/auth-data-$label"
  rm -rf "$data"
  env PORT="$PORT" GATEHOUSE_DATA_DIR="$data" "$@" java -jar examples/todo/target/todo-server.jar \
    > "$CACHE/todo-$label.log" 2>&1 &
  TODO_PID=$!
  for _ in $(seq 1 150); do grep -q "Password:" "$CACHE/todo-$label.log" 2>/dev/null && break; sleep 0.2; done
  PASSWORD=$(sed -n 's/^  Password: *\([^ ]*\).*/\1/p' "$CACHE/todo-$label.log")
  if [ -z "$PASSWORD" ] || ! kill -0 "$TODO_PID" 2>/dev/null; then
    echo "the todo server did not start with its development user:"; cat "$CACHE/todo-$label.log"; exit 1
  fi
}

ISSUER="http://127.0.0.1:$PORT"
URL="$ISSUER/mcp"

start_todo plain
echo "-- TypeScript SDK $SDK_VERSION: DCR, sign-in, consent, step-up, refresh"
MCP_URL="$URL" E2E_USERNAME=developer E2E_PASSWORD="$PASSWORD" node "$CACHE/clients/oauth-e2e.mjs" dcr

echo "-- conformance $CONFORMANCE_VERSION: authorization"
CLIENT_ID=$(curl -fsS -X POST "$ISSUER/register" -H 'Content-Type: application/json' \
  -d "{\"client_name\":\"conformance suite\",\"redirect_uris\":[\"http://127.0.0.1:$CALLBACK_PORT/callback\"],\"token_endpoint_auth_method\":\"none\"}" \
  | sed -E 's/.*"client_id":"([^"]+)".*/\1/')
OUT="$CACHE/conformance-authorization.txt"
"$CACHE/conformance-as/node_modules/.bin/conformance" authorization --url "$ISSUER" --client-id "$CLIENT_ID" \
  --resource "$URL" -p "$CALLBACK_PORT" > "$OUT" 2>&1 &
CONFORMANCE_PID=$!
AUTH_URL=""
for _ in $(seq 1 150); do
  AUTH_URL=$(grep -m1 -E '^https?://.*[?&]response_type=code' "$OUT" || true)
  [ -n "$AUTH_URL" ] && break
  kill -0 "$CONFORMANCE_PID" 2>/dev/null || break
  sleep 0.2
done
[ -n "$AUTH_URL" ] && node "$CACHE/clients/authorize-url.mjs" "$AUTH_URL" developer "$PASSWORD"
set +e
wait "$CONFORMANCE_PID"
status=$?
set -e
CONFORMANCE_PID=""
sed -n '/=== SUMMARY ===/,$p' "$OUT"
if [ $status -ne 0 ] || ! grep -qE "^Total: [1-9][0-9]* passed, 0 failed" "$OUT" || grep -q "SKIPPED" "$OUT"; then
  echo "conformance authorization failed (exit $status):"; cat "$OUT"; exit 1
fi

echo "-- chromium: sign-in and consent pages"
CHROMIUM="$CHROMIUM" node "$CACHE/clients/consent-screenshot.mjs" "$ISSUER" "$URL" developer "$PASSWORD" "$ROOT/$ARTIFACTS"
stop_todo

start_todo cimd GATEHOUSE_AUTH_ALLOW_HTTP_CLIENT_METADATA=true
echo "-- TypeScript SDK $SDK_VERSION: Client ID Metadata Document"
MCP_URL="$URL" E2E_USERNAME=developer E2E_PASSWORD="$PASSWORD" node "$CACHE/clients/oauth-e2e.mjs" cimd
grep -q "fetching client metadata over http from loopback" "$CACHE/todo-cimd.log" \
  || { echo "the server never fetched the metadata document"; cat "$CACHE/todo-cimd.log"; exit 1; }
stop_todo
echo "embedded authorization server: all client checks passed"
