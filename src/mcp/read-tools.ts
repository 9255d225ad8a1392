import { headOf } from '../core/clip-text.js';
import { placeholderIdFor, shownId } from '../core/placeholder-id.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { errorJson, toPlaceholderJson, toPlaceholderWithSection } from '../core/json-shapes.js';
import { flattenSections } from '../core/match-sections.js';
import type { ParsedSpec, Section } from '../core/spec-types.js';
import { templateListing } from '../core/template-outline.js';
import { sectionBodyText } from '../io/fill-file.js';
import { FileChecker } from '../io/file-checker.js';
import { summarizeSpecFiles } from '../io/summarize-spec-files.js';
import type { McpProject } from './project.js';
import { runTool, ToolError } from './tool-result.js';

const path = z.string().describe('spec path, relative to the project root');
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
// Neighbouring sections are context, not the task: long ones are cut.
const NEIGHBOUR_CHARS = 2000;

/** The tools that only read: templates, specs, placeholders, context, check. */
export function registerReadTools(server: McpServer, project: McpProject): void {
  server.registerTool('list_templates', {
    description: 'List the templates specs can be created from.',
    annotations: READ_ONLY,
  }, () => runTool(async () => ({ templates: (await project.templates()).list().map(templateListing) })));

  server.registerTool('list_specs', {
    description: 'List specs with title, status, completeness and open placeholders.',
    inputSchema: {
      status: z.string().optional().describe('only specs with this status'),
      template: z.string().optional().describe('only specs of this template id'),
    },
    annotations: READ_ONLY,
  }, (input) => runTool(async () => {
    const config = await project.config();
    const { specs, errors } = await summarizeSpecFiles({ root: project.root, cwd: project.root, config, confine: true });
    if (specs.length === 0 && errors.length === 0 && !project.hasConfig()) {
      throw new ToolError('NOT_INITIALIZED', `no specs and no specfill config in ${project.root}`,
        'create a spec with create_spec (see list_templates for the templates), or ask the user where the specs live');
    }
    const templateId = (ref: string | null): string | null => ref?.split('@')[0] ?? null;
    const listed = specs.filter((s) => (input.status === undefined || s.status === input.status)
      && (input.template === undefined || templateId(s.template) === templateId(input.template)));
    return {
      specs: listed.map((s) => ({ path: s.path, title: s.title, status: s.status, owners: s.owners, template: s.template, completeness: s.completeness, openPlaceholders: s.openPlaceholders })),
      errors: errors.map(errorJson),
    };
  }));

  server.registerTool('get_spec', {
    description: 'Read a spec: its outline, content and content hash. Long content comes in parts: call again with the reply\'s nextOffset.',
    inputSchema: {
      path,
      offset: z.number().int().min(0).optional().describe('a nextOffset, where the content goes on'),
    },
    annotations: READ_ONLY,
  }, (input) => runTool(async () => {
    const { file, source, spec, hash } = await project.read(input.path);
    const offset = input.offset ?? 0;
    const part = contentPart(source, offset);
    // The outline comes with the first part only, and at most MAX_OUTLINE sections of it: later parts stay small.
    if (offset > 0) return { path: file.relative, hash, ...part };
    const outline = outlineOf(spec);
    const shown = outline.length <= MAX_OUTLINE ? { outline } : { outline: outline.slice(0, MAX_OUTLINE), outlineTotal: outline.length, outlineTruncated: true };
    return { path: file.relative, hash, ...shown, ...part };
  }));

  server.registerTool('list_placeholders', {
    description: 'List the open placeholders of a spec with their ids, and the file hash to fill with.',
    inputSchema: { path },
    annotations: READ_ONLY,
  }, (input) => runTool(async () => {
    const { file, spec, hash } = await project.read(input.path);
    return { path: file.relative, hash, placeholders: spec.placeholders.map(toPlaceholderWithSection) };
  }));

  server.registerTool('get_placeholder_context', {
    description: 'What to know before filling a placeholder: its section, the neighbouring sections, the template guidance and the brief.',
    inputSchema: { path, id: z.string().describe('placeholder id') },
    annotations: READ_ONLY,
  }, (input) => runTool(async () => {
    // One reading of the config for the call: the path's check and the template both need it.
    const config = await project.config();
    const { file, spec, hash } = await project.read(input.path, config);
    const ids = spec.placeholders.map((p) => p.id);
    const placeholder = spec.placeholders.find((p) => p.id === placeholderIdFor(ids, input.id));
    if (placeholder === undefined) {
      throw new ToolError('NOT_FOUND', `${file.relative} has no open placeholder \`${shownId(input.id)}\`; open: ${ids.map(shownId).join(', ') || '(none)'}`,
        'call list_placeholders for the open ids');
    }
    const registry = await project.templates(config);
    const template = (await project.templateResolver(config, registry)).templateFor(file.absolute, spec, file.relative);
    const sectionId = placeholder.sectionId ?? 'title';
    const flat = flattenSections(spec.sections);
    const at = flat.findIndex((s) => s.id === sectionId);
    const brief = spec.frontMatter?.data?.brief;
    return {
      path: file.relative,
      hash,
      placeholder: { ...toPlaceholderJson(placeholder), sectionId },
      section: { id: sectionId, heading: placeholder.section, body: sectionBodyText(spec, sectionId) },
      previous: at > 0 ? neighbour(spec, flat[at - 1]!) : null,
      next: at >= 0 && at + 1 < flat.length ? neighbour(spec, flat[at + 1]!) : null,
      template: template === null ? null : template.model.ref,
      guidance: template === null ? null : sectionBodyText(template.spec, sectionId).trim() || null,
      brief: typeof brief === 'string' && brief.trim() !== '' ? brief : null,
    };
  }));

  server.registerTool('check_spec', {
    description: 'Check a spec against its template; findings as in `specfill check --format json`.',
    inputSchema: { path },
    annotations: READ_ONLY,
  }, (input) => runTool(async () => {
    const config = await project.config();
    const { file, source } = await project.read(input.path, config);
    const checker = await FileChecker.create({ cwd: project.root, root: project.root, config });
    const { report } = checker.check(file.absolute, file.relative, source);
    const count = (severity: string): number => report.findings.filter((f) => f.severity === severity).length;
    return { ...report, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } };
  }));
}

