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
