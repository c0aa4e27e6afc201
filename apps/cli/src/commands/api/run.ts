/**
 * The API commands' action: flags and `--data` into params, then the call through
 * `@wallet/client`. `--dry-run` runs the same client with a `fetch` that keeps the request instead
 * of sending it, so what it prints is exactly what would go on the wire.
 */
import { createWalletClient, type WalletFetch } from '@wallet/client';
import { createEnvelope } from '@wallet/crypto';
import { type ApiName, routes, tokenEnvelopeSchema } from '@wallet/schemas';
import { type FieldFlag, paramsFromFlags } from '../../api-flags.js';
import type { CommandContext } from '../../context.js';
import { ExitCode } from '../../errors.js';
import { parseJsonObject, readDataArgument } from '../../input.js';
import { renderResponse } from '../../render.js';
import { walletClientConfig } from '../../wiring/client-config.js';
import { envelopeOptions } from '../../wiring/envelope-options.js';

/** What the API action receives. */
export interface ApiInvocation {
  readonly api: ApiName;
  readonly flags: readonly FieldFlag[];
  /** The field flags given, by flag name. */
  readonly values: ReadonlyMap<string, unknown>;
  readonly data: string | undefined;
  readonly clientTxnId: string | undefined;
  readonly dryRun: boolean;
}

type ApiMethod = (
  params: Record<string, unknown>,
  options: { clientTxnId?: string },
) => PromiseLike<Readonly<Record<string, unknown>>>;

interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Thrown by the dry-run fetch so that nothing is sent; never seen by the user. */
class DryRunStop extends Error {}

async function paramsOf(invocation: ApiInvocation): Promise<Record<string, unknown>> {
  const base =
    invocation.data === undefined
      ? {}
      : parseJsonObject(await readDataArgument(invocation.data, 'request body'), '--data body');
  const params = paramsFromFlags(invocation.flags, invocation.values, base);
  // An API whose clientTxnId names an earlier call (PG Load Enquiry) takes it as a parameter.
  if (routes[invocation.api].clientTxnId === 'enquired' && invocation.clientTxnId !== undefined) {
    return { ...params, clientTxnId: invocation.clientTxnId };
  }
  return params;
}

function methodOf(client: object, api: string): ApiMethod {
  const method = (client as Record<string, unknown>)[api];
  if (typeof method !== 'function') throw new Error(`the client has no method ${api}`);
  return method as ApiMethod;
}

async function dryRun(
  context: CommandContext,
  invocation: ApiInvocation,
  params: Record<string, unknown>,
): Promise<ExitCode> {
  const config = context.config();
  let captured: CapturedRequest | undefined;
  const fetch: WalletFetch = async (request, init) => {
    const body = typeof init?.body === 'string' ? init.body : await request.clone().text();
    captured = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(new Headers(request.headers).entries()),
      body,
    };
    throw new DryRunStop();
  };
  const client = createWalletClient(walletClientConfig(config, { fetch, retries: 0 }));
  try {
    await methodOf(client, invocation.api)(params, optionsOf(invocation));
  } catch (error) {
    if (captured === undefined) throw error;
  }
  if (captured === undefined) throw new Error('the client sent nothing');
  const request: CapturedRequest = captured;
  const token = tokenEnvelopeSchema.parse(JSON.parse(request.body)).token;
  const plaintext = createEnvelope(envelopeOptions(config)).open(token);
  context.output.result(
    { method: request.method, url: request.url, headers: request.headers, plaintext, token },
    () =>
      [
        `${request.method} ${request.url}`,
        ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
        '',
        'plaintext:',
        JSON.stringify(plaintext, null, 2),
        '',
        'token:',
        token,
        '',
        '(dry run: nothing was sent)',
      ].join('\n'),
  );
  return ExitCode.Success;
}

function optionsOf(invocation: ApiInvocation): { clientTxnId?: string } {
  return invocation.clientTxnId === undefined ? {} : { clientTxnId: invocation.clientTxnId };
}

export async function callApi(
  context: CommandContext,
  invocation: ApiInvocation,
): Promise<ExitCode> {
  const params = await paramsOf(invocation);
  if (invocation.dryRun) return dryRun(context, invocation, params);
  const client = createWalletClient(walletClientConfig(context.config()));
  const response = await methodOf(client, invocation.api)(params, optionsOf(invocation));
  const redirect = redirectUrlOf(response);
  context.output.result(response, () =>
    redirect === undefined
      ? renderResponse(response)
      : `${redirect}\n\nSend the customer's browser to the URL above.\n${renderResponse(response)}`,
  );
  return ExitCode.Success;
}

/** The page a response sends the customer to (PG Load's `data.redirectUrl`), printed first. */
function redirectUrlOf(response: Readonly<Record<string, unknown>>): string | undefined {
  const data = response.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const url = (data as Record<string, unknown>).redirectUrl;
  return typeof url === 'string' ? url : undefined;
}
