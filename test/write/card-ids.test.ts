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
