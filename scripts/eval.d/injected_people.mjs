#!/usr/bin/env node
// Recall on injected claims about people (issue 14). The real articles of ../shared/data seldom
// state an age, a lawmaker's tag, a tenure year or an ordinal of someone the KB dates, so this
// does not only change such claims where they are: it writes one next to a full-name mention of a
// KB person, in the article's own context, wrong by a known amount — and, as a control, the same
// claim with the right value (which must not fire). One copy per article, kind and variant.
//
//   age       ", N," after the name, N = the age at the checked date + 3      -> AGE_MISMATCH
//   late      "the late " before the name of someone the KB shows alive later  -> DEATH_MISMATCH
//   party     " (X-St.)" after the name, the party letter of the term in force
//             swapped (D<->R, I->D)                                            -> PARTY_MISMATCH
//   state     " (X-St.)" with another state                                    -> PARTY_MISMATCH
//   tenure    ", who took office in Y," Y = the start year of the run in force - 2
//                                                                              -> TENURE_MISMATCH
//   ordinal   ", the Nth <title>," N = the term's ordinal + 1                   -> ORDINAL_MISMATCH
//   term      ", now in their Nth term," N = k - 1 where the runs of terms in force are the k-th
//             or later of every office held (k >= 2; runs less than 90 days apart merged, acting
//             terms left out)                                                -> TENURE_MISMATCH
//   term-start ", who began their second term as <title> in Y," Y = the year the person's first
//             run in that office began                                       -> TENURE_MISMATCH
//   dead-title "<title> " before the name of someone who had died by the date, in an office they
//             left less than 20 years before it                                -> DEATH_MISMATCH
// The controls write the right age, tag, year and ordinal, "in their kth term" and "began their
// first term" ("late" and "dead-title": none — neither is ever right for them).
//
// Runs: gum-wikinews at each document's dateCreated; BBC at a day of 2004-05 inside the window the
// checker infers for the original (as injected.mjs); te3 (TempEval-3 wire articles) at the day of
// each one's creation time, as gum — the claims are written at a known date, so te3 fits as it is;
// there is no undated run here (the claims are judged against the date they were written for). A mention is used when the original has no
// finding on it and the name is not already followed by a comma, parenthesis or dash.
//
//   node scripts/eval.d/injected_people.mjs [--set gum|bbc|te3[,…]] [--misses N] [--kb FILE]
//
// Environment as false_alarms.mjs. Exits 0 unless the CLI itself breaks; skips with a message
// when the CLI or the data is absent.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRoot, findCli, sharedDir, loadArticles, runJsonl, oneLine, table, ALL_SETS, parseSets } from './false_alarms.mjs';
import { indexKb } from './injected.mjs';

const DAY = 86400000;
const toDay = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const BBC_YEARS = [toDay('2004-01-01'), toDay('2005-12-31')];
const overlaps = (f, s, e) => f.start16 < e && s < f.end16;

const AP = {
  AL: 'Ala.', AK: 'Alaska', AZ: 'Ariz.', AR: 'Ark.', CA: 'Calif.', CO: 'Colo.', CT: 'Conn.', DE: 'Del.', FL: 'Fla.',
  GA: 'Ga.', HI: 'Hawaii', ID: 'Idaho', IL: 'Ill.', IN: 'Ind.', IA: 'Iowa', KS: 'Kan.', KY: 'Ky.', LA: 'La.',
  ME: 'Maine', MD: 'Md.', MA: 'Mass.', MI: 'Mich.', MN: 'Minn.', MS: 'Miss.', MO: 'Mo.', MT: 'Mont.', NE: 'Neb.',
  NV: 'Nev.', NH: 'N.H.', NJ: 'N.J.', NM: 'N.M.', NY: 'N.Y.', NC: 'N.C.', ND: 'N.D.', OH: 'Ohio', OK: 'Okla.',
  OR: 'Ore.', PA: 'Pa.', RI: 'R.I.', SC: 'S.C.', SD: 'S.D.', TN: 'Tenn.', TX: 'Texas', UT: 'Utah', VT: 'Vt.',
  VA: 'Va.', WA: 'Wash.', WV: 'W.Va.', WI: 'Wis.', WY: 'Wyo.',
};
const LETTER = { Democratic: 'D', Republican: 'R', Independent: 'I' };
const ordinal = (n) => {
  const m100 = n % 100, m10 = n % 10;
  return `${n}${m100 >= 11 && m100 <= 13 ? 'th' : m10 === 1 ? 'st' : m10 === 2 ? 'nd' : m10 === 3 ? 'rd' : 'th'}`;
};

