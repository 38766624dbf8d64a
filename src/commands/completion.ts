// plan completion bash|zsh|fish: a completion script built from the command
// table itself (so every registered command and flag is in it), which asks
// `plan __complete-ids` for the task ids of the plan file the command line
// points at, each time the user presses Tab.

import { Help, type Command, type Option } from 'commander';
import type { Context } from './context.js';
import { locatePlan } from '../locate.js';
import { loadPlan } from '../load.js';
import { UsageError } from '../errors.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a flag value or argument completes to. */
type ValueKind =
  | { type: 'none' }
  | { type: 'file' }
  | { type: 'id' }
  | { type: 'status'; list: boolean }
  | { type: 'command' }
  | { type: 'choice'; values: string[] };

interface FlagSpec {
  names: string[];
  description: string;
  value: ValueKind | null;
}

interface CommandSpec {
  names: string[];
  description: string;
  flags: FlagSpec[];
  args: ValueKind[];
  variadic: boolean;
}

export interface CompletionSpec {
  global: FlagSpec[];
  commands: CommandSpec[];
}

/** Statuses a task can be set to; the filter (`--status`) also takes `none` and `open`. */
const SET_STATUSES = ['done', 'in-progress', 'pending', 'blocked', 'cancelled'];
const FILTER_STATUSES = [...SET_STATUSES, 'none', 'open'];

function flagValue(o: Option): ValueKind | null {
  if (!o.required && !o.optional) return null;
  if (o.argChoices?.length) return { type: 'choice', values: o.argChoices };
  const name = o.attributeName().toLowerCase();
  if (name === 'file' || name.endsWith('path') || name.endsWith('file')) return { type: 'file' };
  if (name === 'status' || name === 'statuses') return { type: 'status', list: true };
  if (name === 'id') return { type: 'id' };
  return { type: 'none' };
}

function argValue(name: string, choices: string[] | undefined): ValueKind {
  if (choices?.length) return { type: 'choice', values: choices };
  const n = name.toLowerCase();
  if (/(^|-)ids?$/.test(n) || n === 'task' || n === 'tasks') return { type: 'id' };
  if (/status/.test(n)) return { type: 'status', list: false };
  if (/(^|-)(file|path)s?$/.test(n)) return { type: 'file' };
  if (n === 'command') return { type: 'command' };
  return { type: 'none' };
}

function flagSpec(o: Option): FlagSpec {
  return {
    names: [o.short, o.long].filter((x): x is string => !!x),
    description: o.description,
    value: flagValue(o),
  };
}

/** The completion data of a commander program: its visible commands, flags and arguments. */
export function completionSpec(program: Command): CompletionSpec {
  const help = new Help();
  return {
    global: help.visibleOptions(program).map(flagSpec),
    commands: help.visibleCommands(program).map((cmd) => {
      const args = help.visibleArguments(cmd).length ? help.visibleArguments(cmd) : cmd.registeredArguments;
      return {
        names: [cmd.name(), ...cmd.aliases()],
        description: cmd.description(),
        flags: help.visibleOptions(cmd).map(flagSpec),
        args: args.map((a) => argValue(a.name(), a.argChoices)),
        variadic: args.length > 0 && args[args.length - 1]!.variadic,
      };
    }),
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

function bash(spec: CompletionSpec): string {
  const flagCases = [...spec.global, ...spec.commands.flatMap((c) => c.flags)]
    .filter((f) => f.value)
    .reduce((m, f) => {
      const key = f.names.join('|');
      if (!m.has(key)) m.set(key, bashValueCase(f.value!));
      return m;
    }, new Map<string, string>());
  const commandCases = spec.commands.map((c) => {
    const kinds = c.args.map(kindToken);
    if (c.variadic && kinds.length) kinds[kinds.length - 1] += '...';
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

_plan_ids() {
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
  case "$kind" in
    id) ${bashValueCase({ type: 'id' })} ;;
    status) ${bashValueCase({ type: 'status', list: false })} ;;
    statuses) ${bashValueCase({ type: 'status', list: true })} ;;
    file) ${bashValueCase({ type: 'file' })} ;;
    command) ${bashValueCase({ type: 'command' })} ;;
    choice:*) local choices="\${kind#choice:}"; COMPREPLY=( $(compgen -W "\${choices//|/ }" -- "$cur") ) ;;
    *) COMPREPLY=() ;;
  esac
  return 0
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

function zsh(spec: CompletionSpec): string {
  const flagCases = new Map<string, string>();
  for (const f of [...spec.global, ...spec.commands.flatMap((c) => c.flags)]) {
    if (f.value && !flagCases.has(f.names.join('|'))) flagCases.set(f.names.join('|'), zshValue(f.value));
  }
  const cmdCases = spec.commands.map((c) => {
    const flags = c.flags.flatMap((f) => zshDescribed(f.names, f.description));
    const args = c.args.map((a, i) => `        ${i}) ${zshValue(a)} ;;`);
    if (c.variadic && c.args.length) args.push(`        *) ${zshValue(c.args[c.args.length - 1]!)} ;;`);
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

_plan_ids() {
  local prog="$1" file="$2" line
  local -a ids lines
  file="\${~file}"
  if [[ -n $file ]]; then lines=( \${(f)"$("$prog" -f "$file" __complete-ids 2>/dev/null)"} )
  else lines=( \${(f)"$("$prog" __complete-ids 2>/dev/null)"} ); fi
  for line in $lines; do ids+=( "\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}" ); done
  _describe -t ids 'task id' ids
}

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
      const pos = c.variadic && i === c.args.length - 1 ? `${i}+` : String(i);
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

# Prints the command word and how many arguments follow it: "show 0".
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

function __plan_commands
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

export function completionScript(program: Command, shell: string): string {
  const spec = completionSpec(program);
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

export async function completion(ctx: Context, program: Command, shell: string): Promise<number> {
  ctx.out(completionScript(program, shell));
  return 0;
}

/** `id<TAB>title` per distinct id, for completion scripts; silent when there is no plan. */
export async function completeIds(ctx: Context): Promise<number> {
  try {
    const { plan } = await loadPlan(locatePlan(ctx.opts.file));
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
