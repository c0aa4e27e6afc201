/**
 * A closed stdout or stderr (`wallet --help | head -1`, `wallet logs tail | grep -m1 load`) ends
 * the command quietly, as git and gh do: no EPIPE stack trace. Node reports the closed pipe as an
 * `'error'` event on the stream, which crashes the process when nobody listens for it.
 */

/** The stream events this module needs; `process.stdout` and `process.stderr` have them. */
export interface OutputStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Whether `error` says that the reading end of the stream has gone away. */
export function isClosedPipe(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
}

/**
 * Ends the process when the reader of `streams` goes away: with the exit code the command has set
 * so far, else 0 (help and listings end with 0; nothing is left to tell anyone). Other stream
 * errors are thrown as before.
 */
export function endQuietlyWhenOutputCloses(
  streams: readonly OutputStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (!isClosedPipe(error)) throw error;
      exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}
