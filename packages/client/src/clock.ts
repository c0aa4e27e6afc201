/** The client's clock, checked on every read: a clock that returns no valid Date is a setting error. */
import type { CoreServices } from './core-internals.js';
import { WalletConfigError } from './errors.js';

/** Now, by the configured clock. */
export function clockNow(internals: CoreServices): Date {
  const now = internals.config.now();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new WalletConfigError(
      'now',
      'Invalid wallet client setting now: it must return a valid Date.',
    );
  }
  return now;
}
