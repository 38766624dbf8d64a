// A plan found by discovery in a repository is the repository's: a committed
// link from it to a file outside the repository is refused, with the reason.
// A path the user gives (-f, $PLAN_FILE) is followed wherever it leads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locatePlan } from '../../src/load/locate.js';

let dir: string;
let repo: string;
let secret: string;

beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'plan-link-')));
  repo = join(dir, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'docs'));
  secret = join(dir, 'secret.md');
  writeFileSync(secret, "- [ ] not the repository's\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a plan that is a symbolic link', () => {
  it('found by discovery, to a file outside the repository: refused with the reason', () => {
    symlinkSync(secret, join(repo, 'PLAN.md'));
    expect(() => locatePlan(undefined, join(repo, 'docs'), {})).toThrow(
      `${join(repo, 'PLAN.md')}: a symbolic link to ${secret}, outside the repository ${repo}; plan does not follow a repository's link out of it (pass -f ${join(repo, 'PLAN.md')} to read it anyway)`,
    );
  });

  it('a relative link climbing out of the repository is refused too', () => {
    symlinkSync('../secret.md', join(repo, 'TODO.md'));
    expect(() => locatePlan(undefined, repo, {})).toThrow(/outside the repository/);
  });

  it('given by the user (-f or $PLAN_FILE): followed', () => {
    symlinkSync(secret, join(repo, 'PLAN.md'));
    expect(locatePlan('PLAN.md', repo, {})).toBe(join(repo, 'PLAN.md'));
    expect(locatePlan(undefined, repo, { PLAN_FILE: 'PLAN.md' })).toBe(join(repo, 'PLAN.md'));
  });

  it('to a file inside the repository, or outside any repository: followed', () => {
    writeFileSync(join(repo, 'docs', 'plan.md'), '- [ ] a\n');
    symlinkSync('docs/plan.md', join(repo, 'PLAN.md'));
    expect(locatePlan(undefined, repo, {})).toBe(join(repo, 'PLAN.md'));
    const loose = join(dir, 'loose');
    mkdirSync(loose);
    symlinkSync(secret, join(loose, 'PLAN.md'));
    expect(locatePlan(undefined, loose, {})).toBe(join(loose, 'PLAN.md'));
  });
});
