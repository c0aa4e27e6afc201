/**
 * `wallet pay ...`: paying with the wallet on PayU's payment gateway through `@wallet/checkout`:
 * payment forms, the seamless (server-to-server) mode, the `postservice` commands, the hashes, and
 * callbacks checked with a diagnosis when their hash does not hold.
 */
import { readFile } from 'node:fs/promises';
import {
  type CallbackBody,
  CheckoutFieldError,
  CheckoutResponseError,
  type CommandHashParams,
  callbackFields,
  commandHash,
  commandHashString,
  createCheckout,
  type PaymentDetails,
  type PaymentHashParams,
  type PaymentParams,
  type PaymentRequestFields,
  paymentHash,
  paymentHashString,
  type RefundRequest,
  type ResponseHashFields,
  responseHash,
  responseHashString,
  type SeamlessPaymentParams,
} from '@wallet/checkout';
import { optionalSetting, requireSetting } from '../../config/resolve.js';
import type { CommandContext } from '../../context.js';
import { ExitCode, InputError, UsageError } from '../../errors.js';
import { parseJsonObject, readStdin } from '../../input.js';
import { diagnoseCallback } from '../../pay/callback-diagnosis.js';
import { SALT_MASK, SALT_NAME } from '../../pay/hash-layout.js';
import { renderResponse, table } from '../../render.js';
import { checkoutConfig } from '../../wiring/checkout-config.js';

/**
 * The payment fields, one flag each, named as posted (`_` written `-`, so `additional_charges`
 * arrives as `additionalCharges`), and the wallet fields of the modes that post them.
 */
export type PaymentFieldOptions = Omit<PaymentRequestFields, 'additional_charges'> & {
  readonly additionalCharges?: string;
  readonly walleturn?: string;
  readonly customerId?: string;
  readonly loadmoney?: string;
};

export type PaymentMode = 'hosted' | 'merchant-hosted' | 'load-and-pay';

export interface FormOptions extends PaymentFieldOptions {
  readonly mode?: PaymentMode;
  /** Print the auto-submitting HTML page instead of the fields. */
  readonly html?: boolean;
}

export interface RefundOptions {
  readonly mihpayid: string;
  readonly amount: string;
  readonly token?: string;
  readonly idempotencyKey?: string;
  readonly callbackUrl?: string;
}

export interface BalanceOptions {
  readonly mobile: string;
}

export type HashKind = 'payment' | 'response' | 'command';

export interface HashOptions {
  readonly kind: HashKind;
  readonly key?: string;
  readonly txnid?: string;
  readonly amount?: string;
  readonly productinfo?: string;
  readonly firstname?: string;
  readonly email?: string;
  readonly udf1?: string;
  readonly udf2?: string;
  readonly udf3?: string;
  readonly udf4?: string;
  readonly udf5?: string;
  readonly additionalCharges?: string;
  readonly status?: string;
  readonly command?: string;
  readonly var1?: string;
}

/** Only the entries whose value is given: optional fields are left out, never sent empty. */
function given<T extends Record<string, string | undefined>>(fields: T): Partial<T> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  return out as Partial<T>;
}

/** The posted fields of a payment from the flags (the checkout checks them, and the mode's). */
function paymentParams(options: PaymentFieldOptions): Record<string, string> {
  return given({
    txnid: options.txnid,
    amount: options.amount,
    productinfo: options.productinfo,
    firstname: options.firstname,
    lastname: options.lastname,
    email: options.email,
    phone: options.phone,
    surl: options.surl,
    furl: options.furl,
    udf1: options.udf1,
    udf2: options.udf2,
    udf3: options.udf3,
    udf4: options.udf4,
    udf5: options.udf5,
    additional_charges: options.additionalCharges,
    walleturn: options.walleturn,
    customer_id: options.customerId,
    loadmoney: options.loadmoney,
  }) as Record<string, string>;
}

function aligned(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}

