/**
 * Loading the kubeconfig as kubectl does: `--kubeconfig`, else every file of
 * KUBECONFIG merged (first wins), else ~/.kube/config, else in-cluster. The
 * loading, exec / token / client-certificate auth and TLS are
 * `@kubernetes/client-node`'s own; this module only picks the files and the
 * context and turns failures into one sentence.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type * as K8s from "@kubernetes/client-node";
import type { KubeConfig } from "@kubernetes/client-node";

/** The kubeconfig cannot be used; the message says which and what to do. */
export class KubeconfigError extends Error {
  override readonly name = "KubeconfigError";
}

export interface KubeconfigChoice {
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
  /** Environment (KUBECONFIG, HOME, KUBERNETES_SERVICE_HOST) used to find the kubeconfig. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * A URL with any user name and password replaced by `***`, for messages and
 * reports: a kubeconfig server written as `https://user:pass@host` must never
 * be echoed with its credentials. Text that is not a URL is returned unchanged.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username === "" && u.password === "") return url;
    u.username = "***";
    u.password = "";
    return u.toString().replace(/\/$/, url.endsWith("/") ? "/" : "");
  } catch {
    return url.replace(/\/\/[^/@\s]*@/g, "//***@");
  }
}

/** A kubeconfig larger than this is not one (real ones are kilobytes; the client reads the whole file). */
export const MAX_KUBECONFIG_BYTES = 16 * 1024 * 1024;

/**
 * Refuses what the client would read without end or hold whole: a device (--kubeconfig /dev/zero ran the heap out
 * and crashed Node), a directory, a socket, a file over 16 MiB. A pipe (--kubeconfig <(…)) is read by
 * `readKubeconfig`, which stops past 16 MiB.
 */
function checkKubeconfigFile(f: string): void {
  let st;
  try {
    st = statSync(f);
  } catch {
    return; // the client names a missing file itself
  }
  const what = st.isDirectory()
    ? "a directory"
    : st.isCharacterDevice() || st.isBlockDevice()
      ? "a device, not a file"
      : st.isSocket()
        ? "a socket, not a file"
        : st.isFile() && st.size > MAX_KUBECONFIG_BYTES
          ? `${Math.ceil(st.size / 1048576)} MiB, more than the 16 MiB a kubeconfig can be`
          : undefined;
  if (what)
    throw new KubeconfigError(
      `the kubeconfig ${f} is ${what}; pass --kubeconfig PATH of a kubeconfig file, or --from-dump FILE.`,
    );
}

/** The file's text, read here (not by the client) so that a pipe that never ends is refused past 16 MiB. */
function readKubeconfig(f: string): string {
  const fd = openSync(f, "r");
  try {
    const parts: Buffer[] = [];
    const chunk = Buffer.alloc(1 << 16);
    for (let size = 0, n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      size += n;
      if (size > MAX_KUBECONFIG_BYTES)
        throw new KubeconfigError(
          `the kubeconfig ${f} sent more than the 16 MiB a kubeconfig can be; pass --kubeconfig PATH of a ` +
            `kubeconfig file, or --from-dump FILE.`,
        );
      parts.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(parts).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** As the client's `loadFromFile`: the text, then paths in it made absolute against the file's folder. */
function loadFile(kc: KubeConfig, f: string): void {
  kc.loadFromString(readKubeconfig(f));
  kc.makePathsAbsolute(dirname(f));
}

export async function loadKubeConfig(k8s: typeof K8s, o: KubeconfigChoice): Promise<KubeConfig> {
  const kc = new k8s.KubeConfig();
  const files = o.kubeconfig
    ? [o.kubeconfig]
    : (o.env["KUBECONFIG"] ?? "").split(process.platform === "win32" ? ";" : ":").filter(Boolean);
  for (const f of files) checkKubeconfigFile(f);
  try {
    if (files.length > 0) {
      loadFile(kc, files[0] as string);
      for (const f of files.slice(1)) {
        const more = new k8s.KubeConfig();
        loadFile(more, f);
        kc.mergeConfig(more, true);
      }
    } else {
      const home = o.env["HOME"] ?? o.env["USERPROFILE"] ?? homedir();
      if (!existsSync(join(home, ".kube", "config")) && !o.env["KUBERNETES_SERVICE_HOST"])
        throw new KubeconfigError(
          `no kubeconfig found (KUBECONFIG is unset and ${join(home, ".kube", "config")} does not exist); run az aks ` +
            `get-credentials, pass --kubeconfig PATH, or read a dump with --from-dump FILE.`,
        );
      kc.loadFromDefault();
    }
  } catch (e) {
    if (e instanceof KubeconfigError) throw e;
    throw new KubeconfigError(
      `cannot load the kubeconfig ${files.join(", ") || "~/.kube/config"}: ` +
        `${redactUrl((e as Error).message.split("\n")[0] ?? "")}; pass --kubeconfig PATH or --from-dump FILE.`,
    );
  }
  if (o.context) {
    if (!kc.getContexts().some((c) => c.name === o.context))
      throw new KubeconfigError(
        `the kubeconfig has no context "${o.context}"; choose one of: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(", ") || "(none)"
        }.`,
      );
    kc.setCurrentContext(o.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster)
    throw new KubeconfigError("the kubeconfig names no current cluster; pass --context NAME or --kubeconfig PATH.");
  let server: URL;
  try {
    server = new URL(cluster.server);
  } catch {
    throw new KubeconfigError(
      `the kubeconfig's cluster ${cluster.name} has no valid server URL (${redactUrl(cluster.server)}); fix its ` +
        `server: field.`,
    );
  }
  if (server.protocol !== "https:" && server.protocol !== "http:")
    throw new KubeconfigError(
      `the kubeconfig's cluster ${cluster.name} has server ${redactUrl(cluster.server)}; aksnet speaks https:// (or http:// to kubectl proxy).`,
    );
  return kc;
}
