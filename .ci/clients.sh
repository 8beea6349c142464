#!/usr/bin/env bash
# Real MCP clients against the todo example with authentication on: the official TypeScript SDK
# client and the MCP Inspector CLI, each with a bearer token minted by the test kit.
# Called by .ci/run after the build (needs Node >= 22 on PATH and the jars built).
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=.ci/.cache
PORT=${CLIENTS_PORT:-3011}
URL="http://localhost:$PORT/mcp"
SDK_VERSION=1.32.2
INSPECTOR_VERSION=2.12.0

if [ ! -d "$CACHE/clients/node_modules/@modelcontextprotocol/sdk" ] \
    || [ ! -x "$CACHE/clients/node_modules/.bin/mcp-inspector" ]; then
  mkdir -p "$CACHE/clients"
  [ -f "$CACHE/clients/package.json" ] || echo '{"private":true,"type":"module"}' > "$CACHE/clients/package.json"
  npm install --silent --no-audit --no-fund --prefix "$CACHE/clients" \
    "@modelcontextprotocol/sdk@$SDK_VERSION" "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >/dev/null
fi

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

java -cp "mcp-test/target/classes:$(cat "$CACHE/mcp-test.classpath")" dev.gatehouse.mcp.test.TestTokens \
  "$URL" todo:read todo:write > "$CACHE/clients-tokens.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do grep -q '^token=' "$CACHE/clients-tokens.out" 2>/dev/null && break; sleep 0.2; done
ISSUER=$(sed -n 's/^issuer=//p' "$CACHE/clients-tokens.out")
TOKEN=$(sed -n 's/^token=//p' "$CACHE/clients-tokens.out")
if [ -z "$ISSUER" ] || [ -z "$TOKEN" ]; then
  echo "the test issuer did not start:"; cat "$CACHE/clients-tokens.out"; exit 1
fi

PORT=$PORT GATEHOUSE_AUTH_ISSUER="$ISSUER" GATEHOUSE_PUBLIC_URL="$URL" \
  java -jar examples/todo/target/todo-server.jar > "$CACHE/clients-todo.log" 2>&1 &
TODO_PID=$!
PIDS+=($TODO_PID)
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
if ! kill -0 "$TODO_PID" 2>/dev/null || ! grep -q "tokens from $ISSUER are required" "$CACHE/clients-todo.log"; then
  echo "the todo server did not start with authentication on:"; cat "$CACHE/clients-todo.log"; exit 1
fi

echo "-- TypeScript SDK client $SDK_VERSION"
cp .ci/ts-client.mjs "$CACHE/clients/ts-client.mjs"
node "$CACHE/clients/ts-client.mjs" "$URL" "$TOKEN"

echo "-- MCP Inspector CLI $INSPECTOR_VERSION"
INSPECTOR="$CACHE/clients/node_modules/.bin/mcp-inspector"
passed=0; failed=0
expect() { # expect NAME PATTERN OUTPUT
  if grep -q -- "$2" <<<"$3"; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1:"; echo "$3" | head -20; fi
}
out=$("$INSPECTOR" --cli "$URL" --transport http --header "Authorization: Bearer $TOKEN" --method tools/list 2>&1 || true)
expect "inspector tools/list" '"addTodo"' "$out"
out=$("$INSPECTOR" --cli "$URL" --transport http --header "Authorization: Bearer $TOKEN" \
  --method tools/call --tool-name addTodo --tool-arg "title=from the Inspector" 2>&1 || true)
expect "inspector tools/call" 'from the Inspector' "$out"
out=$("$INSPECTOR" --cli "$URL" --transport http --stored-auth-only --method tools/list 2>&1 || true)
expect "inspector without a token is refused" 'auth' "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
