// Shared by the browser tests: Debian Chromium through playwright-core (never a downloaded
// browser), a fresh profile per launch, and a tiny static server on 127.0.0.1.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = process.env.FACTLINT_ROOT || path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.FACTLINT_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function freshProfile() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-chromium-'));
}

// A persistent context (the only kind that loads extensions) with a fresh profile.
export async function launchWithExtension(extensionDir) {
  return chromium.launchPersistentContext(freshProfile(), {
    executablePath: CHROMIUM,
    headless: false,  // --headless=new is in the args: the mode that runs extensions
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
}

// A plain browser; Playwright gives launch() a fresh temporary profile of its own.
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: false, args: CHROMIUM_ARGS });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ts': 'text/plain',
};

// Serves `routes` (path -> {body, headers}) and, for other paths, files under `dir` (if given).
// Resolves to {url, close()}.
export function serve({ dir = null, routes = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const route = routes[url.pathname];
    if (route) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(route.headers || {}) });
      res.end(route.body);
      return;
    }
    if (dir) {
      const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
      if (file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        // The whole file in one write with its length, as static servers send it (python3 -m
        // http.server of `make run` too): streamed in 64 KB pieces through this process's event
        // loop, the 6.4 MB KB snapshot took 0.1-0.6 s to arrive on the loaded test machine,
        // against 0.03-0.07 s this way, and the page's cold start measured the server.
        const body = fs.readFileSync(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'content-length': body.length });
        res.end(body);
        return;
      }
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
      });
    });
  });
}

// Texts of the ranges in each factlint-* highlight of the page's document.
export async function highlightTexts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const name of ['factlint-error', 'factlint-warning', 'factlint-info']) {
      const h = CSS.highlights.get(name);
      out[name] = h ? [...h].map((r) => r.toString()) : [];
    }
    return out;
  });
}

// Stops the extension's service worker (as Chrome does after 30 s idle) through the DevTools
// protocol of one of its pages, and waits until it has stopped: the next message wakes a fresh one.
export async function stopServiceWorker(context, extensionPage) {
  const cdp = await context.newCDPSession(extensionPage);
  const stopped = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/sw.mjs') && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

// The check a toolbar click makes, run inside the worker (worker.evaluate) without helpers defined
// beforehand: a restarted worker has none.
export const CHECK_FRONT_TAB = async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return globalThis.factlint.checkTab(tab.id);
};
