/**
 * The `X-Sandbox-Fault` request header: one request asks for its own fault, e.g.
 * `status=503`, `latency=250ms`, `latency=100-300ms`, `drop`, `drop=after`, `timeout`,
 * `timeout=after`, `code=1052`, `retry-after=2`, combined with `;`.
 */
import type { FaultPhase, FaultRule } from './rules.js';
import { faultRuleSchema } from './rules.js';

export const FAULT_HEADER = 'X-Sandbox-Fault';

/** A part of the header that cannot be read: `part` is its key, `rule` what it must be. */
export class FaultHeaderError extends Error {
  readonly code = 'INVALID_FAULT_HEADER';
  readonly part: string;

  constructor(part: string, rule: string) {
    super(`${FAULT_HEADER}: ${part}: ${rule}`);
    this.name = 'FaultHeaderError';
    this.part = part;
  }
}

const DURATION = /^(\d{1,6})(ms|s)?$/;

function duration(text: string, part: string): number {
  const match = DURATION.exec(text.trim());
  if (match === null) throw new FaultHeaderError(part, 'must be a duration such as 250ms or 2s');
  const value = Number(match[1]);
  return match[2] === 's' ? value * 1000 : value;
}

function phaseOf(value: string | undefined, part: string): FaultPhase {
  if (value === undefined || value === 'before') return 'before';
  if (value === 'after') return 'after';
  throw new FaultHeaderError(part, 'must be "before" or "after"');
}

/** Reads the header into a rule (checked like a configured one). */
export function parseFaultHeader(value: string): FaultRule {
  const rule: Record<string, unknown> = {};
  for (const raw of value.split(';')) {
    const item = raw.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = (eq === -1 ? item : item.slice(0, eq)).trim().toLowerCase();
    const arg = eq === -1 ? undefined : item.slice(eq + 1).trim();
    switch (key) {
      case 'status':
        rule.status = /^\d{3}$/.test(arg ?? '') ? Number(arg) : Number.NaN;
        break;
      case 'code':
        rule.responseCode = arg;
        break;
      case 'retry-after':
        rule.retryAfterSeconds = /^\d{1,4}$/.test(arg ?? '') ? Number(arg) : Number.NaN;
        break;
      case 'latency': {
        if (arg === undefined) throw new FaultHeaderError(key, 'needs a value such as 250ms');
        const unit = /(ms|s)$/.exec(arg)?.[1] ?? 'ms';
        const range = arg.split('-');
        if (range.length === 2) {
          const [min = '', max = ''] = range;
          rule.latencyMs = [
            duration(/(ms|s)$/.test(min) ? min : `${min}${unit}`, key),
            duration(max, key),
          ];
        } else rule.latencyMs = duration(arg, key);
        break;
      }
      case 'drop':
        rule.drop = phaseOf(arg, key);
        break;
      case 'timeout':
        rule.timeout = phaseOf(arg, key);
        break;
      default:
        throw new FaultHeaderError(
          key,
          'is not a fault (status, code, retry-after, latency, drop, timeout)',
        );
    }
  }
  const checked = faultRuleSchema.safeParse(rule);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new FaultHeaderError(String(issue?.path[0] ?? 'value'), issue?.message ?? 'is invalid');
  }
  return checked.data;
}
