/**
 * Sending one `postservice` command (checkout.md section 5) on ky: the form body encoded with
 * `URLSearchParams` and signed with the command hash, the answer read as lossless JSON.
 *
 * Retries follow @wallet/client's policy: network failures, attempt timeouts, HTTP 408, 429 and
 * 5xx; waits growing from 500 ms with equal jitter, capped at `maxRetryDelay`, which also caps a
 * 429's or 503's `Retry-After`. Only commands that are safe to repeat are retried: the read-only
 * ones, and refunds, which always carry a token (PayU answers a repeated token and amount with
 * the first answer). A command of class `once` would be sent once.
 */
import ky, { HTTPError, isTimeoutError, type Options as KyOptions, type RetryOptions } from 'ky';
import type { ResolvedCheckoutConfig } from './config.js';
import type { Digest } from './digest.js';
import {
  CheckoutCommandError,
  CheckoutErrorCode,
  CheckoutResponseError,
  CheckoutTransportError,
} from './errors.js';
import { commandHashWith } from './hashes.js';
import { isJsonObject, type LosslessJson, parseLossless, scalarText } from './json.js';

/**
 * Whether a command may be sent again after a failed attempt: `read` (it changes nothing),
 * `token-keyed` (a repeat is recognised as the same request), or `once`.
 */
export type RetryClass = 'read' | 'token-keyed' | 'once';

/** The commands this package sends, and whether repeating one is safe. */
export const COMMAND_RETRY = {
  verify_payment: 'read',
  check_payment: 'read',
  check_action_status: 'read',
  getAllRefundsFromTxnIds: 'read',
  check_balance: 'read',
  /** Safe because every refund carries its token: the same token and amount is the same refund. */
  cancel_refund_transaction: 'token-keyed',
} as const satisfies Record<string, RetryClass>;

/** A command {@link COMMAND_RETRY} knows. */
export type PostserviceCommand = keyof typeof COMMAND_RETRY;

/** A `status: 1` answer, or a `status: 0` one the caller reads itself. */
export interface PostserviceAnswer {
  /** `1` or `0`: the call's status, not the payment's. */
  readonly status: 0 | 1;
  readonly msg: string;
  readonly body: { readonly [key: string]: LosslessJson };
  /** The body as received. */
  readonly text: string;
}

const INITIAL_RETRY_DELAY_MS = 500;
const RETRY_STATUS_CODES = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];
const RETRY_AFTER_STATUS_CODES = [429, 503];
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** ky's retry options for a command whose repetition is safe (`limit` 0 otherwise). */
function retryOptions(config: ResolvedCheckoutConfig, retriable: boolean): RetryOptions {
  const max = config.maxRetryDelay;
  return {
    limit: retriable ? config.retries : 0,
    methods: ['post'],
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: RETRY_AFTER_STATUS_CODES,
    maxRetryAfter: max,
    delay: (retry) => Math.min(max, INITIAL_RETRY_DELAY_MS * 2 ** Math.max(0, retry - 1)),
    // Equal jitter: between half and all of the wait.
    jitter: (ceiling) => Math.round(ceiling * (0.5 + Math.random() * 0.5)),
    backoffLimit: max,
    retryOnTimeout: true,
  };
}

/**
 * POSTs `form` to `url` and returns the answer's body text, retrying as the policy above says when
 * `retriable`. `label` names the call in errors (`verify_payment`, `_payment`).
 * @throws {CheckoutTransportError} for a network failure, a timeout or an HTTP error status.
 */
export async function postForm(
  config: ResolvedCheckoutConfig,
  url: string,
  form: URLSearchParams,
  label: string,
  retriable: boolean,
): Promise<string> {
  let attempts = 0;
  // The whole call's deadline, retries and waits included; ky's `timeout` is per attempt.
  const deadline = AbortSignal.timeout(config.totalTimeout);
  const options: KyOptions = {
    signal: deadline,
    body: form.toString(),
    headers: { 'content-type': FORM_CONTENT_TYPE, accept: 'application/json' },
    timeout: config.timeout,
    retry: retryOptions(config, retriable),
    hooks: {
      beforeRequest: [
        () => {
          attempts += 1;
        },
      ],
    },
  };
  if (config.fetch !== undefined) options.fetch = config.fetch as typeof fetch;
  try {
    return await ky.post(url, options).text();
  } catch (error) {
    const context = { command: label, attempts: Math.max(attempts, 1) };
    if (error instanceof HTTPError) {
      throw new CheckoutTransportError(CheckoutErrorCode.Http, context, error.response.status, {
        cause: error,
      });
    }
    const timedOut = isTimeoutError(error) || deadline.aborted;
    const code = timedOut ? CheckoutErrorCode.Timeout : CheckoutErrorCode.Network;
    throw new CheckoutTransportError(code, context, undefined, { cause: error });
  }
}

/** Sends commands for one merchant. */
export class Postservice {
  constructor(
    private readonly config: ResolvedCheckoutConfig,
    private readonly digest: Digest,
  ) {}

  /**
   * Sends `command` with `vars` (var1, var2, ...; `undefined` leaves one out) and reads the
   * answer. `status: 0` answers come back for the caller to read, except `Invalid Hash.`.
   * @throws {CheckoutTransportError} for a network failure, a timeout or an HTTP error status.
   * @throws {CheckoutResponseError} for an answer that is not a JSON object with a `status`.
   * @throws {CheckoutCommandError} `CHECKOUT_COMMAND_HASH_REFUSED` when PayU refused the hash.
   */
  async send(
    command: PostserviceCommand,
    vars: readonly [string, ...(string | undefined)[]],
  ): Promise<PostserviceAnswer> {
    const { key, salt } = this.config;
    const form = new URLSearchParams({ key, command });
    vars.forEach((value, i) => {
      if (value !== undefined) form.append(`var${i + 1}`, value);
    });
    form.append('hash', commandHashWith(this.digest, { key, command, var1: vars[0] }, salt));

    const retriable = (COMMAND_RETRY[command] as RetryClass) !== 'once';
    const url = this.config.endpoints.postservice;
    const text = await postForm(this.config, url, form, command, retriable);
    return readAnswer(command, text);
  }
}

/** The answer's status, message and body. */
export function readAnswer(command: string, text: string): PostserviceAnswer {
  const body = parseLossless(text);
  if (!isJsonObject(body)) {
    throw new CheckoutResponseError(
      `postservice ${command} answered something not a JSON object.`,
      text,
    );
  }
  const status = scalarText(body.status);
  if (status !== '0' && status !== '1') {
    throw new CheckoutResponseError(
      `postservice ${command} answered without a status of 0 or 1.`,
      text,
    );
  }
  const msg = scalarText(body.msg);
  if (status === '0' && /^invalid hash\.?$/i.test(msg.trim())) {
    throw new CheckoutCommandError(CheckoutErrorCode.CommandHash, command, msg, undefined);
  }
  return { status: status === '1' ? 1 : 0, msg, body, text };
}
