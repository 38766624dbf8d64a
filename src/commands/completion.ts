// plan completion bash|zsh|fish: a completion script built from the table
// of commands itself (src/cli/command-table.ts: every command, flag and filter is
// in it), which asks `plan __complete-ids` for the task ids of the plan file
// the command line points at, each time the user presses Tab.
//
// Each script is a file of its own (completion.bash, .zsh, .fish: bundled as
// text, and linted as shell where a linter is installed) with the parts that come
// from the table left as `{{name}}`: in a word, or a whole line `# {{name}}`
// (so the template stays a valid script), filled in here.

import type { Context } from './context.js';
import BASH from './completion.bash';
import ZSH from './completion.zsh';
import FISH from './completion.fish';
import { loadPlanFiles } from '../load/plan-set.js';
import { UsageError } from '../system/errors.js';
import { STATUSES } from '../model/status.js';
import { FILTER_STATUSES } from '../interface/filter-table.js';
import {
  GLOBAL_OPTIONS,
  HELP_OPTION,
  VERSION_OPTION,
  flagNames,
  optionsOf,
  type ArgSpec,
  type CommandSpec,
  type OptionSpec,
} from '../interface/command-spec.js';

/** What a flag value or argument completes to. */
type ValueKind =
  | { type: 'none' }
  | { type: 'file' }
  | { type: 'id' }
  | { type: 'status'; list: boolean }
  | { type: 'command' }
  | { type: 'choice'; values: readonly string[] };

interface FlagSpec {
  names: string[];
  description: string;
  value: ValueKind | null;
}

interface CommandCompletion {
  names: string[];
  description: string;
  flags: FlagSpec[];
  args: ValueKind[];
}

export interface CompletionSpec {
  global: FlagSpec[];
  commands: CommandCompletion[];
}

/** Statuses a task can be set to; the filter (`--status`) also takes `none` and `open`. */
const SET_STATUSES = STATUSES.filter((s) => s !== 'none');

function valueKind(v: Pick<ArgSpec, 'choices' | 'completes'>): ValueKind {
  if (v.choices?.length) return { type: 'choice', values: v.choices };
  switch (v.completes) {
    case 'statuses':
      return { type: 'status', list: true };
    case 'status':
      return { type: 'status', list: false };
    case undefined:
      return { type: 'none' };
    default:
      return { type: v.completes };
  }
}

function flagSpec(o: OptionSpec): FlagSpec {
  const { names, valued } = flagNames(o);
  return { names, description: o.description, value: valued ? valueKind(o) : null };
}

/** The completion data of the commands: the listed ones, their flags and arguments. */
export function completionSpec(commands: readonly CommandSpec[]): CompletionSpec {
  return {
    global: [VERSION_OPTION, ...GLOBAL_OPTIONS, HELP_OPTION].map(flagSpec),
    commands: commands
      .filter((c) => !c.hidden)
      .map((c) => ({
        names: [c.name, ...(c.aliases ?? [])],
        description: c.description,
        flags: [...optionsOf(c), HELP_OPTION].map(flagSpec),
        args: (c.args ?? []).map(valueKind),
      })),
  };
}

// ---- bash -----------------------------------------------------------------

function valued(spec: CompletionSpec): string[] {
  const all = [...spec.global, ...spec.commands.flatMap((c) => c.flags)].filter((f) => f.value);
  return [...new Set(all.flatMap((f) => f.names))];
}

function bashValueCase(kind: ValueKind): string {
  switch (kind.type) {
    case 'file':
      // One candidate per line: a file name may hold spaces.
      return 'compopt -o filenames 2>/dev/null; local IFS=$\'\\n\'; COMPREPLY=( $(compgen -f -- "$cur") )';
    case 'id':
      return 'local IFS=$\'\\n\'; COMPREPLY=( $(compgen -W "$(_plan_ids "$prog" "$file")" -- "$cur") )';
    case 'status':
      return kind.list ? '_plan_list "$cur" "' + FILTER_STATUSES.join(' ') + '"' : 'COMPREPLY=( $(compgen -W "' + SET_STATUSES.join(' ') + '" -- "$cur") )';
    case 'command':
      return 'COMPREPLY=( $(compgen -W "$_plan_commands" -- "$cur") )';
    case 'choice':
      return `COMPREPLY=( $(compgen -W "${kind.values.join(' ')}" -- "$cur") )`;
    default:
      return 'COMPREPLY=()';
  }
}

