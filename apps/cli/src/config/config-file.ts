/**
 * The profile file: `$XDG_CONFIG_HOME/wallet/config.json` (or `~/.config/wallet/config.json`),
 * `{"profiles": {"<name>": {"baseUrl": "...", ...}}}`, kept at mode 0600 in a 0700 directory
 * because it may hold the merchant salt and the encryption key.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { findSetting, type SettingName } from './settings.js';

export type Profile = Partial<Record<SettingName, string>>;

export interface ConfigFile {
  readonly path: string;
  readonly profiles: Readonly<Record<string, Profile>>;
  /** Problems worth a warning (a file others may read). */
  readonly warnings: readonly string[];
}

export const DEFAULT_PROFILE = 'default';

/** Where the profile file lives, honouring XDG_CONFIG_HOME. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.config');
  return join(base, 'wallet', 'config.json');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(path: string, why: string): ConfigError {
  return new ConfigError('CONFIG_FILE_UNREADABLE', `The config file ${path} ${why}.`, {
    hint: 'Fix or delete the file, then set values again with `wallet config set`.',
  });
}

function parseProfiles(path: string, text: string): Record<string, Profile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unreadable(path, 'is not valid JSON');
  }
  if (!isRecord(data)) throw unreadable(path, 'is not a JSON object');
  const raw = data.profiles ?? {};
  if (!isRecord(raw)) throw unreadable(path, 'has a "profiles" entry that is not an object');
  const profiles: Record<string, Profile> = {};
  for (const [name, entries] of Object.entries(raw)) {
    if (!isRecord(entries)) throw unreadable(path, `has a profile "${name}" that is not an object`);
    const profile: Profile = {};
    for (const [key, value] of Object.entries(entries)) {
      const setting = findSetting(key);
      if (setting === undefined || typeof value !== 'string') continue;
      profile[setting.name] = value;
    }
    profiles[name] = profile;
  }
  return profiles;
}

/** Reads the profile file; a missing file is an empty one. */
export function readConfigFile(path: string = configFilePath()): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path, profiles: {}, warnings: [] };
    }
    throw unreadable(path, 'cannot be read');
  }
  const profiles = parseProfiles(path, text);
  const warnings: string[] = [];
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    warnings.push(`${path} may be read by other users; run: chmod 600 ${path}`);
  }
  return { path, profiles, warnings };
}

/**
 * Writes the profiles atomically (a temporary file renamed over the old one) with mode 0600, so a
 * crash never leaves half a file and no other user can read the secrets in it.
 */
export function writeConfigFile(path: string, profiles: Readonly<Record<string, Profile>>): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ profiles }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
