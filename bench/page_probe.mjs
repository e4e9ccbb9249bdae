// The page's cold-start probe, shared by bench/run.mjs and bench/coldstart.mjs: a fresh browser
// context (empty cache), navigation to URL/index.html, and a wait for the first report the page
// applies (body[data-checks] turns 1, which is when the highlights are set; its time since
// navigation start is window.__factlintFirstReport). Returns the open context and page, for the
// caller to read what it measures and then close the context, and factlint's console warnings of
// the page and its Worker (a refused snapshot says so there).
export async function openColdPage(browser, url, { timeout = 60000 } = {}) {
  const { context, page } = await newObservedPage(browser);
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

// One cold start traced (Chromium tracing through playwright-core), for where the CPU went: for
// each part between two of `points` (page marks and navigation timing, ms since navigation start,
// as bench/coldstart.mjs reads them), the CPU time of the renderer's threads in it — the page's
// main thread, the Worker's thread (and, of it, the wasm functions compiled on first call), the
// renderer's pool threads (wasm streaming compilation and tier-up, script streaming, raster) —
// from the trace events' thread clocks. A loaded machine stretches the wall times; the CPU times move much less with load.
// Returns {points, parts: [{from, to, wall, main, worker, workerLazyCompile, pool}]}.
export async function traceColdStart(browser, url, readPoints) {
  const { context, page } = await newObservedPage(browser);
  await browser.startTracing(page, { categories: ['toplevel', 'v8.wasm', 'blink.user_timing'] });
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => window.__factlintFirstReport !== undefined, null, { timeout: 60000 });
  const points = await page.evaluate(readPoints);
  const trace = JSON.parse(String(await browser.stopTracing()));
  await context.close();
  const events = trace.traceEvents || trace;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // The page's clock on the trace's: the boot mark's event was made at its own startTime.
  const boot = events.find((e) => e.cat === 'blink.user_timing' && e.name === 'factlint:boot');
  if (!boot) throw new Error('traceColdStart: no factlint:boot mark in the trace');
  const origin = boot.ts - boot.args.data.startTime * 1000;
  const renderer = boot.pid;
  const thread = (e) => {
    const n = names.get(`${e.pid}:${e.tid}`) || '';
    if (e.pid !== renderer) return null;
    if (n === 'CrRendererMain') return 'main';
    if (n.startsWith('DedicatedWorker')) return 'worker';
    if (n.startsWith('ThreadPool')) return 'pool';
    return null;
  };
  // Each thread's CPU clock as a piecewise-linear function of the trace's wall clock, from every
  // complete event (its start and its end; not the marks: a mark made with a startTime in the
  // past, as app.mjs places the Worker's, is dated then but carries the clock of its making): the
  // CPU time of a part is the clock's rise across it, whatever the tasks were.
  const clocks = new Map();  // "pid:tid" -> [[ts, tts], ...] sorted
  for (const e of events) {
    if (e.ph !== 'X' || e.tts === undefined || !thread(e)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!clocks.has(key)) clocks.set(key, []);
    clocks.get(key).push([e.ts, e.tts]);
    if (e.ph === 'X' && e.tdur !== undefined) clocks.get(key).push([e.ts + e.dur, e.tts + e.tdur]);
  }
  const at = (samples, t) => {
    let lo = 0, hi = samples.length - 1;
    if (t <= samples[0][0]) return samples[0][1];
    if (t >= samples[hi][0]) return samples[hi][1];
    while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (samples[mid][0] <= t) lo = mid; else hi = mid; }
    const [t0, c0] = samples[lo], [t1, c1] = samples[hi];
    return t1 > t0 ? c0 + ((c1 - c0) * (t - t0)) / (t1 - t0) : c1;
  };
  for (const samples of clocks.values()) {
    samples.sort((x, y) => x[0] - y[0]);
    for (let k = 1; k < samples.length; k += 1) samples[k][1] = Math.max(samples[k][1], samples[k - 1][1]);  // monotone
  }
  const cpu = (which, a, b) => {
    let total = 0;
    for (const [key, samples] of clocks) {
      const [pid, tid] = key.split(':').map(Number);
      if (thread({ pid, tid }) === which) total += at(samples, b) - at(samples, a);
    }
    return total / 1000;
  };
  const lazy = events.filter((e) => e.ph === 'X' && e.name === 'wasm.CompileLazy' && e.tdur !== undefined && thread(e) === 'worker');
  const order = Object.entries(points).filter(([, t]) => Number.isFinite(t)).sort((a, b) => a[1] - b[1]);
  const bounds = [['navigation', 0], ...order];
  const share = (e, a, b) => {
    const s = Math.max(a, e.ts), t = Math.min(b, e.ts + e.dur);
    return t <= s ? 0 : (e.dur > 0 ? (e.tdur * (t - s)) / e.dur : e.tdur) / 1000;
  };
  const parts = [];
  for (let k = 1; k < bounds.length; k += 1) {
    const a = origin + bounds[k - 1][1] * 1000, b = origin + bounds[k][1] * 1000;
    parts.push({
      from: bounds[k - 1][0], to: bounds[k][0], wall: bounds[k][1] - bounds[k - 1][1],
      main: cpu('main', a, b), worker: cpu('worker', a, b), workerLazyCompile: lazy.reduce((x, e) => x + share(e, a, b), 0), pool: cpu('pool', a, b),
    });
  }
  return { points, parts };
}

// A fresh context and page whose window.__factlintFirstReport is set at the first applied report
// (body[data-checks] >= 1).
async function newObservedPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__factlintFirstReport === undefined && Number(document.body?.dataset.checks) >= 1) window.__factlintFirstReport = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-checks'] });
  });
  return { context, page };
}
