#!/usr/bin/env node
// Measures factlint's sentence segmenter against public test sets and prints our figures beside
// the peers' in one table.
//
//   node scripts/eval.d/segmentation.mjs [--cli PATH] [--verbose]   (make eval runs it)
//
// Data: $FACTLINT_SHARED/data, else <repo>/../shared/data (golden-rules-en, gum-wikinews,
// sbd-tests-pragmatic-segmenter, sbd-tests-pysbd); when it is absent the script says so and
// exits 0. Our segmenter runs through the CLI, `factlint segment --format json -` (--cli PATH,
// FACTLINT_CLI, or build/native/factlint). Peers in the same run: Node's Intl.Segmenter (ICU) and
// the npm packages sbd and sentencex (devDependencies; skipped with a note when not installed);
// pySBD's published Golden Rules figure is quoted from the data's PROVENANCE.md.
//
// Measures:
//   Golden Rules  share of the 51 active English rules (rule 18 is skipped by its own spec) whose
//                 sentence list matches exactly, after folding runs of whitespace to one space,
//                 trimming, and dropping empty segments. Also on pySBD's 48-rule subset.
//   GUM F1        boundary precision/recall/F1 on 43 Wikinews documents: a boundary is the end of
//                 a sentence that is not the document's last, counted in non-whitespace characters
//                 from the start so that segmenters that trim or keep spaces compare alike.
//   Secondary     (segtok/syntok: see below) exact-list share on pragmatic_segmenter's other English spec tests and pySBD's
//                 English tests (pySBD's clean=True expects cleaned text, which is not emulated, so
//                 that figure is a lower bound for every segmenter).
// Exit status: 0 whenever the measurement ran or was skipped; non-zero only if the script breaks.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepo(dir) {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'core', 'include', 'factlint', 'factlint.h'))) return d;
    if (dirname(d) === d) return resolve(dir, '..', '..');
  }
}
const repo = findRepo(dirname(fileURLToPath(import.meta.url)));
const data = process.env.FACTLINT_SHARED
  ? resolve(process.env.FACTLINT_SHARED, 'data')
  : resolve(repo, '..', 'shared', 'data');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const cliArg = args.indexOf('--cli');

if (!existsSync(join(data, 'golden-rules-en'))) {
  console.log(`segmentation: ${data} is absent; nothing to measure (skipped).`);
  process.exit(0);
}

// --- segmenters ----------------------------------------------------------------------------------

const cli = cliArg >= 0 ? resolve(args[cliArg + 1])
  : process.env.FACTLINT_CLI ? resolve(process.env.FACTLINT_CLI)
  : join(repo, 'build', 'native', 'factlint');

const segmenters = [];
const notes = [];

if (existsSync(cli)) {
  segmenters.push({
    name: 'factlint',
    split(text) {
      const r = spawnSync(cli, ['segment', '--format', 'json', '-'], {
        input: text, encoding: 'utf8', maxBuffer: 1 << 28,
      });
      if (r.status !== 0) throw new Error(`${cli} exited ${r.status}: ${r.stderr}`);
      // Slice by the UTF-16 offsets, as the JS front end does.
      return JSON.parse(r.stdout).sentences.map((s) => text.slice(s.start16, s.end16));
    },
  });
} else {
  notes.push(`factlint: no CLI at ${cli} (build it, or pass --cli PATH / FACTLINT_CLI)`);
}

if (typeof Intl.Segmenter === 'function') {
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  segmenters.push({ name: 'Intl.Segmenter', split: (text) => [...seg.segment(text)].map((s) => s.segment) });
} else {
  notes.push('Intl.Segmenter: not available in this Node build');
}

const require = createRequire(join(repo, 'package.json'));
try {
  const sbd = require('sbd');
  segmenters.push({ name: 'sbd', split: (text) => sbd.sentences(text, { newline_boundaries: true }) });
} catch {
  notes.push('sbd: not installed (npm ci installs the devDependencies)');
}
try {
  const sentencex = require('sentencex');  // 0.4.2 (pure JS): the CommonJS export is segment itself
  const segment = sentencex.segment || sentencex.default || sentencex;
  segmenters.push({ name: 'sentencex', split: (text) => segment('en', text) });
} catch (e) {
  notes.push(`sentencex: not available (${String(e.message).split('\n')[0]})`);
}

