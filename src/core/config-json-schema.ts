import { z } from 'zod';
import { RULES } from './checks/index.js';
import { configSchema } from './config.js';

/**
 * The JSON Schema of the config file, for editor completion: the zod schema,
 * plus the rule ids as the allowed keys of `rules`.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema) as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  schema.properties.rules = { ...schema.properties.rules, propertyNames: { enum: RULES.map((r) => r.id) } };
  return { ...schema, title: 'specfill configuration' };
}
