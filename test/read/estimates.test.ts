// Estimates: Estimate/Est/Points/SP/Effort columns and field lines → a number and a unit.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { estimateOf } from '../../src/read/fields.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('estimateOf', () => {
  it('reads a number with the common units, and nothing else', () => {
    expect(estimateOf('3d')).toEqual({ value: 3, unit: 'd' });
    expect(estimateOf('4 h')).toEqual({ value: 4, unit: 'h' });
    expect(estimateOf('1.5 days')).toEqual({ value: 1.5, unit: 'd' });
    expect(estimateOf('2,5w')).toEqual({ value: 2.5, unit: 'w' });
    expect(estimateOf('5 pts')).toEqual({ value: 5, unit: 'points' });
    expect(estimateOf('5')).toEqual({ value: 5, unit: null });
    expect(estimateOf('5', 'points')).toEqual({ value: 5, unit: 'points' });
    expect(estimateOf('**8**', 'points')).toEqual({ value: 8, unit: 'points' });
    expect(estimateOf('big')).toBeNull();
    expect(estimateOf('3 apples')).toBeNull();
    expect(estimateOf('')).toBeNull();
  });
});

describe('estimates in --json', () => {
  it('a table: Estimate, SP and Points columns; field lines under heading tasks', async () => {
    const file = join(tmp.dir, 'PLAN.md');
    writeFileSync(
      file,
      [
        '| ID | Task | Status | Estimate |',
        '|----|------|--------|----------|',
        '| 1 | Alpha | pending | 3d |',
        '| 2 | Beta | pending | 5 pts |',
        '| 3 | Gamma | pending | ? |',
        '',
        '| ID | Task | Status | SP |',
        '|----|------|--------|----|',
        '| 4 | Delta | pending | 8 |',
        '',
        '## Tasks',
        '',
        '### 5. Epsilon (in progress)',
        '',
        '**Effort:** 4h',
        '',
      ].join('\n'),
    );
    const r = await runCli(['-f', file, 'list', '--json', '--fields', 'estimate']);
    expect(r.stderr).toBe('');
    const tasks = JSON.parse(r.stdout).tasks.map((t: { id: string; estimate: unknown }) => t.estimate);
    expect(tasks).toEqual([{ value: 3, unit: 'd' }, { value: 5, unit: 'points' }, null, { value: 8, unit: 'points' }, { value: 4, unit: 'h' }]);
  });
});
