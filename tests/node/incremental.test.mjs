// checker.checkIncremental (the page's typing path) under Node 20: after every edit its report is
// deep-equal to checker.check of the same text and options; a one-character edit analyses one
// block; another option, KB or catalogue starts afresh. The core's own proof, over thousands of
// edits, is tests/unit/incremental_test.cpp; this holds the binding and the wrapper to it.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { KB_TEXT, loadWrapper } from './helpers.mjs';

// Written for this test.
const ARTICLE = `Leaders meet as the aid debate drags on

WASHINGTON, March 4, 2024 — President Joe Biden met German Chancellor Olaf Scholz at the White House on Friday.
"We stand together," Biden said. Scholz said Europe would do more.
British Prime Minister Rishi Sunak joined by video; Sunak's office gave no details.

Former President Donald Trump, who is campaigning for the November election, criticised the talks.
Café owners near the Élysée said 🌍 security was tight.
`;

let checker;

before(async () => {
  const factlint = await loadWrapper();
  checker = await factlint.createChecker({ kb: KB_TEXT });
});

test('checkIncremental gives check\'s report after every edit', () => {
  let text = ARTICLE;
  let seed = 12345;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const snippets = ['x', ' ', '.', '\n', '\n\n', 'Prime Minister ', 'former ', ' in 2019', '“', '”', '🌍', 'é', 'Trump'];
  for (const options of [{}, { date: '2021-06-12' }, { minSeverity: 'warning', disabledRules: ['HEDGE_WORDS'] }]) {
    for (let i = 0; i < 120; i++) {
      const at = random(text.length + 1);
      const kind = random(3);
      if (kind === 0) text = text.slice(0, at) + snippets[random(snippets.length)] + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + random(30));
      else text = text.slice(0, at) + snippets[random(snippets.length)] + text.slice(at + 1 + random(10));
      if (text.length < 100) text += ARTICLE;
      assert.deepEqual(checker.checkIncremental(text, options), checker.check(text, options), `edit ${i}: ${JSON.stringify(text)}`);
    }
  }
});

test('a one-character edit analyses one block; new options start afresh', () => {
  checker.checkIncremental(ARTICLE, {});
  const blocks = checker.incrementalStats.blocks;
  assert.ok(blocks >= 5, JSON.stringify(checker.incrementalStats));
  const edited = ARTICLE.replace('more.', 'more!');
  checker.checkIncremental(edited, {});
  assert.deepEqual(checker.incrementalStats, { blocks, analysed: 1, blockMatching: true });
  checker.checkIncremental(edited, { date: '2024-03-04' });
  assert.equal(checker.incrementalStats.analysed, blocks);
  checker.checkIncremental(edited, { date: '2024-03-04' });
  assert.equal(checker.incrementalStats.analysed, 0);
});

test('checkIncremental rejects a bad option like check', () => {
  assert.throws(() => checker.checkIncremental(ARTICLE, { date: '2024-02-30' }), { name: 'FactlintError', kind: 'bad_option' });
});
