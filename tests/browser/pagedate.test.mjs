// web/pagedate.js in Debian Chromium (playwright-core): one small page per metadata form, served
// from 127.0.0.1, with pagedate.js added as a classic script; factlintPageDate(document) must
// give the stated date and its source. The same pages are also parsed with DOMParser (what the
// page does with an opened or dropped .html file). Malformed JSON-LD and junk values never throw.
// Then the page (dist/web served, and dist/factlint.html from file://, when built): opening an .html
// file shows "published YYYY-MM-DD (from the page)", checks at that date (source "metadata"), and
// the user can ignore it or override it with a date of their own. Every page is written for this test.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from './chromium.mjs';

const SCRIPT = fs.readFileSync(path.join(ROOT, 'web', 'pagedate.js'), 'utf8');

const page = (head, body = '<article><h1>Leaders meet</h1><p>The leaders met on Friday.</p></article>') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

// [name, html, expected {date, source} or null]
const CASES = [
  ['article:published_time', page('<meta property="article:published_time" content="2021-06-11T08:00:00+01:00">'),
    { date: '2021-06-11', source: 'meta:article:published_time' }],
  ['local day kept, not shifted to UTC', page('<meta property="article:published_time" content="2021-06-11T23:30:00-04:00">'),
    { date: '2021-06-11', source: 'meta:article:published_time' }],
  ['og:published_time', page('<meta property="og:published_time" content="2019-09-24">'),
    { date: '2019-09-24', source: 'meta:og:published_time' }],
  ['article:modified_time only', page('<meta property="article:modified_time" content="2019-09-25T10:00:00Z">'),
    { date: '2019-09-25', source: 'meta:article:modified_time' }],
  ['og:updated_time only', page('<meta property="og:updated_time" content="2019-09-26T10:00:00Z">'),
    { date: '2019-09-26', source: 'meta:og:updated_time' }],
  ['published wins over modified',
    page('<meta property="article:modified_time" content="2019-09-25T10:00:00Z"><meta property="article:published_time" content="2019-09-24T09:00:00Z">'),
    { date: '2019-09-24', source: 'meta:article:published_time' }],
  ['meta name=date', page('<meta name="date" content="2015-04-01">'), { date: '2015-04-01', source: 'meta:date' }],
  ['dc.date', page('<meta name="dc.date" content="2005-07-06">'), { date: '2005-07-06', source: 'meta:dc.date' }],
  ['DC.date.issued, upper case', page('<meta name="DC.date.issued" content="2018/03/14">'),
    { date: '2018-03-14', source: 'meta:DC.date.issued' }],
  ['itemprop datePublished on meta', page('<meta itemprop="datePublished" content="2023-02-24">'),
    { date: '2023-02-24', source: 'itemprop:datePublished' }],
  ['itemprop datePublished on time', page('', '<article><h1>x</h1><time itemprop="datePublished" datetime="2024-10-28T09:00">28 Oct</time></article>'),
    { date: '2024-10-28', source: 'itemprop:datePublished' }],
  ['JSON-LD NewsArticle', page('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2021-06-11T08:00:00+01:00","dateModified":"2021-06-12"}</script>'),
    { date: '2021-06-11', source: 'jsonld:datePublished' }],
  ['JSON-LD @graph with a WebPage first', page('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2010-01-01"},{"@type":["Article","NewsArticle"],"datePublished":"2016-08-05"}]}</script>'),
    { date: '2016-08-05', source: 'jsonld:datePublished' }],
  ['JSON-LD array of nodes, schema: prefix', page('<script type="application/ld+json">[{"@type":"Organization","name":"x"},{"@type":"schema:ReportageNewsArticle","datePublished":"2020-11-12"}]</script>'),
    { date: '2020-11-12', source: 'jsonld:datePublished' }],
  ['malformed JSON-LD then a valid one', page('<script type="application/ld+json">{"@type":"NewsArticle", datePublished: 2001}</script><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2017-06-03"}</script>'),
    { date: '2017-06-03', source: 'jsonld:datePublished' }],
  ['malformed JSON-LD then a meta tag', page('<script type="application/ld+json">{{{</script><meta name="date" content="2022-05-02">'),
    { date: '2022-05-02', source: 'meta:date' }],
  ['JSON-LD dateModified only', page('<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2022-05-03"}</script>'),
    { date: '2022-05-03', source: 'jsonld:dateModified' }],
  ['time in the article header', page('', '<article><header><h1>x</h1><time datetime="2003-06-03T10:00:00+02:00">3 June</time></header><p>Body <time datetime="1999-01-01">then</time>.</p></article>'),
    { date: '2003-06-03', source: 'time:header' }],
  ['time in the body only is not the date', page('', '<article><h1>x</h1><p>In <time datetime="1999-01-01">1999</time> it began.</p></article>'), null],
  ['time pubdate', page('', '<div><time pubdate datetime="2012-12-21">21 Dec</time></div>'), { date: '2012-12-21', source: 'time:header' }],
  ['written month in a meta value', page('<meta name="date" content="June 11, 2021">'), { date: '2021-06-11', source: 'meta:date' }],
  ['RFC 2822 meta value', page('<meta name="date" content="Fri, 11 Jun 2021 08:00:00 GMT">'), { date: '2021-06-11', source: 'meta:date' }],
  ['junk values are skipped', page('<meta property="article:published_time" content="soon"><meta name="date" content="2021-02-30"><meta name="dc.date" content="2021-02-28">'),
    { date: '2021-02-28', source: 'meta:dc.date' }],
  ['nothing stated', page('<meta name="description" content="2021-06-11 in review">'), null],
];

