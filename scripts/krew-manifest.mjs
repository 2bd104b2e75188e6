#!/usr/bin/env node
/**
 * Writes the krew plugin manifest (https://krew.sigs.k8s.io/docs/developer-guide/plugin-manifest/)
 * for a release: the npm tarball of that version as the plugin's archive, with its sha256. The
 * tarball holds the bundled CLI (dist/cli/aksnet.js, no dependency to install) and needs Node.js on
 * the PATH. Usage, at release time, from the published tarball:
 *   node scripts/krew-manifest.mjs aksnet-0.1.0.tgz > aksnet.krew.yaml   # then submit to krew-index
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const tarball = process.argv[2];
if (!tarball) {
  console.error("usage: node scripts/krew-manifest.mjs aksnet-VERSION.tgz");
  process.exit(2);
}
const version = /^aksnet-(\d+\.\d+\.\d+(?:-[\w.]+)?)\.tgz$/.exec(basename(tarball))?.[1];
if (!version) {
  console.error(`${tarball} is not named aksnet-VERSION.tgz (npm pack's name); give the packed tarball`);
  process.exit(2);
}
const sha256 = createHash("sha256").update(readFileSync(tarball)).digest("hex");
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
process.stdout.write(`apiVersion: krew.googlecontainertools.github.com/v1alpha2
kind: Plugin
metadata:
  name: aksnet
spec:
  version: v${version}
  homepage: ${pkg.homepage}
  shortDescription: Plan, check and inspect AKS cluster networking
  description: |
    aksnet inspects the networking of an Azure Kubernetes Service cluster: its network model and
    dataplane with the evidence, pod ranges, per-node address use and headroom for the next upgrade
    and scale-out, in the words of SubnetIsFull and InsufficientSubnetSize. It also plans and checks
    AKS networks offline (compare, size, check, recommend, cidr).
  caveats: |
    Needs Node.js 20 or later on the PATH (22 or 24 recommended).
    Reading a live cluster needs the Kubernetes client beside it:
      npm install -g @kubernetes/client-node
    or install aksnet with npm instead (npm install -g aksnet @kubernetes/client-node).
  platforms:
    - selector:
        matchExpressions:
          - { key: os, operator: In, values: [linux, darwin] }
      uri: https://registry.npmjs.org/aksnet/-/aksnet-${version}.tgz
      sha256: ${sha256}
      files:
        - from: package/dist/cli
          to: dist/cli
      bin: dist/cli/aksnet.js
`);
