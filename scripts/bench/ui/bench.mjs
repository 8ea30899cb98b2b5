// Web UI benchmark driver (scripts/bench/ui.sh runs it). Debian's Chromium through playwright-core: no browser is
// ever downloaded. Every figure goes to a JSON file; `report` prints the table.
//
//   node bench.mjs size   URL OUT.json                     JS + CSS of the shell, as sent with Accept-Encoding: gzip
//   node bench.mjs login  URL OUT.json RUNS                /login until the password field is usable, cold cache
//   node bench.mjs dash   URL OUT.json RUNS COOKIE CSRF    /dashboard until the map and the stat cards show data
//   node bench.mjs bans   URL OUT.json COOKIE              GET /api/v1/bans as sent with gzip, for contrast
//   node bench.mjs report DIR                              the table of every JSON file in DIR
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';

const CHROMIUM = process.env.UI_BENCH_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-default-apps'];
const READY_TIMEOUT = Number(process.env.UI_BENCH_TIMEOUT_MS || 20000);

// Installed before any script of the page (no eval: the page's CSP forbids it): window.__mark(name, cond)
// resolves with performance.now() at the first DOM mutation after which the named condition holds;
// window.__marks keeps the moments. The conditions:
//   login: the password field is present, enabled and visible
//   dash:  the map has a coloured country ([data-count]) and the banned stat card shows a number
const INIT = `
window.__conds = {
  login: () => { const i = document.querySelector('input[name=password]'); return !!i && !i.disabled && i.offsetParent !== null; },
  dash: () => { const c = document.querySelector('.worldmap [data-count]'); const s = document.querySelector('[data-testid="stat-banned"]');
    return !!c && !!s && /\\d/.test(s.textContent || ''); },
};
window.__marks = {};
window.__mark = (name, cond) => new Promise(resolve => {
  const check = () => { try { return window.__conds[cond](); } catch { return false; } };
  const done = () => { const t = performance.now(); window.__marks[name] = t; resolve(t); };
  if (document.documentElement && check()) { done(); return; }
  const mo = new MutationObserver(() => { if (check()) { mo.disconnect(); done(); } });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
});
`;

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = x => Math.round(x * 10) / 10;

/** GET with Accept-Encoding: gzip; the body as it came over the wire (node's http does not decompress). */
function fetchRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': 'gzip', ...headers } }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Wire bytes and gzip size (level 9, what a static pre-compression would give) of one asset. */
async function assetSize(url) {
  const r = await fetchRaw(url);
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
  const encoding = r.headers['content-encoding'] || 'identity';
  const raw = encoding === 'gzip' ? (await import('node:zlib')).gunzipSync(r.body) : r.body;
  return { url: new URL(url).pathname, wire: r.body.length, encoding, raw: raw.length, gzip9: gzipSync(raw, { level: 9 }).length };
}

/** The JS and CSS the shell references: script src, link rel=stylesheet and rel=modulepreload. */
function shellAssets(html, base) {
  const urls = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (tag.match(/\brel=["']([^"']+)["']/i) || [])[1] || '';
    const href = (tag.match(/\bhref=["']([^"']+)["']/i) || [])[1];
    if (href && /(^|\s)(stylesheet|modulepreload)(\s|$)/i.test(rel)) urls.add(href);
  }
  return [...urls].map(u => new URL(u, base).href);
}

async function size(url, out) {
  const shell = await fetchRaw(url + '/');
  const html = (shell.headers['content-encoding'] === 'gzip' ? (await import('node:zlib')).gunzipSync(shell.body) : shell.body).toString();
  const assets = [];
  for (const a of shellAssets(html, url + '/')) assets.push(await assetSize(a));
  const result = { kind: 'size', shell: { wire: shell.body.length, encoding: shell.headers['content-encoding'] || 'identity' }, assets };
  writeFileSync(out, JSON.stringify(result, null, 2));
}

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** The navigation timing of the page, relative to navigation start (ms). */
const NAV_TIMING = `(() => { const n = performance.getEntriesByType('navigation')[0];
  return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd,
           load: n.loadEventEnd }; })()`;
const RESOURCES = `performance.getEntriesByType('resource').map(r => ({ name: r.name, type: r.initiatorType,
  start: r.startTime, end: r.responseEnd, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize }))`;

async function waitMark(page, name, cond) {
  await page.waitForFunction(n => window.__marks && window.__marks[n] !== undefined, name, { timeout: READY_TIMEOUT });
  return page.evaluate(n => window.__marks[n], name);
}

