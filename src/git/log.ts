// The commits that changed one file, with the file's blob before and after
// each, from one `git log --follow --raw` (renames of the file included).

import { PlanError } from '../system/errors.js';
import { firstLine, git } from './exec.js';
import type { RepoFile } from './repo.js';

export interface FileCommit {
  hash: string;
  author: string;
  /** Author and committer dates, ISO 8601 with the author's offset. */
  authorDate: string;
  commitDate: string;
  /** The file's blob in each parent (null where it did not exist). */
  before: (string | null)[];
  /** The file's blob after the commit (null when the commit deleted it). */
  after: string | null;
  /** The file's path in this commit. */
  path: string;
}

export interface HistoryOptions {
  /** Only the first-parent line (the branch as it advanced), merges diffed against their first parent. */
  firstParent?: boolean;
  /** git's --since value. */
  since?: string;
}

const NO_BLOB = /^0+$/;
const FORMAT = '%H%x00%an%x00%aI%x00%cI%x00';

/** Newest first, as git log lists them. */
export function fileHistory(repo: RepoFile, display: string, opts: HistoryOptions = {}): FileCommit[] {
  const args = ['log', '--follow', '--no-color', '--no-ext-diff', '--no-textconv', '--no-show-signature', '--raw', '--no-abbrev', '-z', `--format=${FORMAT}`];
  // A merge is listed when it changed the file against every parent (a
  // conflict resolved by hand), with a combined record; its branches' own
  // commits carry their changes. Along the first parent, a merge is one step.
  args.push(...(opts.firstParent ? ['--first-parent', '-m'] : ['-c']));
  if (opts.since !== undefined) args.push(`--since=${opts.since}`);
  args.push('--', repo.path);
  const r = git(args, repo.root);
  if (r.status !== 0) {
    const why = firstLine(r.stderr);
    // A repository with no commit yet has no history.
    if (/does not have any commits|bad default revision|unknown revision/.test(why)) return [];
    throw new PlanError(`${display}: git log failed (${why || `exit ${r.status}`})`);
  }
  return parseLog(r.stdout.toString('utf8'));
}

/**
 * Parses the `-z --raw` output of FORMAT, as a stream of NUL-separated tokens
 * read by position: NUL is the one byte no author name, date or path can hold,
 * so nothing in them can start a commit of its own.
 */
export function parseLog(out: string): FileCommit[] {
  const tokens = out.split('\0');
  const commits: FileCommit[] = [];
  let i = 0;
  const skipEmpty = () => {
    while (i < tokens.length && tokens[i]!.replace(/^\n+/, '') === '') i++;
  };
  for (skipEmpty(); i < tokens.length; skipEmpty()) {
    const hash = tokens[i]!.replace(/^\n+/, '');
    if (!HASH.test(hash) || i + 3 >= tokens.length) break;
    const [author, authorDate, commitDate] = [tokens[i + 1]!, tokens[i + 2]!, tokens[i + 3]!];
    i += 4;
    skipEmpty();
    let raw: Pick<FileCommit, 'before' | 'after' | 'path'> | null = null;
    // Every raw record of the commit (the first is the file's), each with its path or two.
    while (i < tokens.length && tokens[i]!.replace(/^\n+/, '').startsWith(':')) {
      const record = rawRecord(tokens[i]!.replace(/^\n+/, ''));
      const paths = record?.renamed ? 2 : 1;
      if (record && !raw) raw = { before: record.before, after: record.after, path: tokens[i + paths] ?? '' };
      i += 1 + paths;
    }
    if (raw) commits.push({ hash, author, authorDate, commitDate, ...raw });
  }
  return commits;
}

const HASH = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/**
 * One raw record: `:mode… blob… status`. A combined record (a merge) starts
 * with one colon per parent.
 */
function rawRecord(t: string): { before: (string | null)[]; after: string | null; renamed: boolean } | null {
  const colons = /^:+/.exec(t)![0].length;
  const words = t.slice(colons).split(' ');
  // modes: colons + 1, blobs: colons + 1, then the status letters.
  const blobs = words.slice(colons + 1, 2 * colons + 2);
  const status = words[2 * colons + 2] ?? '';
  if (blobs.length !== colons + 1) return null;
  const blob = (b: string) => (NO_BLOB.test(b) ? null : b);
  return { before: blobs.slice(0, colons).map(blob), after: blob(blobs[colons]!), renamed: colons === 1 && /^[RC]/.test(status) };
}