export async function form(context: CommandContext, options: FormOptions): Promise<undefined> {
  const checkout = createCheckout(checkoutConfig(context.config()));
  const params = {
    ...paymentParams(options),
    ...(options.mode === undefined ? {} : { mode: options.mode }),
  } as unknown as PaymentParams;
  if (options.html === true) {
    const page = checkout.paymentFormHtml(params);
    context.output.result({ html: page }, page);
    return undefined;
  }
  const built = checkout.paymentForm(params);
  context.output.result(built, () =>
    [
      `POST ${built.action}`,
      aligned(Object.entries(built.fields)),
      '',
      'Post these fields from the customer’s browser (--html prints a page that does).',
    ].join('\n'),
  );
  return undefined;
}

/** A payment response for a person: its fields, without the raw copy of them. */
function paymentText(payment: PaymentDetails): string {
  const { fields: _raw, ...shown } = payment;
  return renderResponse(shown);
}

export async function s2s(
  context: CommandContext,
  options: PaymentFieldOptions,
): Promise<ExitCode> {
  const checkout = createCheckout(checkoutConfig(context.config(), { envelope: true }));
  const payment = await checkout.payServerToServer(
    paymentParams(options) as unknown as SeamlessPaymentParams,
  );
  context.output.result(payment, () => `payment ${payment.status}\n${paymentText(payment)}`);
  return payment.status === 'failure' ? ExitCode.ApiError : ExitCode.Success;
}

export async function verify(
  context: CommandContext,
  txnids: readonly string[],
): Promise<ExitCode> {
  const checkout = createCheckout(checkoutConfig(context.config()));
  const payments = await checkout.verifyPayment(txnids);
  const unknown = txnids.filter((txnid) => payments[txnid] == null);
  context.output.result(payments, () =>
    txnids
      .map((txnid) => {
        const payment = payments[txnid];
        return payment == null
          ? `${txnid}: not found`
          : `${txnid}: ${payment.status}\n${paymentText(payment)}`;
      })
      .join('\n\n'),
  );
  return unknown.length === 0 ? ExitCode.Success : ExitCode.ApiError;
}

export async function refund(context: CommandContext, options: RefundOptions): Promise<undefined> {
  if ((options.token === undefined) === (options.idempotencyKey === undefined)) {
    throw new UsageError('Give exactly one of --token and --idempotency-key.', {
      hint: 'An --idempotency-key (your id for this refund) makes a retried refund the same refund.',
    });
  }
  const checkout = createCheckout(checkoutConfig(context.config()));
  const request = {
    mihpayid: options.mihpayid,
    amount: options.amount,
    ...given({
      token: options.token,
      idempotencyKey: options.idempotencyKey,
      callbackUrl: options.callbackUrl,
    }),
  } as RefundRequest;
  const receipt = await checkout.refund(request);
  context.output.result(receipt, () => `refund queued\n${renderResponse({ ...receipt })}`);
  return undefined;
}

export async function refundStatus(context: CommandContext, requestId: string): Promise<undefined> {
  const checkout = createCheckout(checkoutConfig(context.config()));
  const details = await checkout.refundStatus(requestId);
  context.output.result(details, () => renderResponse({ ...details }));
  return undefined;
}

export async function balance(
  context: CommandContext,
  options: BalanceOptions,
): Promise<undefined> {
  const checkout = createCheckout(checkoutConfig(context.config()));
  const wallet = await checkout.balance({ mobile: options.mobile });
  context.output.result(wallet, () => renderResponse({ ...wallet }));
  return undefined;
}

/** The hash and the string it covers, built twice: with the salt, and with it masked. */
function hashOf(kind: HashKind, options: HashOptions, key: string, salt: string) {
  const common = given({
    key,
    txnid: options.txnid,
    amount: options.amount,
    productinfo: options.productinfo,
    firstname: options.firstname,
    email: options.email,
    udf1: options.udf1,
    udf2: options.udf2,
    udf3: options.udf3,
    udf4: options.udf4,
    udf5: options.udf5,
  });
  switch (kind) {
    case 'payment': {
      const params = {
        ...common,
        ...given({ additional_charges: options.additionalCharges }),
      } as PaymentHashParams;
      return { string: paymentHashString(params, SALT_MASK), hash: paymentHash(params, salt) };
    }
    case 'response': {
      const response = {
        ...common,
        ...given({ status: options.status, additionalCharges: options.additionalCharges }),
      } as ResponseHashFields;
      return {
        string: responseHashString(response, SALT_MASK),
        hash: responseHash(response, salt),
      };
    }
    case 'command': {
      const params = { key, command: options.command, var1: options.var1 } as CommandHashParams;
      return { string: commandHashString(params, SALT_MASK), hash: commandHash(params, salt) };
    }
  }
}

