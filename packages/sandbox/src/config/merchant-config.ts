/**
 * The merchant configuration a sandbox accepts (a JSON file, `options.merchants`, or the
 * `WALLET_*` environment), its zod schema, and its conversion into what the store keeps.
 */
import { createEnvelope, type KeyEncoding, WalletKeyError } from '@wallet/crypto';
import type { ResponseEnvelopeField } from '@wallet/schemas';
import * as z from 'zod';
import { MerchantConfigError, type MerchantConfigProblem } from '../errors.js';
import type { IvMode } from '../store/records.js';

/** The Wibmo helper API credentials of one merchant (wallet-protocol.md section 5). */
export interface HelperCredentials {
  /** The `x-api-key` header: selects the merchant. SECRET. */
  readonly apiKey: string;
  /** The `clientId` header. */
  readonly clientId: string;
  /** The `bankId` header; a wrong value answers 1031. */
  readonly bankId: string;
  /** The `secureCode` header; a wrong value answers 1049. SECRET. */
  readonly secureCode: string;
}

/** One merchant as configured. Secrets (salt, key, IV, helper codes) are never logged. */
export interface MerchantConfig {
  /** The Authorization header's `username`: printable ASCII without spaces, `"` or `\`, 1-200 characters. */
  readonly merchantKey: string;
  /** The HMAC key, 1-1000 characters. */
  readonly salt: string;
  /** The 24-byte AES-192 key: 48 hex characters, base64 of 24 bytes, or (with `encryptionKeyEncoding: 'utf8'`) 24 bytes of text. */
  readonly encryptionKey: string;
  /** How `encryptionKey` is written; default `auto` (hex or base64). */
  readonly encryptionKeyEncoding?: KeyEncoding | undefined;
  /** Default `prefix`. */
  readonly ivMode?: IvMode | undefined;
  /** 32 hex characters; required with `ivMode: 'fixed'`, refused otherwise. */
  readonly iv?: string | undefined;
  /** The response envelope's field; default the sandbox's `responseField` option (`result`). */
  readonly responseField?: ResponseEnvelopeField | undefined;
  /** Helper API credentials; each one left out is derived from the salt. */
  readonly helper?: Partial<HelperCredentials> | undefined;
}

/** A configured merchant in the store's terms, plus the sandbox-only settings. */
export interface ResolvedMerchantConfig {
  readonly merchantKey: string;
  readonly salt: string;
  /** 48 lowercase hex characters. */
  readonly aesKeyHex: string;
  readonly ivMode: IvMode;
  /** 32 lowercase hex characters with `fixed`, otherwise null. */
  readonly ivHex: string | null;
  readonly responseField: ResponseEnvelopeField | undefined;
  readonly helper: Partial<HelperCredentials>;
}

const MERCHANT_KEY = /^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/;
const HEX_IV = /^[0-9a-fA-F]{32}$/;
const HELPER_VALUE = /^[\x21-\x7e]{1,200}$/;

const helperValue = z
  .string({ error: 'must be a string' })
  .regex(HELPER_VALUE, { error: 'must be 1 to 200 printable ASCII characters without spaces' })
  .optional();

/** The schema of one merchant entry. */
export const merchantConfigSchema = z
  .strictObject({
    merchantKey: z.string({ error: 'is required (a string)' }).regex(MERCHANT_KEY, {
      error: 'must be 1 to 200 printable ASCII characters without spaces, " or \\',
    }),
    salt: z
      .string({ error: 'is required (a string)' })
      .min(1, { error: 'must not be empty' })
      .max(1000, { error: 'must be at most 1000 characters' }),
    encryptionKey: z.string({ error: 'is required (a string)' }),
    encryptionKeyEncoding: z
      .enum(['auto', 'hex', 'base64', 'utf8'], { error: 'must be auto, hex, base64 or utf8' })
      .optional(),
    ivMode: z.enum(['prefix', 'fixed'], { error: 'must be prefix or fixed' }).optional(),
    iv: z.string({ error: 'must be a string' }).optional(),
    responseField: z.enum(['result', 'token'], { error: 'must be result or token' }).optional(),
    helper: z
      .strictObject(
        {
          apiKey: helperValue,
          clientId: helperValue,
          bankId: helperValue,
          secureCode: helperValue,
        },
        { error: 'must be an object' },
      )
      .optional(),
  })
  .superRefine((merchant, ctx) => {
    const fixed = merchant.ivMode === 'fixed';
    if (fixed && merchant.iv === undefined) {
      ctx.addIssue({ code: 'custom', path: ['iv'], message: 'is required when ivMode is fixed' });
    } else if (fixed && merchant.iv !== undefined && !HEX_IV.test(merchant.iv)) {
      ctx.addIssue({
        code: 'custom',
        path: ['iv'],
        message: 'must be 32 hex characters (16 bytes)',
      });
    } else if (!fixed && merchant.iv !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['iv'], message: 'is only allowed with ivMode fixed' });
    }
    const keyProblem = encryptionKeyProblem(merchant.encryptionKey, merchant.encryptionKeyEncoding);
    if (keyProblem !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['encryptionKey'], message: keyProblem });
    }
  });