// --- helpers ---------------------------------------------------------------------------------------

const fold = (s) => s.replace(/\s+/gu, ' ').trim();
const clean = (list) => list.map(fold).filter((s) => s.length > 0);
const sameList = (a, b) => a.length === b.length && a.every((s, i) => s === b[i]);
const readJson = (...p) => JSON.parse(readFileSync(join(data, ...p), 'utf8'));
const pct = (k, n) => (n === 0 ? '–' : `${((100 * k) / n).toFixed(2)}%`);
const isSpace = (ch) => /\s/u.test(ch);

// Non-whitespace code points before each sentence end, except the last sentence's.
function boundaries(sentences) {
  const out = new Set();
  let count = 0;
  sentences.forEach((s, i) => {
    for (const ch of s) if (!isSpace(ch)) count += 1;
    if (i < sentences.length - 1 && s.trim().length > 0) out.add(count);
  });
  return out;
}

function safeSplit(seg, text) {
  try {
    return seg.split(text);
  } catch (e) {
    if (verbose) console.log(`  ${seg.name}: ${e.message}`);
    return null;
  }
}

// Share of cases whose sentence list matches; our misses are listed with --verbose.
function exactShare(seg, cases, label) {
  let pass = 0;
  const misses = [];
  for (const c of cases) {
    const got = safeSplit(seg, c.input);
    if (got && sameList(clean(got), clean(c.expected))) pass += 1;
    else misses.push({ id: c.id, got: got && clean(got), want: clean(c.expected) });
  }
  if (verbose && misses.length > 0 && seg.name === 'factlint') {
    console.log(`\nfactlint misses on ${label}:`);
    for (const m of misses) {
      console.log(`  #${m.id}\n    want ${JSON.stringify(m.want)}\n    got  ${JSON.stringify(m.got)}`);
    }
  }
  return { pass, total: cases.length, misses: misses.map((m) => m.id) };
}

// --- test sets ---------------------------------------------------------------------------------

const results = new Map(segmenters.map((s) => [s.name, {}]));
const rows = [];

const golden = readJson('golden-rules-en', 'golden_rules_en.json');
const active = golden.filter((r) => r.spec_status === 'active');
const pysbd48Ids = new Set(readJson('golden-rules-en', 'pysbd_golden_rules_en_48.json').map((r) => r.golden_rule_id));
const pysbd48 = golden.filter((r) => pysbd48Ids.has(r.id));
rows.push([`Golden Rules, ${active.length} active (exact)`, 'golden']);
rows.push([`Golden Rules, pySBD ${pysbd48.length} (exact)`, 'golden48']);
for (const seg of segmenters) {
  results.get(seg.name).golden = exactShare(seg, active, 'Golden Rules');
  results.get(seg.name).golden48 = exactShare({ ...seg, name: `${seg.name}/48` }, pysbd48, 'pySBD 48');
}

// GUM Wikinews: boundary precision, recall, F1.
const gum = readJson('gum-wikinews', 'gum_wikinews_docs.json');
rows.push([`GUM Wikinews ${gum.length} docs: boundary P`, 'gumP']);
rows.push([`GUM Wikinews ${gum.length} docs: boundary R`, 'gumR']);
rows.push([`GUM Wikinews ${gum.length} docs: boundary F1`, 'gumF']);
for (const seg of segmenters) {
  let tp = 0, np = 0, ng = 0;
  const misses = [];
  for (const doc of gum) {
    const gold = boundaries(doc.sentences.map((s) => s.text));
    const got = safeSplit(seg, doc.text);
    if (!got) continue;
    const pred = boundaries(got);
    for (const b of pred) if (gold.has(b)) tp += 1;
    np += pred.size;
    ng += gold.size;
    if (verbose && seg.name === 'factlint') {
      const fp = [...pred].filter((b) => !gold.has(b));
      const fn = [...gold].filter((b) => !pred.has(b));
      if (fp.length + fn.length > 0) misses.push({ doc, fp, fn });
    }
  }
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  Object.assign(results.get(seg.name), {
    gumP: `${(100 * p).toFixed(2)} (${tp}/${np})`, gumR: `${(100 * r).toFixed(2)} (${tp}/${ng})`,
    gumF: (100 * f).toFixed(2),
  });
  if (misses.length) {
    console.log('\nfactlint boundary errors on GUM (FP = extra boundary, FN = missed one):');
    for (const { doc, fp, fn } of misses) {
      const chars = [...doc.text];
      const at = (b) => {
        let count = 0, i = 0;
        for (; i < chars.length && count < b; i++) if (!isSpace(chars[i])) count += 1;
        return JSON.stringify(`${chars.slice(Math.max(0, i - 50), i).join('')} ‖ ${chars.slice(i, i + 30).join('')}`);
      };
      for (const b of fp) console.log(`  ${doc.doc_id} FP ${at(b)}`);
      for (const b of fn) console.log(`  ${doc.doc_id} FN ${at(b)}`);
    }
  }
}

