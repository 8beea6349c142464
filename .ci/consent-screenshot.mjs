// A real browser (Debian's chromium, driven by playwright-core) signs in and consents through the
// embedded authorization server's pages, checks where it is sent back, and keeps screenshots.
//   node consent-screenshot.mjs ISSUER MCP_URL USERNAME PASSWORD OUT_DIR
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';

const [issuer, mcpUrl, username, password, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const redirectUri = 'http://127.0.0.1:53690/callback';

const registration = await fetch(`${issuer}/register`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ client_name: 'Playwright Notes App', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
});
assert.equal(registration.status, 201, await registration.clone().text());
const { client_id: clientId } = await registration.json();

const verifier = randomBytes(32).toString('base64url');
const state = randomBytes(12).toString('base64url');
const authorize = new URL(`${issuer}/authorize`);
for (const [k, v] of Object.entries({
  response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state, resource: mcpUrl,
  scope: 'todo:read todo:write', code_challenge_method: 'S256',
  code_challenge: createHash('sha256').update(verifier).digest('base64url'),
})) authorize.searchParams.set(k, v);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 720 } });
  let callback;
  // nothing listens on the redirect URI: answer it here and remember where the browser was sent
  await page.route(`${redirectUri}**`, route => {
    callback = new URL(route.request().url());
    route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Back in the app</h1>' });
  });
  await page.goto(authorize.href);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.screenshot({ path: `${out}/sign-in.png` });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
  const consent = await page.textContent('main');
  assert.match(consent, /Playwright Notes App/);
  assert.match(consent, /127\.0\.0\.1:53690/, 'the consent page names where the browser will be sent');
  assert.match(consent, /todo:write/);
  await page.screenshot({ path: `${out}/consent.png` });
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.getByRole('heading', { name: 'Back in the app' }).waitFor();
  assert.ok(callback, 'the browser was not sent back to the redirect URI');
  assert.equal(callback.searchParams.get('state'), state);
  assert.equal(callback.searchParams.get('iss'), issuer);
  const token = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'),
      redirect_uri: redirectUri, code_verifier: verifier, client_id: clientId, resource: mcpUrl }),
  });
  assert.equal(token.status, 200, await token.clone().text());
  assert.deepEqual((await token.json()).scope.split(' ').sort(), ['todo:read', 'todo:write']);
  const cookies = await page.context().cookies();
  for (const c of cookies.filter(c => c.name.includes('gh_'))) {
    assert.ok(c.httpOnly, `${c.name} is HttpOnly`);
    assert.equal(c.sameSite, 'Lax', `${c.name} is SameSite=Lax`);
  }
  console.log(`ok   signed in and consented in chromium; screenshots in ${out}`);
} finally {
  await browser.close();
}
