import type { Command } from 'commander';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';
import type { SignOptions, VerifyOptions } from './run.js';

function collect(value: string, previous: readonly string[] = []): readonly string[] {
  return [...previous, value];
}

export function registerSigning(program: Command): void {
  withExamples(
    program
      .command('sign')
      .description(
        'print the headers of a signed wallet call (date, Authorization, ...) for now or --date',
      )
      .option('--date <date>', 'the date to sign: an HTTP date or ISO 8601 (default: now)')
      .option('--body <text>', 'the raw body, or @file (signed by digest and payu-v2 profiles)')
      .action(
        runAction(async (context, options: SignOptions) =>
          (await import('./run.js')).sign(context, options),
        ),
      ),
    'wallet sign',
    "wallet sign --date 'Thu, 17 Feb 2022 08:17:59 GMT'",
    'wallet sign --auth-profile payu-hmac+digest --body @body.json',
  );
  withExamples(
    program
      .command('verify')
      .description('check the Authorization header of a request and say why it fails if it does')
      .option(
        '-H, --header <line>',
        "a header as 'name: value' (repeat; default: lines on stdin)",
        collect,
      )
      .option('--body <text>', 'the raw body, or @file (checked by digest and payu-v2 profiles)')
      .option('--now <date>', 'the time to check the date header against (default: now)')
      .option('--clock-skew <seconds>', 'allowed distance between the date header and now', '300')
      .option('--accept-profile <name>', 'accept only this profile (default: every documented one)')
      .action(
        runAction(async (context, options: VerifyOptions) =>
          (await import('./run.js')).verify(context, options),
        ),
      ),
    'wallet sign | wallet verify',
    "wallet verify -H 'date: Thu, 17 Feb 2022 08:17:59 GMT' -H 'Authorization: hmac username=...' --now 2022-02-17T08:18:00Z",
  );
}
