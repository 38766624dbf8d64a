// End-to-end: deep nesting (thousands of `>` or `- `, on one line or as a
// staircase) never exhausts the stack: every command reads the rest of the
// file, says which lines it left out, and a write keeps those lines' bytes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { plan, writeTemp } from '../helpers/run.js';

const TABLE = '# Plan\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Real task | ⏳ Pending |\n\n';

const SHAPES: [string, string, number[]][] = [
  ['3,000 nested `>` on one line', `${'>'.repeat(3000)} deep\n`, [7]],
  ['10,000 nested `>` on one line', `${'>'.repeat(10000)} deep\n`, [7]],
  ['3,000 nested `- ` on one line', `${'- '.repeat(3000)}deep\n`, [7]],
  ['10,000 nested `- ` on one line', `${'- '.repeat(10000)}deep\n`, [7]],
  ['3,000 nested `> - ` on one line', `${'> - '.repeat(1500)}deep\n`, [7]],
  ['5,000 nested footnote definitions on one line', `${'[^a]: '.repeat(5000)}deep\n`, [7]],
  [
    'a staircase of 400 block quotes',
    Array.from({ length: 400 }, (_, i) => `${'>'.repeat(i + 1)} step ${i}\n`).join(''),
    Array.from({ length: 300 }, (_, i) => 107 + i),
  ],
  [
    'a staircase of 300 indented list items (600 columns)',
    Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- step ${i}\n`).join(''),
    Array.from({ length: 200 }, (_, i) => 107 + i),
  ],
];

function warning(file: string, lines: number[]): string {
  const which = lines.length === 1 ? 'this line nests' : `this line and ${lines.length - 1} more (up to line ${lines[lines.length - 1]}) nest`;
  return `plan: warning: ${file}:${lines[0]}: ${which} block quotes, lists or indentation more than 100 levels deep; plan leaves them out (no task is read from them)\n`;
}

function withFile(body: string, fn: (file: string) => void): void {
  const f = writeTemp(TABLE + body, 'deep.md');
  try {
    fn(f.file);
  } finally {
    f.cleanup();
  }
}

describe('deep nesting', () => {
  for (const [name, body, lines] of SHAPES) {
    it(
      `${name}: read by both parsers, with one warning; a write keeps those lines`,
      () =>
        withFile(body, (file) => {
          for (const parser of [undefined, 'remark']) {
            const list = plan(['-f', file, 'list'], { env: { PLAN_PARSER: parser, PLAN_NO_CACHE: '1' } });
            expect(list.stderr).toBe(warning(file, lines));
            expect(list.code).toBe(0);
            expect(
              list.stdout
                .split('\n')
                .slice(1, -1)
                .map((l) => l.split('\t').slice(0, 4).join(' ')),
            ).toEqual(['1 task pending Real task']);
          }
          const set = plan(['-f', file, 'set', '1', 'done'], { env: { PLAN_NO_CACHE: '1' } });
          expect(set.stderr).toBe('');
          expect(set.code).toBe(0);
          expect(readFileSync(file, 'utf8')).toBe(TABLE.replace('⏳ Pending', '✅ Done') + body);
        }),
      120_000,
    );
  }

  it(
    'every read command takes a file of 10,000 nested `>`, with the warning; check reports it',
    () =>
      withFile(SHAPES[1]![1], (file) => {
        for (const args of [['show', '1'], ['next'], ['summary'], ['board'], ['list', '--json']]) {
          const r = plan(['-f', file, ...args]);
          expect(r.stderr, args.join(' ')).toBe(warning(file, [7]));
          expect(r.code, args.join(' ')).toBe(0);
        }
        const check = plan(['-f', file, 'check']);
        expect(check.stdout).toContain(`${file}:7:1 warning this line nests block quotes`);
        expect(check.code).toBe(0);
      }),
    120_000,
  );

  it('long lines that nest nothing (front matter, plain text, indented code) are read as ever, without a warning', () => {
    const f = writeTemp(`---\ndescription: ${'long '.repeat(200)}\n---\n${TABLE}${'word '.repeat(2000)}\n\n        ${'code '.repeat(500)}\n`, 'long.md');
    try {
      const r = plan(['-f', f.file, 'list'], { env: { PLAN_NO_CACHE: '1' } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      f.cleanup();
    }
  });
});
