import { RULES } from './checks/index.js';
import type { SeveritySetting } from './checks/types.js';
import type { RuleSetting } from './check-spec.js';
import type { Config } from './config.js';

/** Each rule's effective setting under a config (kept apart from the schema, so that no validator loads when no config exists). */
export function resolveRuleSettings(config: Config): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of RULES) {
    const s = config.rules?.[rule.id];
    const severity: SeveritySetting = s === undefined ? rule.defaultSeverity : typeof s === 'string' ? s : s.severity ?? rule.defaultSeverity;
    settings.set(rule.id, { severity, options: typeof s === 'object' ? s.options ?? {} : {} });
  }
  return settings;
}
