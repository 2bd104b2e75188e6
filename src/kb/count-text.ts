import { describeValue } from "../ip/index.js";

/**
 * 27,610: a count with thousands separators, the way the AKS docs print counts. The same text as
 * `toLocaleString("en-US")`, without its first call, which loads ICU's number formatting and costs every
 * command ~10 ms of start-up (bench/startup.bench.mjs). Non-integers (and -0) still go through `toLocaleString`.
 */
export function formatCount(n: number | bigint): string {
  if (typeof n !== "number" && typeof n !== "bigint") return String(Number.NaN); // a value from JavaScript
  if (typeof n === "number" && (!Number.isSafeInteger(n) || Object.is(n, -0))) return n.toLocaleString("en-US");
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * 31 March 2028: a date (YYYY-MM-DD, as the knowledge base writes them) the way the AKS docs print dates. The same
 * text as `toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })`
 * without ICU: that call builds a date formatter each time (~0.75 ms), and a recommendation (every page edit of
 * the model) printed ~27 dates.
 */
export function formatDay(iso: string): string {
  if (typeof iso !== "string") throw new RangeError(`${describeValue(iso)} is not a date written YYYY-MM-DD.`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) throw new RangeError(`${JSON.stringify(iso)} is not a date written YYYY-MM-DD.`);
  return `${Number(m[3])} ${month} ${Number(m[1])}`;
}
