// End-to-end writes on the fixtures in test/fixtures: CRLF, BOM, aligned
// tables, escaped pipes, checklists, emoji-only and word-only statuses, front
// matter stamps. Each expected file is the original with exactly the intended
// substrings replaced.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';
import { cliIdAtLine, leftovers, ok, replaceAll, replaceOnce, setReport, TODAY, cliWorkspace, type CliWorkspace } from '../e2e/write-helpers.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function on(name: string, fn: (w: CliWorkspace, text: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const w = cliWorkspace(name);
    try {
      await fn(w, fixture(name));
    } finally {
      w.cleanup();
    }
  };
}

/** Display width as the aligned fixture is laid out (emoji count two). */
const width = (s: string) => [...s].reduce((n, ch) => n + (/\p{Emoji_Presentation}/u.test(ch) ? 2 : ch === '\uFE0F' ? 0 : 1), 0);

describe('CRLF file', () => {
  it(
    'keeps CRLF, trailing spaces and padding; fills an empty status cell with a space each side',
    on('crlf.md', async (w, text) => {
      expect(text.split('\r\n').length).toBe(text.split('\n').length); // every line is CRLF
      expect(ok(await w.run(['set', '1.2', 'done'])).stdout).toBe(setReport('1.2', 'in-progress', 'done', 'plan.md', 13));
      ok(await w.run(['set', '1.4', 'done']));
      ok(await w.run(['set', '2.1', 'wip']));
      ok(await w.run(['set', '2.2', 'pending']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['modified: 2026-02-20\r\n', `modified: ${TODAY}\r\n`],
          ['| 1.2 | Write output | 🔄 In Progress   | Bo |  \r\n', '| 1.2 | Write output | ✅ Done   | Bo |  \r\n'],
          ['| 1.4 | Polish | | Cy |\r\n', '| 1.4 | Polish | ✅ Done | Cy |\r\n'],
          ['- [ ] 2.1 Checklist thing  \r\n', '- [ ] 🔄 2.1 Checklist thing  \r\n'],
          ['- [x] 2.2 Done thing\r\n', '- [ ] 2.2 Done thing\r\n'],
          ['**Last Updated**: 2026-02-20\r\n', `**Last Updated**: ${TODAY}\r\n`],
        ]),
      );
    }),
  );

  it(
    'round-trips every task with a status byte for byte',
    on('crlf.md', async (w, text) => {
      for (const [id, away, back] of [
        ['1.1', 'blocked', 'done'],
        ['1.2', 'pending', 'wip'],
        ['1.3', 'cancelled', 'pending'],
        ['2.1', 'done', 'pending'],
        ['2.1', 'blocked', 'pending'],
        ['2.2', 'wip', 'done'],
      ] as const) {
        ok(await w.run(['set', id, away, '--no-touch']));
        expect(w.text()).not.toBe(text);
        ok(await w.run(['set', id, back, '--no-touch']));
        expect(w.text(), `${id} ${away} ${back}`).toBe(text);
      }
    }),
  );

  it(
    'adds a row with CRLF, laid out like the row above',
    on('crlf.md', async (w, text) => {
      const j = JSON.parse(ok(await w.run(['add', 'Ship docs', '--owner', 'Zed', '--no-touch', '--json'])).stdout);
      expect(j.task).toMatchObject({ id: '1.5', title: 'Ship docs', owner: 'Zed', status: 'pending', sprint: '1', line: 16 });
      expect(w.text()).toBe(replaceOnce(text, '| 1.4 | Polish | | Cy |\r\n', '| 1.4 | Polish | | Cy |\r\n| 1.5 | Ship docs | ⏳ Pending | Zed |\r\n'));
    }),
  );
});

describe('BOM file', () => {
  it(
    'keeps the BOM and reads the front matter after it',
    on('bom.md', async (w, text) => {
      expect(text.charCodeAt(0)).toBe(0xfeff);
      ok(await w.run(['set', '1.2', 'done']));
      const bytes = w.bytes();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(w.text()).toBe(
        replaceAll(text, [
          ['modified: 2026-02-20', `modified: ${TODAY}`],
          ['| 1.2 | Naïve parser | ⏳ Pending |', '| 1.2 | Naïve parser | ✅ Complete |'],
        ]),
      );
      ok(await w.run(['set', '1.2', 'pending', '--no-touch']));
      ok(await w.run(['set', '1.1', 'blocked', '--no-touch']));
      ok(await w.run(['set', '1.1', 'done', '--no-touch']));
      expect(w.text()).toBe(replaceOnce(text, 'modified: 2026-02-20', `modified: ${TODAY}`));
    }),
  );
});

