// Calls the todo example with the official TypeScript SDK client and a bearer token.
// usage: node ts-client.mjs <mcpUrl> <token>; prints "N passed, N failed", exits non-zero on failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, token] = process.argv.slice(2);
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name}: ${detail}`); }
}

async function connect(headers) {
  const client = new Client({ name: 'gatehouse-ci', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(transport);
  return client;
}

try {
  await connect({});
  check('connecting without a token is refused', false, 'connected');
} catch (e) {
  // the SDK's StreamableHTTPError carries the HTTP status as `code`
  check('connecting without a token is refused (401)', e.code === 401, `code=${e.code} ${e}`);
}

try {
  const client = await connect({ Authorization: `Bearer ${token}` });
  const tools = await client.listTools();
  const names = tools.tools.map((t) => t.name).sort().join(',');
  check('tools/list', names === 'addTodo,completeTodo,deleteTodo,listTodos', names);
  const added = await client.callTool({ name: 'addTodo', arguments: { title: 'from the TypeScript SDK' } });
  check('tools/call addTodo (structured)', added.structuredContent?.title === 'from the TypeScript SDK', JSON.stringify(added));
  const listed = await client.callTool({ name: 'listTodos', arguments: {} });
  check('tools/call listTodos', JSON.stringify(listed.structuredContent).includes('from the TypeScript SDK'), JSON.stringify(listed));
  let invalid;
  try {
    invalid = await client.callTool({ name: 'listTodos', arguments: { limit: 'ten' } });
  } catch (e) {
    invalid = e;
  }
  check('bad arguments are -32602 with a path', String(invalid?.message ?? invalid).includes('expected integer at $.limit'), String(invalid?.message ?? JSON.stringify(invalid)));
  await client.close();
} catch (e) {
  check('authenticated session', false, String(e));
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
