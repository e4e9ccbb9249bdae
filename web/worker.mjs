// worker.mjs — runs the checker off the page's main thread when the page is served (app.mjs).
// Messages in: {id, type: "init", kb} | {id, type: "init", kbUrl, snapshotUrl?, wasmModule?, snapshot?}
//              (either with firstCheck?: {text, options}, checked once the KB is loaded)
//              | {id, type: "check", text, options, incremental?}
//              | {id, type: "loadKb", text} | {id, type: "loadKb", url}
//              | {id, type: "loadRules", text} | {id, type: "resetRules"}.
// Messages out: {id, result, ms} (ms: the handler's time, read by the bench) or
//               {id, error: {kind, message, path, line, column}}.
//   init   → {version, rules, kb, kbFrom, firstCheck, startup}   (kb: the loaded KB's summary; kbFrom:
//            "snapshot" | "json"; firstCheck: {text, options, report} for the init's firstCheck,
//            null without one or if it threw; startup: where the time went, see below)
//   check  → the report object (incremental: checkIncremental, the typing path; the same report)
//   loadKb → {summary, fromCache, refused}: the new KB's summary, whether its compiled snapshot
//            came from the cache (IndexedDB, keyed by the text's SHA-256; checker.loadKbCached),
//            and why a cached snapshot was refused (null); on error the previous KB stays in use
//   loadRules → the new catalogue's rules; on error the previous catalogue stays in use
//   resetRules → the bundled catalogue's rules
// Start-up: boot.js starts this worker and posts init while the page's HTML is parsed; the worker
// fetches snapshotUrl (world.kbs.gz, inflated as it streams in: readKbSnapshotPieces; or world.kbs)
// while the wasm streams in and compiles (instantiateStreaming), and kbUrl (world.json) only when
// the snapshot is missing or refused (createChecker logs why). If the module is ready before the
// snapshot, the heap the load takes is faulted in meanwhile (createChecker's prefault). The check's
// code is compiled (wasm functions are compiled on their first call) by one check of a sample
// sentence run 0.2 s after the first check has been answered (not at once: its CPU, and the
// tier-ups it causes, would compete with the page drawing that report), when the page is idle, so
// the user's first real check finds it compiled (a message that comes sooner puts it off until 0.2 s
// after the next check). It used to run before the KB load (createChecker's warmUp), which, with
// the snapshot in ~0.1 s after the module, only delayed the load and so the first report
// (docs/PERFORMANCE.md, "Tenth session").
// A caller may pass the module already compiled (wasmModule) and the snapshot's bytes (snapshot:
// an ArrayBuffer, or null) instead. The assembler ships this file with factlint.mjs and
// factlint-core.mjs in one module (dist/web/worker.mjs), so the worker starts after one request.
// `startup` = {evaluated, initReceived, ...checker.startup, firstCheckMs} in ms: the first two on
// this worker's clock plus its timeOrigin (so the page can place them on its own), for the bench.
// firstCheck (boot.js sends the page's first check, the empty editor with the default options)
// saves the first report a second message round trip: the Worker checks it right after the KB
// load and answers it with init; the page applies it only for that very text and those options
// (app.mjs takeFirstCheck). The warm-up sample is then timed from the init answer.
import { createChecker, openKbCache, readKbSnapshotPieces } from './factlint.mjs';

const evaluated = performance.now();
let checker = null;
let cache;  // openKbCache(), made on the first loadKb
let sampleState = 'pending';  // the sample checked once after a check (above): 'pending', 'timed' or 'done'
let sampleTimer = 0;
const SAMPLE_DELAY_MS = 200;
const FIRST_CHECK_SAMPLE = 'PARIS, 3 March 2020 - The former minister said on Tuesday that "the plan will pass", and officials reportedly agreed.\n';

async function fetchText(url) {
  const response = await fetch(new URL(url, self.location.href));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const handlers = {
  async init({ kb, kbUrl, snapshotUrl, wasmModule, snapshot, firstCheck }) {
    const initReceived = performance.now();
    const wasm = wasmModule ? { wasmModule } : {};
    if (typeof kb === 'string') checker = await createChecker({ kb, ...wasm });
    else if (snapshot !== undefined || snapshotUrl) {
      const kbSnapshot = snapshot !== undefined ? snapshot : fetch(new URL(snapshotUrl, self.location.href)).then(readKbSnapshotPieces);
      checker = await createChecker({ kb: () => fetchText(kbUrl), kbSnapshot, prefault: true, ...wasm });
    } else checker = await createChecker({ kb: fetchText(kbUrl), ...wasm });
    const kbLoaded = performance.now();
    let first = null;
    if (firstCheck && typeof firstCheck.text === 'string') {
      try {
        first = { text: firstCheck.text, options: firstCheck.options, report: checker.check(firstCheck.text, firstCheck.options) };
      } catch { first = null; /* the page asks again and gets the error then */ }
    }
    return {
      version: checker.version, rules: checker.rules, kb: checker.kb, kbFrom: checker.kbFrom, firstCheck: first,
      startup: { timeOrigin: performance.timeOrigin, evaluated, initReceived, ...checker.startup, firstCheckMs: first ? performance.now() - kbLoaded : 0 },
    };
  },
  check({ text, options, incremental }) { return incremental ? checker.checkIncremental(text, options) : checker.check(text, options); },
  async loadKb({ text, url }) {
    if (cache === undefined) cache = openKbCache();
    const { summary, fromCache, refused } = await checker.loadKbCached(typeof text === 'string' ? text : await fetchText(url), cache);
    return { summary, fromCache, refused };
  },
  loadRules({ text }) { return checker.loadRules(String(text)); },
  resetRules() { return checker.resetRules(); },
};

self.onmessage = async ({ data }) => {
  if (sampleState === 'timed') { clearTimeout(sampleTimer); sampleState = 'pending'; }
  try {
    const handler = handlers[data && data.type];
    if (!handler) throw new Error(`unknown message type ${data && data.type}`);
    if (data.type !== 'init' && !checker) throw new Error('the checker is not ready');
    const t = performance.now();
    const result = await handler(data);
    self.postMessage({ id: data.id, result, ms: performance.now() - t });
  } catch (error) {
    self.postMessage({
      id: data && data.id,
      error: {
        kind: error.kind || 'internal', message: String(error.message || error),
        path: error.path || '', line: error.line || 0, column: error.column || 0,
      },
    });
  }
  if (sampleState === 'pending' && checker && data && (data.type === 'check' || (data.type === 'init' && data.firstCheck))) {
    sampleState = 'timed';
    sampleTimer = setTimeout(() => {
      sampleState = 'done';
      try { checker.check(FIRST_CHECK_SAMPLE); } catch { /* only a warm-up */ }
    }, SAMPLE_DELAY_MS);
  }
};
