// The unit and cli tiers share each worker's module graph between test files
// (vitest.config.ts): a file that sets a global before importing src/, mocks a
// module or resets the registry would change the modules the files after it
// get. Such a file runs with a graph of its own (OWN_MODULES).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_MODULES } from '../setup/tiers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED_TIERS = /^test\/(?!e2e\/|mcp\/)/;
/** This file, whose examples below would match. */
const SELF = relative(ROOT, import.meta.filename);

/** Calls that change what the next import of a module gives, and globals src/ reads when it is loaded. */
const CHANGES_MODULES = /\bvi\.(?:hoisted|mock|doMock|unmock|doUnmock|resetModules|stubGlobal)\(|globalThis\b[^\n;]*\b__PLAN_\w+__\s*=(?!=)/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [relative(ROOT, join(dir, e.name))] : [],
  );
}

describe('the shared module graph of the in-process tiers', () => {
  it('holds no test file that changes which modules the files after it get', () => {
    const changing = testFiles(join(ROOT, 'test'))
      .filter((f) => f !== SELF && SHARED_TIERS.test(f) && CHANGES_MODULES.test(readFileSync(join(ROOT, f), 'utf8')))
      .sort();
    expect(changing).toEqual([...OWN_MODULES].sort());
  });

  it('finds the calls it looks for', () => {
    for (const text of ["vi.hoisted(() => {\n  (globalThis as Record<string, unknown>).__PLAN_BUILD__ = 'x';", "vi.doMock('../a.js')", 'vi.resetModules();'])
      expect(CHANGES_MODULES.test(text), text).toBe(true);
    for (const text of ['vi.spyOn(process.stdout, "write")', 'expect(globalThis.__PLAN_BUILD__ === undefined)'])
      expect(CHANGES_MODULES.test(text), text).toBe(false);
  });
});
