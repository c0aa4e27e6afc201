/** The error the package throws when a value does not satisfy a schema. */
import type { FieldIssue, IssueReport } from './issues.js';

/**
 * A request or response that breaks a field rule. `message` is the summary line (the first offending
 * field and its rule); `issues` lists every offending field. No rejected value is ever included.
 */
export class SchemaValidationError extends Error {
  /** Stable code for programmatic handling. */
  readonly code = 'SCHEMA_VALIDATION_FAILED' as const;
  /** Every offending field, in the order found. */
  readonly issues: readonly FieldIssue[];
  /** The platform code a platform would answer with (1020 unless a rule names another). */
  readonly responseCode: string;

  constructor(report: IssueReport, subject: string) {
    super(`${subject}: ${report.summary}`);
    this.name = 'SchemaValidationError';
    this.issues = report.issues;
    this.responseCode = report.responseCode;
  }
}

/** A date or argument given to a helper that it cannot work with. */
export class SchemaArgumentError extends Error {
  readonly code = 'SCHEMA_INVALID_ARGUMENT' as const;

  constructor(message: string) {
    super(message);
    this.name = 'SchemaArgumentError';
  }
}
