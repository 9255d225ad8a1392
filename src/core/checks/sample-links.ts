// The template's sample links kept: a link whose address holds a stand-in for
// a number (`[rust-lang/rfcs#0000](https://github.com/rust-lang/rfcs/pull/0000)`,
// the Rust, TVM and many RFC templates' tracking lines), which the author was
// to replace with the real issue or pull request. It points somewhere real
// (issue 0000 of that repository), so broken-link cannot tell; leftover-marker
// reports it.
import { findInlineLinks } from '../markdown/inline-links.js';
import { memoPer } from '../memo-by.js';
import type { ParsedSpec } from '../spec-types.js';
import type { TemplateModel } from '../template-model.js';
import { asWritten, proseBlocks } from './text-blocks.js';
import type { FindingDraft } from './types.js';
import { headOf } from '../clip-text.js';

// A stand-in for a number in an address: four or more zeros or `N`s, three or more `X`s, as a whole path part,
// query value or fragment, or a file name's number (`/pull/0000`, `/issues/NNNN`, `?id=XXXX`, `#0000`,
// `/proposals/NNNN-filename.md`); or an address cut short with `...` (Swift's `https://forums.swift.org/...`).
const STAND_IN_NUMBER = /(?:^|[/#=])(?:0{4,}|N{4,}|X{3,})(?=$|[/?#&.]|-[\w-]*\.[A-Za-z]{1,8}$)|\/(?:\.{3}|\u2026)$/;

const LINK_OR_URL = /\]\(|:\/\//;
const hasLinkOrUrl = (text: string): boolean => text.includes('](') || text.includes('://');
// An address written bare in the text (TiDB's `- Discussion PR: https://github.com/pingcap/tidb/pull/XXX`), its
// sentence's closing mark aside. (One class run after the scheme: linear.)
const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]`"']+/g;

/**
 * A text's inline links and bare addresses outside them, in order: where
 * each is (`index`, `length`) and the address it leads to.
 */
function linksAndUrls(text: string): Array<{ index: number; length: number; address: string }> {
  const out: Array<{ index: number; length: number; address: string }> = [];
  const links = text.includes('](') ? findInlineLinks(text) : [];
  for (const link of links) out.push({ index: link.index, length: link.length, address: link.destination.replace(/^<|>$/g, '') });
  if (!text.includes('://')) return out;
  let k = 0;
  for (const m of text.matchAll(BARE_URL)) {
    // (Not one inside a link, its text or its address: the link is the one reported.)
    while (k < links.length && links[k]!.index + links[k]!.length <= m.index) k++;
    if (k < links.length && links[k]!.index <= m.index) continue;
    // (Its sentence's closing marks taken off from the end, a character at a time: a pattern anchored at `$` would retry
    // from every mark of a long run inside it.)
    let end = m[0].length;
    while (end > 0 && '.,;:!?'.includes(m[0][end - 1]!)) end--;
    const address = m[0].slice(0, end);
    out.push({ index: m.index, length: address.length, address });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The addresses of the template's own links that hold a stand-in for a number, read once per template. */
const sampleAddresses = memoPer((template: TemplateModel): ReadonlySet<string> => {
  const found = new Set<string>();
  const spec = template.spec;
  if (spec.source.indexOf('](') === -1 && spec.source.indexOf('://') === -1) return found;
  for (const block of proseBlocks(spec, LINK_OR_URL, hasLinkOrUrl)) {
    for (const { address } of linksAndUrls(block.text)) if (STAND_IN_NUMBER.test(address)) found.add(address);
  }
  return found;
});

/**
 * The template's sample links (see {@link STAND_IN_NUMBER}) kept in the
 * spec's prose, one finding each, on the link, where `skipped` does not say
 * otherwise (a section left unwritten as a whole is empty-section's).
 */
export function sampleLinksKept(spec: ParsedSpec, template: TemplateModel, skipped: (offset: number) => boolean, findings: FindingDraft[]): void {
  const addresses = sampleAddresses(template);
  if (addresses.size === 0) return;
  for (const block of proseBlocks(spec, LINK_OR_URL, hasLinkOrUrl)) {
    for (const link of linksAndUrls(block.text)) {
      if (!addresses.has(link.address) || skipped(block.sourceOffset(link.index))) continue;
      // (As written: the text has its inline code blanked out.)
      const shown = asWritten(spec.source, block, link.index, link.index + link.length);
      findings.push({ ...block.locate(link.index, link.index + link.length),
        message: `the template's sample link ${JSON.stringify(shown.length > 120 ? `${headOf(shown, 117)}…` : shown)} is still here: link the real one, or delete it` });
    }
  }
}

/** The template's sample links (see {@link STAND_IN_NUMBER}) a text holds as written, in order: for messages that name what is left to fill. */
export function templateSampleLinksIn(template: TemplateModel, text: string): string[] {
  const addresses = sampleAddresses(template);
  if (addresses.size === 0 || text.indexOf('](') === -1) return [];
  return findInlineLinks(text).filter((link) => addresses.has(link.destination.replace(/^<|>$/g, ''))).map((link) => text.slice(link.index, link.index + link.length));
}
