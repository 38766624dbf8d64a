// plan completion bash|zsh|fish: a completion script built from the table
// of commands itself (src/command-table.ts: every command, flag and filter is
// in it), which asks `plan __complete-ids` for the task ids of the plan file
// the command line points at, each time the user presses Tab.

import type { Context } from './context.js';
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
      return 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )';
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

/** bash: the helpers that ask plan for ids and complete one word of a list (no part of them comes from the table). */
const BASH_HELPERS = `_plan_ids() {
  local prog="$1" file="$2"
  [[ $file == "~/"* ]] && file="$HOME/\${file#"~/"}"
  if [[ -n $file ]]; then
    "$prog" -f "$file" __complete-ids 2>/dev/null | cut -f1
  else
    "$prog" __complete-ids 2>/dev/null | cut -f1
  fi
}

# Completes one word of a comma-separated list (done,pe<Tab>).
_plan_list() {
  local cur="$1" words="$2" head=""
  if [[ $cur == *,* ]]; then head="\${cur%,*},"; cur="\${cur##*,}"; fi
  COMPREPLY=( $(compgen -P "$head" -W "$words" -- "$cur") )
}
`;

/** bash: what an argument of each kind (`$kind`, from the command's case) completes to. */
function bashKindCases(): string {
  return `  case "$kind" in
    id) ${bashValueCase({ type: 'id' })} ;;
    status) ${bashValueCase({ type: 'status', list: false })} ;;
    statuses) ${bashValueCase({ type: 'status', list: true })} ;;
    file) ${bashValueCase({ type: 'file' })} ;;
    command) ${bashValueCase({ type: 'command' })} ;;
    choice:*) local choices="\${kind#choice:}"; COMPREPLY=( $(compgen -W "\${choices//|/ }" -- "$cur") ) ;;
    *) COMPREPLY=() ;;
  esac
`;
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
  const flagCases = bashFlagCases(spec);
  const commandCases = spec.commands.map((c) => {
    const kinds = c.args.map(kindToken);
    const flags = c.flags.flatMap((f) => f.names).join(' ');
    return `    ${c.names.join('|')}) flags="${flags}"; kinds="${kinds.join(' ')}" ;;`;
  });
  return `# bash completion for plan (generated by \`plan completion bash\`).
# Load it now:   source <(plan completion bash)
# Or for good:   plan completion bash > ~/.local/share/bash-completion/completions/plan
# Task ids come from the plan file on the command line (-f), asked for at each Tab.

_plan_commands="${spec.commands.flatMap((c) => c.names).join(' ')}"
_plan_global_flags="${spec.global.flatMap((f) => f.names).join(' ')}"
_plan_valued=" ${valued(spec).join(' ')} "

${BASH_HELPERS}
_plan() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev=""
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local prog="\${COMP_WORDS[0]}" cmd="" file="" npos=0 i w opt=""
  for (( i = 1; i < COMP_CWORD; i++ )); do
    w="\${COMP_WORDS[i]}"
    if [[ $_plan_valued == *" $w "* ]]; then
      # --file=x may arrive as three words: --file = x
      [[ \${COMP_WORDS[i+1]} == = ]] && (( i++ ))
      (( i + 1 < COMP_CWORD )) && [[ $w == -f || $w == --file ]] && file="\${COMP_WORDS[i+1]}"
      (( i++ ))
      continue
    fi
    case "$w" in
      --file=*) file="\${w#--file=}"; continue ;;
      -*) continue ;;
    esac
    if [[ -z $cmd ]]; then cmd="$w"; else (( npos++ )); fi
  done

  if [[ $cur == = ]]; then opt="$prev"; cur=""
  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then opt="\${COMP_WORDS[COMP_CWORD-2]}"
  elif [[ $cur == --*=* ]]; then opt="\${cur%%=*}"; cur="\${cur#*=}"
  elif [[ $_plan_valued == *" $prev "* ]]; then opt="$prev"
  fi
  if [[ -n $opt && $_plan_valued == *" $opt "* ]]; then
    case "$opt" in
${[...flagCases].map(([names, body]) => `      ${names}) ${body} ;;`).join('\n')}
      *) COMPREPLY=() ;;
    esac
    return 0
  fi

  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then COMPREPLY=( $(compgen -W "$_plan_global_flags" -- "$cur") )
    else COMPREPLY=( $(compgen -W "$_plan_commands" -- "$cur") ); fi
    return 0
  fi

  local flags="" kinds=""
  case "$cmd" in
${commandCases.join('\n')}
    *) return 0 ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=( $(compgen -W "$flags $_plan_global_flags" -- "$cur") )
    return 0
  fi
  local -a ks=( $kinds )
  local kind=""
  if (( npos < \${#ks[@]} )); then kind="\${ks[npos]}"
  elif (( \${#ks[@]} > 0 )) && [[ \${ks[\${#ks[@]}-1]} == *... ]]; then kind="\${ks[\${#ks[@]}-1]}"
  fi
  kind="\${kind%...}"
${bashKindCases()}  return 0
}

complete -F _plan plan
`;
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

