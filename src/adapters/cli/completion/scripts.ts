/**
 * The completion scripts, one per shell, from the completion spec. Each script
 * completes command names, subcommand names, option names and known option
 * values, and falls back to file names.
 */
import type { CommandSpec } from "./spec.js";

export const SHELLS = ["bash", "zsh", "fish", "powershell"] as const;
export type Shell = (typeof SHELLS)[number];

const GLOBAL = ["-h", "--help", "-V", "--version"];

function words(list: readonly string[]): string {
  return list.join(" ");
}

/** bash (and zsh through bashcompinit): one function, `complete -o default`. */
function bash(specs: readonly CommandSpec[], prog: string): string {
  const fn = `_${prog.replace(/[^A-Za-z0-9_]/g, "_")}_completion`;
  const lines = [
    `# ${prog} completion for bash: source it, or save it as /etc/bash_completion.d/${prog}`,
    `# (from: ${prog} completion bash).`,
    `${fn}() {`,
    "  local cur prev cmd sub i",
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  cmd=""; sub=""',
    "  for ((i = 1; i < COMP_CWORD; i++)); do",
    '    case "${COMP_WORDS[i]}" in -*) ;; *) if [ -z "$cmd" ]; then cmd="${COMP_WORDS[i]}"; elif [ -z "$sub" ]; ' +
      'then sub="${COMP_WORDS[i]}"; fi ;; esac',
    "  done",
    '  if [ -z "$cmd" ]; then',
    `    COMPREPLY=($(compgen -W "${words([...specs.map((s) => s.name), "help", ...GLOBAL])}" -- "$cur")); return`,
    "  fi",
    '  case "$cmd" in',
  ];
  for (const s of specs) {
    lines.push(`    ${s.name})`);
    const all = [s, ...s.subcommands];
    const valueCases = all.flatMap((c) => c.options.filter((o) => o.values.length > 0));
    if (valueCases.length > 0) {
      lines.push('      case "$prev" in');
      const seen = new Set<string>();
      for (const o of valueCases) {
        const key = o.names.join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        lines.push(`        ${key}) COMPREPLY=($(compgen -W "${words(o.values)}" -- "$cur")); return ;;`);
      }
      lines.push("      esac");
    }
    if (s.subcommands.length > 0) {
      lines.push(
        '      if [ -z "$sub" ]; then',
        `        COMPREPLY=($(compgen -W "${words(s.subcommands.map((c) => c.name))}" -- "$cur")); return`,
        "      fi",
        '      case "$sub" in',
        ...s.subcommands.map(
          (c) =>
            `        ${c.name}) [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W ` +
            `"${words(c.options.flatMap((o) => o.names))}" -- "$cur")); return ;;`,
        ),
        "      esac",
      );
    }
    lines.push(
      `      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W "${words(s.options.flatMap((o) => o.names))}" -- "$cur"))`,
      "      ;;",
    );
  }
  lines.push("  esac", "}", `complete -o default -F ${fn} ${prog}`, "");
  return lines.join("\n");
}

const zq = (s: string) => s.replace(/'/g, "'\\''").replace(/[[\]:]/g, (c) => `\\${c}`);

/** zsh: a #compdef function with _arguments per command. */
function zsh(specs: readonly CommandSpec[], prog: string): string {
  const fnName = `_${prog.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const optionSpecs = (c: CommandSpec) =>
    c.options.flatMap((o) =>
      o.names.map((n) => {
        const value = o.takesValue ? `:value:${o.values.length ? `(${o.values.join(" ")})` : "_files"}` : "";
        return `    '${n}[${zq(o.description)}]${value}'`;
      }),
    );
  const lines = [
    `#compdef ${prog}`,
    `# ${prog} completion for zsh: save it as _${prog} in a directory of $fpath (from: ${prog} completion zsh).`,
    `${fnName}() {`,
    "  local -a commands",
    "  commands=(",
    ...specs.map((s) => `    '${s.name}:${zq(s.summary)}'`),
    "  )",
    "  if (( CURRENT == 2 )); then _describe 'command' commands; return; fi",
    "  local cmd=${words[2]}",
    "  shift 1 words; (( CURRENT-- ))",
    '  case "$cmd" in',
  ];
  for (const s of specs) {
    lines.push(`    ${s.name})`);
    if (s.subcommands.length > 0) {
      lines.push(
        "      if (( CURRENT == 2 )); then",
        "        local -a subs; subs=(",
        ...s.subcommands.map((c) => `          '${c.name}:${zq(c.summary)}'`),
        "        ); _describe 'subcommand' subs; return",
        "      fi",
        '      case "${words[2]}" in',
        ...s.subcommands.flatMap((c) => [
          `        ${c.name}) shift 1 words; (( CURRENT-- )); _arguments \\`,
          ...optionSpecs(c).map((l) => `  ${l} \\`),
          "            '*:file:_files' ;;",
        ]),
        "      esac",
      );
    } else lines.push("      _arguments \\", ...optionSpecs(s).map((l) => `${l} \\`), "    '*:file:_files'");
    lines.push("      ;;");
  }
  // Saved in $fpath, the file is the body of an autoloaded function: its first call only defines the function,
  // so it completes now as well; sourced (`source <(aksnet completion zsh)`), compdef alone binds it.
  lines.push(
    "  esac",
    "}",
    `compdef ${fnName} ${prog}`,
    `if [[ "$funcstack[1]" == "${fnName}" ]]; then ${fnName} "$@"; fi`,
    "",
  );
  return lines.join("\n");
}

