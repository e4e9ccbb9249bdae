// The compiled KB snapshot in the wrapper (web/factlint.mjs): dist/web/world.kbs, as the page and
// the extension ship it, loads and gives the same reports as world.json; a refused snapshot
// (corrupt, another version) falls back to the JSON KB, and loadKbSnapshot throws kb_snapshot
// with the previous KB left in use.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { KB_TEXT, ROOT, WEB, loadWrapper } from './helpers.mjs';

const SNAPSHOT = path.join(WEB, 'world.kbs');
const HAVE_SNAPSHOT = fs.existsSync(SNAPSHOT);
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'example-article.txt'), 'utf8');
const GOLDEN = path.join(ROOT, 'tests', 'golden');

let createChecker;
let bytes;
before(async () => {
  ({ createChecker } = await loadWrapper());
  if (HAVE_SNAPSHOT) bytes = new Uint8Array(fs.readFileSync(SNAPSHOT));
});

test('world.kbs loads without the JSON and checks as world.json does', { skip: !HAVE_SNAPSHOT && 'dist/web/world.kbs is missing (build the native preset before assembling)' }, async () => {
  let asked = false;
  const fromSnapshot = await createChecker({ kb: () => { asked = true; return KB_TEXT; }, kbSnapshot: bytes });
  assert.equal(fromSnapshot.kbFrom, 'snapshot');
  assert.equal(asked, false, 'the JSON KB was not needed');
  const fromJson = await createChecker({ kb: KB_TEXT });
  assert.equal(fromJson.kbFrom, 'json');
  assert.deepEqual(fromSnapshot.kb, fromJson.kb);
  const texts = [EXAMPLE, ...fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.txt') && !fs.existsSync(path.join(GOLDEN, f.replace(/\.txt$/, '.args')))).map((f) => fs.readFileSync(path.join(GOLDEN, f), 'utf8'))];
  for (const text of texts) {
    for (const options of [{}, { date: '2024-09-01' }]) assert.deepEqual(fromSnapshot.check(text, options), fromJson.check(text, options));
  }
  assert.ok(fromJson.check(EXAMPLE).findings.length > 0);
});

test('a refused snapshot falls back to the JSON KB; loadKbSnapshot throws kb_snapshot and keeps the KB', { skip: !HAVE_SNAPSHOT && 'dist/web/world.kbs is missing' }, async () => {
  const corrupt = bytes.slice();
  corrupt[corrupt.length - 100] ^= 0xff;
  const warn = console.warn;
  const warnings = [];
  console.warn = (m) => warnings.push(String(m));
  let checker;
  try {
    checker = await createChecker({ kb: Promise.resolve(KB_TEXT), kbSnapshot: corrupt });
  } finally {
    console.warn = warn;
  }
  assert.equal(checker.kbFrom, 'json');
  assert.match(warnings.join('\n'), /KB snapshot was refused \(KB snapshot: the body's hash does not match/);
  const before = checker.check(EXAMPLE);
  for (const bad of [corrupt, new Uint8Array(0), bytes.slice(0, 1000), new TextEncoder().encode(KB_TEXT.slice(0, 100))]) {
    assert.throws(() => checker.loadKbSnapshot(bad), (e) => e.kind === 'kb_snapshot' && /KB snapshot: /.test(e.message));
  }
  assert.deepEqual(checker.check(EXAMPLE), before);
  assert.equal(checker.kbFrom, 'json');
  checker.loadKbSnapshot(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));  // an ArrayBuffer too
  assert.equal(checker.kbFrom, 'snapshot');
});

test('a snapshot that cannot be fetched falls back to the JSON KB', async () => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    const checker = await createChecker({ kb: () => KB_TEXT, kbSnapshot: Promise.reject(new Error('HTTP 404')) });
    assert.equal(checker.kbFrom, 'json');
    assert.ok(checker.kb.people > 1000);
  } finally {
    console.warn = warn;
  }
});

