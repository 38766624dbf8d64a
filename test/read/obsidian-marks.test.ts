// Obsidian Tasks' marks the reader once got wrong, on synthetic items: the
// `🔁` rule left in the title, `⛔` ids of letters only, the `[>]` box, and
// tags that start with an emoji.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** The tasks of a file of `items` under one heading, as `list --json` gives them. */
async function read(...items: string[]) {
  const file = join(tmp.dir, `marks-${n++}.md`);
  writeFileSync(file, ['# Vault', '', ...items, ''].join('\n'));
  const r = await runCli(['-f', file, 'list', '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).tasks as {
    id: string;
    title: string;
    status: string;
    recurrence: string | null;
    tags: string[];
    dependsOn: string[];
    due: string | null;
  }[];
}

describe('Obsidian Tasks marks', () => {
  it('🔁 rule: out of the title into recurrence, up to the next signifier or tag', async () => {
    const [a, b, c] = await read('- [ ] Water plants 🔁 every week #home 📅 2025-03-10', '- [ ] Pay 📅 2025-03-10 🔁 every month when done', '- [ ] Plain one');
    expect(a).toMatchObject({ title: 'Water plants', recurrence: 'every week', tags: ['home'], due: '2025-03-10' });
    expect(b).toMatchObject({ title: 'Pay', recurrence: 'every month when done' });
    expect(c).toMatchObject({ title: 'Plain one', recurrence: null });
  });

  it('⛔ ids of letters only, where they end the words; not a status word, not running text', async () => {
    const tasks = await read(
      '- [ ] First 🆔 abcdef',
      '- [ ] Second 🆔 ghijkl',
      '- [ ] After ⛔ abcdef,ghijkl 📅 2025-03-10',
      '- [ ] Deploy ⛔ blocked',
      '- [ ] Ship ⛔ waiting on vendor',
    );
    expect(tasks[2]).toMatchObject({ title: 'After', dependsOn: ['abcdef', 'ghijkl'] });
    expect(tasks[3]).toMatchObject({ title: 'Deploy ⛔ blocked', dependsOn: [] });
    expect(tasks[4]).toMatchObject({ title: 'Ship ⛔ waiting on vendor', dependsOn: [] });
  });

  it('[>] is still to do (forwarded), as [!] and [?] are', async () => {
    const tasks = await read('- [>] Forwarded', '- [!] Important', '- [?] Question');
    expect(tasks.map((t) => t.status)).toEqual(['pending', 'pending', 'pending']);
  });

  it('a tag may start with an emoji; #12 is still an issue', async () => {
    const [a] = await read('- [ ] Call #🏢/companyA about #12 #✅done');
    expect(a!.tags).toEqual(['🏢/companyA', '✅done']);
  });
});
