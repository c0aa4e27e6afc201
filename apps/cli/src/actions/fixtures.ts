/**
 * `wallet fixtures run file.json`: runs a fixture file's steps one after another through
 * @wallet/client against the configured base URL (any: a sandbox, or PayU's test platform), each
 * step's parameters filled from earlier answers.
 */
import { createWalletClient, WalletApiError } from '@wallet/client';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { interpolate, parseFixtureFile } from '../fixtures/steps.js';
import { parseJsonObject, readDataArgument } from '../input.js';
import { toCliError } from '../to-cli-error.js';
import { walletClientConfig } from '../wiring/client-config.js';

type ApiMethod = (
  params: Record<string, unknown>,
  options: { clientTxnId?: string },
) => {
  withResponse(): Promise<{ data: Record<string, unknown>; clientTxnId?: string | undefined }>;
};

/** What one step did. */
interface StepResult {
  readonly step: number;
  readonly id: string | null;
  readonly api: string;
  readonly clientTxnId: string | null;
  readonly responseCode: string;
  readonly result: Record<string, unknown>;
}

/** The platform code of an API's answer that the client turned into an error. */
function codeOf(error: unknown): string | undefined {
  return error instanceof WalletApiError ? error.responseCode : undefined;
}

export async function runFixtures(context: CommandContext, file: string): Promise<ExitCode> {
  const fixture = parseFixtureFile(
    parseJsonObject(await readDataArgument(`@${file}`, 'fixture file'), 'fixture file'),
  );
  const client = createWalletClient(walletClientConfig(context.config()));
  const results = new Map<string, unknown>();
  const done: StepResult[] = [];

  for (const [index, step] of fixture.steps.entries()) {
    const label = `${index + 1} ${step.id ?? ''}`.trim();
    const params = interpolate(step.params, results, `steps[${index}].params`) as Record<
      string,
      unknown
    >;
    const clientTxnId =
      step.clientTxnId === undefined
        ? undefined
        : String(interpolate(step.clientTxnId, results, `steps[${index}].clientTxnId`));
    const expected = step.expect?.responseCode ?? '00';
    const method = (client as unknown as Record<string, ApiMethod>)[step.api];
    if (method === undefined) throw new Error(`the client has no method ${step.api}`);
    let result: StepResult;
    try {
      const answer = await method
        .call(client, params, clientTxnId === undefined ? {} : { clientTxnId })
        .withResponse();
      result = {
        step: index + 1,
        id: step.id ?? null,
        api: step.api,
        clientTxnId: answer.clientTxnId ?? null,
        responseCode: '00',
        result: answer.data,
      };
    } catch (error) {
      const code = codeOf(error);
      if (code === undefined || code !== expected) {
        const failure = toCliError(error);
        context.output.note(`✗ step ${label} (${step.api}) failed`);
        throw failure;
      }
      const body = (error as { body?: unknown }).body;
      result = {
        step: index + 1,
        id: step.id ?? null,
        api: step.api,
        clientTxnId: (error as { clientTxnId?: string }).clientTxnId ?? null,
        responseCode: code,
        result: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
      };
    }
    if (result.responseCode !== expected) {
      context.output.note(`✗ step ${label} (${step.api}) failed`);
      throw new CliError(
        'FIXTURE_EXPECTATION_FAILED',
        `Step ${label} (${step.api}) answered ${result.responseCode}, expected ${expected}.`,
        ExitCode.ApiError,
        {
          hint: 'Check the step, or its "expect".',
          details: { step: index + 1, responseCode: result.responseCode },
        },
      );
    }
    if (step.id !== undefined) {
      results.set(step.id, { ...result.result, clientTxnId: result.clientTxnId });
    }
    done.push(result);
    context.output.line(
      `✓ ${label.padEnd(16)} ${step.api.padEnd(18)} ${result.responseCode.padEnd(5)} clientTxnId ${result.clientTxnId ?? '-'}`,
    );
  }
  context.output.result(
    { steps: done },
    `${done.length} step${done.length === 1 ? '' : 's'} passed.`,
  );
  return ExitCode.Success;
}
