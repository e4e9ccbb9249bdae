// Lays out the page from the wasm build output, web/ sources, the bundled KB and the example:
//
//   dist/web/           the served page: index.html, boot.js, app.mjs, worker.mjs (bundled, below), style.css, factlint.mjs,
//                       factlint.d.ts, pagedate.js, factlint-core.mjs, factlint-core.wasm, world.json,
//                       world.kbs (the compiled KB snapshot) and world.kbs.gz (the same, gzipped: the
//                       one the Worker fetches), example-article.txt
//   dist/factlint.html  one self-contained file (CSS, JS, wasm as base64, the KB's compiled
//                       snapshot gzipped as base64 — its JSON when there is no snapshot —, the
//                       example) that works opened from disk
//
// Usage: node web/tools/assemble.mjs   (make build runs it after `cmake --build --preset wasm`)
// Env:   FACTLINT_WASM_DIR  where the wasm build put factlint-core.{mjs,wasm} and
//                           factlint-core-single.js (default build/wasm/wasm)
//        FACTLINT_DIST      the output folder instead of dist/ (tests and tools read the same variable)
//        FACTLINT_KB_SNAPSHOT  the compiled snapshot of kb/world.json (default build/native/kb/world.kbs,
//                           made by the native build's `factlint kb-compile` step); without it the
//                           page loads world.json (and says so in the console)
// Node 20, no dependencies (GNU gzip when present, for world.kbs.gz).
//
// The offline file cannot load module scripts, workers or fetch anything from file://, so:
// - the SINGLE_FILE classic build (wasm inlined as a base64 data: URI, which it fetches — hence
//   `connect-src data:`) defines createFactlintCore as a global in a classic inline script;
// - factlint.mjs and app.mjs are inlined into one module script, their imports turned into plain
//   bindings (factlint.mjs's single import names createFactlintCore, the global);
// - the KB rides along as world.kbs.gz in base64 (#factlint-kb-snapshot, 2.4 MB where the JSON
//   block was 5.4 MB; app.mjs fetches it as a data: URL and inflates it, then loads the snapshot
//   without parsing JSON), or as the JSON (#factlint-kb) when the snapshot is missing; the example
//   as a JSON data block (#factlint-example);
// - the CSP allows exactly these inline scripts and the style sheet by their sha256 hashes.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const wasmDir = path.resolve(process.env.FACTLINT_WASM_DIR || path.join(root, 'build', 'wasm', 'wasm'));
const webSrc = path.join(root, 'web');
const dist = path.resolve(process.env.FACTLINT_DIST || path.join(root, 'dist'));
const outWeb = path.join(dist, 'web');
const outFile = path.join(dist, 'factlint.html');

function fail(message) {
  console.error(`assemble: ${message}`);
  process.exit(1);
}

function need(file) {
  if (!fs.existsSync(file)) fail(`${path.relative(root, file)} is missing — build the wasm module first (cmake --build --preset wasm)`);
  return file;
}

const inputs = {
  coreMjs: need(path.join(wasmDir, 'factlint-core.mjs')),
  coreWasm: need(path.join(wasmDir, 'factlint-core.wasm')),
  coreSingle: need(path.join(wasmDir, 'factlint-core-single.js')),
  kb: need(path.join(root, 'kb', 'world.json')),
  example: need(path.join(root, 'examples', 'example-article.txt')),
};
const PAGE_FILES = ['index.html', 'boot.js', 'app.mjs', 'worker.mjs', 'style.css', 'factlint.mjs', 'factlint.d.ts', 'pagedate.js'];
for (const name of PAGE_FILES) need(path.join(webSrc, name));

