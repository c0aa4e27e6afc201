/**
 * One command per wallet API. Their flags come from the JSON Schemas `@wallet/schemas` generates
 * for each API's params (static JSON, so defining them loads no schema library).
 */

import type { ApiName } from '@wallet/schemas';
import changeWalletStatusParams from '@wallet/schemas/json-schema/changeWalletStatus.params.json' with {
  type: 'json',
};
import checkStatusParams from '@wallet/schemas/json-schema/checkStatus.params.json' with {
  type: 'json',
};
import loadParams from '@wallet/schemas/json-schema/load.params.json' with { type: 'json' };
import pgLoadParams from '@wallet/schemas/json-schema/pgLoad.params.json' with { type: 'json' };
import pgLoadEnquiryParams from '@wallet/schemas/json-schema/pgLoadEnquiry.params.json' with {
  type: 'json',
};
import registerCustomerParams from '@wallet/schemas/json-schema/registerCustomer.params.json' with {
  type: 'json',
};
import retrieveCustomerParams from '@wallet/schemas/json-schema/retrieveCustomer.params.json' with {
  type: 'json',
};
import statementParams from '@wallet/schemas/json-schema/statement.params.json' with {
  type: 'json',
};
import unloadParams from '@wallet/schemas/json-schema/unload.params.json' with { type: 'json' };
import updateProfileParams from '@wallet/schemas/json-schema/updateProfile.params.json' with {
  type: 'json',
};
import { type Command, Option } from 'commander';
import { fieldFlags, type JsonSchemaNode } from '../../api-flags.js';
import { SETTINGS } from '../../config/settings.js';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';
import type { ApiInvocation } from './run.js';

interface ApiCommand {
  /** The command words after `wallet`: `['customer', 'register']`. */
  readonly words: readonly [string, ...string[]];
  readonly api: ApiName;
  readonly schema: JsonSchemaNode;
  readonly description: string;
  readonly examples: readonly string[];
}

/**
 * The API commands. The examples are checked by the test suite (each runs with --dry-run), so they
 * stay valid as the schemas change.
 */
export const API_COMMANDS: readonly ApiCommand[] = [
  {
    words: ['customer', 'register'],
    api: 'registerCustomer',
    schema: registerCustomerParams,
    description: 'register a customer and open their wallet',
    examples: [
      'wallet customer register --first-name Alice --last-name Smith --date-of-birth 12-12-2000 --mobile-number 917001122334 --product-id 35',
      'wallet customer register --data @customer.json --client-txn-id signup-0001',
    ],
  },
  {
    words: ['customer', 'get'],
    api: 'retrieveCustomer',
    schema: retrieveCustomerParams,
    description: "retrieve a customer's record: details, wallet status and balance",
    examples: ['wallet customer get --customer-mobile 917001122334'],
  },
  {
    words: ['customer', 'update'],
    api: 'updateProfile',
    schema: updateProfileParams,
    description: "update a customer's profile",
    examples: [
      'wallet customer update --product-id 35 --customer-id 000000000081 --email-id alice@example.in --city Bengaluru',
    ],
  },
  {
    words: ['load'],
    api: 'load',
    schema: loadParams,
    description: 'credit a wallet (amounts in paise: 52500 is 525.00 INR)',
    examples: [
      'wallet load --customer-mobile 917001122334 --transaction-amount 52500 --sender "Acme Rewards" --fund-flow-type I --impl-id acme-loyalty --impl-type LOYALTY',
      'wallet load --data @load.json --dry-run',
    ],
  },
  {
    words: ['unload'],
    api: 'unload',
    schema: unloadParams,
    description: 'debit a wallet (amounts in paise)',
    examples: [
      'wallet unload --urn 10000000005 --transaction-amount 2500 --receiver "Acme Store 42" --fund-flow-type O --impl-id acme-loyalty --impl-type LOYALTY',
    ],
  },
  {
    words: ['topup'],
    api: 'pgLoad',
    schema: pgLoadParams,
    description:
      "PG Load: start a top-up by card (paise) and print the page to send the customer's browser to",
    examples: [
      'wallet topup --first-name Asha --mobile-number 919876543210 --load-amount 50000 --surl https://shop.example/topup/ok --furl https://shop.example/topup/failed',
      'wallet topup --urn 10000000005 --first-name Asha --mobile-number 919876543210 --load-amount 50000 --surl https://shop.example/topup/ok --furl https://shop.example/topup/failed --client-txn-id topup-0001',
    ],
  },
  {
    words: ['statement'],
    api: 'statement',
    schema: statementParams,
    description: "print a page of a wallet's statement",
    examples: ['wallet statement --urn 10000000005 --from-date 01/04/2024 --to-date 30/04/2024'],
  },
  {
    words: ['status', 'check'],
    api: 'checkStatus',
    schema: checkStatusParams,
    description: 'fetch the stored response of an earlier call by its clientTxnId',
    examples: ['wallet status check --verifyclient-txn-id load_0001'],
  },
  {
    words: ['status', 'change'],
    api: 'changeWalletStatus',
    schema: changeWalletStatusParams,
    description: "change a wallet's status (block debits, credits or both, close, reactivate)",
    examples: [
      'wallet status change --account-number 30000000000000000081 --status-type Debit --reason "card lost"',
    ],
  },
  {
    words: ['topup-status'],
    api: 'pgLoadEnquiry',
    schema: pgLoadEnquiryParams,
    description: "PG Load Enquiry: where a top-up by card stands (--client-txn-id is the topup's)",
    examples: ['wallet topup-status --client-txn-id topup-0001'],
  },
];

