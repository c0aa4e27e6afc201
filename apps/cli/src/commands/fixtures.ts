import type { Command } from 'commander';
import { withExamples } from '../help.js';
import { runAction } from '../run-action.js';

const FORMAT = `
File format:
  {"steps": [
    {"id": "alice", "api": "registerCustomer",
     "params": {"customerDetails": {"firstName": "Alice", "dateOfBirth": "12-12-1990",
                                    "mobileNumber": "919900000001"}, "productId": 35}},
    {"api": "load", "params": {"urn": "\${alice.urn}", "transactionAmount": 1000, "sender": "Top-up",
                               "fundFlowType": "I", "implId": "web", "implType": "checkout"}},
    {"api": "registerCustomer", "params": {...}, "expect": {"responseCode": "1030"}}
  ]}
  "\${id.field}" is the field of the answer of the earlier step with that id (the whole string
  keeps the value's type; inside text it is put in as text); "\${id.clientTxnId}" is its
  clientTxnId. A step may set its own "clientTxnId" and "expect" a failure code.
`;

export function registerFixtures(program: Command): void {
  const fixtures = withExamples(
    program.command('fixtures').description('set up state by running API calls from a file'),
    'wallet fixtures run fixtures.json',
  );
  withExamples(
    fixtures
      .command('run')
      .description(
        'run the steps of a fixture file in order through the client, each filled from earlier answers',
      )
      .argument('<file>', 'the fixture file (JSON)')
      .addHelpText('after', FORMAT)
      .action(
        runAction(async (context, file: string) =>
          (await import('../actions/fixtures.js')).runFixtures(context, file),
        ),
      ),
    'wallet fixtures run fixtures.json',
    'wallet --base-url http://127.0.0.1:8080 fixtures run fixtures.json --json',
  );
}
