// Big generated plans for tests, in the layout of the benchmark's generator
// (../shared/bench/gen-plan.mjs): sprints of 5 weeks, 100 tasks a week, ids
// `<week>.<n>` repeating across sprints. Kept here so the tests need nothing
// outside the project.

const STATUSES = ['✅ Complete', '✅ Complete', '🔄 In Progress', '⏳ Pending', '⏳ Pending', '❌ Blocked'];
const OWNERS = ['Any', 'Any Agent', 'Opus', 'Architect', 'Ana', 'Bo'];
const WORDS = ['metrics', 'parser', 'dashboard', 'cache', 'index', 'schema', 'agent', 'queue', 'report', 'audit'];

export function genPlan(total: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const rand = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const md = [
    '---',
    'block:',
    '  label: big_plan',
    `  description: Generated plan with ${total} tasks`,
    '  read_only: false',
    'modified: 2026-01-01',
    '---',
    '',
    '# Big Plan',
    '',
  ];
  let made = 0;
  for (let sprint = 1; made < total; sprint++) {
    md.push(`## Sprint ${sprint} - Theme ${sprint}`, '');
    for (let week = 1; week <= 5 && made < total; week++) {
      md.push(`### Week ${week}: Focus ${sprint}.${week}`, '', '| # | Task | Owner | Status | Notes |', '|---|------|-------|--------|-------|');
      for (let n = 1; n <= 100 && made < total; n++, made++) {
        md.push(`| ${week}.${n} | ${pick(WORDS)} ${pick(WORDS)} task ${sprint}-${week}-${n} | ${pick(OWNERS)} | ${pick(STATUSES)} | note \`${pick(WORDS)}\` |`);
      }
      md.push('');
    }
  }
  md.push('---', '**Last Updated**: 2026-01-01', '');
  return md.join('\n');
}
