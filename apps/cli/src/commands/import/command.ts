import registerCustomerParams from '@wallet/schemas/json-schema/registerCustomer.params.json' with {
  type: 'json',
};
import { type Command, Option } from 'commander';
import { withExamples } from '../../help.js';
import { importColumns } from '../../import/columns.js';
import { runAction } from '../../run-action.js';
import type { ImportCommandOptions } from './run.js';

export function registerImport(program: Command): void {
  const columns = importColumns(registerCustomerParams);
  const command = program
    .command('import')
    .description(
      `register every customer of a CSV file; columns: ${[...columns.byColumn.keys()].join(', ')}`,
    )
    .argument('<file>', 'the CSV file; its first row names the columns');
  const defaults = new Map<string, string>();
  for (const field of columns.defaults) {
    const option = new Option(
      `--${field.flag} <value>`,
      `for rows without this column: ${field.help}`,
    );
    defaults.set(field.flag, option.attributeName());
    command.addOption(option);
  }
  command
    .option('--results <path>', 'the result file (default: <file>.results.jsonl)')
    .option('--resume', 'finish an interrupted import: skip the rows the result file has done')
    .option('--concurrency <n>', 'requests in flight at once', '8')
    .option('--no-progress', 'no progress display on stderr')
    .action(
      runAction(async (context, file: string, options: ImportCommandOptions) => {
        const values = new Map<string, unknown>();
        for (const [flag, attribute] of defaults) {
          if (options[attribute] !== undefined) values.set(flag, options[attribute]);
        }
        return (await import('./run.js')).importCustomers(context, file, options, values);
      }),
    );
  withExamples(
    command,
    'wallet import customers.csv --product-id 35',
    'wallet import customers.csv --product-id 35 --concurrency 16 --resume',
    'wallet import customers.csv --json --no-progress > summary.json',
  );
}
