/** The options of `createSandbox`, their defaults, and their checks. */
import {
  type AuthProfile,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DOCUMENTED_PROFILES,
  HmacOptionError,
  isAuthProfile,
  profileFromName,
} from '@wallet/hmac';
import type { ResponseEnvelopeField } from '@wallet/schemas';
import type { MerchantConfig } from './config/merchant-config.js';
import type { DashboardLink } from './dashboard/layout.js';
import { InvalidSandboxOptionError } from './errors.js';
import type { ExchangeListener } from './exchange.js';
import { parseFaultConfig } from './faults/injector.js';
import type { FaultConfig } from './faults/rules.js';
import type { SeedInput } from './fixtures/seed-schema.js';
import {
  DEFAULT_JOURNAL_MAX_BODY_CHARS,
  DEFAULT_JOURNAL_MAX_CHARS,
  DEFAULT_JOURNAL_SIZE,
  type JournalOptions,
} from './journal/journal.js';
import type { LevelWithSilent, Logger } from './logging.js';
import type { SandboxOutput } from './merchants/bootstrap.js';
import type { DigitSource } from './store/identifiers.js';
import { SQLITE_DRIVER_CHOICES, type SqliteDriverChoice } from './store/sqlite/driver.js';
import type { Store } from './store/store-api.js';
import { DEFAULT_TOKEN_FAILURE_LIMIT, type TokenFailureLimit } from './wallet/rate-limit.js';

/** Size and shape bounds on what a request may carry. */
export interface SandboxLimits {
  /** Largest request body in bytes; larger answers 413 (checked while reading). Default 65536. */
  readonly maxBodyBytes?: number | undefined;
  /** Largest header section in bytes; larger answers 431. Default 16384. */
  readonly maxHeaderBytes?: number | undefined;
  /** Deepest JSON nesting of a body and of a decrypted request. Default 32. */
  readonly maxJsonDepth?: number | undefined;
}

