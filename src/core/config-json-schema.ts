import { z } from 'zod';
import { RULES } from './checks/index.js';
import { configSchema } from './config.js';

/**
 * The JSON Schema of the config file, for editor completion: the zod schema,
 * plus the rule ids as the allowed keys of `rules` (top-level and in `overrides`).
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema) as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const ruleIds = { enum: RULES.map((r) => r.id) };
  schema.properties.rules = { ...schema.properties.rules, propertyNames: ruleIds };
  const override = (schema.properties.overrides as { items: { properties: Record<string, Record<string, unknown>> } }).items;
  override.properties.rules = { ...override.properties.rules, propertyNames: ruleIds };
  return { ...schema, title: 'specfill configuration' };
}
