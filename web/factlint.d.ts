// Types of factlint.mjs, the JavaScript face of the factlint core. Checked against the module and
// an actual report by tests/node/dts.test.mjs, so it cannot drift from the bindings.

export type Severity = 'info' | 'warning' | 'error';

/** The `kind` of a FactlintError: the core's ErrorCode name. */
export type ErrorKind =
  | 'kb_not_json' | 'kb_schema' | 'kb_invalid_value' | 'kb_duplicate' | 'kb_dangling_id'
  | 'kb_overlap' | 'kb_too_large' | 'kb_snapshot' | 'bad_option' | 'bad_input' | 'rules_not_json' | 'rules_schema'
  | 'rules_unknown_kind' | 'rules_params' | 'rules_placeholder' | 'rules_duplicate' | 'rules_too_large'
  | 'internal';

/** A failure of the core, as data. `path`, `line`, `column` place it in the KB ("" / 0 when unknown). */
export declare class FactlintError extends Error {
  readonly name: 'FactlintError';
  readonly kind: ErrorKind;
  /** JSON path in the KB, for example "/terms/12/end". */
  readonly path: string;
  /** 1-based line in the KB text, 0 when unknown. */
  readonly line: number;
  /** 1-based column (in bytes), 0 when unknown. */
  readonly column: number;
  constructor(data: { kind: ErrorKind; message: string; path?: string; line?: number; column?: number });
}

export interface CheckOptions {
  /** The reference date, YYYY-MM-DD; inferred from the text when absent, null or "". */
  date?: string | Date | null;
  /**
   * The document's publication date from its metadata (web/pagedate.js reads it from a page),
   * YYYY-MM-DD. Below `date`, above the text's own dateline; source "metadata" in the report.
   */
  metadataDate?: string | Date | null;
  /** Where metadataDate was read ("meta:article:published_time", …), quoted in the evidence. */
  metadataSource?: string | null;
  /** Findings below this severity are dropped. Default "info". */
  minSeverity?: Severity;
  /** Rule ids to silence. */
  disabledRules?: readonly string[];
}

/** A span of the text: UTF-8 byte offsets (start, end) and UTF-16 code units (start16, end16). */
export interface Span {
  start: number;
  end: number;
  /** Index into the JS string that was checked. */
  start16: number;
  end16: number;
}

export interface Evidence {
  /** The KB fact, human-readable. */
  fact: string;
  /** The source's name (and URL when the KB has one). */
  source: string;
}

export interface Finding extends Span {
  /** Stable UPPER_SNAKE rule id. */
  rule: string;
  severity: Severity;
  /** Index into Report.sentences. */
  sentence: number;
  /** The claim's text: the checked string's slice [start16, end16). */
  text: string;
  message: string;
  evidence: Evidence[];
  /** Replacement text for the span, null when there is none. */
  suggestion: string | null;
  /** The claim's own time when its clause dates it ("2003-03-19", "2010", "2018-03", "A..B"); null when judged at the reference window. */
  claim_date: string | null;
}

export interface ReferenceDate {
  /** YYYY-MM-DD, null when nothing in the text constrains it. */
  from: string | null;
  to: string | null;
  source: 'given' | 'metadata' | 'dateline' | 'inferred' | 'none';
  /** The clues that made the window, human-readable. */
  evidence: string[];
  /**
   * Inferred only: every window that ties for the strongest clues (at most 8), in order, when
   * more than one does — from/to then span them all. Empty when the clues decide.
   */
  candidates: DateWindow[];
}

/** One window the text's clues allow, inclusive YYYY-MM-DD days. */
export interface DateWindow {
  from: string;
  to: string;
}

export interface Report {
  /** The factlint version that made the report. */
  factlint: string;
  kb: { name: string; as_of: string };
  document: { reference_date: ReferenceDate };
  sentences: Span[];
  /** Ordered by span start. */
  findings: Finding[];
}