export interface SandboxOptions {
  /**
   * Where the sandbox keeps its state: a store URL for `openStore` (`:memory:` by default, a
   * SQLite path, or `postgres://...`). The sandbox closes a store it opened.
   */
  readonly database?: string | undefined;
  /** A store you opened yourself instead of `database`; the sandbox does not close it. */
  readonly store?: Store | undefined;
  /**
   * The SQLite driver for a SQLite `database`: `auto` (default: `node:sqlite` on Node 22.16 and
   * newer, better-sqlite3 before), `node:sqlite` or `better-sqlite3`. Default: the
   * `WALLET_SQLITE_DRIVER` variable of `env`, else `auto`.
   */
  readonly sqliteDriver?: SqliteDriverChoice | undefined;
  /** Merchants given inline. */
  readonly merchants?: readonly MerchantConfig[] | undefined;
  /** Path of a merchants file: JSON `{ "merchants": [ ... ] }`. */
  readonly merchantsFile?: string | undefined;
  /**
   * Where `WALLET_MERCHANT_KEY` and the other `WALLET_*` variables are read from. Default
   * `process.env`; pass `{}` to ignore the environment.
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Accepted Authorization profiles (objects or `profileName`s). Default: every documented one. */
  readonly profiles?: readonly (AuthProfile | string)[] | undefined;
  /** Accepted distance between the `date` header and the sandbox clock. Default 300. */
  readonly clockSkewSeconds?: number | undefined;
  /** The response envelope's field for merchants that do not configure one. Default `result`. */
  readonly responseField?: ResponseEnvelopeField | undefined;
  /** The sandbox clock (auth skew, lock-outs, timestamps, statements). Default the system clock. */
  readonly now?: (() => Date) | undefined;
  readonly limits?: SandboxLimits | undefined;
  /**
   * The unreadable-token limit, per signature. Default: more than 50 within 60 s lock that
   * signature's unreadable tokens (429) for 60 s; tokens that open are never refused.
   */
  readonly tokenFailureLimit?: Partial<TokenFailureLimit> | undefined;
  /** A pino logger, or `false` for none. Default: pino on stdout at `logLevel`. */
  readonly logger?: Logger | false | undefined;
  /** Level of the default logger. Default `info`. */
  readonly logLevel?: LevelWithSilent | undefined;
  /**
   * Where the generated merchant's credentials are printed, once, on the start that creates it.
   * Default: standard output. Not the log: the log never holds secrets.
   */
  readonly output?: SandboxOutput | undefined;
  /** Called with every request and its answer (decrypted bodies included). */
  readonly onExchange?: ExchangeListener | undefined;
  /** Digit source for generated identifiers (tests); passed to `openStore`. */
  readonly digits?: DigitSource | undefined;
  /**
   * The request journal (`/__sandbox/requests`, the dashboard): its bounds, or `false` for none.
   * Default: the last 10,000 requests.
   */
  readonly journal?: JournalOptions | false | undefined;
  /** Faults to inject from the start (also set over `PUT /__sandbox/faults`). Default none. */
  readonly faults?: FaultConfig | undefined;
  /** Whether magic request values force outcomes (see the README's table). Default true. */
  readonly magicValues?: boolean | undefined;
  /**
   * Customers to put into the store at start-up, and again after `POST /__sandbox/reset`: the path
   * of a seed file or a seed object. Applying the same seed twice changes nothing.
   */
  readonly seed?: string | SeedInput | undefined;
  /**
   * The admin routes (`/__sandbox/*`) and the dashboard. `token` (default `WALLET_ADMIN_TOKEN` of
   * `env`, at least 16 characters) opens them on non-loopback addresses; `false` turns them off.
   */
  readonly admin?: { readonly token?: string | undefined } | false | undefined;
  /**
   * The dashboard: `true` (default) serves it at `/__sandbox/dashboard`, `{ basePath: '/' }` at
   * another path, `false` not at all. It follows the admin routes' access rule.
   */
  readonly dashboard?:
    | boolean
    | {
        readonly basePath?: string | undefined;
        /** Links added to the dashboard's navigation, e.g. `[{ label: 'Shop', href: '/shop' }]`. */
        readonly links?: readonly DashboardLink[] | undefined;
      }
    | undefined;
  /**
   * Other applications served by the same server under their own path (the demo server's shop):
   * every request to `path` or below it goes to `fetch`, outside the journal, the URL unchanged.
   */
  readonly mounts?: readonly SandboxMount[] | undefined;
}

/** An application served beside the sandbox under `path` (e.g. `/shop`). */
export interface SandboxMount {
  readonly path: string;
  readonly fetch: (request: Request) => Response | Promise<Response>;
}

/** The options with defaults applied and values checked. */
export interface ResolvedOptions {
  readonly sqliteDriver: SqliteDriverChoice;
  readonly profiles: readonly AuthProfile[];
  readonly clockSkewSeconds: number;
  readonly responseField: ResponseEnvelopeField;
  readonly now: () => Date;
  readonly maxBodyBytes: number;
  readonly maxHeaderBytes: number;
  readonly maxJsonDepth: number;
  readonly tokenFailureLimit: TokenFailureLimit;
  readonly journal: Required<JournalOptions> | undefined;
  readonly faults: FaultConfig;
  readonly magicValues: boolean;
  /** undefined: admin routes off. */
  readonly admin: { readonly token: string | undefined } | undefined;
  /** undefined: dashboard off. */
  readonly dashboardPath: string | undefined;
  readonly dashboardLinks: readonly DashboardLink[];
  readonly mounts: readonly SandboxMount[];
}

/** The environment variable naming the SQLite driver when the `sqliteDriver` option does not. */
export const SQLITE_DRIVER_ENV = 'WALLET_SQLITE_DRIVER';

function resolveSqliteDriver(
  driver: SandboxOptions['sqliteDriver'],
  env: Readonly<Record<string, string | undefined>>,
): SqliteDriverChoice {
  const fromEnv = env[SQLITE_DRIVER_ENV] === '' ? undefined : env[SQLITE_DRIVER_ENV];
  const chosen = driver ?? fromEnv ?? 'auto';
  if (!(SQLITE_DRIVER_CHOICES as readonly string[]).includes(chosen)) {
    throw new InvalidSandboxOptionError(
      driver === undefined ? SQLITE_DRIVER_ENV : 'sqliteDriver',
      '"auto", "node:sqlite", "bun:sqlite" or "better-sqlite3"',
    );
  }
  return chosen as SqliteDriverChoice;
}

