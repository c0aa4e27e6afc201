/**
 * The small core every call runs on: the checked configuration, the signer and the envelope,
 * prepared once. `createWalletClient()` wraps one; tree-shaken code passes one to the standalone
 * functions (`registerCustomer(core, params)`).
 */
import { CryptoErrorCode, createEnvelope, type Envelope, WalletKeyError } from '@wallet/crypto';
import {
  createRequestSigner,
  HmacOptionError,
  profileName,
  type RequestSigner,
} from '@wallet/hmac';
import {
  configError,
  type ResolvedConfig,
  resolveConfig,
  type SettingLabel,
  type WalletClientConfig,
} from './config.js';
import {
  attachInternals,
  type CoreServices,
  type Sealer,
  type WalletCore,
} from './core-internals.js';

export type { WalletCore } from './core-internals.js';

import { helperSealer } from './helper-api.js';
import { createLogSink } from './logger.js';

function envelopeOf(config: ResolvedConfig, label: SettingLabel): Envelope | undefined {
  if (config.encryptionKey === undefined) return undefined;
  try {
    return createEnvelope({
      key: config.encryptionKey,
      ...(config.iv === undefined ? {} : { iv: config.iv }),
      ...(config.keyEncoding === undefined ? {} : { keyEncoding: config.keyEncoding }),
    });
  } catch (error) {
    if (!(error instanceof WalletKeyError)) throw error;
    const setting = error.code === CryptoErrorCode.InvalidIv ? 'iv' : 'encryptionKey';
    // `expected` says what was expected and never repeats the key or IV.
    throw configError(setting, error.expected, label);
  }
}

function signerOf(config: ResolvedConfig, label: SettingLabel): RequestSigner {
  try {
    return createRequestSigner({
      merchantKey: config.merchantKey,
      merchantSalt: config.merchantSalt,
      profile: config.authProfile,
    });
  } catch (error) {
    if (!(error instanceof HmacOptionError)) throw error;
    const setting = error.option === 'profile' ? 'authProfile' : error.option;
    throw configError(setting, error.rule, label);
  }
}

function localSealer(envelope: Envelope): Sealer {
  return {
    seal: (value) => envelope.seal(value),
    open: (token) => envelope.open(token),
  };
}

/** Builds a core from settings named by `label` (plain names, or env variables). */
export function buildWalletCore(config: WalletClientConfig, label?: SettingLabel): WalletCore {
  const resolved = resolveConfig(config, label);
  const envelope = envelopeOf(resolved, label ?? ((s) => s));
  const signer = signerOf(resolved, label ?? ((s) => s));
  const core: WalletCore = Object.freeze({
    baseUrl: resolved.baseUrl,
    merchantKey: resolved.merchantKey,
    walletIdentifier: resolved.walletIdentifier,
    authProfile: profileName(resolved.authProfile),
    encryption: envelope === undefined ? 'helper-api' : 'local',
    responseValidation: resolved.responseValidation,
    helperBaseUrl: resolved.helper?.baseUrl,
  });
  const services: CoreServices = {
    config: resolved,
    signer,
    log: createLogSink(resolved.logger, resolved.logLevel),
  };
  const sealer = envelope === undefined ? helperSealer(services) : localSealer(envelope);
  attachInternals(core, { ...services, sealer });
  return core;
}

/**
 * Checks `config` and prepares a core for the standalone functions. Every setting is checked here:
 * a bad key, salt, URL or option throws now, never at the first call.
 * @throws {WalletConfigError} naming the setting and the rule, never its value.
 */
export function createWalletCore(config: WalletClientConfig): WalletCore {
  return buildWalletCore(config);
}
