/** Reading what the user hands a command: `--data` values, `@file` references and stdin. */

import { readFile } from 'node:fs/promises';
import type { JsonObject } from '@wallet/crypto';
import { InputError } from './errors.js';

/** All of stdin as text. Refuses to wait on a terminal, where nothing was piped in. */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY === true) {
    throw new InputError('INPUT_MISSING', `No ${what} was given.`, {
      hint: `Pipe the ${what} into the command, or pass it as an argument (see --help).`,
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A `--data` value: `@path` reads a file, `@-` reads stdin, anything else is the text itself. */
export async function readDataArgument(value: string, what: string): Promise<string> {
  if (value === '@-') return readStdin(what);
  if (value.startsWith('@')) {
    const path = value.slice(1);
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw new InputError('INPUT_UNREADABLE', `The file ${path} cannot be read.`, {
        hint: 'Check the path after @ (use @- for stdin).',
      });
    }
  }
  return value;
}

/** Parses `text` as a JSON object; `what` names it in the error. */
export function parseJsonObject(text: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('INPUT_NOT_JSON', `The ${what} is not valid JSON.`, {
      hint: `Give the ${what} as a JSON object, e.g. '{"clientTxnId": "txn1"}'.`,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('INPUT_NOT_JSON', `The ${what} is not a JSON object.`, {
      hint: `Give the ${what} as a JSON object in braces.`,
    });
  }
  return value as JsonObject;
}
