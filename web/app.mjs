// app.mjs — the factlint page: an editor whose suspect claims are highlighted in place, a findings
// list synced with it, the reference window, and KB loading. Contract: web/README.md.
//
// How it works:
// - The editor is a plain-text contenteditable. Its text is read by walking its DOM (text nodes,
//   <br>, block boundaries) into one string plus a map from UTF-16 offsets back to DOM positions;
//   user text only ever enters the DOM as Text nodes (textContent / insertText), never as HTML.
// - Findings are drawn with the CSS Custom Highlight API (highlights factlint-error / -warning /
//   -info; factlint-active marks the finding shown): live Ranges over the editor's text nodes, so
//   the DOM is never changed by a check, and caret and undo history survive re-checks.
// - Checks run debounced as you type: in a Worker when the page is served (http/https), on the main
//   thread from file:// or in the single offline file, where module workers cannot load. A report
//   is applied only if the text is still the one it was made for.
// - Applying a suggestion selects the claim and uses execCommand('insertText'), so Ctrl+Z undoes it.
// - The offline file (dist/factlint.html) carries the KB as its compiled snapshot, gzipped and in
//   base64 (#factlint-kb-snapshot, decoded and inflated as world.kbs.gz is: bundledSnapshot; the
//   JSON block #factlint-kb when it was assembled without the snapshot), and the example as a JSON
//   data block (#factlint-example); the served page fetches world.kbs.gz (its Worker),
//   example-article.txt, and world.json only when it needs the JSON.
// - Start-up (served): boot.js, a classic script in <head>, has started the Worker, the wasm
//   compile and the snapshot fetch before this module runs (see boot.js); the page does not fetch
//   world.json at all unless it has to check on the main thread or the bundled KB is reloaded.
//
// Test hooks: body[data-state] is "loading" | "pending" | "idle" | "failed"; body[data-checks]
// counts applied reports.

import { createChecker, FactlintError, openKbCache, readKbSnapshotPieces } from './factlint.mjs';

const DEBOUNCE_MS = 150;
const SEVERITIES = ['error', 'warning', 'info'];
const BLOCKS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE']);

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const tooltip = $('tooltip');

const state = {
  engine: null,           // {mode, check(text, options) → Promise<report>, loadKb(text) → Promise<summary>,
                          //  loadRules(text) / resetRules() → Promise<rules>, rules, version, kb}
  bundledKb: null,        // a promise of the bundled KB's text, made when first needed (bundledKb())
  kbLabel: 'bundled',
  rulesLabel: 'bundled',  // "bundled" or the name of the rule catalogue file in use
  report: null,           // the report shown
  shown: [],              // [{finding, range, key}] in the order of the list
  dismissed: new Set(),   // keys "RULE|text" of dismissed findings
  disabledRules: new Set(),
  pageDate: null,         // {date, source} an opened .html page states in its metadata (pagedate.js)
  kbFrom: null,           // where the KB loaded last came from: "cache" | "json" (null: the bundled one at start)
  kbNote: '',             // how it was loaded, shown after the KB status
  timer: 0,
  fullPending: false,     // a paste or drop since the last check: the next one is a full check
  seq: 0,
  checks: 0,
  active: -1,             // index into shown of the finding whose tooltip is open
  tipSource: '',          // "hover" | "caret" | "list"
  hideTimer: 0,
  quietFocus: false,      // the next focus of a list item returns from the tooltip: do not reopen
  firstCheckTaken: false, // the Worker's first report (engine.firstCheck) has been used or passed over
};

// ---------------------------------------------------------------------------------------------
// The editor's text and the map back to the DOM.

function readEditor() {
  const pieces = [];  // text nodes in document order: {node, start}
  let text = '';
  const walk = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        pieces.push({ node, start: text.length });
        text += node.data;
      } else if (node.nodeName === 'BR') {
        // A <br> closing a block is the browser's placeholder for an empty last line.
        if (node.nextSibling || parent === editor) text += '\n';
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCKS.has(node.nodeName);
        if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
        walk(node);
        if (block && node.nextSibling && !text.endsWith('\n')) text += '\n';
      }
    }
  };
  walk(editor);
  return { text, pieces };
}

// The DOM position of a UTF-16 offset: for a start, inside the first text node that reaches past
// it; for an end, inside the last text node that starts before it.
function domPosition(model, offset, isEnd) {
  const { pieces } = model;
  if (pieces.length === 0) return { node: editor, offset: 0 };
  let lo = 0, hi = pieces.length - 1, best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].start < offset || (!isEnd && pieces[mid].start === offset)) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  let piece = pieces[best];
  if (!isEnd && offset >= piece.start + piece.node.data.length && best + 1 < pieces.length) piece = pieces[best + 1];
  const inside = Math.max(0, Math.min(piece.node.data.length, offset - piece.start));
  return { node: piece.node, offset: inside };
}

