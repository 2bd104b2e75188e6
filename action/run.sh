#!/usr/bin/env bash
# The aksnet action's entry (action.yml): installs aksnet (unless AKSNET names a command to run),
# checks each plan, merges the SARIF of every plan into one file, and exits with the worst exit code
# (2 unreadable input > 1 findings at the fail-on level > 0). Inputs come as INPUT_* variables;
# outputs go to $GITHUB_OUTPUT. Runs from the repository root (the job's working directory).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plans="${INPUT_PLANS:-aksnet.yaml}"
sarif="${INPUT_SARIF_FILE:-aksnet.sarif}"
out="${GITHUB_OUTPUT:-/dev/null}"

if [ -n "${AKSNET:-}" ]; then
  read -r -a aksnet <<<"$AKSNET"
else
  prefix="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/aksnet-action"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "aksnet@${INPUT_VERSION:-latest}" >&2 || {
    echo "::error::could not install aksnet@${INPUT_VERSION:-latest} from the npm registry" >&2
    exit 2
  }
  aksnet=("$prefix/node_modules/.bin/aksnet")
fi

opts=()
[ -n "${INPUT_FAIL_ON:-}" ] && opts+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_CONFIG:-}" ] && opts+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_BASELINE:-}" ] && opts+=(--baseline "$INPUT_BASELINE")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shopt -s globstar nullglob
worst=0
n=0
check() {
  n=$((n + 1))
  echo "::group::aksnet check $*"
  "${aksnet[@]}" check "${opts[@]}" "$@"
  local code=$?
  echo "::endgroup::"
  # SARIF for code scanning: the same check, at --fail-on never so the SARIF is always written.
  "${aksnet[@]}" check "${opts[@]}" --fail-on never -o sarif "$@" >"$work/$n.sarif" 2>/dev/null || rm -f "$work/$n.sarif"
  [ "$code" -gt "$worst" ] && worst=$code
  [ "$code" -eq 2 ] && echo "::error::aksnet check $* could not read its input (exit 2)"
  return 0
}

while IFS= read -r line || [ -n "$line" ]; do
  read -r -a words <<<"$line"
  [ "${#words[@]}" -eq 0 ] && continue
  [ "${words[0]:0:1}" = "#" ] && continue
  if [ "${#words[@]}" -gt 1 ]; then
    check "${words[@]}"
    continue
  fi
  matches=(${words[0]})
  if [ "${#matches[@]}" -eq 0 ]; then
    echo "::error::no file matches ${words[0]} (input plans)"
    worst=2
    continue
  fi
  for f in "${matches[@]}"; do check "$f"; done
done <<<"$plans"

node "$here/merge-sarif.mjs" "$sarif" "$work"/*.sarif || worst=2
{
  echo "sarif-file=$sarif"
  echo "exit-code=$worst"
} >>"$out"
echo "aksnet: checked $n plan(s); SARIF in $sarif; exit $worst"
exit "$worst"
