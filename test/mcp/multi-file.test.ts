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

describe('MCP check on a plan of several files', () => {
  const t = tempDir();
  let s: Session;
  beforeAll(async () => {
    mkdirSync(join(t.dir, 'plans'), { recursive: true });
    writeFileSync(join(t.dir, 'plans/a.md'), '- [ ] A-1 Wire it (after 1.5)\n- [ ] A-2 Next (after B-1)\n');
    writeFileSync(join(t.dir, 'plans/b.md'), '- [ ] 1.5 Five\n- [ ] B-1 One\n');
    writeFileSync(join(t.dir, 'plans/c.md'), '- [ ] 1.5 Also five\n');
    writeFileSync(join(t.dir, 'plans/d.md'), B);
    s = await connect('plans', { cwd: t.dir });
  });
  afterAll(async () => {
    await s.close();
    t.cleanup();
  });

  it('names each problem with its file, checks dependencies across the files, and says which file it could not read', async () => {
    const r = await s.call('check');
    expect(r.isError).toBeFalsy();
    const json = r.structuredContent as { file: string; problems: { file: string; line: number; code: string }[]; errors: number; unreadable: string[] };
    expect(json.file).toBe('plans/');
    expect(json.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual(['plans/a.md:1 dependency-ambiguous']);
    expect(json.errors).toBe(1);
    expect(json.unreadable).toEqual([expect.stringMatching(/^plans\/d\.md: /)]);
    expect(textOf(r).split('\n')[0]).toMatch(/^plans\/a\.md:1:\d+ error task A-1 depends on "1\.5", which 2 tasks of the plan have/);
  });
});

describe('MCP resources of a plan of several files', () => {
  const t = tempDir();
  let s: Session;
  const files = { 'plans/a.md': '- [ ] A-1 Alpha\n', 'plans/sub/b.md': '# B\n\n- [x] B-1 Beta\n', 'plans/notes.md': '# Notes, no tasks\n' };
  beforeAll(async () => {
    mkdirSync(join(t.dir, 'plans/sub'), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(t.dir, file), text);
    writeFileSync(join(t.dir, 'secret.md'), '- [ ] S-1 not the plan\n');
    s = await connect('plans', { cwd: t.dir });
  });
  afterAll(async () => {
    await s.close();
    t.cleanup();
  });

  const uriOf = (file: string) => `plan://file/${encodeURIComponent(file)}`;
  const content = (file: keyof typeof files) => ({ uri: uriOf(file), mimeType: 'text/markdown', text: files[file] });

  it('plan://file gives every file that holds tasks, each named by a resource of its own', async () => {
    const { resources } = await s.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['plan://file', uriOf('plans/a.md'), uriOf('plans/sub/b.md'), 'plan://task/A-1', 'plan://task/B-1']);
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.map((x) => x.uriTemplate)).toEqual(['plan://file/{path}', 'plan://task/{id}']);
    const all = await s.client.readResource({ uri: 'plan://file' });
    expect(all.contents).toEqual([content('plans/a.md'), content('plans/sub/b.md')]);
    const one = await s.client.readResource({ uri: uriOf('plans/sub/b.md') });
    expect(one.contents).toEqual([content('plans/sub/b.md')]);
  });

  it('plan://file/{path} reads no file that is not one of the plan', async () => {
    for (const file of ['plans/notes.md', 'secret.md', '../secret.md', 'plans/../secret.md']) {
      await expect(s.client.readResource({ uri: uriOf(file) }), file).rejects.toThrow(/not a file of the plan/);
    }
  });
});
