/**
 * `aksnet completion bash|zsh|fish|powershell`: prints the shell's completion
 * script, built from the command registry (every command's options and
 * values), so new commands complete without a change here. docs/completion.md.
 */
import { Argument } from "commander";
import { defineCommand } from "../command.js";
import { EXIT } from "../errors.js";

export default defineCommand({
  configure(cmd) {
    cmd
      .addArgument(new Argument("<shell>", "the shell").choices(["bash", "zsh", "fish", "powershell"]))
      .addHelpText(
        "after",
        "\nExamples:\n  source <(aksnet completion bash)                       # this bash session\n  aksnet " +
          'completion bash > /etc/bash_completion.d/aksnet\n  aksnet completion zsh > "${fpath[1]}/_aksnet"\n  ' +
          "aksnet completion fish > ~/.config/fish/completions/aksnet.fish\n  aksnet completion powershell >> " +
          "$PROFILE\n",
      );
  },
  async run({ args, io }) {
    const [{ completionSpec }, { completionScript }] = await Promise.all([import("./spec.js"), import("./scripts.js")]);
    const shell = args[0] as "bash" | "zsh" | "fish" | "powershell";
    await io.out(completionScript(shell, await completionSpec()));
    return EXIT.ok;
  },
});
