import type { Command } from 'commander';
import { SETTINGS } from '../../config/settings.js';
import { withExamples } from '../../help.js';
import { runAction } from '../../run-action.js';

const names = SETTINGS.map((setting) => setting.flag).join(', ');

export function registerConfig(program: Command): void {
  const config = withExamples(
    program
      .command('config')
      .description('manage the profile file (~/.config/wallet/config.json, mode 0600)'),
    'wallet config show',
    'wallet config set base-url http://127.0.0.1:4010',
  );
  withExamples(
    config
      .command('set')
      .description(`store a setting in the profile (${names})`)
      .argument('<name>', 'the setting, e.g. base-url')
      .argument(
        '[value]',
        'the value (default: read from stdin, which keeps secrets out of shell history)',
      )
      .action(
        runAction(async (context, name: string, value: string | undefined) =>
          (await import('./run.js')).setSetting(context, name, value),
        ),
      ),
    'wallet config set base-url http://127.0.0.1:4010',
    'wallet --profile sandbox config set merchant-key smsplus',
    'printf %s "$SALT" | wallet config set merchant-salt',
  );
  withExamples(
    config
      .command('unset')
      .description('remove a setting from the profile')
      .argument('<name>', 'the setting, e.g. iv')
      .action(
        runAction(async (context, name: string) =>
          (await import('./run.js')).unsetSetting(context, name),
        ),
      ),
    'wallet config unset iv',
  );
  withExamples(
    config
      .command('show')
      .description('print the settings in effect and where each comes from (secrets masked)')
      .action(runAction(async (context) => (await import('./run.js')).showConfig(context))),
    'wallet config show',
    'wallet --profile sandbox config show --json',
  );
}
