// The style `set` writes a status in is learnt from the file's cells whose
// words mean exactly that status, preferring its majority and its legend's
// words, never from plan's own claim marks.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { StatusMemory } from '../../src/write/memory.js';
import type { SettableStatus } from '../../src/model/status.js';
import { planOf, setInProcess } from '../helpers/inproc.js';
import { SEED } from '../helpers/run.js';

/** The line of task `id` after setting it to `to`. */
async function lineAfterSet(text: string, id: string, to: SettableStatus): Promise<string> {
  const plan = await planOf(text);
  const index = plan.tasks.findIndex((t) => t.id === id);
  expect(index, `task ${id}`).toBeGreaterThanOrEqual(0);
  const next = await setInProcess(text, index, to, new StatusMemory(null));
  return next.split('\n')[plan.tasks[index]!.line - 1]!;
}

const table = (...rows: string[]) => ['# Sprint 1', '', '| ID | Task | Status |', '|----|------|--------|', ...rows, ''].join('\n');

describe('the style of a status write', () => {
  it('is not learnt from a cell whose words say another status (the seed’s `🔄 Next`)', async () => {
    expect(await lineAfterSet(readFileSync(SEED, 'utf8'), '1.3', 'in-progress')).toBe('| 1.3 | Redis + VM Split | 🔄 In Progress | Real-time + historical |');
  });

  it('is not learnt from plan’s own claim marks', async () => {
    const text = table('| S1-1 | One | 🔄 @ana |', '| S1-2 | Two | ⏳ Pending |', '| S1-3 | Three | ⏳ Pending |', '| S1-4 | Four | ✅ Done |');
    expect(await lineAfterSet(text, 'S1-3', 'in-progress')).toBe('| S1-3 | Three | 🔄 In Progress |');
  });

  it('follows the file’s majority', async () => {
    const text = table('| 1 | A | 🔄 Doing |', '| 2 | B | 🔄 Doing |', '| 3 | C | 🔄 In Progress |', '| 4 | D | ⏳ Pending |');
    expect(await lineAfterSet(text, '4', 'in-progress')).toBe('| 4 | D | 🔄 Doing |');
  });

  it('takes the legend’s words where no cell uses them (`Em Andamento`, not English beside `Concluído`)', async () => {
    const legend = ['## Legenda', '', '- ✅ Concluído', '- 🔄 Em Andamento', '- ⏳ Pendente', '', ''].join('\n');
    const rows = ['| 1 | Um | ✅ Concluído |', '| 2 | Dois | ⏳ Pendente |', '| 3 | Três | ⏳ Pendente |'];
    expect(await lineAfterSet(legend + table(...rows), '2', 'in-progress')).toBe('| 2 | Dois | 🔄 Em Andamento |');
    // An English cell plan wrote before does not outvote the legend.
    expect(await lineAfterSet(legend + table(...rows, '| 4 | Quatro | 🔄 In Progress |'), '2', 'in-progress')).toBe('| 2 | Dois | 🔄 Em Andamento |');
    // A table legend says the same.
    const tableLegend = ['| Ícone | Status |', '|---|---|', '| ✅ | Concluído |', '| 🔄 | Em Andamento |', '', ''].join('\n');
    expect(await lineAfterSet(tableLegend + table(...rows), '3', 'in-progress')).toBe('| 3 | Três | 🔄 Em Andamento |');
  });
});
