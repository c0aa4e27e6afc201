/**
 * Following the journal's server-sent event stream with eventsource-parser: each `request` event
 * is handed on as a parsed entry; `ready` says the subscription is live.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { TailEntry } from './format.js';

export interface StreamHandlers {
  /** The subscription is live; `nextSeq` is the sequence number the next request will get. */
  readonly onReady: (nextSeq: number) => void;
  readonly onEntry: (entry: TailEntry) => void;
}

/** Reads `body` to its end, calling the handlers per event. Resolves when the server ends it. */
export async function readJournalStream(
  body: ReadableStream<Uint8Array>,
  handlers: StreamHandlers,
): Promise<void> {
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      if (message.event === 'ready') {
        handlers.onReady(Number((JSON.parse(message.data) as { nextSeq?: unknown }).nextSeq) || 1);
      } else if (message.event === 'request')
        handlers.onEntry(JSON.parse(message.data) as TailEntry);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
