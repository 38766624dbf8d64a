// V8's code cache of the main bundle and of the lazy bundles (src/cli/boot.ts): made once per build in
// plan's cache folder like the other cache files, and never able to change what
// plan does, whatever is found in its place.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, ROOT, SEED, tempDir } from '../helpers/run.js';
import { COLLECT_CHARS } from '../../src/system/heap.js';

const BUILD = readFileSync(join(ROOT, 'dist', 'BUILD_ID'), 'utf8').trim();
const dirs: { cleanup: () => void }[] = [];
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

function fresh(): { env: Record<string, string>; file: string } {
  const t = tempDir();
  dirs.push(t);
  // The main bundle's code data of `list` (each command has its own).
  return { env: { XDG_CACHE_HOME: t.dir }, file: join(t.dir, 'plan', 'code', 'cli.list.bin') };
}

// A command of the main bundle and one that loads lazy bundles (the Markdown parser, the summary).
const COMMANDS = [
  ['-f', SEED, 'list', '--week', '1'],
  ['-f', SEED, 'summary', '--json'],
];
const expected = COMMANDS.map((args) => plan(args, { env: { PLAN_NO_CACHE: '1' } }));

function sameAsWithoutCache(env: Record<string, string>): void {
  COMMANDS.forEach((args, k) => {
    const r = plan(args, { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected[k]!.stdout);
  });
}

/** The head of a code cache file: the build it was made by. */
function headOf(file: string): string {
  return readFileSync(file)
    .subarray(0, BUILD.length + 1)
    .toString('latin1');
}

/** A plan past HEAVY_BYTES of text: its run changes a V8 flag, and V8 stamps its code data with its flags. */
function bigPlan(count = 1500): string {
  const t = tempDir();
  dirs.push(t);
  const rows = Array.from({ length: count }, (_, i) => `| ${i + 1} | Task number ${i + 1} with some words | ⏳ Pending |`);
  const big = join(t.dir, 'big.md');
  writeFileSync(big, `# Plan\n\n| # | Task | Status |\n|---|---|---|\n${rows.join('\n')}\n`);
  expect(statSync(big).size).toBeGreaterThan(64 * 1024);
  return big;
}

describe('the code cache of the main bundle', () => {
  it('is made by the first run, private, headed by the build, and used as it is by the next', () => {
    const { env, file } = fresh();
    expect(expected.every((r) => r.code === 0 && r.stdout.length > 0)).toBe(true);
    sameAsWithoutCache(env);
    const st = statSync(file);
    expect(st.mode & 0o777).toBe(0o600);
    expect(headOf(file)).toBe(`${BUILD}\n`);
    sameAsWithoutCache(env);
    // Accepted: not made again (a new file is renamed over the old one when it is).
    expect(statSync(file).ino).toBe(st.ino);
  });

  it('is kept a command: a set after a list makes its own, and each is then used as it is', () => {
    const { env, file } = fresh();
    const t = tempDir();
    dirs.push(t);
    const copy = join(t.dir, 'plan.md');
    writeFileSync(copy, readFileSync(SEED));
    const list = () => expect(plan(['-f', copy, 'list', '--week', '1'], { env }).code).toBe(0);
    const set = (status: string) => {
      const r = plan(['-f', copy, 'set', '1.3', status, '--no-touch'], { env });
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('1.3');
    };
    list();
    const listed = statSync(file).ino;
    const ofSet = join(file, '..', 'cli.set.bin');
    expect(existsSync(ofSet)).toBe(false);
    set('done');
    const made = statSync(ofSet).ino;
    expect(headOf(ofSet)).toBe(`${BUILD}\n`);
    set('pending');
    list();
    expect([statSync(file).ino, statSync(ofSet).ino]).toEqual([listed, made]);
    expect(readFileSync(copy)).toEqual(readFileSync(SEED));
  });

  it('made by a heavy run (its young generation kept small, system/heap.ts), is used as it is by a light one', () => {
    const { env, file } = fresh();
    const big = bigPlan();
    const heavy = plan(['-f', big, 'list', '--json'], { env });
    expect(heavy.code).toBe(0);
    const made = statSync(file).ino;
    sameAsWithoutCache(env);
    expect(statSync(file).ino).toBe(made);
  });

  it('each lazy bundle has its own, made once and used as it is, also by a heavy run that loads the bundle after it changed a V8 flag', () => {
    const { env, file } = fresh();
    const big = bigPlan();
    const parser = join(file, '..', 'read-build.bin');
    const cold = () => {
      // The model cache removed: the file is parsed again, and the parser's bundles loaded.
      rmSync(join(file, '..', '..', 'plans'), { recursive: true, force: true });
      const r = plan(['-f', big, 'list', '--json'], { env });
      expect([r.code, r.stderr]).toEqual([0, '']);
      return r.stdout;
    };
    const first = cold();
    const made = statSync(parser).ino;
    expect(headOf(parser)).toBe(`${BUILD}\n`);
    expect(cold()).toBe(first);
    expect(statSync(parser).ino).toBe(made);
    sameAsWithoutCache(env);
    expect(statSync(parser).ino).toBe(made);
  });

  it('is used as it is after a parse big enough for a full collection (gc() taken under --expose-gc, the flag put back)', () => {
    const { env, file } = fresh();
    const big = bigPlan(10_000);
    expect(readFileSync(big, 'utf8').length).toBeGreaterThan(COLLECT_CHARS);
    const dir = join(file, '..');
    const cold = () => {
      rmSync(join(dir, '..', 'plans'), { recursive: true, force: true });
      // A filter that keeps the output small: the whole file is parsed all the same.
      const r = plan(['-f', big, 'list', '--json', '--status', 'done'], { env });
      expect([r.code, r.stderr]).toEqual([0, '']);
      return r.stdout;
    };
    const inodes = () => readdirSync(dir).map((f) => [f, statSync(join(dir, f)).ino]);
    const first = cold();
    const made = inodes();
    expect(made.map(([f]) => f)).toContain('read-build.bin');
    expect(cold()).toBe(first);
    expect(inodes()).toEqual(made);
  });

  it('is replaced when it is damaged or another build’s, and the command does what it does without it', () => {
    for (const bytes of [Buffer.from(`${BUILD}\n${'x'.repeat(5000)}`), Buffer.from(`0000000000000000\n${'y'.repeat(100)}`), Buffer.alloc(0)]) {
      const { env, file } = fresh();
      mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
      writeFileSync(file, bytes, { mode: 0o600 });
      const before = statSync(file).ino;
      sameAsWithoutCache(env);
      expect(statSync(file).ino).not.toBe(before);
      expect(readFileSync(file).length).toBeGreaterThan(1000);
    }
  });

  it('never follows a link planted at its name, and is not made with PLAN_NO_CACHE', () => {
    const { env, file } = fresh();
    const target = join(file, '..', '..', 'elsewhere.bin');
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(target, 'keep me');
    symlinkSync(target, file);
    sameAsWithoutCache(env);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    const none = fresh();
    sameAsWithoutCache({ ...none.env, PLAN_NO_CACHE: '1' });
    expect(existsSync(join(none.file, '..'))).toBe(false);
  });
});
