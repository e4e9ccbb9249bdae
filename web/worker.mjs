// worker.mjs — runs the checker off the page's main thread when the page is served (app.mjs).
// Messages in: {id, type: "init", kb} | {id, type: "init", kbUrl, snapshotUrl?} | {id, type: "check", text, options, incremental?}
//              | {id, type: "loadKb", text} | {id, type: "loadKb", url}
//              | {id, type: "loadRules", text} | {id, type: "resetRules"}.
// Messages out: {id, result} or {id, error: {kind, message, path, line, column}}.
//   init   → {version, rules, kb, kbFrom}   (kb: the loaded KB's summary; kbFrom: "snapshot" | "json")
//   check  → the report object (incremental: checkIncremental, the typing path; the same report)
//   loadKb → the new KB's summary; on error the previous KB stays in use
//   loadRules → the new catalogue's rules; on error the previous catalogue stays in use
//   resetRules → the bundled catalogue's rules
// With kbUrl / url the worker fetches the KB itself: at start-up the KB then downloads while the
// wasm module streams in and compiles (createChecker takes a promise of the KB), and the text is
// not copied from the page. With snapshotUrl the worker fetches the compiled KB snapshot
// (world.kbs) instead, in parallel with the wasm, and fetches kbUrl only when the snapshot cannot
// be read or is refused (createChecker logs why).
import { createChecker } from './factlint.mjs';

let checker = null;

async function fetchBytes(url) {
  const response = await fetch(new URL(url, self.location.href));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchText(url) {
  const response = await fetch(new URL(url, self.location.href));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const handlers = {
  async init({ kb, kbUrl, snapshotUrl }) {
    if (typeof kb === 'string') checker = await createChecker({ kb });
    else if (snapshotUrl) checker = await createChecker({ kb: () => fetchText(kbUrl), kbSnapshot: fetchBytes(snapshotUrl) });
    else checker = await createChecker({ kb: fetchText(kbUrl) });
    return { version: checker.version, rules: checker.rules, kb: checker.kb, kbFrom: checker.kbFrom };
  },
  check({ text, options, incremental }) { return incremental ? checker.checkIncremental(text, options) : checker.check(text, options); },
  async loadKb({ text, url }) { return checker.loadKb(typeof text === 'string' ? text : await fetchText(url)); },
  loadRules({ text }) { return checker.loadRules(String(text)); },
  resetRules() { return checker.resetRules(); },
};

self.onmessage = async ({ data }) => {
  try {
    const handler = handlers[data && data.type];
    if (!handler) throw new Error(`unknown message type ${data && data.type}`);
    if (data.type !== 'init' && !checker) throw new Error('the checker is not ready');
    self.postMessage({ id: data.id, result: await handler(data) });
  } catch (error) {
    self.postMessage({
      id: data && data.id,
      error: {
        kind: error.kind || 'internal', message: String(error.message || error),
        path: error.path || '', line: error.line || 0, column: error.column || 0,
      },
    });
  }
};