export interface KbSummary {
  name: string;
  as_of: string;
  schema_version: number;
  sources: number;
  people: number;
  offices: number;
  terms: number;
  events: number;
  quotes: number;
}

/** One entry of the rule catalogue (core/rules/rules.json). */
export interface Rule {
  id: string;
  /** The kind of check the rule runs ("phrase", "title_not_held", ...), with its params. */
  kind: string;
  severity: Severity;
  [key: string]: unknown;
}

export interface Checker {
  /** Checks one text. Throws FactlintError (kind "bad_option") for a malformed option. */
  check(text: string, options?: CheckOptions): Report;
  /**
   * The same report as check(text, options), for re-checking a text as it is edited: the checker
   * keeps each block's analysis (paragraphs, headings, joined lines: their sentences, dates and
   * phrase hits) from the last checkIncremental call and analyses only the blocks whose text is
   * new; everything document-wide (people, quotes, claims, the reference window, the rules) is
   * recomputed. A call with another KB, rule catalogue or options starts afresh (a full check).
   */
  checkIncremental(text: string, options?: CheckOptions): Report;
  /** Of the last checkIncremental: the text's blocks, how many were analysed (the rest were
   *  reused), and false in blockMatching when the KB's phrases forced a whole-text match. */
  readonly incrementalStats: { blocks: number; analysed: number; blockMatching: boolean };
  /** Replaces the KB; throws FactlintError when it is invalid, and the previous KB stays in use. */
  loadKb(kbText: string): KbSummary;
  /** Replaces the KB with a compiled snapshot (world.kbs, `factlint kb-compile`); throws
   *  FactlintError (kind "kb_snapshot") when it is refused, and the previous KB stays in use. */
  loadKbSnapshot(bytes: ArrayBuffer | Uint8Array | Uint8Array[]): KbSummary;
  /**
   * Replaces the KB as loadKb does, through a cache of compiled snapshots keyed by the SHA-256 of
   * the text (kbTextKey): a cached snapshot made by this version and accepted by the snapshot
   * reader is loaded without parsing the JSON; otherwise the JSON is loaded, validated and its
   * snapshot stored. A corrupt, mismatched or stale entry is refused (the reason in `refused`) and
   * the JSON compiled instead. Rejects with FactlintError when the KB is invalid; the previous KB
   * stays in use.
   */
  loadKbCached(kbText: string, cache: KbCache | null): Promise<LoadKbCachedResult>;
  /**
   * Replaces the rule catalogue (docs/RULES.md; schema core/rules/schema.json) for the checks that
   * follow; throws FactlintError ("rules_*" kinds) when it is invalid, and the previous catalogue
   * stays in use. Returns the new catalogue's rules.
   */
  loadRules(rulesText: string): readonly Rule[];
  /** Goes back to the bundled catalogue (core/rules/rules.json); returns its rules. */
  resetRules(): readonly Rule[];
  /** Sentence spans of a text. */
  segment(text: string): Span[];
  /** factlint's version. */
  readonly version: string;
  /** The rule catalogue in use: the bundled one until loadRules succeeds. */
  readonly rules: readonly Rule[];
  /** The KB in use. */
  readonly kb: KbSummary;
  /** Where the KB in use was loaded from ("cache": a snapshot loadKbCached found). */
  readonly kbFrom: 'snapshot' | 'json' | 'cache';
  /** Where createChecker's time went. */
  readonly startup: StartupTimes;
}

/** createChecker's parts, in ms since it was called (warmUpMs: the check run on a tiny KB while
 *  the snapshot was still on its way, with the warmUp option; 0 if it was not; prefaultMs: the heap
 *  grown and faulted in after it, or alone with the prefault option; kbMs: the KB load alone; totalMs: the call). */
export interface StartupTimes {
  readonly moduleMs: number;
  readonly snapshotMs: number;
  readonly warmUpMs: number;
  readonly prefaultMs: number;
  readonly kbMs: number;
  readonly totalMs: number;
}

