// Deep nesting (thousands of `>` or `- `, on one line or as a staircase) never
// exhausts the stack: every shape is read by both parsers, which say which lines
// they left out, and a write keeps those lines' bytes. In-process (test/helpers/cli.ts),
// where the test runner's frames sit below plan's; test/e2e/deep-nesting.test.ts runs
// every read command through the built binary.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';
import { SHAPES, TABLE, warning } from '../helpers/deep-nesting.js';

async function withFile(body: string, fn: (file: string) => Promise<void>): Promise<void> {
  const f = writeTemp(TABLE + body, 'deep.md');
  try {
    await fn(f.file);
  } finally {
    f.cleanup();
  }
}

describe('deep nesting', () => {
  for (const [name, body, lines] of SHAPES) {
    it(
      `${name}: read by both parsers, with one warning; a write keeps those lines`,
      () =>
        withFile(body, async (file) => {
          for (const parser of [undefined, 'remark']) {
            const list = await cli(['-f', file, 'list'], { env: { PLAN_PARSER: parser, PLAN_NO_CACHE: '1' } });
            expect(list.stderr).toBe(warning(file, lines));
            expect(list.code).toBe(0);
            expect(
              list.stdout
                .split('\n')
                .slice(1, -1)
                .map((l) => l.split('\t').slice(0, 4).join(' ')),
            ).toEqual(['1 task pending Real task']);
          }
          const set = await cli(['-f', file, 'set', '1', 'done'], { env: { PLAN_NO_CACHE: '1' } });
          expect(set.stderr).toBe('');
          expect(set.code).toBe(0);
          expect(readFileSync(file, 'utf8')).toBe(TABLE.replace('⏳ Pending', '✅ Done') + body);
        }),
      120_000,
    );
  }

  it('long lines that nest nothing (front matter, plain text, indented code) are read as ever, without a warning', async () => {
    const f = writeTemp(`---\ndescription: ${'long '.repeat(200)}\n---\n${TABLE}${'word '.repeat(2000)}\n\n        ${'code '.repeat(500)}\n`, 'long.md');
    try {
      const r = await cli(['-f', f.file, 'list'], { env: { PLAN_NO_CACHE: '1' } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      f.cleanup();
    }
  });

  it('an item opening with thousands of numbers, days or timestamps is read without exhausting the stack', async () => {
    for (const lead of ['1. ', 'Day 3: ', '(2025-11-18) ', '**1. ']) {
      const f = writeTemp(`# Plan\n\n- [ ] ${lead.repeat(20_000)}Fix it\n`, 'leads.md');
      try {
        const r = await cli(['-f', f.file, 'list', '--json'], { env: { PLAN_NO_CACHE: '1' } });
        expect([r.code, r.stderr]).toEqual([0, '']);
        const [task] = JSON.parse(r.stdout).tasks;
        // A bold run that closes at once (`**1. **`) names the item by what it holds; the others end with the words.
        if (!lead.startsWith('**')) expect(task.title.endsWith('Fix it')).toBe(true);
        else expect(task.title).toBe('1');
      } finally {
        f.cleanup();
      }
    }
  });
});
