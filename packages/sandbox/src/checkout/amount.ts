/**
 * Rupees as the gateway writes them (`525.5`) and paise as the ledger counts them (`52550`),
 * converted exactly: by the digits, never through a float.
 */

/** `^\d+(\.\d{1,2})?$`: rupees with at most two decimals (checkout.md section 1). */
const RUPEES = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * The paise of a rupee amount as posted, or undefined when it is not one: not the rupee syntax
 * (more than two decimals, a sign, an exponent, spaces), zero, or beyond a safe integer.
 */
export function rupeesToPaise(rupees: string): number | undefined {
  const match = RUPEES.exec(rupees);
  if (match === null) return undefined;
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const paise = Number(digits);
  if (!Number.isSafeInteger(paise) || paise <= 0 || String(paise) !== digits) return undefined;
  return paise;
}

/** Paise as rupees with two decimals: `52550` → `525.50`. */
export function paiseToRupees(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0)
    throw new RangeError('paise must be a safe integer >= 0');
  const whole = Math.floor(paise / 100);
  const fraction = String(paise % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}