/** What loadKbCached did. */
export interface LoadKbCachedResult {
  summary: KbSummary;
  /** The compiled snapshot came from the cache (no JSON parsed). */
  fromCache: boolean;
  /** Why a cached snapshot was refused (then the JSON was compiled), or null. */
  refused: string | null;
  /** The cache key of the text (null without WebCrypto: nothing was cached). */
  key: string | null;
}

/** One cached compiled KB. */
export interface KbCacheEntry {
  key: string;
  /** The factlint version that compiled it. */
  version: string;
  snapshot: Uint8Array;
}

/** Where loadKbCached keeps compiled KBs: openKbCache(), or anything with these two methods. */
export interface KbCache {
  get(key: string): Promise<KbCacheEntry | undefined | null>;
  put(key: string, entry: KbCacheEntry): Promise<void>;
}

export interface CreateCheckerOptions {
  /** The KB as JSON text (kb/world.json or one in the same format), or a promise of it: the
   *  module is fetched and compiled while the KB arrives. */
  kb: string | PromiseLike<string> | (() => string | PromiseLike<string>);
  /** The compiled snapshot of the same KB (or a promise of it; null = none), whole or as its
   *  pieces in order (readKbSnapshotPieces): loaded without JSON parsing; when it is absent or refused, `kb` is loaded instead (a function: called only then). */
  kbSnapshot?: ArrayBuffer | Uint8Array | Uint8Array[] | null | PromiseLike<ArrayBuffer | Uint8Array | Uint8Array[] | null>;
  /** The bytes of factlint-core.wasm; optional (fetched next to factlint-core.mjs, or read with fs in Node). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** factlint-core.wasm already compiled (or a promise of it): only instantiated. */
  wasmModule?: WebAssembly.Module | PromiseLike<WebAssembly.Module>;
  /** When the module is ready before the snapshot, run the check once on a tiny KB meanwhile
   *  (compiles the check's code, builds the core's one-time tables) and fault in the heap the
   *  load will take (startup.prefaultMs); default false. "empty": the same with the empty text
   *  (compiles what the first check of an empty editor needs, a third of the sentence's cost). */
  warmUp?: boolean | 'empty';
  /** The warm-up's heap half alone: when the module is ready before the snapshot, grow the heap by
   *  what the load takes and fault its pages in meanwhile (startup.prefaultMs), without the check;
   *  default false. */
  prefault?: boolean;
  /** Emscripten hook to find factlint-core.wasm elsewhere. */
  locateFile?: (path: string, prefix: string) => string;
}

/** Loads the wasm module and the KB; rejects with FactlintError when the KB does not load. */
export declare function createChecker(options: CreateCheckerOptions): Promise<Checker>;

/** The cache key of a KB text: "sha256 " + the hex SHA-256 of its UTF-8 bytes; null without WebCrypto. */
export declare function kbTextKey(kbText: string): Promise<string | null>;

/** The IndexedDB cache of compiled KBs (the `keep` stored last); null where there is no IndexedDB. */
export declare function openKbCache(options?: { name?: string; keep?: number }): KbCache | null;

/**
 * The bytes of a compiled KB snapshot from a fetch Response, for createChecker's kbSnapshot: the
 * body as it is, or inflated as it streams in when it is gzip data (world.kbs.gz). Rejects on an
 * HTTP error, corrupt gzip data, or gzip data without DecompressionStream.
 */
export declare function readKbSnapshot(response: Response): Promise<Uint8Array>;

/**
 * The same bytes as readKbSnapshot, in the pieces they were read in: createChecker's kbSnapshot
 * and checker.loadKbSnapshot take them and write them into wasm memory piece by piece (no copy
 * joining them in JS first).
 */
export declare function readKbSnapshotPieces(response: Response): Promise<Uint8Array[]>;
