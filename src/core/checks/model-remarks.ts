// A model's words to its user kept in the spec it wrote ("Let me know if
// you'd like any changes!"), looked for where a model's answer ends: the last
// paragraph of each section's own text. leftover-marker reports them.
import { flattenSections } from '../match-sections.js';
import { misplacedFrontMatter } from '../misplaced-front-matter.js';
import { countAtMost } from '../sorted-search.js';
import type { Block, ParsedSpec, Span } from '../spec-types.js';
import { preambleSpan } from '../template-model.js';
import { proseBlockOf } from './text-blocks.js';
import type { FindingDraft } from './types.js';

// A remark, from the opening that says it is one to the sentence's end, at a sentence's start.
// ("Feel free to reach out to #payments on Slack" is a team's own sentence: a model's offers help with "if you", "any questions".)
const REMARK = /(?<=^|[\s>*_(])(?:(?:Please let|Let) me know if|I hope this helps|Hope this helps|Feel free to (?:ask|reach out|let me know)(?=[^.!?\n]{0,40}\b(?:if you|should you|any (?:questions|changes|adjustments|further)))|Would you like me to|If you(?:'|\u2019)d like,? I can|Happy to help)\b[^.!?\n]{0,160}[.!?]?/g;
// The words that open one, for the quick test of a paragraph's source.
// (`ope this helps`: "Hope" and "hope" in one alternative.)
const REMARK_START = /[Ll]et me know|ope this helps|Feel free to|like me to|like,? I can|Happy to help/;

/**
 * The model's remarks at the ends of a spec's sections (searched there only:
 * a search of every line of every spec would cost every check); not in a
 * block quote or inside quotation marks, where the spec quotes someone.
 */
export function modelRemarks(spec: ParsedSpec): FindingDraft[] {
  const findings: FindingDraft[] = [];
  // (And its opening words, above the document's first heading: "Sure! Here's the spec:".)
  const opening = openingRemark(spec);
  if (opening !== null) findings.push(opening);
  // (And at a section's start, where an agent that fills one section at a time puts it: "Sure! Here is the section:".)
  for (const block of sectionOpenings(spec)) {
    if (!/^[ \t]*(?:Sure|Certainly|Of course|Absolutely|Okay|OK|Great|Here)\b/.test(spec.source.slice(block.start, block.end))) continue;
    const prose = proseBlockOf(spec, block);
    const m = prose === null ? null : SECTION_OPENING.exec(prose.text);
    if (prose !== null && m !== null) findings.push({ ...prose.locate(0, m[0].length), message: `a model's words to its user are still here ("${m[0].trim()}"): delete them` });
  }
  for (const block of sectionEndings(spec)) {
    // (Its source first: most paragraphs fail there, before their text is built.)
    if (!REMARK_START.test(spec.source.slice(block.start, block.end))) continue;
    // Words quoted (a block quote, a GitHub alert) are someone's the spec quotes: a customer's, a sample message.
    if (/^[ \t]*>/.test(spec.source.slice(block.lineStart, block.start))) continue;
    const prose = proseBlockOf(spec, block, (text) => REMARK_START.test(text));
    if (prose === null) continue;
    for (const m of prose.text.matchAll(REMARK)) {
      // So are words inside quotation marks: an odd number of them before the remark opens a quotation.
      if (((prose.text.slice(0, m.index).match(/["\u201c\u201d]/g)?.length ?? 0) % 2) === 1) continue;
      // A team's own line, with its channel or its name: `Feel free to reach out in #search if you hit a bug.`, `— Alice (owner)`,
      // `Feel free to reach out to the identity team if …`, `… to Alice if …` (false-positive hunt).
      if (/(?:^|\s)[#@][\w-]+|\s[\u2014\u2013-]\s*[A-Z][a-z]+|\b(?:reach out|ask|talk)\s+(?:to|in|on|via)\s+(?:the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:team|group|channel|squad|on-call|oncall)\b|[A-Z][a-z]+\b)/.test(m[0])) continue;
      findings.push({ ...prose.locate(m.index, m.index + m[0].length), message: `a model's words to its user are still here ("${m[0].trim()}"): delete them` });
    }
  }
  return findings;
}

// A model's opening words over the document it wrote: "Sure! Here's the spec:", "Below is the completed
// specification.", "I've filled in every section of the template." — before the first heading, speaking of the document.
// Said as a model says it, not as an author might open ("I have written this proposal after the March outage.",
// "Here is the RFC for the new rate limiter." are an author's: review): after "Sure!" or the like; or presenting what
// it made, "the completed …", "the filled-in …"; or saying what it did to the template, "I've filled in every section";
// or "based on your notes", "as you requested".
const OPENING = /^(?:(?:(?:Sure|Certainly|Of course|Absolutely|Okay|OK|Great)[!,.]?\s+(?:Here(?:'|\u2019)s|Here is|Below is|I(?:'|\u2019)ve|I have)\b)|(?:Here(?:'|\u2019)s|Here is|Below is) (?:the|your) (?:completed?|filled[- ]in|filled[- ]out|filled|updated|revised|final|full|drafted|requested)\b|I(?:'|\u2019)ve|I have)[^\n]{0,200}?\b(?:spec|specs|specification|document|design doc|draft|template|sections?|RFC|ADR|proposal)\b[^\n]{0,120}?(?:[.!:]|$)/i;
// What the model's "I've …" opening must say it did to the document, or whose words it took.
const DID_TO_IT = /^I(?:'|\u2019)ve|^I have/i;
const MODEL_DEED = /\b(?:filled (?:in|out)|completed|drafted|generated|populated)\b|\b(?:based on|from) your\b|\bas (?:you )?requested\b|\byou asked\b/i;

/**
 * The opening remark of a model's answer kept at the top of the document it
 * wrote (see {@link OPENING}): in the first few paragraphs before its first
 * section, above the title or under it; or null.
 */
function openingRemark(spec: ParsedSpec): FindingDraft | null {
  // (Above front matter it pushed down, the frontmatter rule names those words: one finding.)
  if (spec.frontMatter === null && misplacedFrontMatter(spec.source) !== null) return null;
  const end = spec.sections[0]?.span.start ?? spec.source.length;
  const start = spec.frontMatter?.span.end ?? 0;
  let looked = 0;
  for (const block of spec.blocks) {
    if (block.start < start) continue;
    if (block.start >= end || looked === 4) break;
    if (block.kind !== 'paragraph') continue;
    looked++;
    if (!/^[ \t]*(?:Sure|Certainly|Of course|Absolutely|Okay|OK|Great|Here|Below|I(?:'|\u2019)ve|I have)\b/i.test(spec.source.slice(block.start, block.end))) continue;
    const prose = proseBlockOf(spec, block);
    const m = prose === null ? null : OPENING.exec(prose.text);
    if (m !== null && DID_TO_IT.test(m[0]) && !MODEL_DEED.test(m[0])) continue;
    if (prose !== null && m !== null) return { ...prose.locate(0, m[0].length), message: `a model's words to its user are still here ("${m[0].trim()}"): delete them` };
  }
  return null;
}

// A model's opening words over a section it wrote: after "Sure!" or the like, "Here is …"; or presenting what it made,
// "Here is the completed section:". (Not an author's "Here is the data model:", which presents the section's own content.)
const SECTION_OPENING = /^(?:(?:Sure|Certainly|Of course|Absolutely|Okay|OK|Great)[!,.]\s+(?:Here(?:'|\u2019)s|Here is|Below is|I(?:'|\u2019)ve)\b[^\n]{0,160}?(?:[.!:]|$)|(?:Here(?:'|\u2019)s|Here is|Below is) (?:the|your) (?:completed?|filled[- ]in|filled[- ]out|updated|revised|requested|drafted) (?:section|text|content)\b[^\n]{0,120}?(?:[.!:]|$))/i;

/** The first paragraph of each section's own text, comments aside (not the part before the first section: see openingRemark). */
function sectionOpenings(spec: ParsedSpec): Block[] {
  const out: Block[] = [];
  const blocks = spec.blocks;
  for (const section of flattenSections(spec.sections)) {
    const span = section.bodySpan;
    for (let k = countAtMost(blocks, (b) => b.start, span.start - 1); k < blocks.length && blocks[k]!.start < span.end; k++) {
      const block = blocks[k]!;
      if (block.kind === 'paragraph') {
        out.push(block);
        break;
      }
      if (block.kind !== 'html') break;
    }
  }
  return out;
}

/** The last paragraph of the text before each section's first subsection, and of the part before the first section. */
function sectionEndings(spec: ParsedSpec): Block[] {
  const spans: Span[] = [preambleSpan(spec), ...flattenSections(spec.sections).map((s) => s.bodySpan)];
  const out: Block[] = [];
  const blocks = spec.blocks;
  for (const span of spans) {
    // From the last block that starts in the span, back past comments (by index: every section of every spec).
    for (let k = countAtMost(blocks, (b) => b.start, span.end - 1) - 1; k >= 0 && blocks[k]!.start >= span.start; k--) {
      const block = blocks[k]!;
      if (block.kind === 'paragraph') {
        out.push(block);
        break;
      }
      // (Past comments and a closing rule: `---` under a model's last words.)
      if (block.kind !== 'html' && block.kind !== 'thematic-break') break;
    }
  }
  return out;
}
