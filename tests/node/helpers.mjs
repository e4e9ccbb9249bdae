// Shared by the Node tests: where the repo and the assembled page are, and a checker on the
// bundled KB. FACTLINT_ROOT = repo root (ctest sets it), FACTLINT_DIST = the assembled output
// (default <root>/dist), FACTLINT_CLI = the native CLI (build/native/factlint).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = process.env.FACTLINT_ROOT || path.resolve(import.meta.dirname, '../..');
export const DIST = path.resolve(process.env.FACTLINT_DIST || path.join(ROOT, 'dist'));
export const WEB = path.join(DIST, 'web');
export const KB_TEXT = fs.readFileSync(path.join(ROOT, 'kb', 'world.json'), 'utf8');

// The wrapper module as the page ships it (dist/web/factlint.mjs).
export async function loadWrapper() {
  const file = path.join(WEB, 'factlint.mjs');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run make build (or node web/tools/assemble.mjs)`);
  return import(pathToFileURL(file).href);
}
