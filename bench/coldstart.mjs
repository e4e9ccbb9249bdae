// Cold start of the page and of the extension, part by part (issue #15). Figures, not pass/fail.
//
// usage: node bench/coldstart.mjs [--quick] [--runs N] [--trace] [--page-only | --extension-only]
//        (--page-only: the served page and the offline file; --trace: one more cold start of the
//        page, traced, and the CPU time of its threads in each part — bench/page_probe.mjs)
// env:   FACTLINT_DIST             the assembled page and extension (default dist/)
//        FACTLINT_BENCH_BASE_DIST  another assembled page: its cold start is measured in the same
//                                  run, alternating with this one's, which goes first every other
//                                  run (the page parts it has marks for)
//
// Page: a fresh browser context (empty cache) per run, navigation to the first report the page
// applies (body[data-checks] = 1). Parts, from the page's own timeline (navigation start = 0):
// the HTML in, boot.js running, the HTML parsed, app.mjs running (mark factlint:main), the
// Worker's module evaluated, its init message handled, the module compiled and instantiated, the
// snapshot's bytes in, the KB loaded, the page's first check made (in the Worker, which answers it
// with init: the Worker's marks moved onto the page's clock), the engine ready on the page, the
// first report applied. Medians over the runs.
//
// Offline file: dist/factlint.html opened from file:// in a fresh context, then again in the same
// context, to the first report (the bundled KB is loaded from its JSON data block both times).
//
// Extension: Chromium with dist/extension loaded; a page open; the service worker stopped (as
// Chrome does after 30 s idle, through the DevTools protocol), then the check a toolbar click
// makes (checkTab on the front tab), timed from the wake-up message to the findings drawn; with
// the bundled KB, then with a user KB stored (kb/world.json loaded through the options page, the
// worst case: as large as the bundled one). The worker's own parts: globalThis.factlint.startup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const TRACE = args.includes('--trace');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (QUICK ? 3 : 7);
const DIST = path.resolve(process.env.FACTLINT_DIST || path.join(ROOT, 'dist'));
const BASE = process.env.FACTLINT_BENCH_BASE_DIST ? path.resolve(process.env.FACTLINT_BENCH_BASE_DIST) : null;

const { CHECK_FRONT_TAB, launchBrowser, launchWithExtension, serve, stopServiceWorker } = await import(pathToFileURL(path.join(ROOT, 'tests', 'browser', 'chromium.mjs')).href);
const { openColdPage, traceColdStart } = await import(pathToFileURL(path.join(ROOT, 'bench', 'page_probe.mjs')).href);

const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[s.length >> 1] : NaN; };
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const out = { date: new Date().toISOString(), load_before: os.loadavg(), runs: RUNS };

// --- the page ---------------------------------------------------------------------------------------
const PAGE_POINTS = [
  ['html', 'HTML in (responseEnd)'],
  ['boot', 'boot.js runs (Worker started, init posted)'],
  ['dom-interactive', 'HTML parsed (domInteractive)'],
  ['main', 'app.mjs runs (its modules in)'],
  ['worker-evaluated', 'Worker modules evaluated'],
  ['worker-init', 'Worker handles init (fetches start)'],
  ['module-ready', 'module instantiated in the Worker'],
  ['snapshot-in', 'snapshot bytes in the Worker'],
  ['kb-loaded', 'KB loaded from the snapshot'],
  ['first-checked', 'first check made in the Worker (sent with the init answer)'],
  ['engine-ready', 'engine ready on the page'],
  ['first-report', 'first report applied (body[data-checks]=1)'],
];

// The points of PAGE_POINTS a page reached, read in the page (ms since navigation start).
const readPoints = () => {
  const points = {};
  const nav = performance.getEntriesByType('navigation')[0];
  points.html = nav ? nav.responseEnd : NaN;
  points['dom-interactive'] = nav ? nav.domInteractive : NaN;
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('factlint:')) points[m.name.slice(9)] = m.startTime;
  points['first-report'] = window.__factlintFirstReport;
  return points;
};

