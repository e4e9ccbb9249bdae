// factlint.mjs — the JavaScript face of the factlint core (wasm). Works in browsers, workers,
// extension service workers and Node 20. Types and the full contract: factlint.d.ts.
//
//   import { createChecker, FactlintError } from './factlint.mjs';
//   const checker = await createChecker({ kb: kbJsonText });
//   const report = checker.check(articleText, { date: '2025-02-28' });
//   for (const f of report.findings) console.log(f.rule, f.start16, f.end16, f.message);
//
// What this layer does, and only this: loads the module (in Node it reads factlint-core.wasm with
// fs and hands the bytes over, since the module is built for web and worker only), turns option
// objects into the JSON the bindings take, parses the report JSON into a plain object, and turns
// error data into FactlintError. Every call is synchronous once createChecker has resolved.
//
// Text is passed as a JS string; lone surrogates are replaced by U+FFFD first (one code unit for
// one), so the UTF-16 offsets of the report (`start16`, `end16`) index the caller's string.
//
// The offline page (dist/factlint.html) inlines this file with its import line removed and the
// `export` keywords dropped; createFactlintCore then comes from the classic SINGLE_FILE script.
// Keep the one import line and the `export` keywords at the start of their lines.

import createFactlintCore from './factlint-core.mjs';

