import { editDistanceAtMost, swapsTwoLetters } from '../edit-distance.js';
import { bareSlug } from '../slug.js';
import { linkableAnchor } from '../placeholder-id.js';
import { findInlineLinks } from '../markdown/inline-links.js';
import { destinationValue } from '../markdown/link-destination.js';
import { lineIndexOf } from '../line-index.js';
import { hasTagStart } from '../markdown/tag-starts.js';
import type { Heading, ParsedSpec, Position, Span } from '../spec-types.js';
import { quote } from './locate.js';
import { proseBlocks } from './text-blocks.js';
import { anchorsOf, HTML_TAG } from './document-anchors.js';
import { emptyDestination, spacedDestinations } from './links-as-text.js';
import { definitionLabel, lostTemplateDefinitions, undefinedReferences, usedLabels } from './reference-labels.js';
import type { CheckRule, FindingDraft } from './types.js';
import { trimEndWhile } from '../trim-end.js';

const LINK_START = /\]\(/g;
// The elements whose `href` or `src` a page follows or loads.
const LINKING = 'a|img|source|video|audio|picture|iframe|area|embed|track';
// One's name right after its `<` (sticky), and a tag's name that is one.
const LINKING_ELEMENT = new RegExp(`(?:${LINKING})(?=[\\s/>])`, 'iy');
const LINKING_NAME = new RegExp(`^(?:${LINKING})$`, 'i');
// An `href`, `src` or `srcset` attribute in raw HTML.
const HTML_LINK_PROBE = /\s(?:href|src|srcset)\s*=/i;
// One attribute of a start tag, in order (so a `src=` inside another's quoted value is that value's): its name and value.
// (From the first space of a run only: tried from each space of a long run, it took quadratic time.)
const ATTRIBUTE = /(?<!\s)\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/dg;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:|^\/\//;
/**
 * A relative link to a file that does not exist, or to a `#anchor` that no
 * heading (GitHub's anchors, `-1` for repeats) or HTML `id`/`name` provides.
 * Links in code are not links. Absolute URLs are not checked (no network).
 */
export const brokenLink: CheckRule = {
  id: 'broken-link',
  defaultSeverity: 'warning',
  description: 'A relative link points to a missing file or to a missing heading anchor.',
  check: ({ spec, links, template }) => {
    const findings: FindingDraft[] = [];
    const inline = spec.source.indexOf('](') !== -1;
    const references = spec.source.indexOf('][') !== -1;
    const html = hasTagStart(spec.source, LINKING_ELEMENT);
    // (A template's definitions lost make links of the spec's `[label]`s: see below.)
    const lostDefinitions = template !== null && template.spec.definitions.size > 0 && spec.source.indexOf('[') !== -1;
    if (!inline && !references && !html && spec.definitionTargets.length === 0 && !lostDefinitions) return findings;
    let ownAnchors: ReadonlySet<string> | null = null;
    let bareHeadings: ReadonlyMap<string, Heading> | null = null;
    // Each guess compares with the anchors: a document of thousands of broken
    // links, or of thousands of headings, gets guesses for the first ones.
    let guesses = 50;
    const budget = { comparisons: 200_000 };
    const guess = (anchor: string, anchors: ReadonlySet<string>, path = ''): string => (guesses-- > 0 ? didYouMean(anchor, anchors, path, budget) : '');
    /** The finding for a link's destination, if it leads nowhere. */
    const judge = (written: string, where: () => Position): void => {
      const destination = destinationValue(written);
      if (destination === '') return;
      // Most links in a spec lead to its own headings (a table of contents): no path to read.
      const hash = destination.charCodeAt(0) === HASH ? 0 : destination.indexOf('#');
      if (hash !== 0 && SCHEME.test(destination)) return;
      const beforeHash = hash === -1 ? destination : destination.slice(0, hash);
      const pathPart = hash === 0 ? '' : decode(withoutQuery(beforeHash));
      // Said as written, its query too (`b.md?plain=1`): the link the author sees.
      const shownPath = hash === 0 ? '' : decode(beforeHash);
      const anchor = hash === -1 ? null : decode(destination.slice(hash + 1));
      // (And its anchor, where the file itself is what is wrong: `./0017-create-ref.md#alternatives`.)
      const shownWhole = anchor === null ? shownPath : `${shownPath}#${anchor}`;
      // GitHub's source view of a file (`?plain=1`) has line anchors, `#L10` or `#L10-L12`, and no headings.
      const lineOfSource = anchor !== null && /[?&]plain=1(?:&|$)/.test(beforeHash) && LINE_ANCHOR.test(anchor);
      if (pathPart === '') {
        if (lineOfSource) return;
        ownAnchors ??= anchorsOf(spec);
        if (anchor !== null && anchor !== '' && !hasAnchor(ownAnchors, anchor)) {
          // A heading with an emoji or a number before its words (`# 📝 Summary`) has them in its anchor too (`#-summary`): said so.
          bareHeadings ??= headingsByBareSlug(spec);
          const bare = withoutPrefix(anchor).toLowerCase();
          const dressed = bareHeadings.get(bare);
          // (Before its words, `# 📝 Summary`; after them, `## Summary 🚀`; or both.)
          const place = dressed === undefined ? '' : dressed.slug.startsWith(bare) ? 'after' : dressed.slug.endsWith(bare) ? 'before' : 'around';
          findings.push({ ...where(), message: dressed !== undefined
            ? `link to #${anchor}: the heading ${quote(dressed.shown)} has the anchor #${linkableAnchor(dressed.slug)}, what is ${place} its words included; link to that, or take it out of the heading`
            : `link to #${anchor}: no heading in this document has that anchor${guess(withoutPrefix(anchor), ownAnchors)}` });
        }
        return;
      }
      if (links.leavesRepository?.(pathPart) === true) {
        findings.push({ ...where(), message: `link to ${shownWhole}: it leads out of the repository, above its root, where a page on GitHub finds nothing; link to the file's address, or to a copy in the repository` });
        return;
      }
      if (!links.exists(pathPart)) {
        // The template's own sample link, kept as it was (`[SE-XXXX](XXXX-filename.md)`): said so.
        const sample = template !== null && linksTheSame(template.spec.source, written);
        // A Markdown file named without its `.md` (an EIP's `./eip-2929`), or a heading of this document named as a file
        // (a Rust RFC's `[Prior art](prior-art)`): the link meant is said.
        let meant = '';
        if (!sample && !/\.[A-Za-z0-9]{1,8}$/.test(pathPart) && !pathPart.endsWith('/')) {
          if (links.exists(`${pathPart}.md`)) meant = `; did you mean ${shownPath}.md${anchor === null ? '' : `#${anchor}`}?`;
          else if (/^[\w-]+$/.test(pathPart) && (ownAnchors ??= anchorsOf(spec)).has(pathPart.toLowerCase())) meant = `; did you mean #${pathPart.toLowerCase()}, the heading of this document?`;
        }
        findings.push({ ...where(), message: `link to ${shownWhole}: no such file${sample ? '; the template has the same link: if it is a sample, link the real file or delete it' : meant}` });
        return;
      }
      if (anchor !== null && anchor !== '' && !lineOfSource && MARKDOWN_FILE.test(pathPart)) {
        const theirs = links.anchorsOf(pathPart);
        if (theirs !== null && !hasAnchor(theirs, anchor)) {
          findings.push({ ...where(), message: `link to ${shownPath}#${anchor}: that file has no heading with this anchor${guess(withoutPrefix(anchor), theirs, pathPart)}` });
        }
      }
    };
    if (inline) {
      for (const block of proseBlocks(spec, LINK_START, (text) => text.includes(']('))) {
        for (const m of block.table === true ? linksInCells(block.text) : findInlineLinks(block.text)) {
          // `[review]()`: a link to nothing (the page links to itself).
          if (m.destination === '' || m.destination === '<>') {
            findings.push(emptyDestination(spec, block, m.index, m.index + m.length));
            continue;
          }
          judge(m.destination, () => block.locate(m.index, m.index + m.length));
        }
        // `[text](#FuseRecv Optimizer in Grappler)`: a destination with spaces makes no link; the page shows it as typed.
        findings.push(...spacedDestinations(spec, block));
      }
    }
    // So do the `href` and `src` of raw HTML (a README's centred `<img src="logo.png">`, `<a href="#usage">`): GitHub resolves them as links.
    if (html) {
      for (const block of proseBlocks(spec, HTML_LINK_PROBE, (text) => HTML_LINK_PROBE.test(text), { html: true })) {
        // Start tags read with one grammar, their attributes in order (no pattern that scans back over a long value).
        for (const tag of block.text.matchAll(HTML_TAG)) {
          if (!LINKING_NAME.test(tag[1]!)) continue;
          const attributesAt = tag.index + 1 + tag[1]!.length;
          for (const a of tag[2]!.matchAll(ATTRIBUTE)) {
            const name = a[1]!.toLowerCase();
            if (name !== 'href' && name !== 'src' && name !== 'srcset') continue;
            const group = a[2] !== undefined ? 2 : a[3] !== undefined ? 3 : a[4] !== undefined ? 4 : 0;
            if (group === 0) continue;
            const value = a[group]!;
            const [from, to] = a.indices![group]!;
            // (As the attribute says it, entities resolved; a value is no Markdown destination, so wrapped as one with spaces allowed.)
            if (name !== 'srcset') {
              if (value.trim() !== '' && !/[<>]/.test(value)) judge(`<${value.trim()}>`, () => block.locate(attributesAt + from, attributesAt + to));
              continue;
            }
            // A `srcset` lists images, each a URL and perhaps a size (`img/flow-dark.png 2x`), by commas: a `<picture>`'s dark-mode `<source>`.
            for (const [url, index] of srcsetUrls(value)) {
              if (/[<>]/.test(url)) continue;
              const at = from + index;
              judge(`<${url}>`, () => block.locate(attributesAt + at, attributesAt + at + url.length));
            }
          }
        }
      }
    }
    // Reference links lead where their definitions say (`[spec]: ./other.md`): placed on the destination.
    // (Only those some link uses: a definition nothing uses shows nothing and leads nowhere, as the Rust RFC
    // template's `[summary]: #summary` under each heading, which a heading with an emoji no longer matches.)
    const ownFindings = findings.length;
    const judged: Array<{ readonly target: Span; readonly from: number }> = [];
    for (const target of spec.definitionTargets) {
      const from = findings.length;
      judge(spec.source.slice(target.start, target.end), () => lineIndexOf(spec).span(target.start, target.end));
      if (findings.length > from) judged.push({ target, from });
    }
    if (judged.length > 0) {
      const used = usedLabels(spec);
      const unused = new Set(judged.filter(({ target }) => !used.has(definitionLabel(spec.source, target.start))).map(({ from }) => from));
      if (unused.size > 0) {
        const kept = findings.filter((_, k) => k < ownFindings || !unused.has(k));
        findings.length = 0;
        findings.push(...kept);
      }
    }
    if (references) findings.push(...undefinedReferences(spec));
    if (lostDefinitions) findings.push(...lostTemplateDefinitions(spec, template!));
    // In document order, inline and reference links alike.
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
  },
};

/**
 * The image addresses of a `srcset`, with where each starts, read as HTML
 * reads one: an address runs to a space (commas at its end cut off), then
 * its size (`2x`, `480w`) runs to a comma (`a.png 1x,b.png 2x`).
 */
function* srcsetUrls(value: string): Generator<[string, number]> {
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (/\s/.test(value[i]!) || value[i] === ',')) i++;
    const start = i;
    while (i < value.length && !/\s/.test(value[i]!)) i++;
    const written = value.slice(start, i);
    const url = trimEndWhile(written, (c) => c === 0x2c);
    if (url === written) while (i < value.length && value[i] !== ',') i++;
    if (url !== '') yield [url, start];
  }
}

