/**
 * How a field rule is worded when it fails. Every message is a plain sentence fragment that reads
 * after the field path (`customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY`) and never
 * echoes the rejected value, so messages are safe to log and to return to a caller.
 */

/** The message for a field that is absent. */
export const REQUIRED_MESSAGE = 'is required';

/** The message for a key that the request schema does not know. */
export const UNKNOWN_FIELD_MESSAGE = 'is not an allowed field';

/** A zod error customiser: "is required" when the value is missing, otherwise the rule. */
export function ruleError(rule: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? REQUIRED_MESSAGE : rule);
}