describe('aligned table', () => {
  const aligned = (w: CliWorkspace) => {
    const rows = w
      .text()
      .split('\n')
      .filter((l) => l.startsWith('|'));
    return rows.every((l) => width(l) === width(rows[0]!));
  };

  it(
    'stays aligned when the new status fits the column',
    on('aligned.md', async (w, text) => {
      ok(await w.run(['set', 'T-03', 'wip']));
      ok(await w.run(['set', 'T-01', 'blocked']));
      ok(await w.run(['set', 'T-04', 'cancelled']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| T-03 | Write docs      | ⏳ Pending     |', '| T-03 | Write docs      | 🔄 In Progress |'],
          ['| T-01 | Design schema   | ✅ Done        |', '| T-01 | Design schema   | ⛔ Blocked     |'],
          ['| T-04 | Release         | ⏳ Pending     |', '| T-04 | Release         | 🚫 Cancelled   |'],
        ]),
      );
      expect(aligned(w)).toBe(true);
      ok(await w.run(['set', 'T-03', 'pending']));
      ok(await w.run(['set', 'T-01', 'done']));
      ok(await w.run(['set', 'T-04', 'todo']));
      expect(w.text()).toBe(text);
    }),
  );

  it(
    'edits cells (an empty one too) keeping the pipes in place',
    on('aligned.md', async (w, text) => {
      ok(await w.run(['edit', 'T-03', '--owner', 'Ana']));
      ok(await w.run(['edit', 'T-01', '--notes', 'x | y']));
      ok(await w.run(['edit', 'T-02', '--title', 'Build parser v2', '--notes', 'soon']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| Write docs      | ⏳ Pending     |       |', '| Write docs      | ⏳ Pending     | Ana   |'],
          ['| Ana   | first cut     |', '| Ana   | x \\| y        |'],
          ['| T-02 | Build parser    | 🔄 In Progress | Bo    |               |', '| T-02 | Build parser v2 | 🔄 In Progress | Bo    | soon          |'],
        ]),
      );
      expect(aligned(w)).toBe(true);
      ok(await w.run(['edit', 'T-03', '--owner', '']));
      ok(await w.run(['edit', 'T-01', '--notes', 'first cut']));
      ok(await w.run(['edit', 'T-02', '--title', 'Build parser', '--notes', '']));
      expect(w.text()).toBe(text);
    }),
  );

  it(
    'adds rows aligned like their neighbours',
    on('aligned.md', async (w, text) => {
      const j = JSON.parse(ok(await w.run(['add', 'Ship v2', '--owner', 'Dee', '--json'])).stdout);
      expect(j.task).toMatchObject({ id: 'T-05', title: 'Ship v2', owner: 'Dee', status: 'pending', statusText: '⏳ Pending', sprint: '3' });
      ok(await w.run(['add', 'Announce', '--status', 'wip', '--notes', 'blog']));
      expect(w.text()).toBe(
        replaceOnce(
          text,
          '| T-04 | Release         | ⏳ Pending     | Cy    | after docs    |\n',
          '| T-04 | Release         | ⏳ Pending     | Cy    | after docs    |\n' +
            '| T-05 | Ship v2         | ⏳ Pending     | Dee   |               |\n' +
            '| T-06 | Announce        | 🔄 In Progress |       | blog          |\n',
        ),
      );
      expect(aligned(w)).toBe(true);
    }),
  );

  it(
    'leaves the other pipes alone when the new text does not fit',
    on('aligned.md', async (w, text) => {
      ok(await w.run(['edit', 'T-04', '--title', 'Release the whole thing']));
      expect(w.text()).toBe(replaceOnce(text, '| T-04 | Release         |', '| T-04 | Release the whole thing         |'));
    }),
  );
});

