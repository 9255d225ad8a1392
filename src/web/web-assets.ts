import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the client script and stylesheet, shipped with the package (like `templates/`). */
export const WEB_ASSETS_DIR = fileURLToPath(new URL('../../web-assets/', import.meta.url));

/** The assets every page links to, with their content types. */
export const WEB_ASSETS: Readonly<Record<string, string>> = {
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

/** An asset's text. */
export function readWebAsset(name: string): string {
  return readFileSync(`${WEB_ASSETS_DIR}${name}`, 'utf8');
}