/** Flags of the API commands themselves, and the global ones: no field may take these names. */
const COMMAND_FLAGS = ['data', 'client-txn-id', 'dry-run', 'help'];
const GLOBAL_FLAGS = ['json', 'debug', 'profile', 'version', ...SETTINGS.map((s) => s.flag)];
const RESERVED: ReadonlySet<string> = new Set([...COMMAND_FLAGS, ...GLOBAL_FLAGS]);

interface ApiCommandOptions {
  readonly data?: string;
  readonly clientTxnId?: string;
  readonly dryRun?: boolean;
  readonly [attribute: string]: unknown;
}

const GROUPS: Readonly<Record<string, { description: string; examples: readonly string[] }>> = {
  customer: {
    description: 'register, retrieve and update customers',
    examples: [
      'wallet customer get --customer-mobile 917001122334',
      'wallet customer register --help',
    ],
  },
  status: {
    description: 'check a stored response, or change a wallet status',
    examples: [
      'wallet status check --verifyclient-txn-id load_0001',
      'wallet status change --help',
    ],
  },
};

function parentFor(program: Command, words: readonly string[]): Command {
  let parent = program;
  for (const word of words) {
    const existing = parent.commands.find((command) => command.name() === word);
    if (existing !== undefined) {
      parent = existing;
      continue;
    }
    const group = GROUPS[word];
    parent = parent.command(word).description(group?.description ?? word);
    if (group !== undefined) withExamples(parent, ...group.examples);
  }
  return parent;
}

function defineApiCommand(program: Command, spec: ApiCommand): void {
  const name = spec.words[spec.words.length - 1] as string;
  const command = parentFor(program, spec.words.slice(0, -1)).command(name);
  // A clientTxnId parameter (PG Load Enquiry's: the PG Load asked about) is the command's own
  // --client-txn-id, not a field flag of its own.
  const flags = fieldFlags(spec.schema, RESERVED).filter(
    (field) => !(field.path.length === 1 && field.path[0] === 'clientTxnId'),
  );
  const attributes = new Map<string, string>();
  command.description(spec.description);
  for (const field of flags) {
    const option =
      field.kind === 'boolean'
        ? new Option(`--${field.flag} [value]`, field.help)
        : new Option(`--${field.flag} <value>`, field.help);
    attributes.set(field.flag, option.attributeName());
    command.addOption(option);
  }
  command
    .option('-d, --data <json>', 'the whole request body as JSON, or @file.json (flags override)')
    .option('--client-txn-id <id>', 'the clientTxnId to send: reuse one to retry a call safely')
    .option('--dry-run', 'print the plaintext, the token and the headers without sending')
    .action(
      runAction(async (context, options: ApiCommandOptions) => {
        const values = new Map<string, unknown>();
        for (const [flag, attribute] of attributes) {
          if (options[attribute] !== undefined) values.set(flag, options[attribute]);
        }
        const invocation: ApiInvocation = {
          api: spec.api,
          flags,
          values,
          data: options.data,
          clientTxnId: options.clientTxnId,
          dryRun: options.dryRun === true,
        };
        return (await import('./run.js')).callApi(context, invocation);
      }),
    );
  withExamples(command, ...spec.examples);
}

export function registerApiCommands(program: Command): void {
  for (const spec of API_COMMANDS) defineApiCommand(program, spec);
}
