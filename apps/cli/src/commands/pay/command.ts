import { type Command, Option } from 'commander';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';
import type {
  BalanceOptions,
  FormOptions,
  HashOptions,
  PaymentFieldOptions,
  RefundOptions,
} from './run.js';

/**
 * The examples of each `wallet pay` command. The test suite runs every one: the offline ones must
 * succeed, the ones that call the gateway must get as far as the network.
 */
export const PAY_EXAMPLES = {
  form: [
    'wallet pay form --txnid order_0001 --amount 525.00 --productinfo "Monthly pass" --firstname Asha --email asha@example.com --phone 9876543210 --surl https://shop.example/paid --furl https://shop.example/failed',
    'wallet pay form --mode merchant-hosted --walleturn 10000000005 --txnid order_0002 --amount 99 --productinfo Coffee --firstname Asha --email asha@example.com --phone 9876543210 --surl https://shop.example/paid --furl https://shop.example/failed --html',
  ],
  s2s: [
    'wallet pay s2s --walleturn 10000000005 --txnid order_0003 --amount 99.00 --productinfo Coffee --firstname Asha --email asha@example.com --phone 9876543210 --surl https://shop.example/paid --furl https://shop.example/failed',
  ],
  verify: ['wallet pay verify order_0001', 'wallet pay verify order_0001 order_0002 --json'],
  refund: [
    'wallet pay refund --mihpayid 403993715521937565 --amount 100.00 --idempotency-key return-0001',
  ],
  'refund-status': ['wallet pay refund-status 13051716'],
  balance: ['wallet pay balance --mobile 9876543210'],
  'verify-callback': [
    'wallet pay verify-callback callback.txt',
    'wallet pay verify-callback --json callback.json',
  ],
  hash: [
    'wallet pay hash --kind payment --txnid order_0001 --amount 525.00 --productinfo "Monthly pass" --firstname Asha --email asha@example.com',
    'wallet pay hash --kind response --status success --txnid order_0001 --amount 525.00 --productinfo "Monthly pass" --firstname Asha --email asha@example.com',
    'wallet pay hash --kind command --command verify_payment --var1 order_0001',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The fields of a payment, named as PayU posts them (`_` written `-`). */
function addPaymentFields(command: Command): Command {
  return command
    .requiredOption('--txnid <id>', 'your order id: 1 to 25 of A-Z a-z 0-9 _ -, unique per payment')
    .requiredOption('--amount <rupees>', 'rupees as posted and hashed: 525.00 and 525 differ')
    .requiredOption('--productinfo <text>', 'what is paid for')
    .requiredOption('--firstname <name>', "the customer's first name")
    .option('--lastname <name>', "the customer's last name")
    .requiredOption('--email <address>', "the customer's e-mail address")
    .requiredOption('--phone <digits>', "the customer's phone number")
    .requiredOption('--surl <url>', "where PayU posts the customer's browser after a success")
    .requiredOption('--furl <url>', 'where it posts it after a failure')
    .option('--udf1 <text>', 'your own field 1 (hashed)')
    .option('--udf2 <text>', 'your own field 2 (hashed)')
    .option('--udf3 <text>', 'your own field 3 (hashed)')
    .option('--udf4 <text>', 'your own field 4 (hashed)')
    .option('--udf5 <text>', 'your own field 5 (hashed)')
    .option('--additional-charges <list>', 'charges to post, e.g. CLW:10 (hashed)')
    .option('--walleturn <urn>', 'the wallet to debit, by URN (merchant-hosted modes)')
    .option(
      '--customer-id <id>',
      'the wallet to debit, by your customer id (instead of --walleturn)',
    )
    .option('--loadmoney <rupees>', 'rupees the customer may top up by card when short');
}

export function registerPay(program: Command): void {
  const pay = program
    .command('pay')
    .description(
      "pay with the wallet on PayU's payment gateway: forms, refunds, callbacks, hashes",
    );
  withExamples(pay, 'wallet pay form --help', 'wallet pay verify-callback callback.txt');

  withExamples(
    addPaymentFields(
      pay
        .command('form')
        .description(
          'print the payment form to post to /_payment from the browser, hash filled in',
        ),
    )
      .addOption(
        new Option(
          '--mode <mode>',
          'hosted (PayU lists the options), merchant-hosted or load-and-pay',
        )
          .choices(['hosted', 'merchant-hosted', 'load-and-pay'])
          .default('hosted'),
      )
      .option('--html', 'print an HTML page that posts the form at once')
      .action(
        runAction(async (context, options: FormOptions) =>
          (await import('./run.js')).form(context, options),
        ),
      ),
    ...PAY_EXAMPLES.form,
  );
  withExamples(
    addPaymentFields(
      pay
        .command('s2s')
        .description(
          'pay server to server (seamless): the fields sealed into encdata with the encryption key',
        ),
    ).action(
      runAction(async (context, options: PaymentFieldOptions) =>
        (await import('./run.js')).s2s(context, options),
      ),
    ),
    ...PAY_EXAMPLES.s2s,
  );
  withExamples(
    pay
      .command('verify')
      .description("verify_payment: each order's payment as PayU has it (exit 1 if one is unknown)")
      .argument('<txnid...>', 'the order ids')
      .action(
        runAction(async (context, txnids: string[]) =>
          (await import('./run.js')).verify(context, txnids),
        ),
      ),
    ...PAY_EXAMPLES.verify,
  );
  withExamples(
    pay
      .command('refund')
      .description('refund a payment, in part or in full (cancel_refund_transaction)')
      .requiredOption('--mihpayid <id>', "PayU's payment id")
      .requiredOption('--amount <rupees>', 'rupees to refund')
      .option('--idempotency-key <id>', 'your id for this refund: a retry is the same refund')
      .option('--token <token>', 'the refund token to send, instead of --idempotency-key')
      .option('--callback-url <url>', "where PayU posts the refund's outcome")
      .action(
        runAction(async (context, options: RefundOptions) =>
          (await import('./run.js')).refund(context, options),
        ),
      ),
    ...PAY_EXAMPLES.refund,
  );
  withExamples(
    pay
      .command('refund-status')
      .description('the state of a refund (check_action_status)')
      .argument('<request-id>', "PayU's refund request id, as `wallet pay refund` prints it")
      .action(
        runAction(async (context, requestId: string) =>
          (await import('./run.js')).refundStatus(context, requestId),
        ),
      ),
    ...PAY_EXAMPLES['refund-status'],
  );
  withExamples(
    pay
      .command('balance')
      .description('the balance of the wallet of a mobile number (check_balance)')
      .requiredOption('--mobile <number>', "the customer's mobile number")
      .action(
        runAction(async (context, options: BalanceOptions) =>
          (await import('./run.js')).balance(context, options),
        ),
      ),
    ...PAY_EXAMPLES.balance,
  );
  withExamples(
    pay
      .command('verify-callback')
      .description(
        'check the hash of a payment callback, and say what to suspect when it does not hold (exit 1)',
      )
      .argument('[file]', 'the body as posted (key=...&txnid=...) or as JSON; - or none: stdin')
      .action(
        runAction(async (context, file: string | undefined) =>
          (await import('./run.js')).verifyCallback(context, file),
        ),
      ),
    ...PAY_EXAMPLES['verify-callback'],
  );
  withExamples(
    pay
      .command('hash')
      .description('print a hash and the string it covers, the salt masked')
      .addOption(
        new Option(
          '--kind <kind>',
          'payment (request), response (callback) or command (postservice)',
        )
          .choices(['payment', 'response', 'command'])
          .makeOptionMandatory(),
      )
      .option('--key <key>', 'the merchant key (default: the configured one)')
      .option('--txnid <id>', 'payment, response: the order id')
      .option('--amount <rupees>', 'payment, response: the amount as posted')
      .option('--productinfo <text>', 'payment, response')
      .option('--firstname <name>', 'payment, response')
      .option('--email <address>', 'payment, response')
      .option('--udf1 <text>', 'payment, response')
      .option('--udf2 <text>', 'payment, response')
      .option('--udf3 <text>', 'payment, response')
      .option('--udf4 <text>', 'payment, response')
      .option('--udf5 <text>', 'payment, response')
      .option('--additional-charges <list>', 'payment, response: the charges, when any')
      .option('--status <status>', 'response: success, failure or pending')
      .option('--command <name>', 'command: verify_payment, check_balance, ...')
      .option('--var1 <text>', 'command: var1 exactly as sent')
      .action(
        runAction(async (context, options: HashOptions) =>
          (await import('./run.js')).hash(context, options),
        ),
      ),
    ...PAY_EXAMPLES.hash,
  );
}
