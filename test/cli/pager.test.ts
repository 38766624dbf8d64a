// Long terminal views through the pager ($PLAN_PAGER, $PAGER, else less
// -FRX); --no-pager; --table keeps the terminal view when piped. The pager
// here is a shell command that copies its input to a file in the test's folder.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const file = join(tmp.dir, 'PLAN.md');
writeFileSync(file, `# Plan\n\n${Array.from({ length: 30 }, (_, i) => `- [ ] Task ${i + 1}`).join('\n')}\n`);
const paged = join(tmp.dir, 'paged.txt');
const env = { PLAN_PAGER: `cat > '${paged}'`, NO_COLOR: '1' };

describe('the pager', () => {
  it('a view taller than the terminal goes to the pager, byte for byte what would be printed', async () => {
    const direct = await runCli(['-f', file, 'list', '--no-pager'], { isTTY: true, columns: 80, rows: 10, env });
    expect(direct.stdout.split('\n').length).toBeGreaterThan(10);
    expect(existsSync(paged)).toBe(false);
    const r = await runCli(['-f', file, 'list'], { isTTY: true, columns: 80, rows: 10, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readFileSync(paged, 'utf8')).toBe(direct.stdout);
    rmSync(paged);
  });

  it('a view that fits, a piped run, `cat` as the pager: printed as it is', async () => {
    const fits = await runCli(['-f', file, 'list'], { isTTY: true, columns: 80, rows: 100, env });
    expect(fits.stdout).toMatch(/Task 30/);
    const piped = await runCli(['-f', file, 'list'], { env });
    expect(piped.stdout).toMatch(/^id\tkind\tstatus/);
    const cat = await runCli(['-f', file, 'list'], { isTTY: true, columns: 80, rows: 10, env: { PLAN_PAGER: 'cat', NO_COLOR: '1' } });
    expect(cat.stdout).toMatch(/Task 30/);
    expect(existsSync(paged)).toBe(false);
  });

  it('--table keeps the terminal view when piped (never paged)', async () => {
    const tty = await runCli(['-f', file, 'list', '--no-pager'], { isTTY: true, columns: 80, env });
    const r = await runCli(['-f', file, 'list', '--table'], { env: { ...env, COLUMNS: '80' } });
    expect(r.stdout).toBe(tty.stdout);
    expect(existsSync(paged)).toBe(false);
  });
});
