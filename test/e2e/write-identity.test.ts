// End-to-end: a write lands on the task the user named, or on nothing. Stale
// references (a line inserted above, rows reordered) and a cache entry that
// lies in any field (right digest, wrong content) are met with a refusal or,
// where the fresh read decides the same reference safely, with exactly the
// write a fresh read gives — never with an edit of another task.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyToTemp, FIXTURES, plan, tempDir, type RunResult } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { replaceOnce } from './write-helpers.js';
import { packScopes, unpackScopes } from '../../src/cache/task-index.js';

const FIXTURE = join(FIXTURES, 'identity.md');

/** The compact cache entry of the one plan a test's cache folder holds. */
interface Entry {
  file: string;
  digest: string;
  head: { ids: string[]; strings: string[]; scopes: string[] };
  chunks: unknown[][][];
}

function readEntry(cacheHome: string): Entry {
  const dir = join(cacheHome, 'plan', 'plans');
  const [name] = readdirSync(dir);
  const file = join(dir, name!);
  const [digest, line, ...chunks] = readFileSync(file, 'utf8').split('\n');
  // The file keeps the scopes in runs (src/cache/task-index.ts): a test lies about one task's.
  const { scopeRuns, ...head } = JSON.parse(line!);
  return { file, digest: digest!, head: { ...head, scopes: unpackScopes(scopeRuns, head.ids.length)! }, chunks: chunks.map((c) => JSON.parse(c)) };
}

function writeEntry(e: Entry): void {
  const { scopes, ...head } = e.head;
  writeFileSync(e.file, [e.digest, JSON.stringify({ ...head, scopeRuns: packScopes(scopes) }), ...e.chunks.map((c) => JSON.stringify(c))].join('\n'));
}

// A task's row in the compact form: [id, kind, title, status, statusText, owner,
// notes, priority, sprint, week, month, phase, milestone, section, line, fields,
// idFromFile, source]; statusText, owner, priority and scopes index `strings`.
const F = { id: 0, kind: 1, title: 2, status: 3, statusText: 4, owner: 5, notes: 6, priority: 7, sprint: 8, line: 14, source: 17 } as const;
const STATUS = { done: 0, pending: 2 } as const;

function rowOf(e: Entry, index: number): unknown[] {
  return e.chunks[Math.floor(index / 256)]![index % 256]!;
}

function stringIndex(e: Entry, s: string): number {
  const i = e.head.strings.indexOf(s);
  return i >= 0 ? i : e.head.strings.push(s) - 1;
}

/** A copy of the fixture with its own cache folder, warmed by a read. */
function setup(text?: string) {
  const copy = copyToTemp(FIXTURE);
  if (text !== undefined) writeFileSync(copy.file, text);
  const cache = tempDir();
  const env = { XDG_CACHE_HOME: cache.dir };
  const run = (args: string[]): RunResult => plan(['-f', copy.file, ...args], { env });
  expect(run(['list']).code).toBe(0);
  return {
    ...copy,
    env,
    run,
    text: () => readFileSync(copy.file, 'utf8'),
    entry: () => readEntry(cache.dir),
    /**
     * Changes the file, and leaves in the cache the model of the text before,
     * under the new text's digest: a cache that still believes the old lines.
     * Returns the new text and a function that plants that model again.
     */
    staleAfter(change: (text: string) => string): { text: string; plant: () => void } {
      const before = readEntry(cache.dir);
      const text = change(readFileSync(copy.file, 'utf8'));
      writeFileSync(copy.file, text);
      expect(run(['list']).code).toBe(0);
      const digest = readEntry(cache.dir).digest;
      const plant = () => writeEntry({ ...before, digest });
      plant();
      return { text, plant };
    },
    done: () => {
      cache.cleanup();
      copy.cleanup();
    },
  };
}

/**
 * What a fresh read (no cache at all) does with the same command on the same text: the reference each test
 * holds its cached runs to, in-process (no Node start-up); the runs under test are real processes.
 */
async function fresh(text: string, args: string[]): Promise<{ code: number; text: string }> {
  const copy = copyToTemp(FIXTURE);
  try {
    writeFileSync(copy.file, text);
    const r = await runCli(['-f', copy.file, ...args], { env: { PLAN_NO_CACHE: '1' } });
    return { code: r.code, text: readFileSync(copy.file, 'utf8') };
  } finally {
    copy.cleanup();
  }
}

