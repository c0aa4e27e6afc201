/**
 * A stateful property test: random sequences of register, load, unload, status changes, retries
 * and conflicting reuses of a clientTxnId, run against an in-process sandbox (sandbox.fetch) and a
 * model of the platform's rules side by side; after every step the sandbox's balances and statuses
 * equal the model's. WALLET_PROOF_SIZE=full (pnpm test:soak) runs many more and longer sequences.
 */
import { KYC_PROFILES } from '@wallet/schemas';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createSandbox } from '../sandbox.js';
import { merchantOf, PREFIX_MERCHANT } from '../testing/fixtures.js';
import { WalletTestClient } from '../testing/wallet-test-client.js';
import {
  ChangeStatusCommand,
  ConflictCommand,
  LoadCommand,
  MAGIC_AMOUNTS,
  RegisterCommand,
  RegisterTakenMobileCommand,
  RetryCommand,
  STATUSES,
  UnloadCommand,
  type WalletModel,
  type WalletReal,
} from './wallet-model.js';

const FULL = process.env.WALLET_PROOF_SIZE === 'full';
const RUNS = FULL ? 500 : 100;
const MAX_COMMANDS = FULL ? 150 : 60;

/** Amounts around every limit, and anywhere (but the magic values, which force faults). */
const amount = fc
  .oneof(
    { arbitrary: fc.integer({ min: 1, max: 400_000 }), weight: 6 },
    { arbitrary: fc.integer({ min: 1, max: 25_000_000 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        1,
        999_999,
        1_000_000,
        1_000_001,
        19_999_999,
        20_000_000,
        20_000_001,
      ),
      weight: 1,
    },
  )
  .filter((a) => !MAGIC_AMOUNTS.includes(a));
const wallet = fc.nat({ max: 7 });
const reference = fc.constantFrom('urn' as const, 'customerMobile' as const, 'customerId' as const);

const commands = fc.commands(
  [
    fc.constantFrom(...KYC_PROFILES).map((kyc) => new RegisterCommand(kyc)),
    fc.constantFrom(...KYC_PROFILES).map((kyc) => new RegisterCommand(kyc)),
    wallet.map((w) => new RegisterTakenMobileCommand(w)),
    fc.tuple(wallet, amount, reference).map(([w, a, by]) => new LoadCommand(w, a, by)),
    fc.tuple(wallet, amount, reference).map(([w, a, by]) => new LoadCommand(w, a, by)),
    fc.tuple(wallet, amount, reference).map(([w, a, by]) => new UnloadCommand(w, a, by)),
    fc.tuple(wallet, amount, reference).map(([w, a, by]) => new UnloadCommand(w, a, by)),
    fc.tuple(wallet, fc.constantFrom(...STATUSES)).map(([w, s]) => new ChangeStatusCommand(w, s)),
    fc.nat().map((n) => new RetryCommand(n)),
    fc.nat().map((n) => new ConflictCommand(n)),
  ],
  { maxCommands: MAX_COMMANDS, size: 'max' },
);

describe('the sandbox against a model of the platform', () => {
  it(
    `${RUNS} random command sequences: balances and statuses equal the model's after every step`,
    async () => {
      await fc.assert(
        fc.asyncProperty(commands, async (sequence) => {
          const sandbox = await createSandbox({
            merchants: [PREFIX_MERCHANT],
            logger: false,
            env: {},
            output: () => undefined,
          });
          try {
            const client = new WalletTestClient({
              target: sandbox.fetch,
              merchant: merchantOf(sandbox),
            });
            const setup = () => ({
              model: { wallets: [], answered: [] } as WalletModel,
              real: { sandbox, client } as WalletReal,
            });
            await fc.asyncModelRun(setup, sequence);
          } finally {
            await sandbox.close();
          }
        }),
        { numRuns: RUNS },
      );
    },
    FULL ? 1_800_000 : 120_000,
  );
});
