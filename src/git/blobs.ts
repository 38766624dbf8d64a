// Reading many blobs with one `git cat-file --batch` process: the names go in
// on stdin, `<oid> blob <size>\n<bytes>\n` records come back in order. Blobs
// are handed out one at a time as they arrive, and git waits while the
// caller works on one, so a long history never sits in memory at once.

import { spawn } from 'node:child_process';
import { PlanError } from '../system/errors.js';
import { runtime } from '../system/runtime.js';

export async function* readBlobs(root: string, oids: string[], display: string): AsyncGenerator<[string, Buffer]> {
  if (oids.length === 0) return;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: root, env: { ...runtime().env, LC_ALL: 'C' }, windowsHide: true });
  let spawnError: NodeJS.ErrnoException | null = null;
  child.on('error', (e: NodeJS.ErrnoException) => (spawnError = e));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  // git closing its input early is reported by its exit status, not here.
  child.stdin.on('error', () => undefined);
  child.stdin.end(`${oids.join('\n')}\n`);
  const reader = new BatchReader(oids);
  try {
    for await (const chunk of child.stdout) {
      for (const blob of reader.push(chunk as Buffer)) yield blob;
    }
  } finally {
    if (!reader.done()) child.kill();
  }
  const code = await closed;
  const failed = spawnError as NodeJS.ErrnoException | null;
  if (failed) {
    throw new PlanError(
      failed.code === 'ENOENT'
        ? 'git is not installed (or not on PATH); install git to use this command'
        : `could not run git cat-file (${failed.code ?? failed.message})`,
    );
  }
  if (code !== 0 || !reader.done()) {
    throw new PlanError(`${display}: git cat-file failed (${stderr.trim().split('\n')[0] || `exit ${code}`}); is the repository intact?`);
  }
}

/** Incremental parser of cat-file --batch output. */
class BatchReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes the record being read needs before it can be cut out (0: unknown yet). */
  private need = 0;
  private next = 0;

  constructor(private readonly oids: string[]) {}

  done(): boolean {
    return this.next === this.oids.length;
  }

  *push(chunk: Buffer): Generator<[string, Buffer]> {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > 0 && this.size >= this.need) {
      // Join the chunks only once a whole record is there.
      const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
      this.chunks = [buf];
      const nl = buf.indexOf(10);
      if (nl < 0) {
        this.need = this.size + 1;
        return;
      }
      const header = buf.subarray(0, nl).toString('latin1');
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m) throw new PlanError(`git cat-file: object ${this.oids[this.next] ?? '?'} is ${header.split(' ').pop()}`);
      const end = nl + 1 + Number(m[3]);
      if (buf.length < end + 1) {
        this.need = end + 1;
        return;
      }
      const blob = Buffer.from(buf.subarray(nl + 1, end));
      const rest = buf.subarray(end + 1);
      this.chunks = rest.length ? [rest] : [];
      this.size = rest.length;
      this.need = 0;
      yield [this.oids[this.next++]!, blob];
    }
  }
}
