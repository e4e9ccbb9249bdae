// The page's cold-start probe, shared by bench/run.mjs and bench/coldstart.mjs: a fresh browser
// context (empty cache), navigation to URL/index.html, and a wait for the first report the page
// applies (body[data-checks] turns 1, which is when the highlights are set; its time since
// navigation start is window.__factlintFirstReport). Returns the open context and page, for the
// caller to read what it measures and then close the context, and factlint's console warnings of
// the page and its Worker (a refused snapshot says so there).
export async function openColdPage(browser, url, { timeout = 60000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__factlintFirstReport === undefined && Number(document.body?.dataset.checks) >= 1) window.__factlintFirstReport = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-checks'] });
  });
  const warnings = [];
  const keep = (m) => { if (m.type() === 'warning' && m.text().startsWith('factlint:')) warnings.push(m.text()); };
  page.on('console', keep);
  page.on('worker', (w) => w.on('console', keep));
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => window.__factlintFirstReport !== undefined, null, { timeout });
  return { context, page, warnings };
}

// The page's typing path, timed the way a person meets it: `doc` is opened in the page (the "Open
// file…" input: a full check), then `runs` one-character edits are made in the editor with
// execCommand (run i inserts an "x" at a position spread over the text, run i+1 deletes it, as
// bench/run.mjs's oneCharEdits does), each followed, after the page's 150 ms debounce, by the
// incremental re-check it schedules. For each re-check the page's own 'factlint:applied' event
// (app.mjs) gives, in ms since the check began: the editor's text read, the engine's answer in
// (for the Worker: message out, check, report cloned back), the report applied (highlights, list,
// reference window), plus the engine's own time for the check; `frame` is the next animation frame
// after it (style, layout). Returns percentiles of each and the raw runs.
export async function pageTyping(page, doc, runs) {
  const applied = (chars) => page.evaluate((n) => new Promise((resolve) => {
    document.addEventListener('factlint:applied', function on(event) {
      if (n !== null && event.detail.chars !== n) return;
      document.removeEventListener('factlint:applied', on);
      resolve(event.detail);
    });
  }), chars);
  const first = applied(doc.length);
  await page.setInputFiles('[data-testid="open-file"]', { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(doc) });
  await first;
  const rows = await page.evaluate(async ({ runs, length }) => {
    const editor = document.getElementById('editor');
    editor.focus();
    // The text node and offset of a UTF-16 offset of the editor's text (one text node per line
    // or one for the whole text, as the browser keeps it).
    const at = (offset) => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (offset <= seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error(`offset ${offset} is past the text`);
    };
    const next = () => new Promise((resolve) => {
      document.addEventListener('factlint:applied', function on(event) {
        document.removeEventListener('factlint:applied', on);
        const detail = event.detail;
        const t = performance.now();  // the event is dispatched as the report has been applied
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve({ ...detail, frame: detail.applied + (performance.now() - t) });
          ch.port2.postMessage(0);
        });
      });
    });
    const out = [];
    for (let i = 0; i < runs; i++) {
      const pos = (Math.imul(i >> 1, 7919) >>> 0) % (length - 1);
      const [node, offset] = at(pos);
      const selection = getSelection();
      const range = document.createRange();
      range.setStart(node, offset);
      if (i % 2 === 0) range.collapse(true); else range.setEnd(node, offset + 1);
      selection.removeAllRanges();
      selection.addRange(range);
      const done = next();
      if (i % 2 === 0) document.execCommand('insertText', false, 'x'); else document.execCommand('delete');
      out.push(await done);
    }
    return out;
  }, { runs, length: doc.length });
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  const stat = (key) => ({ p50: pct(rows.map((r) => r[key]), 0.5), p99: pct(rows.map((r) => r[key]), 0.99), max: Math.max(...rows.map((r) => r[key])) });
  return {
    runs, incremental: rows.every((r) => r.incremental),
    read_ms: stat('read'), answered_ms: stat('answered'), engine_ms: stat('engineMs'), applied_ms: stat('applied'), frame_ms: stat('frame'),
    rows,
  };
}
