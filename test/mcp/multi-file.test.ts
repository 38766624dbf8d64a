// The MCP server on a plan of several files, one of which cannot be read: the
// read tools answer from the rest and say which file was left out; the write
// tools refuse (which file an id names cannot be known without it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { connect, textOf, type Session } from './client.js';

const A = '- [ ] 1.2 Task in a\n';
const B = '\u0000binary\n';

describe('MCP on a plan with a file that cannot be read', () => {
  const t = tempDir();
  let s: Session;
  beforeAll(async () => {
    mkdirSync(join(t.dir, 'plans/sub'), { recursive: true });
    writeFileSync(join(t.dir, 'plans/a.md'), A);
    writeFileSync(join(t.dir, 'plans/sub/b.md'), B);
    s = await connect('plans', { cwd: t.dir });
  });
  afterAll(async () => {
    await s.close();
    t.cleanup();
  });

  it('list_tasks answers from the files it could read and names the one it could not', async () => {
    const r = await s.call('list_tasks');
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as { tasks: { id: string }[] }).tasks.map((x) => x.id)).toEqual(['1.2']);
    expect((r.structuredContent as { unreadable: string[] }).unreadable).toEqual([expect.stringMatching(/^plans\/sub\/b\.md: /)]);
    expect(r.content.at(-1)).toEqual({ type: 'text', text: expect.stringMatching(/^not read: plans\/sub\/b\.md: /) });
  });

  it('set_status is refused and writes nothing', async () => {
    const r = await s.call('set_status', { id: '1.2', status: 'done' });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^plans\/sub\/b\.md: cannot be read, and a write needs every file of the plan/);
    expect(readFileSync(join(t.dir, 'plans/a.md'), 'utf8')).toBe(A);
  });
});
