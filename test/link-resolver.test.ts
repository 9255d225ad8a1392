import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLinkResolver, type LinkDependency } from '../src/io/link-resolver.js';
import { tempProject } from './helpers/run-cli.js';

describe('FileLinkResolver', () => {
  it('answers anchor questions right for many more targets than it keeps at once', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`t/${i}.md`] = `# Heading ${i}\n`;
    const dir = tempProject(files);
    const deps: LinkDependency[] = [];
    const links = new FileLinkResolver(dir).forSpec(join(dir, 'spec.md'), deps);
    for (const round of [0, 1]) {
      for (let i = 0; i < 600; i++) expect([...links.anchorsOf(`t/${i}.md`)!], `round ${round}, file ${i}`).toEqual([`heading-${i}`]);
    }
    // A target that changes between runs is read again by a new resolver.
    writeFileSync(join(dir, 't', '0.md'), '# Renamed\n');
    expect([...new FileLinkResolver(dir).forSpec(join(dir, 'spec.md'), []).anchorsOf('t/0.md')!]).toEqual(['renamed']);
    expect(links.anchorsOf('t/missing.md')).toBeNull();
    expect(deps.at(-1)).toEqual({ path: join(dir, 't', 'missing.md'), exists: false });
  });
});
