import { createHash } from 'node:crypto';
import type { Finding } from '../core/checks/types.js';

/** The `partialFingerprints` key specfill writes; bump the version if the hashed fields ever change. */
export const SARIF_FINGERPRINT_KEY = 'specfill/v1';

/**
 * Hashes what identifies a finding independently of where it sits: rule,
 * file, section or placeholder id, message. Line and column stay out, so an
 * alert keeps its identity when lines are added above it; GitHub code
 * scanning would otherwise close it and open a "new" one, losing its triage.
 */
export function findingIdentity(path: string, finding: Finding): string {
  const parts = [finding.rule, path, finding.sectionId ?? '', finding.placeholder ?? '', placeless(finding.message)];
  // NUL cannot occur in these fields' meaning, so joined fields never collide.
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/**
 * A message without the places it names (`the same as line 3`, `the code
 * block on lines 9–95`, `at 12:3`) or a count that other findings make (`100
 * more …`): lines added above a finding move what it points at, not what it
 * is. (Messages without such words hash as they did, so their alerts keep
 * their fingerprints; the key's version stays.)
 */
function placeless(message: string): string {
  if (!/\d/.test(message)) return message;
  return message.replace(/\blines? \d+(?:\s*[–-]\s*\d+)?/g, 'line #').replace(/\b\d+:\d+\b/g, '#:#').replace(/^\d+ more\b/, '# more');
}

/**
 * One fingerprint per finding of a file, in order: the identity hash plus
 * its occurrence count (`hash:2` for the second identical finding), as
 * GitHub's own line hashes do, so identical findings stay distinct.
 */
export function fingerprintsOf(path: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = findingIdentity(path, finding);
    const count = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, count);
    return `${identity}:${count}`;
  });
}
