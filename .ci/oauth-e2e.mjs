// End-to-end OAuth test for the Java MCP server + embedded AS, driven by the
// official TypeScript SDK client (@modelcontextprotocol/sdk 1.32.2).
//
//   node oauth-e2e.mjs dcr    # 401 -> PRM -> AS metadata -> DCR -> login/consent -> token
//                             # -> tools/call (todo:read) -> 403 step-up (todo:write) -> refresh
//   node oauth-e2e.mjs cimd   # same, but client_id is a Client ID Metadata Document URL
//
// Environment:
//   MCP_URL          http://127.0.0.1:8080/mcp   (must match PRM `resource` origin + path prefix)
//   E2E_USERNAME / E2E_PASSWORD                   credentials for the AS login form
//   REDIRECT_URL     http://127.0.0.1:53682/callback (never actually listened on; we stop at the 302)
//   READ_TOOL        listTodos   (needs todo:read)
//   WRITE_TOOL       addTodo      (needs todo:write -> 403 insufficient_scope first)
//   WRITE_ARGS       '{"title":"from e2e"}'
//   INITIAL_SCOPE    todo:read    (expected `scope` in the first authorization request)
//   STEPUP_SCOPE     todo:write   (expected to be contained in the step-up request)
//   CIMD_PORT        53683        port of the test's own metadata-document server
//   CIMD_HOST        127.0.0.1    host name the AS uses to reach it (must match the cert if https)
//   CIMD_TLS_CERT / CIMD_TLS_KEY  PEM files -> serve the document over https (what the SDK requires).
//                    Without them the document is served over http and the SDK's CIMD branch
//                    cannot be used (auth.js rejects non-https clientMetadataUrl), so the script
//                    seeds clientInformation = { client_id: <http url> } instead: the
//                    AS then fetches it over http (GATEHOUSE_AUTH_ALLOW_HTTP_CLIENT_METADATA=true).
//   STEPUP_WORKAROUND 1 (default) | 0   see "step-up" below (SDK issue #2255).

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Browser } from './oauth-browser.mjs';

const MODE = process.argv[2] ?? 'dcr';
const MCP_URL = new URL(process.env.MCP_URL ?? 'http://127.0.0.1:8080/mcp');
const USERNAME = process.env.E2E_USERNAME ?? 'developer';
const PASSWORD = process.env.E2E_PASSWORD;
const REDIRECT_URL = process.env.REDIRECT_URL ?? 'http://127.0.0.1:53682/callback';
const READ_TOOL = process.env.READ_TOOL ?? 'listTodos';
const WRITE_TOOL = process.env.WRITE_TOOL ?? 'addTodo';
const WRITE_ARGS = JSON.parse(process.env.WRITE_ARGS ?? '{"title":"from e2e"}');
const INITIAL_SCOPE = process.env.INITIAL_SCOPE ?? 'todo:read';
const STEPUP_SCOPE = process.env.STEPUP_SCOPE ?? 'todo:write';
const STEPUP_WORKAROUND = (process.env.STEPUP_WORKAROUND ?? '1') !== '0';

const log = (...a) => console.log('[e2e]', ...a);
const scopesOf = s => new Set((s ?? '').split(/\s+/).filter(Boolean));

// ---------------------------------------------------------------------------------------------
// HTTP trace: every request the SDK makes (MCP, discovery, DCR, token) goes through this fetch,
// because it is passed as the transport's `fetch` option (auth() receives it as fetchFn).
// ---------------------------------------------------------------------------------------------
const trace = [];
function makeTracingFetch(provider) {
    return async (url, init = {}) => {
        const u = new URL(String(url));
        const entry = { method: init.method ?? 'GET', url: u.href, path: u.pathname };
        if (init.body instanceof URLSearchParams || typeof init.body === 'string') {
            entry.body = String(init.body);
        }
        const res = await fetch(url, init);
        entry.status = res.status;
        entry.wwwAuthenticate = res.headers.get('www-authenticate') ?? undefined;
        trace.push(entry);
        // Step-up workaround (SDK 1.32.2): on 403 insufficient_scope the transport calls auth(),
        // which REFRESHES whenever tokens().refresh_token exists (auth.js ~L351). A refresh cannot
        // widen the scope, so the retry gets the same 403 and the transport throws
        // "Server returned 403 after trying upscoping" (streamableHttp.js L355-356).
        // Hiding the refresh token for that one auth() call makes auth() fall through to a new
        // authorization request with the challenged scope, which is what the spec intends.
        if (STEPUP_WORKAROUND && res.status === 403 && u.href === MCP_URL.href &&
            /error="?insufficient_scope/.test(entry.wwwAuthenticate ?? '')) {
            provider.withholdRefreshToken = true;
        }
        return res;
    };
}
const tokenRequests = () => trace.filter(t => t.method === 'POST' && t.body?.includes('grant_type='))
    .map(t => Object.fromEntries(new URLSearchParams(t.body)));