function makeRange(model, start16, end16) {
  const a = domPosition(model, start16, false), b = domPosition(model, end16, true);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

// The UTF-16 offset of a DOM position inside the editor (for the caret).
function textOffset(model, node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = model.pieces.find((p) => p.node === node);
    if (piece) return piece.start + offset;
  }
  const point = document.createRange();
  point.setStart(node, offset);
  let last = 0;
  for (const p of model.pieces) {
    if (point.comparePoint(p.node, 0) > 0) return p.start;  // the first text node after the point
    last = p.start + p.node.data.length;
  }
  return last;
}

// Replaces the whole text (opening a file, the starter text). Starts a new undo history.
function setArticle(text) {
  editor.textContent = text.replace(/\r\n?/g, '\n');
  hideTooltip();
  runCheckNow();
}

// ---------------------------------------------------------------------------------------------
// Engines: the same checker behind a Worker or on the main thread, both asynchronous.

// On the main thread (file://, the offline file, or no Worker). The offline file's bundled KB is
// loaded from the compiled snapshot it carries (bundledSnapshot), else from the JSON (kb: text, a
// promise of it, or a function returning either, called only when there is no snapshot or it is
// refused). Compiling the JSON and caching that in IndexedDB made the offline file's first open
// slower and its next opens no faster (bench/coldstart.mjs); the snapshot made at build time does
// neither.
async function mainThreadEngine(kb, kbSnapshot = null) {
  const checker = await createChecker({ kb, kbSnapshot });
  const cache = openKbCache();  // the IndexedDB cache of compiled user KBs
  return {
    mode: 'main thread',
    lastCheckMs: 0,  // the last check's time (for the bench)
    async check(text, options, incremental) {
      const t = performance.now();
      const report = incremental ? checker.checkIncremental(text, options) : checker.check(text, options);
      this.lastCheckMs = performance.now() - t;
      return report;
    },
    loadKb: async (text) => {
      const { summary, fromCache, refused } = await checker.loadKbCached(text, cache);
      return { summary, fromCache, refused };
    },
    loadKbSnapshot: async (bytes) => checker.loadKbSnapshot(bytes),
    loadRules: async (text) => checker.loadRules(text),
    resetRules: async () => checker.resetRules(),
    get rules() { return checker.rules; },
    version: checker.version,
    kbFrom: checker.kbFrom,
    get kb() { return checker.kb; },
  };
}

// Where the start-up time went, as marks on the page's performance timeline (read by the bench,
// bench/coldstart.mjs): the Worker's times (its own clock) moved onto the page's.
function markWorkerStartup(s) {
  if (!s || typeof performance.mark !== 'function') return;
  const base = s.timeOrigin - performance.timeOrigin;
  const at = (name, t) => { try { performance.mark(`factlint:${name}`, { startTime: Math.max(0, base + t) }); } catch { /* old engines */ } };
  at('worker-evaluated', s.evaluated);
  at('worker-init', s.initReceived);
  at('module-ready', s.initReceived + s.moduleMs);
  if (s.snapshotMs) at('snapshot-in', s.initReceived + s.snapshotMs);
  at('kb-loaded', s.initReceived + s.totalMs);
  if (s.firstCheckMs) at('first-checked', s.initReceived + s.totalMs + s.firstCheckMs);
}

// The checker in the Worker that boot.js started while the HTML was parsed (window.factlintBoot =
// {worker, ready}: boot.js posted init, with the wasm module the page compiled and the snapshot's
// bytes, as soon as both were in). Resolves when the Worker has answered init.
function workerEngine(boot) {
  return new Promise((resolve, reject) => {
    const { worker } = boot;
    const pending = new Map();
    let next = 0;  // 0 is boot.js's init
    let lastMs = 0;  // the Worker's time for the last answer (for the bench)
    const call = (type, payload) => new Promise((res, rej) => {
      const id = ++next;
      pending.set(id, { res, rej });
      worker.postMessage({ id, type, ...payload });
    });
    const bootMessage = worker.onmessage;
    const bootError = worker.onerror;
    worker.onmessage = (event) => {
      const { data } = event;
      if (data && data.id === 0) { if (bootMessage) bootMessage(event); return; }
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (typeof data.ms === 'number') lastMs = data.ms;
      if (data.error) p.rej(new FactlintError(data.error)); else p.res(data.result);
    };
    worker.onerror = (event) => {
      if (bootError) bootError(event);
      event.preventDefault();
      const error = new Error(`worker failed: ${event.message || 'could not start'}`);
      for (const p of pending.values()) p.rej(error);
      pending.clear();
    };
    boot.ready.then((info) => {
      let kb = info.kb;
      let rules = info.rules;
      markWorkerStartup(info.startup);
      resolve({
        mode: 'worker',
        check: (text, options, incremental) => call('check', { text, options, incremental }),
        get lastCheckMs() { return lastMs; },
        loadKb: async (text) => { const loaded = await call('loadKb', { text }); kb = loaded.summary; return loaded; },
        loadRules: async (text) => { rules = await call('loadRules', { text }); return rules; },
        resetRules: async () => { rules = await call('resetRules', {}); return rules; },
        get rules() { return rules; },
        version: info.version,
        kbFrom: info.kbFrom,
        get kb() { return kb; },
        firstCheck: info.firstCheck || null,
      });
    }, (error) => reject(error && error.kind ? new FactlintError(error) : error));
  });
}

