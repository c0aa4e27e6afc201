// `<runtime> merchant.mjs`: the merchant smoke test (merchant-flow.mjs) with @wallet/client as
// installed from the packed tarball, configured from WALLET_* in the environment. Prints one
// "pass|fail<TAB>detail" line. Runs unchanged on Node, Bun and Deno.
import { createWalletClient } from '@wallet/client';
import { merchantFlow } from './merchant-flow.mjs';

const runtime = process.argv[2] ?? 'node';
try {
  const wallet = createWalletClient.fromEnv(process.env, { retries: 0 });
  console.log(`pass\tregister, load, retrieve: ${await merchantFlow(wallet, runtime)}`);
} catch (error) {
  console.error(error);
  console.log(`fail\tregister, load, retrieve: ${String(error?.message).split('\n')[0]}`);
}
