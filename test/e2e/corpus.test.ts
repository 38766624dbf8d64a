// Every real planning file of the corpus parses without an error.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/run.js';
import { runCli as cli } from '../helpers/cli.js';

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')) : [];

describe(`the real planning files in ${CORPUS}`, () => {
  if (files.length === 0) {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
    return;
  }
  it.each(files)('%s: list --json exits 0 with tasks and no error', async (f) => {
    const r = await cli(['-f', join(CORPUS, f), 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unexpected error/);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(3);
    expect(Array.isArray(out.tasks)).toBe(true);
    for (const t of out.tasks) expect(typeof t.line).toBe('number');
  });

  it('finds tasks in nearly every file', async () => {
    const empty: string[] = [];
    for (const f of files) if (JSON.parse((await cli(['-f', join(CORPUS, f), 'list', '--json'])).stdout).tasks.length === 0) empty.push(f);
    expect(empty.length, empty.join(', ')).toBeLessThanOrEqual(2);
  });
});
