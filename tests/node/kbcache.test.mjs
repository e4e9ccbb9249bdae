// A user's KB compiled once and cached (checker.loadKbCached, web/factlint.mjs): the first load
// compiles the JSON and stores its snapshot under the SHA-256 of the text; the next load of the
// same text takes the snapshot from the cache (no JSON parsed) and checks alike; a corrupt entry,
// one filed under another text's key or made by another version is refused with its reason and
// the JSON is compiled again (and the entry replaced); an invalid KB throws and leaves the previous
// KB in use, caching nothing. Also: createChecker with a module compiled ahead (wasmModule), and
// its start-up parts. The cache here is a Map (Node has no IndexedDB; the browser tests use it).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { KB_TEXT, ROOT, WEB, loadWrapper } from './helpers.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'kb');
const USER_KB = fs.readFileSync(path.join(FIXTURES, 'pass_minimal.json'), 'utf8');
const BAD_KB = fs.readFileSync(path.join(FIXTURES, 'fail_bad_date.json'), 'utf8');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'example-article.txt'), 'utf8');
const WASM = fs.readFileSync(path.join(WEB, 'factlint-core.wasm'));

// A cache that keeps what it is given and counts the calls.
function mapCache() {
  const map = new Map();
  return {
    map, gets: 0, puts: 0,
    async get(key) { this.gets += 1; return map.get(key); },
    async put(key, entry) { this.puts += 1; map.set(key, { ...entry, snapshot: entry.snapshot.slice() }); },
  };
}

let factlint;
let checker;
before(async () => {
  factlint = await loadWrapper();
  checker = await factlint.createChecker({ kb: KB_TEXT });
});

test('the key is the SHA-256 of the text', async () => {
  const expected = `sha256 ${crypto.createHash('sha256').update(USER_KB, 'utf8').digest('hex')}`;
  assert.equal(await factlint.kbTextKey(USER_KB), expected);
  assert.notEqual(await factlint.kbTextKey(`${USER_KB} `), expected);
  assert.equal(factlint.openKbCache(), null, 'no IndexedDB in Node: no cache');
});

test('compiled once, then loaded from the cache; the reports are the same', async () => {
  const cache = mapCache();
  const first = await checker.loadKbCached(USER_KB, cache);
  assert.equal(first.fromCache, false);
  assert.equal(first.refused, null);
  assert.equal(checker.kbFrom, 'json');
  assert.equal(cache.puts, 1);
  const entry = cache.map.get(first.key);
  assert.equal(entry.key, first.key);
  assert.equal(entry.version, checker.version);
  assert.ok(entry.snapshot instanceof Uint8Array && new TextDecoder().decode(entry.snapshot.slice(0, 8)) === 'FLKBSNAP');
  const fromJson = [checker.check(EXAMPLE), checker.check(EXAMPLE, { date: '2024-09-01' })];

  const second = await checker.loadKbCached(USER_KB, cache);
  assert.equal(second.fromCache, true);
  assert.equal(checker.kbFrom, 'cache');
  assert.equal(cache.puts, 1, 'nothing compiled or stored again');
  assert.deepEqual(second.summary, first.summary);
  assert.deepEqual([checker.check(EXAMPLE), checker.check(EXAMPLE, { date: '2024-09-01' })], fromJson);
  checker.loadKb(KB_TEXT);
});

