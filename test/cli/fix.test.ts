// End-to-end: plan fix repairs damaged text through the shared write path and
// changes nothing else.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, copyToTemp, SEED, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';
import { decode } from '../../src/text/decode.js';
import { findMojibake, repairMojibake } from '../../src/text/mojibake.js';

const seedText = readFileSync(SEED, 'utf8');
// SOURCE_DATE_EPOCH=1767225600 (set by the helpers) is 2026-01-01.
const expected = repairMojibake(seedText)
  .replace('modified: 2026-02-20', 'modified: 2026-01-01')
  .replace('**Last Updated**: 2026-02-20', '**Last Updated**: 2026-01-01');

describe('plan fix on the seed', () => {
  const copy = copyToTemp(SEED, 'progress_planning.md');
  afterAll(() => copy.cleanup());
  const run = (args: string[]) => cli(['-f', 'progress_planning.md', ...args], { cwd: copy.dir });

  it('--dry-run prints the diff and writes nothing', async () => {
    const r = await run(['fix', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-| 1.1 | VM Service Startup | ‚úÖ Complete | Health OK, port 8428 |');
    expect(r.stdout).toContain('+| 1.1 | VM Service Startup | ✅ Complete | Health OK, port 8428 |');
    expect(r.stdout).toContain('+modified: 2026-01-01');
    expect(readFileSync(copy.file, 'utf8')).toBe(seedText);
  });

  it('repairs only the damaged runs (and the date stamps)', async () => {
    const r = await run(['fix']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('line\tcolumn\tdamaged\trepaired');
    expect(r.stdout.split('\n')[1]).toBe('24\t30\t‚úÖ\t✅');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(9);
    expect(readFileSync(copy.file, 'utf8')).toBe(expected);
    expect(seedText.length - expected.length).toBeGreaterThan(0);
  });

  it('leaves plan check without damaged text, and the statuses reading ✅ 🔄 ⏳', async () => {
    const check = JSON.parse((await run(['check', '--json'])).stdout);
    expect(check.problems.filter((p: { code: string }) => p.code === 'mojibake')).toEqual([]);
    expect(check.errors).toBe(0);
    const tasks = JSON.parse((await run(['list', '--week', '1', '--json'])).stdout).tasks;
    expect(tasks.map((t: { statusText: string }) => t.statusText)).toEqual(['✅ Complete', '🔄 Next', '⏳ Pending']);
    const cell = readFileSync(copy.file, 'utf8').split('\n')[24];
    expect(cell).toBe('| 1.2 | Memory Tools Integration | 🔄 Next | Connect metrics_collector.py |');
  });

  it('has nothing left to do the second time', async () => {
    const before = readFileSync(copy.file);
    const r = await run(['fix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no damaged text found; nothing to change/);
    expect(readFileSync(copy.file).equals(before)).toBe(true);
  });

  it('gives JSON with each repair', async () => {
    const t = copyToTemp(SEED);
    try {
      const out = JSON.parse((await cli(['-f', t.file, 'fix', '--json', '--no-touch'])).stdout);
      expect(out).toMatchObject({ schemaVersion: 3, changed: true, written: true });
      expect(out.repairs[0]).toEqual({ line: 24, column: 30, damaged: '‚úÖ', repaired: '✅' });
      expect(out.repairs).toHaveLength(8);
      expect(readFileSync(t.file, 'utf8')).toBe(repairMojibake(seedText)); // --no-touch: no date stamps
    } finally {
      t.cleanup();
    }
  });
});

describe('plan fix refuses', () => {
  it('a read-only plan, unless --force', async () => {
    const damaged = '---\nread_only: true\n---\n- [ ] 1 Caf√© ‚úÖ\n';
    const t = writeTemp(damaged);
    try {
      const r = await cli(['-f', t.file, 'fix']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/read-only/);
      expect(readFileSync(t.file, 'utf8')).toBe(damaged);
      expect((await cli(['-f', t.file, 'fix', '--force'])).code).toBe(0);
      expect(readFileSync(t.file, 'utf8')).toBe('---\nread_only: true\n---\n- [ ] 1 Café ✅\n');
    } finally {
      t.cleanup();
    }
  });
});

describe('plan fix on the real-world corpus', () => {
  const files = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  if (files.length === 0) it.skip(`corpus not found at ${CORPUS}: skipped`, () => {});
  for (const f of files) {
    const bytes = readFileSync(join(CORPUS, f));
    const { text } = decode(bytes);
    const runs = findMojibake(text);
    if (runs.length === 0) {
      it(`leaves ${f} byte-identical (no damaged text)`, async () => {
        const t = copyToTemp(join(CORPUS, f));
        try {
          const r = await cli(['-f', t.file, 'fix']);
          expect(r.code, r.stderr).toBe(0);
          expect(readFileSync(t.file).equals(bytes)).toBe(true);
        } finally {
          t.cleanup();
        }
      });
    } else {
      it(`repairs ${f} (${runs.length} damaged runs) and only those`, async () => {
        const t = copyToTemp(join(CORPUS, f));
        try {
          const r = await cli(['-f', t.file, 'fix', '--no-touch', '--force']);
          expect(r.code, r.stderr).toBe(0);
          expect(readFileSync(t.file, 'utf8')).toBe(repairMojibake(text));
          const after = JSON.parse((await cli(['-f', t.file, 'check', '--json'])).stdout);
          expect(after.problems.filter((p: { code: string }) => p.code === 'mojibake')).toEqual([]);
        } finally {
          t.cleanup();
        }
      });
    }
  }
});
