import { RULES } from './checks/index.js';
import type { SeveritySetting } from './checks/types.js';
import type { RuleSetting } from './check-spec.js';
import type { Config } from './config.js';

type RuleSettings = NonNullable<Config['rules']>;

/**
 * Each rule's effective setting under a config: the rule's default, then the
 * top-level `rules`, then the `rules` of each override listed in `overrides`
 * (indexes into the config's `overrides`, in order). In an override, a
 * severity alone keeps the options set before it, and options alone keep the
 * severity, as linters' overrides do. Kept apart from the schema, so that no
 * validator loads when no config exists.
 */
export function resolveRuleSettings(config: Config, overrides: readonly number[] = []): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of RULES) settings.set(rule.id, { severity: rule.defaultSeverity, options: {} });
  const apply = (rules: RuleSettings): void => {
    for (const [id, s] of Object.entries(rules)) {
      const before = settings.get(id);
      if (before === undefined) continue;
      const severity: SeveritySetting = typeof s === 'string' ? s : s.severity ?? before.severity;
      settings.set(id, { severity, options: typeof s === 'object' && s.options !== undefined ? s.options : before.options });
    }
  };
  apply(config.rules ?? {});
  for (const i of overrides) apply(config.overrides?.[i]?.rules ?? {});
  return settings;
}
