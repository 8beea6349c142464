// Plays the person at the browser for a tool that prints an authorization URL and waits for its
// callback (the conformance suite's `authorization` command): signs in, consents, and delivers
// the redirect to the callback.
//   node authorize-url.mjs URL USERNAME PASSWORD
import { Browser } from './oauth-browser.mjs';

const [url, username, password] = process.argv.slice(2);
const redirect = new URL(url).searchParams.get('redirect_uri');
const callback = await new Browser(username, password).authorize(url, redirect);
if (callback.searchParams.get('error')) {
  console.error(`authorization failed: ${callback.searchParams.get('error')} ${callback.searchParams.get('error_description')}`);
}
const delivered = await fetch(callback);
console.log(`callback delivered: HTTP ${delivered.status}`);