// ---------------------------------------------------------------------------------------------
// Checking.

function currentOptions() {
  return {
    date: $('date').value || null,
    metadataDate: state.pageDate ? state.pageDate.date : null,
    metadataSource: state.pageDate ? state.pageDate.source : null,
    minSeverity: $('min-severity').value,
    disabledRules: [...state.disabledRules],
  };
}

// Typing re-checks incrementally (checkIncremental: only the paragraphs that changed are analysed
// again, the report is the full check's); a paste or drop in the debounce window, and every
// runCheckNow (an opened file, the KB, rules or options changed), is a full check.
function scheduleCheck(incremental = true) {
  clearTimeout(state.timer);
  document.body.dataset.state = 'pending';
  state.fullPending = state.fullPending || !incremental;
  state.timer = setTimeout(() => runCheck(!state.fullPending), DEBOUNCE_MS);
}

function runCheckNow() {
  clearTimeout(state.timer);
  document.body.dataset.state = 'pending';
  runCheck(false);
}

async function runCheck(incremental = false) {
  if (!state.engine) return;
  state.fullPending = false;
  const seq = ++state.seq;
  const begun = performance.now();
  const { text } = readEditor();
  const started = performance.now();
  let report;
  try {
    const first = takeFirstCheck(text, incremental);
    report = first ? first.report : await state.engine.check(text, currentOptions(), incremental);
  } catch (error) {
    if (seq !== state.seq) return;
    $('status').textContent = `Check failed: ${describe(error)}`;
    document.body.dataset.state = 'idle';
    return;
  }
  if (seq !== state.seq) return;           // a newer check was started
  const answered = performance.now();
  const model = readEditor();
  if (model.text !== text) return;         // typed meanwhile: the scheduled check will follow
  render(report, model);
  state.checks += 1;
  if (state.checks === 1) performance.mark('factlint:first-report');
  document.body.dataset.checks = String(state.checks);
  document.body.dataset.state = 'idle';
  $('status').textContent = `Checked ${text.length.toLocaleString()} characters in ${Math.round(performance.now() - started)} ms (${state.engine.mode})${incremental ? ' · changed paragraphs' : ''} · factlint ${state.engine.version}`;
  // Where this check's time went, for the bench (bench/run.mjs listens; nothing else does):
  // ms since runCheck began, and the engine's own time for the check (the Worker's, or the call
  // on the main thread).
  document.dispatchEvent(new CustomEvent('factlint:applied', {
    detail: {
      incremental, chars: text.length, read: started - begun, answered: answered - begun,
      applied: performance.now() - begun, engineMs: state.engine.lastCheckMs,
    },
  }));
}

// The Worker's answer to init carries the report of the check the page makes first (boot.js's
// firstCheck: the empty editor, the default options), made as soon as the KB was loaded: the first
// check takes it instead of a second round trip, once, and only for that very text and options.
function takeFirstCheck(text, incremental) {
  const first = state.engine.firstCheck;
  if (!first || state.firstCheckTaken) return null;
  state.firstCheckTaken = true;
  if (incremental || first.text !== text || JSON.stringify(first.options) !== JSON.stringify(currentOptions())) return null;
  return first;
}

function findingKey(f) { return `${f.rule}|${f.text}`; }

function render(report, model) {
  state.report = report;
  const activeKey = state.active >= 0 && state.shown[state.active] ? state.shown[state.active].key : null;
  state.shown = [];
  let dismissed = 0;
  for (const finding of report.findings) {
    const key = findingKey(finding);
    if (state.dismissed.has(key)) { dismissed += 1; continue; }
    state.shown.push({ finding, key, range: makeRange(model, finding.start16, finding.end16) });
  }
  drawHighlights();
  renderList();
  renderReferenceDate(report.document && report.document.reference_date);
  $('export-button').disabled = false;
  $('dismissed-note').hidden = dismissed === 0;
  $('dismissed-count').textContent = `${dismissed} dismissed.`;
  // Keep the tooltip open on the same finding if it is still there.
  const again = activeKey === null ? -1 : state.shown.findIndex((s) => s.key === activeKey);
  if (again >= 0 && !tooltip.hidden) showTooltip(again, state.tipSource); else hideTooltip();
}

