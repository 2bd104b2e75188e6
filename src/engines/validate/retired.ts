/** The retirements rules cite, looked up in the knowledge base once; a missing one is a bug in aksnet. */
import { retirement, type Retirement } from "../../kb/index.js";

/** A retirement the KB must hold. */
export function retired(id: string): Retirement {
  const r = retirement(id);
  if (!r) throw new Error(`knowledge base has no retirement "${id}"`);
  return r;
}
