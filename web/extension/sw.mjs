// factlint service worker: owns the checker (the wasm module runs here, so the page's CSP does
// not matter) and the one function every trigger goes through, globalThis.factlint.checkTab.
//
// Triggers: the toolbar button (toggle: check the focused field, else the article; or clear when
// that is already shown), the keyboard command "check-page" (Alt+Shift+F, same target), and the
// context-menu entries. Tests call checkTab the same way through the service worker. A field
// being checked is re-checked as the person types: the content script sends its text here
// ("factlint-check-text") and gets the report back.
//
// Settings live in chrome.storage.local: minSeverity ("info" | "warning" | "error"),
// disabledRules (array of rule ids), customKb (the text of a user KB that loaded without error;
// absent = the bundled KB) and customKbKey (its key in the IndexedDB cache of compiled KBs, where
// its snapshot is), customRules / customRulesName (the text and file name of a user rule
// catalogue that loaded without error; absent = the bundled rules). The worker is stopped when
// idle; on the next wake-up getChecker applies the stored KB (its cached snapshot) and catalogue
// before the first check.
// An article's publication date, read from the page's metadata by pagedate.js in the tab, goes to
// the check as metadataDate (report source "metadata"; a date set nowhere else is the one used).
// Nothing is sent anywhere: the text goes from the tab to this worker and the findings back.

import { FactlintError, createChecker, openKbCache, readKbSnapshotPieces } from './factlint.mjs';

let checkerPromise = null;
// How the last start of the checker went, in ms since getChecker began (read by the restart figure
// of the tests and bench/coldstart.mjs): {settings: the stored settings read, cache: the user KB's
// cached snapshot looked up (0 without a user KB), created: module compiled and instantiated and
// the KB loaded, ready: the stored catalogue (and, on a cache miss, the user KB) applied}, plus
// createChecker's own parts (moduleMs, snapshotMs, kbMs), kbFrom: what createChecker loaded
// ("snapshot" | "json": the JSON only when no snapshot could be read) and kb: "bundled" | "cache" | "json".
const startup = {};
// The compiled snapshots of user KBs (IndexedDB, keyed by the SHA-256 of the KB text): a stored
// user KB is compiled once, and every later wake-up loads its snapshot instead of the JSON.
const kbCache = openKbCache({ name: 'factlint-kb-cache' });

async function bundledKb() {
  const response = await fetch(chrome.runtime.getURL('world.json'));
  return response.text();
}

// The compiled snapshot of the bundled KB (world.kbs.gz, made by the build, inflated as it is
// read: readKbSnapshotPieces; world.kbs where there is no DecompressionStream): loads without JSON
// parsing, so a service worker woken after 30 s idle is ready sooner. When it cannot be read,
// createChecker falls back to world.json. (Requesting it at the start of a wake-up, before the
// settings are read, and cancelling it when a user KB is cached, was tried: no sooner with the
// bundled KB, and the cached user KB's IndexedDB read took twice as long beside it,
// docs/PERFORMANCE.md.)
async function bundledKbSnapshot() {
  const name = typeof DecompressionStream === 'function' ? 'world.kbs.gz' : 'world.kbs';
  return readKbSnapshotPieces(await fetch(chrome.runtime.getURL(name)));
}

// The module compiled as its bytes stream in from the package (undefined: createChecker fetches
// and compiles it itself).
function compileWasm() {
  const url = chrome.runtime.getURL('factlint-core.wasm');
  return WebAssembly.compileStreaming(fetch(url))
    .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()))
    .catch((error) => { console.warn('factlint: the wasm module could not be compiled ahead:', error); return undefined; });
}

// The cache entry stored under `key` ({key, version, snapshot}), or null (none, or the cache
// cannot be read).
async function cachedEntry(key) {
  if (!kbCache || typeof key !== 'string') return null;
  try {
    const entry = await kbCache.get(key);
    return entry && entry.key === key && entry.snapshot ? entry : null;
  } catch {
    return null;
  }
}

