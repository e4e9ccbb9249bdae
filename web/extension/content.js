// factlint content script. Declared for web pages so that the service worker can reach a tab
// without a broad host permission. Until it is asked it registers its listeners and reads one
// stored setting (whether "check as I type" is on for this site); it reads no page text.
//
// Messages from the service worker:
//   {type: "factlint-extract", selectionOnly} -> {text, url, title, kind, label, pageDate}
//        what to check: the selection (context menu), else the focused field (textarea,
//        input[type=text|search], contenteditable editor), else the article. pageDate is the
//        publication date the page states in its metadata ({date, source} from
//        factlintPageDate(document), web/pagedate.js, which the manifest and the service worker
//        load before this file), for the article and a selection of it; null for a field (a
//        draft typed on a page is not what that page's metadata dates)
//   {type: "factlint-show", report}          -> {shown, kind, label, length, findings: [...], dismissed}
//   {type: "factlint-clear"}                  -> {}                  (removes everything)
//   {type: "factlint-state"}                  -> what is shown, with geometry (toggle and tests)
//   {type: "factlint-act", action, ...}       -> the panel's and tooltip's actions, for tests
// Messages to the service worker: {type: "factlint-check-text", text} -> {report} (re-checks of
// a field as the person types; nothing else).
//
// Nothing here writes the page's text or DOM while checking:
// - the article and contenteditable editors are highlighted with the CSS Custom Highlight API
//   (factlint-error / -warning / -info, styled by highlight.css); a MutationObserver keeps the
//   editor's ranges on the right words as it changes;
// - a textarea or an <input> gets a mirror overlay: a copy of the field's box, font, padding,
//   wrapping and scroll, drawn in the extension's closed shadow root over the field; its marks
//   sit under the wrong claims; the field's value is only read;
// - the panel, the tooltip and the overlays live in that closed shadow root, on a host element
//   appended to <html>, outside <body>. Page text reaches them only through textContent.
// Applying a suggestion (a click by the person) goes through the field's own input path:
// execCommand('insertText') on the selected claim, so the editor sees a normal input event and
// its undo reverts the fix (for a textarea that refuses it: setRangeText + an input event).
(() => {
  if (globalThis.__factlintContentScript) return;
  globalThis.__factlintContentScript = true;

  const SEVERITIES = ['error', 'warning', 'info'];
  const HIGHLIGHT_NAMES = { error: 'factlint-error', warning: 'factlint-warning', info: 'factlint-info' };
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'NAV',
    'ASIDE', 'FOOTER', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OPTION', 'FACTLINT-PANEL']);
  const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4',
    'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'FIGCAPTION', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH', 'PRE',
    'DD', 'DT', 'DL', 'BR', 'HR', 'ADDRESS', 'TIME']);
  const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);
  const DEBOUNCE_MS = 300;
  const SITE = location.origin;
  const PAGE = location.origin + location.pathname;
  const DOCK_WIDTH = 320;
  const MAX_LISTED = 100;  // findings listed per checked thing (all are marked)

  // ---------------------------------------------------------------------------------------------
  // Settings of this site, in chrome.storage.local:
  //   liveSites: [origin]                  "check as I type on this site" (off by default)
  //   siteSilenced: {origin: [rule id]}    rules silenced on a site
  //   dismissedFindings: {page: ["RULE|text"]}  findings dismissed on a page (origin + path)
  const prefs = { live: false, silenced: new Set(), dismissed: new Set() };
  let prefsLoaded = null;

  function loadPrefs() {
    if (!prefsLoaded) {
      prefsLoaded = chrome.storage.local.get(['liveSites', 'siteSilenced', 'dismissedFindings']).then((s) => {
        prefs.live = Array.isArray(s.liveSites) && s.liveSites.includes(SITE);
        prefs.silenced = new Set(((s.siteSilenced || {})[SITE]) || []);
        prefs.dismissed = new Set(((s.dismissedFindings || {})[PAGE]) || []);
      });
    }
    return prefsLoaded;
  }

  async function storeSet(key, update) {
    const stored = (await chrome.storage.local.get(key))[key];
    await chrome.storage.local.set({ [key]: update(stored) });
  }

  function setLive(on) {
    prefs.live = on;
    updateLiveListener();
    return storeSet('liveSites', (list) => {
      const sites = new Set(Array.isArray(list) ? list : []);
      if (on) sites.add(SITE); else sites.delete(SITE);
      return [...sites];
    });
  }

  function saveSilenced() {
    return storeSet('siteSilenced', (map) => ({ ...(map || {}), [SITE]: [...prefs.silenced] }));
  }

  function saveDismissed() {
    return storeSet('dismissedFindings', (map) => {
      const next = { ...(map || {}) };
      if (prefs.dismissed.size) next[PAGE] = [...prefs.dismissed]; else delete next[PAGE];
      return next;
    });
  }

  // Another tab (or this one) changed a setting: take the new value of just that key, so a
  // write of one key never brings back an older value of another.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    let changed = false;
    if ('liveSites' in changes) {
      const list = changes.liveSites.newValue;
      prefs.live = Array.isArray(list) && list.includes(SITE);
      updateLiveListener();
    }
    if ('siteSilenced' in changes) { prefs.silenced = new Set(((changes.siteSilenced.newValue || {})[SITE]) || []); changed = true; }
    if ('dismissedFindings' in changes) { prefs.dismissed = new Set(((changes.dismissedFindings.newValue || {})[PAGE]) || []); changed = true; }
    if (changed && sessions.length) refresh();
  });

  // ---------------------------------------------------------------------------------------------
  // Text extraction with a map back to DOM positions: pieces[i] = {node, start, offsets} with
  // offsets[k] = offset in node.data of the k-th character taken. With fold, white-space runs
  // become one space (an article, an editor in white-space: normal); without, every character is
  // taken as it is (an editor in white-space: pre-wrap, like Quill's).

  function hidden(el) {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
  }

  function extractText(root, { range = null, fold = true, editor = false } = {}) {
    const pieces = [];
    let text = '';
    let pendingBreak = false;
    const breakLine = () => { if (text.length) pendingBreak = true; };
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (range && !range.intersectsNode(node)) return;
        const data = node.data;
        let from = 0, to = data.length;
        if (range && node === range.startContainer) from = range.startOffset;
        if (range && node === range.endContainer) to = range.endOffset;
        const offsets = [];
        let chunk = '';
        let lastSpace = text.length === 0 || /\s$/.test(text) || pendingBreak;
        for (let i = from; i < to; i++) {
          const c = data[i];
          if (fold && /\s/.test(c)) {
            if (lastSpace) continue;
            chunk += ' '; offsets.push(i); lastSpace = true;
          } else {
            chunk += c; offsets.push(i); lastSpace = false;
          }
        }
        if (fold ? !chunk.trim() : !chunk.length) return;
        if (pendingBreak) { text = (fold ? text.replace(/ $/, '') : text) + (editor ? '\n' : '\n\n'); pendingBreak = false; }
        pieces.push({ node, start: text.length, offsets });
        text += chunk;
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      if (node !== root && (SKIP_TAGS.has(node.tagName) || hidden(node))) return;
      if (!editor && node.tagName === 'HEADER' && node !== root && !node.closest('article')) return;
      const block = BLOCK_TAGS.has(node.tagName);
      if (block) breakLine();
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      if (block) breakLine();
    };
    visit(root);
    return { text, pieces };
  }

  function pickArticle() {
    let best = null, bestLength = 0;
    for (const el of document.querySelectorAll('article, main, [role="main"]')) {
      const length = (el.innerText || '').length;
      if (length > bestLength) { best = el; bestLength = length; }
    }
    return best && bestLength > 200 ? best : document.body;
  }

  // The last piece that starts at or before a UTF-16 offset of the extracted text (-1 if none).
  function findPiece(pieces, offset) {
    let lo = 0, hi = pieces.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  // A DOM position for an offset of the extracted text: a start goes to the character at the
  // offset (or the next piece when it falls in a block break), an end to just after the
  // character before it.
  function position(pieces, offset, isEnd) {
    if (!pieces.length) return null;
    let i = findPiece(pieces, isEnd ? offset - 1 : offset);
    if (i < 0) i = 0;
    let piece = pieces[i];
    let k = offset - piece.start;
    if (isEnd) {
      k = Math.min(Math.max(k, 1), piece.offsets.length);
      return { node: piece.node, offset: piece.offsets[k - 1] + 1 };
    }
    if (k >= piece.offsets.length) {
      if (i + 1 >= pieces.length) return { node: piece.node, offset: piece.node.data.length };
      piece = pieces[i + 1];
      k = 0;
    }
    return { node: piece.node, offset: piece.offsets[Math.max(k, 0)] };
  }

  function makeRange(pieces, start16, end16) {
    const a = position(pieces, start16, false), b = position(pieces, end16, true);
    if (!a || !b) return null;
    const range = document.createRange();
    try { range.setStart(a.node, a.offset); range.setEnd(b.node, b.offset); } catch { return null; }
    return range;
  }

  // Findings of the old text moved to the new text: the common prefix and suffix stay, a finding
  // that touches the changed part is dropped until the next check.
  function shiftFindings(findings, oldText, newText) {
    const max = Math.min(oldText.length, newText.length);
    let p = 0;
    while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
    const oldEnd = oldText.length - s, delta = newText.length - oldText.length;
    const out = [];
    for (const f of findings) {
      if (f.end16 <= p) out.push(f);
      else if (f.start16 >= oldEnd) out.push({ ...f, start16: f.start16 + delta, end16: f.end16 + delta });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // What can be checked.

  function deepActiveElement() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }

  function fieldOf(el) {
    if (!el || el.nodeType !== Node.ELEMENT_NODE) return null;
    if (el.tagName === 'TEXTAREA') return { kind: 'textarea', el };
    if (el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el.getAttribute('type') || '').toLowerCase())) return { kind: 'input', el };
    if (el.isContentEditable) {
      let host = el;
      while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
      return { kind: 'contenteditable', el: host };
    }
    return null;
  }

  function fieldLabel(el) {
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const by = (el.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => id && document.getElementById(id)).filter(Boolean);
    if (by.length) return by.map((e) => e.textContent.trim()).join(' ');
    if (el.labels && el.labels[0]) return el.labels[0].textContent.trim();
    return el.getAttribute('name') || el.getAttribute('placeholder') || el.id || '';
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions: one per thing checked (the article or selection, and each field). A field session
  // stays live until cleared: typing in it re-checks it.

  const sessions = [];
  let pendingTarget = null;
  let ui = null;        // {host, shadow, panel, tip, layers}
  let panelOpen = null; // null: chosen by placement; true/false: the person's choice

  function sessionFor(el) { return sessions.find((s) => s.el === el && !s.dead); }

  function readFieldText(s) {
    if (s.kind === 'contenteditable') {
      const ws = getComputedStyle(s.el).whiteSpace;
      const fold = !/^(pre|break-spaces)/.test(ws);
      const { text, pieces } = extractText(s.el, { fold, editor: true });
      s.pieces = pieces;
      return text;
    }
    return s.el.value;
  }

  function newSession(target) {
    const s = { kind: target.kind, el: target.el, label: target.label || '', text: target.text, pieces: target.pieces || null,
      findings: [], shown: [], referenceDate: null, seq: 0, timer: 0, checks: 0, recheckMs: [], serviceWorkerMs: [], inputMs: [], dead: false };
    if (s.kind === 'textarea' || s.kind === 'input') attachMirror(s);
    if (s.kind === 'contenteditable') attachEditable(s);
    sessions.push(s);
    return s;
  }

  function applyReport(s, report) {
    s.findings = report.findings || [];
    s.referenceDate = report.document && report.document.reference_date;
  }

  function findingKey(f) { return `${f.rule}|${f.text}`; }

  // The findings shown: not dismissed on this page, rule not silenced on this site.
  function visible(s) {
    return s.findings.filter((f) => !prefs.silenced.has(f.rule) && !prefs.dismissed.has(findingKey(f)));
  }

  function layoutSession(s) {
    s.shown = visible(s).map((finding) => ({ finding, range: null }));
    if (s.kind === 'textarea' || s.kind === 'input') return layoutMirrorMarks(s);
    for (const item of s.shown) item.range = makeRange(s.pieces, item.finding.start16, item.finding.end16);
  }

  function drawHighlights() {
    const byName = { error: [], warning: [], info: [] };
    for (const s of sessions) {
      for (const item of s.shown) if (item.range) byName[item.finding.severity]?.push(item.range);
    }
    for (const severity of SEVERITIES) {
      if (byName[severity].length) CSS.highlights.set(HIGHLIGHT_NAMES[severity], new Highlight(...byName[severity]));
      else CSS.highlights.delete(HIGHLIGHT_NAMES[severity]);
    }
  }

  function refresh() {
    for (const s of sessions) layoutSession(s);
    drawHighlights();
    renderPanel();
  }

  function dropSession(s) {
    s.dead = true;
    clearTimeout(s.timer);
    if (s.observer) s.observer.disconnect();
    if (s.detach) s.detach();
    const i = sessions.indexOf(s);
    if (i >= 0) sessions.splice(i, 1);
  }

  function clear() {
    for (const s of [...sessions]) dropSession(s);
    for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    if (ui) {
      ui.host.remove();
      document.removeEventListener('mousemove', onMouseMove, true);
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('scroll', onScroll, true);
      removeEventListener('resize', onResize);
      clearInterval(ui.poll);
      ui.resizeObserver.disconnect();
    }
    ui = null;
    panelOpen = null;
  }

  // Re-checks a field after typing, debounced; a newer edit wins over an older answer.
  function scheduleRecheck(s) {
    clearTimeout(s.timer);
    s.timer = setTimeout(() => recheck(s), DEBOUNCE_MS);
  }

  async function recheck(s) {
    if (s.dead) return;
    const started = performance.now();
    const text = s.kind === 'contenteditable' ? readFieldText(s) : s.el.value;
    const seq = ++s.seq;
    let answer;
    try {
      answer = await chrome.runtime.sendMessage({ type: 'factlint-check-text', text });
    } catch (error) {
      answer = { error: String(error && error.message || error) };
    }
    const answered = performance.now();
    if (s.dead || seq !== s.seq) return;
    if (!answer || !answer.report) { s.error = answer && answer.error; renderPanel(); return; }
    const now = s.kind === 'contenteditable' ? readFieldText(s) : s.el.value;
    applyReport(s, answer.report);
    // Typed meanwhile: the answer is moved onto the current text (findings touching the new
    // edit wait), so someone who keeps typing still sees results; the next check follows.
    if (now !== text) { s.findings = shiftFindings(s.findings, text, now); scheduleRecheck(s); }
    s.text = now;
    if (s.kind === 'textarea' || s.kind === 'input') setMirrorText(s);
    layoutSession(s);
    drawHighlights();
    renderPanel();
    s.checks += 1;
    s.recheckMs.push(performance.now() - started);
    s.serviceWorkerMs.push(answered - started);
    if (s.recheckMs.length > 1000) { s.recheckMs.shift(); s.serviceWorkerMs.shift(); }
  }

  // ---------------------------------------------------------------------------------------------
  // contenteditable: a MutationObserver re-reads the text after each change of the editor, moves
  // the findings with it and rebuilds their ranges (an editor may replace the text nodes a range
  // points into), then re-checks.

  function attachEditable(s) {
    let frame = 0;
    s.observer = new MutationObserver(() => {
      // The panel's list is redrawn when the re-check answers, not at each keystroke.
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (s.dead) return;
        if (!s.el.isConnected) { dropSession(s); refresh(); return; }
        const started = performance.now();
        const text = readFieldText(s);
        if (text === s.text) { layoutSession(s); drawHighlights(); return; }
        s.findings = shiftFindings(s.findings, s.text, text);
        s.text = text;
        layoutSession(s);
        drawHighlights();
        s.inputMs.push(performance.now() - started);
        if (s.inputMs.length > 1000) s.inputMs.shift();
        scheduleRecheck(s);
      });
    });
    s.observer.observe(s.el, { subtree: true, childList: true, characterData: true });
  }

  // ---------------------------------------------------------------------------------------------
  // textarea / input: the mirror overlay. A layer (fixed, the field's padding box, clipping) holds
  // the mirror: the field's text laid out with the field's font, padding and wrapping, one block
  // per line so an edit only lays out again the lines it touched; the marks are positioned in
  // the mirror's coordinates, and the mirror is moved by the field's scroll offsets.

  const MIRRORED = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
    'font-kerning', 'font-feature-settings', 'font-variation-settings', 'font-optical-sizing', 'font-size-adjust',
    'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align',
    'text-rendering', 'tab-size', 'direction', 'unicode-bidi', 'writing-mode', 'hyphens', 'word-break',
    'overflow-wrap', 'white-space', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left'];

  function attachMirror(s) {
    ensureUi();
    const layer = el('div', 'layer');
    const mirror = el('div', `mirror ${s.kind}`);
    mirror.setAttribute('aria-hidden', 'true');
    layer.append(mirror);
    ui.layers.append(layer);
    s.layer = layer;
    s.mirror = mirror;
    s.lines = [];       // the text of each line of the mirror
    s.lineStarts = [];  // offset of each line in the field's value
    s.lineEls = [];
    s.styleKey = '';
    s.marks = [];
    const onInput = s.onInput = () => {
      const started = performance.now();
      const text = s.el.value;
      if (text === s.text) return;
      s.findings = shiftFindings(s.findings, s.text, text);
      s.text = text;
      setMirrorText(s);
      layoutSession(s);
      s.inputMs.push(performance.now() - started);
      if (s.inputMs.length > 1000) s.inputMs.shift();
      scheduleRecheck(s);
    };
    const onScroll = () => {
      const w = s.markWindow;
      const outside = w && (s.el.scrollTop < w.top + s.el.clientHeight / 2 || s.el.scrollTop + s.el.clientHeight > w.bottom - s.el.clientHeight / 2);
      if (placeMirror(s) || (outside && s.kind !== 'input')) layoutMirrorMarks(s);
    };
    s.el.addEventListener('input', onInput);
    s.el.addEventListener('scroll', onScroll, { passive: true });
    const attrs = new MutationObserver(scheduleSync);
    attrs.observe(s.el, { attributes: true, attributeFilter: ['style', 'class', 'rows', 'cols', 'wrap', 'dir'] });
    ui.resizeObserver.observe(s.el);
    s.detach = () => {
      s.el.removeEventListener('input', onInput);
      s.el.removeEventListener('scroll', onScroll);
      attrs.disconnect();
      ui?.resizeObserver.unobserve(s.el);
      layer.remove();
    };
    syncMirrorStyle(s);
  }

  // Copies the field's text styles; true when they changed (the marks must be laid out again).
  function syncMirrorStyle(s) {
    const cs = getComputedStyle(s.el);
    const values = MIRRORED.map((p) => cs.getPropertyValue(p));
    const key = `${values.join('|')}|${s.el.clientWidth}x${s.el.clientHeight}`;
    if (key === s.styleKey) return false;
    s.styleKey = key;
    const m = s.mirror.style;
    MIRRORED.forEach((p, i) => m.setProperty(p, values[i]));
    if (s.kind === 'input') m.setProperty('white-space', 'pre');
    else if (s.el.getAttribute('wrap') === 'off') m.setProperty('white-space', 'pre');
    m.width = s.kind === 'input' ? 'max-content' : `${s.el.clientWidth}px`;
    m.minWidth = `${s.el.clientWidth}px`;
    m.height = s.kind === 'input' ? `${s.el.clientHeight}px` : 'auto';
    return true;
  }

  function setMirrorText(s) {
    const lines = s.kind === 'input' ? [s.text] : s.text.split('\n');
    const old = s.lines;
    let head = 0;
    while (head < old.length && head < lines.length && old[head] === lines[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < lines.length - head && old[old.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
    const fresh = [];
    for (let i = head; i < lines.length - tail; i++) {
      const line = el('div', 'line');
      if (lines[i]) line.append(document.createTextNode(lines[i])); else line.append(document.createElement('br'));
      fresh.push(line);
    }
    const removed = s.lineEls.splice(head, old.length - head - tail, ...fresh);
    const before = s.lineEls[head + fresh.length] || null;
    for (const r of removed) r.remove();
    const frag = document.createDocumentFragment();
    frag.append(...fresh);
    s.mirror.insertBefore(frag, before);
    s.lines = lines;
    s.lineStarts = new Array(lines.length);
    let at = 0;
    for (let i = 0; i < lines.length; i++) { s.lineStarts[i] = at; at += lines[i].length + 1; }
  }

  function mirrorPoint(s, offset) {
    let lo = 0, hi = s.lineStarts.length - 1, line = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s.lineStarts[mid] <= offset) { line = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const col = Math.min(offset - s.lineStarts[line], s.lines[line].length);
    const node = s.lineEls[line].firstChild;
    return node && node.nodeType === Node.TEXT_NODE ? { node, offset: col } : { node: s.lineEls[line], offset: 0 };
  }

  // Marks are made only for the findings in and around the visible part of the field (one field
  // height above and below), so a long text with hundreds of findings costs no more per keystroke
  // than a short one; scrolling out of that window lays them out again.
  function layoutMirrorMarks(s) {
    for (const mark of s.marks) mark.remove();
    s.marks = [];
    if (!s.lineEls.length) setMirrorText(s);
    const f0 = s.el;
    const windowTop = f0.scrollTop - f0.clientHeight, windowBottom = f0.scrollTop + 2 * f0.clientHeight;
    s.markWindow = { top: windowTop, bottom: windowBottom };
    const lineAt = (y) => {  // the first line whose bottom is below y
      let lo = 0, hi = s.lineEls.length - 1, found = s.lineEls.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const e = s.lineEls[mid];
        if (e.offsetTop + e.offsetHeight > y) { found = mid; hi = mid - 1; } else lo = mid + 1;
      }
      return found;
    };
    const first = s.kind === 'input' ? 0 : lineAt(windowTop);
    const last = s.kind === 'input' ? 0 : lineAt(windowBottom);
    const from = s.lineStarts[first], to = last + 1 < s.lineStarts.length ? s.lineStarts[last + 1] : Infinity;
    const origin = s.mirror.getBoundingClientRect();
    const range = document.createRange();
    for (const item of s.shown) {
      const f = item.finding;
      item.marks = [];
      if (f.end16 < from || f.start16 > to) continue;
      const a = mirrorPoint(s, f.start16), b = mirrorPoint(s, f.end16);
      try { range.setStart(a.node, a.offset); range.setEnd(b.node, b.offset); } catch { continue; }
      // One mark per line: the rects of one line (the words, a trailing space) are joined.
      const lines = [];
      for (const r of range.getClientRects()) {
        if (r.width < 1) continue;
        const same = lines.find((l) => Math.abs(l.top - r.top) < 1 && Math.abs(l.bottom - r.bottom) < 1);
        if (same) { same.left = Math.min(same.left, r.left); same.right = Math.max(same.right, r.right); }
        else lines.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      }
      for (const l of lines) {
        const mark = el('div', `mark ${f.severity}`);
        mark.style.left = `${l.left - origin.left}px`;
        mark.style.top = `${l.top - origin.top}px`;
        mark.style.width = `${l.right - l.left}px`;
        mark.style.height = `${l.bottom - l.top}px`;
        item.marks.push(mark);
        s.marks.push(mark);
      }
    }
    s.mirror.append(...s.marks);
  }

  // Puts the layer on the field's padding box and the mirror at the field's scroll offsets.
  // Returns true when the field became visible again (its marks must be laid out: a hidden
  // mirror has no geometry).
  function placeMirror(s) {
    const f = s.el;
    const r = f.getBoundingClientRect();
    const style = s.layer.style;
    if (!r.width || !r.height || !f.getClientRects().length) { style.display = 'none'; return false; }
    const shown = style.display !== 'none';
    style.display = 'block';
    style.left = `${r.left + f.clientLeft}px`;
    style.top = `${r.top + f.clientTop}px`;
    style.width = `${f.clientWidth}px`;
    style.height = `${f.clientHeight}px`;
    s.mirror.style.transform = `translate(${-f.scrollLeft}px, ${-f.scrollTop}px)`;
    return !shown;
  }

  let syncFrame = 0;
  function scheduleSync() {
    if (syncFrame) return;
    syncFrame = requestAnimationFrame(() => {
      syncFrame = 0;
      syncAll();
    });
  }

  function syncAll() {
    let dropped = false;
    for (const s of [...sessions]) {
      if (!s.el.isConnected) { dropSession(s); dropped = true; continue; }
      if (s.kind !== 'textarea' && s.kind !== 'input') continue;
      // A value set by the page's script fires no input event: caught here (at the latest by
      // the half-second poll).
      if (s.el.value !== s.text) s.onInput();
      const restyled = syncMirrorStyle(s);
      if (placeMirror(s) || restyled) layoutMirrorMarks(s);
    }
    if (dropped) refresh();
  }

  // A resize or zoom moves the fields and may change where the panel fits.
  function onResize() {
    scheduleSync();
    if (ui) placePanel();
  }

  // A scroll moves the text under the tooltip: hide it, and move the overlays.
  function onScroll() {
    if (tipState.index >= 0) hideTip();
    scheduleSync();
  }

  // ---------------------------------------------------------------------------------------------
  // The shadow root: overlays, panel, tooltip.

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const UI_CSS = `
    :host { all: initial; }
    .layer { position: fixed; overflow: hidden; pointer-events: none; z-index: 2147483646; }
    .mirror { position: absolute; left: 0; top: 0; box-sizing: border-box; margin: 0; border: 0; color: transparent;
      background: transparent; overflow: visible; }
    .mirror.input { display: flex; flex-direction: column; justify-content: center; }
    .mirror .mark { position: absolute; box-sizing: border-box; pointer-events: none; }
    .mark.error { background: rgba(220, 38, 38, .16); border-bottom: 2px solid rgb(200, 30, 30); }
    .mark.warning { background: rgba(234, 179, 8, .22); border-bottom: 2px dashed rgb(180, 120, 0); }
    .mark.info { background: rgba(59, 130, 246, .14); border-bottom: 2px dotted rgb(37, 99, 235); }
    .panel { position: fixed; z-index: 2147483647; font: 13px/1.4 system-ui, sans-serif; color: #111; background: #fff; color-scheme: light;
      border: 1px solid #999; box-shadow: 0 4px 18px rgba(0,0,0,.25); box-sizing: border-box; }
    .panel.dock { top: 8px; bottom: 8px; width: ${DOCK_WIDTH}px; border-radius: 8px; display: flex; flex-direction: column; }
    .panel.pill { border-radius: 999px; }
    .panel.pill .body, .panel.dock .open { display: none; }
    .open { font: inherit; font-weight: 600; padding: 5px 12px; border: 0; background: transparent; color: inherit; cursor: pointer; border-radius: 999px; }
    .body { display: flex; flex-direction: column; min-height: 0; flex: 1; }
    header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid #ddd; font-weight: 600; }
    header .title { flex: 1; }
    button { font: inherit; cursor: pointer; }
    .list { overflow-y: auto; overflow-x: hidden; flex: 1; }
    h3 { font-size: 12px; margin: 0; padding: 6px 10px; background: rgba(0,0,0,.05); font-weight: 600; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 8px 10px; border-bottom: 1px solid #eee; cursor: pointer; }
    li:focus { outline: 2px solid #2563eb; outline-offset: -2px; }
    .sev { font-weight: 700; text-transform: uppercase; font-size: 11px; margin-right: 6px; }
    .error .sev { color: #b91c1c; } .warning .sev { color: #92400e; } .info .sev { color: #1d4ed8; }
    .claim { font-style: italic; } .ev { color: #444; font-size: 12px; margin-top: 4px; overflow-wrap: anywhere; }
    .fix { color: #065f46; font-size: 12px; margin-top: 4px; }
    .when, .note { padding: 6px 10px; font-size: 12px; color: #444; }
    .actions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
    .actions button { font-size: 12px; padding: 2px 8px; border: 1px solid #999; border-radius: 4px; background: #f7f7f7; color: inherit; }
    footer { border-top: 1px solid #ddd; padding: 6px 10px; font-size: 12px; display: flex; flex-direction: column; gap: 4px; }
    footer label { display: flex; gap: 6px; align-items: center; }
    .tip { position: fixed; z-index: 2147483647; max-width: 360px; padding: 8px 10px; background: #111; color: #fff;
      border-radius: 6px; font: 12px/1.4 system-ui, sans-serif; display: none; white-space: pre-line; }
    .tip .actions button { background: #333; border-color: #666; color: #fff; }
    @media (prefers-color-scheme: dark) {
      .panel { background: #1f2937; color: #f3f4f6; border-color: #4b5563; color-scheme: dark; }
      header, footer { border-color: #374151; } li { border-color: #374151; } h3 { background: rgba(255,255,255,.06); }
      .ev, .when, .note { color: #d1d5db; } .fix { color: #6ee7b7; }
      .error .sev { color: #fca5a5; } .warning .sev { color: #fcd34d; } .info .sev { color: #93c5fd; }
      .actions button { background: #374151; border-color: #6b7280; }
      .tip { background: #f9fafb; color: #111; } .tip .actions button { background: #e5e7eb; border-color: #9ca3af; color: #111; }
      .mark.error { background: rgba(248, 113, 113, .22); border-bottom-color: rgb(248, 113, 113); }
      .mark.warning { background: rgba(250, 204, 21, .22); border-bottom-color: rgb(250, 204, 21); }
      .mark.info { background: rgba(96, 165, 250, .2); border-bottom-color: rgb(96, 165, 250); }
    }`;

  function ensureUi() {
    if (ui) return;
    const host = document.createElement('factlint-panel');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = el('style'); style.textContent = UI_CSS;
    const layers = el('div');
    const panel = el('section', 'panel pill');
    panel.setAttribute('role', 'complementary');
    panel.setAttribute('aria-label', 'factlint findings');
    const tip = el('div', 'tip');
    tip.setAttribute('role', 'tooltip');
    shadow.append(style, layers, panel, tip);
    document.documentElement.appendChild(host);
    ui = { host, shadow, layers, panel, tip, resizeObserver: new ResizeObserver(scheduleSync), poll: 0, placement: null };
    tip.addEventListener('mouseenter', cancelHideTip);
    tip.addEventListener('mouseleave', () => hideTipSoon());
    document.addEventListener('mousemove', onMouseMove, true);
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    addEventListener('resize', onResize);
    // Fonts that finish loading and styles changed from outside the field (a class on <body>,
    // a zoom) change the layout without an event on the field: a cheap style comparison twice a
    // second catches them.
    ui.poll = setInterval(() => { if (sessions.some((s) => s.mirror)) scheduleSync(); }, 500);
    document.fonts?.addEventListener?.('loadingdone', () => { for (const s of sessions) s.styleKey = ''; scheduleSync(); });
  }

  function kindName(s) {
    const label = s.label ? ` “${s.label}”` : '';
    switch (s.kind) {
      case 'textarea': return `Text area${label}`;
      case 'input': return `Text field${label}`;
      case 'contenteditable': return `Editor${label}`;
      case 'selection': return 'Selection';
      default: return 'Article';
    }
  }

  const SOURCE_WORDS = { given: 'the date given', metadata: 'published, from the page\'s metadata', dateline: 'the dateline', inferred: 'inferred from the text' };
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

  function renderPanel() {
    if (!ui) return;
    const panel = ui.panel;
    panel.replaceChildren();
    const total = sessions.reduce((n, s) => n + s.shown.length, 0);
    ui.host.setAttribute('data-findings', String(total));
    const open = el('button', 'open', `factlint · ${total}`);
    open.title = 'Show the findings';
    open.setAttribute('aria-label', `factlint: ${plural(total, 'finding')}; show them`);
    open.addEventListener('click', () => { panelOpen = true; renderPanel(); });
    const body = el('div', 'body');
    const head = el('header');
    head.append(el('span', 'title', `factlint: ${plural(total, 'finding')}`));
    const collapse = el('button', '', '–');
    collapse.title = 'Collapse';
    collapse.setAttribute('aria-label', 'Collapse the factlint panel');
    collapse.addEventListener('click', () => { panelOpen = false; renderPanel(); });
    const close = el('button', '', '✕');
    close.title = 'Clear (Escape)';
    close.setAttribute('aria-label', 'Clear factlint highlights');
    close.addEventListener('click', clear);
    head.append(collapse, close);
    const list = el('div', 'list');
    let dismissedHere = 0;
    for (const s of sessions) {
      dismissedHere += s.findings.filter((f) => prefs.dismissed.has(findingKey(f))).length;
      list.append(el('h3', '', `${kindName(s)}: ${plural(s.shown.length, 'finding')} in ${s.text.length.toLocaleString()} characters${s.kind !== 'article' && s.kind !== 'selection' ? ' · re-checked as you type' : ''}`));
      const rd = s.referenceDate;
      if (rd && rd.from) list.append(el('div', 'when', `Judged at ${rd.from === rd.to ? rd.from : `${rd.from} … ${rd.to}`} (${SOURCE_WORDS[rd.source] || rd.source})`));
      if (s.error) list.append(el('div', 'note', `Check failed: ${s.error}`));
      const ol = el('ol');
      s.shown.slice(0, MAX_LISTED).forEach((item, i) => ol.append(renderItem(s, i)));
      list.append(ol);
      if (s.shown.length > MAX_LISTED) list.append(el('div', 'note', `The first ${MAX_LISTED} are listed; the others are marked in the text.`));
    }
    const foot = el('footer');
    const liveLabel = el('label');
    const live = el('input');
    live.type = 'checkbox';
    live.checked = prefs.live;
    live.addEventListener('change', () => setLive(live.checked));
    liveLabel.append(live, el('span', '', `Check as I type on ${location.hostname || 'this site'}`));
    foot.append(liveLabel);
    if (prefs.silenced.size) {
      const row = el('div', '', `Silenced here: ${[...prefs.silenced].join(', ')} `);
      const undo = el('button', '', 'Restore');
      undo.addEventListener('click', () => { prefs.silenced.clear(); saveSilenced(); refresh(); });
      row.append(undo);
      foot.append(row);
    }
    if (dismissedHere) {
      const row = el('div', '', `${plural(dismissedHere, 'finding')} dismissed on this page `);
      const undo = el('button', '', 'Show again');
      undo.addEventListener('click', () => { prefs.dismissed.clear(); saveDismissed(); refresh(); });
      row.append(undo);
      foot.append(row);
    }
    body.append(head, list, foot);
    panel.append(open, body);
    placePanel();
  }

  function renderItem(s, i) {
    const f = s.shown[i].finding;
    const item = el('li', f.severity);
    item.tabIndex = 0;
    const line = el('div');
    line.append(el('span', 'sev', f.severity), el('span', '', `[${f.rule}] `), el('span', 'claim', `“${f.text}”`));
    item.append(line, el('div', '', f.message));
    for (const ev of f.evidence || []) item.append(el('div', 'ev', `${ev.fact}${ev.source ? ` — ${ev.source}` : ''}`));
    if (hasFix(f)) item.append(el('div', 'fix', `Suggested: ${f.suggestion}`));
    item.append(actionButtons(s, i));
    item.addEventListener('click', (e) => { if (!e.target.closest('button')) jump(s, i); });
    item.addEventListener('keydown', (e) => { if (e.target === item && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); jump(s, i); } });
    return item;
  }

  function hasFix(f) { return typeof f.suggestion === 'string' && f.suggestion !== f.text; }
  function editable(s) { return s.kind === 'textarea' || s.kind === 'input' || s.kind === 'contenteditable'; }

  function actionButtons(s, i) {
    const f = s.shown[i].finding;
    const row = el('div', 'actions');
    if (hasFix(f) && editable(s)) {
      const apply = el('button', 'apply', `Replace with “${f.suggestion}”`);
      apply.addEventListener('click', () => applyFix(s, i));
      row.append(apply);
    }
    const dismiss = el('button', 'dismiss', 'Dismiss');
    dismiss.title = 'Hide this finding on this page';
    dismiss.addEventListener('click', () => dismissFinding(s, i));
    const silence = el('button', 'silence', `Silence ${f.rule} here`);
    silence.title = `Stop showing ${f.rule} on ${location.hostname}`;
    silence.addEventListener('click', () => silenceRule(f.rule));
    row.append(dismiss, silence);
    return row;
  }

  // Where the panel goes: docked to the side that has room next to what was checked, else a pill
  // in a corner where it covers no text of the first screen. The person can open or close it.
  function obstacles() {
    const rects = [];
    const screen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const inScreen = (r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    for (const s of sessions) {
      if (s.kind === 'textarea' || s.kind === 'input' || s.kind === 'contenteditable') {
        const r = s.el.getBoundingClientRect();
        if (inScreen(r)) rects.push(r);
        continue;
      }
      const range = document.createRange();
      for (const piece of s.pieces || []) {
        range.selectNodeContents(piece.node);
        const box = range.getBoundingClientRect();
        if (box.top > screen.bottom) break;
        if (!inScreen(box)) continue;
        for (const r of range.getClientRects()) if (inScreen(r)) rects.push(r);
      }
    }
    return rects;
  }

  function placePanel() {
    const panel = ui.panel;
    const rects = obstacles();
    const right = rects.reduce((m, r) => Math.max(m, r.right), 0);
    const left = rects.reduce((m, r) => Math.min(m, r.left), innerWidth);
    const side = innerWidth - right >= DOCK_WIDTH + 16 ? 'right' : left >= DOCK_WIDTH + 16 ? 'left' : null;
    const dock = panelOpen === true || (panelOpen === null && side !== null);
    panel.className = `panel ${dock ? 'dock' : 'pill'}`;
    for (const p of ['left', 'right', 'top', 'bottom']) panel.style[p] = '';
    if (dock) {
      if ((side || 'right') === 'right') panel.style.right = '8px'; else panel.style.left = '8px';
      ui.placement = side ? `dock-${side}` : 'dock-over';
      return;
    }
    const w = panel.offsetWidth || 120, h = panel.offsetHeight || 30;
    const corners = [['right', 'bottom'], ['right', 'top'], ['left', 'bottom'], ['left', 'top']];
    const hits = ([x, y]) => {
      const box = { left: x === 'left' ? 8 : innerWidth - 8 - w, top: y === 'top' ? 8 : innerHeight - 8 - h };
      box.right = box.left + w; box.bottom = box.top + h;
      return rects.some((r) => r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top);
    };
    const corner = corners.find((c) => !hits(c)) || corners[0];
    panel.style[corner[0]] = '8px';
    panel.style[corner[1]] = '8px';
    ui.placement = `pill-${corner[1]}-${corner[0]}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Actions.

  function itemRects(s, i) {
    const item = s.shown[i];
    if (!item) return [];
    if (item.range) return [...item.range.getClientRects()];
    if (!item.marks || !s.layer || s.layer.style.display === 'none') return [];
    const clip = s.layer.getBoundingClientRect();
    const out = [];
    for (const m of item.marks) {
      const r = m.getBoundingClientRect();
      const left = Math.max(r.left, clip.left), right = Math.min(r.right, clip.right);
      const top = Math.max(r.top, clip.top), bottom = Math.min(r.bottom, clip.bottom);
      if (right > left && bottom > top) out.push(new DOMRect(left, top, right - left, bottom - top));
    }
    return out;
  }

  function jump(s, i) {
    const item = s.shown[i];
    if (!item) return;
    const f = item.finding;
    if (s.kind === 'textarea' || s.kind === 'input') {
      s.el.scrollIntoView({ block: 'nearest' });
      s.el.focus({ preventScroll: true });
      s.el.setSelectionRange(f.start16, f.end16);  // selects the claim
      // Scroll the field to the claim (the mirror knows where its line is), then mark it there.
      if (s.kind === 'textarea') {
        const { node } = mirrorPoint(s, f.start16);
        const line = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
        const y = line.offsetTop;
        if (y < s.el.scrollTop || y > s.el.scrollTop + s.el.clientHeight - line.offsetHeight) s.el.scrollTop = Math.max(0, y - s.el.clientHeight / 3);
      }
      placeMirror(s);
      layoutMirrorMarks(s);
    } else if (item.range) {
      const node = item.range.startContainer.parentElement || document.body;
      node.scrollIntoView({ block: 'center' });
      if (s.kind === 'contenteditable') {
        s.el.focus({ preventScroll: true });
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(item.range.cloneRange());
      }
    }
    requestAnimationFrame(() => { syncAll(); const r = itemRects(s, i)[0]; if (r) showTip(s, i, r.left, r.bottom); });
  }

  // Replaces the claim with the suggestion through the field's own input path.
  function applyFix(s, i) {
    const item = s.shown[i];
    if (!item || !hasFix(item.finding)) return { applied: false, reason: 'no suggestion' };
    const f = item.finding;
    hideTip();
    if (s.kind === 'textarea' || s.kind === 'input') {
      const field = s.el;
      if (field.value.slice(f.start16, f.end16) !== f.text) { scheduleRecheck(s); return { applied: false, reason: 'the text moved' }; }
      field.focus({ preventScroll: true });
      field.setSelectionRange(f.start16, f.end16);
      if (document.execCommand('insertText', false, f.suggestion)) return { applied: true, via: 'execCommand' };
      field.setRangeText(f.suggestion, f.start16, f.end16, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: f.suggestion }));
      return { applied: true, via: 'setRangeText' };
    }
    if (s.kind === 'contenteditable' && item.range) {
      if (item.range.toString() !== f.text) { scheduleRecheck(s); return { applied: false, reason: 'the text moved' }; }
      s.el.focus({ preventScroll: true });
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(item.range.cloneRange());
      // The browser fires beforeinput/input for this edit, so an editor that handles its own
      // input (Quill, ProseMirror) records it in its history.
      if (document.execCommand('insertText', false, f.suggestion)) return { applied: true, via: 'execCommand' };
      return { applied: false, reason: 'the editor refused the edit' };
    }
    return { applied: false, reason: 'not an editable field' };
  }

  function dismissFinding(s, i) {
    const item = s.shown[i];
    if (!item) return;
    hideTip();
    prefs.dismissed.add(findingKey(item.finding));
    refresh();
    return saveDismissed();
  }

  function silenceRule(rule) {
    hideTip();
    prefs.silenced.add(rule);
    refresh();
    return saveSilenced();
  }

  // ---------------------------------------------------------------------------------------------
  // Tooltip on hover: the finding, its evidence, and the actions.

  const tipState = { session: null, index: -1, hideTimer: 0 };

  function showTip(s, i, x, y) {
    const tip = ui.tip;
    if (tipState.session !== s || tipState.index !== i || tip.style.display !== 'block') {
      const f = s.shown[i].finding;
      tip.replaceChildren();
      const parts = [`${f.severity.toUpperCase()} [${f.rule}]`, f.message];
      for (const ev of f.evidence || []) parts.push(`• ${ev.fact}${ev.source ? ` (${ev.source})` : ''}`);
      if (hasFix(f) && !editable(s)) parts.push(`Suggested: ${f.suggestion}`);
      tip.append(el('div', '', parts.join('\n')), actionButtons(s, i));
      tipState.session = s;
      tipState.index = i;
      tip.style.display = 'block';
      tip.style.left = `${Math.max(4, Math.min(x, innerWidth - tip.offsetWidth - 8))}px`;
      const below = y + 6;
      tip.style.top = `${below + tip.offsetHeight > innerHeight ? Math.max(4, y - tip.offsetHeight - 30) : below}px`;
    }
    cancelHideTip();
  }

  function hideTip() {
    if (!ui) return;
    cancelHideTip();
    ui.tip.style.display = 'none';
    tipState.session = null;
    tipState.index = -1;
  }

  // Hides the tooltip 300 ms after the pointer left the claim and the tooltip. A pending hide is
  // not postponed by further moves outside them (it was, so a pointer that kept moving never
  // closed it); entering the claim or the tooltip cancels it.
  function hideTipSoon() {
    if (tipState.hideTimer) return;
    tipState.hideTimer = setTimeout(() => { tipState.hideTimer = 0; hideTip(); }, 300);
  }

  function cancelHideTip() {
    clearTimeout(tipState.hideTimer);
    tipState.hideTimer = 0;
  }

  function inside(r, x, y, pad = 0) {
    return x >= r.left - pad && x <= r.right + pad && y >= r.top - pad && y <= r.bottom + pad;
  }

  let lastMove = 0;
  function onMouseMove(e) {
    if (!ui || e.timeStamp - lastMove < 30) return;
    lastMove = e.timeStamp;
    if (ui.tip.style.display === 'block' && inside(ui.tip.getBoundingClientRect(), e.clientX, e.clientY, 4)) {
      cancelHideTip();
      return;
    }
    for (const s of sessions) {
      for (let i = 0; i < s.shown.length; i++) {
        const rects = itemRects(s, i);
        for (const r of rects) {
          // Under the claim's last line, so the tooltip never covers the claim.
          if (inside(r, e.clientX, e.clientY)) { showTip(s, i, r.left, Math.max(...rects.map((x) => x.bottom))); return; }
        }
      }
    }
    if (ui.tip.style.display === 'block') hideTipSoon();
  }

  function onKeyDown(e) {
    if (e.key === 'Escape') clear();
  }

  // ---------------------------------------------------------------------------------------------
  // "Check as I type on this site": when on, focusing a field starts checking it.

  let liveListening = false;
  function onFocusIn(e) {
    const target = fieldOf(e.composedPath ? e.composedPath()[0] : e.target);
    if (!target || sessionFor(target.el)) return;
    target.label = fieldLabel(target.el);
    const s = newSession({ ...target, text: '' });
    ensureUi();
    if (panelOpen === null) panelOpen = false;
    recheck(s);
  }

  function updateLiveListener() {
    if (prefs.live && !liveListening) document.addEventListener('focusin', onFocusIn, true);
    if (!prefs.live && liveListening) document.removeEventListener('focusin', onFocusIn, true);
    liveListening = prefs.live;
    if (prefs.live) { const t = fieldOf(deepActiveElement()); if (t && !sessionFor(t.el)) onFocusIn({ target: t.el }); }
  }

  // ---------------------------------------------------------------------------------------------
  // Messages from the service worker.

  function extract(selectionOnly) {
    let target = null;
    if (selectionOnly) {
      const sel = getSelection();
      if (sel && sel.rangeCount && !sel.isCollapsed) {
        const range = sel.getRangeAt(0);
        const root = range.commonAncestorContainer.nodeType === Node.ELEMENT_NODE ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;
        target = { kind: 'selection', el: root, ...extractText(root, { range }) };
      }
    }
    if (!target) {
      const field = fieldOf(deepActiveElement());
      if (field) {
        target = { ...field, label: fieldLabel(field.el) };
        if (field.kind === 'contenteditable') {
          const fold = !/^(pre|break-spaces)/.test(getComputedStyle(field.el).whiteSpace);
          Object.assign(target, extractText(field.el, { fold, editor: true }));
        } else {
          target.text = field.el.value;
        }
      }
    }
    if (!target) {
      const root = pickArticle();
      target = { kind: 'article', el: root, ...extractText(root) };
    }
    pendingTarget = target;
    const pageDate = (target.kind === 'article' || target.kind === 'selection') ? readPageDate() : null;
    return { text: target.text, url: location.href, title: document.title, kind: target.kind, label: target.label || '', pageDate };
  }

  function readPageDate() {
    if (typeof factlintPageDate !== 'function') return null;  // pagedate.js missing: no metadata date
    try {
      const found = factlintPageDate(document);  // eslint-disable-line no-undef
      return found && typeof found.date === 'string' ? { date: found.date, source: String(found.source || '') } : null;
    } catch {
      return null;
    }
  }

  async function show(report) {
    await loadPrefs();
    const target = pendingTarget;
    if (!target) throw new Error('nothing was extracted');
    pendingTarget = null;
    ensureUi();
    // One article (or selection) at a time; a field keeps its session.
    for (const s of [...sessions]) {
      if (s.el === target.el || ((target.kind === 'article' || target.kind === 'selection') && (s.kind === 'article' || s.kind === 'selection'))) dropSession(s);
    }
    const s = newSession(target);
    applyReport(s, report);
    if (s.mirror) setMirrorText(s);
    s.checks = 1;
    panelOpen = null;
    if (s.mirror) placeMirror(s);
    refresh();
    return {
      shown: true, kind: s.kind, label: s.label, length: s.text.length,
      findings: s.shown.map(({ finding: f }) => ({ rule: f.rule, severity: f.severity, text: f.text, start16: f.start16, end16: f.end16, suggestion: f.suggestion })),
      dismissed: s.findings.length - s.shown.length,
    };
  }

  const plainRect = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });

  function state() {
    const focused = fieldOf(deepActiveElement());
    const targetEl = focused ? focused.el : null;
    return {
      shown: Boolean(ui && sessions.length),
      // The toolbar toggles: what a click would check now is already shown.
      targetShown: sessions.some((s) => (targetEl ? s.el === targetEl : s.kind === 'article' || s.kind === 'selection')),
      panelText: ui ? ui.panel.textContent : '',
      panel: ui ? { placement: ui.placement, rect: plainRect(ui.panel.getBoundingClientRect()) } : null,
      live: prefs.live,
      silenced: [...prefs.silenced],
      dismissed: [...prefs.dismissed],
      tip: ui && ui.tip.style.display === 'block' ? {
        rect: plainRect(ui.tip.getBoundingClientRect()),
        text: ui.tip.textContent,
        buttons: Object.fromEntries([...ui.tip.querySelectorAll('button')].map((b) => [b.className, plainRect(b.getBoundingClientRect())])),
      } : null,
      sessions: sessions.map((s) => ({
        kind: s.kind, label: s.label, length: s.text.length, checks: s.checks, recheckMs: s.recheckMs, serviceWorkerMs: s.serviceWorkerMs, inputMs: s.inputMs,
        layer: s.layer && s.layer.style.display !== 'none' ? plainRect(s.layer.getBoundingClientRect()) : null,
        findings: s.shown.map((item, i) => ({
          rule: item.finding.rule, severity: item.finding.severity, text: item.finding.text,
          start16: item.finding.start16, end16: item.finding.end16, suggestion: item.finding.suggestion,
          rects: itemRects(s, i).map(plainRect),
        })),
      })),
    };
  }

  function act(message) {
    const s = sessions[message.session || 0];
    switch (message.action) {
      case 'apply': return s ? applyFix(s, message.index) : { applied: false, reason: 'no session' };
      case 'dismiss': return Promise.resolve(s && dismissFinding(s, message.index)).then(() => ({}));
      case 'silence': return silenceRule(String(message.rule)).then(() => ({}));
      case 'jump': if (s) jump(s, message.index); return {};
      case 'open': panelOpen = Boolean(message.open); renderPanel(); return {};
      case 'live': return setLive(Boolean(message.on)).then(() => ({ live: prefs.live }));
      default: return { error: `unknown action ${message.action}` };
    }
  }

  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const reply = (work) => {
      Promise.resolve().then(work).then(sendResponse, (error) => sendResponse({ error: String(error && error.message || error) }));
      return true;
    };
    switch (message && message.type) {
      case 'factlint-extract': return reply(() => extract(Boolean(message.selectionOnly)));
      case 'factlint-show': return reply(() => show(message.report));
      case 'factlint-clear': return reply(() => { clear(); return {}; });
      case 'factlint-state': return reply(() => loadPrefs().then(state));
      case 'factlint-act': return reply(() => act(message));
      default: return false;
    }
  });

  loadPrefs().then(updateLiveListener);
})();
