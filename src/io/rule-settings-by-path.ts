import { relative, sep } from 'node:path';
import type { RuleSetting } from '../core/check-spec.js';
import type { Config } from '../core/config.js';
import { resolveRuleSettings } from '../core/rule-settings.js';
import { pathGlob } from './path-glob.js';

/**
 * The rule settings of each spec: the config's `rules`, with the `overrides`
 * whose `files` match the spec's path applied over them. The globs are
 * compiled once, and the settings made once per set of matching overrides.
 */
export class RuleSettingsByPath {
  private readonly globs: ReadonlyArray<ReadonlyArray<(path: string) => boolean>>;
  private readonly made = new Map<string, Map<string, RuleSetting>>();

  constructor(private readonly root: string, private readonly config: Config) {
    this.globs = (config.overrides ?? []).map((o) => o.files.map(pathGlob));
  }

  /** The settings for the spec at this absolute path. */
  for(absolutePath: string): Map<string, RuleSetting> {
    const matching: number[] = [];
    if (this.globs.length > 0) {
      const path = relative(this.root, absolutePath).split(sep).join('/');
      this.globs.forEach((globs, i) => {
        if (globs.some((matches) => matches(path))) matching.push(i);
      });
    }
    const key = matching.join(',');
    let settings = this.made.get(key);
    if (settings === undefined) this.made.set(key, (settings = resolveRuleSettings(this.config, matching)));
    return settings;
  }
}
