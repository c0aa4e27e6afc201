/**
 * Turns whatever a command threw into the `CliError` the user sees. The packages' errors are told
 * apart by their stable `code` (their messages are already secret-free); anything else is a bug,
 * reported without its message unless `--debug` asks for the stack.
 */
import { CliError, ExitCode } from './errors.js';

interface CodedError extends Error {
  readonly code: string;
}

function isCodedError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Hints for the packages' own error codes: configuration and input the user can fix (exit 2). */
const PACKAGE_ERROR_HINTS: Readonly<Record<string, string>> = {
  INVALID_KEY:
    'Check the encryption key (`wallet config show`), or make one with `wallet keys generate`.',
  INVALID_IV: 'With --iv-mode fixed, give --iv (WALLET_IV) as 32 hex characters.',
  ENVELOPE_UNREADABLE:
    'Check that the token was sealed with the configured encryption key and IV mode.',
  UNSEALABLE_VALUE: 'Give a JSON object.',
  SCHEMA_VALIDATION_FAILED:
    'Fix the field named above; `--help` on the command lists its flags and their rules.',
  SCHEMA_INVALID_ARGUMENT: 'Check the dates given on the command line.',
  HTTP_DATE_INVALID:
    'Give the date as an HTTP date (Thu, 17 Feb 2022 08:17:59 GMT) or as ISO 8601 (2022-02-17T08:17:59Z).',
  HMAC_OPTION_INVALID: 'Check the merchant key and merchant salt (`wallet config show`).',
  AUTHORIZATION_MALFORMED: 'Give the Authorization header as `wallet sign` prints it.',
};

/** `@wallet/client`'s error codes: the exit code each ends with, and what to do about it. */
const CLIENT_ERRORS: Readonly<Record<string, { readonly exit: ExitCode; readonly hint: string }>> =
  {
    WALLET_CONFIG_INVALID: {
      exit: ExitCode.Usage,
      hint: 'Check the setting named above (`wallet config show`).',
    },
    WALLET_VALIDATION_FAILED: {
      exit: ExitCode.Usage,
      hint: 'Fix the field named above; `--help` on the command lists its flags and their rules.',
    },
    WALLET_NETWORK_ERROR: {
      exit: ExitCode.Network,
      hint: 'Check --base-url and that the server is up. Retrying with the same --client-txn-id cannot apply the call twice.',
    },
    WALLET_TIMEOUT: {
      exit: ExitCode.Network,
      hint: 'Raise --timeout, or retry with the same --client-txn-id: the platform applies a call once.',
    },
    WALLET_ABORTED: { exit: ExitCode.Network, hint: 'Run the command again.' },
    WALLET_ENVELOPE_UNREADABLE: {
      exit: ExitCode.ApiError,
      hint: 'Check that the encryption key and IV mode match the ones issued with the merchant.',
    },
    WALLET_API_ERROR: { exit: ExitCode.ApiError, hint: 'See the platform code and message above.' },
    WALLET_AUTHENTICATION_FAILED: {
      exit: ExitCode.ApiError,
      hint: "Check the merchant key and salt (`wallet config show`) and this machine's clock; `wallet sign | wallet verify` checks a signature locally.",
    },
    WALLET_INVALID_REQUEST: {
      exit: ExitCode.ApiError,
      hint: 'The platform refused the request; `--dry-run` shows what is sent.',
    },
    WALLET_DUPLICATE_REQUEST: {
      exit: ExitCode.ApiError,
      hint: 'This clientTxnId was used for a different request; leave out --client-txn-id to send a fresh one.',
    },
    WALLET_CONFLICT: {
      exit: ExitCode.ApiError,
      hint: 'A customer with this mobile number or customerId exists; find it with `wallet customer get`.',
    },
    WALLET_NOT_FOUND: {
      exit: ExitCode.ApiError,
      hint: 'Check the identifier; `wallet customer get` looks a customer up by mobile, id, URN or email.',
    },
    WALLET_LIMIT_EXCEEDED: {
      exit: ExitCode.ApiError,
      hint: 'The amount breaks a limit or the balance; `wallet customer get` shows the balance.',
    },
    WALLET_STATE_FORBIDS: {
      exit: ExitCode.ApiError,
      hint: 'The wallet status blocks this; `wallet customer get` shows it, `wallet status change` changes it.',
    },
    WALLET_RATE_LIMITED: {
      exit: ExitCode.ApiError,
      hint: 'Too many requests: wait, then retry with the same --client-txn-id.',
    },
    WALLET_SERVER_ERROR: {
      exit: ExitCode.ApiError,
      hint: 'The platform failed; retry later with the same --client-txn-id.',
    },
    WALLET_HELPER_REFUSED: {
      exit: ExitCode.ApiError,
      hint: 'Check the helper API settings (client id, bank id, secure code).',
    },
  };

/** `@wallet/checkout`'s error codes (`wallet pay`): the exit code each ends with, and what to do. */
const CHECKOUT_ERRORS: Readonly<
  Record<string, { readonly exit: ExitCode; readonly hint: string }>
