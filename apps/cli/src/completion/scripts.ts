/**
 * Completion scripts for bash and zsh, generated from the command tree so they always match the
 * commands and flags this build has. Both find the command path typed so far (the words that name
 * commands, flags skipped), then offer its flags after a `-`, else its subcommands, else files.
 */
import { type CompletionNode, shellQuote } from './tree.js';

function pathPattern(nodes: readonly CompletionNode[]): string {
  return nodes
    .filter((node) => node.path !== '')
    .map((node) => shellQuote(node.path))
    .join('|');
}

export function bashCompletion(program: string, nodes: readonly CompletionNode[]): string {
  const cases = nodes
    .map(
      (node) =>
        `    ${shellQuote(node.path)}) commands=${shellQuote(node.subcommands.join(' '))}; options=${shellQuote(node.options.join(' '))} ;;`,
    )
    .join('\n');
  return `# ${program} completion for bash. Load it with: source <(${program} completion bash)
_${program}_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmdpath="" word i commands="" options=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    case "\${cmdpath:+$cmdpath }$word" in
      ${pathPattern(nodes)}) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done
  case "$cmdpath" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
  elif [[ -n "$commands" ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
  else
    COMPREPLY=()
  fi
}
complete -o default -F _${program}_completion ${program}
`;
}

export function zshCompletion(program: string, nodes: readonly CompletionNode[]): string {
  const cases = nodes
    .map(
      (node) =>
        `    ${shellQuote(node.path)}) commands=(${node.subcommands.map(shellQuote).join(' ')}); options=(${node.options.map(shellQuote).join(' ')}) ;;`,
    )
    .join('\n');
  return `#compdef ${program}
# ${program} completion for zsh. Load it with: source <(${program} completion zsh) after compinit,
# or save it as _${program} in a directory of $fpath.
_${program}() {
  local cmdpath="" word i
  local -a commands options
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ "$word" == -* ]] && continue
    case "\${cmdpath:+$cmdpath }$word" in
      ${pathPattern(nodes)}) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done
  case "$cmdpath" in
${cases}
  esac
  if [[ "\${words[CURRENT]}" == -* ]]; then
    compadd -- "\${options[@]}"
  elif (( \${#commands} )); then
    compadd -- "\${commands[@]}"
  else
    _files
  fi
}
if (( $+functions[compdef] )); then
  compdef _${program} ${program}
fi
`;
}
