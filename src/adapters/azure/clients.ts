/**
 * The Azure SDK clients the scan uses, loaded on first use (the SDK is large and
 * needs Node.js 22; no other command pays for it): Resource Graph for every
 * query, Microsoft.Network for the VNet usage reads. Each client gets the scan's
 * policies in place of the SDK's retries and redirects.
 */
import type { NetworkManagementClient } from "@azure/arm-network";
import type { ResourceGraphClient } from "@azure/arm-resourcegraph";
import type { TokenCredential } from "@azure/core-auth";
import { guardPolicy, retryPolicy, type Budget, type RequestStats } from "./policies.js";

/** Node.js 22 or later: the Azure SDK packages declare it (`engines`), so the live scan refuses older ones. */
export const MIN_NODE_MAJOR = 22;

export function nodeTooOld(version: string = process.versions.node): boolean {
  // A value from JavaScript that is not a version text is the running Node.js's.
  const text = typeof version === "string" ? version : process.versions.node;
  return Number(text.split(".")[0]) < MIN_NODE_MAJOR;
}

export interface ClientSettings {
  readonly credential: TokenCredential;
  /** The ARM endpoint, e.g. `https://management.azure.com`. */
  readonly endpoint: string;
  readonly budget: Budget;
  readonly stats: RequestStats;
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
  readonly maxBodyBytes: number;
}

function options(s: ClientSettings, quota: boolean) {
  const origin = new URL(s.endpoint).origin;
  return {
    endpoint: origin,
    credentials: { scopes: [`${origin}/.default`] },
    retryOptions: { maxRetries: 0 },
    redirectOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: "aksnet-scan" },
    additionalPolicies: [
      {
        policy: retryPolicy({ maxRetries: s.maxRetries, budget: s.budget, stats: s.stats, quota }),
        position: "perCall",
      },
      {
        policy: guardPolicy({
          origin,
          maxBodyBytes: s.maxBodyBytes,
          requestTimeoutMs: s.requestTimeoutMs,
          stats: s.stats,
        }),
        position: "perRetry",
      },
    ] as const,
  };
}

export type ResourceGraph = ResourceGraphClient;
export type Network = NetworkManagementClient;

export async function resourceGraphClient(s: ClientSettings): Promise<ResourceGraph> {
  const { ResourceGraphClient } = await import("@azure/arm-resourcegraph");
  return new ResourceGraphClient(s.credential, options(s, true) as never);
}

/**
 * A Microsoft.Network client factory (one client per subscription). The package
 * (large: about a second to load) starts loading now, so it loads while the
 * Resource Graph queries run.
 */
export function networkClients(s: ClientSettings): (subscriptionId: string) => Promise<Network> {
  let mod: Promise<{ NetworkManagementClient: typeof NetworkManagementClient }> | undefined =
    import("@azure/arm-network");
  mod.catch(() => undefined); // a load failure surfaces at the first use
  const made = new Map<string, Network>();
  return async (subscriptionId) => {
    mod ??= import("@azure/arm-network");
    const { NetworkManagementClient } = await mod;
    let c = made.get(subscriptionId);
    if (!c) {
      c = new NetworkManagementClient(s.credential, subscriptionId, options(s, false) as never);
      made.set(subscriptionId, c);
    }
    return c;
  };
}

/** A credential that hands out one token (from `az account get-access-token`, or a test's). */
export function staticTokenCredential(token: string): TokenCredential {
  return {
    getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600_000 }),
  };
}

/** DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI, … */
export async function defaultCredential(): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import("@azure/identity");
  return new DefaultAzureCredential();
}