test('a corrupt, misfiled or stale entry is refused with its reason and the JSON compiled again', async () => {
  const cache = mapCache();
  const { key } = await checker.loadKbCached(USER_KB, cache);
  const good = cache.map.get(key);
  const reference = checker.check(EXAMPLE);
  const otherKey = (await checker.loadKbCached(KB_TEXT, cache)).key;
  const cases = [
    ['a flipped byte in the body', () => { const s = good.snapshot.slice(); s[s.length - 50] ^= 0x5a; return { ...good, snapshot: s }; }, /KB snapshot: the body's hash does not match/],
    ['cut short', () => ({ ...good, snapshot: good.snapshot.slice(0, 100) }), /KB snapshot: /],
    ['not a snapshot', () => ({ ...good, snapshot: new TextEncoder().encode(USER_KB) }), /KB snapshot: /],
    ['filed under another text\'s key', () => ({ ...cache.map.get(otherKey), key: otherKey }), /made for another KB text/],
    ['made by another version', () => ({ ...good, version: '0.0.0-old' }), /made by factlint 0\.0\.0-old/],
    ['no bytes', () => ({ ...good, snapshot: 'FLKBSNAP' }), /holds no snapshot bytes/],
  ];
  const warn = console.warn;
  try {
    for (const [what, damaged, reason] of cases) {
      const warnings = [];
      console.warn = (m) => warnings.push(String(m));
      cache.map.set(key, damaged());
      const loaded = await checker.loadKbCached(USER_KB, cache);
      assert.equal(loaded.fromCache, false, what);
      assert.match(loaded.refused, reason, what);
      assert.match(warnings.join('\n'), /cached KB snapshot was refused/, what);
      assert.equal(checker.kbFrom, 'json', what);
      assert.deepEqual(checker.check(EXAMPLE), reference, `${what}: the KB compiled from the JSON checks alike`);
      assert.deepEqual(cache.map.get(key).snapshot, good.snapshot, `${what}: the entry is replaced by a good one`);
      const again = await checker.loadKbCached(USER_KB, cache);
      assert.equal(again.fromCache, true, `${what}: the next load comes from the cache`);
    }
  } finally {
    console.warn = warn;
  }
  checker.loadKb(KB_TEXT);
});

test('an invalid KB throws, caches nothing, and the previous KB stays in use', async () => {
  const cache = mapCache();
  await checker.loadKbCached(USER_KB, cache);
  const before = checker.check(EXAMPLE);
  const summary = checker.kb;
  await assert.rejects(checker.loadKbCached(BAD_KB, cache), (e) => e instanceof factlint.FactlintError && e.kind !== 'kb_snapshot' && e.line > 0);
  assert.equal(cache.map.size, 1, 'nothing stored for the bad KB');
  assert.equal(checker.kb, summary);
  assert.deepEqual(checker.check(EXAMPLE), before);
  // The cache unreadable: the JSON is compiled, the reason given.
  const broken = { get: async () => { throw new Error('disk on fire'); }, put: async () => {} };
  const warn = console.warn;
  console.warn = () => {};
  try {
    const loaded = await checker.loadKbCached(USER_KB, broken);
    assert.equal(loaded.fromCache, false);
    assert.match(loaded.refused, /cache could not be read: disk on fire/);
  } finally {
    console.warn = warn;
  }
  // No cache at all: a plain load.
  assert.equal((await checker.loadKbCached(USER_KB, null)).fromCache, false);
  checker.loadKb(KB_TEXT);
});

test('createChecker takes a module compiled ahead (wasmModule) and reports its start-up parts', async () => {
  const c = await factlint.createChecker({ kb: USER_KB, wasmModule: WebAssembly.compile(WASM) });
  assert.equal(c.kbFrom, 'json');
  assert.ok(c.check(EXAMPLE).findings !== undefined);
  for (const k of ['moduleMs', 'snapshotMs', 'warmUpMs', 'prefaultMs', 'kbMs', 'totalMs']) assert.equal(typeof c.startup[k], 'number', k);
  assert.ok(c.startup.totalMs >= c.startup.kbMs && c.startup.totalMs >= c.startup.moduleMs);
  assert.ok(Object.isFrozen(c.startup));
  await assert.rejects(factlint.createChecker({ kb: USER_KB, wasmModule: Promise.reject(new Error('no module')) }), /no module/);
});

test('warmUp with a snapshot still on its way: the check runs on a tiny KB, then the real KB is the one in use', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(WEB, 'world.kbs')));
  const late = new Promise((resolve) => setTimeout(() => resolve(bytes), 300));
  const c = await factlint.createChecker({ kb: () => KB_TEXT, kbSnapshot: late, wasmBinary: WASM, warmUp: true });
  assert.ok(c.startup.warmUpMs > 0, JSON.stringify(c.startup));
  assert.equal(c.kbFrom, 'snapshot');
  assert.ok(c.kb.people > 1000, 'the bundled KB, not the warm-up one');
  assert.deepEqual(c.check(EXAMPLE), checker.check(EXAMPLE));
  const early = await factlint.createChecker({ kb: () => KB_TEXT, kbSnapshot: bytes, wasmBinary: WASM, warmUp: true });
  assert.equal(early.startup.warmUpMs, 0, 'no warm-up when the snapshot is already there');
  const off = await factlint.createChecker({ kb: () => KB_TEXT, kbSnapshot: new Promise((resolve) => setTimeout(() => resolve(bytes), 300)), wasmBinary: WASM });
  assert.equal(off.startup.warmUpMs, 0, 'no warm-up unless asked');
  assert.equal(off.startup.prefaultMs, 0, 'no prefault unless asked');
});

// The warm-up's prefault: the heap the load takes is faulted in while the snapshot is on its way,
// and the reports are the same.
test('warmUp (or prefault alone) faults in the heap while the snapshot is on its way; the KB then loads and checks the same', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(WEB, 'world.kbs')));
  for (const [what, options, expected] of [
    ['warmUp', { warmUp: true }, { prefaulted: true, warmedUp: true }],
    ['warmUp on the empty text', { warmUp: 'empty' }, { prefaulted: true, warmedUp: true }],
    ['prefault', { prefault: true }, { prefaulted: true, warmedUp: false }],
    ['neither', {}, { prefaulted: false, warmedUp: false }],
  ]) {
    const late = new Promise((resolve) => setTimeout(() => resolve(bytes), 300));
    const c = await factlint.createChecker({ kb: () => KB_TEXT, kbSnapshot: late, wasmBinary: WASM, ...options });
    assert.deepEqual({ prefaulted: c.startup.prefaultMs > 0, warmedUp: c.startup.warmUpMs > 0 }, expected, what);
    assert.equal(c.kbFrom, 'snapshot', what);
    assert.deepEqual(c.check(EXAMPLE), checker.check(EXAMPLE), what);
    assert.deepEqual(c.check(''), checker.check(''), what);
  }
  const early = await factlint.createChecker({ kb: () => KB_TEXT, kbSnapshot: bytes, wasmBinary: WASM, warmUp: true });
  assert.equal(early.startup.prefaultMs, 0, 'no prefault when the snapshot is already there');
});
