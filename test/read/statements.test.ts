// Id'd bullets that state something about the work (a requirement, a risk, an assumption, a file touched) under a
// heading that names only such statements are no tasks, though they have ids: plans written to a template number
// every line they hold. A box or a status on the line still makes one a task; an id's letters alone say nothing
// (`FR-1` may be a front-end task), and a heading that only mentions such a word (`## Upgrade the dependencies`) is a
// section of work.
import { describe, expect, it } from 'vitest';
import { statementHeading } from '../../src/read/statements.js';
import { planOf } from '../helpers/inproc.js';

const doc = (...lines: string[]) => [...lines, ''].join('\n');
const ids = async (text: string) => (await planOf(text)).tasks.map((t) => `${t.id} ${t.status}`);

describe('statements with ids', () => {
  it('are no tasks under a heading that names only statements', async () => {
    const text = doc(
      '## 1. Requirements & Constraints',
      '',
      '- **REQ-001**: Keep the journey login-free.',
      '- **CON-001**: Keep the locked stack.',
      '',
      '## 7. Risks & Assumptions',
      '',
      '- **RISK-001**: The console values may be wrong.',
      '- **A-2**: One owner is enough.',
      '',
      '## Dependencies',
      '',
      '- **DEP-001**: Vercel project access.',
      '',
      '## Work',
      '',
      '- **W-1**: Build the form',
    );
    expect(await ids(text)).toEqual(['W-1 none']);
  });

  it('are tasks where only the id’s letters would say what they are (`FR-1` may be a front-end task)', async () => {
    const text = doc('## Frontend', '', '- FR-1 Build the login page', '- FR-2 Build the dashboard ✅', '', '## Tasks', '', '- REQ-2: Logout');
    expect(await ids(text)).toEqual(['FR-1 none', 'FR-2 done', 'REQ-2 none']);
  });

  it('are tasks when the line has a box or a status', async () => {
    const text = doc('## Requirements', '', '- [x] REQ-001: Keep the journey login-free', '- REQ-002: Keep the stack ✅');
    expect(await ids(text)).toEqual(['REQ-001 done', 'REQ-002 done']);
  });

  it('are tasks under a heading that names work on such things', async () => {
    const text = doc('## Upgrade the dependencies', '', '- **DEP-1**: Bump React', '', '## Files to delete', '', '- **F-2**: old.ts');
    expect(await ids(text)).toEqual(['DEP-1 none', 'F-2 none']);
  });
});

describe('statementHeading', () => {
  it.each([
    ['1. Requirements & Constraints', true],
    ['Risks and Assumptions', true],
    ['8. Related Specifications / Further Reading', true],
    ['Riesgos y supuestos', true],
    ['Alternatives considered:', true],
    ['Upgrade the dependencies', false],
    ['Phase 1: Requirements gathering', false],
    ['', false],
  ])('%j → %s', (name, expected) => {
    expect(statementHeading(name)).toBe(expected);
  });
});