// After the first report (on the empty editor), 0.3 s later, as a person would: the example
// article opened (the "Open file…" input) and its check, the first with text: the Worker's time
// for it and the time to the report's answer (app.mjs's factlint:applied event).
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'example-article.txt'), 'utf8');
async function firstArticleCheck(page) {
  await page.waitForTimeout(300);
  const text = EXAMPLE.replace(/\r\n?/g, '\n');
  const applied = page.evaluate((n) => new Promise((resolve) => {
    document.addEventListener('factlint:applied', function on(event) {
      if (event.detail.chars !== n) return;
      document.removeEventListener('factlint:applied', on);
      resolve(event.detail);
    });
  }), text.length);
  await page.setInputFiles('[data-testid="open-file"]', { name: 'example-article.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const detail = await applied;
  return { engine: detail.engineMs, answered: detail.answered };
}

async function pageColdStart(browser, url) {
  const { context, page, warnings } = await openColdPage(browser, url);
  const points = await page.evaluate(readPoints);
  const kbFrom = await page.evaluate(() => document.body.dataset.kbFrom);
  const article = await firstArticleCheck(page);
  await context.close();
  return { points, kbFrom, warnings, article };
}

if (!args.includes('--extension-only')) {
  const server = await serve({ dir: path.join(DIST, 'web') });
  const baseServer = BASE ? await serve({ dir: path.join(BASE, 'web') }) : null;
  const browser = await launchBrowser();
  const runs = [];
  const baseRuns = [];
  try {
    await pageColdStart(browser, server.url);  // warm-up: the browser process itself, not counted
    // Base and this page in turn, the first of each pair switching run by run, so that neither
    // always starts right after the other's context was closed.
    for (let i = 0; i < RUNS; i += 1) {
      if (baseServer && i % 2 === 0) baseRuns.push(await pageColdStart(browser, baseServer.url));
      runs.push(await pageColdStart(browser, server.url));
      if (baseServer && i % 2 === 1) baseRuns.push(await pageColdStart(browser, baseServer.url));
    }
    if (TRACE) out.page_trace = await traceColdStart(browser, server.url, readPoints);
  } finally {
    await browser.close();
    await server.close();
    if (baseServer) await baseServer.close();
  }
  const summarize = (list) => Object.fromEntries(PAGE_POINTS.map(([k]) => [k, median(list.map((r) => r.points[k]))]));
  const article = (list) => ({ engine: median(list.map((r) => r.article.engine)), answered: median(list.map((r) => r.article.answered)) });
  out.page = { median_ms: summarize(runs), first_report_runs_ms: runs.map((r) => r.points['first-report']), first_article_ms: article(runs), kb_from: runs[0]?.kbFrom, warnings: [...new Set(runs.flatMap((r) => r.warnings))] };
  if (baseServer) out.page.base = { dist: BASE, median_ms: summarize(baseRuns), first_report_runs_ms: baseRuns.map((r) => r.points['first-report']), first_article_ms: article(baseRuns) };
  console.log(`Page cold start (${DIST}/web; fresh context per run, ${RUNS} runs, median ms since navigation start; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  console.log(`| point | this page${baseServer ? ` | base page (${path.relative(ROOT, BASE) || BASE})` : ''} |`);
  console.log(`|---|---:|${baseServer ? '---:|' : ''}`);
  for (const [k, label] of PAGE_POINTS) {
    console.log(`| ${label} | ${fmt(out.page.median_ms[k])} |${baseServer ? ` ${fmt(out.page.base.median_ms[k])} |` : ''}`);
  }
  const articleText = (a) => `${a.engine.toFixed(1)} / ${fmt(a.answered)}`;
  console.log(`| then the example article opened 0.3 s later: the Worker's check / its answer in, ms since the check began | ${articleText(out.page.first_article_ms)} |${baseServer ? ` ${articleText(out.page.base.first_article_ms)} |` : ''}`);
  console.log(`first report, each run: ${out.page.first_report_runs_ms.map(fmt).join(' ')}${baseServer ? `; base: ${out.page.base.first_report_runs_ms.map(fmt).join(' ')}` : ''} (KB from ${out.page.kb_from})`);
  if (out.page.warnings.length) console.log(`page console: ${out.page.warnings.join(' | ')}`);
  if (out.page_trace) {
    const label = Object.fromEntries([['navigation', 'navigation start'], ...PAGE_POINTS]);
    console.log('');
    console.log('One more cold start of this page, traced (not in the medians): the CPU time of the renderer\'s threads in each part, ms');
    console.log('| part (to) | wall | page main thread | Worker thread | of it, wasm compiled on first call | pool threads (wasm compile, tier-up, raster) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const p of out.page_trace.parts) console.log(`| ${label[p.to] || p.to} | ${fmt(p.wall)} | ${fmt(p.main)} | ${fmt(p.worker)} | ${fmt(p.workerLazyCompile)} | ${fmt(p.pool)} |`);
    const total = (k) => out.page_trace.parts.reduce((x, p) => x + p[k], 0);
    console.log(`| total | ${fmt(total('wall'))} | ${fmt(total('main'))} | ${fmt(total('worker'))} | ${fmt(total('workerLazyCompile'))} | ${fmt(total('pool'))} |`);
  }
}

// --- the offline file ---------------------------------------------------------------------------------
// dist/factlint.html from file://: its first open in a fresh context, then a second open in the
// same context.
async function offlineFirstReport(context, file) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__factlintFirstReport === undefined && Number(document.body?.dataset.checks) >= 1) window.__factlintFirstReport = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-checks'] });
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => window.__factlintFirstReport !== undefined, null, { timeout: 60000 });
  const r = await page.evaluate(() => ({ ms: window.__factlintFirstReport, kbFrom: document.body.dataset.kbFrom }));
  await page.close();
  return r;
}

if (!args.includes('--extension-only')) {
  const browser = await launchBrowser();
  const rows = { first: [], second: [], baseFirst: [], baseSecond: [], kbFrom: [] };
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const pair = [...(BASE ? [[BASE, 'baseFirst', 'baseSecond']] : []), [DIST, 'first', 'second']];
      for (const [dist, a, b] of i % 2 === 0 ? pair : pair.reverse()) {  // in turn, as the page's
        const context = await browser.newContext();
        const first = await offlineFirstReport(context, path.join(dist, 'factlint.html'));
        const second = await offlineFirstReport(context, path.join(dist, 'factlint.html'));
        rows[a].push(first.ms);
        rows[b].push(second.ms);
        if (dist === DIST) rows.kbFrom.push(`${first.kbFrom}/${second.kbFrom}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  out.offline = { first_open_ms: median(rows.first), second_open_ms: median(rows.second), runs: rows };
  console.log('');
  console.log(`Offline file (dist/factlint.html from file://, main thread): navigation → first report, median of ${RUNS} fresh contexts, ms`);
  console.log(`| open | this file (KB from) |${BASE ? ' base file |' : ''}`);
  console.log(`|---|---:|${BASE ? '---:|' : ''}`);
  console.log(`| first open (fresh context) | ${fmt(median(rows.first))} (${[...new Set(rows.kbFrom.map((k) => k.split('/')[0]))].join(', ')}) |${BASE ? ` ${fmt(median(rows.baseFirst))} |` : ''}`);
  console.log(`| second open (same context) | ${fmt(median(rows.second))} (${[...new Set(rows.kbFrom.map((k) => k.split('/')[1]))].join(', ')}) |${BASE ? ` ${fmt(median(rows.baseSecond))} |` : ''}`);
  console.log(`runs: first ${rows.first.map(fmt).join(' ')}; second ${rows.second.map(fmt).join(' ')}${BASE ? `; base first ${rows.baseFirst.map(fmt).join(' ')}; base second ${rows.baseSecond.map(fmt).join(' ')}` : ''}`);
}



async function measureExtension(dist, label) {
  const extension = path.join(dist, 'extension');
  const story = '<!doctype html><html><head><meta charset="utf-8"><title>Story</title>' +
    '<meta property="article:published_time" content="2019-03-15T09:30:00Z"></head><body><article><h1>Talks resume</h1>' +
    '<p>British Prime Minister Theresa May and German Chancellor Angela Merkel met in Brussels on Friday.</p>' +
    '<p>French President Emmanuel Macron joined them later, while former U.S. President Donald Trump threatened new tariffs.</p>' +
    '</article></body></html>';
  const server = await serve({ routes: { '/story.html': { body: story } } });
  const context = await launchWithExtension(extension);
  const rows = [];
  try {
    const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const page = await context.newPage();
    await page.goto(`${server.url}/story.html`);
    await page.bringToFront();
    const measure = async (kbLabel) => {
      const cold = [], parts = [], warm = [];
      for (let run = 0; run < RUNS; run += 1) {
        await page.keyboard.press('Escape');
        await stopServiceWorker(context, options);
        const t0 = performance.now();
        options.evaluate(() => { chrome.runtime.sendMessage({ type: 'factlint-ping' }).catch(() => {}); });  // the wake-up event
        const summary = await worker.evaluate(CHECK_FRONT_TAB);
        cold.push(performance.now() - t0);
        parts.push(await worker.evaluate(() => ({ ...globalThis.factlint.startup })));
        if (!summary || !(summary.count >= 1)) throw new Error(`${kbLabel}: the check found nothing`);
        const t1 = performance.now();
        await page.keyboard.press('Escape');
        await worker.evaluate(CHECK_FRONT_TAB);
        warm.push(performance.now() - t1);
      }
      const keys = [...new Set(parts.flatMap((p) => Object.keys(p)))];
      const row = {
        extension: label, kb: kbLabel, first_check_ms: median(cold), runs_ms: cold, awake_check_ms: median(warm),
        startup_median: Object.fromEntries(keys.map((k) => [k, typeof parts[0][k] === 'number' ? median(parts.map((p) => p[k])) : [...new Set(parts.map((p) => p[k]))].join('/')])),
      };
      const partText = keys.map((k) => `${k} ${typeof row.startup_median[k] === 'number' ? fmt(row.startup_median[k]) : row.startup_median[k]}`).join(', ');
      console.log(`| ${label} | ${kbLabel} | ${fmt(row.first_check_ms)} (${cold.map(fmt).join(' ')}) | ${partText} | ${fmt(row.awake_check_ms)} |`);
      rows.push(row);
    };
    await measure('bundled (world.kbs in the package)');
    // A user KB stored through the options page: kb/world.json itself, as large as the bundled one.
    const kbText = fs.readFileSync(path.join(ROOT, 'kb', 'world.json'), 'utf8');
    const set = await options.evaluate((text) => chrome.runtime.sendMessage({ type: 'factlint-set-kb', text }), kbText);
    if (!set || !set.ok) throw new Error(`the user KB was not stored: ${JSON.stringify(set)}`);
    await measure('user KB stored (kb/world.json as a user KB, 3.3 MB)');
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'factlint-reset-kb' }));
  } finally {
    await context.close();
    await server.close();
  }
  return rows;
}

if (!args.includes('--page-only')) {
  console.log('');
  console.log(`Extension: first check after a service-worker restart (stop → wake-up message → checkTab → findings drawn), ${RUNS} runs, median ms`);
  console.log('| extension | KB | first check (runs) | the worker\'s start-up parts (ms since getChecker began) | next check, worker awake |');
  console.log('|---|---|---:|---|---:|');
  out.extension = [];
  if (BASE && fs.existsSync(path.join(BASE, 'extension', 'manifest.json'))) out.extension.push(...await measureExtension(BASE, 'base'));
  out.extension.push(...await measureExtension(DIST, 'this'));
}

out.load_after = os.loadavg();
const file = path.join(ROOT, 'bench', 'results', 'coldstart.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; wrote ${path.relative(process.cwd(), file)}`);