// The checker with the user's KB and rule catalogue when there are valid ones, else the bundled.
// At a wake-up only what is needed is read and loaded: the module (compiled while it streams in)
// and either the user KB's cached snapshot (found by customKbKey, the SHA-256 key of the stored
// text: the text itself is not read) or, without a user KB, the bundled snapshot. The stored JSON
// of a user KB is read and compiled only when its snapshot is not cached (the first start after an
// update) or is refused; world.json only when world.kbs is refused.
function getChecker() {
  if (!checkerPromise) {
    checkerPromise = (async () => {
      const t0 = performance.now();
      const wasmModule = compileWasm();
      const stored = await chrome.storage.local.get(['customKbKey', 'customRules']);
      startup.settings = performance.now() - t0;
      const cached = await cachedEntry(stored.customKbKey);
      startup.cache = performance.now() - t0;
      const checker = await createChecker({ kb: bundledKb, kbSnapshot: cached ? cached.snapshot : bundledKbSnapshot(), wasmModule });
      startup.created = performance.now() - t0;
      Object.assign(startup, checker.startup);
      startup.kbFrom = checker.kbFrom;  // "snapshot" (world.kbs.gz, world.kbs or the cached one) or "json" (the fallback)
      // The cached snapshot counts only if it loaded and this version of factlint made it (else
      // loadKbCached below refuses it and compiles the JSON again).
      startup.kb = cached && checker.kbFrom === 'snapshot' && cached.version === checker.version ? 'cache' : 'bundled';
      if (typeof stored.customRules === 'string') {
        try {
          checker.loadRules(stored.customRules);
        } catch (error) {
          // A stored catalogue that no longer loads (a rule kind renamed by an update) is dropped;
          // the bundled rules stay in use and the options page shows why.
          await chrome.storage.local.set({ customRulesError: describeError(error) });
          await chrome.storage.local.remove(['customRules', 'customRulesName']);
        }
      }
      if (startup.kb !== 'cache') {
        const { customKb } = await chrome.storage.local.get('customKb');
        if (typeof customKb === 'string' && customKb) {
          try {
            // Not cached yet (or refused): compiled from the JSON, and cached for the next wake-up.
            const loaded = await checker.loadKbCached(customKb, kbCache);
            if (loaded.key && loaded.key !== stored.customKbKey) await chrome.storage.local.set({ customKbKey: loaded.key });
            startup.kb = 'json';
          } catch (error) {
            // A stored KB that no longer loads (for example after a format change) is dropped; the
            // bundled KB stays in use and the options page shows why.
            await chrome.storage.local.set({ customKbError: describeError(error) });
            await chrome.storage.local.remove(['customKb', 'customKbKey']);
            if (cached) checker.loadKbSnapshot(await bundledKbSnapshot());
          }
        }
      }
      startup.ready = performance.now() - t0;
      return checker;
    })();
    checkerPromise.catch(() => { checkerPromise = null; });
  }
  return checkerPromise;
}

function describeError(error) {
  if (error instanceof FactlintError || (error && error.kind)) {
    return { kind: error.kind, message: error.message, path: error.path || '', line: error.line || 0, column: error.column || 0 };
  }
  return { kind: 'internal', message: String(error && error.message || error), path: '', line: 0, column: 0 };
}

async function settings() {
  const s = await chrome.storage.local.get(['minSeverity', 'disabledRules']);
  return { minSeverity: s.minSeverity || 'info', disabledRules: Array.isArray(s.disabledRules) ? s.disabledRules : [] };
}

async function sendToTab(tabId, message) {
  try {
    return await chrome.tabs.sendMessage(tabId, message);
  } catch (error) {
    // No content script there yet (a tab opened before the extension was installed): inject it
    // now. This works after a user gesture (activeTab); otherwise the error says why.
    await chrome.scripting.executeScript({ target: { tabId }, files: ['pagedate.js', 'content.js'] });
    await chrome.scripting.insertCSS({ target: { tabId }, files: ['highlight.css'] });
    return chrome.tabs.sendMessage(tabId, message);
  }
}

// Checks what the person is working on in a tab: the selection (selectionOnly), else the focused
// field (textarea, text input, contenteditable editor), else the article, and shows the
// findings there. Returns a summary: {count, findings: [{rule, severity, text}], referenceDate,
// fields: [{kind, label, length, findings: N, dismissed}]} (count and findings are what the panel
// shows: findings dismissed on the page or silenced on the site are left out).
async function checkTab(tabId, { selectionOnly = false } = {}) {
  const [checker, options] = await Promise.all([getChecker(), settings()]);
  const page = await sendToTab(tabId, { type: 'factlint-extract', selectionOnly });
  if (!page || typeof page.text !== 'string') throw new Error(`factlint: the page did not answer${page && page.error ? `: ${page.error}` : ''}`);
  const report = checker.check(page.text, { ...options, ...metadataOptions(page.pageDate) });
  const shown = await sendToTab(tabId, { type: 'factlint-show', report });
  if (!shown || shown.error) throw new Error(`factlint: the page could not show the findings${shown && shown.error ? `: ${shown.error}` : ''}`);
  return {
    count: shown.findings.length,
    findings: shown.findings.map((f) => ({ rule: f.rule, severity: f.severity, text: f.text })),
    referenceDate: report.document.reference_date,
    fields: [{ kind: shown.kind, label: shown.label, length: shown.length, findings: shown.findings.length, dismissed: shown.dismissed }],
  };
}

