// plan watch on a pseudo-terminal (util-linux `script`) while other processes
// change the file: `plan set` (an atomic rename), `sed -i` (another rename)
// and a plain overwrite. Each change redraws exactly once; Ctrl-C ends it with
// exit 0 and the terminal restored. Piped, each change prints one snapshot.

import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, FIXTURES, plan, tempDir } from '../helpers/run.js';
import { serverEnv } from '../mcp/client.js';
import { workspace } from './write-helpers.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const FRAME = '\u001b[H';
/** How a frame ends (its last line cleared to the bottom): a frame is checked only once all of it has come. */
const FRAME_END = '\u001b[J';

/** A running watch: the process, what it printed so far, its exit code, and whether its output has ended. */
interface Watch {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
  closed: () => boolean;
}

function start(args: string[], cwd: string, tty: boolean, cols = 120): Watch {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = tty
    ? spawn('script', ['-qfec', `stty rows 40 cols ${cols}; exec ${command}`, '/dev/null'], { cwd, env: serverEnv() })
    : spawn(process.execPath, [BIN, ...args], { cwd, env: serverEnv() });
  let out = '';
  let closed = false;
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      closed = true;
      resolve(code);
    }),
  );
  return { child, output: () => out, exit, closed: () => closed };
}

/**
 * Resolves once `test` holds, looked at again each time the watch prints (not on a timer); fails if the watch
 * ends first. The limit only turns a hung test into a message.
 */
function until(watch: Watch, test: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      watch.child.stdout!.off('data', check);
      watch.child.off('close', ended);
      if (error) reject(error);
      else resolve();
    };
    const check = () => test() && finish();
    const ended = () => finish(test() ? undefined : new Error(`the watch ended before ${what}`));
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), limitMs);
    // Registered after start()'s own listener: by the time `check` runs, the new output has been added.
    watch.child.stdout!.on('data', check);
    watch.child.once('close', ended);
    if (watch.closed()) ended();
    else check();
  });
}

const count = (s: string, sub: string) => s.split(sub).length - 1;