function kindToken(kind: ValueKind): string {
  return kind.type === 'choice' ? `choice:${kind.values.join('|')}` : kind.type === 'status' ? (kind.list ? 'statuses' : 'status') : kind.type;
}

/** bash: what an argument of each kind (`$kind`, from the command's case) completes to; a choice is in the script. */
function bashKindCases(): string[] {
  const kinds: [string, ValueKind][] = [
    ['id', { type: 'id' }],
    ['status', { type: 'status', list: false }],
    ['statuses', { type: 'status', list: true }],
    ['file', { type: 'file' }],
    ['command', { type: 'command' }],
  ];
  return kinds.map(([name, kind]) => `    ${name}) ${bashValueCase(kind)} ;;`);
}

/** The template with each `{{name}}` (a word) and each line `# {{name}}` (lines, none when empty) filled in. */
function fill(template: string, parts: Record<string, string | string[]>): string {
  const part = (name: string): string | string[] => {
    const p = parts[name];
    if (p === undefined) throw new Error(`completion template: no part named ${name}`);
    return p;
  };
  // One pass, so no text filled in is read as a placeholder.
  return template.replace(/^[ \t]*# \{\{(\w+)\}\}\n|\{\{(\w+)\}\}/gm, (_m, line?: string, word?: string) =>
    line
      ? [part(line)]
          .flat()
          .map((l) => `${l}\n`)
          .join('')
      : [part(word!)].flat().join(' '),
  );
}

/** bash: the flags that take a value, each with what its value completes to. */
function bashFlagCases(spec: CompletionSpec): Map<string, string> {
  return [...spec.global, ...spec.commands.flatMap((c) => c.flags)]
    .filter((f) => f.value)
    .reduce((m, f) => {
      const key = f.names.join('|');
      if (!m.has(key)) m.set(key, bashValueCase(f.value!));
      return m;
    }, new Map<string, string>());
}

function bash(spec: CompletionSpec): string {
  const commandCases = spec.commands.map((c) => {
    const kinds = c.args.map(kindToken);
    const flags = c.flags.flatMap((f) => f.names).join(' ');
    return `    ${c.names.join('|')}) flags="${flags}"; kinds="${kinds.join(' ')}" ;;`;
  });
  return fill(BASH, {
    commands: spec.commands.flatMap((c) => c.names),
    global_flags: spec.global.flatMap((f) => f.names),
    valued: valued(spec),
    flag_cases: [...bashFlagCases(spec)].map(([names, body]) => `      ${names}) ${body} ;;`),
    command_cases: commandCases,
    kind_cases: bashKindCases(),
  });
}

// ---- zsh ------------------------------------------------------------------

/** A single-quoted shell word. */
function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function zshDescribed(names: string[], description: string): string[] {
  const d = description.replace(/\s+/g, ' ').trim();
  return names.map((n) => sq(`${n.replace(/:/g, '\\:')}:${d}`));
}

function zshValue(kind: ValueKind): string {
  switch (kind.type) {
    case 'file':
      return '_files';
    case 'id':
      return '_plan_ids "$prog" "$file"';
    case 'status':
      return kind.list ? `compset -P '*,'; compadd -S '' -- ${FILTER_STATUSES.join(' ')}` : `compadd -- ${SET_STATUSES.join(' ')}`;
    case 'command':
      return "_describe -t commands 'plan command' _plan_cmds";
    case 'choice':
      return `compadd -- ${kind.values.map(sq).join(' ')}`;
    default:
      return 'return 1';
  }
}

