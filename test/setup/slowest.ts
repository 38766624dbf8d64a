// A reporter that prints the ten slowest test files at the end of a run (time
// in tests and hooks, plus importing the file), so a slow test is seen when it lands,
// and how many tests ran and how many expect() calls they made (test/setup/assertions.ts).
import type { Reporter, TestModule } from 'vitest/node';

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules
      .map((m) => {
        const d = m.diagnostic();
        return { file: m.relativeModuleId, project: m.project.name, ms: d.duration + d.collectDuration };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    if (!rows.length) return;
    let tests = 0;
    let assertions = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        tests++;
        assertions += (t.meta() as { assertions?: number }).assertions ?? 0;
      }
    }
    const lines = rows.map((r) => `${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.file}${r.project ? `  [${r.project}]` : ''}`);
    process.stdout.write(`\nSlowest test files:\n${lines.join('\n')}\n${tests} tests, ${assertions} assertions\n`);
  }
}
