// End-to-end, with real processes stopped and resumed (SIGSTOP / SIGCONT): a
// writer paused while it holds the lock (Ctrl-Z, a frozen VM, a slow disk) keeps
// it, however long the pause; and a file changed, replaced or deleted by another
// editor while a writer is between its read and its rename is never overwritten
// with the old text nor re-created.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genPlan } from '../helpers/gen.js';
import { BIN, CACHE, tempDir } from '../helpers/run.js';
import { leftovers } from './write-helpers.js';
import { HALT_POINTS, type HaltPoint } from '../../src/system/halt.js';

const TASKS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', XDG_CACHE_HOME: CACHE, PLAN_NO_CACHE: '1', ...extra };
  delete e.PLAN_FILE;
  delete e.FORCE_COLOR;
  return e;
}

interface Child {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
}

function start(file: string, args: string[], extra: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [BIN, '-f', file, ...args, '--no-touch'], { env: env(extra), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stderr: string }>((r) => child.on('close', (code) => r({ code, stderr })));
  return { child, done };
}

/**
 * Starts `plan set` stopped at `point` of its write (the test seam PLAN_TEST_HALT, src/system/halt.ts: it sends
 * itself SIGSTOP there), resolving once the kernel says it is stopped.
 */
async function heldWriter(file: string, args: string[], point: HaltPoint = 'read'): Promise<Child> {
  const w = start(file, args, { PLAN_TEST_HALT: `SIGSTOP@${point}` });
  expect(await stopped(w.child.pid!), `the writer stopped at ${point}`).toBe(true);
  expect(existsSync(join(`${file}.lock`, 'owner')), `the writer holds the lock at ${point}`).toBe(true);
  return w;
}

/** Whether process `pid` is stopped (state T in /proc), waiting until it is or has ended. */
async function stopped(pid: number): Promise<boolean> {
  for (;;) {
    let state: string;
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0]!;
    } catch {
      return false; // gone
    }
    if (state === 'T' || state === 't') return true;
    if (state === 'Z' || state === 'X') return false;
    await sleep(1);
  }
}

/** `text` with the status cell of task `id` in sprint `sprint` set to 🚫 Cancelled, by hand. */
function cancelled(text: string, sprint: number, id: string): string {
  const at = text.indexOf(`\n## Sprint ${sprint} - `);
  const rowStart = text.indexOf(`\n| ${id} | `, at) + 1;
  const rowEnd = text.indexOf('\n', rowStart);
  const cells = text.slice(rowStart, rowEnd).split(' | ');
  cells[3] = '🚫 Cancelled';
  return text.slice(0, rowStart) + cells.join(' | ') + text.slice(rowEnd);
}

/** A generated plan in a fresh folder, given to `body`; the folder must end clean. */
async function onGenerated(body: (file: string, dir: string) => Promise<void>): Promise<void> {
  const t = tempDir();
  try {
    const file = join(t.dir, 'plan.md');
    writeFileSync(file, genPlan(TASKS));
    await body(file, t.dir);
    expect(leftovers(t.dir)).toEqual([]);
  } finally {
    t.cleanup();
  }
}

/**
 * Resolves once a waiting writer has read the lock's owner file twice (so judged the lock at least once)
 * since the call. Under relatime Linux updates a file's access time on a read when it is not later than
 * its modification time: the owner's is set back to 1970 and watched. Where reads leave no such mark
 * (noatime), it waits 1 s instead, as long as a waiter takes to start and look.
 */
async function waiterHasLooked(owner: string, waiter: ChildProcess): Promise<void> {
  if (!ATIME_SHOWS_READS) {
    await sleep(1000);
    return;
  }
  for (let reads = 0; reads < 2; reads++) {
    const { mtime } = statSync(owner);
    utimesSync(owner, 0, mtime);
    // A waiter that ended (it should not, while the lock is held) is for the checks after this to report.
    while (statSync(owner).atimeMs === 0 && waiter.exitCode === null && waiter.signalCode === null) await sleep(2);
  }
}

/** Whether reading a file here updates its access time (relatime, strictatime), for waiterHasLooked. */
const ATIME_SHOWS_READS = ((): boolean => {
  const t = tempDir();
  try {
    const f = join(t.dir, 'probe');
    writeFileSync(f, 'x');
    utimesSync(f, 0, statSync(f).mtime);
    readFileSync(f);
    return statSync(f).atimeMs !== 0;
  } finally {
    t.cleanup();
  }
})();

/** The points of a write at which its lock is held (a pause anywhere between taking it and letting it go). */
const HOLDING = HALT_POINTS.filter((p) => p !== 'lock-made' && p !== 'unlocked');

