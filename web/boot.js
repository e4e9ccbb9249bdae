// boot.js — the served page's start, run while the HTML is still being parsed (a classic script in
// <head>, so it does not wait for app.mjs and its modules): starts the checker's Worker and posts
// its init message at once. The Worker (dist/web/worker.mjs: worker.mjs, factlint.mjs and
// factlint-core.mjs in one file, so it starts after one request) then fetches the compiled KB
// snapshot (world.kbs.gz, inflated as it arrives) and streams in and compiles the wasm module (instantiateStreaming), both
// off the page's main thread, which is left to parse and draw the page. app.mjs takes over:
// window.factlintBoot = {worker, ready}, `ready` a promise of the Worker's answer to init
// ({version, rules, kb, kbFrom, firstCheck, startup}). Nothing is started from file:// or in the offline file
// (no Worker there; app.mjs checks on the main thread); a failure here is left to app.mjs, which
// then checks on the main thread.
(function () {
  'use strict';
  if (!/^https?:$/.test(location.protocol) || typeof Worker !== 'function') return;
  try {
    if (typeof performance.mark === 'function') performance.mark('factlint:boot');
    // world.kbs.gz: the compiled KB snapshot gzipped, inflated by the Worker as it arrives (a
    // third of the bytes to read; without DecompressionStream, the plain world.kbs). Named in the
    // Worker's URL too, so that it starts the snapshot's fetch and the wasm's compile as soon as
    // its module is evaluated, before it gets init (worker.mjs).
    var snapshotUrl = typeof DecompressionStream === 'function' ? 'world.kbs.gz' : 'world.kbs';
    var worker = new Worker('worker.mjs?snapshot=' + snapshotUrl, { type: 'module', name: 'factlint' });
    var ready = new Promise(function (resolve, reject) {
      // Messages that arrive before app.mjs takes the worker over: only the answer to init (id 0).
      worker.onmessage = function (event) {
        if (!event.data || event.data.id !== 0) return;
        if (event.data.error) reject(event.data.error); else resolve(event.data.result);
      };
      worker.onerror = function (event) {
        event.preventDefault();
        reject(new Error('worker failed: ' + (event.message || 'could not start')));
      };
    });
    ready.catch(function () {});  // app.mjs handles it
    // firstCheck: the check the page makes first (the empty editor with the page's default
    // options), run by the Worker as soon as its KB is loaded and answered with init, so the first
    // report needs no second message round trip; app.mjs applies it only if the editor and the
    // options are still exactly these (else it asks the Worker as for any check).
    worker.postMessage({
      id: 0, type: 'init', kbUrl: 'world.json', snapshotUrl: snapshotUrl,
      firstCheck: { text: '', options: { date: null, metadataDate: null, metadataSource: null, minSeverity: 'info', disabledRules: [] } },
    });
    window.factlintBoot = { worker: worker, ready: ready };
  } catch (error) {
    console.warn('factlint: could not start the worker early:', error);
  }
})();
