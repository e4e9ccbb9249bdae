#!/usr/bin/env node
// Recall on injected mistakes (issue 8). Takes the real articles of ../shared/data (the sets of
// false_alarms.mjs), finds title + name mentions of KB office holders ("Prime Minister <name>",
// "US President <name>") and dated KB events mentioned with their year, injects one known
// mistake per copy of an article, checks every copy with the CLI and reports, per kind of
// mistake, how many the checker caught at the injected span (recall) and how many new findings
// the change caused elsewhere (a precision-like figure).
//
//   former       "former" put before the title of a holder in office at the article's date
//                -> FORMER_BUT_IN_OFFICE
//   predecessor  the holder's name replaced by the previous holder's (KB terms of that office)
//                -> TITLE_NOT_HELD or CURRENT_BUT_FORMER (both say "not in that office then")
//   successor    the holder's name replaced by the next holder's -> TITLE_NOT_HELD (or
//                CURRENT_BUT_FORMER when that person had held the office before)
//   event-year   the year written next to a KB event's trigger moved by one -> EVENT_DATE_MISMATCH
//
// Five runs, reported apart:
//   gum, dated    each gum-wikinews article checked at its dateCreated;
//   bbc, dated    each BBC article checked at one day of 2004–05 (the corpus' years) inside the
//                 window the checker inferred for the unmodified article — this measures the rules;
//   bbc, undated  the BBC articles as published: the checker infers the date with the mistake in
//                 place, so a mistake in an article with no other clue reads as a different date
//                 (reported by the number of other clues the article holds);
//   te3, dated    each TempEval-3 wire article checked at the day of its document creation time;
//   te3, undated  the same articles without their date, as bbc undated; but their date is known,
//                 so the mistakes are those at the creation time, and a caught mistake needs the
//                 window inferred for the copy to contain that day (a finding at the span under a
//                 wrong window is counted as "wrong window", not caught).
// "In office" means over the whole reference window of the unmodified article (te3 undated: on its
// creation day). A mention is used only when the unmodified article — checked as in the run — has
// no finding on it. The "all dated" rows sum gum and bbc, as before te3 came (the figure earlier
// sessions report); "all dated + te3" adds te3.
//
//   node scripts/eval.d/injected.mjs [--set gum|bbc|te3[,…]] [--per-article N] [--misses N] [--kb FILE]
//                                  [--scan-only] [--list KIND,...]   (--list: every copy of those kinds, caught or not)
//
// Environment as false_alarms.mjs (FACTLINT_CLI, FACTLINT_SHARED, FACTLINT_ROOT). Exits 0 unless
// the CLI itself breaks; skips with a message when the CLI or the data is absent.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRoot, findCli, sharedDir, loadArticles, runJsonl, oneLine, table, ALL_SETS, parseSets } from './false_alarms.mjs';

// ---------------------------------------------------------------------------------------------
// KB index

const DAY = 86400000;
const toDay = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A name as a pattern: initials may drop their period ("George W Bush"), spaces are any run of
// blanks on one line.
function namePattern(name) {
  return name
    .split(/\s+/)
    .map((t) => (/^[A-Z]\.$/.test(t) ? `${t[0]}\\.?` : esc(t)))
    .join('[ \\t]+');
}