describe('a stale positional reference', () => {
  it('`set L31 done` is refused (lines move); the reference `list` shows edits Beta, even after a line was inserted above it', async () => {
    const t = setup();
    try {
      const ref = JSON.parse(t.run(['show', 'L31', '--json']).stdout).task.id as string;
      expect(ref).toMatch(/^@[0-9a-f]{5}$/);
      // The cache still believes Beta is on line 31.
      const { text } = t.staleAfter((x) => replaceOnce(x, '# Identity\n', '# Identity\n\n'));
      const r = t.run(['set', 'L31', 'done']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/"L31" names a line, and lines move when the file changes; use the task's id @[0-9a-f]{5} \(line 31: /);
      expect(t.text()).toBe(text);
      const s = t.run(['set', ref, 'done']);
      expect(s.code, s.stderr).toBe(0);
      expect(t.text()).toBe((await fresh(text, ['set', ref, 'done'])).text);
      const now = JSON.parse(t.run(['show', ref, '--json']).stdout).task;
      expect(now).toMatchObject({ title: 'Beta', line: 32, status: 'done' });
    } finally {
      t.done();
    }
  });

  it('rows reordered since the model was made: a reference by title and an id each edit the right row', async () => {
    const t = setup();
    try {
      const alpha = JSON.parse(t.run(['show', 'L30', '--json']).stdout).task;
      expect(alpha.title).toBe('Alpha');
      const { text, plant } = t.staleAfter((x) =>
        replaceOnce(
          replaceOnce(x, '| Alpha | ⏳ Pending |\n| Beta  | ⏳ Pending |', '| Beta  | ⏳ Pending |\n| Alpha | ⏳ Pending |'),
          '| 3.2 | Build parser  | ⏳ Pending |       | P2       |              |\n| 3.3 | Write docs    | ⏳ Pending | Zed   | P2       | needs review |',
          '| 3.3 | Write docs    | ⏳ Pending | Zed   | P2       | needs review |\n| 3.2 | Build parser  | ⏳ Pending |       | P2       |              |',
        ),
      );
      const r = t.run(['set', alpha.id, 'done']);
      expect(r.code, r.stderr).toBe(0);
      expect(t.text()).toBe((await fresh(text, ['set', alpha.id, 'done'])).text);
      expect(t.text()).toContain('| Beta  | ⏳ Pending |\n| Alpha | ✅ Done    |');
      writeFileSync(t.file, text);
      plant();
      const s = t.run(['set', '3.2', 'done']);
      expect(s.code, s.stderr).toBe(0);
      expect(t.text()).toBe((await fresh(text, ['set', '3.2', 'done'])).text);
      expect(t.text()).toContain('| 3.2 | Build parser  | ✅ Done    |');
    } finally {
      t.done();
    }
  });
});

describe('a cache entry that lies', () => {
  it('with offsets one row down in an aligned table: `set 3.2 done` marks 3.2, not 3.3', async () => {
    const t = setup();
    try {
      const e = t.entry();
      const i = e.head.ids.indexOf('3.2');
      const row = rowOf(e, i);
      const next = rowOf(e, i + 1);
      const source = row[F.source] as number[];
      const step = (source[3] as number) + 1; // the row's length and its newline
      source[2] = (source[2] as number) + step;
      (next[F.source] as number[])[2] = ((next[F.source] as number[])[2] as number) - step;
      writeEntry(e);
      const text = t.text();
      const r = t.run(['set', '3.2', 'done']);
      expect(r.code, r.stderr).toBe(0);
      expect(t.text()).toBe((await fresh(text, ['set', '3.2', 'done'])).text);
      expect(t.text()).toContain('| 3.2 | Build parser  | ✅ Done    |       | P2       |              |');
      expect(t.text()).toContain('| 3.3 | Write docs    | ⏳ Pending | Zed   | P2       | needs review |');
    } finally {
      t.done();
    }
  });

  // Each lie, and a command whose decision it would turn: the write must be the
  // one a fresh read makes (or a refusal, for a reference by position).
  const lies: { field: string; args: string[]; lie: (e: Entry) => void; refused?: RegExp }[] = [
    {
      field: 'id (3.3 and 3.4 swapped)',
      args: ['set', '3.4', 'done'],
      lie: (e) => {
        const [a, b] = [rowOf(e, 2), rowOf(e, 3)];
        [a[F.id], b[F.id]] = [b[F.id], a[F.id]];
        [e.head.ids[2], e.head.ids[3]] = [e.head.ids[3]!, e.head.ids[2]!];
      },
    },
    {
      field: 'status (a done task said pending): a claim never reopens it',
      args: ['next', '--claim', '--owner', 'Ana'],
      lie: (e) => {
        rowOf(e, 0)[F.status] = STATUS.pending;
        rowOf(e, 0)[F.statusText] = stringIndex(e, '⏳ Pending');
      },
    },
    {
      field: 'status alone (the text kept)',
      args: ['next', '--claim', '--owner', 'Ana'],
      lie: (e) => {
        rowOf(e, 0)[F.status] = STATUS.pending;
      },
    },
    {
      field: 'status text (a claim filtered by it)',
      args: ['next', '--claim', '--owner', 'Dee', '--grep', 'soon'],
      lie: (e) => {
        rowOf(e, 1)[F.statusText] = stringIndex(e, '⏳ Pending soon');
      },
    },
    {
      field: 'owner (3.2 said taken, 3.3 said free): a claim by another takes 3.2',
      args: ['next', '--claim', '--owner', 'Dee'],
      lie: (e) => {
        rowOf(e, 1)[F.owner] = stringIndex(e, 'Zed');
        rowOf(e, 2)[F.owner] = -1;
      },
    },
    {
      field: 'priority (3.4 said P0)',
      args: ['next', '--claim', '--owner', 'Dee'],
      lie: (e) => {
        rowOf(e, 3)[F.priority] = stringIndex(e, 'P0');
      },
    },
    {
      field: 'notes (a claim filtered by them)',
      args: ['next', '--claim', '--owner', 'Dee', '--grep', 'secret'],
      lie: (e) => {
        rowOf(e, 1)[F.notes] = 'secret';
      },
    },
    {
      field: 'title (a claim filtered by it)',
      args: ['next', '--claim', '--owner', 'Dee', '--grep', 'docs'],
      lie: (e) => {
        rowOf(e, 1)[F.title] = 'Write docs';
      },
    },
    {
      field: 'kind (a week row said a task): a claim never takes it',
      args: ['next', '--claim', '--owner', 'Dee', '--week', '2'],
      lie: (e) => {
        rowOf(e, 5)[F.kind] = 0;
      },
    },
    {
      field: 'sprint (the two 3.1 swapped): --sprint picks the right one',
      args: ['set', '3.1', 'blocked', '--sprint', '9'],
      lie: (e) => {
        const [a, b] = [rowOf(e, 0), rowOf(e, 4)];
        [a[F.sprint], b[F.sprint]] = [b[F.sprint], a[F.sprint]];
        [e.head.scopes[0], e.head.scopes[4]] = [e.head.scopes[4]!, e.head.scopes[0]!];
      },
    },
    {
      field: 'line (the two 3.1 swapped): --line is refused rather than guessed',
      args: ['set', '3.1', 'blocked', '--line', '20'],
      lie: (e) => {
        const [a, b] = [rowOf(e, 0), rowOf(e, 4)];
        [a[F.line], b[F.line]] = [b[F.line], a[F.line]];
      },
      refused: /"3\.1" named "Design schema" when plan last read the file, but line 20 now holds "Migrate data"; nothing was written/,
    },
    {
      field: 'cell offsets',
      args: ['set', '3.3', 'done'],
      lie: (e) => {
        const packed = rowOf(e, 2)[F.source] as number[];
        for (let k = 4; k < packed.length; k++) packed[k] = packed[k]! + 2;
      },
    },
  ];

  for (const { field, args, lie, refused } of lies) {
    it(`in its ${field}: ${args.join(' ')} does what a fresh read does`, async () => {
      const t = setup();
      try {
        const e = t.entry();
        lie(e);
        writeEntry(e);
        const text = t.text();
        const r = t.run(args);
        if (refused) {
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(refused);
          expect(t.text()).toBe(text);
        } else {
          const want = await fresh(text, args);
          expect(r.code, r.stderr).toBe(want.code);
          expect(t.text()).toBe(want.text);
        }
        // The entry was dropped: the next read says what a fresh read says, and a write just works.
        const listed = t.run(['list', '--json']);
        const clean = await runCli(['-f', t.file, 'list', '--json'], { env: { PLAN_NO_CACHE: '1' } });
        expect(listed.stdout).toBe(clean.stdout);
      } finally {
        t.done();
      }
    });
  }
});