function drawHighlights() {
  if (!('highlights' in CSS)) return;
  for (const severity of SEVERITIES) {
    const ranges = state.shown.filter((s) => s.finding.severity === severity).map((s) => s.range);
    CSS.highlights.set(`factlint-${severity}`, new Highlight(...ranges));
  }
  markActive();
}

function markActive() {
  if (!('highlights' in CSS)) return;
  const s = state.shown[state.active];
  if (s) CSS.highlights.set('factlint-active', new Highlight(s.range)); else CSS.highlights.delete('factlint-active');
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderList() {
  const list = $('findings');
  list.replaceChildren();
  const counts = { error: 0, warning: 0, info: 0 };
  state.shown.forEach((s, i) => {
    const f = s.finding;
    counts[f.severity] = (counts[f.severity] || 0) + 1;
    const item = el('li');
    const button = el('button', `finding sev-${f.severity}`);
    button.type = 'button';
    button.dataset.index = String(i);
    button.dataset.rule = f.rule;
    const what = el('span', 'what');
    what.append(el('span', `badge sev-${f.severity}`, f.severity), ' ', document.createTextNode(f.text));
    button.append(what, el('span', 'why', f.message));
    button.setAttribute('aria-label', `${f.severity}: ${f.text}. ${f.message}`);
    button.addEventListener('focus', () => {
      if (state.quietFocus) { state.quietFocus = false; return; }
      showTooltip(i, 'list');
      revealRange(s.range);
    });
    button.addEventListener('click', () => { showTooltip(i, 'list'); revealRange(s.range); });
    button.addEventListener('mouseenter', () => { state.active = i; markActive(); });
    button.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && event.altKey) { event.preventDefault(); focusTooltip(); }
    });
    item.append(button);
    list.append(item);
  });
  const total = state.shown.length;
  const parts = SEVERITIES.filter((k) => counts[k]).map((k) => `${counts[k]} ${k}${counts[k] > 1 ? 's' : ''}`);
  $('findings-count').textContent = total ? `(${parts.join(', ')})` : '(none)';
}

function renderReferenceDate(rd) {
  const out = $('refdate');
  const clues = $('refdate-clues');
  clues.replaceChildren();
  const evidence = (rd && rd.evidence) || [];
  $('refdate-details').hidden = evidence.length === 0;
  $('refdate-summary').textContent = `${evidence.length} clue${evidence.length === 1 ? '' : 's'}`;
  if (!rd || (!rd.from && !rd.to)) {
    out.textContent = 'No date found in the text: undated claims are not judged. Set a date above.';
    return;
  }
  const span = rd.from === rd.to || !rd.to ? rd.from : `${rd.from || '…'} – ${rd.to || '…'}`;
  const how = { given: 'the date you set', metadata: 'published, from the page', dateline: 'from the dateline', inferred: 'inferred from the text' }[rd.source] || rd.source;
  out.textContent = `${span} (${how})`;
  for (const clue of evidence) clues.append(el('li', '', clue));
}

// ---------------------------------------------------------------------------------------------
// Tooltip: message, evidence, suggestion, actions.

function showTooltip(index, source) {
  const s = state.shown[index];
  if (!s) return hideTooltip();
  clearTimeout(state.hideTimer);
  const f = s.finding;
  state.active = index;
  state.tipSource = source;
  markActive();
  const badge = $('tip-severity');
  badge.className = `badge sev-${f.severity}`;
  badge.textContent = f.severity;
  $('tip-rule').textContent = f.rule;
  $('tip-message').textContent = f.message;
  const evidence = $('tip-evidence');
  evidence.replaceChildren();
  for (const ev of f.evidence || []) {
    const item = el('li', '', ev.fact);
    if (ev.source) item.append(' — ', el('span', 'source', ev.source));
    evidence.append(item);
  }
  const hasFix = typeof f.suggestion === 'string' && f.suggestion !== f.text;
  $('tip-suggestion').hidden = !hasFix;
  $('tip-apply').hidden = !hasFix;
  if (hasFix) {
    $('tip-suggestion-text').textContent = f.suggestion;
    $('tip-apply').textContent = 'Apply';
  }
  $('tip-silence').textContent = `Silence ${f.rule}`;
  for (const b of document.querySelectorAll('.finding[aria-current]')) b.removeAttribute('aria-current');
  const button = document.querySelector(`.finding[data-index="${index}"]`);
  if (button) {
    button.setAttribute('aria-current', 'true');
    if (source !== 'list') scrollListTo(button);
  }
  tooltip.hidden = false;
  placeTooltip(s.range);
}

