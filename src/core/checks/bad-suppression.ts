import { nearestWord } from '../edit-distance.js';
import { lineIndexOf } from '../line-index.js';
import type { ParsedSpec, Position } from '../spec-types.js';
import { SUPPRESSION_DIRECTIVES, suppressionComments } from '../suppressions.js';
import type { CheckRule, FindingDraft } from './types.js';
import { headOf } from '../clip-text.js';

/**
 * A suppression comment that silences nothing it means to: a rule name that
 * is no rule (`leftover-markers`), or a directive that does not exist
 * (`specfill-disable-line`). Without this the finding it was written for
 * would still be reported, with nothing to say why.
 */
export const badSuppression: CheckRule = {
  id: 'bad-suppression',
  defaultSeverity: 'warning',
  description: 'A specfill-disable or specfill-enable comment names a rule or a directive that does not exist.',
  check: ({ spec, ruleIds }) => {
    const findings: FindingDraft[] = [];
    for (const c of suppressionComments(spec)) {
      if (c.directive === null) {
        const written = spec.source.slice(c.offset, c.offset + `specfill-${c.word}`.length);
        const lower = written.toLowerCase();
        const hint = (SUPPRESSION_DIRECTIVES as readonly string[]).includes(lower.slice('specfill-'.length))
          ? `: write it in lower case, ${lower}`
          : lower.startsWith('specfill-disable') ? ': use specfill-disable-next-line on the line before, or specfill-disable … specfill-enable around the lines' : ': use specfill-enable';
        findings.push({ ...span(spec, c.offset, written.length), message: `"${written}" is not a suppression comment, so it silences nothing${hint}` });
        continue;
      }
      for (let k = 0; k < c.rules.length; k++) {
        const r = c.rules[k]!;
        if (ruleIds.has(r.id)) continue;
        // A reason after a dash other than ` -- ` (models write `—`), or words that are
        // no rules, three or more in a row: one finding for the reason, not one per word.
        const rest = c.rules.slice(k);
        const dash = DASH.test(r.id);
        if (dash || (rest.length >= 3 && rest.slice(0, 3).every((x) => !ruleIds.has(x.id)))) {
          const last = rest[rest.length - 1]!;
          findings.push({
            ...lineIndexOf(spec).span(r.offset, last.offset + last.id.length),
            message: `${dash ? `"${r.id}" starts a reason, but` : 'these words read as a reason, but'} a reason goes after " -- " (two hyphens), or each word is taken for a rule name: write ${quoteReason(rest.map((x) => x.id), dash)}`,
          });
          break;
        }
        const near = nearestWord(r.id, ruleIds);
        findings.push({
          ...span(spec, r.offset, r.id.length),
          message: `"${r.id}" is not a specfill rule, so this comment silences nothing for it${near === undefined ? ': see `specfill check --help` for the rules' : `: did you mean "${near}"?`}`,
        });
      }
    }
    return findings;
  },
};

// A dash that is no `--`: an en or em dash, a single hyphen, or a run of them.
const DASH = /^(?:[\u2012-\u2015-]+|[\u2012-\u2015-]*[\u2012-\u2015][\u2012-\u2015-]*)$/;

/** The reason as it should be written: `-- why`, its own dash dropped. */
function quoteReason(words: readonly string[], dash: boolean): string {
  const reason = (dash ? words.slice(1) : words).join(' ');
  return `"-- ${reason.length > 60 ? `${headOf(reason, 57)}…` : reason}"`;
}

function span(spec: ParsedSpec, offset: number, length: number): Position {
  return lineIndexOf(spec).span(offset, offset + length);
}