// Secondary sets.
const secondary = [
  ['pragmatic_segmenter spec, other tests (exact)', 'prag', ['sbd-tests-pragmatic-segmenter', 'en_spec_segment_tests.json']],
  ['pySBD English, clean=True (exact, lower bound)', 'pyClean', ['sbd-tests-pysbd', 'english_with_clean.json']],
  ['pySBD English, clean=False (exact)', 'pyNoClean', ['sbd-tests-pysbd', 'english_without_clean.json']],
  ['pySBD regression issues (exact)', 'pyReg', ['sbd-tests-pysbd', 'regression_issues.json']],
];
for (const [label, key, path] of secondary) {
  let cases;
  try {
    cases = readJson(...path).map((c, i) => ({ id: c.id ?? c.index ?? i + 1, input: c.input, expected: c.expected }));
  } catch {
    notes.push(`${label}: ${path.join('/')} not found`);
    continue;
  }
  rows.push([`${label} (${cases.length})`, key]);
  for (const seg of segmenters) results.get(seg.name)[key] = exactShare(seg, cases, label);
}

// segtok/syntok tests: looked at only after the floors were met on the two development sets above
// (88.36 F1 then; two word-list additions since), so the closest thing to a held-out figure. Exact
// lists, and boundary F1 pooled over all sentences (two records are 54- and 109-sentence texts).
try {
  const cases = readJson('sbd-tests-segtok-syntok', 'segtok_syntok_tests.json')
    .map((c) => ({ id: c.id, input: c.input, expected: c.expected }));
  rows.push([`segtok/syntok tests (${cases.length}) (exact)`, 'segtok']);
  rows.push(['segtok/syntok tests: boundary F1', 'segtokF']);
  for (const seg of segmenters) {
    results.get(seg.name).segtok = exactShare(seg, cases, 'segtok/syntok');
    let tp = 0, np = 0, ng = 0;
    for (const c of cases) {
      const got = safeSplit(seg, c.input);
      if (!got) continue;
      const gold = boundaries(c.expected), pred = boundaries(got);
      for (const b of pred) if (gold.has(b)) tp += 1;
      np += pred.size;
      ng += gold.size;
    }
    const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
    results.get(seg.name).segtokF = `${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(2)} (P ${tp}/${np}, R ${tp}/${ng})`;
  }
} catch {
  notes.push('segtok/syntok tests: data not found');
}

// --- the table -----------------------------------------------------------------------------------

const published = { golden48: '97.92% (paper)' };
const names = segmenters.map((s) => s.name);
const header = ['measure', ...names, 'pySBD (published)'];
const table = rows.map(([label, key]) => [
  label,
  ...names.map((n) => {
    const v = results.get(n)[key];
    if (v === undefined) return '–';
    if (typeof v === 'string') return v;
    return `${pct(v.pass, v.total)} (${v.pass}/${v.total})`;
  }),
  published[key] ?? '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log('');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table) console.log(line(r));
console.log('');
const ours = results.get('factlint');
if (ours) {
  const g = ours.golden;
  const f1 = Number(ours.gumF);  // a plain number string
  console.log(`factlint Golden Rules misses: ${g.misses.length ? g.misses.map((m) => `#${m}`).join(' ') : 'none'}`);
  console.log(`floors: Golden Rules >= 98% ${g.pass / g.total >= 0.98 ? 'met' : 'NOT met'}; ` +
              `GUM boundary F1 >= 99 ${f1 >= 99 ? 'met' : 'NOT met'}`);
}
for (const n of notes) console.log(`note: ${n}`);
