/**
 * Talking to a sandbox's admin routes (`/__sandbox/*`): the base URL must be the sandbox's own
 * (an http(s) URL), the admin token goes as a bearer token when one is configured, and refusals
 * become `CliError`s with the exit code of their kind.
 */
import { optionalSetting, type ResolvedConfig, requireSetting } from '../config/resolve.js';
import { CliError, ConfigError, ExitCode } from '../errors.js';

/** Where a sandbox's admin routes are, and how to authenticate to them. */
export interface AdminTarget {
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
}

export function adminTarget(config: ResolvedConfig): AdminTarget {
  const base = requireSetting(config, 'baseUrl');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError('CONFIG_INVALID', 'The base URL must be the URL of a wallet sandbox.', {
      hint: 'Pass --base-url http://127.0.0.1:8080 (the URL wallet-demo-server prints).',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('CONFIG_INVALID', 'The base URL must be an http or https URL.', {
      hint: 'Pass --base-url http://127.0.0.1:8080 (the URL wallet-demo-server prints).',
    });
  }
  const token = optionalSetting(config, 'adminToken');
  return {
    baseUrl: url.origin,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  };
}

/** The request could not reach the sandbox at all. Exit 3. */
export function unreachable(baseUrl: string, cause: unknown): CliError {
  return new CliError(
    'SANDBOX_UNREACHABLE',
    `Could not reach the sandbox at ${baseUrl}.`,
    ExitCode.Network,
    {
      hint: 'Check --base-url and that the sandbox is running (`wallet sandbox start`).',
      cause,
    },
  );
}

/** An admin route refused: 401 (token), 404 (routes off or not a sandbox), 400 (filter). */
export async function refused(response: Response): Promise<CliError> {
  let message: string | undefined;
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: keep the status alone.
  }
  if (response.status === 401) {
    return new ConfigError('CONFIG_INVALID', 'The sandbox wants its admin token.', {
      hint: 'Pass --admin-token or set WALLET_ADMIN_TOKEN (the sandbox is not on a loopback address).',
      details: { status: 401 },
    });
  }
  if (response.status === 404) {
    return new CliError(
      'ADMIN_ROUTES_UNAVAILABLE',
      'This server has no sandbox admin routes (not a sandbox, or a non-loopback sandbox without an admin token).',
      ExitCode.ApiError,
      {
        hint: 'Point --base-url at a wallet sandbox; on a non-loopback address it needs WALLET_ADMIN_TOKEN set on both sides.',
        details: { status: 404 },
      },
    );
  }
  if (response.status === 400) {
    return new CliError(
      'INVALID_FILTER',
      message ?? 'The sandbox refused the filter.',
      ExitCode.Usage,
      {
        hint: 'See `wallet logs tail --help` for the filters.',
        details: { status: 400 },
      },
    );
  }
  return new CliError(
    'SANDBOX_ERROR',
    `The sandbox answered HTTP ${response.status}.`,
    ExitCode.ApiError,
    {
      hint: 'See the sandbox log.',
      details: { status: response.status },
    },
  );
}
