/**
 * How big the proofs run: `ci` (the default: a few minutes in total on two cores) or `full`
 * (`pnpm test:soak`: 20 kill points, long storms, large fuzz counts), from WALLET_PROOF_SIZE.
 */
export type ProofSize = 'ci' | 'full';

function readSize(value: string | undefined): ProofSize {
  if (value === undefined || value === '' || value === 'ci') return 'ci';
  if (value === 'full') return 'full';
  throw new Error('WALLET_PROOF_SIZE must be ci or full');
}

export const PROOF_SIZE: ProofSize = readSize(process.env.WALLET_PROOF_SIZE);

/** The value for the current size. */
export function sized<T>(values: { readonly ci: T; readonly full: T }): T {
  return values[PROOF_SIZE];
}
