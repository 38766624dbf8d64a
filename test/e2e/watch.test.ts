// plan watch on a pseudo-terminal (util-linux `script`) while other processes
// change the file: `plan set` (an atomic rename), `sed -i` (another rename)
// and a plain overwrite. Each change redraws exactly once; Ctrl-C ends it with
// exit 0 and the terminal restored. Piped, each change prints one snapshot.

import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, FIXTURES, plan } from '../helpers/run.js';
import { serverEnv } from '../mcp/client.js';
import { workspace } from './write-helpers.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const FRAME = '\u001b[H';

/** A running watch and what it printed so far. */
function start(args: string[], cwd: string, tty: boolean): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = tty
    ? spawn('script', ['-qfec', `stty rows 40 cols 120; exec ${command}`, '/dev/null'], { cwd, env: serverEnv() })
    : spawn(process.execPath, [BIN, ...args], { cwd, env: serverEnv() });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

/** Waits until `test` holds (the watch redraws within its debounce; the limit only ends a hung test). */
async function until(test: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const settle = () => new Promise((r) => setTimeout(r, 800));
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
      await until(() => frames() === 1 && watch.output().includes('Lint rules'), 'the first frame');
      expect(watch.output().startsWith('\u001b[?1049h\u001b[?25l')).toBe(true);

      expect(plan(['-f', w.name, 'set', 'FEAT-001.5', 'done'], { cwd: w.dir }).code).toBe(0);
      await until(() => frames() === 2, 'a frame after plan set');
      expect(watch.output().split(FRAME)[2]).toMatch(/FEAT-001\.5[^\n]*done/);

      expect(spawnSync('sed', ['-i', 's/Lint rules/Lint checks/', w.name], { cwd: w.dir }).status).toBe(0);
      await until(() => frames() === 3, 'a frame after sed -i');
      expect(watch.output().split(FRAME)[3]).toContain('Lint checks');

      writeFileSync(w.file, readFileSync(w.file, 'utf8').replace('Client', 'Mobile client'));
      await until(() => frames() === 4, 'a frame after an overwrite');
      expect(watch.output().split(FRAME)[4]).toContain('Mobile client');

      await settle();
      expect(frames()).toBe(4);
      watch.child.stdin!.write('\u0003');
      expect(await watch.exit).toBe(0);
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
      await until(() => count(watch.output(), FRAME) === 1 && watch.output().includes('pwned'), 'the first frame');
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
      const header = 'status\tid\ttitle\towner\n';
      await until(() => count(watch.output(), header) === 1, 'the first snapshot');
      expect(plan(['-f', w.name, 'set', 'FEAT-001.3', 'blocked'], { cwd: w.dir }).code).toBe(0);
      await until(() => count(watch.output(), header) === 2, 'a snapshot after plan set');
      await settle();
      expect(count(watch.output(), header)).toBe(2);
      expect(watch.output().split(header)[2]).toContain('blocked\tFEAT-001.3\tClient\t\n');
      watch.child.kill('SIGINT');
      expect(await watch.exit).toBe(0);
    } finally {
      watch.child.kill();
      w.cleanup();
    }
  });
});
