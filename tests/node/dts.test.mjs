// web/factlint.d.ts cannot drift from the module: the names it declares are the ones the module
// exports and the checker object has, and the fields it declares for reports, findings, evidence,
// spans, the reference date, KB summaries and errors are exactly the ones an actual run produces.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { KB_TEXT, ROOT, WEB, loadWrapper } from './helpers.mjs';

const DTS = fs.readFileSync(path.join(WEB, 'factlint.d.ts'), 'utf8');

// The members of `interface Name { ... }` (including those of the interfaces it extends), without
// index signatures. Good enough for the flat interfaces of factlint.d.ts.
function members(name) {
  const match = DTS.match(new RegExp(`(?:interface|class) ${name}(?: extends ([\\w, ]+))? \\{([\\s\\S]*?)\\n\\}`));
  assert.ok(match, `${name} is declared`);
  const own = [...match[2].replace(/\/\*\*[\s\S]*?\*\//g, '').matchAll(/^\s+(?:readonly\s+)?(\w+)\??\s*[:(]/gm)]
    .map((m) => m[1]).filter((m) => m !== 'constructor');
  const inherited = match[1] ? match[1].split(',').map((s) => s.trim()).filter((s) => s !== 'Error').flatMap(members) : [];
  return [...new Set([...inherited, ...own])].sort();
}

const sorted = (object) => Object.keys(object).sort();

const ARTICLE = `BERLIN, 12 June 2021 — Former German Chancellor Angela Merkel met U.S. President Joe Biden. Officials reportedly disagreed.\n`;

let factlint, checker, report;
before(async () => {
  factlint = await loadWrapper();
  checker = await factlint.createChecker({ kb: KB_TEXT });
  report = checker.check(ARTICLE, { date: '2021-06-12' });
});

test('module exports match the declarations', () => {
  const declared = [...DTS.matchAll(/^export declare (?:function|class) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(factlint).sort(), declared);
});

test('the checker object has exactly the declared members', () => {
  assert.deepEqual(sorted(checker), members('Checker'));
  for (const method of ['check', 'loadKb', 'segment']) assert.equal(typeof checker[method], 'function');
});

test('report fields match the declarations', () => {
  assert.deepEqual(sorted(report), members('Report'));
  assert.deepEqual(sorted(report.document), ['reference_date']);
  assert.deepEqual(sorted(report.document.reference_date), members('ReferenceDate'));
  assert.deepEqual(sorted(report.kb), ['as_of', 'name']);
  assert.ok(report.sentences.length > 0);
  for (const s of report.sentences) assert.deepEqual(sorted(s), members('Span'));
  assert.ok(report.findings.length > 0, 'the article has findings');
  for (const f of report.findings) {
    assert.deepEqual(sorted(f), members('Finding'));
    assert.ok(['info', 'warning', 'error'].includes(f.severity));
    assert.ok(f.suggestion === null || typeof f.suggestion === 'string');
    for (const e of f.evidence) assert.deepEqual(sorted(e), members('Evidence'));
  }
});

test('KB summary, rules and errors match the declarations', () => {
  assert.deepEqual(sorted(checker.kb), members('KbSummary'));
  for (const rule of checker.rules) {
    assert.equal(typeof rule.id, 'string');
    assert.ok(['info', 'warning', 'error'].includes(rule.severity), `${rule.id}: severity ${rule.severity}`);
  }
  try {
    checker.loadKb('{');
    assert.fail('an invalid KB throws');
  } catch (error) {
    assert.ok(error instanceof factlint.FactlintError);
    const declared = members('FactlintError').filter((m) => m !== 'name');
    for (const key of declared) assert.ok(key in error, `FactlintError.${key}`);
    const kinds = [...DTS.match(/export type ErrorKind =([\s\S]*?);/)[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
    assert.ok(kinds.includes(error.kind), `kind ${error.kind} is declared`);
  }
});

test('loadRules: a bad catalogue throws a declared kind and keeps the rules; a good one replaces them', () => {
  const kinds = [...DTS.match(/export type ErrorKind =([\s\S]*?);/)[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  const before = checker.rules;
  const bad = { rules: [{ id: 'MY_RULE', kind: 'regex', severity: 'info', message: '{claim}', description: 'd', params: {} }] };
  try {
    checker.loadRules(JSON.stringify(bad));
    assert.fail('an invalid catalogue throws');
  } catch (error) {
    assert.ok(error instanceof factlint.FactlintError);
    assert.equal(error.kind, 'rules_unknown_kind');
    assert.ok(kinds.includes(error.kind), `kind ${error.kind} is declared`);
    assert.equal(error.path, '/rules/0/kind');
    assert.ok(error.line > 0 && error.column > 0);
  }
  assert.equal(checker.rules, before, 'the previous catalogue stays in use');
  const mine = {
    rules: [{
      id: 'VAGUE_QUANTITY', kind: 'phrase', severity: 'warning', message: '"{claim}" is {label}', description: 'd',
      params: { groups: [{ label: 'a vague quantity', phrases: ['a number of'] }] },
    }],
  };
  try {
    const rules = checker.loadRules(JSON.stringify(mine));
    assert.deepEqual(rules.map((r) => r.id), ['VAGUE_QUANTITY']);
    assert.equal(checker.rules, rules);
    const report = checker.check('A number of officials reportedly left.', { date: '2024-01-01' });
    assert.deepEqual(report.findings.map((f) => [f.rule, f.severity, f.text]), [['VAGUE_QUANTITY', 'warning', 'A number of']]);
  } finally {
    checker.resetRules();
  }
  // resetRules brings back the bundled catalogue, the same one a fresh checker starts with.
  const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'core', 'rules', 'rules.json'), 'utf8')).rules;
  assert.deepEqual(checker.rules.map((r) => r.id), bundled.map((r) => r.id));
  assert.deepEqual(checker.rules.map((r) => r.id), before.map((r) => r.id));
  const again = checker.check('A number of officials reportedly left.', { date: '2024-01-01' });
  assert.deepEqual(again.findings.map((f) => f.rule), ['WEAK_SOURCING'], 'the bundled rules apply again');
});
