// The page in Debian Chromium (playwright-core, never a downloaded browser): served from
// dist/web on a random 127.0.0.1 port, and dist/factlint.html opened from file://.
// An article written for this test is entered; the wrong claim is highlighted through
// CSS.highlights and no correct title is; the tooltip shows message and evidence; applying the
// suggestion fixes the text and clears the finding, Ctrl+Z restores both; typing re-checks
// incrementally (a claim typed into a new paragraph is found), a paste in full; pasted or opened markup
// stays inert text; an invalid KB shows its error while checking goes on with the previous KB; a
// rule catalogue of the user's (one rule of kind "phrase") replaces the bundled rules, a bad one
// shows its error (code, rule id, line and column) and the previous rules stay in use;
// every request stays on the page's own origin (or file); a screenshot lands in
// build/screenshots/page.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, highlightTexts, serve } from './chromium.mjs';
import { BAD_RULES, BAD_RULES_COLUMN, userCatalogue } from './rules-fixtures.mjs';

const ROOT = process.env.FACTLINT_ROOT || path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(process.env.FACTLINT_DIST || path.join(ROOT, 'dist'));
const WEB = path.join(DIST, 'web');
const OFFLINE = path.join(DIST, 'factlint.html');
const SCREENSHOTS = path.join(ROOT, 'build', 'screenshots');

// Written for this test. On 15 March 2019 Donald Trump was the sitting U.S. president, so
// "former" is wrong; Theresa May, Angela Merkel and Emmanuel Macron held the titles given.
const DATE = '2019-03-15';
const ARTICLE = `Talks on trade resume in Brussels

British Prime Minister Theresa May and German Chancellor Angela Merkel met in Brussels on Friday.
French President Emmanuel Macron joined them later, while former U.S. President Donald Trump threatened new tariffs on European cars.
`;
const WRONG = 'Donald Trump';
const CORRECT = ['Theresa May', 'Angela Merkel', 'Emmanuel Macron'];

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '</textarea><script>window.__pwned = 2</script>',
  '<svg onload="window.__pwned = 3"></svg>',
];

const checks = (page) => page.evaluate(() => Number(document.body.dataset.checks || 0));

// Runs `action` and waits until a report made after it is on screen.
async function afterCheck(page, action) {
  const before = await checks(page);
  await action();
  await page.waitForFunction((n) => document.body.dataset.state === 'idle' && Number(document.body.dataset.checks || 0) > n, before);
}

async function editorText(page) {
  return page.evaluate(() => document.getElementById('editor').textContent);
}

// Hovers the first line box of the first highlight range containing `text`.
async function hoverClaim(page, text) {
  const point = await page.evaluate((wanted) => {
    for (const name of ['factlint-error', 'factlint-warning', 'factlint-info']) {
      for (const range of CSS.highlights.get(name) || []) {
        if (!range.toString().includes(wanted)) continue;
        const r = range.getClientRects()[0];
        return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
      }
    }
    return null;
  }, text);
  assert.ok(point, `a highlight containing ${text}`);
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('[data-testid=tooltip]:not([hidden])');
}