async function login(url, out, runs) {
  const browser = await launch();
  const result = { kind: 'login', runs: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(); // fresh context: empty HTTP cache, no cookies, no storage
      await context.addInitScript(INIT + `window.__mark('ready', 'login');`);
      const page = await context.newPage();
      await page.goto(url + '/login', { waitUntil: 'commit' });
      const ready = await waitMark(page, 'ready');
      // usable: the field takes focus and typing (a real input event through the page's handler)
      await page.fill('input[name=password]', 'x');
      const nav = await page.evaluate(NAV_TIMING);
      const resources = await page.evaluate(RESOURCES);
      result.runs.push({ ready: round(ready), ...Object.fromEntries(Object.entries(nav).map(([k, v]) => [k, round(v)])),
        assets: resources.filter(r => /\.(js|css)(\?|$)/.test(r.name)).map(r => ({ name: new URL(r.name).pathname, transfer: r.transfer, encoded: r.encoded })) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  writeFileSync(out, JSON.stringify(result, null, 2));
}

async function dashContext(browser, url, cookie, csrf) {
  const context = await browser.newContext();
  const { hostname } = new URL(url);
  await context.addCookies([{ name: 'bangui_session', value: cookie, domain: hostname, path: '/', httpOnly: true }]);
  await context.addInitScript(INIT + `try { localStorage.setItem('bangui.csrf', ${JSON.stringify(csrf)}); } catch {}
    window.__mark('ready', 'dash');`);
  return context;
}

function apiBytes(resources, until) {
  const api = resources.filter(r => new URL(r.name).pathname.startsWith('/api/v1/') && r.start <= until);
  return { requests: api.map(r => ({ name: new URL(r.name).pathname + new URL(r.name).search, transfer: r.transfer, encoded: r.encoded, decoded: r.decoded,
    start: round(r.start), end: round(r.end), ms: round(r.end - r.start) })),
    transfer: api.reduce((s, r) => s + r.transfer, 0), decoded: api.reduce((s, r) => s + r.decoded, 0) };
}

async function dash(url, out, runs, cookie, csrf) {
  const browser = await launch();
  const result = { kind: 'dash', cold: [], warmReload: [], rerender: [], lazy: [] };
  try {
    // a server in service is warm (its JIT has compiled the map's code): a few unmeasured loads first, each in
    // a fresh context too; every measured load below still starts with an empty browser cache
    const warmups = Number(process.env.UI_BENCH_WARMUP ?? 3);
    for (let i = 0; i < warmups; i++) {
      const context = await dashContext(browser, url, cookie, csrf);
      const page = await context.newPage();
      await page.goto(url + '/dashboard', { waitUntil: 'commit' });
      await waitMark(page, 'ready');
      await context.close();
    }
    result.warmups = warmups;
    for (let i = 0; i < runs; i++) {
      const context = await dashContext(browser, url, cookie, csrf);
      const page = await context.newPage();
      await page.goto(url + '/dashboard', { waitUntil: 'commit' });
      let ready;
      try { ready = await waitMark(page, 'ready'); } catch (e) {
        writeFileSync(out + '.png', await page.screenshot({ fullPage: true }));
        throw new Error(`the dashboard did not show the map's counts and the banned stat within ${READY_TIMEOUT} ms (screenshot: ${out}.png): ${e.message}`);
      }
      const nav = await page.evaluate(NAV_TIMING);
      const resources = await page.evaluate(RESOURCES);
      const countries = await page.evaluate(() => document.querySelectorAll('.worldmap [data-count]').length);
      const banned = await page.evaluate(() => { const e = document.querySelector('[data-testid="stat-banned"]');
        return e.getAttribute('data-value') ?? e.textContent.trim().slice(0, 40); });
      result.cold.push({ ready: round(ready), domContentLoaded: round(nav.domContentLoaded), countries, banned, api: apiBytes(resources, ready),
        assets: resources.filter(r => /\.(js|css)(\?|$)/.test(r.name)).map(r => ({ name: new URL(r.name).pathname, transfer: r.transfer, encoded: r.encoded, start: round(r.start), end: round(r.end) })) });

      // warm: the same context (HTTP cache filled) reloads the page
      await page.reload({ waitUntil: 'commit' });
      result.warmReload.push(round(await waitMark(page, 'ready')));

      // re-render inside the app: to Jails and back to the Dashboard through the nav links (no page load)
      await page.evaluate(() => document.querySelector('a[href="/jails"]').click());
      await page.waitForFunction(() => !document.querySelector('.worldmap') && /Jails/.test(document.querySelector('h1')?.textContent || ''), null, { timeout: READY_TIMEOUT });
      const rr = await page.evaluate(async () => {
        const t0 = performance.now();
        const p = window.__mark('rerender', 'dash');
        document.querySelector('a[href="/dashboard"]').click();
        return (await p) - t0;
      });
      result.rerender.push(round(rr));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  // the API answers alone, without the browser: each path the dashboard fetched, 5 sequential GETs, median
  result.apiAlone = [];
  for (const q of result.cold[0].api.requests) {
    const ms = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await fetchRaw(url + q.name, { Cookie: `bangui_session=${cookie}` });
      ms.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`${q.name} answered ${r.status}`);
    }
    result.apiAlone.push({ name: q.name, median: round(median(ms)), best: round(Math.min(...ms)) });
  }
  // the chunks the dashboard loaded beyond the shell's (the world map): sizes as sent with gzip
  const first = result.cold[0];
  const shell = existsSync(process.env.UI_BENCH_SIZE || '') ? JSON.parse(readFileSync(process.env.UI_BENCH_SIZE)).assets.map(a => a.url) : [];
  for (const a of first.assets) if (!shell.includes(a.name)) result.lazy.push(await assetSize(url + a.name));
  writeFileSync(out, JSON.stringify(result, null, 2));
}

/** GET /api/v1/bans (every active ban) as sent with gzip: the list the dashboard does not fetch. */
async function bans(url, out, cookie) {
  const ms = [];
  let r;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    r = await fetchRaw(url + '/api/v1/bans', { Cookie: `bangui_session=${cookie}` });
    ms.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`GET /api/v1/bans answered ${r.status}`);
  }
  const encoding = r.headers['content-encoding'] || 'identity';
  const raw = encoding === 'gzip' ? (await import('node:zlib')).gunzipSync(r.body) : r.body;
  writeFileSync(out, JSON.stringify({ kind: 'bans', bans: JSON.parse(raw.toString()).count, wire: r.body.length, encoding, raw: raw.length,
    median: round(median(ms)), best: round(Math.min(...ms)),
    gzip9: gzipSync(raw, { level: 9 }).length }, null, 2));
}

// ---- report ------------------------------------------------------------------------------------------------------

const kb = b => (b / 1024).toFixed(1) + ' KB';
function row(measure, res, target, ratio) {
  console.log(`| ${measure} | ${res} | ${target} | ${ratio} |`);
}

const short = name => name.replace('/api/v1', '').replace(/\?.*$/, '');

function report(dir) {
  const read = f => (existsSync(`${dir}/${f}`) ? JSON.parse(readFileSync(`${dir}/${f}`)) : undefined);
  const size = read('size.json'), login = read('login.json'), d100 = read('dash-100.json'), d10k = read('dash-10000.json');
  const shellNames = new Set((size?.assets || []).map(a => a.url));
  const isShell = name => shellNames.has(name);
  const bansList = read('bans.json');
  console.log('| measure | result | target | ratio |');
  console.log('|---|---|---|---|');
  if (size) {
    const wire = size.assets.reduce((s, a) => s + a.wire, 0);
    const gz = size.assets.reduce((s, a) => s + a.gzip9, 0);
    const raw = size.assets.reduce((s, a) => s + a.raw, 0);
    const enc = [...new Set(size.assets.map(a => a.encoding))].join('/');
    row(`first page JS + CSS (${size.assets.length} files: ${size.assets.map(a => a.url.replace(/^.*\//, '')).join(', ')})`,
      `${kb(wire)} on the wire (${enc}; ${kb(raw)} uncompressed, ${kb(gz)} gzip -9)`, '<= 150 KB gzipped', (Math.max(wire, gz) / 1024 / 150).toFixed(2));
  }
  if (d10k?.lazy?.length || d100?.lazy?.length) {
    const lazy = (d10k?.lazy?.length ? d10k : d100).lazy;
    const wire = lazy.reduce((s, a) => s + a.wire, 0), raw = lazy.reduce((s, a) => s + a.raw, 0);
    row(`dashboard's lazy chunks (${lazy.map(a => a.url.replace(/^.*\//, '')).join(', ')})`, `${kb(wire)} on the wire (${kb(raw)} uncompressed)`, '(not in the first page)', '');
  }
  if (login) {
    const r = login.runs.map(x => x.ready);
    row(`/login usable, cold cache (median of ${r.length}; best)`,
      `${median(r).toFixed(0)} ms; best ${Math.min(...r).toFixed(0)} ms (DOMContentLoaded ${median(login.runs.map(x => x.domContentLoaded)).toFixed(0)} ms, load ${median(login.runs.map(x => x.load)).toFixed(0)} ms)`,
      '<= 1000 ms', (median(r) / 1000).toFixed(2));
  }
  for (const [n, d] of [[100, d100], [10000, d10k]]) {
    if (!d) continue;
    const cold = d.cold.map(x => x.ready);
    row(`dashboard, ${n.toLocaleString('en')} bans, cold load to map + stats (median of ${cold.length}; best)`,
      `${median(cold).toFixed(0)} ms; best ${Math.min(...cold).toFixed(0)} ms (${d.cold[0].countries} countries coloured, banned ${d.cold[0].banned})`,
      '<= 300 ms', (median(cold) / 300).toFixed(2));
    row(`dashboard, ${n.toLocaleString('en')} bans, warm reload (HTTP cache) (median; best)`,
      `${median(d.warmReload).toFixed(0)} ms; best ${Math.min(...d.warmReload).toFixed(0)} ms`, '<= 300 ms', (median(d.warmReload) / 300).toFixed(2));
    row(`dashboard, ${n.toLocaleString('en')} bans, re-render in the app (Jails -> Dashboard) (median; best)`,
      `${median(d.rerender).toFixed(0)} ms; best ${Math.min(...d.rerender).toFixed(0)} ms`, '<= 300 ms', (median(d.rerender) / 300).toFixed(2));
    // where a cold load's time goes (medians over the runs, ms from navigation start)
    const phase = f => median(d.cold.map(f)).toFixed(0);
    const apiEnd = (x, path) => (x.api.requests.find(q => q.name.startsWith(path)) || {}).end ?? NaN;
    const lazyEnd = x => Math.max(0, ...x.assets.filter(a => !isShell(a.name)).map(a => a.end));
    row(`dashboard, ${n.toLocaleString('en')} bans, cold load phases (medians)`,
      `DOMContentLoaded ${phase(x => x.domContentLoaded)}, /auth/session answered ${phase(x => apiEnd(x, '/api/v1/auth/session'))}, `
      + `map chunk loaded ${phase(lazyEnd)}, /dashboard/map answered ${phase(x => apiEnd(x, '/api/v1/dashboard/map'))}, `
      + `last API answer ${phase(x => Math.max(...x.api.requests.map(q => q.end)))}, ready ${phase(x => x.ready)} ms`, '', '');
    const api = d.cold[0].api;
    row(`dashboard's API responses, ${n.toLocaleString('en')} bans`,
      `${kb(api.transfer)} transferred, ${kb(api.decoded)} decoded (${api.requests.map(q => `${short(q.name)} ${q.decoded} B`).join(', ')})`,
      'bounded', '');
    if (d.apiAlone) {
      row(`the same API answers alone, ${n.toLocaleString('en')} bans (curl-like GET, median of 5; best)`,
        d.apiAlone.map(q => `${short(q.name)} ${q.median} ms (${q.best})`).join(', '), '', '');
    }
  }
  if (d100 && d10k) {
    const a = d100.cold[0].api.decoded, b = d10k.cold[0].api.decoded;
    const mapBytes = d => (d.cold[0].api.requests.find(q => q.name.startsWith('/api/v1/dashboard/map')) || {}).decoded ?? 0;
    const c100 = d100.cold[0].countries, c10k = d10k.cold[0].countries;
    const perCountry = c10k > c100 ? (mapBytes(d10k) - mapBytes(d100)) / (c10k - c100) : NaN;
    const bound = b + perCountry * (250 - c10k);
    row('dashboard API bytes, 10,000 bans / 100 bans',
      `${(b / a).toFixed(2)}x (${a} B -> ${b} B decoded; countries coloured ${c100} -> ${c10k}: the map answer grows by ~${perCountry.toFixed(0)} B per country, not per ban; all ~250 countries: ~${(bound / 1024).toFixed(1)} KB)`,
      '~1x (aggregates)', (b / a).toFixed(2));
  }
  const floor = read('floor.json');
  if (floor) {
    row(`floor of the map: fail2ban's own list of ${floor.bans.toLocaleString('en')} bans (get blocklist banip --with-time, raw socket)`,
      `${floor.median} ms median of 5 (best ${floor.best})`, '', '');
  }
  if (bansList) {
    row(`for contrast: GET /api/v1/bans with ${bansList.bans.toLocaleString('en')} bans`, `${kb(bansList.wire)} on the wire (${bansList.encoding}; ${kb(bansList.raw)} uncompressed); ${bansList.median} ms median of 5 (best ${bansList.best})`, '', '');
  }
}

const [cmd, ...args] = process.argv.slice(2);
const commands = {
  size: () => size(args[0], args[1]),
  login: () => login(args[0], args[1], Number(args[2] || 5)),
  dash: () => dash(args[0], args[1], Number(args[2] || 5), args[3], args[4]),
  bans: () => bans(args[0], args[1], args[2]),
  report: () => report(args[0]),
};
if (!commands[cmd]) { console.error('usage: bench.mjs size|login|dash|report ...'); process.exit(2); }
await commands[cmd]();
