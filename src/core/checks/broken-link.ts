import type { ParsedSpec } from '../spec-types.js';
import { proseBlocks } from './text-blocks.js';
import type { CheckRule, FindingDraft } from './types.js';

// An inline link or image: [text](destination "title"); the destination is group 1.
const INLINE_LINK = /!?\[(?:[^[\]\\]|\\.)*\]\(\s*(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/g;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:|^\/\//;
const HTML_ANCHOR = /<a\s[^>]*?\b(?:name|id)\s*=\s*["']?([^"'\s>]+)/gi;

/**
 * A relative link to a file that does not exist, or to a `#anchor` that no
 * heading (GitHub's anchors, `-1` for repeats) or HTML `id`/`name` provides.
 * Links in code are not links. Absolute URLs are not checked (no network).
 */
export const brokenLink: CheckRule = {
  id: 'broken-link',
  defaultSeverity: 'warning',
  description: 'A relative link points to a missing file or to a missing heading anchor.',
  check: ({ spec, links }) => {
    const findings: FindingDraft[] = [];
    if (spec.source.indexOf('](') === -1) return findings;
    let ownAnchors: ReadonlySet<string> | null = null;
    for (const block of proseBlocks(spec, (raw) => raw.includes(']('))) {
      for (const m of block.text.matchAll(INLINE_LINK)) {
        let destination = m[1]!;
        if (destination.startsWith('<')) destination = destination.slice(1, -1);
        if (destination === '' || SCHEME.test(destination)) continue;
        const hash = destination.indexOf('#');
        const pathPart = decode((hash === -1 ? destination : destination.slice(0, hash)).replace(/\?.*$/, ''));
        const anchor = hash === -1 ? null : decode(destination.slice(hash + 1));
        const where = (): ReturnType<typeof block.locate> => block.locate(m.index, m.index + m[0].length);
        if (pathPart === '') {
          ownAnchors ??= anchorsOf(spec);
          if (anchor !== null && anchor !== '' && !ownAnchors.has(anchor.toLowerCase())) {
            findings.push({ ...where(), message: `link to #${anchor}: no heading in this document has that anchor` });
          }
          continue;
        }
        if (!links.exists(pathPart)) {
          findings.push({ ...where(), message: `link to ${pathPart}: no such file` });
          continue;
        }
        if (anchor !== null && anchor !== '' && /\.md$/i.test(pathPart)) {
          const theirs = links.anchorsOf(pathPart);
          if (theirs !== null && !theirs.has(anchor.toLowerCase())) {
            findings.push({ ...where(), message: `link to ${pathPart}#${anchor}: that file has no heading with this anchor` });
          }
        }
      }
    }
    return findings;
  },
};

/** The anchors a Markdown renderer on GitHub gives a document: heading slugs (repeats numbered) and HTML ids. */
export function anchorsOf(spec: ParsedSpec): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const h of spec.headings) {
    const base = h.slug;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of spec.source.matchAll(HTML_ANCHOR)) anchors.add(m[1]!.toLowerCase());
  return anchors;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
