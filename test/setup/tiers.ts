// Which test files run in which vitest project (vitest.config.ts), and the
// files test/code/tiers.test.ts holds to the rule of the shared module graph.

/** Real processes of the built bin/plan.js: every lazy bundle, signals, locks, crashes, pipes, terminals, git, MCP over stdio. */
export const BIN_TIER = ['test/e2e/**/*.test.ts', 'test/mcp/**/*.test.ts'];

/** Commands run in-process through main() with a runtime of the test's own (test/helpers/cli.ts). */
export const CLI_TIER = ['test/cli/**/*.test.ts'];

/**
 * Unit tests that need a module graph of their own, where the others share
 * their worker's: a global set before src/ is first imported (it would stay
 * for the files after it), a module mocked or the registry reset.
 */
export const OWN_MODULES = ['test/cache/writers-property.test.ts', 'test/history/incremental.test.ts'];

/**
 * Files that take the longest (the corpus sweeps, the merge corpus, the
 * fuzzing, git's histories, the cache's lies, the MCP server, the docs'
 * examples), by path prefix: they start first in their project
 * (test/setup/sequencer.ts), so that the two workers end together. Vitest orders by the durations of the last run when it has
 * them, else by file size, which would start these small files last.
 */
export const LONG_FIRST = [
  'test/write/corpus-sweep',
  'test/parse/linear-time',
  'test/parse/differential',
  'test/cache/update',
  'test/merge/no-loss',
  'test/cli/fuzz-read',
  'test/cache/build-key',
  'test/write/write-property',
  'test/e2e/git-merge-corpus',
  'test/e2e/git-history.test',
  'test/e2e/write-identity',
  'test/mcp/server',
  'test/e2e/readme',
];