describe('factlintPageDate', () => {
  let browser, server, tab;
  before(async () => {
    const routes = {};
    CASES.forEach(([, html], i) => { routes[`/p${i}.html`] = { body: html }; });
    server = await serve({ routes });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: CHROMIUM_ARGS });
    tab = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  CASES.forEach(([name, html, expected], i) => {
    test(name, async () => {
      await tab.goto(`${server.url}/p${i}.html`);
      await tab.addScriptTag({ content: SCRIPT });
      const live = await tab.evaluate(() => factlintPageDate(document));  // eslint-disable-line no-undef
      assert.deepEqual(live, expected);
      const parsed = await tab.evaluate((h) => factlintPageDate(new DOMParser().parseFromString(h, 'text/html')), html);  // eslint-disable-line no-undef
      assert.deepEqual(parsed, expected);
    });
  });

  test('defines exactly one global and never throws on odd input', async () => {
    await tab.goto(`${server.url}/p0.html`);
    const before = await tab.evaluate(() => Object.keys(window));
    await tab.addScriptTag({ content: SCRIPT });
    const added = await tab.evaluate((b) => Object.keys(window).filter((k) => !b.includes(k)), before);
    assert.deepEqual(added, ['factlintPageDate']);
    const odd = await tab.evaluate(() => [null, undefined, 42, {}, document.createElement('div')].map((x) => factlintPageDate(x)));  // eslint-disable-line no-undef
    assert.deepEqual(odd, [null, null, null, null, null]);
    // A deep JSON-LD document and a huge @graph.
    const deep = await tab.evaluate(() => {
      let v = { '@type': 'NewsArticle', datePublished: '2001-01-01' };
      for (let i = 0; i < 5000; i++) v = { child: v };
      const d = new DOMParser().parseFromString('<html><head></head><body></body></html>', 'text/html');
      const s = d.createElement('script');
      s.type = 'application/ld+json';
      s.textContent = JSON.stringify(v);
      d.head.append(s);
      return factlintPageDate(d);  // eslint-disable-line no-undef
    });
    assert.equal(deep, null);  // beyond the walk's depth: not found, and no stack overflow
  });
});

// The page with an opened .html file. Written for this test: on 15 March 2019 Donald Trump was the
// sitting U.S. president, so "former" is wrong at the page's publication date.
const DIST = path.resolve(process.env.FACTLINT_DIST || path.join(ROOT, 'dist'));
const STORY = `<!doctype html><html><head><title>Trade talks</title>
<meta property="article:published_time" content="2019-03-15T10:00:00+01:00"></head><body><article>
<p>British Prime Minister Theresa May met German Chancellor Angela Merkel in Brussels on Friday, while former U.S. President Donald Trump threatened new tariffs.</p>
</article></body></html>`;

const built = fs.existsSync(path.join(DIST, 'web', 'index.html')) && fs.existsSync(path.join(DIST, 'factlint.html'));

describe('the page reads an opened page\'s publication date', { skip: built ? false : 'dist/ not built (make build)' }, () => {
  let browser, server;
  before(async () => {
    server = await serve({ dir: path.join(DIST, 'web') });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const checks = (tab) => tab.evaluate(() => Number(document.body.dataset.checks || 0));
  async function afterCheck(tab, action) {
    const n = await checks(tab);
    await action();
    await tab.waitForFunction((k) => document.body.dataset.state === 'idle' && Number(document.body.dataset.checks || 0) > k, n);
  }

  for (const [name, url] of [['served', () => `${server.url}/`], ['offline file', () => pathToFileURL(path.join(DIST, 'factlint.html')).href]]) {
    test(name, async () => {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(url());
      await tab.waitForSelector('body[data-state=idle]');
      assert.equal(await tab.isHidden('[data-testid=pagedate]'), true);
      await afterCheck(tab, () => tab.setInputFiles('[data-testid=open-file]', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(STORY) }));
      assert.equal((await tab.textContent('[data-testid=pagedate]')).replace(/\s+/g, ' ').trim(), 'published 2019-03-15 (from the page) Ignore');
      assert.match(await tab.textContent('[data-testid=refdate]'), /^2019-03-15 \(published, from the page\)/);
      const errorsShown = await tab.evaluate(() => [...(CSS.highlights.get('factlint-error') || [])].map((r) => r.toString()));
      assert.ok(errorsShown.some((t) => t.includes('Donald Trump')), JSON.stringify(errorsShown));
      // A date of one's own overrides it; clearing it brings the page's date back.
      await afterCheck(tab, () => tab.fill('[data-testid=date]', '2021-06-11'));
      assert.match(await tab.textContent('[data-testid=refdate]'), /^2021-06-11 \(the date you set\)/);
      await afterCheck(tab, () => tab.click('[data-testid=date-clear]'));
      assert.match(await tab.textContent('[data-testid=refdate]'), /^2019-03-15 \(published, from the page\)/);
      // Ignore: the date is inferred from the text again.
      await afterCheck(tab, () => tab.click('[data-testid=pagedate-ignore]'));
      assert.equal(await tab.isHidden('[data-testid=pagedate]'), true);
      assert.doesNotMatch(await tab.textContent('[data-testid=refdate]'), /from the page/);
      // A plain text file has no metadata.
      await afterCheck(tab, () => tab.setInputFiles('[data-testid=open-file]', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(STORY) }));
      assert.equal(await tab.isHidden('[data-testid=pagedate]'), false);
      await afterCheck(tab, () => tab.setInputFiles('[data-testid=open-file]', { name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from('Prime Minister Theresa May spoke.') }));
      assert.equal(await tab.isHidden('[data-testid=pagedate]'), true);
      assert.deepEqual(errors, []);
      await tab.close();
    });
  }
});
