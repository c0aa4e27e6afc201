/**
 * What every command action receives: the output (human or JSON) and the configuration resolved
 * from flags, the environment and the profile file, read only when the command asks for it.
 */
import type { Command } from 'commander';
import { configFilePath, readConfigFile } from './config/config-file.js';
import { profileName, type ResolvedConfig, resolveConfig } from './config/resolve.js';
import { SETTINGS, type SettingName } from './config/settings.js';
import { Output } from './output.js';

/** The options every command accepts (defined on the program). */
export interface GlobalOptions {
  readonly json?: boolean;
  readonly debug?: boolean;
  readonly profile?: string;
  readonly baseUrl?: string;
  readonly merchantKey?: string;
  readonly merchantSalt?: string;
  readonly encryptionKey?: string;
  readonly ivMode?: string;
  readonly iv?: string;
  readonly authProfile?: string;
  readonly timeout?: string;
  readonly adminToken?: string;
  readonly gateway?: string;
  readonly bankcode?: string;
}

export class CommandContext {
  readonly output: Output;
  readonly globals: GlobalOptions;
  readonly env: NodeJS.ProcessEnv;
  #config: ResolvedConfig | undefined;

  constructor(command: Command, env: NodeJS.ProcessEnv = process.env) {
    this.globals = command.optsWithGlobals<GlobalOptions>();
    this.env = env;
    this.output = new Output({
      json: this.globals.json === true,
      debug: this.globals.debug === true,
    });
  }

  /** The profile named by `--profile` or WALLET_PROFILE, else `default`. */
  get profile(): string {
    return profileName(this.globals.profile, this.env);
  }

  /** Flags, then environment, then the profile file. Read once; warns about a readable file. */
  config(): ResolvedConfig {
    if (this.#config !== undefined) return this.#config;
    const file = readConfigFile(configFilePath(this.env));
    for (const warning of file.warnings) this.output.note(`Warning: ${warning}`);
    const flags: Partial<Record<SettingName, string | undefined>> = {};
    for (const setting of SETTINGS) flags[setting.name] = this.globals[setting.name];
    this.#config = resolveConfig(flags, this.env, file, this.profile);
    return this.#config;
  }
}
