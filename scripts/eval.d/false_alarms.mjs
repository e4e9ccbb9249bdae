#!/usr/bin/env node
// False alarms on real news (issue 8). Runs the CLI in `--format jsonl` mode over the three real
// news sets in ../shared/data — gum-wikinews (43 Wikinews documents, each checked at its
// dateCreated), bbc-news-2004-2005 (2,225 BBC articles, undated: the checker infers the date) and
// tempeval3-timex ("te3": 276 wire articles of 1989–2000 and 2013 — AP, NYT, WSJ, CNN … — each
// checked at the day of its document creation time) — and prints findings per 100 articles by rule
// and severity, then every error-level finding with its sentence (trimmed) and the article id, for
// review (docs/EVALUATION.md).
//
//   node scripts/eval.d/false_alarms.mjs [--set gum|bbc|te3[,…]] [--show error|warning|info]
//                                      [--json FILE] [--kb FILE]
//
// Environment: FACTLINT_CLI (default: the newer of build/eval/factlint and build/native/factlint),
// FACTLINT_SHARED (default <repo>/../shared), FACTLINT_ROOT (default: found from this file).
// The KB is the repository's kb/world.json unless --kb is given (so the figures follow the KB in
// the tree, not the copy embedded in the binary at build time). The data is not part of the
// project: when it or the CLI is absent the script says so and exits 0. It exits 0 unless the CLI
// itself breaks (a crash, or an output line that is not JSON): it measures, it does not gate.
//
// The module also exports the helpers injected.mjs uses (loadArticles, runJsonl, ...).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function findRoot() {
  if (process.env.FACTLINT_ROOT) return resolve(process.env.FACTLINT_ROOT);
  let dir = here;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'kb', 'world.json')) && existsSync(join(dir, 'core'))) return dir;
    dir = dirname(dir);
  }
  return resolve(here, '..', '..');
}

// $FACTLINT_CLI, else the newer of build/eval/factlint and build/native/factlint (so `make eval`,
// which rebuilds build/native, never measures a stale binary).
export function findCli(root) {
  if (process.env.FACTLINT_CLI) return existsSync(process.env.FACTLINT_CLI) ? resolve(process.env.FACTLINT_CLI) : null;
  const found = ['build/eval/factlint', 'build/native/factlint'].map((p) => join(root, p)).filter((p) => existsSync(p));
  found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0] || null;
}

export function sharedDir(root) {
  return resolve(process.env.FACTLINT_SHARED || join(root, '..', 'shared'));
}

export const ALL_SETS = ['gum', 'bbc', 'te3'];

// The articles of the sets asked for as {set, id, text, date?}. Missing files are listed in
// `missing`. The default is gum and bbc, as before te3 came: the callers that want te3 ask for it.
export function loadArticles(shared, sets = ['gum', 'bbc']) {
  const articles = [];
  const missing = [];
  if (sets.includes('gum')) {
    const f = join(shared, 'data/gum-wikinews/gum_wikinews_docs.json');
    if (existsSync(f)) {
      for (const d of JSON.parse(readFileSync(f, 'utf8'))) {
        const a = { set: 'gum', id: d.doc_id, text: d.text };
        if (/^\d{4}-\d{2}-\d{2}$/.test(d.dateCreated || '')) a.date = d.dateCreated;
        articles.push(a);
      }
    } else missing.push(f);
  }
  if (sets.includes('bbc')) {
    const f = join(shared, 'data/bbc-news-2004-2005/bbc_news_2004_2005.jsonl');
    if (existsSync(f)) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const d = JSON.parse(line);
        articles.push({ set: 'bbc', id: `bbc/${d.id}`, text: d.text });
      }
    } else missing.push(f);
  }
  if (sets.includes('te3')) {
    // TempEval-3's TimeBank/AQUAINT and platinum articles. The date is the day of the document
    // creation time (a few are "1998-02-13T14:26:00": the day is what the checker takes); an
    // article without a day would be skipped (all 276 have one). The text is the <TEXT> element
    // alone, as wire copy is filed (dateline, body); the headline is a separate field and left
    // out, so the figures are about the article's own sentences.
    for (const name of ['tbaq_cleaned_timex.json', 'te3_platinum_timex.json']) {
      const f = join(shared, 'data/tempeval3-timex', name);
      if (!existsSync(f)) {
        missing.push(f);
        continue;
      }
      for (const d of JSON.parse(readFileSync(f, 'utf8'))) {
        const day = /^(\d{4}-\d{2}-\d{2})/.exec(d.dct?.value || '');
        if (!day) continue;
        articles.push({ set: 'te3', id: `te3/${d.doc_id}`, text: d.text, date: day[1] });
      }
    }
  }
  return { articles, missing };
}