/** The environment variable holding the admin token. */
export const ADMIN_TOKEN_ENV = 'WALLET_ADMIN_TOKEN';
/** The shortest admin token accepted. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;
/** Where the dashboard is served unless `dashboard.basePath` says otherwise. */
export const DEFAULT_DASHBOARD_PATH = '/__sandbox/dashboard';

function resolveJournal(journal: SandboxOptions['journal']): Required<JournalOptions> | undefined {
  if (journal === false) return undefined;
  if (journal !== undefined && (typeof journal !== 'object' || journal === null)) {
    throw new InvalidSandboxOptionError('journal', 'journal options or false');
  }
  const given = journal ?? {};
  return {
    size: integer(given.size, DEFAULT_JOURNAL_SIZE, 'journal.size', 1),
    maxChars: integer(given.maxChars, DEFAULT_JOURNAL_MAX_CHARS, 'journal.maxChars', 1024),
    maxBodyChars: integer(
      given.maxBodyChars,
      DEFAULT_JOURNAL_MAX_BODY_CHARS,
      'journal.maxBodyChars',
      64,
    ),
  };
}

function resolveAdmin(
  admin: SandboxOptions['admin'],
  env: Readonly<Record<string, string | undefined>>,
): ResolvedOptions['admin'] {
  if (admin === false) return undefined;
  const token = admin?.token ?? (env[ADMIN_TOKEN_ENV] === '' ? undefined : env[ADMIN_TOKEN_ENV]);
  if (token !== undefined) {
    if (typeof token !== 'string' || token.length < MIN_ADMIN_TOKEN_LENGTH || /\s/.test(token)) {
      throw new InvalidSandboxOptionError(
        admin?.token === undefined ? ADMIN_TOKEN_ENV : 'admin.token',
        `a token of at least ${MIN_ADMIN_TOKEN_LENGTH} characters without spaces`,
      );
    }
  }
  return { token };
}

function resolveDashboardLinks(dashboard: SandboxOptions['dashboard']): readonly DashboardLink[] {
  if (typeof dashboard !== 'object' || dashboard.links === undefined) return [];
  for (const link of dashboard.links) {
    if (typeof link.label !== 'string' || link.label === '' || typeof link.href !== 'string') {
      throw new InvalidSandboxOptionError('dashboard.links', 'a list of { label, href } strings');
    }
    if (!/^(?:\/(?!\/)|https?:\/\/)/.test(link.href)) {
      throw new InvalidSandboxOptionError(
        'dashboard.links',
        'hrefs that are paths or http(s) URLs',
      );
    }
  }
  return dashboard.links;
}

function resolveMounts(mounts: SandboxOptions['mounts']): readonly SandboxMount[] {
  if (mounts === undefined) return [];
  for (const mount of mounts) {
    if (
      typeof mount.path !== 'string' ||
      !/^\/[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(mount.path) ||
      mount.path === '/__sandbox' ||
      mount.path.startsWith('/__sandbox/')
    ) {
      throw new InvalidSandboxOptionError(
        'mounts.path',
        'a path such as /shop, outside /__sandbox',
      );
    }
    if (typeof mount.fetch !== 'function') {
      throw new InvalidSandboxOptionError('mounts.fetch', 'a function');
    }
  }
  return mounts;
}

function resolveDashboard(
  dashboard: SandboxOptions['dashboard'],
  admin: ResolvedOptions['admin'],
): string | undefined {
  if (dashboard === false || admin === undefined) return undefined;
  if (dashboard === undefined || dashboard === true) return DEFAULT_DASHBOARD_PATH;
  const path = dashboard.basePath ?? DEFAULT_DASHBOARD_PATH;
  if (
    typeof path !== 'string' ||
    !/^\/(?:[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*)?\/?$/.test(path)
  ) {
    throw new InvalidSandboxOptionError('dashboard.basePath', 'a path such as / or /dashboard');
  }
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === '/__sandbox') {
    throw new InvalidSandboxOptionError('dashboard.basePath', 'a path other than /__sandbox');
  }
  return trimmed;
}

export const DEFAULT_LIMITS = Object.freeze({
  maxBodyBytes: 64 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxJsonDepth: 32,
});

function integer(value: number | undefined, fallback: number, option: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidSandboxOptionError(option, `an integer of at least ${min}`);
  }
  return value;
}

