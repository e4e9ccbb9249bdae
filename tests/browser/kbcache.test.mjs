// A user's KB compiled once and cached (issue #15), in Debian Chromium:
// - the served page (its Worker) and the offline file (main thread, file://): a KB file loaded
//   is compiled and its snapshot stored in IndexedDB; after a reload the same file comes from the
//   cache ("Loaded from the cache of compiled KBs.", body[data-kb-from=cache]) and highlights the
//   same claims; a corrupted cache entry is refused by the snapshot reader with its reason, the
//   JSON is compiled again and the next load is from the cache again; a bad KB afterwards leaves
//   the user KB in use;
// - the extension: a KB loaded twice in the options page says the second time that it came from
//   the cache; a woken service worker loads the stored KB from its cached snapshot
//   (factlint.startup.kb = "cache"), and from the JSON when that entry is corrupted.
// The KB is tests/fixtures/kb/pass_full.json (a fictional country); the article is written here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { highlightTexts, launchBrowser, launchWithExtension, ROOT, serve, stopServiceWorker } from './chromium.mjs';

const DIST = path.resolve(process.env.FACTLINT_DIST || path.join(ROOT, 'dist'));
const USER_KB = path.join(ROOT, 'tests', 'fixtures', 'kb', 'pass_full.json');
const BAD_KB = path.join(ROOT, 'tests', 'fixtures', 'kb', 'fail_bad_date.json');
// In the fixture Rufus T. Firefly is President of Freedonia from 1933-03-04 to 1937-01-20, so in
// June 1935 "former" is wrong.
const DATE = '1935-06-01';
const ARTICLE = 'Former Freedonian President Rufus T. Firefly opened the new bridge on Saturday.\n';

const checks = (page) => page.evaluate(() => Number(document.body.dataset.checks || 0));
async function afterCheck(page, action) {
  const n = await checks(page);
  await action();
  await page.waitForFunction((m) => document.body.dataset.state === 'idle' && Number(document.body.dataset.checks || 0) > m, n);
}

// Flips one byte near the end of every cached snapshot (the body's hash then fails), in the
// IndexedDB of the page's origin (the Worker's too).
const CORRUPT_CACHE = () => new Promise((resolve, reject) => {
  const open = indexedDB.open('factlint-kb-cache');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction('snapshots', 'readwrite');
    const store = tx.objectStore('snapshots');
    let n = 0;
    store.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      const entry = cursor.value;
      entry.snapshot = entry.snapshot.slice();
      entry.snapshot[entry.snapshot.length - 40] ^= 0x5a;
      cursor.update(entry);
      n += 1;
      cursor.continue();
    };
    tx.oncomplete = () => { open.result.close(); resolve(n); };
    tx.onerror = () => reject(tx.error);
  };
});

// Loads the user KB in the page and waits for its status; returns {status, kbFrom, highlights}
// after a check of the article with it.
async function loadUserKb(page, file = USER_KB) {
  const name = path.basename(file);
  await afterCheck(page, () => page.setInputFiles('[data-testid=kb-file]', file));
  await page.waitForFunction((n) => document.querySelector('[data-testid=kb-status]').textContent.includes(n), name);
  return {
    status: await page.textContent('[data-testid=kb-status]'),
    kbFrom: await page.evaluate(() => document.body.dataset.kbFrom),
    highlights: await highlightTexts(page),
  };
}

async function freshArticle(page) {
  await page.waitForSelector('body[data-state=idle]');
  await afterCheck(page, async () => {
    await page.fill('[data-testid=date]', DATE);
    await page.locator('[data-testid=editor]').fill(ARTICLE);
  });
}

