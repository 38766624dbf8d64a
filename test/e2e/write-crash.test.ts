// End-to-end: `plan set` killed with SIGKILL at a random moment, again and
// again, on a big generated plan. After every kill the file holds exactly the
// old content or exactly the new one: never a truncated, empty or mixed file.
import { genPlan } from '../helpers/gen.js';
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CACHE, tempDir } from '../helpers/run.js';
import { planOf } from '../helpers/inproc.js';
import { leftovers } from './write-helpers.js';

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', XDG_CACHE_HOME: CACHE };
delete env.PLAN_FILE;
delete env.PLAN_LOCK_TIMEOUT;
const ITERATIONS = 30;
const TASKS = 20000;

function run(args: string[], killAfter?: number): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve) => {
    const start = Date.now();
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
    const timer = killAfter === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - start });
    });
  });
}

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

describe('a writer killed at any moment', () => {
  it(`leaves the old file or the new one, never anything else (${ITERATIONS} kills)`, async () => {
    const t = tempDir();
    const file = join(t.dir, 'big.md');
    try {
      writeFileSync(file, genPlan(TASKS));

      // How long one uninterrupted write takes here: the kills are spread over
      // 0–300 ms, or over the whole run when it takes longer, so that some land
      // before, some during and some after the replace.
      const first = await run(['-f', file, 'set', '1.1', 'cancelled', '--sprint', '40', '--no-touch']);
      expect(first.code).toBe(0);
      const window = Math.max(300, Math.round(first.ms * 1.2));

      const outcomes = { old: 0, new: 0 };
      for (let i = 0; i < ITERATIONS; i++) {
        const sprint = 1 + (i % 39);
        const id = `${1 + (i % 5)}.${1 + ((i * 7) % 100)}`;
        const old = readFileSync(file, 'utf8');
        const delay = Math.floor(Math.random() * window);
        await run(['-f', file, 'set', id, 'cancelled', '--sprint', String(sprint), '--no-touch'], delay);
        const now = readFileSync(file, 'utf8');
        if (now === old) outcomes.old++;
        else {
          expect(now, `iteration ${i}: killed after ${delay} ms`).toBe(expectedAfter(old, sprint, id));
          outcomes.new++;
        }
        // The killed writer cannot refresh its lock any more: let it look as old
        // as a dead writer's lock would look a few seconds later.
        const lock = `${file}.lock`;
        if (existsSync(lock)) {
          const past = new Date(Date.now() - 10_000);
          utimesSync(lock, past, past);
        }
      }
      expect(outcomes.old + outcomes.new).toBe(ITERATIONS);

      // The file still parses whole, and the next write cleans up after the killed ones.
      const before = readFileSync(file, 'utf8');
      const last = await run(['-f', file, 'set', '5.100', 'cancelled', '--sprint', '40', '--no-touch']);
      expect(last.code).toBe(0);
      const final = readFileSync(file, 'utf8');
      expect(final).toBe(expectedAfter(before, 40, '5.100'));
      expect((await planOf(final)).tasks).toHaveLength(TASKS);
      expect(leftovers(t.dir)).toEqual([]);
    } finally {
      t.cleanup();
    }
  }, 180_000);
});
