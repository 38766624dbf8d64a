// Every real planning file of the corpus parses without an error, in-process
// (test/helpers/cli.ts) and each file read once: the per-file checks and the
// count of files with tasks look at the same `list --json`.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, type RunResult } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];

describe(`the real planning files in ${CORPUS}`, () => {
  if (files.length === 0) {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
    return;
  }
  const listed = new Map<string, RunResult>();
  beforeAll(async () => {
    for (const f of files) listed.set(f, await cli(['-f', join(CORPUS, f), 'list', '--json']));
  }, 600_000);

  it.each(files)('%s: list --json exits 0 with tasks and no error', (f) => {
    const r = listed.get(f)!;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unexpected error/);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(3);
    expect(Array.isArray(out.tasks)).toBe(true);
    for (const t of out.tasks) expect(typeof t.line).toBe('number');
  });

  it('finds tasks in nearly every file', () => {
    const empty = files.filter((f) => JSON.parse(listed.get(f)!.stdout).tasks.length === 0);
    expect(empty.length, empty.join(', ')).toBeLessThanOrEqual(2);
  });
});
