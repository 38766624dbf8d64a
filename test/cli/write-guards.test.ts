// End-to-end: what a write refuses (read_only, chars_limit), and what it keeps
// (permissions, symlinks, invalid UTF-8 bytes), and that it never leaves a
// temporary file or lock behind.
import { describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeTemp } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';
import { leftovers, ok, replaceOnce, TODAY } from '../e2e/write-helpers.js';

function temp(content: string | Buffer) {
  const t = writeTemp(content);
  return {
    ...t,
    run: (args: string[]) => cli(['-f', 'plan.md', ...args], { cwd: t.dir }),
    text: () => readFileSync(t.file, 'utf8'),
    done: () => {
      expect(leftovers(t.dir)).toEqual([]);
      t.cleanup();
    },
  };
}

/** Replaces the one occurrence of `from` in `buf`. */
function replaceBytes(buf: Buffer, from: Buffer, to: Buffer): Buffer {
  const at = buf.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(buf.indexOf(from, at + 1)).toBe(-1);
  return Buffer.concat([buf.subarray(0, at), to, buf.subarray(at + from.length)]);
}

const TABLE = '| # | Task | Owner | Status |\n|---|---|---|---|\n| 1 | Alpha | Ana | ⏳ Pending |\n| 2 | Beta | | ✅ Done |\n';

