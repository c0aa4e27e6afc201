/**
 * `wallet pay verify-callback`: whether a payment response's hash holds under the merchant salt,
 * and when it does not, what can be told from the outside. A hash alone cannot say which field
 * changed, so this recomputes the likely slips (charges left out, the amount re-formatted, the hash
 * upper-cased), reports the fields that break PayU's rules, and lists what the hash covers, in
 * order, the salt masked. Every hash and rule is `@wallet/checkout`'s.
 */
import {
  CheckoutFieldError,
  type HashedResponse,
  responseHashString,
  verifyResponseHash,
} from '@wallet/checkout';
import { type HashPosition, hashLayout, SALT_MASK } from './hash-layout.js';

export interface CallbackDiagnosis {
  readonly valid: boolean;
  /** The most likely cause, in a sentence; absent when valid. */
  readonly cause?: string;
  /** Problems seen in the body itself. */
  readonly problems: readonly string[];
  /** What the hash covers, in hash order, the salt masked; absent when a field breaks a rule. */
  readonly hashed?: readonly HashPosition[];
  /** Fields of the body the hash does not cover. */
  readonly notHashed?: readonly string[];
}

/** A SHA-512 in hex: what `hash` must hold. */
const SHA512_HEX_LENGTH = 128;
const CHARGES = ['additionalCharges', 'additional_charges'] as const;
/** Optional fields of `ResponseHashFields` that an absent value hashes as empty: placed by probing. */
const OPTIONAL_HASHED = ['udf1', 'udf2', 'udf3', 'udf4', 'udf5'] as const;

function verifies(fields: Readonly<Record<string, string>>, salt: string): boolean {
  return verifyResponseHash(fields as unknown as HashedResponse, salt);
}

/** The same amount written the other ways a system may re-format it (`10`, `10.0`, `10.00`). */
function amountSpellings(amount: string): string[] {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(amount);
  if (match === null) return [];
  const whole = match[1] ?? '';
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return [];
  const spellings =
    decimals === ''
      ? [whole, `${whole}.0`, `${whole}.00`]
      : [`${whole}.${decimals}`, `${whole}.${decimals.padEnd(2, '0')}`];
  return [...new Set(spellings)].filter((spelling) => spelling !== amount);
}

/** The first rule the body's hashed fields break, as `field: rule`, or undefined. */
function fieldProblem(fields: Readonly<Record<string, string>>): string | undefined {
  try {
    responseHashString(fields as unknown as HashedResponse, SALT_MASK);
    return undefined;
  } catch (error) {
    if (!(error instanceof CheckoutFieldError)) throw error;
    const absent = fields[error.field] === undefined;
    return absent ? `${error.field} is missing` : `${error.field} ${error.rule}`;
  }
}

function withoutCharges(fields: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = { ...fields };
  for (const name of CHARGES) delete copy[name];
  return copy;
}

/** A recomputation under which the hash holds: the slip the sender made. */
function slip(fields: Readonly<Record<string, string>>, salt: string): string | undefined {
  const hash = fields.hash ?? '';
  if (hash !== hash.toLowerCase() && verifies({ ...fields, hash: hash.toLowerCase() }, salt)) {
    return 'The hash holds once lower-cased: the sender upper-cased it. PayU sends lowercase hex; compare it as sent.';
  }
  if (
    CHARGES.some((name) => (fields[name] ?? '') !== '') &&
    verifies(withoutCharges(fields), salt)
  ) {
    return 'The hash holds without the additional charges: it was computed as if none were charged, or the charges were added after hashing.';
  }
  const amount = fields.amount ?? '';
  for (const spelling of amountSpellings(amount)) {
    if (verifies({ ...fields, amount: spelling }, salt)) {
      return `The hash holds with amount ${spelling} instead of ${amount}: the amount was re-formatted after hashing (PayU hashes it exactly as posted).`;
    }
  }
  return undefined;
}

export function diagnoseCallback(
  fields: Readonly<Record<string, string>>,
  salt: string,
  merchantKey: string | undefined,
): CallbackDiagnosis {
  const otherKey = merchantKey !== undefined && fields.key !== merchantKey;
  const problems: string[] = [];
  if (otherKey) {
    problems.push(
      `key is ${fields.key === undefined ? 'missing' : `${fields.key}`}, not the configured merchant key ${merchantKey}`,
    );
  }
  if (verifies(fields, salt) && !otherKey) return { valid: true, problems };

  const hash = fields.hash;
  if (hash === undefined || hash === '') problems.push('hash is missing');
  else {
    if (hash.length !== SHA512_HEX_LENGTH) {
      problems.push(
        `hash is ${hash.length} characters long; a SHA-512 in hex is ${SHA512_HEX_LENGTH}`,
      );
    }
    if (/[A-F]/.test(hash)) problems.push('hash holds uppercase hex digits');
  }
  const broken = fieldProblem(fields);
  if (broken !== undefined) {
    problems.push(broken);
    return {
      valid: false,
      cause: `A hashed field breaks PayU's rules (${broken}), so no hash of PayU's covers this body: it was altered, or it is not a PayU payment response.`,
      problems,
    };
  }
  const layout = hashLayout(
    fields,
    (probe) => responseHashString(probe as unknown as HashedResponse, SALT_MASK),
    new Set(['hash']),
    OPTIONAL_HASHED,
  );
  const cause =
    (otherKey && verifies(fields, salt)
      ? 'The hash holds, but the callback is for another merchant key: do not trust it.'
      : undefined) ??
    slip(fields, salt) ??
    (otherKey
      ? 'The callback is for another merchant key: it was hashed with that merchant’s salt, or sent to the wrong merchant.'
      : undefined) ??
    (hash === undefined || hash === '' || hash.length !== SHA512_HEX_LENGTH
      ? 'The hash is missing or is not a SHA-512: the body was cut, or is not a PayU payment response.'
      : 'Either the salt is not the one this response was hashed with (another merchant, or the test salt against production), or one of the hashed fields below was changed after hashing. A hash alone cannot tell which field.');
  return {
    valid: false,
    cause,
    problems,
    hashed: layout.positions,
    notHashed: layout.notHashed,
  };
}
