// The deep-nesting shapes and the warning plan gives for them (test/cli/deep-nesting.test.ts,
// test/e2e/deep-nesting.test.ts).

export const TABLE = '# Plan\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Real task | ⏳ Pending |\n\n';

export const SHAPES: [string, string, number[]][] = [
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

export function warning(file: string, lines: number[]): string {
  const which = lines.length === 1 ? 'this line nests' : `this line and ${lines.length - 1} more (up to line ${lines[lines.length - 1]}) nest`;
  return `plan: warning: ${file}:${lines[0]}: ${which} block quotes, lists or indentation more than 100 levels deep; plan leaves them out (no task is read from them)\n`;
}
