// `make bench`: factlint's speed and memory beside the tools people would otherwise use,
// measured in the same run, on the same text, on this machine; printed as one table and written
// to bench/results/latest.json. Figures, not pass/fail: goals are in docs/PERFORMANCE.md.
//
// usage: node bench/run.mjs [--quick]
// env:   FACTLINT_DIST         the assembled page (default dist/, as web/tools/assemble.mjs)
//        FACTLINT_BENCH_BIN    the native harness (default build/bench/bench/factlint_bench)
//        FACTLINT_CLI          the native CLI (default build/native/factlint)
//        FACTLINT_BENCH_OUT    where to write the JSON (default bench/results/latest.json)
//        FACTLINT_SHARED       ../shared
//        FACTLINT_BENCH_BASE_DIST  another assembled page (e.g. of the commit before a change): its
//                              cold start is measured in the same run, alternating with this one's
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUICK = process.argv.includes('--quick');
const SHARED = process.env.FACTLINT_SHARED || path.join(ROOT, '..', 'shared');
const BBC = path.join(SHARED, 'data', 'bbc-news-2004-2005', 'bbc_news_2004_2005.jsonl');

// --- corpus ------------------------------------------------------------------------------------
let corpusPath, corpusNote;
let docs;
if (fs.existsSync(BBC)) {
  corpusPath = BBC;
  corpusNote = `BBC News 2004-05 (${path.relative(ROOT, BBC)})`;
  docs = fs.readFileSync(BBC, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
} else {
  // ../shared is absent: project-written articles, repeated to about 1 MB.
  const own = [path.join(ROOT, 'examples'), path.join(ROOT, 'tests', 'golden')]
    .flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)) : []))
    .map((f) => fs.readFileSync(f, 'utf8'));
  docs = [];
  while (docs.reduce((n, d) => n + d.length, 0) < 1e6) docs.push(...own);
  corpusPath = path.join(os.tmpdir(), 'factlint-bench-corpus.jsonl');
  fs.writeFileSync(corpusPath, docs.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
  corpusNote = 'project-written articles repeated to ~1 MB (../shared is absent, so NOT the BBC corpus)';
}
const corpusBytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
const results = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() }, corpus: { note: corpusNote, documents: docs.length, bytes: corpusBytes } };

function mbps(bytes, seconds) { return bytes / 1e6 / seconds; }
function timeIt(fn) { const a = performance.now(); const r = fn(); return [(performance.now() - a) / 1000, r]; }
function percentile(list, p) { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; }
function makeDoc(size, rotate = 0) {
  let out = '';
  for (let i = rotate; out.length < size; i = (i + 1) % docs.length) out += docs[i] + '\n\n';
  return out.slice(0, size);
}

