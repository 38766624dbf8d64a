// Every environment variable plan reads is in one table (src/system/env.ts) and read in
// one place: no other file of src/ reads a variable by name, and the table and
// the docs' table (docs/configuration.md) list the same variables.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS } from '../../src/system/env.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
/** src/system/env.ts reads the table's variables; src/system/runtime.ts hands the process's environment to it. */
const READERS = new Set(['src/system/env.ts', 'src/system/runtime.ts']);
/** `env.NAME`, `env['NAME']`, `process.env`. */
const READ = /\benv\.[A-Z_][A-Z0-9_]*\b|\benv\[\s*['"`]|\bprocess\.env\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('environment variables', () => {
  it('are read by name only in src/system/env.ts', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const rel = relative(ROOT, file);
      if (READERS.has(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (READ.test(line) && !/^\s*(?:\/\/|\*|\/\*)/.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, 'read it with envText/envFlag/envNumber from src/system/env.ts (and add it to ENV_VARS)').toEqual([]);
  });

  it('are the ones docs/configuration.md lists', () => {
    const doc = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
    expect([...documented].sort()).toEqual(ENV_VARS.map((v) => v.name).sort());
  });
});
