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
// Start-up: boot.js starts this worker (worker.mjs?snapshot=world.kbs.gz) and posts init while the
// page's HTML is parsed; as soon as its module is evaluated the worker fetches the snapshot named
// in its URL (world.kbs.gz, inflated as it streams in: readKbSnapshotPieces; or world.kbs) and
// compiles the wasm as it streams in (below: `early`), without waiting for init, and kbUrl
// (world.json) only when the snapshot is missing or refused (createChecker logs why). If the
// module is ready before the snapshot, meanwhile the check of an empty text runs once on a tiny KB
// (createChecker's warmUp: 'empty': it compiles what the page's first check needs) and the heap the
// load takes is faulted in (prefault). The rest of the check's code is compiled (wasm functions are compiled on their first call) by one check of a sample
// sentence run 0.2 s after the first check has been answered (not at once: its CPU, and the
// tier-ups it causes, would compete with the page drawing that report), when the page is idle, so
// the user's first real check finds it compiled (a message that comes sooner puts it off until 0.2 s
// after the next check). It used to run before the KB load (createChecker's warmUp: true), which,
// with the snapshot in ~0.1 s after the module, only delayed the load and so the first report
// (docs/PERFORMANCE.md, "Tenth session"; the empty text's warm-up: "Seventeenth session").
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

// Started as soon as this module is evaluated, before init arrives, when boot.js names the snapshot
// in this worker's URL (worker.mjs?snapshot=world.kbs.gz): the snapshot's fetch (inflated as it
// streams in) and the wasm module's compile as it streams in. A message the page posts before the
// worker has started is handed over only once the page's main thread gets to it (evaluated →
// init handled took 0-80 ms in bench/coldstart.mjs, while the page parsed), so the fetches no
// longer wait for that. init uses them when it names the same snapshot (and no module or bytes of
// its own); a compile that fails falls back to the bytes (WebAssembly.compile), as Emscripten's
// streaming instantiation does.
const early = (() => {
  const url = new URL(self.location.href).searchParams.get('snapshot');
  if (!url) return null;
  const snapshot = fetch(new URL(url, self.location.href)).then(readKbSnapshotPieces);
  snapshot.catch(() => {});  // handled by createChecker (the JSON KB then)
  let wasmModule;
  if (typeof WebAssembly.compileStreaming === 'function') {
    const wasmUrl = new URL('factlint-core.wasm', self.location.href);
    wasmModule = WebAssembly.compileStreaming(fetch(wasmUrl))
      .catch(() => fetch(wasmUrl).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)));
    wasmModule.catch(() => {});
  }
  return { url, snapshot, wasmModule };
})();

async function fetchText(url) {
  const response = await fetch(new URL(url, self.location.href));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const handlers = {
  async init({ kb, kbUrl, snapshotUrl, wasmModule, snapshot, firstCheck }) {
    const initReceived = performance.now();
    const useEarly = !!early && typeof kb !== 'string' && snapshot === undefined && !wasmModule && snapshotUrl === early.url;
    const wasm = wasmModule ? { wasmModule } : useEarly && early.wasmModule ? { wasmModule: early.wasmModule } : {};
    if (typeof kb === 'string') checker = await createChecker({ kb, ...wasm });
    else if (snapshot !== undefined || snapshotUrl) {
      const kbSnapshot = snapshot !== undefined ? snapshot : useEarly ? early.snapshot : fetch(new URL(snapshotUrl, self.location.href)).then(readKbSnapshotPieces);
      checker = await createChecker({ kb: () => fetchText(kbUrl), kbSnapshot, prefault: true, warmUp: 'empty', ...wasm });
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