> = {
  CHECKOUT_CONFIG_INVALID: {
    exit: ExitCode.Usage,
    hint: 'Check the merchant key and salt, --gateway (test, production or a sandbox URL), --bankcode and the encryption key (`wallet config show`).',
  },
  CHECKOUT_FIELD_INVALID: {
    exit: ExitCode.Usage,
    hint: "Fix the field named above (its flag is its name with - for _); PayU's rule is in the message.",
  },
  CHECKOUT_HASH_MISMATCH: {
    exit: ExitCode.ApiError,
    hint: 'The response is not signed with your salt: check the merchant key and salt, and --gateway.',
  },
  CHECKOUT_RESPONSE_INVALID: {
    exit: ExitCode.ApiError,
    hint: 'The gateway answered something that is not a PayU response: check --gateway.',
  },
  CHECKOUT_NETWORK_ERROR: {
    exit: ExitCode.Network,
    hint: 'Check --gateway (or --base-url) and that the server is up.',
  },
  CHECKOUT_TIMEOUT: {
    exit: ExitCode.Network,
    hint: 'Raise --timeout, or try again later.',
  },
  CHECKOUT_HTTP_ERROR: {
    exit: ExitCode.ApiError,
    hint: 'The gateway refused the request: check --gateway, or try again later.',
  },
  CHECKOUT_RESPONSE_TOO_LARGE: {
    exit: ExitCode.ApiError,
    hint: 'The gateway answered a body larger than any PayU answer (1 MiB): check --gateway.',
  },
  CHECKOUT_COMMAND_FAILED: { exit: ExitCode.ApiError, hint: "See PayU's message above." },
  CHECKOUT_COMMAND_HASH_REFUSED: {
    exit: ExitCode.ApiError,
    hint: 'PayU refused the command hash: check the merchant key and salt (`wallet config show`) against --gateway.',
  },
  CHECKOUT_NOT_FOUND: {
    exit: ExitCode.ApiError,
    hint: 'Check the id: `wallet pay verify <txnid>` finds a payment and its mihpayid.',
  },
  CHECKOUT_REFUND_AMOUNT_INVALID: {
    exit: ExitCode.ApiError,
    hint: 'The amount is invalid or more than what is left to refund; `wallet pay verify` shows the payment.',
  },
  CHECKOUT_REFUND_TOKEN_REUSED: {
    exit: ExitCode.ApiError,
    hint: 'This token was used for another amount: give another --token or --idempotency-key.',
  },
  CHECKOUT_REFUND_NOT_REFUNDABLE: {
    exit: ExitCode.ApiError,
    hint: 'Only a successful payment can be refunded; `wallet pay verify` shows its status.',
  },
  CHECKOUT_REFUND_REFUSED: { exit: ExitCode.ApiError, hint: "See PayU's error code above." },
  CHECKOUT_CONFIRMATION_MISMATCH: {
    exit: ExitCode.ApiError,
    hint: 'The callback and verify_payment disagree: deliver nothing, and ask again later.',
  },
};

/** The details of a checkout error worth printing with `--json`: names and PayU's codes, no value. */
function checkoutDetails(error: Error): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const source = error as unknown as Record<string, unknown>;
  for (const key of ['field', 'setting', 'command', 'attempts', 'status', 'errorCode', 'msg']) {
    if (source[key] !== undefined) details[key] = source[key];
  }
  return details;
}

function fromCheckoutError(error: CodedError): CliError | undefined {
  const known = CHECKOUT_ERRORS[error.code];
  if (known === undefined) return undefined;
  return new CliError(error.code, error.message, known.exit, {
    hint: known.hint,
    details: checkoutDetails(error),
    cause: error,
  });
}

/** The details of a client error worth printing with `--json`: never a body, a key or a token. */
function clientDetails(error: Error): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const source = error as unknown as Record<string, unknown>;
  for (const key of ['responseCode', 'responseMessage', 'status', 'clientTxnId', 'api', 'issues']) {
    if (source[key] !== undefined) details[key] = source[key];
  }
  return details;
}

function fromClientError(error: CodedError): CliError | undefined {
  const known = CLIENT_ERRORS[error.code];
  if (known === undefined) return undefined;
  const details = clientDetails(error);
  // A response that broke its schema is the API's fault, not the user's input.
  const exit =
    error.code === 'WALLET_VALIDATION_FAILED' &&
    (error as { direction?: unknown }).direction === 'response'
      ? ExitCode.ApiError
      : known.exit;
  const retry =
    exit === ExitCode.Network && typeof details.clientTxnId === 'string'
      ? ` (this call: --client-txn-id ${details.clientTxnId})`
      : '';
  return new CliError(error.code, error.message, exit, {
    hint: `${known.hint}${retry}`,
    details,
    cause: error,
  });
}

export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (isCodedError(error)) {
    const fromClient = fromClientError(error);
    if (fromClient !== undefined) return fromClient;
    const fromCheckout = fromCheckoutError(error);
    if (fromCheckout !== undefined) return fromCheckout;
    const hint = PACKAGE_ERROR_HINTS[error.code];
    if (hint !== undefined) {
      const issues = (error as { issues?: unknown }).issues;
      return new CliError(error.code, error.message, ExitCode.Usage, {
        hint,
        details: Array.isArray(issues) ? { issues } : undefined,
        cause: error,
      });
    }
  }
  return new CliError('INTERNAL_ERROR', 'The command failed unexpectedly.', ExitCode.ApiError, {
    hint: 'Run it again with --debug to see the stack trace, and report it.',
    cause: error,
  });
}