// The checks both deliveries must pass: served page and offline file.
async function coreChecks(page) {
  await page.waitForSelector('body[data-state=idle]');
  await afterCheck(page, async () => {
    await page.fill('[data-testid=date]', DATE);
    await page.locator('[data-testid=editor]').fill(ARTICLE);
  });
  assert.match(await page.textContent('[data-testid=refdate]'), new RegExp(DATE));

  const marks = await highlightTexts(page);
  assert.ok(marks['factlint-error'].some((t) => t.includes(WRONG)), `an error highlight on ${WRONG}: ${JSON.stringify(marks)}`);
  for (const name of CORRECT) {
    assert.ok(!Object.values(marks).flat().some((t) => t.includes(name)), `no highlight on the correct title of ${name}: ${JSON.stringify(marks)}`);
  }
  const listed = await page.locator('[data-testid=findings] .finding').allTextContents();
  assert.ok(listed.some((t) => t.includes(WRONG)), 'the finding is in the list');

  // Tooltip: message and evidence.
  await hoverClaim(page, WRONG);
  const message = await page.textContent('[data-testid=tip-message]');
  assert.ok(message.trim().length > 0, 'a message');
  const evidence = await page.locator('[data-testid=tip-evidence] li').allTextContents();
  assert.ok(evidence.length >= 1 && evidence.some((e) => e.includes('Trump')), `evidence: ${JSON.stringify(evidence)}`);
  await page.waitForSelector('[data-testid=apply]:not([hidden])');

  // Apply the suggestion, then undo it.
  const original = await editorText(page);
  await afterCheck(page, () => page.click('[data-testid=apply]'));
  const fixed = await editorText(page);
  assert.notEqual(fixed, original, 'the text changed');
  assert.ok(!fixed.includes(`former U.S. President ${WRONG}`), `the claim was replaced: ${fixed}`);
  const cleared = await highlightTexts(page);
  assert.ok(![...cleared['factlint-error'], ...cleared['factlint-warning']].some((t) => t.includes(WRONG)), `the finding is gone: ${JSON.stringify(cleared)}`);

  await afterCheck(page, async () => {
    await page.focus('[data-testid=editor]');
    await page.keyboard.press('Control+z');
  });
  assert.equal(await editorText(page), original, 'Ctrl+Z restores the text');
  const back = await highlightTexts(page);
  assert.ok(back['factlint-error'].some((t) => t.includes(WRONG)), 'and the finding');
}

// A user's rule catalogue, written for this test: one rule of the existing kind "phrase" with
// phrases of its own. Loaded, it replaces the bundled catalogue (so WEAK_SOURCING and the title
// rules no longer run). Its message carries markup, which must stay text.
const USER_MESSAGE = '"{claim}" is {label}: give the number <img src=x onerror="window.__pwned = 6">';
const USER_RULES = userCatalogue(USER_MESSAGE);
const RULES_TEXT = `${ARTICLE}A number of officials reportedly left early.\n`;