// readKbSnapshot: the bytes of a Response, inflated when they are gzip data (world.kbs.gz, which
// the page's Worker and the extension read), as they are otherwise (a server that decompressed
// them already); an HTTP error or corrupt gzip data rejects (createChecker then loads the JSON).
test('readKbSnapshot gives world.kbs from world.kbs.gz and from world.kbs; a bad body rejects', { skip: !HAVE_SNAPSHOT && 'dist/web/world.kbs is missing' }, async () => {
  const { readKbSnapshot } = await loadWrapper();
  const zlib = await import('node:zlib');
  const gzFile = path.join(WEB, 'world.kbs.gz');
  const gz = fs.existsSync(gzFile) ? fs.readFileSync(gzFile) : zlib.gzipSync(bytes);
  // Delivered in small pieces, as a network does.
  const inPieces = (data, size = 65536) => new Response(new ReadableStream({
    start(controller) {
      for (let at = 0; at < data.length; at += size) controller.enqueue(new Uint8Array(data.subarray(at, at + size)));
      controller.close();
    },
  }));
  assert.deepEqual(await readKbSnapshot(inPieces(gz)), bytes);
  assert.deepEqual(await readKbSnapshot(inPieces(bytes, 100000)), bytes);
  assert.deepEqual(await readKbSnapshot(new Response(bytes)), bytes);
  const fromGz = await createChecker({ kb: () => { throw new Error('the JSON KB was asked for'); }, kbSnapshot: readKbSnapshot(inPieces(gz)) });
  assert.equal(fromGz.kbFrom, 'snapshot');
  assert.ok(fromGz.check(EXAMPLE).findings.length > 0);

  const truncated = gz.subarray(0, gz.length >> 1);
  await assert.rejects(readKbSnapshot(inPieces(truncated)));
  const garbled = Buffer.from(gz);
  for (let i = 100; i < 400; i++) garbled[i] ^= 0x5a;
  await assert.rejects(readKbSnapshot(new Response(garbled)));
  await assert.rejects(readKbSnapshot(new Response('missing', { status: 404 })), /HTTP 404/);
  // A corrupt gzip snapshot is a fallback, not a failure: the JSON KB is loaded.
  const warn = console.warn;
  console.warn = () => {};
  try {
    const fallback = await createChecker({ kb: KB_TEXT, kbSnapshot: readKbSnapshot(new Response(garbled)) });
    assert.equal(fallback.kbFrom, 'json');
  } finally {
    console.warn = warn;
  }
});

// readKbSnapshotPieces: the same bytes in the pieces they came in; createChecker and
// checker.loadKbSnapshot take the pieces (written into wasm memory one by one, not joined in JS)
// and give the reports the whole snapshot gives. Pieces cut anywhere, even inside the header, and
// a truncated set of pieces is refused like a truncated file.
test('snapshot pieces load as the whole snapshot does; a missing piece is refused', { skip: !HAVE_SNAPSHOT && 'dist/web/world.kbs is missing' }, async () => {
  const { readKbSnapshotPieces } = await loadWrapper();
  const cut = (data, sizes) => {
    const pieces = [];
    for (let at = 0, i = 0; at < data.length; i += 1) {
      const size = sizes[i % sizes.length];
      pieces.push(new Uint8Array(data.subarray(at, at + size)));
      at += size;
    }
    return pieces;
  };
  const stream = (pieces) => new Response(new ReadableStream({
    start(controller) { for (const p of pieces) controller.enqueue(p); controller.close(); },
  }));
  const read = await readKbSnapshotPieces(stream(cut(bytes, [65536])));
  assert.ok(Array.isArray(read) && read.length > 1, 'more than one piece');
  assert.deepEqual(Buffer.concat(read), Buffer.from(bytes));
  const expected = (await createChecker({ kb: KB_TEXT })).check(EXAMPLE);
  for (const [what, pieces] of [['whole', [bytes]], ['64 KB pieces', read], ['pieces of 7, 1 and 100,003 bytes', cut(bytes, [7, 1, 100003])]]) {
    const checker = await createChecker({ kb: () => { throw new Error('the JSON KB was asked for'); }, kbSnapshot: pieces });
    assert.equal(checker.kbFrom, 'snapshot', what);
    assert.deepEqual(checker.check(EXAMPLE), expected, what);
  }
  const checker = await createChecker({ kb: KB_TEXT });
  const before = checker.kb;
  assert.throws(() => checker.loadKbSnapshot(read.slice(0, -1)), (e) => e.kind === 'kb_snapshot' && /truncated/.test(e.message));
  assert.deepEqual(checker.kb, before, 'the previous KB stays in use');
  assert.deepEqual(checker.loadKbSnapshot(read), before, 'then the pieces load');
  assert.equal(checker.kbFrom, 'snapshot');
});
