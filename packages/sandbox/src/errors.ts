/**
 * Errors `createSandbox` and its configuration loaders raise. Every error carries a stable `code`;
 * messages are fixed text plus the name of the offending setting, never a secret or a value read
 * from a configuration file or the environment.
 */

/** Stable codes of every sandbox error. */
export type SandboxErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_MERCHANT_CONFIG'
  | 'MERCHANT_CONFIG_UNREADABLE'
  | 'MERCHANT_CREDENTIALS_MISMATCH'
  | 'SANDBOX_CLOSED'
  | 'ALREADY_LISTENING'
  | 'INVALID_FAULT_CONFIG'
  | 'INVALID_SEED'
  | 'SEED_UNREADABLE'
  | 'SEED_REJECTED';

/** Base class of every error the sandbox raises; switch on `code`. */
export class SandboxError extends Error {
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An option of `createSandbox` has a value outside its contract. */
export class InvalidSandboxOptionError extends SandboxError {
  /** The option's name, e.g. `limits.maxBodyBytes`. */
  readonly option: string;

  constructor(option: string, expected: string) {
    super('INVALID_OPTIONS', `Invalid sandbox option ${option}: expected ${expected}`);
    this.option = option;
  }
}

/** One problem found in a merchant configuration: where it is and which rule it breaks. */
export interface MerchantConfigProblem {
  /** Dotted path, e.g. `merchants[0].iv` or the environment variable's name. */
  readonly path: string;
  /** The rule, never the rejected value. */
  readonly message: string;
}

/**
 * A merchants file, an inline merchant or the `WALLET_*` environment breaks a rule. The message
 * lists every problem as `<source>: <path>: <rule>`; `problems` holds them one by one.
 */
export class MerchantConfigError extends SandboxError {
  /** Where the configuration came from: a file path, `options.merchants` or `environment`. */
  readonly source: string;
  readonly problems: readonly MerchantConfigProblem[];

  constructor(source: string, problems: readonly MerchantConfigProblem[]) {
    const lines = problems.map(
      (p) => `${source}: ${p.path === '' ? '(root)' : p.path}: ${p.message}`,
    );
    super('INVALID_MERCHANT_CONFIG', `Invalid merchant configuration:\n${lines.join('\n')}`);
    this.source = source;
    this.problems = problems;
  }
}

/** The merchants file could not be read or is not JSON. The cause holds the file system error. */
export class MerchantConfigUnreadableError extends SandboxError {
  readonly source: string;

  constructor(source: string, reason: 'unreadable' | 'not-json', options?: { cause?: unknown }) {
    super(
      'MERCHANT_CONFIG_UNREADABLE',
      reason === 'unreadable'
        ? `The merchants file ${source} cannot be read`
        : `The merchants file ${source} is not valid JSON`,
      options,
    );
    this.source = source;
  }
}

/**
 * A configured merchant key is already stored with other credentials (salt, AES key or IV). The
 * store keeps the first credentials it saw; delete the database (or the merchant) or choose
 * another merchant key.
 */
export class MerchantCredentialsMismatchError extends SandboxError {
  readonly merchantKey: string;

  constructor(merchantKey: string) {
    super(
      'MERCHANT_CREDENTIALS_MISMATCH',
      `Merchant ${JSON.stringify(merchantKey)} is stored with other credentials than configured; delete the database or the merchant, or use another merchant key`,
    );
    this.merchantKey = merchantKey;
  }
}

/** The sandbox was used after `close()`. */
export class SandboxClosedError extends SandboxError {
  constructor() {
    super('SANDBOX_CLOSED', 'The sandbox is closed');
  }
}

/** `listen()` was called while the sandbox already listens. */
export class AlreadyListeningError extends SandboxError {
  constructor() {
    super('ALREADY_LISTENING', 'The sandbox is already listening; close it first');
  }
}

/** One problem in a fault configuration or a seed: where it is and which rule it breaks. */
export interface SandboxProblem {
  /** Dotted path, e.g. `routes.load.status` or `customers[1].mobileNumber`. */
  readonly path: string;
  /** The rule, never the rejected value. */
  readonly message: string;
}

function problemLines(source: string, problems: readonly SandboxProblem[]): string {
  return problems
    .map((p) => `${source}: ${p.path === '' ? '(root)' : p.path}: ${p.message}`)
    .join('\n');
}

/** A fault configuration (option, file or `PUT /__sandbox/faults`) breaks a rule. */
export class FaultConfigError extends SandboxError {
  readonly problems: readonly SandboxProblem[];

  constructor(source: string, problems: readonly SandboxProblem[]) {
    super(
      'INVALID_FAULT_CONFIG',
      `Invalid fault configuration:\n${problemLines(source, problems)}`,
    );
    this.problems = problems;
  }
}

/** A seed (option, file or `POST /__sandbox/seed`) breaks a rule; `problems` names each field. */
export class SeedError extends SandboxError {
  /** Where the seed came from: a file path, `options.seed` or `request body`. */
  readonly source: string;
  readonly problems: readonly SandboxProblem[];

  constructor(source: string, problems: readonly SandboxProblem[]) {
    super('INVALID_SEED', `Invalid seed:\n${problemLines(source, problems)}`);
    this.source = source;
    this.problems = problems;
  }
}

/** The seed file could not be read or is not JSON. The cause holds the file system error. */
export class SeedUnreadableError extends SandboxError {
  readonly source: string;

  constructor(source: string, reason: 'unreadable' | 'not-json', options?: { cause?: unknown }) {
    super(
      'SEED_UNREADABLE',
      reason === 'unreadable'
        ? `The seed file ${source} cannot be read`
        : `The seed file ${source} is not valid JSON`,
      options,
    );
    this.source = source;
  }
}

/**
 * A valid seed that the store refused: a customer's mobile number or customerId belongs to another
 * customer, or a balance breaks the KYC cap. Customers before the first problem stay seeded.
 */
export class SeedRejectedError extends SandboxError {
  readonly problems: readonly SandboxProblem[];

  constructor(source: string, problems: readonly SandboxProblem[]) {
    super('SEED_REJECTED', `Seed rejected:\n${problemLines(source, problems)}`);
    this.problems = problems;
  }
}
