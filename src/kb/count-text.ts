/**
 * 27,610: a count with thousands separators, the way the AKS docs print counts. The same text as
 * `toLocaleString("en-US")`, without its first call, which loads ICU's number formatting and costs every
 * command ~10 ms of start-up (bench/startup.bench.mjs). Non-integers (and -0) still go through `toLocaleString`.
 */
export function formatCount(n: number | bigint): string {
  if (typeof n === "number" && (!Number.isSafeInteger(n) || Object.is(n, -0))) return n.toLocaleString("en-US");
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