describe('aligned tables without wide characters', () => {
  it('take emoji aligned by display width (what editors and terminals show)', async () => {
    const text = '| ID | Task  | Status      |\n| -- | ----- | ----------- |\n| 1  | Alpha |             |\n| 2  | Beta  |             |\n';
    const t = writeTemp(text);
    try {
      ok(await cli(['-f', t.file, 'set', '1', 'done']));
      expect(readFileSync(t.file, 'utf8')).toBe(replaceOnce(text, '| 1  | Alpha |             |', '| 1  | Alpha | ✅ Done     |'));
      expect(leftovers(t.dir)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('round-trip a table aligned by code points byte for byte', async () => {
    // Aligned by code points (✅ counted as one column): setting its only emoji
    // row to a word leaves no wide character, yet setting it back restores the
    // padding exactly.
    const text = '| ID | Task  | Status    |\n| -- | ----- | --------- |\n| 1  | Alpha | ✅ Done    |\n| 2  | Beta  | Pending   |\n';
    const t = writeTemp(text);
    try {
      ok(await cli(['-f', t.file, 'set', '1', 'pending']));
      expect(readFileSync(t.file, 'utf8')).toBe(replaceOnce(text, '| ✅ Done    |', '| Pending   |'));
      ok(await cli(['-f', t.file, 'set', '1', 'done']));
      expect(readFileSync(t.file, 'utf8')).toBe(text);
    } finally {
      t.cleanup();
    }
  });
});

describe('escaped pipes', () => {
  it(
    'keeps `\\|` in the other cells, and escapes the pipes plan writes',
    on('escaped-pipes.md', async (w, text) => {
      ok(await w.run(['set', '1', 'done']));
      ok(await w.run(['set', '2', 'pending']));
      ok(await w.run(['edit', '3', '--owner', 'A | B']));
      ok(await w.run(['edit', '1', '--notes', 'kept \\| escaped, a|b']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| 1 | Parse `a \\| b` syntax | Ana | ⏳ Pending | handles x \\| y |', '| 1 | Parse `a \\| b` syntax | Ana | ✅ Done | kept \\| escaped, a\\|b |'],
          ['| 2 | Split on \\| pipes | Bo \\| Cy | 🔄 In Progress | see \\|grep\\| |', '| 2 | Split on \\| pipes | Bo \\| Cy | ⏳ Pending | see \\|grep\\| |'],
          ['| 3 | Plain task | | ✅ Done | |', '| 3 | Plain task | A \\| B | ✅ Done | |'],
        ]),
      );
      const shown = JSON.parse(ok(await w.run(['show', '3', '--json'])).stdout).task;
      expect(shown).toMatchObject({ owner: 'A | B', title: 'Plain task', status: 'done' });
      expect(JSON.parse(ok(await w.run(['show', '1', '--json'])).stdout).task.notes).toBe('kept | escaped, a|b');
    }),
  );

  it(
    'adds a row with escaped pipes',
    on('escaped-pipes.md', async (w, text) => {
      const j = JSON.parse(ok(await w.run(['add', 'pipe | title', '--owner', 'o|p', '--json'])).stdout);
      expect(j.task).toMatchObject({ id: '4', title: 'pipe | title', owner: 'o|p' });
      expect(w.text()).toBe(text + '| 4 | pipe \\| title | o\\|p | ⏳ Pending | |\n');
    }),
  );

  it(
    'refuses a line break in any value with exit 2, writing nothing',
    on('escaped-pipes.md', async (w, text) => {
      for (const args of [
        ['edit', '1', '--owner', 'a\nb'],
        ['edit', '1', '--title', 'a\r\nb'],
        ['edit', '1', '--notes', 'a\rb'],
        ['add', 'two\nlines'],
        ['add', 'fine', '--notes', 'two\nlines'],
        ['next', '--claim', '--owner', 'two\nlines'],
      ]) {
        const r = await w.run(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/cannot contain a line break/);
      }
      expect(w.text()).toBe(text);
    }),
  );
});

describe('checklist', () => {
  it(
    "ticks the box for done, clears it otherwise, and marks other statuses with the file's emoji",
    on('checklist.md', async (w, text) => {
      const untitled = await cliIdAtLine(w, 13);
      for (const [id, s] of [
        ['2.1', 'done'],
        ['2.2', 'pending'],
        ['2.2.1', 'todo'],
        ['2.2.2', 'blocked'],
        ['2.3', 'done'],
        ['2.4', 'wip'],
        ['2.5', 'cancelled'],
        ['2.6', 'done'],
        [untitled, 'complete'],
      ]) {
        ok(await w.run(['set', id!, s!]));
      }
      expect(w.text()).toBe(
        replaceAll(text, [
          ['- [ ] 2.1 Gather', '- [x] 2.1 Gather'],
          ['- [x] 2.2 Write', '- [ ] 2.2 Write'],
          ['  - [X] 2.2.1 Review', '  - [ ] 2.2.1 Review'],
          ['  - [ ] 2.2.2 Sign-off', '  - [ ] ⛔ 2.2.2 Sign-off'],
          ['- [ ] 🚧 2.3 Prototype', '- [x] 2.3 Prototype'],
          // 2.3 (the file's only 🚧) was set to done first: 2.4 gets the default 🔄.
          ['* [ ] 2.4 Star', '* [ ] 🔄 2.4 Star'],
          ['- **2.5 Bold', '- 🚫 **2.5 Bold'],
          ['- ⛔ 2.6 Blocked', '- ✅ 2.6 Blocked'],
          ['- [ ] Untitled checkbox item\n', '- [x] Untitled checkbox item\n'],
        ]),
      );
      expect(w.text()).toContain('\nSome prose with [x] and - [ ] inside a sentence.\n');
    }),
  );

  it(
    'uses the emoji the file already writes for a status (🚧 for in progress)',
    on('checklist.md', async (w, text) => {
      ok(await w.run(['set', '2.4', 'wip']));
      ok(await w.run(['set', '2.5', 'in-progress']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['* [ ] 2.4 Star', '* [ ] 🚧 2.4 Star'],
          ['- **2.5 Bold', '- 🚧 **2.5 Bold'],
        ]),
      );
    }),
  );

  it(
    'round-trips `[X]`, `[x]`, marks and nested items byte for byte',
    on('checklist.md', async (w, text) => {
      const untitled = await cliIdAtLine(w, 13);
      for (const [id, away, back] of [
        ['2.1', 'done', 'pending'],
        ['2.1', 'wip', 'pending'],
        ['2.2', 'pending', 'done'],
        ['2.2', 'blocked', 'done'],
        ['2.2.1', 'pending', 'done'],
        ['2.2.1', 'cancelled', 'done'],
        ['2.2.2', 'done', 'pending'],
        ['2.3', 'done', 'wip'],
        ['2.3', 'pending', 'wip'],
        ['2.4', 'blocked', 'pending'],
        ['2.6', 'done', 'blocked'],
        ['2.6', 'pending', 'blocked'],
        [untitled, 'done', 'pending'],
      ] as const) {
        ok(await w.run(['set', id, away]));
        expect(w.text()).not.toBe(text);
        ok(await w.run(['set', id, back]));
        expect(w.text(), `${id} → ${away} → ${back}`).toBe(text);
      }
    }),
  );
});

describe('emoji-only statuses', () => {
  it(
    "writes the emoji alone, the file's own or the default",
    on('emoji-only.md', async (w, text) => {
      // Each example the file gives is read before the write that could remove it.
      ok(await w.run(['set', '4', 'done']));
      ok(await w.run(['set', '2', 'pending']));
      ok(await w.run(['set', '3', 'cancelled']));
      ok(await w.run(['set', '1', 'blocked']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['modified: 2026-02-20', `modified: ${TODAY}`],
          ['| 3 | Gamma | ⏳ | |', '| 3 | Gamma | 🚫 | |'],
          ['| 1 | Alpha | ✅ | Ana |', '| 1 | Alpha | ⛔ | Ana |'],
          ['| 2 | Beta | 🔄 | Bo |', '| 2 | Beta | ⏳ | Bo |'],
          ['| 4 | Delta | ⏳ | Cy |', '| 4 | Delta | ✅ | Cy |'],
        ]),
      );
    }),
  );

  it(
    'round-trips `✅️` (with its variation selector) byte for byte',
    on('emoji-only.md', async (w, text) => {
      ok(await w.run(['set', '5', 'pending', '--no-touch']));
      expect(w.text()).toBe(replaceOnce(text, '| 5 | Epsilon | ✅️ |', '| 5 | Epsilon | ⏳ |'));
      ok(await w.run(['set', '5', 'done', '--no-touch']));
      expect(w.text()).toBe(text);
    }),
  );
});

describe('word-only statuses', () => {
  it(
    "writes words: the file's own, or the default label without emoji",
    on('words-only.md', async (w, text) => {
      ok(await w.run(['set', '1', 'pending']));
      ok(await w.run(['set', '2', 'blocked']));
      ok(await w.run(['set', '3', 'cancelled']));
      ok(await w.run(['set', '4', 'done']));
      ok(await w.run(['set', '5', 'done']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['| 3 | Three | Todo |', '| 3 | Three | Cancelled |'],
          ['| 4 | Four | Todo |', '| 4 | Four | Done |'],
          ['| 1 | One | Done |', '| 1 | One | Todo |'],
          ['| **Blocked** (waiting on infra) |', '| Done (waiting on infra) |'],
          ['| 2 | Two | In progress |', '| 2 | Two | **Blocked** |'],
          ['_Last updated: 2026-02-20_', `_Last updated: ${TODAY}_`],
        ]),
      );
      ok(await w.run(['set', '5', 'blocked', '--no-touch']));
      expect(w.text()).toContain('| 5 | Five | **Blocked** (waiting on infra) | Dee |');
    }),
  );

  it('writes upper-case labels in a file of upper-case words', async () => {
    const t = writeTemp('| # | Task | Status |\n|---|---|---|\n| 1 | A | DONE |\n| 2 | B | TODO |\n| 3 | C | IN PROGRESS |\n');
    try {
      ok(await cli(['-f', t.file, 'set', '2', 'cancelled']));
      ok(await cli(['-f', t.file, 'set', '1', 'blocked']));
      expect(readFileSync(t.file, 'utf8')).toBe('| # | Task | Status |\n|---|---|---|\n| 1 | A | BLOCKED |\n| 2 | B | CANCELLED |\n| 3 | C | IN PROGRESS |\n');
      expect(leftovers(t.dir)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('writes the defaults `✅ Done` … where the file has no status at all', async () => {
    const text = '# Plan\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | |\n| 2 | B | |\n';
    // Each on a fresh copy: once one status is written, it is the file's style.
    for (const [s, written] of [
      ['done', '✅ Done'],
      ['wip', '🔄 In Progress'],
      ['todo', '⏳ Pending'],
      ['blocked', '⛔ Blocked'],
      ['cancelled', '🚫 Cancelled'],
    ]) {
      const t = writeTemp(text);
      try {
        ok(await cli(['-f', t.file, 'set', '2', s!]));
        expect(readFileSync(t.file, 'utf8')).toBe(replaceOnce(text, '| 2 | B | |', `| 2 | B | ${written} |`));
        expect(leftovers(t.dir)).toEqual([]);
      } finally {
        t.cleanup();
      }
    }
  });
});

describe('front matter and date stamps', () => {
  it(
    'changes only the date bytes of `modified:` (top level and under block:) and Last Updated, in their own formats',
    on('frontmatter.md', async (w, text) => {
      ok(await w.run(['set', '1.1', 'done']));
      expect(w.text()).toBe(
        replaceAll(text, [
          ['\nmodified: "2026-02-20"\n', `\nmodified: "${TODAY}"\n`],
          ["\n  modified: '2026/02/20'\n", "\n  modified: '2026/01/01'\n"],
          ['| 1.1 | First | ⏳ Pending |', '| 1.1 | First | ✅ Complete |'],
          ['\nLast Updated: 2026-02-20\n', `\nLast Updated: ${TODAY}\n`],
        ]),
      );
      expect(w.text()).toContain('\ncreated: 2026-01-05\n');
    }),
  );

  it(
    '--no-touch leaves every date',
    on('frontmatter.md', async (w, text) => {
      ok(await w.run(['set', '1.1', 'done', '--no-touch']));
      expect(w.text()).toBe(replaceOnce(text, '| 1.1 | First | ⏳ Pending |', '| 1.1 | First | ✅ Complete |'));
    }),
  );

  it('keeps timestamps, comments and other stamp styles in their format', async () => {
    const text =
      '---\nmodified: 2026-02-20T10:30:00Z # auto\nblock:\n  modified: 2026.02.20\n---\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n\n*Last updated:* 2026-02-20\n';
    const t = writeTemp(text);
    try {
      ok(await cli(['-f', t.file, 'set', '1', 'done']));
      expect(readFileSync(t.file, 'utf8')).toBe(
        replaceAll(text, [
          ['modified: 2026-02-20T10:30:00Z # auto', 'modified: 2026-01-01T00:00:00Z # auto'],
          ['  modified: 2026.02.20', '  modified: 2026.01.01'],
          ['| 1 | A | ⏳ Pending |', '| 1 | A | ✅ Done |'],
          ['*Last updated:* 2026-02-20', '*Last updated:* 2026-01-01'],
        ]),
      );
    } finally {
      t.cleanup();
    }
  });
});
