/** The shape of a value the command assumed (compare's, size's and migrate's `assumed.*`): one source. */
import { z } from "zod";

/**
 * A value with where it came from (`origin`), why (`note`) and its sources; `alternatives` when the sources
 * disagree ("optional": only where they do; "required": always written, maybe empty).
 */
export function assumed<V extends z.ZodType>(
  value: V,
  alternatives?: "optional" | "required",
  alternativeValue: z.ZodType = z.string(),
) {
  const base = { value, origin: z.string(), note: z.string(), sources: z.array(z.string()) };
  if (alternatives === undefined) return z.object(base);
  // Another value the sources allow, with why and where.
  const list = z.array(z.object({ value: alternativeValue, note: z.string(), sources: z.array(z.string()) }));
  return z.object({ ...base, alternatives: alternatives === "optional" ? list.optional() : list });
}
