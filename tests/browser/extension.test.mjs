// The extension in Debian Chromium: checkTab on local pages (one plain, one under a strict CSP)
// highlights the wrong claims and not the correct titles, leaves the page's DOM byte-identical,
// lists the findings in its panel, makes no request beyond 127.0.0.1, and its options page rejects
// an invalid KB while the previous one keeps working.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, highlightTexts, launchWithExtension, serve } from './chromium.mjs';

const EXTENSION = path.join(ROOT, 'dist', 'extension');

// A project-written article: the correct titles pin it to late 2022 – mid 2024, when Olaf Scholz
// was still German chancellor, so "former" is wrong; the other titles are right.
const ARTICLE = `
  <h1>Leaders pledge more aid at the summit</h1>
  <p>U.S. President Joe Biden and British Prime Minister Rishi Sunak opened the talks on Tuesday.</p>
  <p>Italian Prime Minister Giorgia Meloni and French President Emmanuel Macron promised new funds,
     while former German Chancellor Olaf Scholz stayed away from the press.</p>
  <p>The meeting reportedly ran two hours over schedule.</p>`;

function pageHtml(title) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
  <nav>Home · World · Politics · Former Prime Minister Tony Blair archive</nav>
  <article id="story">${ARTICLE}</article>
  <footer>© A local test site</footer></body></html>`;
}

let context, server, worker;
const requests = [];

before(async () => {
  assert.ok(fs.existsSync(path.join(EXTENSION, 'manifest.json')), 'dist/extension is built (make build)');
  server = await serve({
    routes: {
      '/plain.html': { body: pageHtml('Plain page') },
      '/strict.html': {
        body: pageHtml('Strict page'),
        headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'" },
      },
    },
  });
  context = await launchWithExtension(EXTENSION);
  context.on('request', (r) => requests.push(r.url()));
  worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => {
    globalThis.frontTabId = async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id;
  });
});

after(async () => {
  await context?.close();
  await server?.close();
});

// The extension has no "tabs" permission, so it cannot find a tab by URL; the test brings the
// page to the front and the worker takes the active tab, as a toolbar click would.
async function checkPage(name) {
  const page = await context.newPage();
  await page.goto(`${server.url}/${name}`);
  await page.bringToFront();
  const before = await page.evaluate(() => document.body.innerHTML);
  const summary = await worker.evaluate(async () => globalThis.factlint.checkTab(await frontTabId()));
  const after = await page.evaluate(() => document.body.innerHTML);
  return { page, summary, before, after };
}

for (const name of ['plain.html', 'strict.html']) {
  test(`checkTab highlights the wrong claim in place (${name})`, async () => {
    const { page, summary, before, after } = await checkPage(name);
    const marks = await highlightTexts(page);
    const all = Object.values(marks).flat();
    assert.ok(marks['factlint-error'].some((t) => t.includes('Olaf Scholz')),
      `an error highlight on the former-chancellor claim: ${JSON.stringify(marks)}`);
    for (const name of ['Joe Biden', 'Rishi Sunak', 'Giorgia Meloni', 'Emmanuel Macron']) {
      assert.ok(![...marks['factlint-error'], ...marks['factlint-warning']].some((t) => t.includes(name)),
        `no warning or error on the correct title of ${name}: ${JSON.stringify(marks)}`);
    }
    assert.ok(!all.some((t) => t.includes('Tony Blair')), 'the navigation is not checked');
    assert.equal(after, before, 'the page DOM under <body> is byte-identical');
    assert.ok(summary.count >= 1);

    const state = await worker.evaluate(async () => chrome.tabs.sendMessage(await frontTabId(), { type: 'factlint-state' }));
    assert.ok(state.shown);
    assert.match(state.panelText, /FORMER_BUT_IN_OFFICE/, 'the panel lists the finding');

    await page.keyboard.press('Escape');
    const cleared = await highlightTexts(page);
    assert.deepEqual(Object.values(cleared).flat(), [], 'Escape clears every highlight');
    await page.close();
  });
}

test('an invalid KB in the options page is rejected and the previous KB stays in use', async () => {
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('kb-file').setInputFiles({
    name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "name": "x", "as_of": "2024-02-30"'),
  });
  await options.getByTestId('kb-message').filter({ hasText: 'not loaded' }).waitFor();
  const message = await options.getByTestId('kb-message').textContent();
  assert.match(message, /line \d+/, `the error names its place: ${message}`);
  assert.match(await options.getByTestId('kb-state').textContent(), /bundled/);
  await options.close();

  const { page, summary } = await checkPage('plain.html');
  assert.ok(summary.findings.some((f) => f.rule === 'FORMER_BUT_IN_OFFICE'), 'checks go on with the bundled KB');
  await page.close();
});

test('no request leaves 127.0.0.1 or the extension', () => {
  const foreign = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|chrome-extension:\/\/|data:)/.test(u));
  assert.deepEqual(foreign, []);
});