describe('read_only', () => {
  const text = `---\nlabel: frozen\nread_only: true\nmodified: 2026-02-20\n---\n\n${TABLE}`;

  it('refuses every write with exit 1 and a message; writes nothing', async () => {
    const t = temp(text);
    try {
      for (const args of [['set', '1', 'done'], ['edit', '1', '--title', 'Renamed'], ['add', 'New task'], ['next', '--claim', '--owner', 'agent-1'], ['fix']]) {
        const r = await t.run(args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(
          'plan: plan.md: the plan is read-only (read_only: true in its front matter); nothing was written (pass --force to write anyway)\n',
        );
        expect(t.text()).toBe(text);
        expect(leftovers(t.dir)).toEqual([]);
      }
    } finally {
      t.done();
    }
  });

  it('--dry-run shows the diff and writes nothing', async () => {
    const t = temp(text);
    try {
      const r = ok(await t.run(['set', '1', 'done', '--dry-run']));
      expect(r.stdout).toContain('+| 1 | Alpha | Ana | ✅ Done |');
      expect(t.text()).toBe(text);
    } finally {
      t.done();
    }
  });

  it('--force writes anyway', async () => {
    const t = temp(text);
    try {
      ok(await t.run(['set', '1', 'done', '--force']));
      ok(await t.run(['edit', '2', '--owner', 'Bo', '--force']));
      ok(await t.run(['add', 'Gamma', '--force']));
      expect(t.text()).toBe(
        replaceOnce(
          replaceOnce(
            text.replace('modified: 2026-02-20', `modified: ${TODAY}`),
            '| 1 | Alpha | Ana | ⏳ Pending |\n| 2 | Beta | | ✅ Done |\n',
            '| 1 | Alpha | Ana | ✅ Done |\n| 2 | Beta | Bo | ✅ Done |\n',
          ),
          '| 2 | Beta | Bo | ✅ Done |\n',
          '| 2 | Beta | Bo | ✅ Done |\n| 3 | Gamma |  | ⏳ Pending |\n',
        ),
      );
    } finally {
      t.done();
    }
  });
});

describe('chars_limit', () => {
  const body = `\n${TABLE}`;
  const bodyLength = (s: string) => [...s.slice(s.indexOf('\n---\n') + 5)].length;
  const withLimit = (n: number) => `---\nchars_limit: ${n}\n---\n${body}`;
  // Setting task 1 to in-progress writes `🔄 In Progress` over `⏳ Pending`: 4 more code points.
  const grown = [...body].length + 4;

  it('allows a write that ends exactly at the limit', async () => {
    const t = temp(withLimit(grown));
    try {
      expect(bodyLength(t.text())).toBe(grown - 4);
      ok(await t.run(['set', '1', 'wip']));
      expect(t.text()).toBe(replaceOnce(withLimit(grown), '⏳ Pending', '🔄 In Progress'));
      expect(bodyLength(t.text())).toBe(grown);
    } finally {
      t.done();
    }
  });

  it('refuses a write past the limit (both numbers in the message), unless --force', async () => {
    const t = temp(withLimit(grown - 1));
    try {
      const r = await t.run(['set', '1', 'wip']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `plan: plan.md: the write would make the body ${grown} characters long, over its chars_limit of ${grown - 1}; nothing was written (shorten the plan, raise chars_limit, or pass --force)\n`,
      );
      expect(t.text()).toBe(withLimit(grown - 1));
      expect(leftovers(t.dir)).toEqual([]);
      const a = await t.run(['add', 'Another task']);
      expect(a.code).toBe(1);
      expect(a.stderr).toMatch(/over its chars_limit of \d+/);
      expect(t.text()).toBe(withLimit(grown - 1));
      // A write that does not grow the body is fine.
      ok(await t.run(['set', '2', 'pending']));
      expect(t.text()).toBe(replaceOnce(withLimit(grown - 1), '| 2 | Beta | | ✅ Done |', '| 2 | Beta | | ⏳ Pending |'));
      ok(await t.run(['set', '1', 'wip', '--force']));
      expect(t.text()).toContain('| 1 | Alpha | Ana | 🔄 In Progress |');
    } finally {
      t.done();
    }
  });

  it('counts code points, not UTF-16 units or bytes', async () => {
    // 🔄 is one code point (two UTF-16 units, four bytes).
    const t = temp(withLimit(grown));
    try {
      ok(await t.run(['set', '1', 'wip']));
      ok(await t.run(['set', '1', 'pending']));
      // Four more code points (eight UTF-16 units, sixteen bytes): exactly at the limit. (𝐀, a letter outside the BMP; not 🔄 or 😀: the
      // reader keeps a mark after the words out of the title, and `edit` refuses a title that reads otherwise.)
      ok(await t.run(['edit', '1', '--title', `Alpha${'𝐀'.repeat(4)}`]));
      expect(bodyLength(t.text())).toBe(grown);
      const s = await t.run(['edit', '1', '--title', `Alpha${'𝐀'.repeat(5)}`]);
      expect(s.code).toBe(1);
      expect(s.stderr).toContain(`body ${grown + 1} characters long, over its chars_limit of ${grown}`);
    } finally {
      t.done();
    }
  });
});

describe('the file on disk', () => {
  const text = `# Plan\n\n${TABLE}`;
  const after = replaceOnce(text, '| 1 | Alpha | Ana | ⏳ Pending |', '| 1 | Alpha | Ana | ✅ Done |');

  for (const mode of [0o640, 0o600, 0o664, 0o444]) {
    it(`keeps its permissions (${mode.toString(8)})`, async () => {
      const t = temp(text);
      try {
        chmodSync(t.file, mode);
        const ino = statSync(t.file).ino;
        ok(await t.run(['set', '1', 'done']));
        expect(t.text()).toBe(after);
        const st = statSync(t.file);
        expect(st.mode & 0o7777).toBe(mode);
        expect(st.ino).not.toBe(ino); // replaced by rename, not rewritten in place
      } finally {
        chmodSync(t.file, 0o644);
        t.done();
      }
    });
  }

  it('writes the target of a symlink and keeps the link a link', async () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, 'real'));
      const target = join(t.dir, 'real', 'PLAN.md');
      writeFileSync(target, text);
      chmodSync(target, 0o640);
      const link = join(t.dir, 'link.md');
      symlinkSync('real/PLAN.md', link);
      ok(await cli(['-f', 'link.md', 'set', '1', 'done'], { cwd: t.dir }));
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe('real/PLAN.md');
      expect(readFileSync(target, 'utf8')).toBe(after);
      expect(statSync(target).mode & 0o7777).toBe(0o640);
      // Through a symlinked folder as well.
      symlinkSync('real', join(t.dir, 'alias'));
      ok(await cli(['-f', 'alias/PLAN.md', 'set', '1', 'pending'], { cwd: t.dir }));
      expect(readFileSync(target, 'utf8')).toBe(text);
      expect(lstatSync(join(t.dir, 'alias')).isSymbolicLink()).toBe(true);
      expect(leftovers(t.dir)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('leaves no temporary file or lock after a refused write or an unknown id', async () => {
    const t = temp(text);
    try {
      expect((await t.run(['set', '7', 'done'])).code).toBe(1);
      expect(leftovers(t.dir)).toEqual([]);
      expect((await t.run(['edit', '1', '--priority', 'x'])).code).toBe(2);
      expect((await t.run(['edit', '9', '--title', 'x'])).code).toBe(1);
      expect((await t.run(['add', 'X', '--week', '4'])).code).toBe(1);
      expect((await t.run(['set', '1', 'dunno'])).code).toBe(2);
      expect(leftovers(t.dir)).toEqual([]);
      expect(t.text()).toBe(text);
    } finally {
      t.done();
    }
  });

  it('--dry-run of add, edit and claim prints the diff and writes nothing', async () => {
    const t = temp(text);
    try {
      const a = ok(await t.run(['add', 'Gamma', '--dry-run']));
      expect(a.stdout).toContain('\n+| 3 | Gamma | | ⏳ Pending |\n');
      const e = ok(await t.run(['edit', '2', '--owner', 'Bo', '--dry-run']));
      expect(e.stdout).toContain('\n-| 2 | Beta | | ✅ Done |\n+| 2 | Beta | Bo | ✅ Done |\n');
      const c = ok(await t.run(['next', '--claim', '--owner', 'Ana', '--dry-run']));
      expect(c.stdout).toContain('\n-| 1 | Alpha | Ana | ⏳ Pending |\n+| 1 | Alpha | Ana | 🔄 In Progress |\n');
      expect(t.text()).toBe(text);
    } finally {
      t.done();
    }
  });
});

describe('invalid UTF-8', () => {
  // Bytes that are not UTF-8: 0xFF 0xFE, a lone surrogate encoded as ED B2 80,
  // a truncated sequence (C3 followed by ASCII), a Latin-1 é (E9).
  const BAD1 = Buffer.from([0xff, 0xfe]);
  const SURR = Buffer.from([0xed, 0xb2, 0x80]);
  const u = (s: string) => Buffer.from(s, 'utf8');
  const head = Buffer.concat([
    u('---\nmodified: 2026-02-20\n---\n# Bytes '),
    BAD1,
    u(' here\n\nProse with a lone '),
    SURR,
    u(' and a cut '),
    Buffer.from([0xc3]),
    u('( sequence.\n\n| # | Task | Status | Notes |\n|---|---|---|---|\n| 1 | Caf'),
    Buffer.from([0xe9]),
    u(' '),
    BAD1,
    u(' | '),
  ]);
  const oldStatus = u('⏳ Pending');
  const tail = Buffer.concat([u(' | n '), SURR, u(' |\n| 2 | Fine | ✅ Done | |\n\n**Last Updated**: 2026-02-20 '), BAD1, u('\n')]);
  const original = Buffer.concat([head, oldStatus, tail]);

  it('keeps every invalid byte through a write and never writes U+FFFD', async () => {
    const t = temp(original);
    try {
      const r = await t.run(['set', '1', 'done']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('id\tchange\tfile\tline\n1\tpending → done\tplan.md\t10\n');
      const got = readFileSync(t.file);
      const stampedHead = replaceBytes(head, u('modified: 2026-02-20'), u(`modified: ${TODAY}`));
      const stampedTail = replaceBytes(tail, u('**Last Updated**: 2026-02-20'), u(`**Last Updated**: ${TODAY}`));
      expect(got.equals(Buffer.concat([stampedHead, u('✅ Done'), stampedTail]))).toBe(true);
      expect(got.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
      // Outside the edited span, every byte is the same (the stamps have equal length).
      expect(got.subarray(0, head.length).equals(stampedHead)).toBe(true);
      expect(got.subarray(got.length - tail.length).equals(stampedTail)).toBe(true);
      // And back.
      expect((await t.run(['set', '1', 'pending', '--no-touch'])).code).toBe(0);
      expect(readFileSync(t.file).equals(Buffer.concat([stampedHead, oldStatus, stampedTail]))).toBe(true);
    } finally {
      t.done();
    }
  });

  it('keeps them through edit and add too', async () => {
    const t = temp(original);
    try {
      expect((await t.run(['edit', '2', '--notes', 'ok', '--no-touch'])).code).toBe(0);
      expect((await t.run(['add', 'Third', '--no-touch'])).code).toBe(0);
      const expected = replaceBytes(original, u('| 2 | Fine | ✅ Done | |\n'), u('| 2 | Fine | ✅ Done | ok |\n| 3 | Third | ⏳ Pending |  |\n'));
      expect(readFileSync(t.file).equals(expected)).toBe(true);
    } finally {
      t.done();
    }
  });
});

describe('add that would not read back', () => {
  it('is refused before a byte is written: a row whose only words are its status reads as a tally there', async () => {
    const text = '# Plan\n\n| Col1 | Col2 |\n|---|---|\n| Write the docs | done |\n| Fix the bug | todo |\n';
    const t = temp(text);
    try {
      const r = await t.run(['add', '42', '--no-touch']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('plan: plan.md:7: the new task would not read back as a task there; nothing was written (add it by hand)\n');
      expect(t.text()).toBe(text);
      expect((await t.run(['add', 'Ship it', '--no-touch'])).code).toBe(0);
      expect(t.text()).toBe(`${text}| Ship it | todo |\n`);
    } finally {
      t.done();
    }
  });

  it('is refused where the new row would change how the other tasks read', async () => {
    const text = [
      '# Plan',
      '',
      '| Name | Task Description | Status |',
      '|---|---|---|',
      '| Alice | Write the spec | Todo |',
      '| Alice | Review the spec | Todo |',
      '| Alice | Demo | Todo |',
      '',
    ].join('\n');
    // Three rows are too few to say the names are people: the Name column is the title. A fourth would tip it.
    const t = temp(text);
    try {
      const r = await t.run(['add', 'Deploy staging', '--no-touch']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('plan: plan.md:8: a new task here would change how other tasks read; nothing was written (add it by hand)\n');
      expect(t.text()).toBe(text);
    } finally {
      t.done();
    }
  });
});
