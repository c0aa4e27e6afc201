/** `wallet config set | unset | show`. */
import { CheckoutConfigError, createCheckout } from '@wallet/checkout';
import { createEnvelope, generateKey } from '@wallet/crypto';
import { profileFromName } from '@wallet/hmac';
import {
  configFilePath,
  type Profile,
  readConfigFile,
  writeConfigFile,
} from '../../config/config-file.js';
import {
  displayValue,
  findSetting,
  SETTINGS,
  type SettingDefinition,
} from '../../config/settings.js';
import type { CommandContext } from '../../context.js';
import { ConfigError, UsageError } from '../../errors.js';
import { readStdin } from '../../input.js';

function settingCalled(name: string): SettingDefinition {
  const setting = findSetting(name);
  if (setting === undefined) {
    throw new UsageError(`There is no setting called ${name}.`, {
      hint: `Settings: ${SETTINGS.map((s) => s.flag).join(', ')}.`,
    });
  }
  return setting;
}

function invalid(setting: SettingDefinition, rule: string): ConfigError {
  return new ConfigError('CONFIG_INVALID', `The ${setting.label} ${rule}.`, {
    hint: `See \`wallet config set --help\`; nothing was stored.`,
  });
}

/** A `wallet pay` setting, checked by `@wallet/checkout`'s own configuration rules. */
function checkCheckoutSetting(
  setting: SettingDefinition,
  values: { readonly environment: string; readonly bankcode?: string },
): void {
  try {
    createCheckout({ key: 'config-check', salt: 'config-check', ...values });
  } catch (error) {
    if (!(error instanceof CheckoutConfigError)) throw error;
    throw invalid(setting, error.rule);
  }
}

/** Checks a value with the package that will use it, so a bad value fails now, not at first use. */
function checkValue(setting: SettingDefinition, value: string): void {
  switch (setting.name) {
    case 'encryptionKey':
      createEnvelope({ key: value });
      return;
    case 'iv':
      createEnvelope({ key: generateKey(), iv: { fixed: value } });
      return;
    case 'ivMode':
      if (value !== 'prefix' && value !== 'fixed')
        throw invalid(setting, 'must be prefix or fixed');
      return;
    case 'authProfile':
      try {
        profileFromName(value);
      } catch {
        throw invalid(setting, 'is not a documented signing profile');
      }
      return;
    case 'timeout':
      if (!/^[1-9]\d*$/.test(value))
        throw invalid(setting, 'must be a whole number of milliseconds');
      return;
    case 'gateway':
      checkCheckoutSetting(setting, { environment: value });
      return;
    case 'bankcode':
      checkCheckoutSetting(setting, { environment: 'test', bankcode: value });
      return;
    default:
      return;
  }
}

export async function setSetting(
  context: CommandContext,
  name: string,
  given: string | undefined,
): Promise<undefined> {
  const setting = settingCalled(name);
  const value = (given ?? (await readStdin(`value of ${setting.flag}`))).trim();
  if (value === '') throw invalid(setting, 'must not be empty');
  checkValue(setting, value);
  const path = configFilePath(context.env);
  const file = readConfigFile(path);
  const profile: Profile = { ...file.profiles[context.profile], [setting.name]: value };
  writeConfigFile(path, { ...file.profiles, [context.profile]: profile });
  context.output.result(
    { profile: context.profile, file: path, setting: setting.flag, set: true },
    `${setting.flag} set in profile ${context.profile} (${path})`,
  );
  return undefined;
}

export function unsetSetting(context: CommandContext, name: string): undefined {
  const setting = settingCalled(name);
  const path = configFilePath(context.env);
  const file = readConfigFile(path);
  const profile: Profile = { ...file.profiles[context.profile] };
  const had = profile[setting.name] !== undefined;
  delete profile[setting.name];
  if (had) writeConfigFile(path, { ...file.profiles, [context.profile]: profile });
  context.output.result(
    { profile: context.profile, file: path, setting: setting.flag, removed: had },
    had
      ? `${setting.flag} removed from profile ${context.profile}`
      : `${setting.flag} was not set in profile ${context.profile}`,
  );
  return undefined;
}

const SOURCE_LABEL = { flag: 'flag', env: 'env', profile: 'profile file' } as const;

export function showConfig(context: CommandContext): undefined {
  const config = context.config();
  const settings: Record<string, unknown> = {};
  const rows: string[] = [];
  const width = Math.max(...SETTINGS.map((s) => s.flag.length));
  for (const setting of SETTINGS) {
    const found = config.settings[setting.name];
    if (found === undefined) {
      settings[setting.name] = null;
      rows.push(`${setting.flag.padEnd(width)}  (not set)`);
      continue;
    }
    const source = found.source === 'env' ? `env ${setting.env}` : SOURCE_LABEL[found.source];
    settings[setting.name] = setting.secret
      ? { set: true, source: found.source }
      : { value: found.value, source: found.source };
    rows.push(`${setting.flag.padEnd(width)}  ${displayValue(setting, found.value)}  [${source}]`);
  }
  context.output.result(
    { profile: config.profile, file: config.file, settings },
    [`profile ${config.profile} (${config.file})`, ...rows].join('\n'),
  );
  return undefined;
}
