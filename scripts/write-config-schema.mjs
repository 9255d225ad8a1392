#!/usr/bin/env node
// Writes schema/config.schema.json from the zod schema in src/core/config.ts
// (run after `npm run build`; a test fails when the committed file is stale).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../dist/core/config-json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(root, 'schema', 'config.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