/**
 * The headings with a number or an emoji before their words, by their anchor
 * without it (`-summary`'s `# 📝 Summary` as `summary`): the first of each,
 * made once per document that links to an anchor it lacks.
 */
function headingsByBareSlug(spec: ParsedSpec): Map<string, Heading> {
  const found = new Map<string, Heading>();
  for (const h of spec.headings) {
    const bare = h.slug === '' ? null : bareSlug(h.text);
    if (bare !== null && bare !== h.slug && !found.has(bare)) found.set(bare, h);
  }
  return found;
}

/**
 * Whether a page has an anchor, case aside, as written or without GitHub's
 * own `user-content-` prefix (`#user-content-risks` leads to `## Risks`);
 * `#top` every page has.
 */
function hasAnchor(anchors: ReadonlySet<string>, anchor: string): boolean {
  const wanted = anchor.toLowerCase();
  // A browser takes `#top` to the top of any page that has no `top` of its own (the HTML standard's fragment rule).
  return wanted === 'top' || anchors.has(wanted) || (wanted.startsWith(USER_CONTENT) && anchors.has(wanted.slice(USER_CONTENT.length)));
}

const USER_CONTENT = 'user-content-';
const HASH = 0x23;

// The file names GitHub renders as Markdown, with heading anchors.
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn|mdtxt|mdtext)$/i;
// A line, or a range of lines, of a file's source view: `#L10`, `#L10-L12`, `#L10C2-L12C5`.
const LINE_ANCHOR = /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/;