async function cacheRoundTrip(page, reload) {
  await freshArticle(page);
  const first = await loadUserKb(page);
  assert.match(first.status, /pass_full\.json.* Compiled and cached\.$/, first.status);
  assert.equal(first.kbFrom, 'json');
  assert.ok(Object.values(first.highlights).flat().some((t) => t.includes('Rufus T. Firefly')), `the user KB decides: ${JSON.stringify(first.highlights)}`);

  await reload();
  await freshArticle(page);
  const second = await loadUserKb(page);
  assert.match(second.status, /pass_full\.json.* Loaded from the cache of compiled KBs\.$/, second.status);
  assert.equal(second.kbFrom, 'cache');
  assert.deepEqual(second.highlights, first.highlights, 'the cached snapshot checks as the JSON did');

  assert.ok(await page.evaluate(CORRUPT_CACHE) >= 1, 'entries cached');
  await reload();
  await freshArticle(page);
  const third = await loadUserKb(page);
  assert.match(third.status, /Compiled again \(the cached copy was refused: KB snapshot: the body's hash does not match.*\)\.$/, third.status);
  assert.equal(third.kbFrom, 'json');
  assert.deepEqual(third.highlights, first.highlights);

  await reload();
  await freshArticle(page);
  const fourth = await loadUserKb(page);
  assert.equal(fourth.kbFrom, 'cache', 'the entry was replaced by a good one');

  // A bad KB now: its error, and the user KB stays in use.
  await page.setInputFiles('[data-testid=kb-file]', BAD_KB);
  await page.waitForFunction(() => !document.querySelector('[data-testid=kb-error]').hidden);
  assert.match(await page.textContent('[data-testid=kb-error]'), /fail_bad_date\.json.*line \d+.*Still using “fixture: Freedonia/);
  await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${ARTICLE}\nMore.\n`));
  assert.deepEqual((await highlightTexts(page))['factlint-error'], first.highlights['factlint-error']);
}

describe('the page', () => {
  let browser, server;
  before(async () => {
    browser = await launchBrowser();
    server = await serve({ dir: path.join(DIST, 'web') });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('served: a user KB compiled once, then from the cache; a corrupt entry is compiled again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/index.html`);
    await cacheRoundTrip(page, () => page.reload());
    assert.match(await page.textContent('[data-testid=status]'), /\(worker\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('offline file: the same through IndexedDB on the main thread', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(DIST, 'factlint.html')).href);
    await cacheRoundTrip(page, () => page.reload());
    assert.match(await page.textContent('[data-testid=status]'), /\(main thread\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});


describe('the extension', () => {
  let context, worker, extensionId;
  before(async () => {
    context = await launchWithExtension(path.join(DIST, 'extension'));
    worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  });
  after(async () => { await context?.close(); });

  test('a stored user KB wakes the worker from its cached snapshot; a corrupt entry from the JSON', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const load = async () => {
      await options.getByTestId('kb-message').evaluate((box) => { box.textContent = ''; });
      await options.getByTestId('kb-file').setInputFiles(USER_KB);
      await options.getByTestId('kb-message').filter({ hasText: 'pass_full.json' }).waitFor();
      return options.getByTestId('kb-message').textContent();
    };
    assert.equal(await load(), 'Loaded pass_full.json.');
    assert.equal(await load(), 'Loaded pass_full.json (compiled before: taken from the cache).');
    const stored = await options.evaluate(() => chrome.storage.local.get(['customKbKey']));
    assert.match(stored.customKbKey, /^sha256 [0-9a-f]{64}$/);

    // A wake-up: the stored KB from its cached snapshot, not from the JSON.
    const wake = async () => {
      await stopServiceWorker(context, options);
      const rules = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'factlint-rules' }));
      assert.ok(Array.isArray(rules) && rules.length > 0);
      return worker.evaluate(() => ({ ...globalThis.factlint.startup }));
    };
    let startup = await wake();
    assert.equal(startup.kb, 'cache', JSON.stringify(startup));

    assert.equal(await options.evaluate(CORRUPT_CACHE), 1);
    startup = await wake();
    assert.equal(startup.kb, 'json', `a corrupt entry is refused and the JSON compiled: ${JSON.stringify(startup)}`);
    startup = await wake();
    assert.equal(startup.kb, 'cache', 'and cached again');

    await options.getByTestId('kb-reset').click();
    await options.getByTestId('kb-message').filter({ hasText: 'bundled' }).waitFor();
    startup = await wake();
    assert.equal(startup.kb, 'bundled');
    await options.close();
  });
});