/**
 * The most content one get_spec reply holds. The SDK's stdio transport drops
 * the connection on a message over 10 MiB, and the text goes twice (as JSON
 * text and as structuredContent), escaped: a whole spec of several megabytes
 * ended the session.
 */
export const MAX_CONTENT_CHARACTERS = 256 * 1024;

/** The most sections get_spec's outline lists: a spec of tens of thousands of headings made a reply too large to send. */
const MAX_OUTLINE = 5000;

/**
 * The part of a spec's text that starts at `offset`: at most
 * {@link MAX_CONTENT_CHARACTERS}, ending after a line break when one is in
 * reach (an agent then sees whole lines), never between the halves of a
 * surrogate pair. `nextOffset` is null for the last part.
 */
export function contentPart(source: string, offset: number): { content: string; offset: number; nextOffset: number | null; totalCharacters: number } {
  if (offset > source.length) {
    throw new ToolError('OUT_OF_RANGE', `offset ${offset} is past the end of the spec (${source.length} characters)`, 'call get_spec without offset, then with each nextOffset it returns');
  }
  let end = Math.min(source.length, offset + MAX_CONTENT_CHARACTERS);
  if (end < source.length) {
    const lineEnd = source.lastIndexOf('\n', end - 1);
    if (lineEnd >= offset) end = lineEnd + 1;
    else if (isHighSurrogate(source.charCodeAt(end - 1))) end -= 1;
  }
  return { content: source.slice(offset, end), offset, nextOffset: end < source.length ? end : null, totalCharacters: source.length };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A spec's section tree, flat: what an agent needs to find its way. */
function outlineOf(spec: ParsedSpec): Array<{ id: string; heading: string; level: number; line: number; openPlaceholders: string[] }> {
  return flattenSections(spec.sections).map((s) => ({
    id: s.id,
    heading: s.heading.shown,
    level: s.heading.level,
    line: s.heading.line,
    openPlaceholders: spec.placeholders.filter((p) => p.sectionId === s.id).map((p) => p.id),
  }));
}

function neighbour(spec: ParsedSpec, section: Section): { id: string; heading: readonly string[]; body: string } {
  const body = sectionBodyText(spec, section.id);
  return { id: section.id, heading: section.path, body: body.length > NEIGHBOUR_CHARS ? `${headOf(body, NEIGHBOUR_CHARS)}…` : body };
}