// Scrolls the findings list (not the page) so that a finding's button is visible.
function scrollListTo(button) {
  const list = $('findings');
  const top = button.offsetTop, bottom = top + button.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

function placeTooltip(range) {
  const rects = range.getClientRects();
  const rect = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
  const tip = tooltip.getBoundingClientRect();
  let left = Math.max(8, Math.min(rect.left, window.innerWidth - tip.width - 8));
  let top = rect.bottom + 6;
  if (top + tip.height > window.innerHeight - 8) top = Math.max(8, rect.top - tip.height - 6);
  tooltip.style.left = `${Math.round(left)}px`;
  tooltip.style.top = `${Math.round(top)}px`;
}

function hideTooltip() {
  clearTimeout(state.hideTimer);
  tooltip.hidden = true;
  state.active = -1;
  markActive();
  for (const b of document.querySelectorAll('.finding[aria-current]')) b.removeAttribute('aria-current');
}

function hideTooltipSoon() {
  clearTimeout(state.hideTimer);
  state.hideTimer = setTimeout(() => { if (!tooltip.matches(':hover, :focus-within')) hideTooltip(); }, 350);
}

function focusTooltip() {
  if (tooltip.hidden) return;
  const first = [...tooltip.querySelectorAll('button')].find((b) => !b.hidden);
  if (first) first.focus();
}

function revealRange(range) {
  const r = range.getBoundingClientRect();
  const box = editor.getBoundingClientRect();
  if (r.top < box.top || r.bottom > box.bottom) editor.scrollTop += r.top - box.top - box.height / 3;
  placeTooltip(range);
}

function applySuggestion(index) {
  const s = state.shown[index];
  if (!s || typeof s.finding.suggestion !== 'string') return;
  if (s.range.toString() !== s.finding.text) {  // the text moved under the finding: check again first
    runCheckNow();
    return;
  }
  hideTooltip();
  editor.focus();
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(s.range.cloneRange());
  // insertText keeps the edit in the editor's undo history (Ctrl+Z restores the claim).
  if (!document.execCommand('insertText', false, s.finding.suggestion)) {
    s.range.deleteContents();
    s.range.insertNode(document.createTextNode(s.finding.suggestion));
    editor.normalize();
  }
  state.shown.splice(index, 1);
  drawHighlights();
  renderList();
  runCheckNow();
}

function dismiss(index) {
  const s = state.shown[index];
  if (!s) return;
  state.dismissed.add(s.key);
  const wasFocusInTip = tooltip.contains(document.activeElement);
  hideTooltip();
  if (state.report) render(state.report, readEditor());
  if (wasFocusInTip) editor.focus();
}

function silence(rule) {
  state.disabledRules.add(rule);
  renderRules();
  const wasFocusInTip = tooltip.contains(document.activeElement);
  hideTooltip();
  runCheckNow();
  if (wasFocusInTip) editor.focus();
}

// The finding under a point of the screen, or -1.
function findingAt(x, y) {
  for (let i = 0; i < state.shown.length; i += 1) {
    for (const r of state.shown[i].range.getClientRects()) {
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return i;
    }
  }
  return -1;
}

// The finding that holds the caret, or -1.
function findingAtCaret() {
  const selection = getSelection();
  if (!selection.rangeCount || !editor.contains(selection.anchorNode)) return -1;
  const model = readEditor();
  const offset = textOffset(model, selection.anchorNode, selection.anchorOffset);
  const found = state.shown.findIndex((s) => offset >= s.finding.start16 && offset <= s.finding.end16);
  if (found < 0) return -1;
  // Only trust report offsets while the text is the one checked.
  return state.shown[found].range.toString() === state.shown[found].finding.text ? found : -1;
}

// ---------------------------------------------------------------------------------------------
// KB.

function describe(error) {
  if (error instanceof FactlintError || (error && error.kind)) {
    const e = error instanceof FactlintError ? error : new FactlintError(error);
    return `${e.toString()} (${e.kind})`;
  }
  return String((error && error.message) || error);
}

async function loadKb(text, label) {
  const box = $('kb-error');
  try {
    const { summary, fromCache, refused } = await state.engine.loadKb(text);
    state.kbLabel = label;
    box.hidden = true;
    box.textContent = '';
    state.kbFrom = fromCache ? 'cache' : 'json';
    state.kbNote = fromCache ? 'Loaded from the cache of compiled KBs.'
      : refused ? `Compiled again (the cached copy was refused: ${refused}).` : 'Compiled and cached.';
    document.body.dataset.kbFrom = state.kbFrom;  // test hook: "cache" when the compiled KB came from the cache
    showKbStatus(summary);
    runCheckNow();
  } catch (error) {
    box.textContent = `“${label}” was not loaded: ${describe(error)}. Still using ${kbName(state.engine.kb)}.`;
    box.hidden = false;
  }
}

// "Use bundled KB" in the offline file: its snapshot again (it carries no JSON).
async function resetKbFromSnapshot() {
  const box = $('kb-error');
  try {
    const summary = await state.engine.loadKbSnapshot(await bundledSnapshot());
    state.kbLabel = 'bundled';
    state.kbFrom = 'snapshot';
    state.kbNote = '';
    box.hidden = true;
    box.textContent = '';
    document.body.dataset.kbFrom = state.kbFrom;
    showKbStatus(summary);
    runCheckNow();
  } catch (error) {
    box.textContent = `the bundled KB could not be read: ${describe(error)}. Still using ${kbName(state.engine.kb)}.`;
    box.hidden = false;
  }
}

function kbName(summary) {
  return summary ? `“${summary.name}” (as of ${summary.as_of})` : 'the previous KB';
}

function showKbStatus(summary) {
  const source = state.kbLabel === 'bundled' ? 'bundled' : `from ${state.kbLabel}`;
  $('kb-status').textContent = summary
    ? `${kbName(summary)}, ${source}: ${summary.people} people, ${summary.terms} terms of office, ${summary.events} events, ${summary.quotes} quotes.` +
      (state.kbNote ? ` ${state.kbNote}` : '')
    : '—';
  $('kb-reset').disabled = state.kbLabel === 'bundled';
}

// ---------------------------------------------------------------------------------------------
// Rule catalogue: the bundled one (core/rules/rules.json) or one the user loads. A catalogue that
// does not load shows its error (code, rule id, place) and the one in use stays.

async function loadRules(text, label) {
  const box = $('rules-error');
  try {
    await state.engine.loadRules(text);
    state.rulesLabel = label;
    box.hidden = true;
    box.textContent = '';
    showRulesStatus();
    renderRules();
    runCheckNow();
  } catch (error) {
    box.textContent = `“${label}” was not loaded: ${describe(error)}. Still using ${rulesName()}.`;
    box.hidden = false;
  }
}

async function resetRules() {
  try {
    await state.engine.resetRules();
  } catch (error) {
    $('rules-error').textContent = `the bundled rules could not be restored: ${describe(error)}`;
    $('rules-error').hidden = false;
    return;
  }
  state.rulesLabel = 'bundled';
  $('rules-error').hidden = true;
  showRulesStatus();
  renderRules();
  runCheckNow();
}

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

function rulesName() {
  const rules = state.engine.rules;
  const off = rules.filter((r) => r.enabled === false).length;
  const count = `${plural(rules.length, 'rule')}${off ? `, ${off} switched off` : ''}`;
  return state.rulesLabel === 'bundled' ? `the bundled rules (${count})` : `“${state.rulesLabel}” (${count})`;
}

function showRulesStatus() {
  const name = rulesName();
  $('rules-status').textContent = `In use: ${name}.`;
  $('rules-reset').disabled = state.rulesLabel === 'bundled';
}

// A .json file is a rule catalogue when it is an object with a "rules" array (the catalogue's
// shape; a KB has none); anything else, valid JSON or not, goes to the KB loader and its errors.
function isRuleCatalogue(text) {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && Array.isArray(value.rules) && !('schema_version' in value);
  } catch {
    return false;
  }
}

