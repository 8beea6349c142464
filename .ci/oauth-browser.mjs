// A minimal browser for OAuth tests: a cookie jar, manual redirects, and the first <form> of a
// page filled in (username/password on the sign-in page, decision=allow on the consent page).
// Used by oauth-e2e.mjs (TypeScript SDK client) and the conformance suite's authorization run.

// ---------------------------------------------------------------------------------------------
// Minimal "browser": cookie jar + manual redirects + generic first-<form> submission.
// ---------------------------------------------------------------------------------------------
const decodeEntities = s => s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, e) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" })[e]);
const attrs = tag => Object.fromEntries([...tag.matchAll(/([a-zA-Z_:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map(m => [m[1].toLowerCase(), decodeEntities(m[3] ?? m[4] ?? m[5] ?? '')]));

function parseFirstForm(html) {
    const m = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
    if (!m) return undefined;
    const formAttrs = attrs(m[1]);
    const fields = [];
    for (const tm of m[2].matchAll(/<(input|button)\b([^>]*)>/gi)) {
        const a = attrs(tm[2]);
        const type = (a.type ?? (tm[1].toLowerCase() === 'button' ? 'submit' : 'text')).toLowerCase();
        if (a.name) fields.push({ tag: tm[1].toLowerCase(), type, name: a.name, value: a.value ?? '' });
    }
    return { action: formAttrs.action, method: (formAttrs.method ?? 'get').toLowerCase(), fields };
}

export class Browser {
    constructor(username, password) { this.jar = new Map(); this.username = username; this.password = password; } // "origin|name" -> value (path/expiry ignored: test only)
    cookieHeader(url) {
        const o = new URL(url).origin;
        return [...this.jar].filter(([k]) => k.startsWith(o + '|')).map(([k, v]) => `${k.slice(o.length + 1)}=${v}`).join('; ');
    }
    storeCookies(url, res) {
        const o = new URL(url).origin;
        for (const sc of res.headers.getSetCookie()) {
            const [pair] = sc.split(';');
            const i = pair.indexOf('=');
            this.jar.set(`${o}|${pair.slice(0, i).trim()}`, pair.slice(i + 1).trim());
        }
    }
    async request(url, { method = 'GET', form } = {}) {
        const headers = { accept: 'text/html' };
        const cookie = this.cookieHeader(url);
        if (cookie) headers.cookie = cookie;
        let body;
        if (form) { headers['content-type'] = 'application/x-www-form-urlencoded'; body = form.toString(); }
        const res = await fetch(url, { method, headers, body, redirect: 'manual' });
        this.storeCookies(url, res);
        return res;
    }
    fillForm(form) {
        const params = new URLSearchParams();
        const hasPassword = form.fields.some(f => f.type === 'password' || f.name === 'password');
        const submitters = form.fields.filter(f => f.type === 'submit');
        for (const f of form.fields) {
            if (f.type === 'submit') continue; // added below: only the chosen button is "clicked"
            if (hasPassword && f.name === 'username') params.set('username', this.username);
            else if (hasPassword && f.name === 'password') params.set('password', this.password);
            else if ((f.type === 'checkbox' || f.type === 'radio') && f.name !== 'decision') params.append(f.name, f.value || 'on');
            else if (f.name === 'decision') { if (f.value === 'allow') params.set('decision', 'allow'); }
            else params.append(f.name, f.value);
        }
        if (!hasPassword && !params.has('decision')) params.set('decision', 'allow'); // consent page
        const allow = submitters.find(b => b.name === 'decision' && b.value === 'allow') ??
            submitters.find(b => /allow|approve|accept|sign.?in|log.?in|submit/i.test(b.value) && b.name !== 'decision');
        if (allow && !params.has(allow.name)) params.set(allow.name, allow.value);
        return params;
    }
    /** Follows the authorization URL like a user agent until the AS redirects to redirectUrl. */
    async authorize(authorizationUrl, redirectUrl, maxSteps = 12) {
        let url = new URL(authorizationUrl);
        let res = await this.request(url);
        for (let step = 0; step < maxSteps; step++) {
            if (res.status >= 300 && res.status < 400) {
                const next = new URL(res.headers.get('location'), url);
                await res.body?.cancel();
                if (next.href.startsWith(redirectUrl)) return next;
                url = next;
                res = await this.request(url);
                continue;
            }
            const html = await res.text();
            if (res.status !== 200) throw new Error(`AS returned HTTP ${res.status} at ${url}: ${html.slice(0, 500)}`);
            const form = parseFirstForm(html);
            if (!form) throw new Error(`no <form> at ${url}: ${html.slice(0, 500)}`);
            const target = form.action ? new URL(form.action, url) : new URL(url);
            const params = this.fillForm(form);
            console.log(`[browser] form ${form.method.toUpperCase()} ${target.pathname} fields=[${[...params.keys()].join(',')}]`);
            if (form.method === 'post') res = await this.request(target, { method: 'POST', form: params });
            else { for (const [k, v] of params) target.searchParams.set(k, v); url = target; res = await this.request(target); }
        }
        throw new Error('too many steps before reaching redirect_uri');
    }
}
