// The dependency views, in process: a Mermaid block whose labels cannot
// reconfigure the diagram, and a tree that fits the terminal's width.
import { describe, expect, it } from 'vitest';
import { dependencyView } from '../../src/query/deptree.js';
import { mermaid } from '../../src/render/deps.js';
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
