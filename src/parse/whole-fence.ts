// A plan written as one fenced block of Markdown (```` ```md ```` on the first
// line, ```` ``` ```` on the last, nothing outside): coding agents are asked to
// write their plans so (an ExecPlan in a chat message is one `md` fence) and
// often save them with the fence still around. A fence elsewhere is an example,
// and stays one; a fence that is the whole file is the file's own Markdown.

/** An opening fence naming Markdown as its language. */
const OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*(?:md|markdown)[ \t]*\r?$/i;
/** A closing fence: the same character, no info string. */
const CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;

/** The first line of `text` with something on it: where it starts and ends (before its line break); null if all blank. */
function firstFilledLine(text: string): { start: number; end: number } | null {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (text.slice(start, end).trim()) return { start, end };
    start = end + 1;
  }
  return null;
}

/** The last line of `text` with something on it. */
function lastFilledLine(text: string): { start: number; end: number } | null {
  let end = text.length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (text.slice(start, end).trim()) return { start, end };
    end = start - 1;
  }
  return null;
}

/**
 * `text` (its front matter already masked by spaces) with the fence lines around the whole of it replaced
 * by spaces, so every offset and line number stays the file's own; the text itself when it is not one fence.
 */
export function unwrapWholeFence(text: string): string {
  const first = firstFilledLine(text);
  if (!first || first.end - first.start > 40) return text;
  const open = OPEN.exec(text.slice(first.start, first.end));
  if (!open) return text;
  const last = lastFilledLine(text);
  if (!last || last.start <= first.start) return text;
  const close = CLOSE.exec(text.slice(last.start, last.end));
  if (!close || close[1]![0] !== open[1]![0] || close[1]!.length < open[1]!.length) return text;
  if (!pairedFences(text.slice(first.end, last.start))) return text;
  const blank = (s: string) => s.replace(/[^\r]/g, ' ');
  return (
    text.slice(0, first.start) +
    blank(text.slice(first.start, first.end)) +
    text.slice(first.end, last.start) +
    blank(text.slice(last.start, last.end)) +
    text.slice(last.end)
  );
}

/**
 * A plan's lines, which a code block does not hold: a section heading (`##`; one `#` is as often a shell comment), a
 * checklist item, a table's delimiter row.
 */
const PLAN_LINE = /^ {0,3}#{2,6}[ \t]|^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]|^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/u;

/** A fence line: its run of backticks or tildes, and what follows it. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(?![`~])(.*)$/;

/**
 * Whether the fences between the first and last lines pair up as code blocks of their own (`` ```sh `` … `` ``` ``).
 * A block left open means the first fence closed earlier: the file opens with an example and ends with another
 * (`` ``` `` then `` ```markdown ``), and is no single fence; so does a block opened by a bare fence that holds
 * a heading or a task (the example's closing fence, read as an opening one, and the plan after it).
 */
function pairedFences(inner: string): boolean {
  if (!inner.includes('```') && !inner.includes('~~~')) return true;
  let open: string | null = null;
  let bare = false;
  for (const line of inner.split('\n')) {
    const fence = FENCE.exec(line.replace(/\r$/, ''));
    // A block opened by a bare fence that holds a heading or a task is no code: that fence closed the first one.
    if (!fence) {
      if (open !== null && bare && PLAN_LINE.test(line)) return false;
      continue;
    }
    const [, run, info] = fence as unknown as [string, string, string];
    if (open === null) {
      open = run;
      bare = info.trim() === '';
    }
    // Inside a block, only a bare fence of its character, as long or longer, closes it; any other is its text.
    else if (info.trim() === '' && run[0] === open[0] && run.length >= open.length) open = null;
  }
  return open === null;
}
