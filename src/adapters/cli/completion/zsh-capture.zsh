# Completes a command line in a real interactive zsh (on a pseudo-terminal, as a user's TAB does) and prints
# what zsh offers, one a line. compadd is wrapped to print each match it adds; the completion widget ends
# the shell. Used by completion.test.ts. Usage: zsh -f zsh-capture.zsh MODE SCRIPT 'aksnet ch'
#   MODE fpath: SCRIPT's directory is put first in $fpath, as a user installs _aksnet;
#   MODE source: SCRIPT is sourced after compinit.
# ZDUMP: compinit's dump file, kept between runs (the first run writes it: seconds; later ones: a fraction).
zmodload zsh/zpty
zpty z zsh -f -i
local line
zpty -w z 'PROMPT=; autoload -U compinit'
local init="compinit -u -D"
[[ -n $ZDUMP ]] && init="compinit -u -C -d ${(q)ZDUMP}"
if [[ $1 == fpath ]]; then zpty -w z "fpath=(${(q)2:h} \$fpath); $init"
else zpty -w z "$init; source ${(q)2}"; fi
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  typeset -a __hits; builtin compadd -A __hits "$@"; local h; for h in $__hits; do print -r -- $'"'\\x01'"'$h$'"'\\x02'"'; done; }'
zpty -w z 'bindkey "^I" complete-word; __end() { print -r -- $'"'\\x03'"' }; comppostfuncs=(__end exit)'
zpty -w z "$3"$'\t'
while zpty -r z line; do
  [[ $line == *$'\x03'* ]] && break
  [[ $line == *$'\x01'*$'\x02'* ]] && { line=${line#*$'\x01'}; print -r -- ${line%%$'\x02'*}; }
done
zpty -d z