// Runs `factlint check --format jsonl` over docs [{id, text, date?}] (in chunks, so a pipe never
// holds more than a few MB). Returns Map id -> report, or id -> {error} for a rejected line.
export function runJsonl(cli, docs, { kb, extraArgs = [], chunk = 400 } = {}) {
  const out = new Map();
  const args = ['check', '--format', 'jsonl', '--fail-on', 'never'];
  if (kb) args.push('--kb', kb);
  args.push(...extraArgs, '-');
  for (let i = 0; i < docs.length; i += chunk) {
    const part = docs.slice(i, i + chunk);
    const input = part.map((d) => JSON.stringify(d.date ? { id: d.id, text: d.text, date: d.date } : { id: d.id, text: d.text })).join('\n') + '\n';
    const r = spawnSync(cli, args, { input, maxBuffer: 1 << 30, encoding: 'utf8' });
    if (r.error) throw new Error(`cannot run ${cli}: ${r.error.message}`);
    if (r.signal) throw new Error(`${cli} died with ${r.signal} (chunk starting at ${part[0].id})\n${r.stderr}`);
    // Exit 2 with per-line errors still streams the other lines; a usage or KB error gives none.
    if (r.status !== 0 && r.status !== 1 && !r.stdout.trim()) throw new Error(`${cli} exited ${r.status}: ${r.stderr.trim()}`);
    for (const line of r.stdout.split('\n')) {
      if (!line.trim()) continue;
      let j;
      try {
        j = JSON.parse(line);
      } catch {
        throw new Error(`an output line of the CLI is not JSON: ${line.slice(0, 200)}`);
      }
      out.set(j.id, j.report ? j.report : { error: j.error });
    }
  }
  return out;
}

export function oneLine(s) {
  return s.replace(/\s+/g, ' ').trim();
}

// The sentence of a finding, trimmed to about `width` characters around the claim, the claim in
// [[ ]]. Offsets are the report's UTF-16 ones, which are JS string indices.
export function trimmedSentence(text, report, f, width = 220) {
  const s = report.sentences?.[f.sentence];
  const from = s ? Math.min(s.start16, f.start16) : Math.max(0, f.start16 - 100);
  const to = s ? Math.max(s.end16, f.end16) : Math.min(text.length, f.end16 + 100);
  const before = oneLine(text.slice(from, f.start16));
  const claim = oneLine(text.slice(f.start16, f.end16));
  const after = oneLine(text.slice(f.end16, to));
  const room = Math.max(30, Math.floor((width - claim.length) / 2));
  const b = before.length > room ? '…' + before.slice(before.length - room) : before;
  const a = after.length > room ? after.slice(0, room) + '…' : after;
  return `${b}${b ? ' ' : ''}[[${claim}]]${a && !/^[.,;:!?'")]/.test(a) ? ' ' : ''}${a}`;
}

export function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export const SEV = { info: 0, warning: 1, error: 2 };

// `--set` takes one set or several, comma-separated ("gum,te3").
export function parseSets(arg) {
  const sets = String(arg ?? '').split(',').filter(Boolean);
  for (const s of sets) if (!ALL_SETS.includes(s)) throw new Error(`--set: ${s} is not one of ${ALL_SETS.join(', ')}`);
  if (!sets.length) throw new Error(`--set needs one of ${ALL_SETS.join(', ')}`);
  return sets;
}

