/**
 * Sending one `postservice` command (checkout.md section 5) on ky: the form body encoded with
 * `URLSearchParams` and signed with the command hash, the response read as lossless JSON.
 *
 * Retries and timeouts are the wallet client's own, from `@wallet/http`: what is retried (network
 * failures, attempt timeouts, HTTP 408, 429 and 5xx), the backoff, the one reader of a named wait,
 * the one deadline per call, the capped body reader. This module decides only which commands may
 * be retried at all: the read-only ones, and refunds, which always carry a token (PayU answers a
 * repeated token and amount with the first response). A command of class `once` is sent once.
 */
import {
  Deadline,
  kyRetryTimeoutOptions,
  type RetryTimeoutPolicy,
  readCappedBody,
} from '@wallet/http';
import ky, { type Input, isHTTPError, isTimeoutError, type Options as KyOptions } from 'ky';
import type { ResolvedCheckoutConfig } from './config.js';
import type { Digest } from './digest.js';
import {
  type CheckoutCallContext,
  CheckoutCommandError,
  CheckoutErrorCode,
  CheckoutResponseError,
  CheckoutTransportError,
} from './errors.js';
import { commandHashWith } from './hashes.js';
import { isJsonObject, type LosslessJsonObject, parseLossless, scalarText } from './json.js';

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

/** A `status: 1` response, or a `status: 0` one the caller reads itself. */
export interface PostserviceResponse {
  /** `1` or `0`: the call's status, not the payment's. */
  readonly status: 0 | 1;
  readonly msg: string;
  readonly body: LosslessJsonObject;
  /** The body as received. */
  readonly text: string;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The shared retry policy, with no retry at all for a command that is not safe to repeat. */
function policyOf(config: ResolvedCheckoutConfig, retriable: boolean): RetryTimeoutPolicy {
  return {
    timeout: config.timeout,
    retries: retriable ? config.retries : 0,
    maxRetryDelay: config.maxRetryDelay,
  };
}

/**
 * POSTs `form` to `url` and returns the response's body text, retrying as `@wallet/http` does when
 * `retriable`. `label` names the call in errors (`verify_payment`, `_payment`).
 * @throws {CheckoutTransportError} for a network failure, a timeout, an HTTP error status or an
 * response body larger than `maxResponseBytes`.
 */
export async function postForm(
  config: ResolvedCheckoutConfig,
  url: string,
  form: URLSearchParams,
  label: string,
  retriable: boolean,
): Promise<string> {
  let attempts = 0;
  const context = (): CheckoutCallContext => ({ command: label, attempts: Math.max(attempts, 1) });
  // The configured fetch, then the body read within the attempt (so the attempt timeout covers
  // it) and no further than maxResponseBytes.
  const fetchAttempt = async (input: Input, init?: RequestInit): Promise<Response> => {
    attempts += 1;
    const response = await (config.fetch === undefined
      ? fetch(input, init)
      : config.fetch(input as Request, init));
    const body = await readCappedBody(response, config.maxResponseBytes);
    const { status, statusText, headers } = response;
    if (body === undefined) {
      throw new CheckoutTransportError(CheckoutErrorCode.ResponseTooLarge, context(), status);
    }
    return new Response(body.byteLength === 0 ? null : body, { status, statusText, headers });
  };
  const deadline = new Deadline(config.totalTimeout);
  const options: KyOptions = {
    body: form.toString(),
    headers: { 'content-type': FORM_CONTENT_TYPE, accept: 'application/json' },
    ...kyRetryTimeoutOptions(policyOf(config, retriable), deadline, {
      isFinal: (error) => error instanceof CheckoutTransportError,
    }),
    fetch: fetchAttempt,
  };
  try {
    const response = await ky.post(url, options);
    // ky throws for the retriable statuses only; any other error status is reported here.
    if (!response.ok) {
      throw new CheckoutTransportError(CheckoutErrorCode.Http, context(), response.status);
    }
    return await response.text();
  } catch (error) {
    if (error instanceof CheckoutTransportError) throw error;
    if (isHTTPError(error)) {
      throw new CheckoutTransportError(CheckoutErrorCode.Http, context(), error.response.status, {
        cause: error,
      });
    }
    const timedOut = isTimeoutError(error) || deadline.reason === 'total-timeout';
    const code = timedOut ? CheckoutErrorCode.Timeout : CheckoutErrorCode.Network;
    throw new CheckoutTransportError(code, context(), undefined, { cause: error });
  } finally {
    deadline.end();
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
   * response. `status: 0` responses come back for the caller to read, except `Invalid Hash.`.
   * @throws {CheckoutTransportError} for a network failure, a timeout or an HTTP error status.
   * @throws {CheckoutResponseError} for a response that is not a JSON object with a `status`.
   * @throws {CheckoutCommandError} `CHECKOUT_COMMAND_HASH_REFUSED` when PayU refused the hash.
   */
  async send(
    command: PostserviceCommand,
    vars: readonly [string, ...(string | undefined)[]],
  ): Promise<PostserviceResponse> {
    const { key, salt } = this.config;
    const form = new URLSearchParams({ key, command });
    vars.forEach((value, i) => {
      if (value !== undefined) form.append(`var${i + 1}`, value);
    });
    form.append('hash', commandHashWith(this.digest, { key, command, var1: vars[0] }, salt));

    const retriable = (COMMAND_RETRY[command] as RetryClass) !== 'once';
    const url = this.config.endpoints.postservice;
    const text = await postForm(this.config, url, form, command, retriable);
    return readResponse(command, text);
  }
}

/** The response's status, message and body. */
export function readResponse(command: string, text: string): PostserviceResponse {
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
