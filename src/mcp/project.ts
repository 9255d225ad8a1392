import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../core/config.js';
import { parseSpec } from '../core/parse-spec.js';
import type { ParsedSpec } from '../core/spec-types.js';
import { fileHash } from '../io/fill-file.js';
import { findSpecs, type FoundFiles } from '../io/find-spec-files.js';
import { CONFIG_FILES, loadConfig } from '../io/load-config.js';
import { loadTemplates, type TemplateRegistry } from '../io/load-templates.js';
import { readTextFileSync } from '../io/read-text-file.js';
import { TemplateResolver } from '../io/resolve-template-for.js';
import type { ConfinedPath } from '../io/confine-path.js';
import { confineSpec } from '../io/confine-spec.js';

/** A spec as read for one tool call. */
export interface ReadSpec {
  readonly file: ConfinedPath;
  readonly source: string;
  readonly spec: ParsedSpec;
  /** sha256 of the text: the `expectedHash` of a later fill. */
  readonly hash: string;
}

/**
 * The project an MCP server works in. Config and templates are read again on
 * every call, so that an agent sees edits made meanwhile (by a person, or by
 * itself through other tools); every path goes through {@link confineSpec}.
 */
export class McpProject {
  constructor(readonly root: string) {}

  /** Whether the root has a specfill config. */
  hasConfig(): boolean {
    return CONFIG_FILES.some((name) => existsSync(join(this.root, name)));
  }

  async config(): Promise<Config> {
    return (await loadConfig(this.root)).config;
  }

  async templates(config?: Config): Promise<TemplateRegistry> {
    const c = config ?? (await this.config());
    return loadTemplates({ root: this.root, cwd: this.root, templatesDir: c.templatesDir, mapped: c.templates });
  }

  async templateResolver(config: Config, registry: TemplateRegistry): Promise<TemplateResolver> {
    return TemplateResolver.create(this.root, registry, config.templates);
  }

  /** The spec files where specs are looked for, less those the config's `ignore` matches (see {@link findSpecs}). */
  specFiles(config: Config): Promise<FoundFiles> {
    return findSpecs([], config, this.root, this.root);
  }

  /** Reads and parses a spec of the project (see {@link confineSpec}). */
  async read(path: string, config?: Config): Promise<ReadSpec> {
    const c = config ?? (await this.config());
    const file = confineSpec(this.root, c, path, { mustExist: true });
    // The config's size limit holds here as in check and the web UI: an agent asking for a huge file gets FILE_TOO_LARGE, not the file.
    const source = readTextFileSync(file.absolute, { displayPath: file.relative, maxBytes: c.maxFileBytes });
    return { file, source, spec: parseSpec(source), hash: fileHash(source) };
  }
}
