/** `wallet sign` and `wallet verify`. */
import {
  type AuthProfile,
  createRequestSigner,
  DEFAULT_PROFILE,
  DOCUMENTED_PROFILES,
  HttpDateError,
  parseAuthorization,
  parseHttpDate,
  profileFromName,
  profileName,
  type VerifyFailureReason,
  verifyRequest,
} from '@wallet/hmac';
import {
  type AuthenticationFailure,
  authenticationFailures,
  JSON_CONTENT_TYPE,
  WALLET_IDENTIFIER,
  walletHeaders,
} from '@wallet/schemas';
import { optionalSetting, type ResolvedConfig, requireSetting } from '../../config/resolve.js';
import type { CommandContext } from '../../context.js';
import { ExitCode, InputError, UsageError } from '../../errors.js';
import { readDataArgument, readStdin } from '../../input.js';

export interface SignOptions {
  readonly date?: string;
  readonly body?: string;
}

export interface VerifyOptions {
  readonly header?: readonly string[];
  readonly body?: string;
  readonly now?: string;
  readonly clockSkew?: string;
  readonly acceptProfile?: string;
}

/** An HTTP date (`Thu, 17 Feb 2022 08:17:59 GMT`) as is, or an ISO 8601 time as a `Date`. */
function dateOption(value: string, flag: string): Date | string {
  try {
    parseHttpDate(value);
    return value;
  } catch (error) {
    if (!(error instanceof HttpDateError)) throw error;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(`${flag} is neither an HTTP date nor an ISO 8601 time.`, {
      hint: "Write it like 'Thu, 17 Feb 2022 08:17:59 GMT' or 2022-02-17T08:17:59Z.",
    });
  }
  return date;
}

function authProfile(name: string): AuthProfile {
  try {
    return profileFromName(name);
  } catch {
    throw new UsageError(`There is no signing profile called ${name}.`, {
      hint: `Use one of: ${DOCUMENTED_PROFILES.map(profileName).join(', ')}.`,
    });
  }
}

/** The configured signing profile (`--auth-profile`, WALLET_AUTH_PROFILE), else the default. */
function signingProfile(config: ResolvedConfig): AuthProfile {
  const name = optionalSetting(config, 'authProfile');
  return name === undefined ? DEFAULT_PROFILE : authProfile(name);
}

export async function sign(context: CommandContext, options: SignOptions): Promise<undefined> {
  const config = context.config();
  const signer = createRequestSigner({
    merchantKey: requireSetting(config, 'merchantKey'),
    merchantSalt: requireSetting(config, 'merchantSalt'),
    profile: signingProfile(config),
  });
  const body = options.body === undefined ? '' : await readDataArgument(options.body, 'body');
  const signed = signer.sign({
    body,
    ...(options.date === undefined ? {} : { date: dateOption(options.date, '--date') }),
  });
  const headers: Record<string, string> = {
    [walletHeaders.walletIdentifier]: WALLET_IDENTIFIER,
    [walletHeaders.date]: signed.date,
    ...(signed.digest === undefined ? {} : { [walletHeaders.digest]: signed.digest }),
    [walletHeaders.authorization]: signed.authorization,
    [walletHeaders.contentType]: JSON_CONTENT_TYPE,
  };
  context.output.result(headers, () =>
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
  );
  return undefined;
}

/** `name: value` lines into a header record (later lines of the same name are joined). */
function parseHeaderLines(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

const FAILURE_OF: Readonly<Record<VerifyFailureReason, AuthenticationFailure>> = {
  missing: 'missing-header',
  malformed: 'malformed-header',
  'clock-skew': 'clock-skew',
  'bad-signature': 'bad-signature',
  'digest-mismatch': 'digest-mismatch',
};

function explain(
  reason: VerifyFailureReason,
  headers: Readonly<Record<string, string>>,
  now: Date,
  skew: number,
): string {
  switch (reason) {
    case 'missing':
      return 'A header the signature needs is absent: Authorization, date, or digest for a digest profile.';
    case 'malformed': {
      try {
        parseAuthorization(headers.authorization ?? '');
      } catch (error) {
        if (error instanceof Error) return error.message;
      }
      return 'The date header is not an HTTP date like Thu, 17 Feb 2022 08:17:59 GMT.';
    }
    case 'clock-skew': {
      const seconds = Math.round(
        (parseHttpDate(headers.date ?? '').getTime() - now.getTime()) / 1000,
      );
      const when = seconds < 0 ? `${-seconds} s before` : `${seconds} s after`;
      return `The date header is ${when} now; at most ${skew} s either way is allowed (see --now, --clock-skew).`;
    }
    case 'bad-signature':
      return 'The signature does not match: another merchant key or salt, a changed date header, another profile, or (payu-v2) another body.';
    case 'digest-mismatch':
      return 'The signature is good but the digest header does not match the body (--body).';
  }
}

export async function verify(context: CommandContext, options: VerifyOptions): Promise<ExitCode> {
  const config = context.config();
  const merchantKey = requireSetting(config, 'merchantKey');
  const merchantSalt = requireSetting(config, 'merchantSalt');
  const lines =
    options.header !== undefined && options.header.length > 0
      ? options.header
      : (await readStdin('headers')).split(/\r?\n/);
  const headers = parseHeaderLines(lines);
  if (Object.keys(headers).length === 0) {
    throw new InputError('INPUT_MISSING', 'No headers were given.', {
      hint: "Give them as -H 'name: value', or pipe the lines `wallet sign` prints.",
    });
  }
  const skew = Number(options.clockSkew ?? '300');
  if (!Number.isInteger(skew) || skew < 0) {
    throw new UsageError('--clock-skew must be a whole number of seconds.');
  }
  const nowOption = options.now === undefined ? new Date() : dateOption(options.now, '--now');
  const now = typeof nowOption === 'string' ? parseHttpDate(nowOption) : nowOption;
  const body = options.body === undefined ? '' : await readDataArgument(options.body, 'body');
  const result = await verifyRequest({
    headers,
    body,
    now,
    clockSkewSeconds: skew,
    lookupSalt: (key) => (key === merchantKey ? merchantSalt : undefined),
    ...(options.acceptProfile === undefined
      ? {}
      : { profiles: [authProfile(options.acceptProfile)] }),
  });
  if (result.ok) {
    const profile = profileName(result.profile);
    context.output.result(
      { valid: true, merchantKey: result.merchantKey, profile },
      `valid: signed by merchant ${result.merchantKey} with profile ${profile}`,
    );
    return ExitCode.Success;
  }
  const platform = authenticationFailures[FAILURE_OF[result.reason]];
  const why = explain(result.reason, headers, now, skew);
  context.output.result(
    { valid: false, reason: result.reason, responseMessage: platform.message, explanation: why },
    `invalid: ${result.reason} (the platform answers HTTP ${platform.httpStatus} ${platform.message})\n${why}`,
  );
  return ExitCode.ApiError;
}
