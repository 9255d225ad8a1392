import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** specfill's version, from its package.json. */
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * What results of `check --cache` depend on of specfill itself: its version
 * and the build (a hash of every JavaScript file of dist/, `build-id.txt`,
 * written by `npm run build`). A build from an unreleased commit keeps the version of
 * the last release while its rules may say other things: a cache written by
 * another build is not used. From the TypeScript sources (tests) there is no
 * build file: the version alone.
 */
export function cacheVersion(): string {
  let build = '';
  try {
    build = readFileSync(new URL('./build-id.txt', import.meta.url), 'utf8').trim();
  } catch {
    // Not built (the sources run directly): the version alone.
  }
  return build === '' ? VERSION : `${VERSION}+${build}`;
}