// One-character edits of a 30 KB article, as typing makes them: run i inserts an "x" at a
// position spread over the text, run i+1 deletes it again (so the text stays ~30 KB), and each
// text is checked by a full check and by the incremental checker (checkIncremental, the page's
// typing path), alternating, so both see the same load. Returns both latencies. The incremental
// report is compared with the full one on every run (a difference is counted, never expected).
function oneCharEdits(doc, runs, full, incremental) {
  const tf = [], ti = [];
  let text = doc, differ = 0;
  incremental(text);
  for (let i = 0; i < runs; i++) {
    const at = (Math.imul(i >> 1, 7919) >>> 0) % (doc.length - 1);
    text = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : doc;
    let b = performance.now();
    const rf = full(text);
    tf.push(performance.now() - b);
    b = performance.now();
    const ri = incremental(text);
    ti.push(performance.now() - b);
    if (JSON.stringify(rf) !== JSON.stringify(ri)) differ++;
  }
  const pct = (t, p) => { const s = [...t].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  return { runs, full_p50_ms: pct(tf, 0.5), full_p99_ms: pct(tf, 0.99), incremental_p50_ms: pct(ti, 0.5), incremental_p99_ms: pct(ti, 0.99), reports_differ: differ };
}

// ICU sentence splitting is the yardstick of the goals. On a shared machine the load changes from
// minute to minute, so it is timed again next to each factlint measurement (before and after the
// native harness, between the wasm passes) and the best pass counts, as for factlint itself.
const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuPasses = [];
function icuPass() {
  const s = timeIt(() => { let k = 0; for (const d of docs) for (const _ of intl.segment(d)) k++; return k; })[0];
  icuPasses.push(s);
  return s;
}

// --- native --------------------------------------------------------------------------------------
icuPass();
const benchBin = process.env.FACTLINT_BENCH_BIN || path.join(ROOT, 'build', 'bench', 'bench', 'factlint_bench');
results.native = JSON.parse(execFileSync(benchBin, [corpusPath, ...(QUICK ? ['--quick'] : [])], { maxBuffer: 1 << 26 }).toString());
{
  // The CLI end to end, as a batch stage: JSONL in, JSONL out.
  const cli = process.env.FACTLINT_CLI || path.join(ROOT, 'build', 'native', 'factlint');
  const a = performance.now();
  const run = spawnSync(cli, ['check', '--format', 'jsonl', '--fail-on', 'never', corpusPath], { maxBuffer: 1 << 30 });
  const seconds = (performance.now() - a) / 1000;
  results.native.cli_jsonl = { seconds, mb_per_s: mbps(corpusBytes, seconds), exit: run.status };
}
icuPass();

// --- wasm in Node ---------------------------------------------------------------------------------
const distWeb = path.join(path.resolve(process.env.FACTLINT_DIST || path.join(ROOT, 'dist')), 'web');
const { createChecker } = await import(pathToFileURL(path.join(distWeb, 'factlint.mjs')).href);
const wasmFile = fs.readdirSync(distWeb).find((f) => f.endsWith('.wasm'));
const wasmBinary = fs.readFileSync(path.join(distWeb, wasmFile));
const kbText = fs.readFileSync(path.join(ROOT, 'kb', 'world.json'), 'utf8');
// The wasm module's linear memory (the heap): captured from the instance Emscripten creates, so
// its size can be read after the KB load and after the corpus (wasm memory only grows). Each
// createChecker makes its own instance: the one that loads the JSON KB, then the one that loads
// the snapshot (as the page and the extension do), measured apart.
let wasmMemory = null;
{
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    const instance = result.instance || result;
    // Emscripten minifies export names: the memory is the export that is a WebAssembly.Memory.
    const memory = Object.values(instance.exports || {}).find((v) => v instanceof WebAssembly.Memory);
    if (memory) wasmMemory = memory;
    return result;
  };
}
const heapMb = () => (wasmMemory ? wasmMemory.buffer.byteLength / (1 << 20) : NaN);
{
  const [coldStart, checker] = await (async () => { const a = performance.now(); const c = await createChecker({ kb: kbText, wasmBinary }); return [(performance.now() - a) / 1000, c]; })();
  const heapAfterKb = heapMb();
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(timeIt(() => checker.loadKb(kbText))[0] * 1000);
  // Best of 3 passes even in a quick run: a single wall-clock pass on this shared machine (and the
  // first one, while V8 still tiers the module up from Liftoff) measured 2.3 MB/s where the same
  // build gives 0.6-0.7x the native CLI in CPU time (docs/PERFORMANCE.md, "wasm vs native").
  let best = Infinity, bestCpu = Infinity;
  const passes = [];
  for (let pass = 0; pass < 3; pass++) {
    const cpu = process.cpuUsage().user;
    const t = timeIt(() => { for (const d of docs) checker.check(d); })[0];
    passes.push(mbps(corpusBytes, t));
    best = Math.min(best, t);
    bestCpu = Math.min(bestCpu, (process.cpuUsage().user - cpu) / 1e6);  // the Node process: V8's compiler and GC threads included
    icuPass();
  }
  const latency = [4096, 30720].map((size) => {
    const runs = QUICK ? 30 : 200;
    const t = [];
    for (let i = 0; i < runs; i++) { const doc = makeDoc(size, i); t.push(timeIt(() => checker.check(doc))[0] * 1000); }
    return { bytes: size, runs, p50_ms: percentile(t, 0.5), p99_ms: percentile(t, 0.99) };
  });
  const doc30 = makeDoc(30720, 7);
  for (let i = 0; i < 10; i++) checker.checkIncremental(makeDoc(30720, i));  // warm up, as latency above
  const edits30k = oneCharEdits(doc30, QUICK ? 100 : 400, (t) => checker.check(t), (t) => checker.checkIncremental(t));
  // The compiled KB snapshot (dist/web/world.kbs, as the page ships it): load time (median of 5)
  // and a cold start from it (module + snapshot, after the one from JSON above).
  const heapAfterCorpus = heapMb();
  const snapshotFile = path.join(distWeb, 'world.kbs');
  let snapshot = null;
  if (fs.existsSync(snapshotFile)) {
    const bytes = new Uint8Array(fs.readFileSync(snapshotFile));
    const a = performance.now();
    const c = await createChecker({ kb: () => { throw new Error('the snapshot was refused'); }, kbSnapshot: bytes, wasmBinary });
    const cold = performance.now() - a;
    const snapLoads = [];
    for (let i = 0; i < 5; i++) snapLoads.push(timeIt(() => c.loadKbSnapshot(bytes))[0] * 1000);
    c.check(docs[0]);
    snapshot = { bytes: bytes.length, gzip_bytes: zlib.gzipSync(bytes, { level: 9 }).length, load_ms: percentile(snapLoads, 0.5), cold_start_ms: cold,
                 heap_mb: heapMb() };  // this instance: 6 snapshot loads and a check
  }
  results.wasm = {
    kb_snapshot: snapshot,
    cold_start_ms: coldStart * 1000, kb_load_ms: percentile(loads, 0.5),
    corpus: { seconds: best, mb_per_s: mbps(corpusBytes, best), passes_mb_per_s: passes, cpu_seconds: bestCpu, mb_per_cpu_s: mbps(corpusBytes, bestCpu) },
    latency, edits_30k: edits30k, wasm_bytes: wasmBinary.length, wasm_gzip_bytes: zlib.gzipSync(wasmBinary, { level: 9 }).length,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,  // the whole Node process so far
    // wasm linear memory: the instance that read the JSON KB, after the load and after the corpus
    // (taken before the snapshot's instance replaces wasmMemory), and the snapshot's instance
    heap_after_kb_mb: heapAfterKb, heap_peak_mb: heapAfterCorpus, heap_snapshot_mb: snapshot?.heap_mb,
  };
}

