// An error of plan's own (a PlanError or a subclass) ends a command with its one-line message and exit code, even
// when it was made by another bundle's copy of the class (the lazy bundles each carry one), so `instanceof` fails.
import { describe, expect, it } from 'vitest';
import { asPlanError, PlanError } from '../../src/system/errors.js';

describe('asPlanError', () => {
  it('knows PlanError, UsageError and StaleModelError by name from another bundle, and nothing else', () => {
    for (const name of ['PlanError', 'UsageError', 'StaleModelError']) {
      const foreign = Object.assign(new Error('plan.md:3: the file does not hold task 2 where plan puts it'), { name, exitCode: 1 });
      expect(asPlanError(foreign)).toBe(foreign);
    }
    expect(asPlanError(Object.assign(new Error('boom'), { name: 'TypeError', exitCode: 1 }))).toBeNull();
    expect(asPlanError(Object.assign(new Error('no code'), { name: 'PlanError' }))).toBeNull();
    const own = new PlanError('x');
    expect(asPlanError(own)).toBe(own);
  });
});