describe('plan watch', () => {
  if (!hasScript) {
    it.skip('skipped: util-linux `script` is not installed', () => {});
    return;
  }

  it('on a terminal redraws once per change (rename, sed -i, overwrite) and exits 0 on Ctrl-C', async () => {
    const w = workspace(join(FIXTURES, 'deps/column.md'));
    const watch = start(['-f', w.name, 'watch'], w.dir, true);
    try {
      const frames = () => count(watch.output(), FRAME);
      const drawn = (n: number) => () => frames() === n && count(watch.output(), FRAME_END) === n;
      await until(watch, () => frames() === 1 && watch.output().includes('Lint rules'), 'the first frame');
      expect(watch.output().startsWith('\u001b[?1049h\u001b[?25l')).toBe(true);

      expect(plan(['-f', w.name, 'set', 'FEAT-001.5', 'done'], { cwd: w.dir }).code).toBe(0);
      await until(watch, drawn(2), 'a frame after plan set');
      expect(watch.output().split(FRAME)[2]).toMatch(/FEAT-001\.5[^\n]*done/);

      expect(spawnSync('sed', ['-i', 's/Lint rules/Lint checks/', w.name], { cwd: w.dir }).status).toBe(0);
      await until(watch, drawn(3), 'a frame after sed -i');
      expect(watch.output().split(FRAME)[3]).toContain('Lint checks');

      writeFileSync(w.file, readFileSync(w.file, 'utf8').replace('Client', 'Mobile client'));
      await until(watch, drawn(4), 'a frame after an overwrite');
      expect(watch.output().split(FRAME)[4]).toContain('Mobile client');

      // Nothing more from these changes: a later one of its own is the fifth frame, and the last before Ctrl-C.
      writeFileSync(w.file, readFileSync(w.file, 'utf8').replace('Mobile client', 'Mobile app'));
      await until(watch, drawn(5), 'a frame after a last overwrite');
      expect(watch.output().split(FRAME)[5]).toContain('Mobile app');
      watch.child.stdin!.write('\u0003');
      expect(await watch.exit).toBe(0);
      expect(frames()).toBe(5);
      expect(watch.output().endsWith('\u001b[?25h\u001b[?1049l')).toBe(true);
    } finally {
      watch.child.kill();
      w.cleanup();
    }
  });

  it('on a terminal, a title that holds escape sequences is shown escaped, never sent to the terminal', async () => {
    const w = workspace(join(FIXTURES, 'deps/column.md'));
    writeFileSync(w.file, readFileSync(w.file, 'utf8').replace('Lint rules', 'Lint \u001b]0;pwned\u0007\u001b[2J rules'));
    const watch = start(['-f', w.name, 'watch'], w.dir, true);
    try {
      await until(watch, () => count(watch.output(), FRAME) === 1 && watch.output().includes('pwned'), 'the first frame');
      expect(watch.output()).toContain('\\x1b]0;pwned\\x07\\x1b[2J');
      expect(watch.output()).not.toContain('\u001b]0;');
      expect(watch.output()).not.toContain('\u001b[2J');
      watch.child.stdin!.write('\u0003');
      expect(await watch.exit).toBe(0);
    } finally {
      watch.child.kill();
      w.cleanup();
    }
  });

  it('piped, prints a snapshot per change, and SIGINT ends it with exit 0', async () => {
    const w = workspace(join(FIXTURES, 'deps/column.md'));
    const watch = start(['-f', w.name, 'watch', 'board'], w.dir, false);
    try {
      const header = 'status\tid\ttitle\towner\toverdue\n';
      await until(watch, () => count(watch.output(), header) === 1, 'the first snapshot');
      expect(plan(['-f', w.name, 'set', 'FEAT-001.3', 'blocked'], { cwd: w.dir }).code).toBe(0);
      await until(watch, () => count(watch.output(), header) === 2, 'a snapshot after plan set');
      // Nothing more from that change: a later one of its own is the third snapshot, and the last before SIGINT.
      expect(plan(['-f', w.name, 'set', 'FEAT-001.5', 'blocked'], { cwd: w.dir }).code).toBe(0);
      await until(watch, () => (watch.output().split(header)[3] ?? '').includes('blocked\tFEAT-001.5\t'), 'a snapshot after a second plan set');
      expect(count(watch.output(), header)).toBe(3);
      expect(watch.output().split(header)[2]).toContain('blocked\tFEAT-001.3\tClient\t\t\n');
      watch.child.kill('SIGINT');
      expect(await watch.exit).toBe(0);
      expect(count(watch.output(), header)).toBe(3);
    } finally {
      watch.child.kill();
      w.cleanup();
    }
  });

  it('at 60 columns the title fits the width with the way out in view, and q quits (exit 0, terminal restored)', async () => {
    const w = workspace(join(FIXTURES, 'deps/column.md'), 'a-plan-with-a-rather-long-file-name-indeed.md');
    const watch = start(['-f', w.name, 'watch'], w.dir, true, 60);
    try {
      await until(watch, () => count(watch.output(), FRAME) === 1 && watch.output().includes('Lint rules'), 'the first frame');
      const title = watch.output().split(FRAME)[1]!.split('\u001b[K')[0]!;
      expect(title).toMatch(/^plan watch list: a-plan-with-a-rather-long-.*… {2}\(q to quit\)$/);
      expect([...title].length).toBeLessThanOrEqual(60);
      watch.child.stdin!.write('q');
      expect(await watch.exit).toBe(0);
      expect(watch.output().endsWith('\u001b[?25h\u001b[?1049l')).toBe(true);
    } finally {
      watch.child.kill();
      w.cleanup();
    }
  });

  for (const signal of ['SIGHUP', 'SIGQUIT'] as const) {
    it(`${signal} leaves the alternate screen and shows the cursor again`, async () => {
      const w = workspace(join(FIXTURES, 'deps/column.md'));
      const watch = start(['-f', w.name, 'watch'], w.dir, true);
      try {
        await until(watch, () => count(watch.output(), FRAME) === 1 && watch.output().includes('Lint rules'), 'the first frame');
        // script runs plan as its child (exec): signal plan itself, as a closing terminal would.
        const pid = Number(spawnSync('ps', ['-o', 'pid=', '--ppid', String(watch.child.pid)], { encoding: 'utf8' }).stdout.trim());
        process.kill(pid, signal);
        await watch.exit;
        expect(watch.output().endsWith('\u001b[?25h\u001b[?1049l')).toBe(true);
      } finally {
        watch.child.kill();
        w.cleanup();
      }
    });
  }

  /** A piped watch in a temporary folder made by `setup`, run from `cwd` (under it) with `args`; `body` drives it. */
  const piped =
    (setup: (dir: string) => void, cwd: string, args: string[], body: (dir: string, watch: ReturnType<typeof start>) => Promise<void>) => async () => {
      const t = tempDir();
      setup(t.dir);
      const watch = start(args, join(t.dir, cwd), false);
      try {
        await until(watch, () => watch.output().includes('Alpha task'), 'the first snapshot');
        await body(t.dir, watch);
        expect(await watch.exit).toBe(0);
      } finally {
        watch.child.kill('SIGKILL');
        t.cleanup();
      }
    };

  it(
    'piped: the plan deleted shows it gone, never another file discovery would find; back, it is shown again',
    piped(
      (dir) => {
        writeFileSync(join(dir, 'PLAN.md'), '- [ ] Alpha task\n');
        writeFileSync(join(dir, 'TODO.md'), '- [ ] Other file task\n');
      },
      '.',
      ['watch'],
      async (dir, watch) => {
        unlinkSync(join(dir, 'PLAN.md'));
        await until(watch, () => watch.output().includes('gone'), 'a snapshot saying the plan is gone');
        expect(watch.output()).toContain('plan: PLAN.md is gone (deleted or moved); the view comes back when it does\n');
        writeFileSync(join(dir, 'PLAN.md'), '- [ ] Beta task\n');
        await until(watch, () => watch.output().includes('Beta task'), 'a snapshot after the plan came back');
        expect(watch.output()).not.toContain('Other file task');
        watch.child.kill('SIGINT');
      },
    ),
  );

  it(
    'piped: a plan that is a link redraws when its target, in another folder, changes',
    piped(
      (dir) => {
        mkdirSync(join(dir, 'repo'));
        mkdirSync(join(dir, 'elsewhere'));
        writeFileSync(join(dir, 'elsewhere', 'target.md'), '- [ ] Alpha task\n');
        symlinkSync('../elsewhere/target.md', join(dir, 'repo', 'plan.md'));
      },
      'repo',
      ['-f', 'plan.md', 'watch'],
      async (dir, watch) => {
        writeFileSync(join(dir, 'elsewhere', 'target.md'), '- [ ] Beta task\n');
        await until(watch, () => watch.output().includes('Beta task'), 'a snapshot after the target changed');
        watch.child.kill('SIGINT');
      },
    ),
  );

  it(
    'piped: a plan replaced by a FIFO is shown as not a file, and SIGTERM still ends the watch',
    piped(
      (dir) => writeFileSync(join(dir, 'plan.md'), '- [ ] Alpha task\n'),
      '.',
      ['-f', 'plan.md', 'watch'],
      async (dir, watch) => {
        unlinkSync(join(dir, 'plan.md'));
        // The gone snapshot first, then the FIFO: a second state with no bytes is still a change to draw.
        await until(watch, () => watch.output().includes('is gone'), 'a snapshot saying the plan is gone');
        expect(spawnSync('mkfifo', [join(dir, 'plan.md')]).status).toBe(0);
        await until(watch, () => watch.output().includes('not a regular file'), 'a snapshot of the FIFO');
        watch.child.kill('SIGTERM');
      },
    ),
  );

  const snapshots = (watch: ReturnType<typeof start>) => watch.output().split('id\tkind\tstatus').length - 1;

  it(
    'piped, on a folder: a change to any file, a file added (in a new folder below) or removed each print a snapshot',
    piped(
      (dir) => {
        mkdirSync(join(dir, 'plans'));
        writeFileSync(join(dir, 'plans', 'a.md'), '- [ ] A-1 Alpha task\n');
        writeFileSync(join(dir, 'plans', 'b.md'), '- [ ] B-1 Beta task\n');
      },
      '.',
      ['-f', 'plans', 'watch'],
      async (dir, watch) => {
        expect(watch.output()).toContain('B-1\ttask\tpending\tBeta task');
        expect(plan(['-f', 'plans', 'set', 'B-1', 'done'], { cwd: dir }).code).toBe(0);
        await until(watch, () => watch.output().includes('B-1\ttask\tdone\tBeta task'), 'a snapshot after plan set on the second file');
        mkdirSync(join(dir, 'plans', 'sub'));
        writeFileSync(join(dir, 'plans', 'sub', 'c.md'), '- [ ] C-1 Gamma task\n');
        await until(watch, () => watch.output().includes('C-1\ttask\tpending\tGamma task\t'), 'a snapshot with the file added');
        expect(watch.output()).toContain('plans/sub/c.md\n');
        const before = snapshots(watch);
        unlinkSync(join(dir, 'plans', 'a.md'));
        await until(watch, () => snapshots(watch) > before, 'a snapshot after a file was removed');
        expect(watch.output().split('id\tkind\tstatus').at(-1)).not.toContain('Alpha task');
        watch.child.kill('SIGINT');
      },
    ),
  );
});
