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
