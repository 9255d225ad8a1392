import { describe, expect, it } from 'vitest';
import { guardAnswer, unwrapOuterFence } from '../src/core/output-guard.js';

describe('output guard', () => {
  it('removes one fence that wraps the whole answer', () => {
    expect(unwrapOuterFence('```markdown\nThe data model.\n\n- a\n- b\n```\n')).toEqual({ text: 'The data model.\n\n- a\n- b', unwrapped: true });
    expect(unwrapOuterFence('\n\n```\nPlain.\n```')).toEqual({ text: 'Plain.', unwrapped: true });
    expect(unwrapOuterFence('~~~md\nTilde.\n~~~')).toEqual({ text: 'Tilde.', unwrapped: true });
  });

  it('keeps inner code blocks of a wrapped answer intact', () => {
    const inner = 'Use this:\n\n```js\nconst a = 1;\n```\n\nDone.';
    expect(unwrapOuterFence(`\`\`\`\`markdown\n${inner}\n\`\`\`\``).text).toBe(inner);
  });

  it('leaves answers that are not wrapped, or wrapped in a real code block, alone', () => {
    for (const answer of [
      'Text first.\n\n```\ncode\n```',
      '```\ncode\n```\n\nText after.',
      '```python\nprint(1)\n```',
      '```\nopen fence only',
      '```md\na\n```\n```md\nb\n```',
      '    ```\n    indented\n    ```',
    ]) {
      expect(unwrapOuterFence(answer)).toEqual({ text: answer, unwrapped: false });
    }
  });

  it('unwraps a same-length wrapper around inner code blocks, as models write it', () => {
    expect(unwrapOuterFence('```markdown\nUse:\n\n```js\nlimit(100);\n```\n```')).toEqual({ text: 'Use:\n\n```js\nlimit(100);\n```', unwrapped: true });
  });

  it('does not take a shorter inner fence for the closing one (no character trim)', () => {
    const answer = '````\nBefore\n```\ninner\n```\nAfter\n````';
    expect(unwrapOuterFence(answer).text).toBe('Before\n```\ninner\n```\nAfter');
  });

  it('refuses empty answers and non-answers', () => {
    expect(guardAnswer('   ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(guardAnswer('```\n\n```')).toMatchObject({ ok: false, reason: 'empty' });
    for (const x of ['TBD', 'tbd.', '**TODO**', 'N/A', '...', 'To be determined.']) expect(guardAnswer(x)).toMatchObject({ ok: false, reason: 'non-answer' });
    expect(guardAnswer('TBD: we pick Redis after the load test.')).toMatchObject({ ok: true });
    expect(guardAnswer('```markdown\nReal.\n```')).toEqual({ ok: true, content: 'Real.', unwrapped: true });
  });
});
