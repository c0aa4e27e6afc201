/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The journal pages: the live list of requests and one request's detail. */
import type { FC } from 'hono/jsx';
import type { JournalEntry } from '../journal/entry.js';
import { filterQuery, type JournalFilter } from '../journal/filter.js';
import { formatClock, formatDateTime, prettyJson, statusClass } from './format.js';
import { href, Layout } from './layout.js';

const StatusBadge: FC<{ readonly status: number }> = ({ status }) => (
  <span class={statusClass(status)}>{status === 0 ? 'none' : String(status)}</span>
);

export interface JournalPageProps {
  readonly base: string;
  readonly streamUrl: string;
  readonly filter: JournalFilter;
  readonly limit: number;
  readonly entries: readonly JournalEntry[];
  readonly apiNames: readonly string[];
  readonly kept: number;
  readonly size: number;
  readonly problem?: string | undefined;
}

export const JournalPage: FC<JournalPageProps> = (props) => {
  const { base, filter, entries } = props;
  const query = filterQuery(filter);
  return (
    <Layout base={base} title="Requests" section="requests">
      <h1>Requests</h1>
      <p class="lead">
        Every request the sandbox answered, newest first ({props.kept} kept of at most {props.size}
        ). Bodies are decrypted; names, mobile numbers and email addresses are partly hidden.
      </p>
      <form class="filters" method="get" action={href(base)} aria-label="Filter requests">
        <div>
          <label for="f-api">API</label>
          <select id="f-api" name="api">
            <option value="">any</option>
            {props.apiNames.map((name) => (
              <option value={name} selected={filter.api === name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-status">Status</label>
          <input
            id="f-status"
            name="status"
            size={6}
            placeholder="4xx"
            value={filter.status ?? ''}
          />
        </div>
        <div>
          <label for="f-txn">clientTxnId</label>
          <input id="f-txn" name="clientTxnId" size={28} value={filter.clientTxnId ?? ''} />
        </div>
        <div>
          <label for="f-limit">Show</label>
          <input
            id="f-limit"
            name="limit"
            size={5}
            inputmode="numeric"
            value={String(props.limit)}
          />
        </div>
        <button type="submit">Filter</button>
        {query !== '' ? (
          <a class="button secondary" href={href(base)}>
            Clear
          </a>
        ) : null}
      </form>
      {props.problem !== undefined ? (
        <p class="notice error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <p id="live" class="live" aria-live="polite">
        <span class="dot" aria-hidden="true" />
        <span>Reload the page to see new requests.</span>
      </p>
      <section class="scroll" tabindex={0} aria-label="Requests">
        <table>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Merchant</th>
              <th scope="col">Status</th>
              <th scope="col">Code</th>
              <th scope="col" class="num">
                Duration
              </th>
              <th scope="col">clientTxnId</th>
            </tr>
          </thead>
          <tbody
            id="journal-rows"
            data-stream={props.streamUrl}
            data-detail-base={href(base, 'requests/')}
            data-limit={String(props.limit)}
          >
            {entries.length === 0 ? (
              <tr id="journal-empty">
                <td colspan={7} class="empty">
                  No requests yet. Send one with the client or the CLI and it appears here.
                </td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr data-seq={String(entry.seq)}>
                  <td>
                    <a href={href(base, `requests/${encodeURIComponent(entry.id)}`)}>
                      {`${entry.method} ${entry.api ?? entry.path}`}
                    </a>
                    {entry.replayed ? <span class="tag">replayed</span> : null}
                    {entry.fault !== null ? <span class="tag">fault</span> : null}
                  </td>
                  <td class="mono">{formatClock(entry.receivedAt)}</td>
                  <td>{entry.merchantKey ?? '–'}</td>
                  <td>
                    <StatusBadge status={entry.status} />
                  </td>
                  <td class="mono">{entry.responseCode ?? '–'}</td>
                  <td class="num">{`${entry.durationMs.toFixed(1)} ms`}</td>
                  <td class="mono">{entry.clientTxnId ?? '–'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
    </Layout>
  );
};

const HeaderTable: FC<{
  readonly caption: string;
  readonly headers: Readonly<Record<string, string>>;
}> = ({ caption, headers }) => (
  <section class="scroll" tabindex={0} aria-label={caption}>
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr>
            <td class="mono">{name}</td>
            <td class="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

/** The URN a request or response names, for the link to its wallet. */
function urnOf(entry: JournalEntry): string | undefined {
  for (const body of [entry.response, entry.request]) {
    const urn = body?.urn;
    if (typeof urn === 'string' || typeof urn === 'number') return String(urn);
  }
  return undefined;
}

export interface DetailPageProps {
  readonly base: string;
  readonly entry: JournalEntry;
}

export const DetailPage: FC<DetailPageProps> = ({ base, entry }) => {
  const urn = urnOf(entry);
  const title = `${entry.method} ${entry.api ?? entry.path}`;
  return (
    <Layout base={base} title={title} section="requests">
      <p>
        <a href={href(base)}>← All requests</a>
      </p>
      <h1>
        {title} <StatusBadge status={entry.status} />
      </h1>
      <dl class="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(entry.receivedAt)}</dd>
        <dt>Path</dt>
        <dd class="mono">{entry.path}</dd>
        <dt>Merchant</dt>
        <dd>{entry.merchantKey ?? 'not authenticated'}</dd>
        <dt>clientTxnId</dt>
        <dd class="mono">
          {entry.clientTxnId === null ? (
            '–'
          ) : (
            <a href={`${href(base)}?clientTxnId=${encodeURIComponent(entry.clientTxnId)}`}>
              {entry.clientTxnId}
            </a>
          )}
        </dd>
        <dt>Response code</dt>
        <dd class="mono">{entry.responseCode ?? '–'}</dd>
        <dt>Auth profile</dt>
        <dd>{entry.authProfile ?? 'none matched'}</dd>
        <dt>Duration</dt>
        <dd>{`${entry.durationMs.toFixed(1)} ms`}</dd>
        <dt>Replayed</dt>
        <dd>{entry.replayed ? 'yes: the stored response of this clientTxnId' : 'no'}</dd>
        <dt>Outcome</dt>
        <dd>{entry.failureReason ?? 'Answered successfully.'}</dd>
        {entry.fault !== null ? (
          <>
            <dt>Injected fault</dt>
            <dd class="mono">{entry.fault}</dd>
          </>
        ) : null}
        {urn !== undefined ? (
          <>
            <dt>Wallet</dt>
            <dd>
              <a href={href(base, `wallets/${encodeURIComponent(urn)}`)}>{urn}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <div class="pair">
        <section aria-labelledby="req-body">
          <h2 id="req-body">Decrypted request</h2>
          <pre tabindex={0}>
            {entry.request === null
              ? 'No decrypted request (it did not get that far).'
              : prettyJson(entry.request)}
          </pre>
        </section>
        <section aria-labelledby="res-body">
          <h2 id="res-body">Decrypted received</h2>
          <pre tabindex={0}>
            {entry.response === null
              ? 'No encrypted answer (a plain one, or none).'
              : prettyJson(entry.response)}
          </pre>
        </section>
      </div>
      <div class="pair">
        <section aria-labelledby="req-headers">
          <h2 id="req-headers">Request headers</h2>
          <HeaderTable caption="Request headers" headers={entry.requestHeaders} />
        </section>
        <section aria-labelledby="res-headers">
          <h2 id="res-headers">Response headers</h2>
          <HeaderTable caption="Response headers" headers={entry.responseHeaders} />
        </section>
      </div>
    </Layout>
  );
};
