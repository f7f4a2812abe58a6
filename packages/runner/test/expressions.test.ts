import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  evaluateString,
  expandTemplateString,
  usesStatusFunction,
} from '../src/expressions.js';
import { parseWorkflowText } from '../src/workflow.js';

const ok = { success: true, failure: false, cancelled: false };
const failed = { success: false, failure: true, cancelled: false };
const ctx = { github: { sha: 'abc', ref: 'refs/heads/main' }, env: { NAME: 'n' } };

describe('conditions', () => {
  it.each([
    ["github.ref == 'refs/heads/main'", ok, true],
    ["github.ref == 'refs/heads/main'", failed, false],
    ['always()', failed, true],
    ['failure()', failed, true],
    ["failure() && env.NAME == 'n'", failed, true],
    ['', ok, true],
    ["contains('success()', 'x')", failed, false],
  ])('%s', (expr, status, expected) => {
    expect(evaluateCondition(expr, ctx, status, 'if')).toBe(expected);
  });

  it('finds status functions only where they are called', () => {
    expect(usesStatusFunction('always() || x')).toBe(true);
    expect(usesStatusFunction("'always()' == x")).toBe(false);
  });

  it('names the key of a broken expression', () => {
    expect(() => evaluateCondition('github.sha ==', ctx, ok, 'jobs.a.if')).toThrow(/^jobs\.a\.if: /);
  });
});

describe('expandTemplateString', () => {
  it('expands expressions, including quotes holding }}', () => {
    expect(expandTemplateString("${{ github.sha }}-${{ format('{0}}}', 'x') }}", ctx, ok, 'd')).toBe(
      'abc-x}',
    );
  });
});

describe('multi-line scalars', () => {
  it('evaluates block, folded and multi-line quoted scalars as YAML decodes them', async () => {
    const w = await parseWorkflowText(
      'm.yml',
      `on: push
jobs:
  a:
    runs-on: docker
    steps:
      - run: |
          echo "\${{ github.sha }}" 'x'
            indented {a}
      - run: >-
          folded \${{ github.sha }}
          more
      - run: "quoted \${{ github.sha }}
          two"
      - run: plain \${{ github.sha }}
          text
`,
    );
    const runs = w.jobs[0]!.steps.map((s) => evaluateString(s.run!, ctx, ok, 'run'));
    expect(runs).toEqual([
      `echo "abc" 'x'\n  indented {a}\n`,
      'folded abc more',
      'quoted abc two',
      'plain abc text',
    ]);
  });
});