// --- what the page and the extension ship: the KB, the wasm, the offline file --------------------
{
  const sizes = (file) => {
    if (!fs.existsSync(file)) return null;
    const bytes = fs.readFileSync(file);
    return { bytes: bytes.length, gzip_bytes: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const dist = path.dirname(distWeb);
  results.shipped = {
    kb_page: sizes(path.join(distWeb, 'world.json')),
    kb_extension: sizes(path.join(dist, 'extension', 'world.json')),
    offline_file: sizes(path.join(dist, 'factlint.html')),
  };
}

// --- peers, same text, same process ------------------------------------------------------------
const peers = {};
async function peer(name, subsetBytes, fn) {
  let subset = [], n = 0;
  for (const d of docs) { if (n >= subsetBytes) break; subset.push(d); n += Buffer.byteLength(d); }
  try {
    const s = timeIt(() => { for (const d of subset) fn(d); })[0];
    peers[name] = { bytes: n, seconds: s, mb_per_s: mbps(n, s) };
  } catch (error) {
    peers[name] = { error: String(error.message || error) };
  }
}
const ALL = corpusBytes;
icuPass();
{
  const s = Math.min(...icuPasses);
  peers['Intl.Segmenter (ICU) sentences'] = { bytes: ALL, seconds: s, mb_per_s: mbps(ALL, s), passes: icuPasses.map((x) => mbps(ALL, x)) };
}
const tryImport = async (name) => { try { return await import(name); } catch { return null; } };
const sbd = await tryImport('sbd');
if (sbd) await peer('sbd sentences', ALL, (d) => (sbd.default || sbd).sentences(d));
const sentencex = await tryImport('sentencex');
if (sentencex) await peer('sentencex sentences', ALL, (d) => (sentencex.segment || sentencex.default.segment || sentencex.default)('en', d));
const writeGood = await tryImport('write-good');
if (writeGood) await peer('write-good prose lint', QUICK ? 2e5 : 1e6, (d) => (writeGood.default || writeGood)(d));
const alex = await tryImport('alex');
if (alex) await peer('alex prose lint', QUICK ? 5e4 : 3e5, (d) => alex.text(d));
results.peers = peers;

// --- the page in Chromium --------------------------------------------------------------------------
// Cold start: a fresh browser context (empty cache), from navigation to the first report the page
// applies to its example article (body[data-checks] turns 1, which is when the highlights are set).
// Re-check: the checker on the page's main thread, a 30 KB article edited between runs.
try {
  const { launchBrowser, serve } = await import(pathToFileURL(path.join(ROOT, 'tests', 'browser', 'chromium.mjs')).href);
  const server = await serve({ dir: distWeb });
  const baseDist = process.env.FACTLINT_BENCH_BASE_DIST ? path.join(path.resolve(process.env.FACTLINT_BENCH_BASE_DIST), 'web') : null;
  const baseServer = baseDist ? await serve({ dir: baseDist }) : null;
  const browser = await launchBrowser();
  const pageWarnings = [];  // factlint's console warnings in this page's cold starts (a refused snapshot)
  const { openColdPage, pageTyping } = await import(pathToFileURL(path.join(ROOT, 'bench', 'page_probe.mjs')).href);
  // p50 / p99 of the main thread's CPU time in each bench-full / bench-incremental call, from the
  // marks' trace events (tts: the thread's CPU clock, µs); the first incremental call (before
  // the runs) is left out, as oneCharEdits leaves it out.
  const threadCpu = (trace) => {
    const events = (trace.traceEvents || trace).filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('bench-') && e.tts !== undefined)
      .sort((a, b) => a.ts - b.ts);
    const spans = { 'bench-full': [], 'bench-incremental': [] };
    const open = {};
    for (const e of events) {
      if (e.name.endsWith('-end')) { const k = e.name.slice(0, -4); if (open[k] !== undefined) spans[k].push((e.tts - open[k]) / 1000); delete open[k]; }
      else open[e.name] = e.tts;
    }
    spans['bench-incremental'].shift();
    const pct = (t, p) => { const x = [...t].sort((a, b) => a - b); return x[Math.min(x.length - 1, Math.floor(p * x.length))]; };
    const f = spans['bench-full'], i = spans['bench-incremental'];
    return f.length && i.length ? { full_cpu_p50_ms: pct(f, 0.5), full_cpu_p99_ms: pct(f, 0.99), incremental_cpu_p50_ms: pct(i, 0.5), incremental_cpu_p99_ms: pct(i, 0.99) } : {};
  };
  const coldStart = async (url) => {
    const { context, page, warnings } = await openColdPage(browser, url, { timeout: 30000 });
    const ms = await page.evaluate(() => window.__factlintFirstReport);
    await context.close();
    if (url === server.url) pageWarnings.push(...warnings);
    return ms;
  };
  try {
    const colds = [];
    const baseColds = [];
    let highlights = 0;
    for (let i = 0; i < (QUICK ? 3 : 5); i++) {
      if (baseServer) baseColds.push(await coldStart(baseServer.url));  // alternating, same load
      if (i > 0) { colds.push(await coldStart(server.url)); continue; }
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver(() => {
          if (window.__factlintFirstReport === undefined && Number(document.body?.dataset.checks) >= 1) {
            window.__factlintFirstReport = performance.now();
            window.__factlintHighlights = [...CSS.highlights.keys()].filter((k) => k.startsWith('factlint-')).length;
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-checks'] });
      });
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => window.__factlintFirstReport !== undefined, null, { timeout: 30000 });
      const first = await page.evaluate(() => ({ ms: window.__factlintFirstReport, highlights: window.__factlintHighlights }));
      colds.push(first.ms);
      highlights = first.highlights;
      const doc30 = makeDoc(30720, 7);
      results.page = await page.evaluate(async ({ doc30, runs }) => {
        const { createChecker } = await import('./factlint.mjs');
        const kb = await (await fetch('./world.json')).text();
        const checker = await createChecker({ kb });
        const findings = checker.check(doc30).findings.length;
        for (let i = 0; i < 30; i++) checker.check(doc30);  // let the engine tier up, as a page in use has
        const t = [];
        for (let i = 0; i < runs; i++) {
          const text = doc30.slice(0, doc30.length - (i % 50));  // a different text each time, as typing
          const b = performance.now();
          checker.check(text);
          t.push(performance.now() - b);
        }
        t.sort((x, y) => x - y);
        window.__benchChecker = checker;  // for the one-character edits below
        return { recheck_30k_p50_ms: t[t.length >> 1], recheck_30k_p99_ms: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))], findings_30k: findings, runs };
      }, { doc30, runs: QUICK ? 30 : 200 });
      // One-character edits, full check and checkIncremental alternating: the same function as in
      // Node, evaluated as source (the page's CSP allows no eval of its own). Each call is
      // bracketed by performance marks and the page is traced (user timing only): a mark's trace
      // event carries the thread's CPU clock, so each call's CPU time on the page's main thread
      // is known beside its wall time (the difference is time the thread waited for a core).
      await browser.startTracing(page, { categories: ['blink.user_timing'] });
      const marked = (name, call) => `(x) => { performance.mark('${name}'); const r = ${call}; performance.mark('${name}-end'); return r; }`;
      results.page.edits_30k = await page.evaluate(`(${oneCharEdits.toString()})(${JSON.stringify(doc30)}, ${QUICK ? 100 : 400}, ` +
        `${marked('bench-full', 'window.__benchChecker.check(x)')}, ${marked('bench-incremental', 'window.__benchChecker.checkIncremental(x)')})`);
      Object.assign(results.page.edits_30k, threadCpu(JSON.parse(String(await browser.stopTracing()))));
      // The typing path itself: edits in the editor, re-checked by the Worker and applied.
      results.page.typing_30k = await pageTyping(page, doc30, QUICK ? 40 : 100);
      delete results.page.typing_30k.rows;
      await context.close();
    }
    colds.sort((a, b) => a - b);
    Object.assign(results.page, { cold_start_to_first_report_ms: colds[colds.length >> 1], cold_start_runs: colds, highlight_groups_at_first_report: highlights,
      kb_snapshot_shipped: fs.existsSync(path.join(distWeb, 'world.kbs')), warnings: [...new Set(pageWarnings)] });
    if (baseServer) {
      baseColds.sort((a, b) => a - b);
      Object.assign(results.page, { base_dist: baseDist, base_cold_start_ms: baseColds[baseColds.length >> 1], base_cold_start_runs: baseColds });
    }
  } finally {
    await browser.close();
    await server.close();
    if (baseServer) await baseServer.close();
  }
} catch (error) {
  results.page = { error: String(error.message || error) };
}

