import { z } from 'zod';
import { RULES } from './checks/index.js';
import { configSchema } from './config.js';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of the config file, for editor completion: the zod schema,
 * plus the rule ids as the allowed keys of `rules` (top-level and in
 * `overrides`), each with its description and the options it takes (none, for
 * most), so that an editor flags `markerz` as the program does.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema) as { properties: Record<string, JsonSchema> } & JsonSchema;
  const override = (schema.properties.overrides as { items: { properties: Record<string, JsonSchema> } }).items;
  schema.properties.rules = withRules(schema.properties.rules!);
  override.properties.rules = withRules(override.properties.rules!);
  return { ...schema, title: 'specfill configuration' };
}

/** A `rules` object schema with the known rule ids as its keys, each setting with that rule's own options. */
function withRules(rules: JsonSchema): JsonSchema {
  const setting = rules.additionalProperties as { anyOf: [JsonSchema, { properties: Record<string, JsonSchema> } & JsonSchema] };
  const [severity, object] = setting.anyOf;
  const properties = Object.fromEntries(RULES.map((rule) => {
    const options = Object.entries(rule.options ?? {}).map(([name, option]) => [name, {
      description: option.description,
      type: 'array',
      items: option.kind === 'keys' ? { type: 'string', pattern: '\\S' } : { type: 'string' },
      ...(option.kind === 'keys' ? { uniqueItems: true } : { minItems: 1 }),
    }]);
    const optionsSchema = { ...object.properties.options, properties: Object.fromEntries(options), additionalProperties: false };
    return [rule.id, { description: rule.description, anyOf: [severity, { ...object, properties: { ...object.properties, options: optionsSchema } }] }];
  }));
  return { ...rules, propertyNames: { enum: RULES.map((r) => r.id) }, properties };
}