/** The schema of a merchants file: `{ "merchants": [ ... ] }`, at least one, keys unique. */
export const merchantsFileSchema = z
  .strictObject({
    merchants: z
      .array(merchantConfigSchema, { error: 'is required (an array of merchants)' })
      .min(1, { error: 'must list at least one merchant' }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.merchants.forEach((merchant, index) => {
      if (seen.has(merchant.merchantKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['merchants', index, 'merchantKey'],
          message: 'repeats the merchant key of an earlier merchant',
        });
      }
      seen.add(merchant.merchantKey);
    });
  });

/** Why a key is unusable, in @wallet/crypto's words (which never repeat the key), or undefined. */
function encryptionKeyProblem(key: string, encoding: KeyEncoding | undefined): string | undefined {
  try {
    createEnvelope({ key, keyEncoding: encoding ?? 'auto' });
    return undefined;
  } catch (error) {
    if (error instanceof WalletKeyError) return error.message;
    throw error;
  }
}

/** The 24 key bytes of a key `createEnvelope` accepted, as lowercase hex. */
function keyToHex(key: string, encoding: KeyEncoding | undefined): string {
  switch (encoding ?? 'auto') {
    case 'utf8':
      return Buffer.from(key, 'utf8').toString('hex');
    case 'hex':
      return key.toLowerCase();
    case 'base64':
      return Buffer.from(key, 'base64').toString('hex');
    default:
      return key.length === 48 ? key.toLowerCase() : Buffer.from(key, 'base64').toString('hex');
  }
}

/** zod issues as problems: dotted paths with `[i]` indices, rule messages only. */
export function problemsOf(error: z.ZodError): MerchantConfigProblem[] {
  return error.issues.map((issue) => {
    let path = '';
    for (const segment of issue.path) {
      if (typeof segment === 'number') path += `[${segment}]`;
      else path += path === '' ? String(segment) : `.${String(segment)}`;
    }
    if (issue.code === 'unrecognized_keys') {
      return { path, message: `has unknown field(s) ${issue.keys.join(', ')}` };
    }
    return { path, message: issue.message };
  });
}

/** Converts a checked merchant entry into the store's terms. */
export function resolveMerchantConfig(
  merchant: z.output<typeof merchantConfigSchema>,
): ResolvedMerchantConfig {
  const ivMode = merchant.ivMode ?? 'prefix';
  const helper: { -readonly [K in keyof HelperCredentials]?: string } = {};
  for (const name of ['apiKey', 'clientId', 'bankId', 'secureCode'] as const) {
    const value = merchant.helper?.[name];
    if (value !== undefined) helper[name] = value;
  }
  return {
    merchantKey: merchant.merchantKey,
    salt: merchant.salt,
    aesKeyHex: keyToHex(merchant.encryptionKey, merchant.encryptionKeyEncoding),
    ivMode,
    ivHex: ivMode === 'fixed' && merchant.iv !== undefined ? merchant.iv.toLowerCase() : null,
    responseField: merchant.responseField,
    helper,
  };
}

/** Checks inline merchants (`options.merchants`). */
export function parseMerchantList(
  merchants: readonly MerchantConfig[],
  source: string,
): ResolvedMerchantConfig[] {
  const parsed = merchantsFileSchema.safeParse({ merchants });
  if (!parsed.success) {
    throw new MerchantConfigError(
      source,
      problemsOf(parsed.error).map((p) => ({ ...p, path: p.path.replace(/^merchants/, '') })),
    );
  }
  return parsed.data.merchants.map(resolveMerchantConfig);
}
