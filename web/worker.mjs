// worker.mjs — runs the checker off the page's main thread when the page is served (app.mjs).
// Messages in: {id, type: "init", kb} | {id, type: "check", text, options} | {id, type: "loadKb", text}.
// Messages out: {id, result} or {id, error: {kind, message, path, line, column}}.
//   init   → {version, rules, kb}   (kb: the loaded KB's summary)
//   check  → the report object
//   loadKb → the new KB's summary; on error the previous KB stays in use
import { createChecker } from './factlint.mjs';

let checker = null;

const handlers = {
  async init({ kb }) {
    checker = await createChecker({ kb });
    return { version: checker.version, rules: checker.rules, kb: checker.kb };
  },
  check({ text, options }) { return checker.check(text, options); },
  loadKb({ text }) { return checker.loadKb(text); },
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
