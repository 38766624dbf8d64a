// src/cli/command-table.ts in process: importing it runs nothing (src/cli/main.ts is the entry
// point), and main() answers --version with package.json's version.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('src/cli/command-table.ts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('runs nothing on import, and main() prints the version from package.json', async () => {
    const written: string[] = [];
    const capture = (s: string | Uint8Array): boolean => {
      written.push(String(s));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    // The entry point hooks stdout's errors (EPIPE) synchronously as it starts.
    const listeners = process.stdout.listenerCount('error');
    const { main } = await import('../../src/cli/command-table.js');
    expect(process.stdout.listenerCount('error')).toBe(listeners);
    expect(await main(['node', 'plan', '--version'])).toBe(0);
    expect(written).toEqual([`${version}\n`]);
  });
});