// The page's publication date ({date, source} from pagedate.js in the tab) as check options. A
// value that is not a YYYY-MM-DD day is left out rather than failing the check.
function metadataOptions(pageDate) {
  if (!pageDate || typeof pageDate.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(pageDate.date)) return {};
  return { metadataDate: pageDate.date, metadataSource: typeof pageDate.source === 'string' && pageDate.source ? pageDate.source : 'page metadata' };
}

// A re-check asked by the content script (a field being typed in): the same check, the report
// back to that tab only.
async function checkText(text) {
  if (typeof text !== 'string') return { error: 'text must be a string' };
  const [checker, options] = await Promise.all([getChecker(), settings()]);
  return { report: checker.check(text, options) };
}

async function clearTab(tabId) {
  await sendToTab(tabId, { type: 'factlint-clear' });
}

async function toggleTab(tabId) {
  const state = await sendToTab(tabId, { type: 'factlint-state' }).catch(() => null);
  if (state && state.targetShown) return clearTab(tabId);
  return checkTab(tabId);
}

// Validates a KB text and, when it loads, makes it the one in use and stores it (its compiled
// snapshot goes to the KB cache, or comes from it). An invalid KB changes nothing: the previous KB
// stays in use. Returns {ok: true, fromCache} or {ok: false, error}.
async function setKb(text) {
  const checker = await getChecker();
  let loaded;
  try {
    loaded = await checker.loadKbCached(text, kbCache);  // compiled once; the snapshot is cached
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
  await chrome.storage.local.set({ customKb: text, customKbKey: loaded.key });
  await chrome.storage.local.remove('customKbError');
  return { ok: true, fromCache: loaded.fromCache };
}

async function resetKb() {
  const checker = await getChecker();
  try {
    checker.loadKbSnapshot(await bundledKbSnapshot());
  } catch (error) {
    console.warn(`factlint: the bundled KB snapshot was not loaded (${error && error.message ? error.message : error}); loading world.json`);
    checker.loadKb(await bundledKb());
  }
  await chrome.storage.local.remove(['customKb', 'customKbKey', 'customKbError']);
  return { ok: true };
}

async function rules() {
  const checker = await getChecker();
  return checker.rules;
}

// Validates a rule catalogue and, when it loads, makes it the one in use and stores it with its
// file name. An invalid catalogue changes nothing: the previous one stays in use. Returns
// {ok: true, rules: N} or {ok: false, error}.
async function setRules(text, name) {
  const checker = await getChecker();
  let loaded;
  try {
    loaded = checker.loadRules(text);
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
  await chrome.storage.local.set({ customRules: text, customRulesName: String(name || 'rules.json') });
  await chrome.storage.local.remove('customRulesError');
  return { ok: true, rules: loaded.length };
}

async function resetRules() {
  const checker = await getChecker();
  checker.resetRules();
  await chrome.storage.local.remove(['customRules', 'customRulesName', 'customRulesError']);
  return { ok: true, rules: checker.rules.length };
}

globalThis.factlint = { checkTab, clearTab, toggleTab, setKb, resetKb, rules, setRules, resetRules, startup };

chrome.action.onClicked.addListener((tab) => { if (tab.id !== undefined) toggleTab(tab.id).catch(console.error); });

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'check-page' && tab && tab.id !== undefined) checkTab(tab.id).catch(console.error);
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: 'factlint-check-selection', title: 'Check selection with factlint', contexts: ['selection'] });
  chrome.contextMenus.create({ id: 'factlint-check-page', title: 'Check this article with factlint', contexts: ['page'] });
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (!tab || tab.id === undefined) return;
  const selectionOnly = info.menuItemId === 'factlint-check-selection';
  checkTab(tab.id, { selectionOnly }).catch(console.error);
});

// Messages from the options page. Only the extension's own pages may send them (the options page
// may run in a tab, so the test is the sender's URL, not the absence of a tab). From a content
// script (its sender URL is the web page's) only a re-check of a field's text is answered.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  const fromExtensionPage = String(sender.url || '').startsWith(chrome.runtime.getURL(''));
  const handlers = fromExtensionPage
    ? {
      'factlint-set-kb': () => setKb(String(message.text || '')), 'factlint-reset-kb': resetKb, 'factlint-rules': rules,
      'factlint-set-rules': () => setRules(String(message.text || ''), message.name), 'factlint-reset-rules': resetRules,
    }
    : sender.tab ? { 'factlint-check-text': () => checkText(message.text) } : {};
  const handler = handlers[message && message.type];
  if (!handler) return false;
  handler().then(sendResponse, (error) => sendResponse({ ok: false, error: describeError(error) }));
  return true;
});
