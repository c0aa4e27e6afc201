/**
 * Configuration precedence: a flag wins over the environment, which wins over the profile file.
 */
import { ConfigError } from '../errors.js';
import { type ConfigFile, DEFAULT_PROFILE } from './config-file.js';
import { SETTINGS, type SettingDefinition, type SettingName } from './settings.js';

export type SettingSource = 'flag' | 'env' | 'profile';

export interface ResolvedSetting {
  readonly value: string;
  readonly source: SettingSource;
}

export interface ResolvedConfig {
  readonly profile: string;
  readonly file: string;
  readonly settings: Readonly<Partial<Record<SettingName, ResolvedSetting>>>;
}

/** The profile to use: `--profile`, else WALLET_PROFILE, else `default`. */
export function profileName(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env.WALLET_PROFILE;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_PROFILE;
}

export function resolveConfig(
  flags: Readonly<Partial<Record<SettingName, string | undefined>>>,
  env: NodeJS.ProcessEnv,
  file: ConfigFile,
  profile: string,
): ResolvedConfig {
  const fromFile = file.profiles[profile] ?? {};
  const settings: Partial<Record<SettingName, ResolvedSetting>> = {};
  for (const setting of SETTINGS) {
    const flag = flags[setting.name];
    const environment = env[setting.env];
    const stored = fromFile[setting.name];
    if (flag !== undefined && flag !== '') settings[setting.name] = { value: flag, source: 'flag' };
    else if (environment !== undefined && environment !== '') {
      settings[setting.name] = { value: environment, source: 'env' };
    } else if (stored !== undefined && stored !== '') {
      settings[setting.name] = { value: stored, source: 'profile' };
    }
  }
  return { profile, file: file.path, settings };
}

function howToSet(setting: SettingDefinition, profile: string): string {
  const profileFlag = profile === DEFAULT_PROFILE ? '' : ` --profile ${profile}`;
  return `Pass --${setting.flag}, set ${setting.env}, or run \`wallet config set ${setting.flag}${profileFlag}\`.`;
}

/** The value of a setting the command cannot do without. */
export function requireSetting(config: ResolvedConfig, name: SettingName): string {
  const found = config.settings[name];
  if (found !== undefined) return found.value;
  const setting = SETTINGS.find((s) => s.name === name);
  if (setting === undefined) throw new Error(`unknown setting ${name}`);
  throw new ConfigError('CONFIG_MISSING', `No ${setting.label} is configured.`, {
    hint: howToSet(setting, config.profile),
    details: { setting: setting.flag, profile: config.profile },
  });
}

/** The value of an optional setting. */
export function optionalSetting(config: ResolvedConfig, name: SettingName): string | undefined {
  return config.settings[name]?.value;
}
