// Baseline: the official MCP TypeScript SDK serving the benchmark's echo tool over stateful
// Streamable HTTP, on plain node:http (no express). Shaped like the SDK's own
// examples/server/simpleStreamableHttp: a map of transports keyed by session id, one McpServer per
// session, the request body parsed up front and handed to transport.handleRequest.
//
//   node bench/ts/server.mjs PORT
//
// Prints `READY http://127.0.0.1:PORT/mcp` once listening. Authorization headers are ignored.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const port = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(port)) {
  console.error('usage: node server.mjs PORT');
  process.exit(2);
}
const MAX_BODY = 4 * 1024 * 1024;

/** sessionId -> transport */
const transports = new Map();

function newServer() {
  const server = new McpServer({ name: 'ts-sdk-echo', version: '1.0' });
  server.registerTool(
    'echo',
    { description: 'Echoes the text', inputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: 'text', text }], isError: false })
  );
  return server;
}

function sendJson(res, status, body) {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
  res.end(bytes);
}

function jsonRpcError(res, status, code, message) {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handlePost(req, res) {
  let body;
  try {
    const text = await readBody(req);
    body = text.length === 0 ? undefined : JSON.parse(text);
  } catch (e) {
    jsonRpcError(res, e.status ?? 400, -32700, 'Parse error');
    return;
  }
  const sessionId = req.headers['mcp-session-id'];
  let transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport) {
    if (sessionId) {
      jsonRpcError(res, 404, -32001, 'Session not found');
      return;
    }
    if (!isInitializeRequest(body)) {
      jsonRpcError(res, 400, -32000, 'Bad Request: No valid session ID provided');
      return;
    }
    const created = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: id => {
        transports.set(id, created);
      }
    });
    created.onclose = () => {
      if (created.sessionId) transports.delete(created.sessionId);
    };
    await newServer().connect(created);
    transport = created;
  }
  await transport.handleRequest(req, res, body);
}

async function handleSession(req, res) {
  // GET (standalone SSE stream) and DELETE (end session) go straight to the session's transport
  const sessionId = req.headers['mcp-session-id'];
  const transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport) {
    jsonRpcError(res, sessionId ? 404 : 400, -32000, sessionId ? 'Session not found' : 'Missing session ID');
    return;
  }
  await transport.handleRequest(req, res);
}

const httpServer = http.createServer((req, res) => {
  const path = req.url.split('?', 1)[0];
  if (path !== '/mcp') {
    jsonRpcError(res, 404, -32000, 'Not found');
    return;
  }
  let handling;
  if (req.method === 'POST') handling = handlePost(req, res);
  else if (req.method === 'GET' || req.method === 'DELETE') handling = handleSession(req, res);
  else {
    res.writeHead(405, { Allow: 'GET, POST, DELETE' });
    res.end();
    return;
  }
  handling.catch(err => {
    console.error('error handling MCP request:', err);
    if (!res.headersSent) jsonRpcError(res, 500, -32603, 'Internal server error');
    else res.end();
  });
});

httpServer.listen(port, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${port}/mcp\n`);
});

function shutdown() {
  httpServer.close();
  httpServer.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