const fq = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** fish: complete -c lines, conditioned on the command seen. */
function fish(specs: readonly CommandSpec[], prog: string): string {
  const names = specs.map((s) => s.name).join(" ");
  const lines = [
    `# ${prog} completion for fish: save it as ~/.config/fish/completions/${prog}.fish (from: ${prog} completion ` +
      `fish).`,
    `complete -c ${prog} -f`,
    ...specs.map(
      (s) => `complete -c ${prog} -n "not __fish_seen_subcommand_from ${names}" -a ${s.name} -d ${fq(s.summary)}`,
    ),
  ];
  const option = (cond: string, o: CommandSpec["options"][number]) => {
    const parts = [`complete -c ${prog} -n "${cond}"`];
    for (const n of o.names) parts.push(n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
    if (o.takesValue) parts.push(o.values.length ? `-x -a "${o.values.join(" ")}"` : "-r -F");
    parts.push(`-d ${fq(o.description)}`);
    return parts.join(" ");
  };
  for (const s of specs) {
    const cond = `__fish_seen_subcommand_from ${s.name}`;
    if (s.subcommands.length > 0) {
      const subs = s.subcommands.map((c) => c.name).join(" ");
      for (const c of s.subcommands) {
        lines.push(
          `complete -c ${prog} -n "${cond}; and not __fish_seen_subcommand_from ${subs}" -a ${c.name} -d ` +
            `${fq(c.summary)}`,
        );
        for (const o of c.options) lines.push(option(`${cond}; and __fish_seen_subcommand_from ${c.name}`, o));
      }
    } else {
      lines.push(`complete -c ${prog} -n "${cond}" -F`);
      for (const o of s.options) lines.push(option(cond, o));
    }
  }
  return lines.join("\n") + "\n";
}

const pq = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** PowerShell: Register-ArgumentCompleter -Native with a table of words per command. */
function powershell(specs: readonly CommandSpec[], prog: string): string {
  const table = specs.map((s) => {
    const words = [...s.subcommands.map((c) => c.name), ...s.options.flatMap((o) => o.names)];
    const sub = s.subcommands.map(
      (c) =>
        `    ${pq(`${s.name} ${c.name}`)} = @(${c.options
          .flatMap((o) => o.names)
          .map(pq)
          .join(", ")})`,
    );
    return [`    ${pq(s.name)} = @(${words.map(pq).join(", ")})`, ...sub].join("\n");
  });
  const values = specs.flatMap((s) =>
    [s, ...s.subcommands].flatMap((c) =>
      c.options
        .filter((o) => o.values.length > 0)
        .flatMap((o) => o.names.map((n) => `    ${pq(`${s.name}|${n}`)} = @(${o.values.map(pq).join(", ")})`)),
    ),
  );
  return [
    `# ${prog} completion for PowerShell: add it to $PROFILE (from: ${prog} completion powershell).`,
    `Register-ArgumentCompleter -Native -CommandName ${prog} -ScriptBlock {`,
    "  param($wordToComplete, $commandAst, $cursorPosition)",
    `  $commands = @(${specs.map((s) => pq(s.name)).join(", ")})`,
    "  $words = @{",
    ...table,
    "  }",
    "  $values = @{",
    ...[...new Set(values)],
    "  }",
    "  $tokens = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })",
    "  if ($wordToComplete -ne '' -and $tokens.Count -gt 0) { $tokens = @($tokens | Select-Object -First " +
      "($tokens.Count - 1)) }",
    "  $positional = @($tokens | Where-Object { -not $_.StartsWith('-') })",
    "  if ($positional.Count -eq 0) { $candidates = $commands }",
    "  else {",
    "    $cmd = $positional[0]",
    "    $prev = if ($tokens.Count -gt 0) { $tokens[-1] } else { '' }",
    '    $key = "$cmd|$prev"',
    "    if ($values.ContainsKey($key)) { $candidates = $values[$key] }",
    '    elseif ($positional.Count -ge 2 -and $words.ContainsKey("$cmd $($positional[1])")) { $candidates = ' +
      '$words["$cmd $($positional[1])"] }',
    "    elseif ($words.ContainsKey($cmd)) { $candidates = $words[$cmd] } else { $candidates = @() }",
    "  }",
    '  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {',
    "    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)",
    "  }",
    "}",
    "",
  ].join("\n");
}

export function completionScript(shell: Shell, specs: readonly CommandSpec[], prog = "aksnet"): string {
  switch (shell) {
    case "bash":
      return bash(specs, prog);
    case "zsh":
      return zsh(specs, prog);
    case "fish":
      return fish(specs, prog);
    case "powershell":
      return powershell(specs, prog);
  }
}
