# Helpers shared by bench/run and bench/threads; sourced, not run. Expects ROOT, OUT and JAR set.

# wrk from Debian when missing
ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
  fi
  [ -n "$(command -v curl)" ] || { echo "curl is needed"; exit 1; }
}

# java_major JAVA -> its feature version, e.g. 17
java_major() { "$1" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/'; }

# build_jars: the project into the local repository, then bench/target/bench.jar (SKIP_BUILD=1 skips)
build_jars() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building"
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests && ./mvnw -B -q -f bench/pom.xml package -DskipTests)
  fi
}

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

declare -A URL SESSION TOKEN
# start_server NAME COMMAND: starts it (logging to $OUT/NAME.log), waits for its READY line, opens a
# session and checks that it echoes, on a kept-alive connection
start_server() {
  local name=$1 command=$2 headers check auth=() session=()
  : > "$OUT/$name.log"
  $command > "$OUT/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do grep -q '^READY ' "$OUT/$name.log" && break; sleep 0.1; done
  URL[$name]=$(sed -n 's/^READY //p' "$OUT/$name.log")
  TOKEN[$name]=$(sed -n 's/^TOKEN //p' "$OUT/$name.log")
  [ -n "${URL[$name]}" ] || { echo "$name did not start:"; cat "$OUT/$name.log"; exit 1; }
  [ -z "${TOKEN[$name]}" ] || auth=(-H "Authorization: Bearer ${TOKEN[$name]}")
  headers=$(curl -sS -D - -o "$OUT/$name.init" "${URL[$name]}" "${auth[@]}" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}')
  SESSION[$name]=$(awk 'tolower($1) == "mcp-session-id:" { print $2 }' <<<"$headers" | tr -d '\r')
  [ -z "${SESSION[$name]}" ] || session=(-H "Mcp-Session-Id: ${SESSION[$name]}")
  curl -sS -o /dev/null "${URL[$name]}" "${auth[@]}" "${session[@]}" -H 'MCP-Protocol-Version: 2025-11-25' \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  check=$(curl -sS -D - "${URL[$name]}" "${auth[@]}" "${session[@]}" -H 'MCP-Protocol-Version: 2025-11-25' \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}')
  grep -q hello <<<"$check" || { echo "$name does not echo: $check"; cat "$OUT/$name.log"; exit 1; }
  # a server that closes every connection would measure TCP set-up, not MCP
  if grep -qi '^connection: *close' <<<"$check"; then echo "$name closes the connection after each call"; exit 1; fi
  echo "started $name at ${URL[$name]}"
}

# load NAME CONNECTIONS SECONDS -> the RESULT line of bench/rpc.lua (MCP_BODY/MCP_EXPECT pass through)
load() {
  MCP_SESSION="${SESSION[$1]}" MCP_TOKEN="${TOKEN[$1]}" \
    wrk -t2 -c"$2" -d"$3"s --latency -s "$ROOT/bench/rpc.lua" "${URL[$1]}" | grep '^RESULT'
}

# per_second RESULT-LINE -> requests per second
per_second() {
  local requests duration_us
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$1")
  duration_us=$(sed -E 's/.*duration_us=([0-9]+).*/\1/' <<<"$1")
  awk -v r="$requests" -v d="$duration_us" 'BEGIN { printf "%.0f", r / (d / 1e6) }'
}

# rate NAME CONNECTIONS SECONDS -> requests per second
rate() {
  per_second "$(load "$1" "$2" "$3")"
}

# The JIT needs far more than a few seconds, and under many connections its compiler threads get
# a small share of the 2 cores (at 64 connections a server here takes over 100 s to reach speed).
# warm NAME CONNECTIONS: load in 10 s steps until two steps in a row agree within 5 % (at least
# FIRST_WARMUP seconds, at most WARMUP_MAX); prints "SECONDS TRACE"
warm() {
  local previous=0 elapsed=0 trace="" current
  while :; do
    current=$(rate "$1" "$2" 10)
    elapsed=$((elapsed + 10))
    trace="$trace $current"
    if [ "$elapsed" -ge "${FIRST_WARMUP:-30}" ] && [ "$previous" -gt 0 ] \
        && awk -v a="$previous" -v b="$current" 'BEGIN { d = (b - a) / a; exit !(d < 0.05 && d > -0.05) }'; then
      break
    fi
    [ "$elapsed" -lt "${WARMUP_MAX:-120}" ] || break
    previous=$current
  done
  echo "$elapsed${trace}"
}

# ms RESULT-FIELD-IN-US -> milliseconds with two decimals
ms() {
  awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'
}
