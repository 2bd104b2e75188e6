/** Plans the web e2e tests share. */

/** A plan with 30 pools, each on its own /24, beside API server, private endpoint and AGC subnets. */
export function thirtyPools(): string {
  const pad = (i: number) => String(i).padStart(2, "0");
  return [
    "apiVersion: aksnet/v1",
    "kind: ClusterPlan",
    "name: aks-30",
    'kubernetesVersion: "1.33"',
    "network: { plugin: azure, pluginMode: overlay, dataplane: cilium, podCidrs: [10.244.0.0/16], " +
      "serviceCidrs: [10.0.0.0/16], dnsServiceIp: 10.0.0.10 }",
    "vnet:",
    "  name: vnet-30",
    "  addressSpace: [10.50.0.0/16]",
    "  subnets:",
    ...Array.from({ length: 30 }, (_, i) => `    - { name: nodes-${pad(i)}, cidr: 10.50.${i}.0/24 }`),
    "    - { name: snet-apiserver, cidr: 10.50.40.0/28, delegation: Microsoft.ContainerService/managedClusters }",
    "    - { name: snet-pe, cidr: 10.50.41.0/26, purpose: privateEndpoints }",
    "    - { name: snet-agc, cidr: 10.50.42.0/24, delegation: Microsoft.ServiceNetworking/trafficControllers }",
    "apiServer: { vnetIntegration: true, subnet: snet-apiserver }",
    "addons: { applicationGatewayForContainers: { subnet: snet-agc } }",
    "nodePools:",
    ...Array.from(
      { length: 30 },
      (_, i) =>
        `  - { name: pool${i}, mode: ${i ? "User" : "System"}, count: 3, maxCount: 10, subnet: nodes-${pad(i)} }`,
    ),
    "",
  ].join("\n");
}