// The catalogue's rules, plus any silenced rule the catalogue does not list, as checkboxes.
function renderRules() {
  const box = $('rules');
  box.replaceChildren();
  const rules = [...state.engine.rules];
  for (const id of state.disabledRules) if (!rules.some((r) => r.id === id)) rules.push({ id });
  for (const rule of rules) {
    const label = el('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = rule.id;
    input.checked = !state.disabledRules.has(rule.id);
    input.addEventListener('change', () => {
      if (input.checked) state.disabledRules.delete(rule.id); else state.disabledRules.add(rule.id);
      updateRulesCount();
      runCheckNow();
    });
    label.append(input, el('code', '', rule.id));
    if (rule.severity) label.append(el('span', `badge sev-${rule.severity}`, rule.severity));
    if (rule.enabled === false) {
      // Switched off by the catalogue itself: it does not run whatever the box says.
      input.disabled = true;
      label.append(el('span', 'off', 'off in the catalogue'));
    }
    if (typeof rule.description === 'string') label.title = rule.description;
    box.append(label);
  }
  updateRulesCount();
}

function updateRulesCount() {
  const boxes = [...document.querySelectorAll('#rules input')];
  const off = boxes.filter((b) => b.disabled).length;
  const silenced = boxes.filter((b) => !b.disabled && !b.checked).length;
  $('rules-active').textContent = `${boxes.length - off - silenced} active${silenced ? `, ${silenced} silenced` : ''}${off ? `, ${off} off` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Files.

function htmlToText(html) {
  // DOMParser documents are inert: no script runs, nothing loads. Only their text is taken.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.querySelectorAll('script, style, noscript, template, svg, iframe, object')) node.remove();
  for (const node of doc.querySelectorAll('br')) node.replaceWith('\n');
  for (const node of doc.body.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr, article, section, header, footer, figcaption')) {
    node.append('\n\n');
  }
  const title = doc.querySelector('title');
  const body = (doc.body ? doc.body.textContent : '') || '';
  const text = body.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return title && title.textContent.trim() && !text.startsWith(title.textContent.trim())
    ? `${title.textContent.trim()}\n\n${text}` : text;
}

// The publication date an opened .html page states in its metadata (web/pagedate.js, loaded as a
// classic script before this module): shown as "published YYYY-MM-DD (from the page)" and passed
// to the checker as metadataDate, below a date set by hand. null clears it.
function setPageDate(found) {
  state.pageDate = found && found.date ? found : null;
  $('pagedate').hidden = !state.pageDate;
  $('pagedate-text').textContent = state.pageDate ? `published ${state.pageDate.date} (from the page)` : '';
  $('pagedate-text').title = state.pageDate ? `read from ${state.pageDate.source}` : '';
}

function readPageDate(html) {
  if (typeof globalThis.factlintPageDate !== 'function') return null;
  return globalThis.factlintPageDate(new DOMParser().parseFromString(html, 'text/html'));
}

async function openFile(file) {
  const name = file.name || 'file';
  const text = await file.text();
  if (/\.json$/i.test(name) || file.type === 'application/json') {
    return isRuleCatalogue(text) ? loadRules(text, name) : loadKb(text, name);
  }
  if (/\.(html?|xhtml)$/i.test(name) || file.type === 'text/html') {
    setPageDate(readPageDate(text));
    return setArticle(htmlToText(text));
  }
  setPageDate(null);
  return setArticle(text);
}

function dataBlock(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function bundled(id, url) {
  const inline = dataBlock(id);
  return inline !== null ? inline : fetchText(url);
}

// The bundled KB's compiled snapshot the offline file carries (#factlint-kb-snapshot: world.kbs.gz
// in base64), as bytes: decoded by Uint8Array.fromBase64 (or, where it is missing, by fetching it
// as a data: URL: the CSP's connect-src data:, as the wasm; Blink decodes that on the main thread,
// ~50 ms more there in a traced open) and inflated by readKbSnapshotPieces. null where there is
// none (the served page).
function bundledSnapshot() {
  const node = document.getElementById('factlint-kb-snapshot');
  if (!node) return null;
  const base64 = node.textContent.trim();
  if (typeof Uint8Array.fromBase64 === 'function') {
    return Promise.resolve().then(() => readKbSnapshotPieces(new Response(Uint8Array.fromBase64(base64))));
  }
  return fetch(`data:application/octet-stream;base64,${base64}`).then(readKbSnapshotPieces);
}

function bundledKb() {
  if (!state.bundledKb) {
    state.bundledKb = document.getElementById('factlint-kb-snapshot') && !document.getElementById('factlint-kb')
      ? Promise.reject(new Error('this file carries the bundled KB only as a compiled snapshot, which this browser could not read (it needs DecompressionStream)'))
      : bundled('factlint-kb', 'world.json');
    state.bundledKb.catch(() => { state.bundledKb = null; });  // a failed fetch may be retried
  }
  return state.bundledKb;
}

function exportReport() {
  if (!state.report) return;
  const blob = new Blob([`${JSON.stringify(state.report, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'factlint-report.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 5000);
}

// ---------------------------------------------------------------------------------------------
// Wiring.

function wire() {
  editor.addEventListener('input', (event) => { scheduleCheck(!/^insertFrom(Paste|Drop)/.test(event.inputType || '')); });
  editor.addEventListener('mousemove', (event) => {
    const i = findingAt(event.clientX, event.clientY);
    if (i >= 0) { if (i !== state.active || tooltip.hidden) showTooltip(i, 'hover'); else clearTimeout(state.hideTimer); }
    else if (state.tipSource === 'hover' && !tooltip.hidden) hideTooltipSoon();
  });
  editor.addEventListener('mouseleave', () => { if (state.tipSource === 'hover') hideTooltipSoon(); });
  tooltip.addEventListener('mouseenter', () => clearTimeout(state.hideTimer));
  tooltip.addEventListener('mouseleave', () => { if (state.tipSource === 'hover') hideTooltipSoon(); });
  document.addEventListener('selectionchange', () => {
    if (document.activeElement !== editor) return;
    const i = findingAtCaret();
    if (i >= 0) { if (i !== state.active || tooltip.hidden) showTooltip(i, 'caret'); }
    else if (state.tipSource === 'caret') hideTooltip();
  });
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.altKey && !tooltip.hidden) { event.preventDefault(); focusTooltip(); }
    if (event.key === 'Escape' && !tooltip.hidden) { event.preventDefault(); hideTooltip(); }
  });
  tooltip.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      const back = state.tipSource === 'list' ? document.querySelector(`.finding[data-index="${state.active}"]`) : editor;
      hideTooltip();
      state.quietFocus = Boolean(back) && back !== editor;
      (back || editor).focus();
    }
  });
  $('tip-apply').addEventListener('click', () => applySuggestion(state.active));
  $('tip-dismiss').addEventListener('click', () => dismiss(state.active));
  $('tip-silence').addEventListener('click', () => { const s = state.shown[state.active]; if (s) silence(s.finding.rule); });
  $('undismiss').addEventListener('click', () => { state.dismissed.clear(); if (state.report) render(state.report, readEditor()); });
  window.addEventListener('resize', () => { if (!tooltip.hidden && state.shown[state.active]) placeTooltip(state.shown[state.active].range); });
  editor.addEventListener('scroll', () => { if (!tooltip.hidden && state.shown[state.active]) placeTooltip(state.shown[state.active].range); });

  $('date').addEventListener('change', runCheckNow);
  $('date-clear').addEventListener('click', () => { $('date').value = ''; runCheckNow(); });
  $('pagedate-ignore').addEventListener('click', () => { setPageDate(null); runCheckNow(); });
  $('min-severity').addEventListener('change', runCheckNow);

  $('open-button').addEventListener('click', () => $('open-file').click());
  $('open-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = '';
    if (file) await openFile(file);
  });
  $('kb-button').addEventListener('click', () => $('kb-file').click());
  $('kb-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = '';
    if (file) await loadKb(await file.text(), file.name);
  });
  $('kb-reset').addEventListener('click', async () => {
    if (state.engine.loadKbSnapshot && document.getElementById('factlint-kb-snapshot')) {
      await resetKbFromSnapshot();
      return;
    }
    let text;
    try { text = await bundledKb(); } catch (error) {
      $('kb-error').textContent = `the bundled KB could not be read: ${describe(error)}`;
      $('kb-error').hidden = false;
      return;
    }
    await loadKb(text, 'bundled');
  });
  $('rules-button').addEventListener('click', () => $('rules-file').click());
  $('rules-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = '';
    if (file) await loadRules(await file.text(), file.name);
  });
  $('rules-reset').addEventListener('click', resetRules);
  $('starter-button').addEventListener('click', async () => {
    try { setArticle(await bundled('factlint-example', 'example-article.txt')); } catch (error) { $('status').textContent = describe(error); }
  });
  $('export-button').addEventListener('click', exportReport);

  // Drop a file anywhere: .json is a KB, anything else an article. Dropped text is left to the editor.
  const overlay = $('drop-overlay');
  const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  document.addEventListener('dragover', (event) => { if (hasFiles(event)) { event.preventDefault(); overlay.hidden = false; } });
  document.addEventListener('dragleave', (event) => { if (!event.relatedTarget) overlay.hidden = true; });
  document.addEventListener('drop', async (event) => {
    overlay.hidden = true;
    if (!hasFiles(event)) return;
    event.preventDefault();
    for (const file of event.dataTransfer.files) await openFile(file);
  });
}

