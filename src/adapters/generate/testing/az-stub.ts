/**
 * Test helper: runs a generated az script with bash, with a stub `az` first on
 * the PATH that records every invocation's arguments exactly as bash passed
 * them (NUL-separated) and answers the queries the scripts read back
 * (`az group exists`: false, so the create path runs; `az network vnet subnet
 * show`: a subnet ID; `az network vnet show --resource-group=G --name=N`: that
 * VNet's ID in subscription 0). Nothing reaches Azure.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const STUB = `#!/usr/bin/env bash
for a in "$@"; do printf '%s\\0' "$a" >> "$AZ_LOG"; done
printf '\\036' >> "$AZ_LOG"
case "$1 $2" in
  "group exists") echo false ;;
  "network vnet")
    if [ "$3 $4" = "subnet show" ]; then
      echo "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
    elif [ "$3" = show ]; then
      for a in "$@"; do case "$a" in --resource-group=*) rg="\${a#*=}" ;; --name=*) n="\${a#*=}" ;; esac; done
      echo "/subscriptions/0/resourceGroups/$rg/providers/Microsoft.Network/virtualNetworks/$n"
    fi ;;
esac
exit 0
`;

/** Runs the script; returns each `az` invocation's arguments (without the leading `az`). */
export function runWithAzStub(script: string, env: Record<string, string> = {}): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-azstub-"));
  try {
    const az = join(dir, "az");
    writeFileSync(az, STUB);
    chmodSync(az, 0o755);
    const log = join(dir, "log");
    writeFileSync(log, "");
    const file = join(dir, "script.sh");
    writeFileSync(file, script);
    execFileSync("bash", [file], {
      stdio: "pipe",
      env: { PATH: `${dir}:/usr/bin:/bin`, AZ_LOG: log, HOME: dir, ...env },
    });
    return readFileSync(log, "utf8")
      .split("\u001e")
      .filter((c) => c !== "")
      .map((c) => c.split("\0").slice(0, -1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