/** A field the kind needs but no flag gave is a usage error naming the flag. */
function withFlagNames<T>(options: HashOptions, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (
      error instanceof CheckoutFieldError &&
      (options as unknown as Record<string, unknown>)[error.field] === undefined &&
      error.field !== 'key'
    ) {
      throw new UsageError(`--${error.field} is required for --kind ${options.kind}.`, {
        hint: '`wallet pay hash --help` lists the flags of each kind.',
      });
    }
    throw error;
  }
}

export async function hash(context: CommandContext, options: HashOptions): Promise<undefined> {
  const config = context.config();
  const key = options.key ?? requireSetting(config, 'merchantKey');
  const salt = requireSetting(config, 'merchantSalt');
  const { string, hash: value } = withFlagNames(options, () =>
    hashOf(options.kind, options, key, salt),
  );
  context.output.result({ kind: options.kind, string, saltMask: SALT_MASK, hash: value }, () =>
    aligned([
      ['string', string],
      ['hash', value],
    ]),
  );
  return undefined;
}

/** The callback body: a file, or stdin for none or `-`. */
async function readCallback(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return readStdin('callback body');
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new InputError('INPUT_UNREADABLE', `The file ${file} cannot be read.`, {
      hint: 'Give the path of a saved callback body, or - (or nothing) to read stdin.',
    });
  }
}

/** The body's fields: a JSON object, or the raw form as posted (one final newline ignored). */
function fieldsOf(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new InputError('INPUT_MISSING', 'The callback body is empty.', {
      hint: 'Give the raw body as posted (key=...&txnid=...) or its fields as a JSON object.',
    });
  }
  const body: CallbackBody = trimmed.startsWith('{')
    ? parseJsonObject(trimmed, 'callback body')
    : text.replace(/\r?\n$/, '');
  try {
    return callbackFields(body);
  } catch (error) {
    if (!(error instanceof CheckoutResponseError)) throw error;
    throw new InputError('INPUT_INVALID', error.message, {
      hint: 'Give each field once, as a string.',
    });
  }
}

export async function verifyCallback(
  context: CommandContext,
  file: string | undefined,
): Promise<ExitCode> {
  const config = context.config();
  const salt = requireSetting(config, 'merchantSalt');
  const fields = fieldsOf(await readCallback(file));
  const diagnosis = diagnoseCallback(fields, salt, optionalSetting(config, 'merchantKey'));
  context.output.result(diagnosis, () => {
    if (diagnosis.valid) {
      return `valid: the hash holds for ${fields.status ?? ''} payment ${fields.txnid ?? ''}`;
    }
    const lines = ['invalid: the hash does not hold', `Most likely: ${diagnosis.cause ?? ''}`];
    if (diagnosis.problems.length > 0) {
      lines.push('', 'Problems:', ...diagnosis.problems.map((problem) => `  - ${problem}`));
    }
    if (diagnosis.hashed !== undefined) {
      lines.push(
        '',
        `What the hash covers, in order (the salt shown as ${SALT_MASK}):`,
        table(
          diagnosis.hashed.map((position, index) => ({
            '#': String(index + 1),
            field: position.name === '' ? '(empty)' : position.name,
            value: position.name === SALT_NAME ? SALT_MASK : position.value,
          })),
        ),
      );
    }
    if (diagnosis.notHashed !== undefined && diagnosis.notHashed.length > 0) {
      lines.push('', `Not covered by the hash: ${diagnosis.notHashed.join(', ')}`);
    }
    return lines.join('\n');
  });
  return diagnosis.valid ? ExitCode.Success : ExitCode.ApiError;
}
