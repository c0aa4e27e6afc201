import { InvalidArgumentError } from './errors.js';

/**
 * Guards on values the store receives. The engine validates requests against the API schemas
 * first; these checks only stop programming errors from reaching the database as faults.
 */

export function requireText(value: unknown, argument: string, maxLength = 1000): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw new InvalidArgumentError(argument);
  }
  return value;
}

export function optionalText(value: unknown, argument: string, maxLength = 1000): string | null {
  if (value === undefined || value === null) return null;
  return requireText(value, argument, maxLength);
}

export function requireInteger(value: unknown, argument: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(argument);
  }
  return value;
}

export function requireOneOf<T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  argument: string,
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new InvalidArgumentError(argument);
  return found;
}

export function requireDate(value: unknown, argument: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidArgumentError(argument);
  }
  return value.getTime();
}

/** `YYYY-MM-DD`. */
export function requireIsoDate(value: unknown, argument: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new InvalidArgumentError(argument);
  }
  return value;
}

/** Largest amount or balance the store accepts, in paise (well inside 2^53). */
export const MAX_PAISE = Number.MAX_SAFE_INTEGER;
