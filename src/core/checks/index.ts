import { badSuppression } from './bad-suppression.js';
import { brokenLink } from './broken-link.js';
import { duplicateHeading } from './duplicate-heading.js';
import { emptySection } from './empty-section.js';
import { frontmatter } from './frontmatter.js';
import { headingLevel } from './heading-level.js';
import { leftoverGuidance } from './leftover-guidance.js';
import { leftoverMarker } from './leftover-marker.js';
import { malformedPlaceholder } from './malformed-placeholder.js';
import { missingSection } from './missing-section.js';
import { sectionOrder } from './section-order.js';
import { staleIndex } from './stale-index.js';
import { templateVersion } from './template-version.js';
import type { CheckRule } from './types.js';
import { unclosedHtml } from './unclosed-html.js';
import { unfilledPlaceholder } from './unfilled-placeholder.js';
import { unknownSection } from './unknown-section.js';

/** Every check rule, in the order findings are listed for one place. Ids and default severities are a public contract. */
export const RULES: readonly CheckRule[] = [
  unfilledPlaceholder,
  malformedPlaceholder,
  emptySection,
  missingSection,
  sectionOrder,
  headingLevel,
  unknownSection,
  duplicateHeading,
  leftoverMarker,
  leftoverGuidance,
  frontmatter,
  brokenLink,
  unclosedHtml,
  staleIndex,
  templateVersion,
  badSuppression,
];

/** The rule with this id, or undefined. */
export function findRule(id: string): CheckRule | undefined {
  return RULES.find((r) => r.id === id);
}