function resolveProfiles(profiles: SandboxOptions['profiles']): readonly AuthProfile[] {
  if (profiles === undefined) return DOCUMENTED_PROFILES;
  if (!Array.isArray(profiles) || profiles.length === 0) {
    throw new InvalidSandboxOptionError('profiles', 'a non-empty list of auth profiles');
  }
  return profiles.map((profile, index) => {
    if (typeof profile !== 'string') {
      if (isAuthProfile(profile)) return profile;
      throw new InvalidSandboxOptionError(`profiles[${index}]`, 'a documented auth profile');
    }
    try {
      return profileFromName(profile);
    } catch (error) {
      if (error instanceof HmacOptionError) {
        throw new InvalidSandboxOptionError(`profiles[${index}]`, 'a documented profile name');
      }
      throw error;
    }
  });
}

/** Applies the defaults and checks every value. */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const { responseField = 'result', now = () => new Date() } = options;
  if (responseField !== 'result' && responseField !== 'token') {
    throw new InvalidSandboxOptionError('responseField', '"result" or "token"');
  }
  if (typeof now !== 'function') throw new InvalidSandboxOptionError('now', 'a function');
  const clockSkewSeconds = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (!Number.isFinite(clockSkewSeconds) || clockSkewSeconds < 0) {
    throw new InvalidSandboxOptionError('clockSkewSeconds', 'a number of seconds >= 0');
  }
  const limits = options.limits ?? {};
  const failures = options.tokenFailureLimit ?? {};
  const admin = resolveAdmin(options.admin, options.env ?? process.env);
  if (options.magicValues !== undefined && typeof options.magicValues !== 'boolean') {
    throw new InvalidSandboxOptionError('magicValues', 'true or false');
  }
  return {
    sqliteDriver: resolveSqliteDriver(options.sqliteDriver, options.env ?? process.env),
    journal: resolveJournal(options.journal),
    faults: options.faults === undefined ? {} : parseFaultConfig(options.faults, 'options.faults'),
    magicValues: options.magicValues ?? true,
    admin,
    dashboardPath: resolveDashboard(options.dashboard, admin),
    dashboardLinks: resolveDashboardLinks(options.dashboard),
    mounts: resolveMounts(options.mounts),
    profiles: resolveProfiles(options.profiles),
    clockSkewSeconds,
    responseField,
    now,
    maxBodyBytes: integer(
      limits.maxBodyBytes,
      DEFAULT_LIMITS.maxBodyBytes,
      'limits.maxBodyBytes',
      1,
    ),
    maxHeaderBytes: integer(
      limits.maxHeaderBytes,
      DEFAULT_LIMITS.maxHeaderBytes,
      'limits.maxHeaderBytes',
      1024,
    ),
    maxJsonDepth: integer(
      limits.maxJsonDepth,
      DEFAULT_LIMITS.maxJsonDepth,
      'limits.maxJsonDepth',
      2,
    ),
    tokenFailureLimit: {
      maxFailures: integer(
        failures.maxFailures,
        DEFAULT_TOKEN_FAILURE_LIMIT.maxFailures,
        'tokenFailureLimit.maxFailures',
        0,
      ),
      windowSeconds: integer(
        failures.windowSeconds,
        DEFAULT_TOKEN_FAILURE_LIMIT.windowSeconds,
        'tokenFailureLimit.windowSeconds',
        1,
      ),
      lockoutSeconds: integer(
        failures.lockoutSeconds,
        DEFAULT_TOKEN_FAILURE_LIMIT.lockoutSeconds,
        'tokenFailureLimit.lockoutSeconds',
        1,
      ),
    },
  };
}
