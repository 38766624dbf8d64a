// A status write on an item whose id the reader found across the file (`Card 2:`, rising on the items)
// and whose owner sits in a field nested under it: the write changes only the box.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('set on a card numbered like its siblings, with a nested owner', () => {
  it('writes the box and nothing else', async () => {
    const path = join(tmp.dir, 'board.md');
    const before = [
      '# Board',
      '',
      '- [x] **Tarjeta 1: Clean the repo**',
      '  - **Responsable:** Ana',
      '- [ ] **Tarjeta 2: Seed the data**',
      '  - **Responsable:** Ben',
      '',
    ].join('\n');
    writeFileSync(path, before);
    const r = await runCli(['-f', path, 'set', 'Tarjeta 1', 'pending']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before.replace('- [x] **Tarjeta 1', '- [ ] **Tarjeta 1'));
  });
});

describe('set on a day of a timeline (`Day 2: …`)', () => {
  it('writes the mark, though the title leaves the day out', async () => {
    const path = join(tmp.dir, 'log.md');
    const before = ['# Log', '', '- [x] Day 1: Project setup', '- [ ] Day 2: Parser', ''].join('\n');
    writeFileSync(path, before);
    const listed = JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: { id: string; line: number }[] };
    const id = listed.tasks.find((t) => t.line === 4)!.id;
    const r = await runCli(['-f', path, 'set', id, 'done']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before.replace('- [ ] Day 2', '- [x] Day 2'));
  });
});
