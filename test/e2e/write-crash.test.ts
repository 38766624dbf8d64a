// End-to-end: `plan set` killed with SIGKILL at each point of its write (the
// test seam PLAN_TEST_HALT, src/system/halt.ts: the writer kills itself there,
// so every window is hit for certain on a small plan), then at random moments
// on a bigger one (what falls between the named points). After every kill the
// file holds exactly the old content or exactly the new one: never a
// truncated, empty or mixed file; and the next write takes over what the
// killed one left (its lock, its temporary file) and lands.
import { genPlan } from '../helpers/gen.js';
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CACHE, tempDir } from '../helpers/run.js';
import { planOf } from '../helpers/inproc.js';
import { HALT_POINTS, type HaltPoint } from '../../src/system/halt.js';
import { leftovers } from './write-helpers.js';

const baseEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', XDG_CACHE_HOME: CACHE };
delete baseEnv.PLAN_FILE;
delete baseEnv.PLAN_LOCK_TIMEOUT;
delete baseEnv.PLAN_TEST_HALT;

interface Ended {
  code: number | null;
  signal: string | null;
  ms: number;
  pid: number;
}

function run(args: string[], opts: { killAfter?: number; halt?: string } = {}): Promise<Ended> {
  return new Promise((resolve) => {
    const start = Date.now();
    const env = opts.halt ? { ...baseEnv, PLAN_TEST_HALT: opts.halt } : baseEnv;
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
    const timer = opts.killAfter === undefined ? null : setTimeout(() => child.kill('SIGKILL'), opts.killAfter);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - start, pid: child.pid ?? -1 });
    });
  });
}

/** `plan set <id> cancelled --sprint <sprint>` on `file`. */
const cancel = (file: string, id: string, sprint: number, opts: { killAfter?: number; halt?: string } = {}) =>
  run(['-f', file, 'set', id, 'cancelled', '--sprint', String(sprint), '--no-touch'], opts);

/** The temporary files a writer with this pid left behind (the write's own prefix, see src/write/write.ts). */
const tempFilesOf = (dir: string, pid: number): string[] => readdirSync(dir).filter((n) => n.startsWith(`.plan-tmp-${pid}-`));

/** The generated file with task `id` of sprint `sprint` set to 🚫 Cancelled, computed by hand. */
function expectedAfter(text: string, sprint: number, id: string): string {
  const at = text.indexOf(`\n## Sprint ${sprint} - `);
  expect(at).toBeGreaterThan(0);
  const start = text.indexOf(`\n| ${id} | `, at) + 1;
  const end = text.indexOf('\n', start);
  const cells = text.slice(start, end).split(' | ');
  expect(cells).toHaveLength(5); // `| id`, title, owner, status, `notes |`
  cells[3] = '🚫 Cancelled';
  return text.slice(0, start) + cells.join(' | ') + text.slice(end);
}

/** A killed writer cannot refresh its lock any more: let it look as old as a dead writer's lock would a few seconds later. */
function ageLock(file: string): void {
  const lock = `${file}.lock`;
  if (!existsSync(lock)) return;
  const past = new Date(Date.now() - 10_000);
  utimesSync(lock, past, past);
}

/** What a kill at each point leaves: the lock folder, its owner file, the writer's temporary file, the new text. */
function leftBy(point: HaltPoint): { lock: boolean; owner: boolean; temp: boolean; replaced: boolean } {
  const at = HALT_POINTS.indexOf(point);
  const from = (p: HaltPoint) => at >= HALT_POINTS.indexOf(p);
  return {
    lock: !from('unlocked'),
    owner: from('locked') && !from('unlocked'),
    temp: from('temp-written') && !from('replaced'),
    replaced: from('replaced'),
  };
}

/** Checks the file after the next write and that it still reads whole, with nothing left behind. */
async function nextWriteLands(file: string, dir: string, tasks: number): Promise<void> {
  ageLock(file);
  const before = readFileSync(file, 'utf8');
  const last = await cancel(file, '5.100', 2);
  expect(last).toMatchObject({ code: 0, signal: null });
  const final = readFileSync(file, 'utf8');
  expect(final).toBe(expectedAfter(before, 2, '5.100'));
  expect((await planOf(final)).tasks).toHaveLength(tasks);
  expect(leftovers(dir)).toEqual([]);
}

const SMALL = 1000;

describe('a writer killed at each point of its write', () => {
  const plan = genPlan(SMALL);
  for (const point of HALT_POINTS) {
    const left = leftBy(point);
    it(`${point}: the ${left.replaced ? 'new' : 'old'} file, and the next write takes over what it left`, async () => {
      const t = tempDir();
      const file = join(t.dir, 'plan.md');
      try {
        writeFileSync(file, plan);
        const r = await cancel(file, '2.7', 1, { halt: `SIGKILL@${point}` });
        expect(r.signal, 'the writer killed itself there').toBe('SIGKILL');
        expect(readFileSync(file, 'utf8')).toBe(left.replaced ? expectedAfter(plan, 1, '2.7') : plan);
        const lock = `${file}.lock`;
        expect({
          lock: existsSync(lock),
          owner: existsSync(join(lock, 'owner')),
          temp: tempFilesOf(t.dir, r.pid).length > 0,
          replaced: left.replaced,
        }).toEqual(left);
        await nextWriteLands(file, t.dir, SMALL);
      } finally {
        t.cleanup();
      }
    });
  }
});

const ITERATIONS = 6;
const BIG = 5000;

describe('a writer killed at random moments', () => {
  it(`leaves the old file or the new one, never anything else (${ITERATIONS} kills)`, async () => {
    const t = tempDir();
    const file = join(t.dir, 'big.md');
    try {
      writeFileSync(file, genPlan(BIG));
      // The kills are spread over the time one uninterrupted write takes here.
      const first = await cancel(file, '1.1', 10);
      expect(first.code).toBe(0);
      for (let i = 0; i < ITERATIONS; i++) {
        const sprint = 1 + (i % 9);
        const id = `${1 + (i % 5)}.${1 + ((i * 7) % 100)}`;
        const old = readFileSync(file, 'utf8');
        const delay = Math.floor(Math.random() * first.ms * 1.2);
        const r = await cancel(file, id, sprint, { killAfter: delay });
        const now = readFileSync(file, 'utf8');
        if (now !== old) expect(now, `iteration ${i}: killed after ${delay} ms`).toBe(expectedAfter(old, sprint, id));
        if (r.signal !== 'SIGKILL') expect(r.code, `iteration ${i}: not killed, so it finished`).toBe(0);
        ageLock(file);
      }
      await nextWriteLands(file, t.dir, BIG);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
