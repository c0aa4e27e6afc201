/** The limits the sandbox applies per KYC profile (configurable per product), in paise. */
import type { KycProfile } from './fields.js';

export interface KycLimit {
  /** The most a wallet of this profile may hold; a credit beyond it answers 1050. */
  readonly balanceCapPaise: number;
  /** The smallest single load; outside the range a credit answers 10153. */
  readonly minLoadPaise: number;
  /** The largest single load. */
  readonly maxLoadPaise: number;
}

export const kycLimits: Readonly<Record<KycProfile, KycLimit>> = {
  30: { balanceCapPaise: 1_000_000, minLoadPaise: 1, maxLoadPaise: 1_000_000 },
  300: { balanceCapPaise: 1_000_000, minLoadPaise: 1, maxLoadPaise: 1_000_000 },
  150: { balanceCapPaise: 20_000_000, minLoadPaise: 1, maxLoadPaise: 20_000_000 },
};
