-- wrk script: POST one MCP tools/call (the echo tool) per request.
-- Environment: MCP_SESSION (Mcp-Session-Id, empty for stateless), MCP_TOKEN (bearer, optional),
-- MCP_BODY (another request body) and MCP_EXPECT (the text its answer must carry; "hello").
-- Counts as an error every response that is not 200 or does not carry the echoed text, and prints
-- one machine-readable RESULT line.
local session = os.getenv("MCP_SESSION")
local token = os.getenv("MCP_TOKEN")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
if session ~= nil and session ~= "" then wrk.headers["Mcp-Session-Id"] = session end
if token ~= nil and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
wrk.body = os.getenv("MCP_BODY") or '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}'
local expect = os.getenv("MCP_EXPECT") or "hello"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 or body == nil or not string.find(body, expect, 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors, e.connect + e.read + e.write + e.timeout))
end
