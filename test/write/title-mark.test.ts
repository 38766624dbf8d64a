// A row of a table with no Status column, outside a board, has no cell for its
// status: `set` writes it as a mark closing the row's title cell (as on a list
// item with no box), in the file's own mark, and says so on stdout; the reader
// reads that mark back as the row's status; setting back restores the bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `rows-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

const TABLE = ['# Plan', '', '| ID | Task | Owner |', '|----|------|-------|', '| 0.1 | Set up CI | ana |', '| 0.2 | Write docs | bo |', ''].join('\n');

async function statuses(path: string): Promise<string[]> {
  const r = await runCli(['-f', path, '--json', 'list']);
  return (JSON.parse(r.stdout) as { tasks: { id: string; title: string; status: string }[] }).tasks.map((t) => `${t.id} ${t.title} ${t.status}`);
}

describe('set on a row of a table without a Status column', () => {
  it('writes ✅ closing the title cell, says so, reads it back; set back restores the exact bytes', async () => {
    const path = planFile(TABLE);
    const r = await runCli(['-f', path, 'set', '0.1', 'done']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('none → done (wrote ✅ in the title cell: the table has no Status column)');
    expect(readFileSync(path, 'utf8')).toBe(TABLE.replace('| Set up CI |', '| Set up CI ✅ |'));
    expect(await statuses(path)).toEqual(['0.1 Set up CI done', '0.2 Write docs none']);
    const back = await runCli(['-f', path, 'set', '0.1', 'pending']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('took off the mark plan wrote in the title cell');
    expect(readFileSync(path, 'utf8')).toBe(TABLE);
  });

  it('after an issue reference closing the title (`Set up CI (#12) ✅`), which the title leaves out, and reads it back', async () => {
    const path = planFile(TABLE.replace('| Set up CI |', '| Set up CI (#12) |'));
    const r = await runCli(['-f', path, 'set', '0.1', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(TABLE.replace('| Set up CI |', '| Set up CI (#12) ✅ |'));
    expect(await statuses(path)).toEqual(['0.1 Set up CI done', '0.2 Write docs none']);
    expect((await runCli(['-f', path, 'set', '0.1', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(TABLE.replace('| Set up CI |', '| Set up CI (#12) |'));
  });

  it('writes the mark the file uses elsewhere', async () => {
    const text = ['# Plan', '', '- ✔️ Shipped the thing', '- Other', '', ...TABLE.split('\n').slice(2)].join('\n');
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', '0.2', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Write docs |', '| Write docs ✔️ |'));
  });

  it("replaces a mark the file wrote itself, keeping the title and the table's alignment", async () => {
    const text = ['| ID  | Task         |', '|-----|--------------|', '| 1   | Set up CI ✅ |', '| 2   | Write docs   |', ''].join('\n');
    const path = planFile(text);
    expect(await statuses(path)).toEqual(['1 Set up CI done', '2 Write docs none']);
    const r = await runCli(['-f', path, 'set', '1', 'pending']);
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('Set up CI ✅', 'Set up CI ⏳'));
    expect(await statuses(path)).toEqual(['1 Set up CI pending', '2 Write docs none']);
  });

  it('still refuses an owner it has no place for', async () => {
    const path = planFile(TABLE.replace(' Owner |', ' Notes |'));
    const claim = await runCli(['-f', path, 'set', '0.1', 'in-progress', '--owner', 'ana']);
    expect(claim.code).toBe(1);
    expect(claim.stderr).toMatch(/task 0\.1 is in a table without a Status column; add one, or use `plan edit`/);
    expect(readFileSync(path, 'utf8')).toBe(TABLE.replace(' Owner |', ' Notes |'));
  });
});

const SPEC = ['# Spec', '', '## Tasks', '', '### A-01 Build the parser', '', 'Some words.', '', '### A-02 Write the docs ###', '', 'More.', ''].join('\n');

describe('set on a heading task with no status written in it or under it', () => {
  it('writes ✅ at the end of the heading, says so, reads it back; set back restores the exact bytes', async () => {
    const path = planFile(SPEC);
    const r = await runCli(['-f', path, 'set', 'A-01', 'done']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('none → done (wrote ✅ at the end of the heading: it had no status written in it or under it)');
    expect(readFileSync(path, 'utf8')).toBe(SPEC.replace('### A-01 Build the parser', '### A-01 Build the parser ✅'));
    expect(await statuses(path)).toEqual(['A-01 Build the parser done', 'A-02 Write the docs none']);
    expect((await runCli(['-f', path, 'set', 'A-01', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(SPEC);
  });

  it('writes before a closing sequence of #, and in the mark the other headings use', async () => {
    const text = SPEC.replace('## Tasks', '## Tasks\n\n### A-00 Old work ✔️\n\nDone.');
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', 'A-02', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('### A-02 Write the docs ###', '### A-02 Write the docs ✔️ ###'));
    expect(await statuses(path)).toEqual(['A-00 Old work done', 'A-01 Build the parser none', 'A-02 Write the docs done']);
  });

  it('a mark the file wrote itself is rewritten, not taken off', async () => {
    const text = SPEC.replace('### A-01 Build the parser', '### A-01 Build the parser ✅');
    const path = planFile(text);
    expect((await runCli(['-f', path, 'set', 'A-01', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('parser ✅', 'parser ⏳'));
  });
});
