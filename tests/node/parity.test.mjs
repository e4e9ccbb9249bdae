// The native CLI and the wasm module give identical JSON reports: on every golden article
// (tests/golden/*.txt, with the CLI arguments of its .args file) and the bundled example.
// Needs FACTLINT_CLI (the native build/native/factlint); skips when it is not there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';

import { KB_TEXT, ROOT, loadWrapper } from './helpers.mjs';

const CLI = process.env.FACTLINT_CLI || path.join(ROOT, 'build', 'native', 'factlint');
const HAVE_CLI = fs.existsSync(CLI);
const GOLDEN = path.join(ROOT, 'tests', 'golden');

// Texts written for this test, run through both with the arguments given: offsets across emoji,
// CJK, curly quotes and CRLF, an empty text, a long one, options.
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'example-article.txt'), 'utf8');
const EXTRA = [
  { name: 'unicode', args: ['--date', '2021-06-12'],
    text: '🌊 Küstengipfel — “Former German Chancellor Angela Merkel” met 日本の首相 and U.S. President Joe Biden. 👩🏽‍💻 Officials reportedly agreed.\n' },
  { name: 'crlf', args: [], text: EXAMPLE.replace(/\n/g, '\r\n') },
  { name: 'empty', args: [], text: '' },
  { name: 'long', args: [], text: Array.from({ length: 40 }, () => EXAMPLE).join('\n') },
  { name: 'options', args: ['--min-severity', 'warning', '--disable', 'CURRENT_BUT_FORMER', '--date', '2024-09-01'], text: EXAMPLE },
];

// The CLI arguments of a golden article (its .args file, as run_golden.cmake reads it) mapped to
// wasm options. An argument the mapping does not know fails the test rather than being ignored.
function argsOf(article, given = null) {
  const file = article.replace(/\.txt$/, '.args');
  const args = given || (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n')[0].trim().split(/\s+/).filter(Boolean) : []);
  const options = { disabledRules: [] };
  let kb = null;
  for (let i = 0; i < args.length; i += 1) {
    const value = () => args[++i];
    switch (args[i]) {
      case '--date': options.date = value(); break;
      case '--min-severity': options.minSeverity = value(); break;
      case '--disable': options.disabledRules.push(value()); break;
      case '--kb': kb = path.resolve(path.dirname(article), value()); break;
      case '--no-excerpt': case '--fail-on': if (args[i] === '--fail-on') i += 1; break;
      default: throw new Error(`${path.basename(file)}: argument ${args[i]} has no wasm equivalent in this test`);
    }
  }
  return { args, options, kb };
}

function cliReport(article, args) {
  let out;
  try {
    out = execFileSync(CLI, ['check', '--format', 'json', ...args, article], { cwd: path.dirname(article), encoding: 'utf8' });
  } catch (error) {
    if (error.status !== 1) throw error;  // 1 = findings at or above --fail-on
    out = error.stdout;
  }
  return JSON.parse(out);
}

const articles = fs.existsSync(GOLDEN)
  ? fs.readdirSync(GOLDEN).filter((n) => n.endsWith('.txt')).sort().map((n) => path.join(GOLDEN, n))
  : [];
articles.push(path.join(ROOT, 'examples', 'example-article.txt'));

let factlint, checker;
before(async () => {
  factlint = await loadWrapper();
  checker = await factlint.createChecker({ kb: KB_TEXT });
});

test('there are golden articles to compare', { skip: !HAVE_CLI && `no CLI at ${CLI}` }, () => {
  assert.ok(articles.length >= 2, `golden articles in ${GOLDEN}: ${articles.length - 1}`);
});

for (const { name, args, text } of EXTRA) {
  test(`CLI and wasm agree on the ${name} text`, { skip: !HAVE_CLI && `no CLI at ${CLI}` }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-parity-'));
    const file = path.join(dir, `${name}.txt`);
    fs.writeFileSync(file, text);
    try {
      const { options } = argsOf(file, args);
      assert.deepEqual(checker.check(text, options), cliReport(file, args));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

for (const article of articles) {
  const name = path.relative(ROOT, article);
  test(`CLI and wasm agree on ${name}`, { skip: !HAVE_CLI && `no CLI at ${CLI}` }, () => {
    const { args, options, kb } = argsOf(article);
    const text = fs.readFileSync(article, 'utf8');
    const expected = cliReport(article, args);
    let actual;
    if (kb) {
      const own = fs.readFileSync(kb, 'utf8');
      checker.loadKb(own);
      try { actual = checker.check(text, options); } finally { checker.loadKb(KB_TEXT); }
    } else {
      actual = checker.check(text, options);
    }
    assert.deepEqual(actual, expected);
  });
}