// ---------------------------------------------------------------------------------------------
// OAuthClientProvider (in memory). Stores what saveTokens/saveClientInformation receive
// unchanged (they carry the SDK's `issuer` stamp).
// ---------------------------------------------------------------------------------------------
class TestOAuthProvider {
    constructor({ clientMetadata, clientMetadataUrl }) {
        this._clientMetadata = clientMetadata;
        if (clientMetadataUrl) this.clientMetadataUrl = clientMetadataUrl; // optional property
        this.redirects = [];          // authorization URLs handed to redirectToAuthorization
        this.withholdRefreshToken = false;
    }
    get redirectUrl() { return REDIRECT_URL; }
    get clientMetadata() { return this._clientMetadata; }
    state() { this.lastState = randomBytes(16).toString('base64url'); return this.lastState; }
    clientInformation() { return this._clientInformation; }
    saveClientInformation(info) { this._clientInformation = info; }
    tokens() {
        if (this.withholdRefreshToken && this._tokens) {
            const { refresh_token, ...rest } = this._tokens;
            return rest;
        }
        return this._tokens;
    }
    saveTokens(tokens) { this._tokens = tokens; this.withholdRefreshToken = false; }
    redirectToAuthorization(url) { this.redirects.push(url); }
    saveCodeVerifier(v) { this._codeVerifier = v; }
    codeVerifier() {
        if (!this._codeVerifier) throw new Error('no code verifier saved');
        return this._codeVerifier;
    }
    invalidateCredentials(scope) {
        log('invalidateCredentials', scope);
        if (scope === 'all' || scope === 'client') this._clientInformation = undefined;
        if (scope === 'all' || scope === 'tokens') this._tokens = undefined;
        if (scope === 'all' || scope === 'verifier') this._codeVerifier = undefined;
    }
    // Only the "save" half is implemented: we want the AS metadata (issuer, iss support) for our
    // own RFC 9207 check, but still want auth() to run full discovery every time.
    saveDiscoveryState(state) { this.discovery = state; }
    get lastAuthorizationUrl() { return this.redirects.at(-1); }
}

/** Runs the user-agent leg for the last authorization URL; returns the `code` after checking state/iss. */
async function userAgentLeg(browser, provider) {
    const authUrl = provider.lastAuthorizationUrl;
    assert.ok(authUrl, 'SDK did not call redirectToAuthorization');
    const q = authUrl.searchParams;
    log('authorization request:', Object.fromEntries(q));
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.ok(q.get('code_challenge'));
    assert.equal(q.get('redirect_uri'), REDIRECT_URL);
    assert.ok(q.get('resource'), 'RFC 8707 resource missing (PRM not found?)');
    const cb = await browser.authorize(authUrl, REDIRECT_URL);
    const p = cb.searchParams;
    if (p.get('error')) throw new Error(`authorization error: ${p.get('error')} ${p.get('error_description') ?? ''}`);
    // The SDK does not check state or iss (finishAuth takes only the code): do it here.
    assert.equal(p.get('state'), q.get('state'), 'state mismatch');
    const asMeta = provider.discovery?.authorizationServerMetadata;
    if (asMeta?.authorization_response_iss_parameter_supported) {
        assert.equal(p.get('iss'), asMeta.issuer, 'RFC 9207 iss mismatch');
    }
    assert.ok(p.get('code'), 'no code in redirect');
    return p.get('code');
}

// ---------------------------------------------------------------------------------------------
// CIMD: serve the client metadata document from the test itself.
// ---------------------------------------------------------------------------------------------
async function startCimdServer(clientMetadata) {
    const port = Number(process.env.CIMD_PORT ?? 53683);
    const host = process.env.CIMD_HOST ?? '127.0.0.1';
    const tls = process.env.CIMD_TLS_CERT && process.env.CIMD_TLS_KEY
        ? { cert: readFileSync(process.env.CIMD_TLS_CERT), key: readFileSync(process.env.CIMD_TLS_KEY) } : undefined;
    const url = `${tls ? 'https' : 'http'}://${host}:${port}/oauth/client-metadata.json`;
    const doc = { client_id: url, ...clientMetadata };
    const handler = (req, res) => {
        log(`CIMD document fetched by AS: ${req.method} ${req.url}`);
        if (req.url !== '/oauth/client-metadata.json') { res.writeHead(404).end(); return; }
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' }).end(JSON.stringify(doc));
    };
    const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
    await new Promise(r => server.listen(port, '127.0.0.1', r));
    return { url, server };
}

