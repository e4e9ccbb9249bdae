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

// Loads the wasm module and the KB. Resolves to a Checker (see factlint.d.ts); rejects with a
// FactlintError when the KB does not load.
//   kb          the KB as JSON text (kb/world.json or one in the same format), or a promise of it:
//               the module is fetched and compiled while the KB is still arriving; or, with
//               kbSnapshot, a function returning either, called only when the snapshot is refused
//   kbSnapshot  optional: the compiled snapshot of the same KB (world.kbs, `factlint kb-compile`)
//               as a Uint8Array / ArrayBuffer, or a promise of one (null = none): loaded without
//               JSON parsing or index building. When it is absent, cannot be fetched or is refused
//               (another version, corrupt), the JSON `kb` is loaded instead and the reason is
//               logged with console.warn; checker.kbFrom says which one was loaded.
//   wasmBinary  the bytes of factlint-core.wasm; optional in browsers (fetched next to
//               factlint-core.mjs and compiled as it streams in) and in Node (read with fs)
//   locateFile  optional Emscripten hook to find factlint-core.wasm elsewhere
export async function createChecker({ kb, kbSnapshot = null, wasmBinary, locateFile } = {}) {
  const isPromise = (v) => v !== null && typeof v === 'object' && typeof v.then === 'function';
  const lazy = typeof kb === 'function';
  if (typeof kb !== 'string' && !isPromise(kb) && !lazy) {
    throw new TypeError('createChecker: `kb` must be the KB as JSON text, a promise of it, or a function returning either');
  }
  // Handled from the start: a snapshot that fails to arrive while the module loads is a fallback,
  // not an unhandled rejection.
  const snapshotPromise = Promise.resolve(kbSnapshot).catch((error) => {
    console.warn(`factlint: the KB snapshot could not be read (${error && error.message ? error.message : error}); loading the JSON KB`);
    return null;
  });
  if (isPromise(kb)) Promise.resolve(kb).catch(() => {});  // awaited below only when the snapshot is not used
  const moduleArgs = {};
  if (wasmBinary) moduleArgs.wasmBinary = wasmBinary instanceof Uint8Array ? wasmBinary : new Uint8Array(wasmBinary);
  else if (IN_NODE) moduleArgs.wasmBinary = await readWasmInNode();
  if (locateFile) moduleArgs.locateFile = locateFile;
  // All at once: the module (in browsers, instantiateStreaming compiles it while it downloads),
  // the snapshot and the KB text (unless it is asked for only on a fallback).
  const [core, snapshot] = await Promise.all([createFactlintCore(moduleArgs), snapshotPromise]);
  let kbFrom = null;
  let summary = null;
  if (snapshot) {
    const bytes = snapshot instanceof Uint8Array ? snapshot : new Uint8Array(snapshot);
    const result = core.loadKbSnapshot(bytes);
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
      const result = core.loadKbSnapshot(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      if (!result.ok) throw new FactlintError(result.error);
      summary = Object.freeze(JSON.parse(core.kbSummary()));
      kbFrom = 'snapshot';
      return summary;
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
    // Where the KB in use came from: "snapshot" (loadKbSnapshot / kbSnapshot) or "json".
    get kbFrom() { return kbFrom; },
  };
  if (kbFrom === 'snapshot') summary = Object.freeze(JSON.parse(core.kbSummary()));
  else checker.loadKb(kbText);
  return Object.freeze(checker);
}
