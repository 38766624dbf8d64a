// Fuzzing every read command through the built binary (every lazy bundle) on
// the first two random files of the sample test/cli/fuzz-read.test.ts runs in
// process (twenty, through runCli, and a hundred more through the commands):
// no crash, no hang (a timeout), no write, and no raw control character on
// stdout or stderr.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, CACHE, tempDir } from '../helpers/run.js';
import { BIN_COMMANDS, RAW, sampleFiles, snapshot } from '../helpers/fuzz-markdown.js';

const t = tempDir();
afterAll(() => t.cleanup());

describe('every read command on random files', () => {
  it('never crashes, hangs or writes through the built binary, and prints no raw control character', () => {
    for (const { i, dir, file, before } of sampleFiles(t.dir, 'bin', 2)) {
      for (const args of BIN_COMMANDS) {
        const r = spawnSync(process.execPath, [BIN, '-f', file, ...args], {
          env: { PATH: process.env.PATH, NO_COLOR: '1', XDG_CACHE_HOME: CACHE },
          encoding: 'utf8',
          timeout: 60_000, // a hang, not a speed limit: the slowest of these takes about a second
        });
        const what = `sample ${i}: plan ${args.join(' ')}`;
        expect(r.error, what).toBeUndefined();
        expect([0, 1], `${what}: ${r.stderr}`).toContain(r.status);
        expect(r.stderr, what).not.toMatch(/unexpected error|RangeError|Maximum call stack/);
        expect(r.stderr, what).not.toMatch(RAW);
        expect(r.stdout, what).not.toMatch(RAW);
      }
      expect(snapshot(dir, file)).toEqual(before);
    }
  }, 600_000);
});