/** zsh: the helper that asks plan for the ids of the plan file on the command line. */
const ZSH_IDS = `_plan_ids() {
  local prog="$1" file="$2" line
  local -a ids lines
  file="\${~file}"
  if [[ -n $file ]]; then lines=( \${(f)"$("$prog" -f "$file" __complete-ids 2>/dev/null)"} )
  else lines=( \${(f)"$("$prog" __complete-ids 2>/dev/null)"} ); fi
  for line in $lines; do ids+=( "\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}" ); done
  _describe -t ids 'task id' ids
}
`;

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
  return `#compdef plan
# zsh completion for plan (generated by \`plan completion zsh\`).
# Load it now:   source <(plan completion zsh)
# Or for good:   plan completion zsh > "\${fpath[1]}/_plan"   (then restart zsh)
# Task ids come from the plan file on the command line (-f), asked for at each Tab.

${ZSH_IDS}
_plan() {
  local -a _plan_cmds _plan_global flags
  _plan_cmds=( ${spec.commands.flatMap((c) => zshDescribed(c.names, c.description)).join(' ')} )
  _plan_global=( ${spec.global.flatMap((f) => zshDescribed(f.names, f.description)).join(' ')} )
  local -a valued=( ${valued(spec).join(' ')} )
  local prog="\${words[1]}" cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  local cmd="" file="" opt="" w
  integer npos=0 i
  for (( i = 2; i < CURRENT; i++ )); do
    w="\${words[i]}"
    if (( \${valued[(Ie)$w]} )); then
      (( i + 1 < CURRENT )) && [[ $w == -f || $w == --file ]] && file="\${words[i+1]}"
      (( i++ ))
      continue
    fi
    case "$w" in
      --file=*) file="\${w#--file=}"; continue ;;
      -*) continue ;;
    esac
    if [[ -z $cmd ]]; then cmd="$w"; else (( npos++ )); fi
  done

  if [[ $cur == --*=* ]]; then opt="\${cur%%=*}"; compset -P '*='
  elif (( \${valued[(Ie)$prev]} )); then opt="$prev"
  fi
  if [[ -n $opt ]]; then
    case "$opt" in
${[...flagCases].map(([names, body]) => `      ${names}) ${body} ;;`).join('\n')}
      *) return 1 ;;
    esac
    return
  fi

  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then _describe -t options 'option' _plan_global
    else _describe -t commands 'plan command' _plan_cmds; fi
    return
  fi
  case "$cmd" in
${cmdCases.join('\n')}
    *) return 1 ;;
  esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _plan "$@"
else
  compdef _plan plan
fi
`;
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

/** fish: the functions that tell where on the command line Tab was pressed, and ask plan for ids. */
const FISH_FUNCTIONS = `# Prints the command word and how many arguments follow it: "show 0".
function __plan_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ''
    set -l npos 0
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        if contains -- $t $__plan_valued
            set skip 1
            continue
        end
        if string match -q -- '-*' $t
            continue
        end
        if test -z "$cmd"
            set cmd $t
        else
            set npos (math $npos + 1)
        end
    end
    echo $cmd $npos
end

function __plan_at_command
    set -l state (string split ' ' (__plan_state))
    test -z "$state[1]"
end

function __plan_in_command
    set -l state (string split ' ' (__plan_state))
    contains -- "$state[1]" $argv
end

# __plan_at_arg N cmd...: completing argument N (0-based; N+ for N or later) of cmd.
function __plan_at_arg
    set -l want $argv[1]
    set -e argv[1]
    set -l state (string split ' ' (__plan_state))
    contains -- "$state[1]" $argv; or return 1
    if string match -q -- '*+' $want
        test $state[2] -ge (string trim -c + -- $want)
    else
        test $state[2] -eq $want
    end
end

function __plan_file
    set -l tokens (commandline -opc)
    set -l n (count $tokens)
    for i in (seq $n)
        switch $tokens[$i]
            case -f --file
                if test $i -lt $n
                    string replace -r '^~' $HOME -- $tokens[(math $i + 1)]
                    return
                end
            case '--file=*'
                string replace -- '--file=' '' $tokens[$i] | string replace -r '^~' $HOME
                return
        end
    end
end

function __plan_ids
    set -l prog (commandline -opc)[1]
    set -l file (__plan_file)
    if test -n "$file"
        $prog -f $file __complete-ids 2>/dev/null
    else
        $prog __complete-ids 2>/dev/null
    end
end

`;

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
  return `# fish completion for plan (generated by \`plan completion fish\`).
# Load it now:   plan completion fish | source
# Or for good:   plan completion fish > ~/.config/fish/completions/plan.fish
# Task ids come from the plan file on the command line (-f), asked for at each Tab.

set -g __plan_valued ${valued(spec).join(' ')}

${FISH_FUNCTIONS}function __plan_commands
    printf '%s\\n' ${spec.commands
      .flatMap((c) => c.names)
      .map(fq)
      .join(' ')}
end

# Completes one word of a comma-separated list (done,pe<Tab>).
function __plan_list
    set -l token (commandline -ct)
    set -l head (string match -r -- '^(?:--[^=]*=)?(.*,)?' $token)[2]
    for w in $argv
        echo $head$w
    end
end

${lines.join('\n')}
`;
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
