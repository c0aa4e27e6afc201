/**
 * Turns zod's issues into what a person reads: one `{ path, message }` per offending field, the
 * platform code the failure answers (1020 unless a rule names another), and one summary line that
 * names the first offending field, e.g. `customerDetails.dateOfBirth: must be a real date in
 * DD-MM-YYYY`. Messages never contain the rejected value.
 */
import type * as z from 'zod';
import { REQUIRED_MESSAGE, UNKNOWN_FIELD_MESSAGE } from './rules.js';

/** One offending field. `path` is dotted (`address.line1`, `statementDetails[2].status`); `''` is the body itself. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /** The platform code this failure answers: `1020`, or `1010`, `1074`, `1322`, `3532`. */
  readonly platformCode: string;
}

export interface IssueReport {
  readonly issues: readonly FieldIssue[];
  /** `<path>: <rule>` for the first offending field. */
  readonly summary: string;
  /** The platform code of the first offending field: what a platform would answer. */
  readonly responseCode: string;
}

/** The platform code of a missing or invalid parameter. */
export const INVALID_PARAMETERS_CODE = '1020';

/** Fields whose failure answers a code of its own rather than 1020. */
const FIELD_CODES: readonly {
  readonly path: string;
  readonly code: string;
  /** Only a present value with this issue code answers the field's code; absence is 1020. */
  readonly onlyFor?: string;
}[] = [
  // A wrong or missing message code is an invalid message code for this endpoint.
  { path: 'messageCode', code: '1010' },
  // A status type outside the documented list (a missing one is 1020).
  { path: 'statusType', code: '3532', onlyFor: 'invalid_value' },
];

/** `['customerDetails', 'dateOfBirth']` → `customerDetails.dateOfBirth`; indices as `[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function platformCodeOf(issue: z.core.$ZodIssue, path: string): string {
  if (issue.code === 'custom') {
    const code = (issue.params as { platformCode?: unknown } | undefined)?.platformCode;
    if (typeof code === 'string') return code;
  }
  for (const rule of FIELD_CODES) {
    if (rule.path !== path) continue;
    if (rule.onlyFor === undefined) return rule.code;
    // Every "missing" message comes from `ruleError`, so the wording tells absence apart.
    if (rule.onlyFor === issue.code && issue.message !== REQUIRED_MESSAGE) return rule.code;
  }
  return INVALID_PARAMETERS_CODE;
}

function messageOf(issue: z.core.$ZodIssue, path: string): string {
  // A body that is not an object at all: zod's own wording names types, ours names the body.
  if (path === '' && issue.code === 'invalid_type') return 'must be a JSON object';
  return issue.message;
}

/** The field issues of a zod error (or of its issue list), in the order zod found them. */
export function fieldIssues(error: z.ZodError | readonly z.core.$ZodIssue[]): FieldIssue[] {
  const list = Array.isArray(error) ? error : (error as z.ZodError).issues;
  const out: FieldIssue[] = [];
  for (const issue of list as readonly z.core.$ZodIssue[]) {
    const base = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = base === '' ? key : `${base}.${key}`;
        out.push({ path, message: UNKNOWN_FIELD_MESSAGE, platformCode: INVALID_PARAMETERS_CODE });
      }
      continue;
    }
    out.push({
      path: base,
      message: messageOf(issue, base),
      platformCode: platformCodeOf(issue, base),
    });
  }
  return out;
}

/** One line for a field issue: `path: message` (or `request body: message` at the root). */
export function issueLine(issue: FieldIssue): string {
  return `${issue.path === '' ? 'request body' : issue.path}: ${issue.message}`;
}

/** The full report of a zod error: issues, summary line and the platform code to answer. */
export function describeIssues(error: z.ZodError | readonly z.core.$ZodIssue[]): IssueReport {
  const issues = fieldIssues(error);
  const first = issues[0];
  if (first === undefined) {
    return { issues, summary: 'request body: is invalid', responseCode: INVALID_PARAMETERS_CODE };
  }
  return { issues, summary: issueLine(first), responseCode: first.platformCode };
}
