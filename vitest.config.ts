// Three tiers, as projects: `unit` (functions, no process), `cli` (commands run
// in-process through main() with a runtime of the test's own: test/helpers/cli.ts)
// and `bin` (the built bin/plan.js in real processes: every lazy bundle, signals,
// locks, crashes, pipes, terminals, git's merge driver, MCP over stdio). `npm test`
// builds once before vitest starts. test/setup/isolate.ts points HOME, the XDG
// folders, git's global config and TMPDIR into a folder of the run's own.
import { defineConfig, type Plugin } from 'vitest/config';
import LongFirstSequencer from './test/setup/sequencer.js';
import { BIN_TIER, CLI_TIER, OWN_MODULES } from './test/setup/tiers.js';

/** Files the code imports as text, as the build's text loader gives them (scripts/build.mjs). */
const TEXT_FILE = /\.(md|bash|zsh|fish)$/;
const textFiles: Plugin = {
  name: 'text-files',
  enforce: 'pre',
  transform: (code, id) => (TEXT_FILE.test(id) ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined),
};

export default defineConfig({
  plugins: [textFiles],
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/setup/isolate.ts'],
    setupFiles: ['test/setup/assertions.ts', 'test/setup/table-width.ts', 'test/setup/heap.ts'],
    // This machine (and CI's) has 2 cores: one worker each. The bin tier's
    // workers mostly wait on their child processes, which use the cores.
    maxWorkers: Number(process.env.PLAN_TEST_WORKERS) || 2,
    reporters: ['default', './test/setup/slowest.ts'],
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      // The in-process tiers share each worker's module graph between files
      // (isolate: false): loading src/ and vitest's transforms anew for every
      // file was half the CPU of these tiers. Their tests set no global state they
      // do not put back (environment variables, spies) and key what src/ caches
      // (folder verdicts, vocabularies, locks held) by paths of their own folders;
      // the few that cannot share run in the project after.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...BIN_TIER, ...CLI_TIER, ...OWN_MODULES], isolate: false } },
      { extends: true, test: { name: 'unit-own', include: OWN_MODULES } },
      { extends: true, test: { name: 'cli', include: CLI_TIER, isolate: false } },
      { extends: true, test: { name: 'bin', include: BIN_TIER } },
    ],
  },
});
