// Fuzzing every read command (list, show, next, summary, board, check, the
// completion ids) in process with random bytes and random Markdown shapes
// (test/helpers/fuzz-markdown.ts): whatever the file, no crash (only the
// one-line PlanError a user is meant to see), no write (the file and its folder
// are left byte for byte as they were), and no raw control character in what a
// pipe gets. fast-check shrinks a failure to its smallest file.
// test/e2e/fuzz-read.test.ts runs a sample through the built binary, where a hang is a timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, tempDir } from '../helpers/run.js';
import { BIN_COMMANDS, document, RAW, sampleFiles, snapshot } from '../helpers/fuzz-markdown.js';
import { runCli } from '../helpers/cli.js';
import type { Context } from '../../src/commands/context.js';
import type { OutputMode } from '../../src/render/mode.js';
import { asPlanError } from '../../src/system/errors.js';
import { list } from '../../src/commands/list.js';
import { show } from '../../src/commands/show.js';
import { next } from '../../src/commands/next.js';
import { summary } from '../../src/commands/summary.js';
import { board } from '../../src/commands/board.js';
import { check } from '../../src/commands/check.js';
import { completeIds } from '../../src/commands/completion.js';

// --- Running the read commands ----------------------------------------------

type Command = (ctx: Context) => Promise<number>;

const COMMANDS: [string, Command][] = [
  ['list', (c) => list(c, {})],
  ['list --status open --grep a', (c) => list(c, { status: 'open', grep: 'a' })],
  ['show 1', (c) => show(c, '1', {})],
  ['show L3', (c) => show(c, 'L3', {})],
  ['next', (c) => next(c, undefined, {})],
  ['next --owner Any', (c) => next(c, 'Any', {})],
  ['summary', (c) => summary(c, {})],
  ['board', (c) => board(c, {})],
  ['check', (c) => check(c)],
  ['__complete-ids', (c) => completeIds(c)],
];
const MODES: OutputMode[] = ['table', 'plain', 'json'];

/** Every read command in every output mode, in process; a thrown error other than a PlanError is a crash. */
async function readEverything(file: string, width: number): Promise<void> {
  for (const [name, command] of COMMANDS) {
    for (const mode of MODES) {
      const ctx: Context = { opts: { file }, mode, width, out: () => undefined, err: () => undefined };
      try {
        const code = await command(ctx);
        expect([0, 1], `${name} (${mode})`).toContain(code);
      } catch (e) {
        if (!asPlanError(e)) throw new Error(`plan ${name} (${mode}) crashed: ${(e as Error)?.stack ?? String(e)}`);
      }
    }
  }
}

const t = tempDir();
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const k of ['XDG_CACHE_HOME', 'PLAN_CACHE_DIR', 'PLAN_NO_CACHE', 'PLAN_PARSER', 'NO_COLOR']) saved[k] = process.env[k];
  process.env.XDG_CACHE_HOME = CACHE;
  delete process.env.PLAN_CACHE_DIR;
  delete process.env.PLAN_NO_CACHE;
  process.env.NO_COLOR = '1';
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  t.cleanup();
});

describe('every read command on random files', () => {
  it('never crashes and never writes (in process, both parsers, every output mode and widths from 1)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(document, fc.integer({ min: 1, max: 200 }), fc.boolean(), async (bytes, width, remark) => {
        const dir = join(t.dir, `in-${n++}`);
        mkdirSync(dir);
        const file = join(dir, 'plan.md');
        writeFileSync(file, bytes);
        const before = snapshot(dir, file);
        if (remark) process.env.PLAN_PARSER = 'remark';
        else delete process.env.PLAN_PARSER;
        // Twice: the second run reads the model the first one cached.
        await readEverything(file, width);
        await readEverything(file, width);
        expect(snapshot(dir, file)).toEqual(before);
      }),
      { numRuns: 100, endOnFailure: true },
    );
  }, 600_000);

  it("prints no raw control character through the CLI (runCli: its choke points), on the binary's sample and more", async () => {
    // test/e2e/fuzz-read.test.ts runs the first of these through the built binary.
    for (const { i, dir, file, before } of sampleFiles(t.dir, 'cli', 20)) {
      for (const args of BIN_COMMANDS) {
        const r = await runCli(['-f', file, ...args], { env: { XDG_CACHE_HOME: CACHE } });
        const what = `sample ${i}: plan ${args.join(' ')}`;
        expect([0, 1], `${what}: ${r.stderr}`).toContain(r.code);
        // Neither a crash nor a warning passes on the engine's own words (YAML nested too deeply once did).
        expect(r.stderr, what).not.toMatch(/unexpected error|RangeError|Maximum call stack/);
        expect(r.stderr, what).not.toMatch(RAW);
        expect(r.stdout, what).not.toMatch(RAW);
      }
      expect(snapshot(dir, file)).toEqual(before);
    }
  }, 600_000);
});
