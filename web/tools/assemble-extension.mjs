// Lays out the unpacked Manifest V3 extension in dist/extension/ from web/extension/ and the
// module the page uses (dist/web/, built first by assemble.mjs) plus the bundled KB.
// Usage: node web/tools/assemble-extension.mjs   (make build runs it)
// Env:   FACTLINT_DIST  the output folder instead of dist/, as for assemble.mjs
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.resolve(process.env.FACTLINT_DIST || path.join(root, 'dist'));
const out = path.join(dist, 'extension');
const web = path.join(dist, 'web');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const name of fs.readdirSync(path.join(root, 'web', 'extension'))) {
  if (name === 'README.md') continue;
  fs.copyFileSync(path.join(root, 'web', 'extension', name), path.join(out, name));
}
const fromWeb = ['factlint.mjs', 'factlint-core.mjs', 'factlint-core.wasm'];
for (const name of fromWeb) {
  const src = path.join(web, name);
  if (!fs.existsSync(src)) {
    console.error(`assemble-extension: ${path.relative(root, src)} is missing — build the page first (make web)`);
    process.exit(1);
  }
  fs.copyFileSync(src, path.join(out, name));
}
// The page-metadata reader, a classic script the manifest lists before content.js.
fs.copyFileSync(path.join(root, 'web', 'pagedate.js'), path.join(out, 'pagedate.js'));
fs.copyFileSync(path.join(root, 'kb', 'world.json'), path.join(out, 'world.json'));
// The compiled KB snapshot, gzipped and plain, as assemble.mjs put them in dist/web (the service
// worker reads world.kbs.gz, world.kbs without DecompressionStream, world.json without either).
for (const name of ['world.kbs', 'world.kbs.gz']) {
  if (fs.existsSync(path.join(web, name))) fs.copyFileSync(path.join(web, name), path.join(out, name));
}
const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
console.log(`${path.relative(root, out)}: ${manifest.name} ${manifest.version} (${fs.readdirSync(out).length} files)`);
