/** Field readers for responses: typed, but lenient about formats so platform drift does not break. */
import * as z from 'zod';

/** A reference number in a response: a string, or a number the platform sent unquoted. */
export const responseUrnSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v));

/** An amount in paise in a response. */
export const responseAmountSchema = z.number().int();