export function indexKb(kb) {
  const people = new Map(kb.people.map((p) => [p.id, p]));
  const offices = new Map(kb.offices.map((o) => [o.id, o]));
  const termsByOffice = new Map();
  const officesOfPerson = new Map();
  for (const t of kb.terms) {
    if (!termsByOffice.has(t.office)) termsByOffice.set(t.office, []);
    termsByOffice.get(t.office).push({ ...t, s: toDay(t.start), e: t.end ? toDay(t.end) : Infinity });
    if (!officesOfPerson.has(t.person)) officesOfPerson.set(t.person, new Set());
    officesOfPerson.get(t.person).add(t.office);
  }
  for (const list of termsByOffice.values()) list.sort((a, b) => a.s - b.s);
  // Full names (name + aliases with at least two words) of people who hold or held an office.
  const names = [];
  for (const p of kb.people) {
    if (!officesOfPerson.has(p.id)) continue;
    for (const n of new Set([p.name, ...(p.aliases || [])])) if (n.trim().split(/\s+/).length >= 2) names.push({ n, id: p.id });
  }
  names.sort((a, b) => b.n.length - a.n.length);
  // Duplicate full names across people would make a mention ambiguous: drop them.
  const count = new Map();
  for (const { n } of names) count.set(n, (count.get(n) || 0) + 1);
  const unique = names.filter(({ n }) => count.get(n) === 1);
  const nameRe = new RegExp(`(?:${unique.map(({ n }) => namePattern(n)).join('|')})(?![\\p{L}\\p{N}])`, 'uy');
  const nameOf = (matched) => {
    const norm = matched.replace(/\s+/g, ' ').replace(/\./g, '');
    for (const { n, id } of unique) if (n.replace(/\./g, '') === norm) return id;
    return null;
  };
  const titles = new Map();  // title -> [office ids]
  for (const o of kb.offices) for (const t of o.titles) {
    if (!titles.has(t)) titles.set(t, []);
    titles.get(t).push(o.id);
  }
  const titleRe = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${[...titles.keys()].sort((a, b) => b.length - a.length).map(esc).join('|')})(?=[ \\t])`, 'gu');
  // Every event trigger's pattern, compiled once, with the words an article must hold for it to
  // match (scanEventYears tries only those: compiling and running ~18,000 patterns per article
  // took most of this script's time).
  const eventTriggers = [];
  for (const ev of kb.events) {
    for (const trig of ev.triggers) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc(trig)}(?![\\p{L}\\p{N}])`, 'giu');
      eventTriggers.push({ ev, trig, re, words: wordsOf(trig) });
    }
  }
  return { kb, people, offices, termsByOffice, officesOfPerson, nameRe, nameOf, titles, titleRe, eventTriggers };
}

// The lower-cased runs of letters and digits of a text. A trigger matched case-insensitively on
// word bounds has each of its runs as a run of the text, so a trigger with a run the text lacks
// cannot match (runs with characters whose lower case is not their case folding, such as the long
// s, are left out of the test rather than risk a missed match).
const RISKY = /[\u017f\u0130\u0131\u1e9e\u212a\u212b\u03a3\u03c2\u03c3]/u;
function wordsOf(s) {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !RISKY.test(w));
}

// Title + full-name mentions: [{start, end, nameStart, nameEnd, insertAt, title, person, office}].
// `insertAt` is where "former" goes: before a jurisdiction word right before the title
// ("US President ...", "Britain's Prime Minister ..." keeps "Britain's" and goes before the title).
export function scanMentions(ix, text) {
  const out = [];
  ix.titleRe.lastIndex = 0;
  for (let m; (m = ix.titleRe.exec(text)); ) {
    const title = m[0];
    let p = m.index + title.length;
    while (text[p] === ' ' || text[p] === '\t') p++;
    ix.nameRe.lastIndex = p;
    const nm = ix.nameRe.exec(text);
    if (!nm) continue;
    const person = ix.nameOf(nm[0]);
    if (!person) continue;
    let offices = ix.titles.get(title).filter((o) => ix.officesOfPerson.get(person)?.has(o));
    if (!offices.length) continue;
    // A jurisdiction word just before the title ties it to one office.
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    let insertAt = m.index;
    let juris = null;
    for (const o of offices) {
      for (const j of ix.offices.get(o).jurisdiction) {
        const jm = new RegExp(`(?<![\\p{L}\\p{N}])${esc(j)}[ \\t]+$`, 'u').exec(before);
        if (jm && (!juris || jm[0].length > juris.len)) juris = { office: o, len: jm[0].length };
      }
    }
    if (juris) {
      offices = [juris.office];
      insertAt = m.index - juris.len;
    }
    if (offices.length !== 1) continue;  // ambiguous without more context: not used
    out.push({ start: insertAt, end: nm.index + nm[0].length, titleStart: m.index, nameStart: nm.index, nameEnd: nm.index + nm[0].length, title, person, office: offices[0] });
    ix.titleRe.lastIndex = nm.index + nm[0].length;
  }
  return out;
}