// ---------------------------------------------------------------------------------------------
// Flow
// ---------------------------------------------------------------------------------------------
function newTransport(provider) {
    return new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider, fetch: makeTracingFetch(provider) });
}

async function connectWithOAuth(provider, browser) {
    const client = new Client({ name: 'java-mcp-e2e', version: '1.0.0' });
    let transport = newTransport(provider);
    try {
        await client.connect(transport);
        throw new Error('expected the first connect to require authorization');
    } catch (e) {
        if (!(e instanceof UnauthorizedError)) throw e;
    }
    const first = trace.find(t => t.url === MCP_URL.href);
    assert.equal(first.status, 401, 'first MCP request should be 401');
    log('401 WWW-Authenticate:', first.wwwAuthenticate);
    assert.ok(trace.some(t => t.path.startsWith('/.well-known/oauth-protected-resource') && t.status === 200), 'PRM not fetched');
    assert.ok(trace.some(t => /\/\.well-known\/(oauth-authorization-server|openid-configuration)/.test(t.path) && t.status === 200), 'AS metadata not fetched');
    const initialScope = provider.lastAuthorizationUrl.searchParams.get('scope');
    assert.deepEqual(scopesOf(initialScope), scopesOf(INITIAL_SCOPE), `initial scope ${initialScope}`);

    const code = await userAgentLeg(browser, provider);
    await transport.finishAuth(code);          // auth(provider, {serverUrl, authorizationCode}) -> token endpoint
    assert.equal(tokenRequests().at(-1).grant_type, 'authorization_code');
    assert.equal(tokenRequests().at(-1).code_verifier?.length > 0, true);

    // A started transport cannot be restarted (start() throws), and Client.connect closed it: use a new one.
    transport = newTransport(provider);
    await client.connect(transport);
    log('connected; session', transport.sessionId, 'token scope', provider._tokens.scope);
    return { client, transport };
}