// --- dist/web --------------------------------------------------------------------------------
fs.rmSync(outWeb, { recursive: true, force: true });
fs.mkdirSync(outWeb, { recursive: true });
for (const name of PAGE_FILES) fs.copyFileSync(path.join(webSrc, name), path.join(outWeb, name));
fs.copyFileSync(inputs.coreMjs, path.join(outWeb, 'factlint-core.mjs'));
fs.copyFileSync(inputs.coreWasm, path.join(outWeb, 'factlint-core.wasm'));
fs.copyFileSync(inputs.kb, path.join(outWeb, 'world.json'));
const snapshot = path.resolve(process.env.FACTLINT_KB_SNAPSHOT || path.join(root, 'build', 'native', 'kb', 'world.kbs'));
const haveSnapshot = fs.existsSync(snapshot) && fs.statSync(snapshot).mtimeMs >= fs.statSync(inputs.kb).mtimeMs;
let gz = null;  // world.kbs.gz's bytes, also carried by the offline file
if (haveSnapshot) {
  fs.copyFileSync(snapshot, path.join(outWeb, 'world.kbs'));
  // The same snapshot gzipped, which the served page's Worker fetches and inflates as it arrives
  // (web/factlint.mjs readKbSnapshot): reading the 6.4 MB of world.kbs cost the Worker more CPU
  // than reading the 2.3 MB of world.kbs.gz and inflating it (docs/PERFORMANCE.md). world.kbs
  // stays for Node, the tests and engines without DecompressionStream.
  // GNU gzip -9 makes it 2.27 MB where node:zlib's level 9 makes 2.71 MB; zlib when gzip is absent.
  try {
    gz = execFileSync('gzip', ['-9', '-n', '-c', snapshot], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    gz = zlib.gzipSync(fs.readFileSync(snapshot), { level: 9 });
  }
  fs.writeFileSync(path.join(outWeb, 'world.kbs.gz'), gz);
} else {
  console.warn(`assemble: ${path.relative(root, snapshot)} is missing or older than kb/world.json (build the native preset first); the page will load world.json`);
}
fs.copyFileSync(inputs.example, path.join(outWeb, 'example-article.txt'));

// --- dist/factlint.html ----------------------------------------------------------------------
const read = (file) => fs.readFileSync(file, 'utf8');
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Text that goes inside <script> or <style> must not close it early.
function assertInlineSafe(text, what) {
  if (/<\/(script|style)/i.test(text) || text.includes('<!--')) fail(`${what} contains </script, </style or <!-- and cannot be inlined`);
  return text;
}

// JSON inside a data block: escape "<" so nothing in it can end the element.
const dataJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

// One module from factlint.mjs and app.mjs: each in its own function scope; app.mjs's import of
// factlint.mjs becomes a destructuring of what factlint.mjs returns.
function moduleBody(source, file) {
  const imports = [];
  const body = source.replace(/^import\s+(.+?)\s+from\s+['"]([^'"]+)['"];?[ \t]*$/gm, (line, what, from) => {
    imports.push({ what, from });
    return '';
  });
  const exported = [];
  const stripped = body.replace(/^export\s+(async\s+function|function|class|const|let)\s+([A-Za-z_$][\w$]*)/gm, (m, kind, name) => {
    exported.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*export\s/m.test(stripped)) fail(`${file}: an export form the assembler does not handle`);
  return { imports, exported, body: stripped };
}

const wrapper = moduleBody(read(path.join(webSrc, 'factlint.mjs')), 'factlint.mjs');
if (wrapper.imports.length !== 1 || wrapper.imports[0].what !== 'createFactlintCore') {
  fail('factlint.mjs must have exactly one import: createFactlintCore from ./factlint-core.mjs');
}
const app = moduleBody(read(path.join(webSrc, 'app.mjs')), 'app.mjs');
for (const { what, from } of app.imports) {
  if (from !== './factlint.mjs') fail(`app.mjs imports ${from}; only ./factlint.mjs can be inlined`);
  if (!/^\{[\w\s,$]+\}$/.test(what)) fail(`app.mjs: import form ${what} is not handled`);
}
const appImports = app.imports.map(({ what }) => `const ${what} = factlint;`).join('\n');
const moduleScript = assertInlineSafe(
  `const factlint = (() => {\n${wrapper.body}\nreturn { ${wrapper.exported.join(', ')} };\n})();\n` +
  `{\n${appImports}\n${app.body}\n}\n`, 'the page script');
const coreScript = assertInlineSafe(read(inputs.coreSingle), 'factlint-core-single.js');
const pageDateScript = assertInlineSafe(read(path.join(webSrc, 'pagedate.js')), 'pagedate.js');
const css = assertInlineSafe(read(path.join(webSrc, 'style.css')), 'style.css');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(coreScript)} ${sha256(pageDateScript)} ${sha256(moduleScript)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'connect-src data:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read(path.join(webSrc, 'index.html'));
function replaceOnce(pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`));
  if (!matches || matches.length !== 1) fail(`index.html: expected exactly one ${what}`);
  html = html.replace(pattern, () => replacement);
}
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'CSP meta');
// The served page's preload hints name files the offline file inlines: drop them.
html = html.replace(/^<link rel="modulepreload" href="[^"]*">\n/gm, '');
if (html.includes('preload')) fail('index.html: a preload link the assembler does not handle');
// boot.js starts the Worker of the served page; the offline file has none (it checks on the main thread).
replaceOnce(/<script src="boot.js"><\/script>\n/, '', 'boot.js script');
replaceOnce(/<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`, 'style sheet link');
replaceOnce(/<script src="pagedate.js"><\/script>/, `<script>${pageDateScript}</script>`, 'pagedate.js script');
replaceOnce(/<script type="module" src="app.mjs"><\/script>/, [
  gz ? `<script type="application/octet-stream" id="factlint-kb-snapshot">${gz.toString('base64')}</script>`
    : `<script type="application/json" id="factlint-kb">${dataJson(read(inputs.kb))}</script>`,
  `<script type="application/json" id="factlint-example">${dataJson(read(inputs.example))}</script>`,
  `<script>${coreScript}</script>`,
  `<script type="module">${moduleScript}</script>`,
].join('\n'), 'app.mjs script');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, html);

// --- dist/web/index.html: boot.js inline ------------------------------------------------------
// boot.js starts the Worker; inline in the served page it runs as soon as the parser reaches it,
// not after a request of its own (~90 ms later in bench/coldstart.mjs on a quiet machine, more
// under load), and the CSP allows exactly it by its hash.
{
  const boot = assertInlineSafe(read(path.join(webSrc, 'boot.js')), 'boot.js');
  const file = path.join(outWeb, 'index.html');
  let served = read(file);
  const once = (pattern, replacement, what) => {
    const matches = served.match(new RegExp(pattern.source, 'g'));
    if (!matches || matches.length !== 1) fail(`index.html: expected exactly one ${what}`);
    served = served.replace(pattern, () => replacement);
  };
  once(/<script src="boot.js"><\/script>/, `<script>${boot}</script>`, 'boot.js script');
  once(/script-src 'self' 'wasm-unsafe-eval'/, `script-src 'self' ${sha256(boot)} 'wasm-unsafe-eval'`, "CSP script-src 'self' 'wasm-unsafe-eval'");
  fs.writeFileSync(file, served);
}

// --- dist/web/worker.mjs: one file -------------------------------------------------------------
// The Worker's module graph (worker.mjs → factlint.mjs → factlint-core.mjs) would cost it three
// requests one after the other before it can start (a Worker does not share the page's module map
// or its modulepreloads), so dist/web/worker.mjs is the three in one module: factlint-core.mjs
// without its `export default`, factlint.mjs without its import and `export` keywords, then
// worker.mjs without its import of factlint.mjs. (import.meta.url stays the folder of the wasm.)
{
  const core = read(inputs.coreMjs);
  const coreBody = core.replace(/^export default createFactlintCore;\s*$/m, '');
  if (coreBody === core || /^\s*export\s/m.test(coreBody)) fail('factlint-core.mjs: expected exactly one `export default createFactlintCore;`');
  const wrapperPart = moduleBody(read(path.join(webSrc, 'factlint.mjs')), 'factlint.mjs');
  const workerPart = moduleBody(read(path.join(webSrc, 'worker.mjs')), 'worker.mjs');
  for (const { what, from } of workerPart.imports) {
    if (from !== './factlint.mjs' || !/^\{[\w\s,$]+\}$/.test(what)) fail(`worker.mjs: import ${what} from ${from} cannot be bundled`);
  }
  if (workerPart.exported.length) fail('worker.mjs exports nothing');
  const bundled = path.join(outWeb, 'worker.mjs');
  fs.writeFileSync(bundled,
    `// dist/web/worker.mjs: factlint-core.mjs, factlint.mjs and worker.mjs in one module (web/tools/assemble.mjs).\n` +
    `${coreBody}\n{\n${wrapperPart.body}\n${workerPart.body}\n}\n`);
  // factlint.mjs and worker.mjs share one block here: a name declared at the top of both is a
  // SyntaxError that would only show in the browser (the page then checks on the main thread).
  try {
    execFileSync(process.execPath, ['--check', bundled], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    fail(`${path.relative(root, bundled)} does not parse (a name declared in both factlint.mjs and worker.mjs?):\n${String(error.stderr || error.message).trim()}`);
  }
}

const size = (file) => `${(fs.statSync(file).size / 1024).toFixed(0)} KiB`;
console.log(`${path.relative(root, outWeb)}: ${fs.readdirSync(outWeb).length} files (factlint-core.wasm ${size(path.join(outWeb, 'factlint-core.wasm'))})`);
console.log(`${path.relative(root, outFile)}: ${size(outFile)}, self-contained`);
