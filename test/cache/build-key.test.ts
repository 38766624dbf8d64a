// The cache is keyed on the build that made a model: a digest of the built
// bundles, so new sources or an upgraded dependency (remark-gfm, the YAML
// parser) never read a model an older build cached; and plan run from its
// sources, with no such digest, caches nothing.
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { ROOT, tempDir } from '../helpers/run.js';

/** A copy of the project that builds on its own, as the project builds, with its own copy of remark-gfm (the rest of node_modules linked). */
function buildableCopy(dir: string): void {
  for (const part of ['src', 'scripts', 'docs']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  // tsconfig.json too: esbuild reads it (its strictness puts "use strict" at the head of each bundle).
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(dir, file));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'remark-gfm') cpSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true });
    else symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/**
 * The id of the project's own build (dist/, which `npm test` makes before the tests run) when it is newer than
 * everything it is built from (the sources, the build script, the docs bundled as text, package.json and the
 * installed packages), else null: a build of the same inputs elsewhere must give that id.
 */
function currentBuildId(): string | null {
  const idFile = join(ROOT, 'dist', 'BUILD_ID');
  if (!existsSync(idFile)) return null;
  const built = statSync(idFile).mtimeMs;
  const inputs = ['src', 'scripts', 'docs'].flatMap((part) => readdirSync(join(ROOT, part), { recursive: true }).map((f) => join(ROOT, part, String(f))));
  for (const file of ['package.json', 'tsconfig.json', 'node_modules/.package-lock.json', 'node_modules/remark-gfm/lib/index.js'])
    inputs.push(join(ROOT, file));
  return inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= built) ? builtId(ROOT) : null;
}

function build(dir: string): string {
  execFileSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, stdio: 'pipe' });
  return builtId(dir);
}

/** The id the build in `dir` wrote: 16 hex digits, written into the bundle too. */
function builtId(dir: string): string {
  const id = readFileSync(join(dir, 'dist', 'BUILD_ID'), 'utf8').trim();
  expect(id).toMatch(/^[0-9a-f]{16}$/);
  expect(readFileSync(join(dir, 'dist', 'cli.cjs'), 'utf8')).toContain(id);
  return id;
}

describe('the build id the cache keys on', () => {
  it('is the same for the same bundles, and changes when a bundled dependency changes while the sources do not', () => {
    const t = tempDir();
    try {
      buildableCopy(t.dir);
      const first = build(t.dir);
      // The same inputs built again: the project's own build where it is current (in another folder, too), else a second build here.
      expect(currentBuildId() ?? build(t.dir)).toBe(first);
      // An "upgrade" of remark-gfm: same sources, different bundled code.
      appendFileSync(join(t.dir, 'node_modules', 'remark-gfm', 'lib', 'index.js'), '\nglobalThis.__planBuildKeyTest = 1;\n');
      expect(build(t.dir)).not.toBe(first);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('does not exist when plan runs from its sources: nothing is cached', async () => {
    const t = tempDir();
    const saved = process.env.PLAN_CACHE_DIR;
    process.env.PLAN_CACHE_DIR = join(t.dir, 'cache');
    try {
      const file = join(t.dir, 'plan.md');
      writeFileSync(file, '| # | Task | Status |\n|---|---|---|\n| 1 | A | ⏳ Pending |\n');
      expect((await loadPlan(file)).plan.tasks.map((x) => x.id)).toEqual(['1']);
      expect(readdirSync(t.dir)).toEqual(['plan.md']);
    } finally {
      if (saved === undefined) delete process.env.PLAN_CACHE_DIR;
      else process.env.PLAN_CACHE_DIR = saved;
      t.cleanup();
    }
  });
});