/** An anchor without GitHub's `user-content-` prefix. */
function withoutPrefix(anchor: string): string {
  return anchor.slice(0, USER_CONTENT.length).toLowerCase() === USER_CONTENT ? anchor.slice(USER_CONTENT.length) : anchor;
}

/** Whether a text has a link to this destination, written the same way (inline, or as a definition's), not one it begins. */
function linksTheSame(text: string, written: string): boolean {
  for (const opener of ['](', ']: ']) {
    for (let at = text.indexOf(opener + written); at !== -1; at = text.indexOf(opener + written, at + 1)) {
      const after = text.charCodeAt(at + opener.length + written.length);
      if (Number.isNaN(after) || after === 0x29 /* ) */ || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d) return true;
    }
  }
  return false;
}

/** A path without its `?query`. */
function withoutQuery(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * `; did you mean #x?` for the anchor nearest to one that is not there (an
 * anchor written by hand from the heading, `#upgrade-/-downgrade` for
 * `#upgrade--downgrade`; two letters swapped count as one slip), or for the
 * heading that a numbered anchor counts from when there is no such number
 * (`#alpha-1` where one heading is Alpha: `-1` names a second one; of
 * several, the last: `#notes-1` for `#notes-2`), or nothing when none is near.
 */
function didYouMean(anchor: string, anchors: ReadonlySet<string>, path: string, budget: { comparisons: number }): string {
  const wanted = anchor.toLowerCase();
  // Past a few hundred characters an anchor is no heading's, and a guess at it would cost.
  if (wanted.length > 200) return '';
  // (A number GitHub gives, with no leading zero: `#usage-01` is a slip for `#usage-1`, found below.)
  const numbered = /^(.+)-[1-9]\d*$/.exec(wanted);
  // (Where the heading repeats already, `#notes` and `#notes-1` there, the last of them: `#notes-2` names a third.)
  if (numbered !== null && anchors.has(numbered[1]!)) {
    let last = numbered[1]!;
    for (let k = 1; k < 1000 && anchors.has(`${numbered[1]!}-${k}`); k++) last = `${numbered[1]!}-${k}`;
    return `; did you mean ${path}#${linkableAnchor(last)}?`;
  }
  // A slip or two in a long anchor; a short one is a guess too far.
  const most = Math.min(3, Math.floor(wanted.length / 4));
  if (most === 0) return '';
  let best: string | null = null;
  let bestDistance = most + 1;
  for (const a of anchors) {
    if (Math.abs(a.length - wanted.length) >= bestDistance) continue;
    if (budget.comparisons-- <= 0) return best === null ? '' : `; did you mean ${path}#${linkableAnchor(best)}?`;
    const d = swapsTwoLetters(a, wanted) ? 1 : editDistanceAtMost(a, wanted, bestDistance - 1);
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best === null ? '' : `; did you mean ${path}#${linkableAnchor(best)}?`;
}

function decode(text: string): string {
  if (text.indexOf('%') === -1) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The inline links of a table's text, cell by cell: `| [a | b](x.md) |` is two cells of text, no link (GFM splits the row first). */
function linksInCells(text: string): ReturnType<typeof findInlineLinks> {
  const links: ReturnType<typeof findInlineLinks> = [];
  let from = 0;
  for (const m of text.matchAll(/(?<!\\)\|/g)) {
    const link = text.indexOf('](', from);
    if (link !== -1 && link < m.index) links.push(...findInlineLinks(text.slice(from, m.index), from));
    from = m.index + 1;
  }
  links.push(...findInlineLinks(text.slice(from), from));
  return links;
}