async function main() {
    const browser = new Browser(USERNAME, PASSWORD);
    const clientMetadata = {
        client_name: `java-mcp-e2e (${MODE})`,
        redirect_uris: [REDIRECT_URL],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
        // Fallback only: auth() prefers WWW-Authenticate scope, then PRM scopes_supported (auth.js L274),
        // and overwrites this in the DCR request body with the resolved scope (registerClient).
        scope: INITIAL_SCOPE,
    };

    let provider, cimd;
    if (MODE === 'cimd') {
        cimd = await startCimdServer(clientMetadata);
        if (cimd.url.startsWith('https://')) {
            provider = new TestOAuthProvider({ clientMetadata, clientMetadataUrl: cimd.url });
        } else {
            // SDK 1.32.2 throws InvalidClientMetadataError for a non-https clientMetadataUrl
            // (auth.js L303-304, isHttpsUrl L395-401). Seed the URL as an already-known client_id;
            // auth() then skips DCR/CIMD entirely and uses it (token endpoint auth "none").
            log('WARNING: http CIMD URL -> seeding clientInformation instead of clientMetadataUrl');
            provider = new TestOAuthProvider({ clientMetadata });
            provider.saveClientInformation({ client_id: cimd.url });
        }
    } else {
        provider = new TestOAuthProvider({ clientMetadata });
    }

    try {
        // 1) 401 -> discovery -> DCR/CIMD -> authorize -> token -> connect
        const { client } = await connectWithOAuth(provider, browser);
        const registered = trace.filter(t => t.method === 'POST' && t.status < 300 && /register/.test(t.path));
        if (MODE === 'cimd') {
            assert.equal(registered.length, 0, 'CIMD run must not call the registration endpoint');
            assert.equal(provider.clientInformation().client_id, cimd.url);
        } else {
            assert.equal(registered.length, 1, 'expected exactly one DCR call');
        }
        log('client_id', provider.clientInformation().client_id);

        // 2) tools/call with todo:read
        const tools = await client.listTools();
        log('tools:', tools.tools.map(t => t.name).join(', '));
        const r1 = await client.callTool({ name: READ_TOOL, arguments: {} });
        assert.ok(!r1.isError, `${READ_TOOL} failed: ${JSON.stringify(r1)}`);

        // 3) step-up: WRITE_TOOL -> 403 insufficient_scope -> auth() -> redirectToAuthorization -> UnauthorizedError
        const redirectsBefore = provider.redirects.length;
        try {
            await client.callTool({ name: WRITE_TOOL, arguments: WRITE_ARGS });
            throw new Error(`expected ${WRITE_TOOL} to need step-up`);
        } catch (e) {
            if (e instanceof StreamableHTTPError && e.code === 403) {
                throw new Error(`SDK gave up on step-up (${e.message}); with a refresh token stored, 1.32.2 refreshes ` +
                    'instead of re-authorizing (issue #2255) - run with STEPUP_WORKAROUND=1', { cause: e });
            }
            if (!(e instanceof UnauthorizedError)) throw e;
        }
        const challenge = trace.filter(t => t.status === 403).at(-1);
        log('403 WWW-Authenticate:', challenge?.wwwAuthenticate);
        assert.equal(provider.redirects.length, redirectsBefore + 1, 'no new authorization request for step-up');
        const stepScope = scopesOf(provider.lastAuthorizationUrl.searchParams.get('scope'));
        for (const s of scopesOf(STEPUP_SCOPE)) assert.ok(stepScope.has(s), `step-up request lacks ${s}`);
        const code2 = await userAgentLeg(browser, provider); // AS session cookie: probably consent only
        // finishAuth on the same (still running) transport; the MCP session is kept.
        await client.transport.finishAuth(code2);
        log('step-up token scope:', provider._tokens.scope);
        const r2 = await client.callTool({ name: WRITE_TOOL, arguments: WRITE_ARGS });
        assert.ok(!r2.isError, `${WRITE_TOOL} failed after step-up: ${JSON.stringify(r2)}`);
        // The SDK requests exactly the challenged scope (no union in 1.32.2): todo:read survives only
        // if the server's 403 lists it too.
        const r2b = await client.callTool({ name: READ_TOOL, arguments: {} });
        assert.ok(!r2b.isError, `${READ_TOOL} failed after step-up (403 scope param should list all needed scopes)`);

        // 4) refresh. The SDK never looks at expires_in; refresh happens only inside auth() when no code is
        //    given and tokens().refresh_token exists - i.e. after a 401 from the MCP server.
        //    Force it by invalidating the access token locally (server answers 401 invalid_token).
        const oldTokens = provider._tokens;
        assert.ok(oldTokens.refresh_token, 'AS issued no refresh_token');
        provider._tokens = { ...oldTokens, access_token: 'revoked-' + randomBytes(8).toString('hex') };
        const nTokenReqs = tokenRequests().length;
        const nRedirects = provider.redirects.length;
        const r3 = await client.callTool({ name: READ_TOOL, arguments: {} });
        assert.ok(!r3.isError);
        const refreshReq = tokenRequests().slice(nTokenReqs);
        assert.equal(refreshReq.length, 1);
        assert.equal(refreshReq[0].grant_type, 'refresh_token');
        assert.equal(refreshReq[0].refresh_token, oldTokens.refresh_token);
        assert.equal(provider.redirects.length, nRedirects, 'refresh must not start a new authorization');
        assert.notEqual(provider._tokens.access_token, oldTokens.access_token);
        log('refreshed; rotated refresh token:', provider._tokens.refresh_token !== oldTokens.refresh_token);

        // 4b) direct refresh through the public API (no 401 needed): auth() with stored tokens.
        const r4 = await auth(provider, { serverUrl: MCP_URL, fetchFn: makeTracingFetch(provider) });
        assert.equal(r4, 'AUTHORIZED');
        assert.equal(tokenRequests().at(-1).grant_type, 'refresh_token');
        const r5 = await client.callTool({ name: WRITE_TOOL, arguments: WRITE_ARGS });
        assert.ok(!r5.isError, 'write scope lost after refresh');

        await client.transport.terminateSession().catch(() => {});
        await client.close();
        log(`OK (${MODE})`);
    } finally {
        cimd?.server.close();
        if (process.env.E2E_TRACE) for (const t of trace) console.log(t.status, t.method, t.url, t.wwwAuthenticate ?? '');
    }
}

main().catch(e => { console.error('[e2e] FAILED:', e); process.exitCode = 1; });