describe('a writer paused while it holds the lock', () => {
  /** A writer stopped at `point`, a second one waiting behind it, then the first resumed. */
  async function pausedTrial(point: HaltPoint, i: number): Promise<void> {
    const t = tempDir();
    const file = join(t.dir, 'plan.md');
    try {
      writeFileSync(file, genPlan(TASKS));
      const before = readFileSync(file, 'utf8');
      const a = { sprint: 1 + (i % 2), id: `${1 + (i % 5)}.${1 + i}` };
      const b = { sprint: 1 + (i % 2), id: `${1 + ((i + 2) % 5)}.${50 + i}` };
      const first = await heldWriter(file, ['set', a.id, 'cancelled', '--sprint', String(a.sprint)], point);
      // A lock counts as stale after 200 ms here, and its folder is dated 1970: every look the second
      // writer takes finds it long past stale, held by a process that is stopped, and must not take it over.
      utimesSync(`${file}.lock`, 0, 0);
      const second = start(file, ['set', b.id, 'cancelled', '--sprint', String(b.sprint)], { PLAN_LOCK_STALE: '200', PLAN_LOCK_TIMEOUT: '30000' });
      await waiterHasLooked(join(`${file}.lock`, 'owner'), second.child);
      first.child.kill('SIGCONT');
      const [ra, rb] = await Promise.all([first.done, second.done]);
      expect(ra, `${point}: the paused writer`).toEqual({ code: 0, stderr: '' });
      expect(rb, `${point}: the waiting writer`).toEqual({ code: 0, stderr: '' });
      expect(readFileSync(file, 'utf8'), `${point}: both changes are in the file`).toBe(cancelled(cancelled(before, a.sprint, a.id), b.sprint, b.id));
      expect(leftovers(t.dir)).toEqual([]);
    } finally {
      t.cleanup();
    }
  }

  it(`keeps it at every point of its write (${HOLDING.join(', ')}): the writer waiting behind it lands after it, zero lost updates`, async () => {
    await Promise.all(HOLDING.map((point, i) => pausedTrial(point, i)));
  }, 120_000);

  it(
    'is reported by a writer that gives up waiting: its pid, still running, and how long it waited (exit 1)',
    () =>
      onGenerated(async (file) => {
        const before = readFileSync(file, 'utf8');
        const first = await heldWriter(file, ['set', '1.1', 'cancelled', '--sprint', '1'], 'locked');
        const second = start(file, ['set', '1.2', 'cancelled', '--sprint', '1'], { PLAN_LOCK_STALE: '300', PLAN_LOCK_TIMEOUT: '1500' });
        const rb = await second.done;
        expect(rb.code).toBe(1);
        expect(rb.stderr).toBe(
          `plan: ${file}: another plan process has held the file's lock for over 1.5 s; try again (process ${first.child.pid} holds it and is still running: if it is stopped, resume it with \`fg\` or end it); nothing was written\n`,
        );
        first.child.kill('SIGCONT');
        expect(await first.done).toEqual({ code: 0, stderr: '' });
        expect(readFileSync(file, 'utf8')).toBe(cancelled(before, 1, '1.1'));
      }),
    60_000,
  );
});

describe('a writer interrupted while it holds the lock', () => {
  it(
    'by SIGTERM, removes its lock: the next writer goes straight on, and the file is whole',
    () =>
      onGenerated(async (file) => {
        const before = readFileSync(file, 'utf8');
        const w = await heldWriter(file, ['set', '1.1', 'cancelled', '--sprint', '1'], 'locked');
        w.child.kill('SIGTERM');
        w.child.kill('SIGCONT');
        expect((await w.done).code).toBeNull(); // ended by the signal
        expect(w.child.signalCode).toBe('SIGTERM');
        expect(existsSync(`${file}.lock`)).toBe(false);
        const now = readFileSync(file, 'utf8');
        expect([before, cancelled(before, 1, '1.1')]).toContain(now);
        // A lock left behind would hold this writer for 4 s, past its 2 s timeout.
        const next = start(file, ['set', '1.2', 'cancelled', '--sprint', '1'], { PLAN_LOCK_TIMEOUT: '2000' });
        expect(await next.done).toEqual({ code: 0, stderr: '' });
        expect(readFileSync(file, 'utf8')).toBe(cancelled(now, 1, '1.2'));
      }),
    60_000,
  );
});

/** Just after the read (the edits not yet made) and just before the rename (the temporary file written and synced). */
const WINDOW: HaltPoint[] = ['read', 'temp-synced'];

describe.each(WINDOW)("another editor in the window between a writer's read and its rename (stopped at %s)", (point) => {
  /** Runs `edit` on the file while a `plan set` holding the lock is stopped; returns the writer's outcome. */
  async function whilePaused(file: string, edit: () => void): Promise<{ code: number | null; stderr: string }> {
    const w = await heldWriter(file, ['set', '2.3', 'cancelled', '--sprint', '2'], point);
    edit();
    w.child.kill('SIGCONT');
    return w.done;
  }

  it('writing the file in place: the writer starts over from the new text, and both changes stay', () =>
    onGenerated(async (file) => {
      const edited = `${readFileSync(file, 'utf8')}\nAdded by another editor.\n`;
      const r = await whilePaused(file, () => writeFileSync(file, edited));
      expect(r).toEqual({ code: 0, stderr: '' });
      expect(readFileSync(file, 'utf8')).toBe(cancelled(edited, 2, '2.3'));
    }));

  it('replacing the file (an editor that saves by rename): both changes stay', () =>
    onGenerated(async (file, dir) => {
      const edited = readFileSync(file, 'utf8').replace('# Big Plan', '# Big Plan, renamed');
      const r = await whilePaused(file, () => {
        writeFileSync(join(dir, 'saved.tmp'), edited);
        renameSync(join(dir, 'saved.tmp'), file);
      });
      expect(r).toEqual({ code: 0, stderr: '' });
      expect(readFileSync(file, 'utf8')).toBe(cancelled(edited, 2, '2.3'));
    }));

  it('deleting the file: the writer fails (exit 1) and does not bring it back', () =>
    onGenerated(async (file) => {
      const r = await whilePaused(file, () => unlinkSync(file));
      expect(r).toEqual({ code: 1, stderr: `plan: ${file}: the file was deleted or moved while plan was writing it; nothing was written\n` });
      expect(existsSync(file)).toBe(false);
    }));
});
