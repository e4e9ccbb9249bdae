// factlint content script. Declared for web pages so that the service worker can reach a tab
// without a broad host permission, it stays idle until the service worker sends it a message:
//   {type: "factlint-extract", selectionOnly}  -> {text, url, title}   (the article's text)
//   {type: "factlint-show", report}            -> {shown}              (highlights + panel)
//   {type: "factlint-clear"}                   -> {}                   (removes everything)
//   {type: "factlint-state"}                   -> {shown, panelText}   (for the toggle and tests)
// It never changes the page's DOM text: findings are drawn with the CSS Custom Highlight API
// (names factlint-error / -warning / -info, styled by highlight.css, an extension style sheet),
// and the panel and tooltip live in a closed shadow root on a host element appended to <html>,
// outside <body>. Page text only ever reaches the panel through textContent.
(() => {
  if (globalThis.__factlintContentScript) return;
  globalThis.__factlintContentScript = true;

  const HIGHLIGHT_NAMES = { error: 'factlint-error', warning: 'factlint-warning', info: 'factlint-info' };
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'NAV',
    'ASIDE', 'FOOTER', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OPTION', 'FACTLINT-PANEL']);
  const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4',
    'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'FIGCAPTION', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH', 'PRE',
    'DD', 'DT', 'DL', 'BR', 'HR', 'ADDRESS', 'TIME']);

  // The extracted text and, per text node, where its characters went: pieces[i] = {node, start,
  // offsets} with offsets[k] = offset in node.data of the k-th character taken (whitespace runs
  // fold to one space, so the map is not always the identity).
  let extraction = null;
  let shown = null;  // {findings, ranges, host, shadow}

  function pickRoot() {
    const candidates = [...document.querySelectorAll('article, main, [role="main"]')];
    let best = null;
    let bestLength = 0;
    for (const el of candidates) {
      const length = (el.innerText || '').length;
      if (length > bestLength) { best = el; bestLength = length; }
    }
    return best && bestLength > 200 ? best : document.body;
  }

  function hidden(el) {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
  }

  function extract(selectionOnly) {
    let range = null;
    if (selectionOnly) {
      const sel = getSelection();
      if (sel && sel.rangeCount && !sel.isCollapsed) range = sel.getRangeAt(0);
    }
    const root = range ? range.commonAncestorContainer : pickRoot();
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
          if (/\s/.test(c)) {
            if (lastSpace) continue;
            chunk += ' '; offsets.push(i); lastSpace = true;
          } else {
            chunk += c; offsets.push(i); lastSpace = false;
          }
        }
        if (!chunk.trim()) return;
        if (pendingBreak) { text = text.replace(/ $/, '') + '\n\n'; pendingBreak = false; }
        pieces.push({ node, start: text.length, offsets });
        text += chunk;
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      if (SKIP_TAGS.has(node.tagName) || hidden(node)) return;
      if (node.tagName === 'HEADER' && node !== root && !node.closest('article')) return;
      const block = BLOCK_TAGS.has(node.tagName);
      if (block) breakLine();
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      if (block) breakLine();
    };
    visit(root);
    extraction = { text, pieces };
    return { text, url: location.href, title: document.title };
  }

  // The last piece that starts at or before a UTF-16 offset of the extracted text (-1 if none).
  function findPiece(offset) {
    const pieces = extraction.pieces;
    let lo = 0, hi = pieces.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  // Maps a UTF-16 offset of the extracted text to a DOM position: a start goes to the character
  // at the offset (or the next piece when the offset falls in a block break), an end to just
  // after the character before it.
  function position(offset, isEnd) {
    const pieces = extraction.pieces;
    if (!pieces.length) return null;
    let i = findPiece(isEnd ? offset - 1 : offset);
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

  function clear() {
    for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
    if (shown) {
      shown.host.remove();
      document.removeEventListener('mousemove', onMouseMove, true);
      document.removeEventListener('keydown', onKeyDown, true);
    }
    shown = null;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const PANEL_CSS = `
    :host { all: initial; }
    .panel { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: 360px; max-height: 70vh;
      overflow: auto; font: 13px/1.4 system-ui, sans-serif; color: #111; background: #fff; border: 1px solid #999;
      border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25); }
    header { display: flex; align-items: center; justify-content: space-between; padding: 8px 10px;
      border-bottom: 1px solid #ddd; font-weight: 600; }
    button { font: inherit; cursor: pointer; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 8px 10px; border-bottom: 1px solid #eee; cursor: pointer; }
    li:focus { outline: 2px solid #2563eb; outline-offset: -2px; }
    .sev { font-weight: 700; text-transform: uppercase; font-size: 11px; margin-right: 6px; }
    .error .sev { color: #b91c1c; } .warning .sev { color: #92400e; } .info .sev { color: #1d4ed8; }
    .claim { font-style: italic; } .ev { color: #444; font-size: 12px; margin-top: 4px; }
    .fix { color: #065f46; font-size: 12px; margin-top: 4px; }
    .when { padding: 6px 10px; font-size: 12px; color: #444; border-bottom: 1px solid #ddd; }
    .tip { position: fixed; z-index: 2147483647; max-width: 360px; padding: 8px 10px; background: #111; color: #fff;
      border-radius: 6px; font: 12px/1.4 system-ui, sans-serif; pointer-events: none; display: none; }
    @media (prefers-color-scheme: dark) {
      .panel { background: #1f2937; color: #f3f4f6; border-color: #4b5563; }
      li { border-color: #374151; } .ev, .when { color: #d1d5db; } .fix { color: #6ee7b7; }
    }`;

  function describe(f) {
    const parts = [f.message];
    for (const ev of f.evidence || []) parts.push(`• ${ev.fact}${ev.source ? ` (${ev.source})` : ''}`);
    if (f.suggestion) parts.push(`Suggested: ${f.suggestion}`);
    return parts.join('\n');
  }

  function show(report) {
    clear();
    const findings = report.findings || [];
    const ranges = [];
    const byName = { error: [], warning: [], info: [] };
    for (const f of findings) {
      const a = position(f.start16, false), b = position(f.end16, true);
      let range = null;
      if (a && b) {
        range = document.createRange();
        try { range.setStart(a.node, a.offset); range.setEnd(b.node, b.offset); } catch { range = null; }
      }
      ranges.push(range);
      if (range) byName[f.severity]?.push(range);
    }
    for (const [severity, list] of Object.entries(byName)) {
      if (list.length) CSS.highlights.set(HIGHLIGHT_NAMES[severity], new Highlight(...list));
    }
    const host = document.createElement('factlint-panel');
    host.setAttribute('data-findings', String(findings.length));
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = el('style'); style.textContent = PANEL_CSS; shadow.append(style);
    const panel = el('section', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'factlint findings');
    const head = el('header');
    head.append(el('span', '', `factlint: ${findings.length} finding${findings.length === 1 ? '' : 's'}`));
    const close = el('button', '', '✕');
    close.title = 'Clear (Escape)';
    close.setAttribute('aria-label', 'Clear factlint highlights');
    close.addEventListener('click', clear);
    head.append(close);
    panel.append(head);
    const rd = report.document && report.document.reference_date;
    if (rd && rd.from) {
      panel.append(el('div', 'when', `Judged at ${rd.from === rd.to ? rd.from : `${rd.from} … ${rd.to}`} (${rd.source})`));
    }
    const list = el('ol');
    findings.forEach((f, i) => {
      const item = el('li', f.severity);
      item.tabIndex = 0;
      const line = el('div');
      line.append(el('span', 'sev', f.severity), el('span', '', `[${f.rule}] `), el('span', 'claim', `“${f.text}”`));
      item.append(line, el('div', '', f.message));
      for (const ev of f.evidence || []) item.append(el('div', 'ev', `${ev.fact}${ev.source ? ` — ${ev.source}` : ''}`));
      if (f.suggestion) item.append(el('div', 'fix', `Suggested: ${f.suggestion}`));
      const reveal = () => {
        const r = ranges[i];
        if (r) (r.startContainer.parentElement || document.body).scrollIntoView({ block: 'center', behavior: 'smooth' });
      };
      item.addEventListener('click', reveal);
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(); } });
      list.append(item);
    });
    panel.append(list);
    const tip = el('div', 'tip');
    tip.setAttribute('role', 'tooltip');
    shadow.append(panel, tip);
    document.documentElement.appendChild(host);
    shown = { findings, ranges, host, shadow, tip };
    document.addEventListener('mousemove', onMouseMove, true);
    document.addEventListener('keydown', onKeyDown, true);
    return true;
  }

  function onKeyDown(e) {
    if (e.key === 'Escape') clear();
  }

  let lastMove = 0;
  function onMouseMove(e) {
    if (!shown || e.timeStamp - lastMove < 30) return;
    lastMove = e.timeStamp;
    const { findings, ranges, tip } = shown;
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i];
      if (!r) continue;
      for (const rect of r.getClientRects()) {
        if (e.clientX >= rect.left && e.clientX <= rect.right && e.clientY >= rect.top && e.clientY <= rect.bottom) {
          tip.textContent = describe(findings[i]);
          tip.style.whiteSpace = 'pre-line';
          tip.style.left = `${Math.min(e.clientX + 12, innerWidth - 380)}px`;
          tip.style.top = `${e.clientY + 16}px`;
          tip.style.display = 'block';
          return;
        }
      }
    }
    tip.style.display = 'none';
  }

  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    try {
      switch (message && message.type) {
        case 'factlint-extract': sendResponse(extract(Boolean(message.selectionOnly))); break;
        case 'factlint-show': sendResponse({ shown: show(message.report) }); break;
        case 'factlint-clear': clear(); sendResponse({}); break;
        case 'factlint-state':
          sendResponse({ shown: Boolean(shown), panelText: shown ? shown.shadow.querySelector('.panel').textContent : '' });
          break;
        default: return false;
      }
    } catch (error) {
      sendResponse({ error: String(error && error.message || error) });
    }
    return false;
  });
})();