function zsh(spec: CompletionSpec): string {
  const flagCases = new Map<string, string>();
  for (const f of [...spec.global, ...spec.commands.flatMap((c) => c.flags)]) {
    if (f.value && !flagCases.has(f.names.join('|'))) flagCases.set(f.names.join('|'), zshValue(f.value));
  }
  const cmdCases = spec.commands.map((c) => {
    const flags = c.flags.flatMap((f) => zshDescribed(f.names, f.description));
    const args = c.args.map((a, i) => `        ${i}) ${zshValue(a)} ;;`);
    return `    ${c.names.map(sq).join('|')})
      flags=( ${flags.join(' ')} )
      if [[ $cur == -* ]]; then _describe -t options 'option' flags -- _plan_global; return; fi
      case $npos in
${args.join('\n')}
        *) return 1 ;;
      esac ;;`;
  });
  return fill(ZSH, {
    commands: spec.commands.flatMap((c) => zshDescribed(c.names, c.description)),
    global_flags: spec.global.flatMap((f) => zshDescribed(f.names, f.description)),
    valued: valued(spec),
    flag_cases: [...flagCases].map(([names, body]) => `      ${names}) ${body} ;;`),
    command_cases: cmdCases,
  });
}

// ---- fish -----------------------------------------------------------------

/** A single-quoted fish word. */
function fq(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function fishFlag(f: FlagSpec, condition: string | null): string {
  const parts = ['complete -c plan'];
  if (condition) parts.push(`-n ${fq(condition)}`);
  for (const n of f.names) parts.push(n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
  const v = f.value;
  if (v) {
    if (v.type === 'file') parts.push('-r -F');
    else {
      parts.push('-x');
      const args = fishArgs(v);
      if (args) parts.push(`-a ${args}`);
    }
  }
  if (f.description) parts.push(`-d ${fq(f.description.replace(/\s+/g, ' ').trim())}`);
  return parts.join(' ');
}

function fishArgs(kind: ValueKind): string | null {
  switch (kind.type) {
    case 'id':
      return fq('(__plan_ids)');
    case 'status':
      return kind.list ? fq('(__plan_list ' + FILTER_STATUSES.join(' ') + ')') : fq(SET_STATUSES.join(' '));
    case 'command':
      return fq('(__plan_commands)');
    case 'choice':
      return fq(kind.values.join(' '));
    default:
      return null;
  }
}

function fish(spec: CompletionSpec): string {
  const lines: string[] = [];
  for (const c of spec.commands) {
    for (const n of c.names) {
      lines.push(`complete -c plan -n '__plan_at_command' -f -a ${fq(n)} -d ${fq(c.description.replace(/\s+/g, ' ').trim())}`);
    }
  }
  for (const f of spec.global) lines.push(fishFlag(f, null));
  for (const c of spec.commands) {
    const names = c.names.join(' ');
    for (const f of c.flags) lines.push(fishFlag(f, `__plan_in_command ${names}`));
    c.args.forEach((a, i) => {
      const pos = String(i);
      const args = fishArgs(a);
      if (a.type === 'file') lines.push(`complete -c plan -n ${fq(`__plan_at_arg ${pos} ${names}`)} -F`);
      else if (args) lines.push(`complete -c plan -n ${fq(`__plan_at_arg ${pos} ${names}`)} -f -a ${args}`);
      else lines.push(`complete -c plan -n ${fq(`__plan_at_arg ${pos} ${names}`)} -f`);
    });
  }
  return fill(FISH, {
    valued: valued(spec),
    commands: spec.commands.flatMap((c) => c.names).map(fq),
    completions: lines,
  });
}

export function completionScript(commands: readonly CommandSpec[], shell: string): string {
  const spec = completionSpec(commands);
  switch (shell) {
    case 'bash':
      return bash(spec);
    case 'zsh':
      return zsh(spec);
    case 'fish':
      return fish(spec);
    default:
      throw new UsageError(`unknown shell "${shell}"; use bash, zsh or fish`);
  }
}

export async function completion(ctx: Context, commands: readonly CommandSpec[], shell: string): Promise<number> {
  ctx.out(completionScript(commands, shell));
  return 0;
}

/** `id<TAB>title` per distinct id, for completion scripts; silent when there is no plan. */
export async function completeIds(ctx: Context): Promise<number> {
  try {
    // A plan of several files completes to its ids as list shows them (`sprint2.md#1.3` where files share an id).
    const { plan } = (await loadPlanFiles(ctx.opts.file)).loaded;
    const seen = new Set<string>();
    let out = '';
    for (const t of plan.tasks) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out += `${t.id.replace(/[\t\r\n]+/g, ' ')}\t${t.title.replace(/[\t\r\n]+/g, ' ')}\n`;
    }
    ctx.out(out);
  } catch {
    // Completion must never print errors into the user's command line.
  }
  return 0;
}