// Loads USER_RULES (the phrase rule fires, the bundled rules are gone), then BAD_RULES (its error
// is shown, the user's rules still apply), then "Use bundled rules".
async function userRules(page, screenshot = null) {
  await afterCheck(page, async () => {
    await page.fill('[data-testid=date]', DATE);
    await page.locator('[data-testid=editor]').fill(RULES_TEXT);
  });
  let marks = await highlightTexts(page);
  assert.ok(marks['factlint-error'].some((t) => t.includes(WRONG)), 'the bundled rules first');
  assert.ok(marks['factlint-info'].some((t) => t === 'reportedly'), `WEAK_SOURCING first: ${JSON.stringify(marks)}`);
  assert.match(await page.textContent('[data-testid=rules-status]'), /bundled rules \(\d+ rules\)/);
  assert.equal(await page.isDisabled('[data-testid=rules-reset]'), true);

  await afterCheck(page, () => page.setInputFiles('[data-testid=rules-file]', {
    name: 'house-style.json', mimeType: 'application/json', buffer: Buffer.from(USER_RULES),
  }));
  marks = await highlightTexts(page);
  assert.deepEqual(marks['factlint-warning'], ['A number of'], `the user's phrase rule fires: ${JSON.stringify(marks)}`);
  assert.deepEqual([...marks['factlint-error'], ...marks['factlint-info']], [], 'the bundled rules no longer run');
  assert.equal(await page.textContent('[data-testid=rules-status]'), 'In use: “house-style.json” (1 rule).');
  assert.equal(await page.isDisabled('[data-testid=rules-reset]'), false);
  assert.deepEqual(await page.locator('#rules input').evaluateAll((b) => b.map((x) => x.value)), ['VAGUE_QUANTITY'], 'the rule list is the catalogue');
  await hoverClaim(page, 'A number of');
  assert.equal(await page.textContent('#tip-rule'), 'VAGUE_QUANTITY');
  assert.equal(await page.textContent('[data-testid=tip-message]'), USER_MESSAGE.replace('{claim}', 'A number of').replace('{label}', 'a vague quantity'));
  assert.equal(await page.locator('[data-testid=tip-message] *').count(), 0, 'the catalogue\'s message is text only');
  if (screenshot) {
    if (!(await page.locator('#rules-box').evaluate((d) => d.open))) await page.click('#rules-box summary');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
  }
  await page.keyboard.press('Escape');

  // The bad catalogue: its error with code, rule id and place; the user's rules stay in use.
  await page.setInputFiles('[data-testid=rules-file]', { name: 'broken-rules.json', mimeType: 'application/json', buffer: Buffer.from(BAD_RULES) });
  await page.waitForSelector('[data-testid=rules-error]:not([hidden])');
  const shown = await page.textContent('[data-testid=rules-error]');
  assert.match(shown, /^“broken-rules\.json” was not loaded: /);
  assert.ok(shown.includes(`line 3, column ${BAD_RULES_COLUMN}: /rules/0/params/groups/0/lexicon: rule MY_RULE: `), `code, rule id and place: ${shown}`);
  assert.match(shown, /\(rules_params\)\. Still using “house-style\.json” \(1 rule\)\.$/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no markup of a catalogue ran');
  assert.equal(await page.locator('[data-testid=rules-error] *').count(), 0, 'the error is text only');
  await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${RULES_TEXT}Scores of people waited.\n`));
  marks = await highlightTexts(page);
  assert.deepEqual(marks['factlint-warning'], ['A number of', 'Scores of'], `the previous (user's) rules still apply: ${JSON.stringify(marks)}`);
  assert.equal(await page.textContent('[data-testid=rules-status]'), 'In use: “house-style.json” (1 rule).');

  // A dropped catalogue is recognised as one (not taken for a KB), and so is its error.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped-rules.json', { type: 'application/json' }));
    document.getElementById('editor').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, BAD_RULES);
  await page.waitForFunction(() => document.querySelector('[data-testid=rules-error]').textContent.startsWith('“dropped-rules.json”'));
  assert.ok(!(await page.textContent('[data-testid=kb-error]')).includes('dropped-rules.json'), 'not taken for a KB');

  // Back to the bundled rules.
  await afterCheck(page, () => page.click('[data-testid=rules-reset]'));
  marks = await highlightTexts(page);
  assert.ok(marks['factlint-error'].some((t) => t.includes(WRONG)), `the bundled rules again: ${JSON.stringify(marks)}`);
  assert.ok(marks['factlint-info'].some((t) => t === 'reportedly'));
  assert.deepEqual(marks['factlint-warning'], []);
  assert.match(await page.textContent('[data-testid=rules-status]'), /^In use: the bundled rules \(\d+ rules\)\.$/);
  assert.equal(await page.isHidden('[data-testid=rules-error]'), true);
}

// One claim of each of the newer kinds (written for this test; the bundled KB's birth and death
// dates, party tags, terms and ordinals decide), judged on 1 March 2024.
const KINDS_DATE = '2024-03-01';
const KINDS_TEXT = `A week in Washington

Joe Biden, 79, spoke in Delaware on Monday.
Queen Elizabeth II said on Tuesday that she was pleased with the visit.
Sen. Bernie Sanders (R-Vt.) voted against the bill.
Joe Biden, who took office in 2019, signed the order.
Joe Biden, the 45th president of the United States, left for Ohio.
Nelson Mandela, who died in 2012, was remembered in Pretoria.
`;
const NEW_KINDS = ['AGE_MISMATCH', 'DEATH_MISMATCH', 'PARTY_MISMATCH', 'TENURE_MISMATCH', 'ORDINAL_MISMATCH',
  'LIFE_DATE_MISMATCH'];

// Hostile markup typed or pasted into the editor stays text.
async function inertMarkup(page) {
  for (const markup of HOSTILE) {
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${ARTICLE}\n${markup}\n`));
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: document.getElementById('editor').querySelectorAll('img, script, svg, textarea, iframe').length,
      text: document.getElementById('editor').textContent,
    }));
    assert.equal(state.pwned, undefined, `${markup} did not run`);
    assert.equal(state.elements, 0, `${markup} made no element`);
    assert.ok(state.text.includes(markup), `${markup} is shown as text`);
  }
}

let context;
const requests = [];

before(async () => {
  for (const file of [path.join(WEB, 'index.html'), OFFLINE]) {
    assert.ok(fs.existsSync(file), `${file} exists (make build, or node web/tools/assemble.mjs)`);
  }
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-page-')), {
    executablePath: CHROMIUM, headless: false, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 860 },
  });
  context.on('request', (r) => requests.push(r.url()));
  // Every CSP violation is recorded: the policy must fit the page exactly (nothing blocked).
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const cspViolations = (page) => page.evaluate(() => window.__csp);

after(async () => {
  await context?.close();
});

describe('served page (dist/web)', () => {
  let server, page;
  const errors = [];

  before(async () => {
    server = await serve({ dir: WEB });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
  });
  after(async () => {
    await page?.close();
    await server?.close();
  });

  test('highlights, tooltip, apply and undo', async () => {
    await coreChecks(page);
    assert.match(await page.textContent('[data-testid=status]'), /\(worker\)/, 'checks run in a worker when served');
  });

  test('typing re-checks without moving the caret', async () => {
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(ARTICLE));
    await page.focus('[data-testid=editor]');
    await page.keyboard.press('Control+End');
    await afterCheck(page, () => page.keyboard.type('Markets fell.', { delay: 20 }));
    await page.waitForTimeout(400);  // longer than the debounce: a re-check has been applied
    await afterCheck(page, () => page.keyboard.type(' Then rose.', { delay: 20 }));
    assert.ok((await editorText(page)).endsWith('Markets fell. Then rose.'), 'the caret stayed where the user typed');
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes(WRONG)), 'the findings are still drawn');
    assert.match(await page.textContent('[data-testid=status]'), /changed paragraphs/, 'typing re-checks incrementally');
    // A wrong claim typed into a new paragraph is found by the incremental re-check: Angela Merkel
    // was still chancellor on the date set.
    await afterCheck(page, () => page.keyboard.type('\nFormer German Chancellor Angela Merkel spoke too.', { delay: 10 }));
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes('Angela Merkel')), 'the typed claim is found');
    assert.match(await page.textContent('[data-testid=status]'), /changed paragraphs/);
  });

  test('dropping files: a .txt is the article, an invalid .json KB shows its error', async () => {
    const drop = (name, type, text) => page.evaluate(({ name, type, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      document.getElementById('editor').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { name, type, text });
    await afterCheck(page, () => drop('dropped.txt', 'text/plain', ARTICLE.replace('Brussels on Friday', 'Brussels on Monday')));
    assert.match(await editorText(page), /Brussels on Monday/);
    await drop('broken.json', 'application/json', '{"schema_version": 1, "name": ');
    await page.waitForSelector('[data-testid=kb-error]:not([hidden])');
    assert.match(await page.textContent('[data-testid=kb-error]'), /broken\.json.*line 1/);
  });

  test('keyboard: focusing a listed finding shows it; Escape closes', async () => {
    await page.click('body');
    await page.locator('[data-testid=findings] .finding').first().focus();
    await page.waitForSelector('[data-testid=tooltip]:not([hidden])');
    await page.keyboard.press('Alt+ArrowDown');
    assert.ok(await page.evaluate(() => document.getElementById('tooltip').contains(document.activeElement)), 'Alt+↓ reaches the tooltip');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=tooltip][hidden]', { state: 'attached' });
    // The caret inside a claim (keyboard only) shows it too.
    await page.focus('[data-testid=editor]');
    await page.evaluate((wanted) => {
      const editor = document.getElementById('editor');
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(wanted);
        if (at >= 0) { getSelection().setBaseAndExtent(node, at + 2, node, at + 2); return; }
      }
    }, WRONG);
    await page.waitForSelector('[data-testid=tooltip]:not([hidden])');
    assert.ok((await page.textContent('[data-testid=tip-message]')).length > 0);
    await page.keyboard.press('Escape');
  });

  test('silencing a rule removes its findings; dismissing hides one finding', async () => {
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(ARTICLE));
    await hoverClaim(page, WRONG);
    const rule = (await page.textContent('#tip-rule')).trim();
    await afterCheck(page, () => page.click('[data-testid=silence]'));
    const rules = await page.locator('[data-testid=findings] .finding').evaluateAll((b) => b.map((x) => x.dataset.rule));
    assert.ok(!rules.includes(rule), `${rule} silenced: ${rules}`);
    assert.match(await page.textContent("#rules-active"), /1 silenced/);
    if (!(await page.locator('#rules-box').evaluate((d) => d.open))) await page.click('#rules-box summary');
    await afterCheck(page, () => page.locator(`#rules input[value="${rule}"]`).check());
    await hoverClaim(page, WRONG);
    await page.click('[data-testid=dismiss]');
    const marks = await highlightTexts(page);
    assert.ok(!Object.values(marks).flat().some((t) => t.includes(WRONG)), 'dismissed');
    await page.click('#undismiss');
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes(WRONG)), 'shown again');
  });

  test('typed, pasted and opened markup stays inert text', async () => {
    await inertMarkup(page);
    // Pasting HTML from the clipboard: the editor takes plain text only.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.locator('[data-testid=editor]').fill('');
    const html = HOSTILE.join(' ');
    await page.evaluate(async (markup) => {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([markup], { type: 'text/html' }),
        'text/plain': new Blob([markup], { type: 'text/plain' }),
      })]);
    }, html);
    await page.focus('[data-testid=editor]');
    await afterCheck(page, () => page.keyboard.press('Control+v'));
    assert.doesNotMatch(await page.textContent('[data-testid=status]'), /changed paragraphs/, 'a paste is checked in full');
    // (Chromium may wrap pasted text in a plain <div>; what matters is that no markup came alive.)
    const pasted = await page.evaluate(() => {
      const ed = document.getElementById('editor');
      return { pwned: window.__pwned, live: ed.querySelectorAll('img, script, svg, textarea, iframe, [onerror], [onload]').length, text: ed.textContent };
    });
    assert.equal(pasted.pwned, undefined);
    assert.equal(pasted.live, 0);
    assert.ok(HOSTILE.every((m) => pasted.text.includes(m)), `pasted as text: ${pasted.text}`);
    // Opening an .html file takes its text, parsed inertly.
    await afterCheck(page, () => page.setInputFiles('[data-testid=open-file]', {
      name: 'story.html', mimeType: 'text/html',
      buffer: Buffer.from(`<html><head><title>Story</title><script>window.__pwned = 4</script></head><body><p>${ARTICLE}</p>${HOSTILE[0]}</body></html>`),
    }));
    const opened = await page.evaluate(() => ({ pwned: window.__pwned, text: document.getElementById('editor').textContent }));
    assert.equal(opened.pwned, undefined);
    assert.ok(opened.text.includes('Donald Trump threatened'), 'the article text came through');
    assert.ok(!opened.text.includes('__pwned = 4'), 'script content is not text of the article');
  });

  test('an invalid KB shows its error and the previous KB keeps working', async () => {
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(ARTICLE));
    const bad = path.join(ROOT, 'tests', 'fixtures', 'kb', 'fail_bad_date.json');
    await page.setInputFiles('[data-testid=kb-file]', bad);
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid=kb-error]');
      return !box.hidden && box.textContent.includes('fail_bad_date.json');
    });
    const shown = await page.textContent('[data-testid=kb-error]');
    assert.match(shown, /fail_bad_date\.json/);
    assert.match(shown, /line \d+/, `the place of the error: ${shown}`);
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${ARTICLE}\nMore text.\n`));
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes(WRONG)), 'still checking with the bundled KB');
    assert.match(await page.textContent('[data-testid=kb-status]'), /bundled/);
  });

  // The Worker reads world.kbs.gz and inflates it (readKbSnapshot); had that failed, it would have
  // loaded world.json (kbFrom "json").
  test('the served page loads the bundled KB from its compiled snapshot (world.kbs.gz)',
    { skip: !fs.existsSync(path.join(WEB, 'world.kbs.gz')) && 'dist/web/world.kbs.gz is missing (assembled without the native build)' }, async () => {
    assert.equal(await page.evaluate(() => document.body.dataset.kbFrom), 'snapshot');
  });

  // boot.js sends the page's first check (the empty editor, the default options) with init; the
  // Worker answers it with init and app.mjs applies that report without asking again — but only
  // for that very text and those options. The messages the page posts to its Worker are recorded.
  async function openRecordingPosts(setup = () => {}) {
    const fresh = await context.newPage();
    fresh.requested = [];
    fresh.on('request', (r) => fresh.requested.push(new URL(r.url()).pathname));
    await fresh.addInitScript(setup);
    await fresh.addInitScript(() => {
      window.__posted = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        window.__posted.push(JSON.parse(JSON.stringify(message)));
        return post.call(this, message, ...rest);
      };
    });
    await fresh.goto(`${server.url}/`);
    await fresh.waitForFunction(() => Number(document.body.dataset.checks || 0) >= 1 && document.body.dataset.state === 'idle');
    return fresh;
  }

  test('the first report comes with the Worker\'s answer to init (no second round trip)', async () => {
    const fresh = await openRecordingPosts();
    try {
      const posted = await fresh.evaluate(() => window.__posted);
      assert.deepEqual(posted.map((m) => m.type), ['init'], 'only init was posted');
      assert.deepEqual(posted[0].firstCheck, { text: '', options: { date: null, metadataDate: null, metadataSource: null, minSeverity: 'info', disabledRules: [] } });
      assert.equal(await fresh.evaluate(() => document.body.dataset.checks), '1');
      assert.match(await fresh.textContent('[data-testid=status]'), /Checked 0 characters .*\(worker\)/);
      assert.equal(await fresh.locator('[data-testid=findings] li').count(), 0);
      // The Worker started the snapshot's fetch and the wasm's compile itself (worker.mjs?snapshot=…):
      // each fetched once, not again for init.
      const count = (name) => fresh.requested.filter((p) => p === `/${name}`).length;
      assert.deepEqual([count('world.kbs.gz'), count('factlint-core.wasm'), count('world.json')], [1, 1, 0], fresh.requested.join(' '));
      // The page goes on checking through the Worker.
      await afterCheck(fresh, () => fresh.locator('[data-testid=editor]').fill(ARTICLE));
      assert.ok((await highlightTexts(fresh))['factlint-error'].some((t) => t.includes(WRONG)));
    } finally {
      await fresh.close();
    }
  });

  test('a first report made for other options is not applied: the page asks the Worker', async () => {
    // The date field is set as the parser inserts it, before app.mjs runs.
    const fresh = await openRecordingPosts(() => {
      new MutationObserver((_, observer) => {
        const date = document.getElementById('date');
        if (date) { date.value = '2019-03-15'; observer.disconnect(); }
      }).observe(document, { subtree: true, childList: true });
    });
    try {
      const posted = await fresh.evaluate(() => window.__posted);
      const checksPosted = posted.filter((m) => m.type === 'check');
      assert.equal(checksPosted.length, 1, `one check asked for: ${JSON.stringify(posted.map((m) => m.type))}`);
      assert.equal(checksPosted[0].options.date, '2019-03-15');
      assert.equal(checksPosted[0].text, '');
      assert.equal(await fresh.evaluate(() => document.body.dataset.checks), '1');
    } finally {
      await fresh.close();
    }
  });

  test('another KB, then "Use bundled KB" goes back to the bundled one', async () => {
    // The served page does not fetch world.json at start-up (its Worker does): the reset fetches it.
    const other = path.join(ROOT, 'tests', 'fixtures', 'kb', 'pass_minimal.json');
    await page.setInputFiles('[data-testid=kb-file]', other);
    await page.waitForFunction(() => document.querySelector('[data-testid=kb-status]').textContent.includes('pass_minimal.json'));
    assert.equal(await page.isDisabled('[data-testid=kb-reset]'), false);
    await page.click('[data-testid=kb-reset]');
    await page.waitForFunction(() => /bundled/.test(document.querySelector('[data-testid=kb-status]').textContent));
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${ARTICLE}\nAgain.\n`));
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes(WRONG)), 'checking with the bundled KB again');
    assert.equal(await page.isDisabled('[data-testid=kb-reset]'), true);
  });

  test('a user rule catalogue replaces the bundled rules; a bad one shows its error (screenshot page-rules.png)', async () => {
    await userRules(page, 'page-rules.png');
  });

  test('export downloads the report as JSON', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const report = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.ok(Array.isArray(report.findings) && report.findings.some((f) => f.text.includes(WRONG)));
  });

  test('the newer finding kinds are highlighted and listed; the tooltip has reason, evidence and fix', async () => {
    await afterCheck(page, async () => {
      await page.fill('[data-testid=date]', KINDS_DATE);
      await page.locator('[data-testid=editor]').fill(KINDS_TEXT);
    });
    const listed = await page.locator('[data-testid=findings] .finding').evaluateAll((b) => b.map((x) => ({ rule: x.dataset.rule, index: Number(x.dataset.index) })));
    const marks = Object.values(await highlightTexts(page)).flat();
    for (const rule of NEW_KINDS) {
      const item = listed.find((l) => l.rule === rule);
      assert.ok(item, `${rule} is listed: ${JSON.stringify(listed)}`);
      // The list item opens the same tooltip a hover does.
      await page.locator(`[data-testid=findings] .finding[data-index="${item.index}"]`).click();
      await page.waitForSelector('[data-testid=tooltip]:not([hidden])');
      assert.equal(await page.textContent('#tip-rule'), rule);
      const claim = await page.evaluate((i) => document.querySelector(`.finding[data-index="${i}"] .what`).textContent, item.index);
      assert.ok(marks.some((m) => claim.endsWith(m)), `${rule}: its claim is highlighted: ${claim} in ${JSON.stringify(marks)}`);
      const message = await page.textContent('[data-testid=tip-message]');
      assert.ok(message.length > 10, `${rule}: the reason`);
      const evidence = await page.locator('[data-testid=tip-evidence] li').allTextContents();
      assert.ok(evidence.length >= 1 && evidence.every((e) => / — \S/.test(e)), `${rule}: evidence with its source: ${JSON.stringify(evidence)}`);
      if (rule !== 'DEATH_MISMATCH') {  // the others suggest the right age, tag, year or number
        assert.equal(await page.isVisible('[data-testid=apply]'), true, `${rule}: a fix to apply`);
        assert.ok((await page.textContent('#tip-suggestion-text')).length > 0);
      }
      await page.keyboard.press('Escape');
    }
  });

  test('screenshot with findings (build/screenshots/page.png)', async () => {
    // The bundled example with the date inferred: several findings of each kind, the clues shown.
    await afterCheck(page, () => page.click('[data-testid=date-clear]'));
    await afterCheck(page, () => page.click('[data-testid=starter]'));
    const marks = await highlightTexts(page);
    const first = marks['factlint-error'][0] || marks['factlint-warning'][0] || marks['factlint-info'][0];
    assert.ok(first, `the example has findings: ${JSON.stringify(marks)}`);
    await hoverClaim(page, first);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'page.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'page-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    assert.deepEqual(errors, [], 'no uncaught error on the page');
    // script-src-attr reports come from the hostile markup pasted and opened above: Chromium's paste
    // and DOMParser parse it inertly and the CSP refuses its handler attributes too (second wall).
    // Nothing the page itself needs may be blocked.
    const own = (await cspViolations(page)).filter((v) => !v.startsWith('script-src-attr'));
    assert.deepEqual(own, [], 'no CSP violation by the page itself');
  });

  test('no request left the origin', () => {
    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/`) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('file://'));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.endsWith('/factlint-core.wasm')), 'the requests were recorded');
  });
});

describe('offline file (dist/factlint.html from file://)', () => {
  let page;
  const errors = [];
  const seen = [];

  before(async () => {
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => seen.push(r.url()));
    await page.goto(pathToFileURL(OFFLINE).href);
  });
  after(async () => { await page?.close(); });

  test('highlights, tooltip, apply and undo', async () => {
    await coreChecks(page);
    assert.match(await page.textContent('[data-testid=status]'), /\(main thread\)/);
  });

  test('markup stays inert; the starter text loads', async () => {
    await inertMarkup(page);
    await afterCheck(page, () => page.click('[data-testid=starter]'));
    assert.ok((await editorText(page)).length > 100);
  });

  test('an invalid KB shows its error and the previous KB keeps working', async () => {
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(ARTICLE));
    await page.setInputFiles('[data-testid=kb-file]', path.join(ROOT, 'tests', 'fixtures', 'kb', 'fail_not_json.json'));
    await page.waitForSelector('[data-testid=kb-error]:not([hidden])');
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${ARTICLE}\nMore.\n`));
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes(WRONG)));
  });

  test('a user rule catalogue replaces the bundled rules; a bad one shows its error', async () => {
    await userRules(page);
  });

  // The file carries the bundled KB as its compiled snapshot (world.kbs.gz in base64), not as JSON;
  // "Use bundled KB" loads that snapshot again.
  test('the bundled KB comes from the snapshot it carries; another KB, then "Use bundled KB" goes back to it', async () => {
    assert.equal(await page.locator('#factlint-kb-snapshot').count(), 1);
    assert.equal(await page.locator('#factlint-kb').count(), 0, 'no JSON copy of the KB');
    assert.equal(await page.evaluate(() => document.body.dataset.kbFrom), 'snapshot');
    await page.setInputFiles('[data-testid=kb-file]', path.join(ROOT, 'tests', 'fixtures', 'kb', 'pass_minimal.json'));
    await page.waitForFunction(() => document.querySelector('[data-testid=kb-status]').textContent.includes('pass_minimal.json'));
    await page.click('[data-testid=kb-reset]');
    await page.waitForFunction(() => /bundled/.test(document.querySelector('[data-testid=kb-status]').textContent));
    assert.equal(await page.evaluate(() => document.body.dataset.kbFrom), 'snapshot');
    assert.equal(await page.isDisabled('[data-testid=kb-reset]'), true);
    await afterCheck(page, () => page.locator('[data-testid=editor]').fill(`${ARTICLE}\nOnce more.\n`));
    assert.ok((await highlightTexts(page))['factlint-error'].some((t) => t.includes(WRONG)), 'checking with the bundled KB again');
  });

  test('nothing but the file itself (and its inline data: wasm) was requested', () => {
    const self = pathToFileURL(OFFLINE).href;
    const other = seen.filter((u) => u !== self && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(other, []);
    assert.deepEqual(errors, []);
  });

  test('its CSP (hashes, connect-src data:) blocked nothing', async () => {
    assert.deepEqual(await cspViolations(page), []);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /script-src (?:'sha256-[^']+' ){2,}'wasm-unsafe-eval'/);  // every inline script by its hash
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  });
});