const EXPECTED = {
  age: 'AGE_MISMATCH', late: 'DEATH_MISMATCH', party: 'PARTY_MISMATCH', state: 'PARTY_MISMATCH',
  tenure: 'TENURE_MISMATCH', ordinal: 'ORDINAL_MISMATCH', term: 'TENURE_MISMATCH', 'term-start': 'TENURE_MISMATCH',
  'dead-title': 'DEATH_MISMATCH',
};

// The person's runs of full terms in one office, as the checker counts them (TENURE_MISMATCH's
// merge_gap_days: 90): [{s, e}] by start.
function runsOf(terms, office) {
  const runs = [];
  for (const t of terms) {
    if (t.office !== office || t.acting) continue;
    if (runs.length && t.s <= runs[runs.length - 1].e + 90) runs[runs.length - 1].e = Math.max(runs[runs.length - 1].e, t.e);
    else runs.push({ s: t.s, e: t.e });
  }
  return runs;
}

function ageOn(born, day) {
  const [by, bm, bd] = born.split('-').map(Number);
  const [y, m, d] = fromDay(day).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function peopleIndex(kb) {
  const ix = indexKb(kb);
  const termsOf = new Map();
  for (const t of kb.terms) {
    if (!termsOf.has(t.person)) termsOf.set(t.person, []);
    termsOf.get(t.person).push({ ...t, s: toDay(t.start), e: t.end ? toDay(t.end) : toDay(kb.as_of) + 1 });
  }
  for (const l of termsOf.values()) l.sort((a, b) => a.s - b.s);
  return { ...ix, termsOf };
}

// Full-name mentions: [{start, end, person}].
// The name pattern is tried only where a capitalised word starts (a global search with thousands
// of alternatives at every position is far too slow).
function scanNames(ix, text) {
  const out = [];
  const cap = /(?<![\p{L}\p{N}.])\p{Lu}/gu;
  for (let c; (c = cap.exec(text)); ) {
    ix.nameRe.lastIndex = c.index;
    const m = ix.nameRe.exec(text);
    if (!m) continue;
    const person = ix.nameOf(m[0]);
    if (person) out.push({ start: m.index, end: m.index + m[0].length, person });
    cap.lastIndex = m.index + m[0].length;
  }
  return out;
}

function inject(ix, a, rep, day) {
  const out = [];
  const findings = rep.findings || [];
  const done = new Set();
  const add = (kind, control, at, remove, insert, span, info) => {
    const key = `${kind}${control ? '+' : ''}`;
    if (done.has(key)) return;
    done.add(key);
    const text = a.text.slice(0, at) + insert + a.text.slice(at + remove);
    out.push({ kind, control, a, day, text, span, info, id: `${a.id}#${key}` });
  };
  for (const m of scanNames(ix, a.text)) {
    if (findings.some((f) => overlaps(f, m.start, m.end))) continue;
    const after = a.text.slice(m.end, m.end + 2);
    if (/^[ \t]?[,(\-–—'’]/.test(after)) continue;
    const person = ix.people.get(m.person);
    const terms = ix.termsOf.get(m.person) || [];
    const inForce = terms.filter((t) => t.s <= day && day < t.e && !t.acting);
    // age
    // (Not for someone who would be over 105: the KB lacks many deaths, and the checker reads ages up to 115;
    // not for someone dead by the article's day: an age then is the age at death, not ageOn(born, day).)
    const deadBy = person.died && toDay(`${person.died}-01-01`.slice(0, 10)) <= day;  // a year or month: its first day
    if (person.born && (person.born_precision || 'day') === 'day' && !deadBy && toDay(person.born) < day && ageOn(person.born, day) <= 105) {
      const age = ageOn(person.born, day);
      const wrong = age + 3;
      add('age', false, m.end, 0, `, ${wrong},`, [m.start, m.end + `, ${wrong}`.length], `${person.name}, ${wrong} (is ${age})`);
      add('age', true, m.end, 0, `, ${age},`, [m.start, m.end + `, ${age}`.length], `${person.name}, ${age}`);
    }
    // late: only where nothing capitalised stands right before the name (a title would split it).
    if (!person.died && terms.some((t) => t.e > day) && !/[\p{Lu}][\p{L}.]*[ \t]+$/u.test(a.text.slice(Math.max(0, m.start - 30), m.start))) {
      const startOfSentence = m.start === 0 || /(?:^|[.!?]["'’”)]?[ \t]+|\n[ \t]*)$/.test(a.text.slice(Math.max(0, m.start - 4), m.start));
      const the = /(?<![\p{L}])the[ \t]+$/iu.test(a.text.slice(Math.max(0, m.start - 5), m.start));
      if (!the) {
        const word = startOfSentence ? 'The late ' : 'the late ';
        add('late', false, m.start, 0, word, [m.start, m.end + word.length], `${word}${person.name}`);
      }
    }
    // party / state
    const lt = inForce.find((t) => LETTER[t.party] && AP[t.state]);
    if (lt) {
      const letter = LETTER[lt.party];
      const swapped = letter === 'D' ? 'R' : 'D';
      const states = Object.keys(AP);
      const other = states[(states.indexOf(lt.state) + 7) % states.length];
      const right = ` (${letter}-${AP[lt.state]})`;
      const wrongParty = ` (${swapped}-${AP[lt.state]})`;
      const wrongState = ` (${letter}-${AP[other]})`;
      add('party', false, m.end, 0, wrongParty, [m.start, m.end + wrongParty.length], `${person.name}${wrongParty}`);
      add('party', true, m.end, 0, right, [m.start, m.end + right.length], `${person.name}${right}`);
      add('state', false, m.end, 0, wrongState, [m.start, m.end + wrongState.length], `${person.name}${wrongState}`);
    }
    // tenure: the start of the run (touching terms of one office) in force.
    const t0 = inForce[0];
    if (t0) {
      let s = t0.s;
      for (let k = terms.length - 1; k >= 0; k--) {
        const t = terms[k];
        if (t.office === t0.office && t.e >= s && t.s < s) s = t.s;
      }
      const year = Number(fromDay(s).slice(0, 4));
      const wrong = `, who took office in ${year - 2},`;
      const right = `, who took office in ${year},`;
      add('tenure', false, m.end, 0, wrong, [m.start, m.end + wrong.length - 1], `${person.name}${wrong} (run from ${fromDay(s)})`);
      add('tenure', true, m.end, 0, right, [m.start, m.end + right.length - 1], `${person.name}${right}`);
    }
    // term: the run in force is the k-th (k >= 2) of every office held at the date (with an
    // office in its first run, "their first term" may rightly speak of that one).
    const ks = [...new Set(inForce.map((t) => t.office))].map((o) => runsOf(terms, o).findIndex((r) => r.s <= day && day < r.e) + 1);
    const k = ks.length ? Math.min(...ks) : 0;
    if (k >= 2) {
      const wrong = `, now in their ${ordinal(k - 1)} term,`;
      const right = `, now in their ${ordinal(k)} term,`;
      add('term', false, m.end, 0, wrong, [m.start, m.end + wrong.length - 1], `${person.name}${wrong} (run ${k} of each office held)`);
      add('term', true, m.end, 0, right, [m.start, m.end + right.length - 1], `${person.name}${right}`);
    }
    // term-start: "began their second term" in the year the first run of an office began.
    const held = terms.find((t) => !t.acting && t.s <= day && ix.offices.get(t.office)?.titles?.length);
    if (held) {
      const year = Number(fromDay(runsOf(terms, held.office)[0].s).slice(0, 4));
      const title = ix.offices.get(held.office).titles[0].toLowerCase();
      const wrong = `, who began their second term as ${title} in ${year},`;
      const right = `, who began their first term as ${title} in ${year},`;
      add('term-start', false, m.end, 0, wrong, [m.start, m.end + wrong.length - 1], `${person.name}${wrong}`);
      add('term-start', true, m.end, 0, right, [m.start, m.end + right.length - 1], `${person.name}${right}`);
    }
    // dead-title: a sitting title before the name of someone dead by the date (nothing
    // capitalised right before the name).
    if (person.died && (person.died_precision || 'day') === 'day' && toDay(person.died) < day &&
        !/[\p{Lu}][\p{L}.]*[ \t]+$/u.test(a.text.slice(Math.max(0, m.start - 30), m.start)) &&
        !/(?<![\p{L}])(?:the|late|former)[ \t]+$/iu.test(a.text.slice(Math.max(0, m.start - 8), m.start))) {
      const left = terms.filter((t) => t.e <= day && day - t.e < 20 * 365 && !t.acting && ix.offices.get(t.office)?.titles?.length &&
        ix.offices.get(t.office).role !== 'monarch')
        .sort((x, y) => y.e - x.e)[0];
      if (left) {
        const office = ix.offices.get(left.office);
        const jur = office.jurisdiction?.[0] ? `${office.jurisdiction[0]} ` : '';
        const word = `${jur}${office.titles[0]} `;
        add('dead-title', false, m.start, 0, word, [m.start, m.end + word.length], `${word}${person.name} (died ${person.died})`);
      }
    }
    // ordinal
    const ot = terms.find((t) => t.ordinal && t.s <= day);
    if (ot) {
      const title = ix.offices.get(ot.office).titles[0].toLowerCase();
      const jur = ot.office.startsWith('us-') ? ' of the United States' : '';
      const wrong = `, the ${ordinal(ot.ordinal + 1)} ${title}${jur},`;
      const right = `, the ${ordinal(ot.ordinal)} ${title}${jur},`;
      add('ordinal', false, m.end, 0, wrong, [m.start, m.end + wrong.length - 1], `${person.name}${wrong}`);
      add('ordinal', true, m.end, 0, right, [m.start, m.end + right.length - 1], `${person.name}${right}`);
    }
  }
  return out;
}

function main() {
  const argv = process.argv.slice(2);
  const opts = { sets: ALL_SETS, misses: 8, kb: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--set') opts.sets = parseSets(argv[++i]);
    else if (argv[i] === '--misses') opts.misses = Number(argv[++i]);
    else if (argv[i] === '--kb') opts.kb = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const root = findRoot();
  const kbPath = resolve(opts.kb || join(root, 'kb/world.json'));
  if (!existsSync(kbPath)) {
    console.log(`injected_people: ${kbPath} not found — skipped.`);
    return 0;
  }
  const ix = peopleIndex(JSON.parse(readFileSync(kbPath, 'utf8')));
  const { articles: all, missing } = loadArticles(sharedDir(root), opts.sets);
  for (const m of missing) console.log(`injected_people: ${m} not found — that set is skipped.`);
  if (!all.length) return 0;
  const cli = findCli(root);
  if (!cli) {
    console.log('injected_people: no CLI — skipped.');
    return 0;
  }
  const seen = new Set();
  const articles = all.filter((a) => !seen.has(a.text) && seen.add(a.text));
  // Dates: gum at its dateCreated, te3 at its creation day; BBC at the middle of its inferred
  // window within 2004-05.
  const baseline = runJsonl(cli, articles, { kb: kbPath });
  const dated = [];
  for (const a of articles) {
    if (a.set === 'gum' || a.set === 'te3') {
      if (a.date) dated.push(a);
      continue;
    }
    const rd = baseline.get(a.id)?.document?.reference_date;
    if (!rd?.from || !rd?.to) continue;
    const lo = Math.max(toDay(rd.from), BBC_YEARS[0]);
    const hi = Math.min(toDay(rd.to), BBC_YEARS[1]);
    if (lo <= hi) dated.push({ ...a, date: fromDay(Math.floor((lo + hi) / 2)) });
  }
  const base = runJsonl(cli, dated, { kb: kbPath });
  const copies = [];
  for (const a of dated) {
    const rep = base.get(a.id);
    if (!rep || rep.error) continue;
    copies.push(...inject(ix, a, rep, toDay(a.date)));
  }
  const reports = runJsonl(cli, copies.map((j) => ({ id: j.id, text: j.text, date: j.a.date })), { kb: kbPath });
  const stats = new Map();
  for (const j of copies) {
    const key = `${j.a.set}\t${j.kind}${j.control ? ' (control)' : ''}`;
    if (!stats.has(key)) stats.set(key, { set: j.a.set, kind: j.kind, control: j.control, n: 0, hit: 0, elsewhere: 0, errorsAt: 0, misses: [] });
    const s = stats.get(key);
    s.n++;
    const r = reports.get(j.id);
    if (!r || r.error) { s.misses.push({ j, why: `input error ${JSON.stringify(r?.error)}` }); continue; }
    const [lo, hi] = j.span;
    const at = (r.findings || []).filter((f) => overlaps(f, lo, hi) && f.rule === EXPECTED[j.kind]);
    if (at.length) s.hit++;
    if (at.some((f) => f.severity === 'error')) s.errorsAt++;
    if (!at.length && !j.control) s.misses.push({ j, why: `no ${EXPECTED[j.kind]} at span` });
    if (at.length && j.control) s.misses.push({ j, why: `fired on the right value: ${at[0].message}` });
    const delta = j.text.length - j.a.text.length;
    const baseKeys = new Set((base.get(j.a.id).findings || []).map((f) => `${f.rule}@${f.start16 >= lo ? f.start16 + delta : f.start16}`));
    s.elsewhere += (r.findings || []).filter((f) => !overlaps(f, lo, hi) && !baseKeys.has(`${f.rule}@${f.start16}`)).length;
  }
  console.log(`CLI ${cli}\nKB  ${kbPath}\n${dated.length} dated articles (gum at dateCreated, te3 at its creation day, BBC at a day of 2004-05 in its inferred window); ${copies.length} copies (gum and bbc ${copies.filter((j) => j.a.set !== 'te3').length}, te3 ${copies.filter((j) => j.a.set === 'te3').length})`);
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  const rows = [...stats.values()]
    .sort((x, y) => (x.set + x.kind + x.control).localeCompare(y.set + y.kind + y.control))
    .map((s) => [s.set, s.kind + (s.control ? ' (control: right value)' : ''), EXPECTED[s.kind], s.n, s.hit,
      s.control ? `fired ${pct(s.hit, s.n)}` : pct(s.hit, s.n), s.errorsAt, s.elsewhere]);
  // "all" sums gum and bbc, as before te3 came (the figure earlier sessions report); te3 has its rows.
  for (const kind of Object.keys(EXPECTED)) {
    const t = [...stats.values()].filter((s) => s.kind === kind && !s.control && s.set !== 'te3');
    const n = t.reduce((x, s) => x + s.n, 0), hit = t.reduce((x, s) => x + s.hit, 0);
    rows.push(['all (gum, bbc)', kind, EXPECTED[kind], n, hit, pct(hit, n), '', '']);
  }
  console.log(table(rows, ['set', 'injected', 'expected rule', 'copies', 'caught (at span)', 'recall', 'errors at span', 'new elsewhere']));
  console.log('not injected: "X said on Tuesday" for someone dead at the date (the rule is measured by its examples and the golden articles only).');
  for (const s of stats.values()) {
    if (!s.misses.length) continue;
    console.log(`\n${s.set} / ${s.kind}${s.control ? ' (control)' : ''}: ${s.misses.length} listed below${s.misses.length > opts.misses ? ` (first ${opts.misses})` : ''}:`);
    for (const { j, why } of s.misses.slice(0, opts.misses)) {
      const [lo, hi] = j.span;
      console.log(`  ${j.a.id} (date ${j.a.date}): ${j.info} — ${why}\n      …${oneLine(j.text.slice(Math.max(0, lo - 60), lo))} [[${oneLine(j.text.slice(lo, hi))}]]${oneLine(j.text.slice(hi, hi + 60))}…`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main();
  } catch (e) {
    console.error(`injected_people: ${e.stack || e.message}`);
    process.exitCode = 1;
  }
}