// --- table ----------------------------------------------------------------------------------------
const nat = results.native, w = results.wasm, icu = peers['Intl.Segmenter (ICU) sentences']?.mb_per_s;
const rows = [
  ['factlint full check, native (library)', nat.corpus.mb_per_s],
  ['factlint full check, native CLI --format jsonl', nat.cli_jsonl.mb_per_s],
  ['factlint full check, wasm in Node', w.corpus.mb_per_s],
  ...Object.entries(peers).map(([name, p]) => [name, p.mb_per_s]),
];
const fmt = (x, d = 2) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const lines = [];
lines.push(`Corpus: ${corpusNote}: ${docs.length} documents, ${(corpusBytes / 1e6).toFixed(2)} MB`);
lines.push(`Machine: ${results.machine.cpus} × ${results.machine.model}, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
lines.push(`ICU passes through the run (MB/s; the best is the yardstick): ${icuPasses.map((x) => fmt(mbps(corpusBytes, x), 1)).join(', ')}`);
lines.push(`wasm passes over the corpus (MB/s, wall): ${w.corpus.passes_mb_per_s.map((x) => fmt(x, 2)).join(', ')}; best in CPU time of the Node process: ${fmt(w.corpus.mb_per_cpu_s)} MB/s; ` +
  `wasm ÷ native CLI (both serialise the report): ${fmt(w.corpus.mb_per_s / nat.cli_jsonl.mb_per_s)}`);
lines.push('');
lines.push('| what | MB/s | factlint wasm ÷ this | factlint native ÷ this |');
lines.push('|---|---:|---:|---:|');
for (const [name, v] of rows) lines.push(`| ${name} | ${fmt(v)} | ${fmt(w.corpus.mb_per_s / v)} | ${fmt(nat.corpus.mb_per_s / v)} |`);
lines.push('');
lines.push('| latency / size / memory | native | wasm (Node) | page (Chromium) |');
lines.push('|---|---:|---:|---:|');
for (const i of [0, 1]) {
  lines.push(`| check ${nat.latency[i].bytes / 1024} KB, p50 / p99 ms | ${fmt(nat.latency[i].p50_ms, 3)} / ${fmt(nat.latency[i].p99_ms, 3)} | ${fmt(w.latency[i].p50_ms, 3)} / ${fmt(w.latency[i].p99_ms, 3)} | ${i === 1 ? `${fmt(results.page.recheck_30k_p50_ms, 3)} / ${fmt(results.page.recheck_30k_p99_ms, 3)}` : ''} |`);
}
{
  const e = (x) => (x ? `${fmt(x.full_p50_ms, 3)} / ${fmt(x.full_p99_ms, 3)}` : 'n/a');
  const ei = (x) => (x ? `${fmt(x.incremental_p50_ms, 3)} / ${fmt(x.incremental_p99_ms, 3)}` : 'n/a');
  const n = nat.edits_30k, wn = w.edits_30k, pg = results.page.edits_30k;
  lines.push(`| one-character edit of a 30 KB article: full re-check, p50 / p99 ms | ${e(n)} | ${e(wn)} | ${e(pg)} |`);
  lines.push(`| the same edits: incremental re-check (IncrementalChecker / checkIncremental), p50 / p99 ms | ${ei(n)} | ${ei(wn)} | ${ei(pg)} |`);
  if (pg && pg.incremental_cpu_p50_ms !== undefined) {
    lines.push(`| the same edits in the page, the main thread's CPU time (trace): full / incremental, p50 / p99 ms | | | ${fmt(pg.full_cpu_p50_ms, 3)} / ${fmt(pg.full_cpu_p99_ms, 3)}; ${fmt(pg.incremental_cpu_p50_ms, 3)} / ${fmt(pg.incremental_cpu_p99_ms, 3)} |`);
  }
  const ty = results.page.typing_30k;
  if (ty) {
    const q = (x) => `${fmt(x.p50, 1)} / ${fmt(x.p99, 1)}`;
    lines.push(`| typing in the page (${ty.runs} one-character edits in the editor, each re-checked after the 150 ms debounce by the Worker's checkIncremental), p50 / p99 ms since the check began | | | ` +
      `the Worker's check ${q(ty.engine_ms)}; answer in ${q(ty.answered_ms)}; applied ${q(ty.applied_ms)}; next frame ${q(ty.frame_ms)} |`);
  }
  const differ = [n, wn, pg].reduce((k, x) => k + (x ? x.reports_differ : 0), 0);
  lines.push(`| (runs: ${[n, wn, pg].map((x) => (x ? x.runs : 0)).join(' / ')}; incremental reports that differ from the full ones: ${differ}) | | | |`);
}
lines.push(`| KB load from JSON (${(nat.kb_bytes / 1e6).toFixed(2)} MB), ms | ${fmt(nat.kb_load_ms)} | ${fmt(w.kb_load_ms)} | |`);
const snap = w.kb_snapshot;
lines.push(`| KB load from the snapshot (${snap ? `world.kbs, ${(snap.bytes / 1e6).toFixed(2)} MB` : 'no dist/web/world.kbs'}), ms | ${fmt(nat.kb_snapshot_load_ms)} | ${fmt(snap?.load_ms)} | |`);
lines.push(`| cold start, ms (Node: module + KB from JSON; page: navigation → first highlights${results.page.kb_snapshot_shipped ? ', KB from world.kbs' : ', KB from JSON'}) | | ${fmt(w.cold_start_ms)} | ${fmt(results.page.cold_start_to_first_report_ms)} |`);
lines.push(`| cold start from the snapshot, ms (Node: module + world.kbs) | | ${fmt(snap?.cold_start_ms)} | |`);
if (snap) lines.push(`| KB snapshot raw / gzip, KB (dist/web/world.kbs) | | | ${fmt(snap.bytes / 1024, 0)} / ${fmt(snap.gzip_bytes / 1024, 0)} |`);
if (results.page.warnings?.length) lines.push(`(page console: ${results.page.warnings.join(' | ')})`);
lines.push(`| peak memory, MB | ${fmt(nat.peak_rss_mb, 1)} | ${fmt(w.peak_rss_mb, 1)} (Node RSS) | |`);
lines.push(`| wasm heap, MB: KB from JSON, after the load / after the corpus; KB from the snapshot (the page's and the extension's way) | | ${fmt(w.heap_after_kb_mb, 1)} / ${fmt(w.heap_peak_mb, 1)}; ${fmt(w.heap_snapshot_mb, 1)} | |`);
lines.push(`| wasm size raw / gzip, KB | | ${fmt(w.wasm_bytes / 1024, 0)} / ${fmt(w.wasm_gzip_bytes / 1024, 0)} | |`);
const kbSize = (x) => (x ? `${fmt(x.bytes / 1024, 0)} / ${fmt(x.gzip_bytes / 1024, 0)}` : 'n/a');
lines.push(`| KB JSON raw / gzip, KB (page: dist/web/world.json; extension: dist/extension/world.json) | | ${kbSize(results.shipped.kb_extension)} (extension) | ${kbSize(results.shipped.kb_page)} |`);
lines.push(`| offline file dist/factlint.html raw / gzip, KB | | | ${kbSize(results.shipped.offline_file)} |`);
if (results.page.base_cold_start_runs) {
  lines.push(`| cold start of the base page (${path.relative(ROOT, results.page.base_dist)}), alternating with this one, ms | | | ${fmt(results.page.base_cold_start_ms)} |`);
  lines.push(`| cold start runs, ms: this page / base page | | | ${results.page.cold_start_runs.map((x) => fmt(x, 0)).join(' ')} / ${results.page.base_cold_start_runs.map((x) => fmt(x, 0)).join(' ')} |`);
} else if (results.page.cold_start_runs) {
  lines.push(`| cold start runs, ms | | | ${results.page.cold_start_runs.map((x) => fmt(x, 0)).join(' ')} |`);
}
if (results.page.error) lines.push(`(page in Chromium not measured: ${results.page.error})`);
lines.push('');
lines.push('| document size | ns per byte (native; a new document each run) | the same document again |');
lines.push('|---:|---:|---:|');
for (const s of nat.doc_scaling) lines.push(`| ${s.bytes >= 1 << 20 ? `${s.bytes / (1 << 20)} MB` : `${s.bytes / 1024} KB`} | ${fmt(s.ns_per_byte, 1)} | ${fmt(s.ns_per_byte_same_doc, 1)} |`);
lines.push('');
lines.push('| KB size | KB bytes | load ms | check MB/s (native) |');
lines.push('|---:|---:|---:|---:|');
for (const s of nat.kb_scaling) lines.push(`| ${s.factor}× | ${s.kb_bytes ?? ''} | ${fmt(s.load_ms)} | ${fmt(s.mb_per_s)} |`);
lines.push('');
lines.push('| native stage (same corpus) | MB/s | ÷ ICU sentences |');
lines.push('|---|---:|---:|');
for (const [name, st] of Object.entries(nat.stages || {})) {
  if (st && typeof st === 'object' && 'mb_per_s' in st) lines.push(`| ${name} | ${fmt(st.mb_per_s)} | ${fmt(st.mb_per_s / icu)} |`);
}
lines.push('');
lines.push(`Goals: wasm ≥ 1.0× ICU (${fmt(w.corpus.mb_per_s / icu)}×), native ≥ 3× ICU (${fmt(nat.corpus.mb_per_s / icu)}×), ` +
  `page re-check 30 KB p50 ≤ 2 ms, p99 ≤ 8 ms (full: ${fmt(results.page.recheck_30k_p50_ms, 3)} ms p50; one-character edit, incremental: ` +
  `${fmt(results.page.edits_30k?.incremental_p50_ms, 3)} / ${fmt(results.page.edits_30k?.incremental_p99_ms, 3)} ms p50 / p99), cold start ≤ 300 ms (${fmt(results.page.cold_start_to_first_report_ms, 0)} ms), ` +
  `wasm ≤ 300 KB gzip (${fmt(w.wasm_gzip_bytes / 1024, 0)} KB), KB load native ≤ 5 ms (JSON ${fmt(nat.kb_load_ms, 1)} ms, snapshot ${fmt(nat.kb_snapshot_load_ms, 1)} ms) and wasm ≤ 20 ms ` +
  `(JSON ${fmt(w.kb_load_ms, 1)} ms, snapshot ${fmt(snap?.load_ms, 1)} ms), wasm heap ≤ 64 MB with the bundled KB (${fmt(w.heap_snapshot_mb, 1)} MB from the snapshot; ${fmt(w.heap_peak_mb, 1)} MB from the JSON).`);
const table = lines.join('\n');
console.log(table);
results.table = table;
const outFile = path.resolve(process.env.FACTLINT_BENCH_OUT || path.join(ROOT, 'bench', 'results', 'latest.json'));
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`);
