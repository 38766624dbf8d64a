// The dependency views, in process: a Mermaid block whose labels cannot
// reconfigure the diagram, and a tree that fits the terminal's width.
import { describe, expect, it } from 'vitest';
import { dependencyView } from '../../src/query/deptree.js';
import { mermaid, treeLines, treeText } from '../../src/render/deps.js';
import { textWidth } from '../../src/text/width.js';
import { planOf } from '../helpers/inproc.js';

describe('deps --mermaid', () => {
  it('a title cannot carry a %%{init}%% directive or braces into the diagram', async () => {
    const plan = await planOf(
      ['| ID | Task | Status | Depends On |', '|---|---|---|---|', "| 1 | %%{init: {'theme':'dark'}}%% a | ⏳ | |", '| 2 | b | ⏳ | 1 |', ''].join('\n'),
    );
    const out = mermaid(dependencyView(plan));
    expect(out).not.toMatch(/%%|[{}](?!")/);
    expect(out).toContain("#37;#37;#123;init: #123;'theme':'dark'#125;#125;#37;#37; a (pending)");
  });
});

describe('the deps tree', () => {
  it('a deep chain fits the width: the indentation is shortened, then the label cut', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| ${i + 1} | Task number ${i + 1} with a long title to cut | ⏳ | ${i ? i : ''} |`);
    const plan = await planOf(['| ID | Task | Status | Depends On |', '|---|---|---|---|', ...rows, ''].join('\n'));
    const lines = treeLines(dependencyView(plan));
    expect(lines.length).toBeGreaterThan(30);
    for (const width of [40, 60, 80]) {
      const out = treeText(
        lines,
        (s) => s,
        (s) => s,
        width,
      )
        .trimEnd()
        .split('\n');
      expect(out).toHaveLength(lines.length);
      for (const line of out) expect(textWidth(line), line).toBeLessThanOrEqual(width);
      // Each line still says which task it is, and its status.
      for (const line of out.slice(1)) expect(line).toMatch(/── \d+ .* {2}pending/);
    }
  });
});
