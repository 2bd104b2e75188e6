/**
 * A form edit the page refuses because it would turn the plan into one AKS refuses (a switch to a
 * Pod Subnet model with no room for the pods' subnet): the plan stays as it was, and the message,
 * one sentence naming what is missing and the fix, is shown instead.
 */
export class RefusedEdit extends Error {
  override readonly name = "RefusedEdit";
}
