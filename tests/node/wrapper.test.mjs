// The JS wrapper under Node 20: loads dist/web/factlint.mjs, checks a project-written article,
// keeps UTF-16 offsets exact around emoji, CJK and curly quotes, turns every failing KB fixture
// into a typed FactlintError while the previous KB keeps working, and rejects bad options.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { KB_TEXT, ROOT, WEB, loadWrapper } from './helpers.mjs';

// Written for this test. With the date of the 2021 G7 summit in Cornwall (11–13 June 2021), Angela
// Merkel was still German chancellor (until 8 December 2021), so "former" is wrong; Boris Johnson,
// Joe Biden and Emmanuel Macron held the titles given.
const ARTICLE = `Leaders gather on the Cornish coast 🌊

British Prime Minister Boris Johnson welcomed U.S. President Joe Biden and French President Emmanuel Macron to the summit on Friday.
Former German Chancellor Angela Merkel told reporters that the group “must act together” on vaccines (疫苗) for poorer countries.
`;
const DATE = '2021-06-12';

let factlint, checker;

before(async () => {
  factlint = await loadWrapper();
  checker = await factlint.createChecker({ kb: KB_TEXT });
});

test('the wrapper exposes the documented API', () => {
  assert.equal(typeof factlint.createChecker, 'function');
  assert.equal(typeof factlint.FactlintError, 'function');
  assert.match(checker.version, /^\d+\.\d+\.\d+/);
  assert.ok(Array.isArray(checker.rules));
  assert.equal(checker.kb.name, JSON.parse(KB_TEXT).name);
  assert.equal(checker.kb.as_of, JSON.parse(KB_TEXT).as_of);
  assert.ok(checker.kb.people > 100 && checker.kb.terms > 100, JSON.stringify(checker.kb));
});

test('a wrong "former" is found, the correct titles are not', () => {
  const report = checker.check(ARTICLE, { date: DATE });
  assert.equal(report.document.reference_date.source, 'given');
  const merkel = report.findings.filter((f) => f.text.includes('Angela Merkel'));
  assert.ok(merkel.some((f) => f.severity === 'error' && f.rule === 'FORMER_BUT_IN_OFFICE'),
    `FORMER_BUT_IN_OFFICE on Merkel: ${JSON.stringify(report.findings)}`);
  for (const name of ['Boris Johnson', 'Joe Biden', 'Emmanuel Macron']) {
    assert.ok(!report.findings.some((f) => f.severity !== 'info' && f.text.includes(name)),
      `nothing above info on ${name}: ${JSON.stringify(report.findings)}`);
  }
});

test('UTF-16 offsets index the JS string, UTF-8 offsets the bytes', () => {
  const prefix = '👩🏽‍💻 «Aktuell» — 東京. ';
  for (const text of [ARTICLE, prefix + ARTICLE]) {
    const report = checker.check(text, { date: DATE });
    assert.ok(report.findings.length > 0);
    const bytes = Buffer.from(text, 'utf8');
    for (const f of report.findings) {
      assert.equal(text.slice(f.start16, f.end16), f.text, `start16/end16 of ${f.rule}`);
      assert.equal(bytes.subarray(f.start, f.end).toString('utf8'), f.text, `start/end of ${f.rule}`);
    }
    for (const s of report.sentences) assert.ok(s.start16 <= s.end16 && s.end16 <= text.length);
  }
  // A lone surrogate counts as one unit (U+FFFD), so later offsets do not shift.
  const broken = `\uD83D${ARTICLE}`;
  const report = checker.check(broken, { date: DATE });
  for (const f of report.findings) assert.equal(broken.slice(f.start16, f.end16), f.text);
});

test('options: minSeverity and disabledRules filter; a malformed date is a typed error', () => {
  const all = checker.check(ARTICLE, { date: DATE });
  const errors = checker.check(ARTICLE, { date: DATE, minSeverity: 'error' });
  assert.ok(errors.findings.every((f) => f.severity === 'error'));
  assert.ok(errors.findings.length >= 1);
  const silenced = checker.check(ARTICLE, { date: DATE, disabledRules: ['FORMER_BUT_IN_OFFICE'] });
  assert.ok(!silenced.findings.some((f) => f.rule === 'FORMER_BUT_IN_OFFICE'));
  assert.ok(all.findings.length >= silenced.findings.length);
  for (const date of ['2021-02-30', '12/06/2021', 'yesterday']) {
    assert.throws(() => checker.check(ARTICLE, { date }),
      (e) => e instanceof factlint.FactlintError && e.kind === 'bad_option', date);
  }
  assert.throws(() => checker.check(ARTICLE, { minSeverity: 'fatal' }), (e) => e.kind === 'bad_option');
});

test('every failing KB fixture is a typed error with a place; the previous KB keeps working', () => {
  const before = checker.check(ARTICLE, { date: DATE });
  const dir = path.join(ROOT, 'tests', 'fixtures', 'kb');
  const fails = fs.readdirSync(dir).filter((n) => n.startsWith('fail_') && n.endsWith('.json'));
  assert.ok(fails.length > 0, 'fixtures exist');
  const kinds = new Set(['kb_not_json', 'kb_schema', 'kb_invalid_value', 'kb_duplicate', 'kb_dangling_id', 'kb_overlap', 'kb_too_large']);
  for (const name of fails) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.throws(() => checker.loadKb(text), (e) => {
      assert.ok(e instanceof factlint.FactlintError, `${name}: a FactlintError`);
      assert.ok(kinds.has(e.kind), `${name}: kind ${e.kind}`);
      assert.ok(e.message.length > 0, `${name}: a message`);
      assert.ok(e.line > 0 || e.path !== '' || name === 'fail_empty.json', `${name}: a place (${e.toString()})`);
      return true;
    }, name);
    assert.equal(checker.kb.name, JSON.parse(KB_TEXT).name, `${name}: the KB in use did not change`);
  }
  assert.deepEqual(checker.check(ARTICLE, { date: DATE }), before, 'the same report as before the failed loads');
});

test('a valid KB replaces the old one; createChecker rejects an invalid KB', async () => {
  const other = await factlint.createChecker({ kb: KB_TEXT });
  const minimal = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'kb', 'pass_minimal.json'), 'utf8');
  const summary = other.loadKb(minimal);
  assert.equal(summary.name, JSON.parse(minimal).name);
  assert.equal(other.kb, summary);
  const report = other.check(ARTICLE, { date: DATE });
  assert.ok(!report.findings.some((f) => f.text.includes('Angela Merkel') && f.severity === 'error'),
    'a KB that does not know Merkel says nothing about her');
  await assert.rejects(factlint.createChecker({ kb: '{"schema_version": 1,' }), (e) => e instanceof factlint.FactlintError && e.kind === 'kb_not_json');
  await assert.rejects(factlint.createChecker({}), TypeError);
  // The bytes can be handed over explicitly (what browsers without fetch access and the extension do).
  const bytes = fs.readFileSync(path.join(WEB, 'factlint-core.wasm'));
  const given = await factlint.createChecker({ kb: KB_TEXT, wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
  assert.deepEqual(given.check(ARTICLE, { date: DATE }), checker.check(ARTICLE, { date: DATE }));
});

test('segment returns sentence spans', () => {
  const text = 'Dr. Smith arrived. He spoke at 9 a.m. on Monday. “Yes,” she said.';
  const spans = checker.segment(text);
  assert.ok(spans.length >= 2);
  for (const s of spans) assert.ok(s.start16 < s.end16 && s.end16 <= text.length);
});
