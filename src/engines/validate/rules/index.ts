/**
 * The rule catalog, in id order. Every file in this folder (but tests and this
 * index) is one rule and must be listed here; the catalog test checks it.
 */
import type { Rule } from "../rule.js";
import dnsServiceIpOutsideServiceCidr from "./dns-service-ip-outside-service-cidr.js";

export const RULES: readonly Rule[] = [dnsServiceIpOutsideServiceCidr];
