import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createTwoFilesPatch } from 'diff';
import { z } from 'zod';
import { createSpecSource, isoDate } from '../core/create-spec.js';
import { lifecycleOf } from '../core/lifecycle.js';
import { toPlaceholderWithSection } from '../core/json-shapes.js';
import { parseSpec } from '../core/parse-spec.js';
import type { Placeholder } from '../core/spec-types.js';
import { slugify } from '../core/slug.js';
import { fileHash, fillFile } from '../io/fill-file.js';
import { setSpecStatus } from '../io/set-spec-status.js';
import { readTextFileSync, rereadLimit } from '../io/read-text-file.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { confineSpec } from '../io/confine-spec.js';
import type { McpProject } from './project.js';
import { runTool, ToolError } from './tool-result.js';
import { defaultSpecPath } from '../io/path-glob.js';

/** The tools that write, both through the fill contract's atomic write. */
export function registerWriteTools(server: McpServer, project: McpProject, now: () => Date): void {
  server.registerTool('fill_placeholder', {
    description: 'Replace one placeholder with Markdown content; nothing else in the file changes. '
      + 'expectedHash is the hash from list_placeholders or get_spec: a file changed since is refused (STALE).',
    inputSchema: {
      path: z.string().describe('spec path, relative to the project root'),
      id: z.string().describe('placeholder id'),
      content: z.string().describe('Markdown for the section, without its heading'),
      expectedHash: z.string().describe('hash of the file as you read it'),
      dryRun: z.boolean().optional().describe('show the diff, write nothing'),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }, (input) => runTool(async () => {
    const config = await project.config();
    const { file, source, hash } = await project.read(input.path, config);
    if (hash !== input.expectedHash) {
      throw new ToolError('STALE', `${file.relative} changed since you read it (its hash is now ${hash})`,
        'call list_placeholders for the current hash and ids, then fill again');
    }
    const result = await fillFile(file.absolute, {
      answers: [{ id: input.id, content: input.content }],
      filler: 'mcp',
      root: project.root,
      now,
      displayPath: file.relative,
      expectedHash: input.expectedHash,
      dryRun: input.dryRun === true,
      requireOpen: [input.id],
      maxFileBytes: config.maxFileBytes,
    });
    const refusal = result.refused[0];
    if (refusal !== undefined) {
      throw new ToolError('INVALID_CONTENT', `${file.relative}: ${refusal.message}; nothing was written`,
        'rewrite the content to follow the rule in the message (no headings at or above the section\'s level, no front matter, no placeholder markers, no specfill-disable/enable comments, closed code fences) and fill again');
    }
    // The verified state: the file as it now is on disk (or as it would be, on a dry run).
    const dryRun = input.dryRun === true;
    // Its answer may have taken it past the limit it was read with: the write is still reported as done.
    const after = dryRun ? result.text! : readTextFileSync(file.absolute, { displayPath: file.relative, maxBytes: rereadLimit(config.maxFileBytes) });
    return {
      path: file.relative,
      filled: input.id,
      dryRun,
      hash: dryRun ? hash : fileHash(after),
      diff: shownDiff(createTwoFilesPatch(`a/${file.relative}`, `b/${file.relative}`, source, after, undefined, undefined, { context: 3 })),
      ...listedPlaceholders('remaining', parseSpec(after).placeholders),
    };
  }));

  server.registerTool('set_status', {
    description: 'Move a spec to another status; refused (REFUSED) when the lifecycle forbids it or a gated status meets check errors.',
    inputSchema: {
      path: z.string().describe('spec path, relative to the project root'),
      status: z.string().describe('the new status, e.g. review'),
      force: z.boolean().optional().describe('override a refusal; needs reason'),
      reason: z.string().optional().describe('why the override; recorded in the spec'),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }, (input) => runTool(async () => {
    if (input.force === true && (input.reason === undefined || input.reason.trim() === '')) {
      throw new ToolError('REFUSED', 'force needs a reason: it is recorded in the spec', 'call set_status again with reason set to why the move is forced (a person\'s words)');
    }
    const config = await project.config();
    const file = confineSpec(project.root, config, input.path, { mustExist: true });
    const result = await setSpecStatus({
      root: project.root, cwd: project.root, config, path: file.absolute, displayPath: file.relative,
      status: input.status, force: input.force, reason: input.reason, now: now(),
    });
    return { path: file.relative, from: result.from, to: result.to, changed: result.changed, forced: result.forced, errors: result.errors, hash: result.hash };
  }));

  server.registerTool('create_spec', {
    description: 'Create a spec from a template (default path: specs/<title>.md, or the folder the config\'s specs globs look in); an existing file is never replaced.',
    inputSchema: {
      template: z.string().describe('template id, from list_templates'),
      title: z.string().min(1).describe('the spec\'s title'),
      owners: z.array(z.string()).optional().describe('owners, e.g. GitHub handles'),
      path: z.string().optional().describe('where to write it, relative to the project root'),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }, (input) => runTool(async () => {
    const config = await project.config();
    const template = (await project.templates(config)).get(input.template);
    const name = slugify(input.title.trim());
    if (input.path === undefined && name === '') {
      throw new ToolError('INVALID_CONTENT', `the title ${JSON.stringify(input.title)} gives no usable file name`, 'give a path, e.g. specs/my-spec.md');
    }
    const file = confineSpec(project.root, config, input.path ?? defaultSpecPath(config.specs, name), { mustExist: false });
    const content = createSpecSource(template, { title: input.title, owners: input.owners ?? [], created: isoDate(now()), status: lifecycleOf(config).statuses[0] });
    mkdirSync(dirname(file.absolute), { recursive: true });
    await writeFileAtomic(file.absolute, content, { overwrite: false, displayPath: file.relative });
    return {
      path: file.relative,
      template: `${template.id}@${template.version}`,
      hash: fileHash(content),
      ...listedPlaceholders('placeholders', parseSpec(content).placeholders),
    };
  }));
}

/**
 * The most placeholders a write lists in its reply. The write is done by
 * then: a reply too large to send (thousands of placeholders) would report
 * it as failed, and the agent's retry would meet STALE.
 */
const MAX_LISTED_PLACEHOLDERS = 1000;

/** Placeholders under `key`, at most {@link MAX_LISTED_PLACEHOLDERS}, with `${key}Total` and `${key}Truncated` when there are more. */
function listedPlaceholders(key: string, placeholders: readonly Placeholder[]): Record<string, unknown> {
  const listed = placeholders.slice(0, MAX_LISTED_PLACEHOLDERS).map(toPlaceholderWithSection);
  return placeholders.length <= MAX_LISTED_PLACEHOLDERS ? { [key]: listed } : { [key]: listed, [`${key}Total`]: placeholders.length, [`${key}Truncated`]: true };
}

/** The longest diff a fill returns: a spec with a line of megabytes in the diff's context made a reply too large for a client to take. */
const MAX_DIFF_CHARACTERS = 256 * 1024;

/** A fill's diff, or a note in its place when it is too long to send. */
function shownDiff(diff: string): string {
  return diff.length <= MAX_DIFF_CHARACTERS ? diff : `(a diff of ${diff.length} characters, left out: get_spec shows the file as it now is)\n`;
}
