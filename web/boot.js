// boot.js — the served page's start, run while the HTML is still being parsed (a classic script in
// <head>, so it does not wait for app.mjs and its modules): starts the checker's Worker
// (worker.mjs), compiles the wasm module as it streams in (WebAssembly.compileStreaming) and reads
// the compiled KB snapshot (world.kbs) on the page, both from the <link rel="preload"> downloads,
// and posts them to the Worker with its init message as soon as both are in (the Worker loads its
// own modules meanwhile). app.mjs takes over: window.factlintBoot = {worker, ready}, `ready` a
// promise of the Worker's answer to init ({version, rules, kb, kbFrom, startup}). Nothing is
// started from file:// or in the offline file (no Worker there; app.mjs checks on the main
// thread); a failure here is left to app.mjs, which then checks on the main thread.
(function () {
  'use strict';
  if (!/^https?:$/.test(location.protocol) || typeof Worker !== 'function') return;
  try {
    if (typeof performance.mark === 'function') performance.mark('factlint:boot');
    var worker = new Worker('worker.mjs', { type: 'module', name: 'factlint' });
    var module = (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch('factlint-core.wasm', { credentials: 'same-origin' }))
      : Promise.reject(new Error('no WebAssembly.compileStreaming'))).catch(function (error) {
      console.warn('factlint: the page could not compile the wasm module; the worker will:', error && error.message ? error.message : error);
      return undefined;
    });
    var snapshot = fetch('world.kbs', { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.arrayBuffer() : null;
    }).catch(function () { return null; });  // the worker loads world.json instead (and says why)
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
    Promise.all([module, snapshot]).then(function (got) {
      var init = { id: 0, type: 'init', kbUrl: 'world.json', snapshotUrl: 'world.kbs', snapshot: got[1] };
      if (got[0]) init.wasmModule = got[0];
      worker.postMessage(init, got[1] ? [got[1]] : []);
    });
    window.factlintBoot = { worker: worker, ready: ready };
  } catch (error) {
    console.warn('factlint: could not start the worker early:', error);
  }
})();