// A failure of the core, as data: `kind` is the core's ErrorCode name ("kb_not_json", "kb_schema",
// "kb_invalid_value", "kb_duplicate", "kb_dangling_id", "kb_overlap", "kb_too_large", "kb_snapshot",
// "bad_option", "bad_input", and for rule catalogues "rules_not_json", "rules_schema",
// "rules_unknown_kind", "rules_params", "rules_placeholder", "rules_duplicate", "rules_too_large");
// `path`, `line`, `column` place it in the KB or catalogue (empty / 0 when unknown).
export class FactlintError extends Error {
  constructor({ kind = 'internal', message = '', path = '', line = 0, column = 0 } = {}) {
    super(message);
    this.name = 'FactlintError';
    this.kind = kind;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  // "line 12, column 5: /terms/3/end: end date 2021-02-30 does not exist" — place first.
  toString() {
    const place = [];
    if (this.line) place.push(`line ${this.line}${this.column ? `, column ${this.column}` : ''}`);
    if (this.path) place.push(this.path);
    return [...place, this.message].join(': ');
  }
}

const now = () => (typeof performance === 'object' && performance ? performance.now() : Date.now());

const IN_NODE = typeof process === 'object' && process !== null && !!(process.versions && process.versions.node) &&
  typeof window === 'undefined' && typeof importScripts === 'undefined';

async function readWasmInNode() {
  const { readFile } = await import('node:fs/promises');
  return new Uint8Array(await readFile(new URL('./factlint-core.wasm', import.meta.url)));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

function optionsJson({ date = null, metadataDate = null, metadataSource = null, minSeverity = 'info', disabledRules = [] } = {}) {
  if (date instanceof Date) date = date.toISOString().slice(0, 10);
  if (date === '' || date === undefined) date = null;
  if (metadataDate instanceof Date) metadataDate = metadataDate.toISOString().slice(0, 10);
  if (metadataDate === '' || metadataDate === undefined) metadataDate = null;
  if (metadataSource === '' || metadataSource === undefined) metadataSource = null;
  return JSON.stringify({ date, metadataDate, metadataSource, minSeverity, disabledRules: [...disabledRules] });
}

function parseOrThrow(json) {
  const value = JSON.parse(json);
  if (value && value.error && !value.findings) throw new FactlintError(value.error);
  return value;
}

// With the warmUp option, while the KB snapshot is still on its way (the module is ready first),
// the check runs once on a tiny KB and a sample sentence: the engine compiles the check's
// functions now (wasm functions are compiled on their first call) and the core builds its
// one-time tables (the rule catalogue, the lexicon), work the first real check would do
// otherwise. The real KB replaces the tiny one.
const WARM_UP_KB = '{"schema_version": 1, "name": "warm-up", "as_of": "2000-01-01", "sources": [], "people": [], "offices": [], "terms": [], "events": [], "quotes": [], "lexicon": {}}';
// warmUp: 'empty' checks the empty text instead: it compiles what the first check of an empty
// editor needs (the page's first report; 9-13 ms of Liftoff in the Worker otherwise, after the
// load) in ~19 ms of CPU, against 40-75 for the sentence, which delayed the load.
const WARM_UP_TEXT = 'PARIS, 3 March 2020 - The former minister said on Tuesday that "the plan will pass", and officials reportedly agreed.\n';
function warmUp(core, startup, text) {
  const t = now();
  if (core.loadKb(WARM_UP_KB).ok) core.check(text, '');
  startup.warmUpMs = now() - t;
}

// With warmUp (after the check) or prefault alone, while the snapshot is still on its way, the heap is
// grown by what the bundled KB's load takes and its pages are faulted in (prefaultHeap): a fresh
// engine's first touch of each 4 KB page of wasm memory costs the load itself otherwise (~4,800
// page faults, 60-80 ms of CPU in a cold Node on the test machine, where faults are slow; in the
// page's Worker the load's own CPU went from ~130-150 to ~45 ms, docs/PERFORMANCE.md). The block is
// freed, so the load's allocations reuse it.
const PREFAULT_BYTES = 16 << 20;
function prefault(core, startup) {
  const t = now();
  if (typeof core.prefaultHeap === 'function') core.prefaultHeap(PREFAULT_BYTES);
  startup.prefaultMs = now() - t;
}

// A snapshot's bytes (a Uint8Array, an ArrayBuffer, or an array of Uint8Array pieces in order, as
// readKbSnapshotPieces gives them) loaded into the core: written straight into a buffer in wasm
// memory (snapshotBuffer), piece by piece, so they are neither joined in JS first nor copied
// twice. Returns the core's {ok, error}.
function loadSnapshotInto(core, snapshot) {
  const pieces = Array.isArray(snapshot) ? snapshot : [snapshot instanceof Uint8Array ? snapshot : new Uint8Array(snapshot)];
  const size = pieces.reduce((n, piece) => n + piece.length, 0);
  const view = typeof core.snapshotBuffer === 'function' ? core.snapshotBuffer(size) : null;
  if (!view) return core.loadKbSnapshot(joinPieces(pieces, size));
  let at = 0;
  for (const piece of pieces) { view.set(piece, at); at += piece.length; }
  return core.loadKbSnapshotBuffer();
}

function joinPieces(pieces, size) {
  if (pieces.length === 1) return pieces[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) { bytes.set(piece, at); at += piece.length; }
  return bytes;
}

// Loads the wasm module and the KB. Resolves to a Checker (see factlint.d.ts); rejects with a
// FactlintError when the KB does not load.
//   kb          the KB as JSON text (kb/world.json or one in the same format), or a promise of it:
//               the module is fetched and compiled while the KB is still arriving; or, with
//               kbSnapshot, a function returning either, called only when the snapshot is refused
//   kbSnapshot  optional: the compiled snapshot of the same KB (world.kbs, `factlint kb-compile`)
//               as a Uint8Array / ArrayBuffer / array of Uint8Array pieces (readKbSnapshotPieces),
//               or a promise of one (null = none): loaded without
//               JSON parsing or index building. When it is absent, cannot be fetched or is refused
//               (another version, corrupt), the JSON `kb` is loaded instead and the reason is
//               logged with console.warn; checker.kbFrom says which one was loaded.
//   wasmBinary  the bytes of factlint-core.wasm; optional in browsers (fetched next to
//               factlint-core.mjs and compiled as it streams in) and in Node (read with fs)
//   wasmModule  optional: factlint-core.wasm already compiled (a WebAssembly.Module, or a promise
//               of one), e.g. by a page that started WebAssembly.compileStreaming before its Worker
//               was up; it is only instantiated here
//   locateFile  optional Emscripten hook to find factlint-core.wasm elsewhere
//   warmUp      optional (default false): when the module is ready before the snapshot, run the
//               check once on a tiny KB meanwhile (see warmUp below). It blocks the thread while
//               it runs, so the snapshot's bytes are taken in only after it: worth it where the
//               snapshot comes over the network (the page's Worker: the first report came ~200 ms
//               sooner in bench/coldstart.mjs), not from the extension's package (1 s later there);
//               'empty': the same with the empty text, which compiles only what the first check
//               of an empty editor needs (~19 ms: the page's Worker, docs/PERFORMANCE.md,
//               "Seventeenth session")
//   prefault    optional (default false): the warm-up's second half alone: when the module is
//               ready before the snapshot, grow the heap by what the load takes and fault its pages
//               in meanwhile (see prefault below), without the check. The page's Worker uses it and
//               runs its warm-up check after the first report instead (worker.mjs): on a machine
//               where the snapshot is in ~0.1 s after the module, the check before the load
//               delayed the load by as much (docs/PERFORMANCE.md, "Tenth session")
// checker.startup tells where the time went: {moduleMs, snapshotMs, warmUpMs, prefaultMs, kbMs,
// totalMs} (module compiled/instantiated and snapshot bytes in, since the call; the warm-up's check
// and the prefault run while the
// snapshot was still on its way, 0 if it was not; the KB load alone; the whole call).
export async function createChecker({ kb, kbSnapshot = null, wasmBinary, wasmModule, locateFile, warmUp: warm = false, prefault: fault = false } = {}) {
  const isPromise = (v) => v !== null && typeof v === 'object' && typeof v.then === 'function';
  const lazy = typeof kb === 'function';
  if (typeof kb !== 'string' && !isPromise(kb) && !lazy) {
    throw new TypeError('createChecker: `kb` must be the KB as JSON text, a promise of it, or a function returning either');
  }
  const t0 = now();
  const startup = { moduleMs: 0, snapshotMs: 0, warmUpMs: 0, prefaultMs: 0, kbMs: 0, totalMs: 0 };
  let snapshotIn = false;
  // Handled from the start: a snapshot that fails to arrive while the module loads is a fallback,
  // not an unhandled rejection.
  const snapshotPromise = Promise.resolve(kbSnapshot).then((bytes) => {
    startup.snapshotMs = now() - t0;
    snapshotIn = true;
    return bytes;
  }, (error) => {
    snapshotIn = true;
    console.warn(`factlint: the KB snapshot could not be read (${error && error.message ? error.message : error}); loading the JSON KB`);
    return null;
  });
  if (isPromise(kb)) Promise.resolve(kb).catch(() => {});  // awaited below only when the snapshot is not used
  const moduleArgs = {};
  let instantiated = null;  // with wasmModule: its instantiation, which can fail outside Emscripten's promise
  if (wasmModule) {
    instantiated = new Promise((resolve, reject) => {
      moduleArgs.instantiateWasm = (imports, receiveInstance) => {
        Promise.resolve(wasmModule)
          .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
          .then(resolve, reject);
        return {};  // the exports arrive through receiveInstance
      };
    });
  } else if (wasmBinary) moduleArgs.wasmBinary = wasmBinary instanceof Uint8Array ? wasmBinary : new Uint8Array(wasmBinary);
  else if (IN_NODE) moduleArgs.wasmBinary = await readWasmInNode();
  if (locateFile) moduleArgs.locateFile = locateFile;
  // All at once: the module (in browsers, instantiateStreaming compiles it while it downloads),
  // the snapshot and the KB text (unless it is asked for only on a fallback).
  const corePromise = createFactlintCore(moduleArgs);
  const [core, snapshot] = await Promise.all([
    (instantiated ? Promise.all([corePromise, instantiated]).then(([c]) => c) : corePromise).then((c) => {
      startup.moduleMs = now() - t0;
      if ((warm || fault) && kbSnapshot !== null && !snapshotIn) {
        if (warm) warmUp(c, startup, warm === 'empty' ? '' : WARM_UP_TEXT);
        prefault(c, startup);
      }
      return c;
    }),
    snapshotPromise,
  ]);
  let kbFrom = null;
  let summary = null;
  const tKb = now();
  if (snapshot) {
    const result = loadSnapshotInto(core, snapshot);
    if (result.ok) kbFrom = 'snapshot';
    else console.warn(`factlint: the KB snapshot was refused (${result.error.message}); loading the JSON KB`);
  }
  let kbText = null;
  if (!kbFrom) {
    kbText = await (lazy ? kb() : kb);
    if (typeof kbText !== 'string') throw new TypeError('createChecker: `kb` must resolve to the KB as JSON text');
  }

  const readRules = () => {
    const catalog = JSON.parse(core.ruleCatalog());
    return Object.freeze((Array.isArray(catalog) ? catalog : catalog.rules || []).map((r) => Object.freeze(r)));
  };
  const bundledRules = core.ruleCatalog();  // the catalogue built in, for resetRules
  let rules = readRules();

  const checker = {
    // Checks one text; returns the report object. Throws FactlintError (kind "bad_option") for a
    // malformed option, such as a date that is not YYYY-MM-DD.
    check(text, options = {}) {
      return parseOrThrow(core.check(wellFormed(String(text)), optionsJson(options)));
    },
    // The same report as check(), re-analysing only the blocks of the text that changed since the
    // last checkIncremental with the same KB, catalogue and options (factlint.d.ts).
    checkIncremental(text, options = {}) {
      return parseOrThrow(core.checkIncremental(wellFormed(String(text)), optionsJson(options)));
    },
    get incrementalStats() { return core.incrementalStats(); },
    // Replaces the KB. Throws FactlintError when the text is not a valid KB; the previous KB stays
    // in use. Returns the new KB's summary.
    loadKb(kbText) {
      const result = core.loadKb(String(kbText));
      if (!result.ok) throw new FactlintError(result.error);
      summary = Object.freeze(JSON.parse(core.kbSummary()));
      kbFrom = 'json';
      return summary;
    },
    // Replaces the KB with a compiled snapshot (Uint8Array / ArrayBuffer). Throws FactlintError
    // (kind "kb_snapshot") when it is refused; the previous KB stays in use.
    loadKbSnapshot(bytes) {
      const result = loadSnapshotInto(core, bytes);
      if (!result.ok) throw new FactlintError(result.error);
      summary = Object.freeze(JSON.parse(core.kbSummary()));
      kbFrom = 'snapshot';
      return summary;
    },
    // Replaces the KB as loadKb does, through `cache` (openKbCache(), or any {get(key), put(key,
    // entry)} returning promises): the KB's compiled snapshot is looked up by the SHA-256 of the
    // text (kbTextKey); found, made by this version and accepted by the snapshot reader, it is
    // loaded without parsing the JSON; else the JSON is loaded and validated, and its snapshot
    // stored under that key as {key, version, snapshot}. A cached entry that is corrupt, of
    // another version or core, or made for another text is refused and the JSON is compiled
    // instead (the reason is in `refused`). An invalid KB throws like loadKb and the previous KB
    // stays in use. Resolves to {summary, fromCache, refused, key}.
    async loadKbCached(kbText, cache) {
      const text = String(kbText);
      const key = await kbTextKey(text);
      let refused = null;
      if (key && cache) {
        let entry = null;
        try { entry = await cache.get(key); } catch (error) { refused = `the cache could not be read: ${error && error.message ? error.message : error}`; }
        if (entry) {
          if (entry.key !== key) {
            refused = 'the cached entry was made for another KB text';
          } else if (!(entry.snapshot instanceof Uint8Array || entry.snapshot instanceof ArrayBuffer)) {
            refused = 'the cached entry holds no snapshot bytes';
          } else if (entry.version !== core.version()) {
            refused = `the cached entry was made by factlint ${entry.version}, this is ${core.version()}`;
          } else {
            const result = loadSnapshotInto(core, entry.snapshot);
            if (result.ok) {
              summary = Object.freeze(JSON.parse(core.kbSummary()));
              kbFrom = 'cache';
              return { summary, fromCache: true, refused: null, key };
            }
            refused = result.error.message;
          }
        }
      }
      if (refused) console.warn(`factlint: the cached KB snapshot was refused (${refused}); compiling the JSON KB`);
      if (!key || !cache) return { summary: checker.loadKb(text), fromCache: false, refused, key };
      const result = core.loadKbCompiled(text);
      if (!result.ok) throw new FactlintError(result.error);
      summary = Object.freeze(JSON.parse(core.kbSummary()));
      kbFrom = 'json';
      try {
        await cache.put(key, { key, version: core.version(), snapshot: result.snapshot });
      } catch (error) {
        console.warn(`factlint: the compiled KB could not be cached (${error && error.message ? error.message : error})`);
      }
      return { summary, fromCache: false, refused, key };
    },
    // Replaces the rule catalogue (docs/RULES.md) for the checks that follow. Throws
    // FactlintError (kind "rules_schema", "rules_unknown_kind", "rules_params", ...) when the text
    // is not a valid catalogue; the previous catalogue stays in use. Returns the new rules.
    loadRules(rulesText) {
      const result = core.loadRules(String(rulesText));
      if (!result.ok) throw new FactlintError(result.error);
      rules = readRules();
      return rules;
    },
    // Goes back to the bundled catalogue (core/rules/rules.json). Returns its rules.
    resetRules() {
      const result = core.loadRules(bundledRules);
      if (!result.ok) throw new FactlintError(result.error);
      rules = readRules();
      return rules;
    },
    // Sentence spans of a text (the first stage of check).
    segment(text) {
      return JSON.parse(core.segment(wellFormed(String(text))));
    },
    version: core.version(),
    // The catalogue in use: the bundled one until loadRules succeeds.
    get rules() { return rules; },
    // The summary of the KB in use: {name, as_of, schema_version, sources, people, ...}.
    get kb() { return summary; },
    // Where the KB in use came from: "snapshot" (loadKbSnapshot / kbSnapshot), "cache" (a
    // snapshot found by loadKbCached) or "json".
    get kbFrom() { return kbFrom; },
    // Where createChecker's time went (ms): see createChecker.
    startup,  // frozen below, once complete
  };
  if (kbFrom === 'snapshot') summary = Object.freeze(JSON.parse(core.kbSummary()));
  else checker.loadKb(kbText);
  startup.kbMs = now() - tKb;
  startup.totalMs = now() - t0;
  Object.freeze(startup);
  return Object.freeze(checker);
}

// The bytes of a compiled KB snapshot from a fetch Response (for createChecker's kbSnapshot): the
// body as it is, or, when it is gzip data (it starts with the gzip magic bytes 1f 8b, as
// world.kbs.gz does: a third of world.kbs), inflated as it streams in (DecompressionStream). A
// server that already sent the file decompressed (Content-Encoding: gzip) hands over the raw
// snapshot, which is taken as it is. Rejects on an HTTP error, a corrupt gzip stream, or gzip data
// where DecompressionStream is missing; createChecker then loads the JSON KB.
// (In the page's Worker, reading world.kbs.gz and inflating it took ~55-70 ms of the thread's CPU
// against ~140-200 ms for reading the 6.4 MB world.kbs itself: bench/coldstart.mjs, docs/PERFORMANCE.md.)
export async function readKbSnapshot(response) {
  const pieces = await readKbSnapshotPieces(response);
  return joinPieces(pieces, pieces.reduce((n, piece) => n + piece.length, 0));
}

// The same bytes as readKbSnapshot, in the pieces they were read in (an array of Uint8Array):
// createChecker and checker.loadKbSnapshot write them into wasm memory one by one, without the
// 4 MB copy that joins them in JS (its allocation alone faulted in ~1,000 fresh pages).
export async function readKbSnapshotPieces(response) {
  if (!response.ok) throw new Error(`${response.url || 'the KB snapshot'}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.done ? new Uint8Array(0) : first.value;
  let source = reader;
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    if (typeof DecompressionStream !== 'function') throw new Error('the KB snapshot is gzip data and this engine has no DecompressionStream');
    const body = new ReadableStream({
      start(controller) { controller.enqueue(head); },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close(); else controller.enqueue(value);
      },
      cancel(reason) { return reader.cancel(reason); },
    });
    source = body.pipeThrough(new DecompressionStream('gzip')).getReader();
  }
  const chunks = source === reader && head.length ? [head] : [];
  for (;;) {
    const { done, value } = await source.read();
    if (done) break;
    if (value.length) chunks.push(value);
  }
  return chunks.length ? chunks : [new Uint8Array(0)];
}

// The cache key of a KB text: "sha256 HEX" (SHA-256 of its UTF-8 bytes), or null where WebCrypto
// is missing (then loadKbCached compiles without caching).
export async function kbTextKey(kbText) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(String(kbText))));
  return `sha256 ${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// A cache of compiled KB snapshots for loadKbCached in IndexedDB (pages, workers, extension
// service workers); null where there is no IndexedDB (Node). It keeps the `keep` entries stored
// last. Entries: {key, version, snapshot: Uint8Array, used: ms since 1970}.
export function openKbCache({ name = 'factlint-kb-cache', keep = 3 } = {}) {
  if (typeof indexedDB === 'undefined') return null;
  const STORE = 'snapshots';
  let db = null;
  const open = () => db || (db = new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('used', 'used');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }).catch((error) => { db = null; throw error; }));
  // One request in its own transaction; resolves once the transaction has completed (a write is
  // then durable), rejects with the request's or the transaction's error.
  const run = async (mode, body) => {
    const tx = (await open()).transaction(STORE, mode);
    return new Promise((resolve, reject) => {
      const request = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(request.error || tx.error);
      tx.onabort = () => reject(tx.error || new Error('IndexedDB transaction aborted'));
    });
  };
  return {
    get: (key) => run('readonly', (store) => store.get(key)),
    async put(key, entry) {
      await run('readwrite', (store) => store.put({ ...entry, key, used: Date.now() }));
      const keys = await run('readonly', (store) => store.index('used').getAllKeys());  // oldest first
      for (const old of keys.slice(0, Math.max(0, keys.length - keep))) await run('readwrite', (store) => store.delete(old));
    },
  };
}