function termAt(ix, office, person, from, to) {
  return (ix.termsByOffice.get(office) || []).find((t) => t.person === person && t.s <= from && to < t.e);
}

function neighbour(ix, office, term, dir) {
  const list = ix.termsByOffice.get(office);
  let i = list.indexOf(term) + dir;
  while (i >= 0 && i < list.length && list[i].person === term.person) i += dir;
  return i >= 0 && i < list.length ? list[i] : null;
}

const overlaps = (f, s, e) => f.start16 < e && s < f.end16;
const PRE_MODIFIER = /(?<![\p{L}])(?:former|ex|then|late|acting|interim|caretaker|outgoing|incoming|future|once|past|deputy|vice)[ \t-]*$/iu;

// Event mentions with their year written nearby, in the same sentence of the baseline report.
export function scanEventYears(ix, text, report) {
  const out = [];
  const risky = RISKY.test(text);  // then every trigger is tried
  const have = new Set(wordsOf(text));
  for (const { ev, re, words } of ix.eventTriggers) {
    if (!risky && !words.every((w) => have.has(w))) continue;
    const year = Number(ev.date.slice(0, 4));
    if (ev.end && Number(ev.end.slice(0, 4)) !== year) continue;  // spans years: a shifted year may still be inside
    const otherYears = new Set((ev.other_dates || []).map((d) => Number(d.date.slice(0, 4))));
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      const ts = m.index;
      const te = ts + m[0].length;
      const sent = (report.sentences || []).find((s) => s.start16 <= ts && te <= s.end16);
      if (!sent) continue;
      const yre = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;
      yre.lastIndex = sent.start16;
      for (let y; (y = yre.exec(text)) && y.index < sent.end16; ) {
        if (Number(y[1]) !== year) continue;
        if (y.index >= ts && y.index < te) continue;  // the year is part of the trigger itself
        if (Math.min(Math.abs(y.index - te), Math.abs(ts - (y.index + 4))) > 80) continue;
        const shifted = otherYears.has(year + 1) ? year - 1 : year + 1;
        if (otherYears.has(shifted)) continue;
        out.push({ event: ev.id, trigger: m[0], ts, te, ys: y.index, ye: y.index + 4, year, shifted });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { sets: ALL_SETS, perArticle: 1, misses: 15, kb: null, scanOnly: false, kinds: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--set') o.sets = parseSets(argv[++i]);
    else if (a === '--per-article') o.perArticle = Number(argv[++i]);
    else if (a === '--misses') o.misses = Number(argv[++i]);
    else if (a === '--kb') o.kb = argv[++i];
    else if (a === '--scan-only') o.scanOnly = true;
    else if (a === '--list') o.kinds = argv[++i].split(',');
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

export const EXPECTED = {
  former: ['FORMER_BUT_IN_OFFICE'],
  predecessor: ['TITLE_NOT_HELD', 'CURRENT_BUT_FORMER'],
  successor: ['TITLE_NOT_HELD'],  // or CURRENT_BUT_FORMER when the successor had held it before
  'event-year': ['EVENT_DATE_MISMATCH'],
};

function isSentenceStart(text, at) {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(?:^|[.!?]["'’”)]?[ \t]+|\n[ \t]*)$/.test(before);
}

// The BBC articles are from 2004–2005 (the corpus' README); a checked date for the "dated" runs
// is the middle of the baseline's inferred window clipped to those two years.
const BBC_YEARS = [toDay('2004-01-01'), toDay('2005-12-31')];
const fromDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);

const MODES = {
  'gum, dated': 'gum-wikinews, each checked at its dateCreated',
  'bbc, dated': 'BBC, checked at a day of 2004–05 inside the window the checker inferred for the original',
  'bbc, undated': 'BBC as published (no date): the checker infers the date with the mistake in place',
  'te3, dated': 'TempEval-3 wire articles, each checked at the day of its creation time',
  'te3, undated': 'TempEval-3 without the date: inferred with the mistake in place; caught only if the window holds the creation day',
};
// The runs whose copies are checked without a date.
const isUndated = (mode) => mode.endsWith('undated');
// The dated runs that "all dated" sums (the figure of the sessions before te3).
const FIRST_DATED = ['gum, dated', 'bbc, dated'];

// Builds the injected copies of one article for one mode.
export function inject(ix, a, rep, window, mode, perArticle, skipped) {
  const out = [];
  const findings = rep.findings || [];
  const perKind = { former: 0, predecessor: 0, successor: 0, 'event-year': 0 };
  let clues = null;
  const add = (kind, edit, span, info, expected = EXPECTED[kind]) => {
    if (perKind[kind] >= perArticle) return;
    perKind[kind]++;
    const text = a.text.slice(0, edit.at) + edit.insert + a.text.slice(edit.at + edit.remove);
    out.push({ mode, kind, a, text, edit, span, info, expected, clues, id: `${mode}|${a.id}#${kind}#${perKind[kind]}` });
  };
  const mentions = scanMentions(ix, a.text);
  for (const m of mentions) {
    if (findings.some((f) => overlaps(f, m.start, m.end))) { skipped.flagged++; continue; }
    if (!window) { skipped.undated++; continue; }
    const term = termAt(ix, m.office, m.person, window[0], window[1]);
    if (!term) { skipped.notSitting++; continue; }
    if (PRE_MODIFIER.test(a.text.slice(Math.max(0, m.start - 12), m.start))) { skipped.premodified++; continue; }
    const who = ix.people.get(m.person).name;
    // Other people the article names with a title they held over the whole window: the clues
    // left to date an undated article once this mention is changed.
    clues = new Set(mentions.filter((o) => o.person !== m.person && termAt(ix, o.office, o.person, window[0], window[1])).map((o) => o.person)).size;
    // former: at the start of a sentence "Former" takes the capital; the title keeps its own.
    const word = isSentenceStart(a.text, m.start) ? 'Former ' : 'former ';
    add('former', { at: m.start, remove: 0, insert: word }, [m.start, m.end + word.length], `${word}${oneLine(a.text.slice(m.start, m.end))}`);
    for (const [kind, dir] of [['predecessor', -1], ['successor', 1]]) {
      const nb = neighbour(ix, m.office, term, dir);
      if (!nb || nb.person === m.person) { skipped.noNeighbour++; continue; }
      const name = ix.people.get(nb.person).name;
      const edit = { at: m.nameStart, remove: m.nameEnd - m.nameStart, insert: name };
      // A successor who had held the office before (a second, non-consecutive term) had left it:
      // CURRENT_BUT_FORMER is then as right as TITLE_NOT_HELD.
      const heldBefore = (ix.termsByOffice.get(m.office) || []).some((t) => t.person === nb.person && t.e <= window[0]);
      add(kind, edit, [m.start, m.nameStart + name.length], `${a.text.slice(m.start, m.nameStart).replace(/\s+/g, ' ')}${name} (was ${who})`,
        heldBefore ? ['TITLE_NOT_HELD', 'CURRENT_BUT_FORMER'] : EXPECTED[kind]);
    }
  }
  for (const e of scanEventYears(ix, a.text, rep)) {
    const lo = Math.min(e.ts, e.ys);
    const hi = Math.max(e.te, e.ye);
    if (findings.some((f) => overlaps(f, lo, hi))) { skipped.flagged++; continue; }
    clues = null;
    add('event-year', { at: e.ys, remove: 4, insert: String(e.shifted) }, [lo, hi], `${e.trigger} … ${e.year} -> ${e.shifted} (${e.event})`);
  }
  return out;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = findRoot();
  const kbPath = resolve(opts.kb || join(root, 'kb/world.json'));
  if (!existsSync(kbPath)) {
    console.log(`injected: ${kbPath} not found — skipped.`);
    return 0;
  }
  const ix = indexKb(JSON.parse(readFileSync(kbPath, 'utf8')));
  const { articles: all, missing } = loadArticles(sharedDir(root), opts.sets);
  for (const m of missing) console.log(`injected: ${m} not found — that set is skipped (it is not part of the project).`);
  if (!all.length) return 0;
  // The BBC set holds ~100 exact duplicates (te3 one): count each text once.
  const seen = new Set();
  const articles = all.filter((a) => !seen.has(a.text) && seen.add(a.text));

  if (opts.scanOnly) {
    const byOffice = new Map();
    let n = 0;
    for (const a of articles) {
      const ms = scanMentions(ix, a.text);
      if (ms.length) n++;
      for (const m of ms) byOffice.set(m.office, (byOffice.get(m.office) || 0) + 1);
    }
    console.log(`${n} of ${articles.length} articles have title + name mentions of KB office holders`);
    console.log(table([...byOffice].sort((x, y) => y[1] - x[1]), ['office', 'mentions']));
    return 0;
  }

  const cli = findCli(root);
  if (!cli) {
    console.log('injected: no CLI (build/eval/factlint, build/native/factlint or $FACTLINT_CLI) — skipped.');
    return 0;
  }
  // Baselines: each article as published (gum with its date, BBC undated), then the BBC articles
  // whose inferred window meets 2004–05 at a day of that window.
  const baseline = runJsonl(cli, articles, { kb: kbPath });
  const datedBbc = [];
  for (const a of articles) {
    if (a.set !== 'bbc') continue;
    const rd = baseline.get(a.id)?.document?.reference_date;
    if (!rd?.from || !rd?.to) continue;
    const lo = Math.max(toDay(rd.from), BBC_YEARS[0]);
    const hi = Math.min(toDay(rd.to), BBC_YEARS[1]);
    if (lo <= hi) datedBbc.push({ ...a, date: fromDay(Math.floor((lo + hi) / 2)) });
  }
  const baselineDated = runJsonl(cli, datedBbc, { kb: kbPath });
  // te3 undated: the baseline is the article checked without its date (its findings decide which
  // mentions are clean, as for bbc undated).
  const te3 = articles.filter((a) => a.set === 'te3' && a.date);
  const baselineTe3Undated = runJsonl(cli, te3.map((a) => ({ id: a.id, text: a.text })), { kb: kbPath });

  const injections = [];
  const skipped = {};
  for (const mode of Object.keys(MODES)) skipped[mode] = { undated: 0, flagged: 0, notSitting: 0, noNeighbour: 0, premodified: 0 };
  const baseOf = (j) => (j.mode === 'bbc, dated' ? baselineDated : j.mode === 'te3, undated' ? baselineTe3Undated : baseline).get(j.a.id);
  for (const a of articles) {
    const rep = baseline.get(a.id);
    if (!rep || rep.error) continue;
    if (a.set === 'gum' || a.set === 'te3') {
      const w = a.date ? [toDay(a.date), toDay(a.date)] : null;
      injections.push(...inject(ix, a, rep, w, `${a.set}, dated`, opts.perArticle, skipped[`${a.set}, dated`]));
      const urep = a.set === 'te3' ? baselineTe3Undated.get(a.id) : null;
      if (urep && !urep.error) injections.push(...inject(ix, a, urep, w, 'te3, undated', opts.perArticle, skipped['te3, undated']));
    } else {
      const rd = rep.document?.reference_date;
      const w = rd?.from && rd?.to ? [toDay(rd.from), toDay(rd.to)] : null;
      injections.push(...inject(ix, a, rep, w, 'bbc, undated', opts.perArticle, skipped['bbc, undated']));
    }
  }
  for (const a of datedBbc) {
    const rep = baselineDated.get(a.id);
    if (!rep || rep.error) continue;
    injections.push(...inject(ix, a, rep, [toDay(a.date), toDay(a.date)], 'bbc, dated', opts.perArticle, skipped['bbc, dated']));
  }

  const reports = runJsonl(cli, injections.map((j) => ({ id: j.id, text: j.text, date: isUndated(j.mode) ? undefined : j.a.date })), { kb: kbPath });

  const stats = new Map();
  const statOf = (mode, kind) => {
    const key = `${mode}\t${kind}`;
    if (!stats.has(key)) stats.set(key, { mode, kind, n: 0, hit: 0, anyAt: 0, related: 0, elsewhere: 0, wrongWindow: 0, rules: new Map(), misses: [] });
    return stats.get(key);
  };
  const byClues = new Map();  // undated title injections: mode -> clues left -> {n, hit}
  for (const j of injections) {
    const s = statOf(j.mode, j.kind);
    s.n++;
    const r = reports.get(j.id);
    if (!r || r.error) { s.misses.push({ j, why: `input error ${JSON.stringify(r?.error)}` }); continue; }
    const [lo, hi] = j.span;
    const at = (r.findings || []).filter((f) => overlaps(f, lo, hi));
    const rd = r.document?.reference_date;
    let hit = at.find((f) => j.expected.includes(f.rule));
    // te3 undated: the mistake is one at the creation day; a finding under a window that misses
    // that day judged another date, and is right only by chance.
    const wrongWindow = hit && j.mode === 'te3, undated' && !(rd?.from && rd?.to && rd.from <= j.a.date && j.a.date <= rd.to);
    if (wrongWindow) { s.wrongWindow++; hit = undefined; }
    if (hit) { s.hit++; s.rules.set(hit.rule, (s.rules.get(hit.rule) || 0) + 1); }
    if (isUndated(j.mode) && j.clues !== null) {
      const b = j.clues >= 3 ? '3 or more' : String(j.clues);
      if (!byClues.has(j.mode)) byClues.set(j.mode, new Map());
      const c = byClues.get(j.mode).get(b) || { n: 0, hit: 0 };
      c.n++;
      if (hit) c.hit++;
      byClues.get(j.mode).set(b, c);
    }
    if (at.length) s.anyAt++;
    if (hit && opts.kinds?.includes(j.kind)) s.misses.push({ j, why: `caught: ${hit.rule}` });
    if (!hit) s.misses.push({ j, why: wrongWindow ? `${at.map((f) => f.rule).join(', ')} at span, but under the window ${rd?.from ?? '?'}..${rd?.to ?? '?'} (${rd?.source ?? '?'}), not holding ${j.a.date}` : at.length ? `other finding at span: ${at.map((f) => f.rule).join(', ')}` : `no finding at span (checked at ${rd?.from ?? '?'}..${rd?.to ?? '?'}, ${rd?.source ?? '?'})` });
    // New findings elsewhere: not at the span and not in the baseline (offsets shifted by the edit).
    const delta = j.edit.insert.length - j.edit.remove;
    const base = new Set((baseOf(j).findings || []).map((f) => `${f.rule}@${f.start16 >= j.edit.at + j.edit.remove ? f.start16 + delta : f.start16}`));
    const fresh = (r.findings || []).filter((f) => !overlaps(f, lo, hi) && !base.has(`${f.rule}@${f.start16}`));
    // "former" here and a sitting title there is exactly what INCONSISTENT_DESCRIPTION reports:
    // a right finding about the injected mistake, counted apart.
    const related = fresh.filter((f) => f.rule === 'INCONSISTENT_DESCRIPTION');
    const extra = fresh.filter((f) => f.rule !== 'INCONSISTENT_DESCRIPTION');
    s.related += related.length;
    s.elsewhere += extra.length;
    for (const f of extra) s.rules.set(`(elsewhere) ${f.rule}`, (s.rules.get(`(elsewhere) ${f.rule}`) || 0) + 1);
  }

  console.log(`CLI ${cli}\nKB  ${kbPath}\n${articles.length} distinct articles; ${injections.length} injected copies (at most ${opts.perArticle} per article, kind and mode)`);
  for (const [mode, what] of Object.entries(MODES)) {
    const k = skipped[mode];
    console.log(`  ${mode}: ${what}\n    mentions not used: ${k.flagged} flagged in the original, ${k.undated} no reference date, ${k.notSitting} holder not in office over the window, ${k.premodified} already qualified (former/then/acting…), ${k.noNeighbour} no predecessor/successor in the KB`);
  }
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  const rows = [];
  const sum = (filter) => {
    const t = { n: 0, hit: 0, anyAt: 0, related: 0, elsewhere: 0, wrongWindow: 0 };
    for (const s of stats.values()) if (filter(s)) for (const k of Object.keys(t)) t[k] += s[k];
    return t;
  };
  const row = (label, kind, t) => [label, kind, kind === '' ? '' : (EXPECTED[kind] || []).join('|'), t.n, t.hit, pct(t.hit, t.n), t.anyAt, t.related, t.elsewhere, pct(t.hit, t.hit + t.elsewhere)];
  for (const mode of Object.keys(MODES)) {
    for (const kind of Object.keys(EXPECTED)) {
      const s = stats.get(`${mode}\t${kind}`);
      if (s) rows.push(row(mode, kind, s));
    }
    rows.push(row(mode, 'all', sum((s) => s.mode === mode)));
  }
  for (const kind of Object.keys(EXPECTED)) rows.push(row('all dated', kind, sum((s) => s.kind === kind && FIRST_DATED.includes(s.mode))));
  rows.push(row('all dated', 'all', sum((s) => FIRST_DATED.includes(s.mode))));
  if ([...stats.values()].some((s) => s.mode === 'te3, dated')) {
    for (const kind of Object.keys(EXPECTED)) rows.push(row('all dated + te3', kind, sum((s) => s.kind === kind && !isUndated(s.mode))));
    rows.push(row('all dated + te3', 'all', sum((s) => !isUndated(s.mode))));
  }
  console.log();
  console.log(table(rows, ['run', 'mistake', 'expected rule', 'injected', 'caught', 'recall', 'any at span', 'related', 'new elsewhere', 'precision-ish']));
  console.log('\ncaught = a finding of the expected rule overlapping the injected span; related = INCONSISTENT_DESCRIPTION');
  console.log('elsewhere (the injected "former" contradicts a sitting title: right); new elsewhere = other findings of the');
  console.log('injected copy that are neither at the span nor in the original; precision-ish = caught / (caught + new elsewhere)');
  const ww = sum((s) => s.mode === 'te3, undated').wrongWindow;
  if (ww) console.log(`te3, undated: ${ww} more had the expected rule at the span under a window that misses the creation day (not counted as caught)`);
  for (const [mode, clues] of byClues) {
    console.log(`\n${mode}, title mistakes, by the number of other people the article names with a title they held then`);
    console.log('(the clues left to date the article once the mention is changed):');
    console.log(table([...clues].sort().map(([b, c]) => [b, c.n, c.hit, pct(c.hit, c.n)]), ['other clues', 'injected', 'caught', 'recall']));
  }
  for (const s of stats.values()) {
    if (s.rules.size) console.log(`${s.mode} / ${s.kind}: ${[...s.rules].map(([r, c]) => `${r} ${c}`).join(', ')}`);
  }
  for (const s of stats.values()) {
    if (!s.misses.length) continue;
    console.log(`\n${s.mode} / ${s.kind}: ${s.n - s.hit} missed${opts.kinds?.includes(s.kind) ? ` (all ${s.n} listed)` : ''}${s.misses.length > opts.misses ? ` (first ${opts.misses})` : ''}:`);
    for (const { j, why } of s.misses.slice(0, opts.misses)) {
      const [lo, hi] = j.span;
      const ctx = `${oneLine(j.text.slice(Math.max(0, lo - 60), lo))} [[${oneLine(j.text.slice(lo, hi))}]]${oneLine(j.text.slice(hi, hi + 60))}`;
      console.log(`  ${j.a.id}${j.a.date ? ` (${isUndated(j.mode) ? 'true date' : 'date'} ${j.a.date})` : ''}: ${j.info} — ${why}\n      …${ctx}…`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main();
  } catch (e) {
    console.error(`injected: ${e.stack || e.message}`);
    process.exitCode = 1;
  }
}