async function main() {
  performance.mark('factlint:main');
  const offlineFile = !!document.querySelector('#factlint-kb, #factlint-kb-snapshot');
  const served = /^https?:$/.test(location.protocol) && !offlineFile;
  const worker = served && window.factlintBoot ? workerEngine(window.factlintBoot) : null;  // boot.js started it
  wire();
  try {
    if (worker) {
      try { state.engine = await worker; } catch (error) {
        console.warn('factlint: worker unavailable, checking on the main thread:', error);
      }
    }
    if (!state.engine) {
      const snapshot = bundledSnapshot();
      state.engine = await mainThreadEngine(snapshot ? () => bundledKb() : bundledKb(), snapshot);
    }
  } catch (error) {
    document.body.dataset.state = 'failed';
    $('status').textContent = `factlint could not start: ${describe(error)}`;
    $('kb-status').textContent = '—';
    $('rules-status').textContent = '—';
    return;
  }
  performance.mark('factlint:engine-ready');
  showKbStatus(state.engine.kb);
  document.body.dataset.kbFrom = state.engine.kbFrom || 'json';  // test hook: the bundled KB from world.kbs or JSON, then "cache" / "json" for a loaded one
  showRulesStatus();
  renderRules();
  if (!('highlights' in CSS)) {
    $('status').textContent = 'This browser has no CSS Custom Highlight API: findings are listed but not highlighted.';
  }
  document.body.dataset.state = 'idle';
  runCheckNow();
}

main();
