/** `wallet encrypt` and `wallet decrypt`. */
import { createEnvelope } from '@wallet/crypto';
import { envelopeCiphertext, responseEnvelopeSchema } from '@wallet/schemas';
import type { CommandContext } from '../../context.js';
import { InputError } from '../../errors.js';
import { parseJsonObject, readDataArgument, readStdin } from '../../input.js';
import { envelopeOptions } from '../../wiring/envelope-options.js';

export interface EncryptOptions {
  readonly data?: string;
}

export async function encrypt(
  context: CommandContext,
  options: EncryptOptions,
): Promise<undefined> {
  const envelope = createEnvelope(envelopeOptions(context.config()));
  const text =
    options.data === undefined
      ? await readStdin('JSON object')
      : await readDataArgument(options.data, 'JSON object');
  const token = envelope.seal(parseJsonObject(text, 'JSON object'));
  context.output.result({ token }, token);
  return undefined;
}

/** The token inside `input`: the text itself, or the `result`/`token` of a JSON response body. */
function tokenOf(input: string): string {
  const text = input.trim();
  if (!text.startsWith('{')) return text;
  const parsed = responseEnvelopeSchema.safeParse(parseJsonObject(text, 'body'));
  if (!parsed.success) {
    throw new InputError(
      'INPUT_INVALID',
      'The body is not an envelope: it has no base64 "result" or "token".',
      {
        hint: 'Give a token, or a body like {"result": "<base64>"} or {"token": "<base64>"}.',
      },
    );
  }
  return envelopeCiphertext(parsed.data);
}

export async function decrypt(
  context: CommandContext,
  argument: string | undefined,
): Promise<undefined> {
  const envelope = createEnvelope(envelopeOptions(context.config()));
  const input =
    argument === undefined ? await readStdin('token') : await readDataArgument(argument, 'token');
  const value = envelope.open(tokenOf(input));
  context.output.result(value, JSON.stringify(value, null, 2));
  return undefined;
}