function parseArgs(argv) {
  const o = { sets: ALL_SETS, show: 'error', json: null, kb: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--set') o.sets = parseSets(argv[++i]);
    else if (a === '--show') o.show = argv[++i];
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--kb') o.kb = argv[++i];
    else throw new Error(`unknown argument ${a} (--set gum|bbc|te3[,…], --show error|warning|info, --json FILE, --kb FILE)`);
  }
  if (!(o.show in SEV)) throw new Error(`--show: ${o.show} is not one of error, warning, info`);
  return o;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = findRoot();
  const cli = findCli(root);
  if (!cli) {
    console.log('false_alarms: no CLI (build/eval/factlint, build/native/factlint or $FACTLINT_CLI) — skipped.');
    return 0;
  }
  const shared = sharedDir(root);
  const { articles, missing } = loadArticles(shared, opts.sets);
  for (const m of missing) console.log(`false_alarms: ${m} not found — that set is skipped (it is not part of the project).`);
  if (!articles.length) return 0;
  const kb = opts.kb || join(root, 'kb/world.json');
  const t0 = Date.now();
  const reports = runJsonl(cli, articles, { kb });
  const seconds = (Date.now() - t0) / 1000;
  console.log(`CLI ${cli}\nKB  ${kb}\n${articles.length} articles checked in ${seconds.toFixed(1)} s\n`);

  const bySet = new Map();
  const shown = [];
  const inputErrors = [];
  for (const a of articles) {
    const r = reports.get(a.id);
    const s = bySet.get(a.set) || { n: 0, counts: new Map(), dated: 0 };
    bySet.set(a.set, s);
    s.n++;
    if (!r || r.error) {
      inputErrors.push(`${a.id}: ${r ? JSON.stringify(r.error) : 'no output line'}`);
      continue;
    }
    if (r.document?.reference_date?.from) s.dated++;
    for (const f of r.findings || []) {
      const key = `${f.rule}\t${f.severity}`;
      s.counts.set(key, (s.counts.get(key) || 0) + 1);
      if (SEV[f.severity] >= SEV[opts.show]) shown.push({ a, r, f });
    }
  }

  const sets = [...bySet.keys()];
  const total = { n: 0, counts: new Map() };
  for (const s of bySet.values()) {
    total.n += s.n;
    for (const [k, v] of s.counts) total.counts.set(k, (total.counts.get(k) || 0) + v);
  }
  const keys = [...total.counts.keys()].sort((x, y) => {
    const [rx, sx] = x.split('\t');
    const [ry, sy] = y.split('\t');
    return SEV[sy] - SEV[sx] || rx.localeCompare(ry);
  });
  const cell = (count, n) => `${count} (${((100 * count) / n).toFixed(2)})`;
  const rows = keys.map((k) => {
    const [rule, sev] = k.split('\t');
    return [rule, sev, ...sets.map((n) => cell(bySet.get(n).counts.get(k) || 0, bySet.get(n).n)), cell(total.counts.get(k) || 0, total.n)];
  });
  for (const sev of ['error', 'warning', 'info']) {
    const sum = (s) => [...s.counts].filter(([k]) => k.endsWith(`\t${sev}`)).reduce((x, [, v]) => x + v, 0);
    rows.push([`all ${sev}s`, sev, ...sets.map((n) => cell(sum(bySet.get(n)), bySet.get(n).n)), cell(sum(total), total.n)]);
  }
  console.log('Findings: count (per 100 articles)');
  console.log(table(rows, ['rule', 'severity', ...sets.map((n) => `${n} [${bySet.get(n).n}]`), `all [${total.n}]`]));
  for (const n of sets) {
    const s = bySet.get(n);
    console.log(`${n}: reference date known (given or inferred) for ${s.dated} of ${s.n} articles`);
  }
  // How well the reference date is inferred where the truth is known: the gum and te3 articles
  // checked again without their date (does the window contain dateCreated / the creation time?),
  // and the BBC articles, all from 2004–05 (does the window meet those years?).
  for (const [set, truth] of [['gum', 'dateCreated'], ['te3', 'the DCT']]) {
    const known = articles.filter((a) => a.set === set && a.date);
    if (!known.length) continue;
    const undated = runJsonl(cli, known.map((a) => ({ id: a.id, text: a.text })), { kb });
    let windows = 0, hits = 0;
    for (const a of known) {
      const rd = undated.get(a.id)?.document?.reference_date;
      if (!rd?.from) continue;
      windows++;
      if (rd.from <= a.date && a.date <= rd.to) hits++;
    }
    console.log(`${set} without its date: a window inferred for ${windows} of ${known.length}; it contains ${truth} for ${hits}`);
  }
  if (bySet.has('bbc')) {
    let windows = 0, hits = 0;
    for (const a of articles) {
      if (a.set !== 'bbc') continue;
      const rd = reports.get(a.id)?.document?.reference_date;
      if (!rd?.from) continue;
      windows++;
      if (rd.from <= '2005-12-31' && rd.to >= '2004-01-01') hits++;
    }
    console.log(`bbc (stories from 2004–05): of ${windows} inferred windows, ${hits} meet 2004–05 and ${windows - hits} lie wholly outside`);
  }
  if (inputErrors.length) {
    console.log(`\n${inputErrors.length} article(s) gave an input error:`);
    for (const e of inputErrors) console.log(`  ${e}`);
  }

  console.log(`\n${shown.length} finding(s) at ${opts.show} level or above:`);
  shown.sort((x, y) => x.a.id.localeCompare(y.a.id) || x.f.start16 - y.f.start16);
  for (const { a, r, f } of shown) {
    const rd = r.document?.reference_date;
    const when = a.date ? `date ${a.date}` : rd?.from ? `inferred ${rd.from}..${rd.to}` : 'no date';
    console.log(`\n${a.id} (${when}) ${f.severity} [${f.rule}] "${oneLine(f.text)}"`);
    console.log(`    ${trimmedSentence(a.text, r, f)}`);
    console.log(`    ${oneLine(f.message)}`);
    for (const e of f.evidence || []) console.log(`    = ${oneLine(e.fact)}${e.source ? ` (${oneLine(e.source)})` : ''}`);
    if (f.suggestion) console.log(`    help: ${oneLine(f.suggestion)}`);
  }
  if (opts.json) {
    const dump = shown.map(({ a, r, f }) => ({ id: a.id, set: a.set, date: a.date || null, reference_date: r.document?.reference_date, finding: f, sentence: trimmedSentence(a.text, r, f, 400) }));
    writeFileSync(opts.json, JSON.stringify(dump, null, 1));
    console.log(`\nwritten: ${opts.json}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main();
  } catch (e) {
    console.error(`false_alarms: ${e.message}`);
    process.exitCode = 1;
  }
}
