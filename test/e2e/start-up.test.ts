// What a run loads before it does its work: Node's built-in modules that a
// command does not use cost start-up time at every run, so they load when a
// command needs them (scripts/build.mjs, src/system/child-process.cjs); the
// lazy bundles load through the code cache, not Node's ES-module loader
// (src/cli/boot.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, SEED, tempDir } from '../helpers/run.js';
import { HAS_SCRIPT, planOnPty } from '../helpers/pty.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const hook = join(tmp.dir, 'loaded.cjs');
const out = join(tmp.dir, 'loaded.json');
writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`);

/** The built-in modules a run of plan loaded (`NativeModule x` entries), with its result. */
function loaded(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; modules: string[] } {
  const r = plan(args, { env: { ...env, XDG_CACHE_HOME: join(tmp.dir, 'cache'), NODE_OPTIONS: `--require ${hook}` } });
  expect(r.stderr).toBe('');
  const list = JSON.parse(readFileSync(out, 'utf8')) as string[];
  return { code: r.code, stdout: r.stdout, modules: list.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)) };
}

describe('start-up', () => {
  it('a list loads no child_process (nor the dgram module it pulls in; net comes with a piped stdout)', () => {
    loaded(['-f', SEED, 'list', '--week', '1']); // fills the caches
    const r = loaded(['-f', SEED, 'list', '--week', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1.1');
    expect(r.modules.filter((m) => ['child_process', 'dgram'].includes(m))).toEqual([]);
  });

  it('a plan read anew (its parser in lazy bundles) starts no ES-module loader', () => {
    const r = loaded(['-f', SEED, 'summary'], { PLAN_NO_CACHE: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d/);
    expect(r.modules.filter((m) => /^internal\/modules\/esm\/(module_job|translators)$/.test(m))).toEqual([]);
  });

  it.skipIf(!HAS_SCRIPT)('the pager, which needs child_process, starts from the built bundle', () => {
    // Taller than the pseudo-terminal's 500 rows.
    const file = join(tmp.dir, 'tall.md');
    writeFileSync(file, `# Plan\n\n${Array.from({ length: 600 }, (_, i) => `- [ ] Task ${i + 1}`).join('\n')}\n`);
    const paged = join(tmp.dir, 'paged.txt');
    const r = planOnPty(['-f', file, 'list'], { columns: 80, env: { PLAN_PAGER: `cat > '${paged}'` } });
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(readFileSync(paged, 'utf8')).toContain('Task 600');
  });
});
