// The eval's news sets (scripts/eval.d/false_alarms.mjs): te3 loads with the day of its document
// creation time, skips a document without one, and stays out of the sets loaded by default (the
// scripts that ask for gum and bbc keep their figures). Synthetic files: no article text here.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArticles, parseSets, ALL_SETS } from '../../scripts/eval.d/false_alarms.mjs';

function sharedWithTe3() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-eval-'));
  const te3 = path.join(dir, 'data', 'tempeval3-timex');
  fs.mkdirSync(te3, { recursive: true });
  const doc = (id, value, text) => ({ doc_id: id, dct: { tid: 't0', type: 'DATE', value }, title: 'T', text, timexes: [] });
  fs.writeFileSync(path.join(te3, 'tbaq_cleaned_timex.json'), JSON.stringify([
    doc('A1', '1998-02-13T14:26:00', 'One.'),
    doc('A2', '1989-10-30', 'Two.'),
    doc('A3', 'PRESENT_REF', 'Three.'),
  ]));
  fs.writeFileSync(path.join(te3, 'te3_platinum_timex.json'), JSON.stringify([doc('P1', '2013-03-22', 'Four.')]));
  return dir;
}

test('te3: the creation day is the date; a document without a day is skipped', () => {
  const dir = sharedWithTe3();
  try {
    const { articles, missing } = loadArticles(dir, ['te3']);
    assert.deepEqual(missing, []);
    assert.deepEqual(articles.map((a) => [a.set, a.id, a.date, a.text]), [
      ['te3', 'te3/A1', '1998-02-13', 'One.'],
      ['te3', 'te3/A2', '1989-10-30', 'Two.'],
      ['te3', 'te3/P1', '2013-03-22', 'Four.'],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('loadArticles without sets loads gum and bbc only; missing files are listed', () => {
  const dir = sharedWithTe3();
  try {
    const { articles, missing } = loadArticles(dir);
    assert.equal(articles.length, 0);
    assert.equal(missing.length, 2);
    assert.ok(missing.every((m) => !m.includes('tempeval3')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--set takes one set or several, and rejects others', () => {
  assert.deepEqual(ALL_SETS, ['gum', 'bbc', 'te3']);
  assert.deepEqual(parseSets('te3'), ['te3']);
  assert.deepEqual(parseSets('gum,te3'), ['gum', 'te3']);
  assert.throws(() => parseSets('wsj'), /not one of/);
  assert.throws(() => parseSets(''), /needs one of/);
});
