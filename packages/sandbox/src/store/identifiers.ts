import { randomInt } from 'node:crypto';
import { StoreFaultError } from './errors.js';

/**
 * Produces a string of exactly `length` decimal digits. The default draws from the OS's CSPRNG;
 * tests may pass a deterministic source. Uniqueness is enforced by the database, not the source:
 * a value already taken is drawn again.
 */
export type DigitSource = (length: number) => string;

/** Lengths of the identifiers the store issues. */
export const IDENTIFIER_LENGTHS = {
  /** Wallet reference number. */
  urn: 11,
  /** Wallet account number (what Change Wallet Status names). */
  accountNumber: 12,
  /** Form factor (card-like) unique number. */
  uniqueNumber: 16,
  /** The platform's transaction id of a ledger entry. */
  accosaTransactionId: 10,
  /** The reference number (accosaRefNo) of a ledger entry. */
  referenceNumber: 12,
  /** A customerId generated when Register Customer omits one. */
  customerId: 12,
} as const;

/** Random digits whose first digit is never 0, so an identifier read as an integer round-trips. */
export const randomDigits: DigitSource = (length) => {
  let digits = String(randomInt(1, 10));
  while (digits.length < length) {
    const chunk = Math.min(12, length - digits.length);
    digits += String(randomInt(0, 10 ** chunk)).padStart(chunk, '0');
  }
  return digits;
};

/** How many draws an identifier gets before the store gives up (the space is at least 9e9). */
export const IDENTIFIER_ATTEMPTS = 16;

/** Draws from `source` and checks that it kept its contract. */
export function drawDigits(source: DigitSource, length: number): string {
  const value = source(length);
  if (value.length !== length || !/^[0-9]+$/.test(value)) {
    throw new StoreFaultError({
      cause: new Error(`digit source returned a value of the wrong shape`),
    });
  }
  return value;
}
