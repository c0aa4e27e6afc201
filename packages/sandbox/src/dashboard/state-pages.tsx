/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The state pages: customers and their wallets, one wallet's ledger, merchants, faults, sign-in. */
import type { FC } from 'hono/jsx';
import type { MagicValue } from '../faults/magic.js';
import type { FaultConfig } from '../faults/rules.js';
import type { SandboxMerchant } from '../merchants/registry.js';
import type { Account, LedgerEntry } from '../store/records.js';
import { formatDateTime, formatPaise, prettyJson } from './format.js';
import { href, Layout } from './layout.js';

function fullName(account: Account): string {
  const { firstName, middleName, lastName } = account.customer;
  return [firstName, middleName, lastName].filter((part) => part !== null).join(' ');
}

const Notice: FC<{ readonly text: string | undefined; readonly error?: boolean }> = ({
  text,
  error,
}) =>
  text === undefined ? null : (
    <p
      class={error === true ? 'notice error' : 'notice'}
      role={error === true ? 'alert' : 'status'}
    >
      {text}
    </p>
  );

export interface CustomersPageProps {
  readonly base: string;
  readonly accounts: readonly Account[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly notice?: string | undefined;
}

export const CustomersPage: FC<CustomersPageProps> = (props) => {
  const { base, accounts, page, pageSize, total } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Layout base={base} title="Customers" section="customers">
      <h1>Customers and wallets</h1>
      <Notice text={props.notice} />
      <p class="lead">
        {total} customer{total === 1 ? '' : 's'} in the sandbox, oldest first. Open a wallet for its
        ledger.
      </p>
      <section class="scroll" tabindex={0} aria-label="Customers">
        <table>
          <thead>
            <tr>
              <th scope="col">Wallet (URN)</th>
              <th scope="col">Name</th>
              <th scope="col">Customer ID</th>
              <th scope="col">Mobile</th>
              <th scope="col">Email</th>
              <th scope="col">Merchant</th>
              <th scope="col">Status</th>
              <th scope="col">KYC</th>
              <th scope="col" class="num">
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.length === 0 ? (
              <tr>
                <td colspan={9} class="empty">
                  No customers yet: register one, or load a seed file.
                </td>
              </tr>
            ) : (
              accounts.map((account) => (
                <tr>
                  <td class="mono">
                    <a href={href(base, `wallets/${account.wallet.urn}`)}>{account.wallet.urn}</a>
                  </td>
                  <td>{fullName(account)}</td>
                  <td class="mono">{account.customer.customerId}</td>
                  <td class="mono">{account.customer.mobile}</td>
                  <td>{account.customer.email ?? '–'}</td>
                  <td>{account.customer.merchantKey}</td>
                  <td>{account.wallet.status}</td>
                  <td>{String(account.customer.kycProfile)}</td>
                  <td class="num">{formatPaise(account.wallet.balance)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      {pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {page > 1 ? <a href={`${href(base, 'customers')}?page=${page - 1}`}>← Previous</a> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <a href={`${href(base, 'customers')}?page=${page + 1}`}>Next →</a> : null}
        </nav>
      ) : null}
      <h2>Reset</h2>
      <form class="actions" method="post" action={href(base, 'reset')}>
        <p>
          Deletes every customer, wallet, ledger entry and stored response (merchants stay), then
          applies the start-up seed again, if there is one.
        </p>
        <button type="submit" class="danger">
          Reset sandbox data
        </button>
      </form>
    </Layout>
  );
};

export interface WalletPageProps {
  readonly base: string;
  readonly account: Account;
  readonly entries: readonly LedgerEntry[];
  readonly totalEntries: number;
}

export const WalletPage: FC<WalletPageProps> = ({ base, account, entries, totalEntries }) => {
  const { customer, wallet } = account;
  return (
    <Layout base={base} title={`Wallet ${wallet.urn}`} section="customers">
      <p>
        <a href={href(base, 'customers')}>← All customers</a>
      </p>
      <h1>
        Wallet <span class="mono">{wallet.urn}</span>
      </h1>
      <dl class="facts">
        <dt>Balance</dt>
        <dd>
          <strong>{formatPaise(wallet.balance)}</strong> ({wallet.balance} paise)
        </dd>
        <dt>Customer</dt>
        <dd>
          {fullName(account)} (<span class="mono">{customer.customerId}</span>)
        </dd>
        <dt>Mobile</dt>
        <dd class="mono">{customer.mobile}</dd>
        <dt>Email</dt>
        <dd>{customer.email ?? '–'}</dd>
        <dt>Account number</dt>
        <dd class="mono">{wallet.accountNumber}</dd>
        <dt>Status</dt>
        <dd>
          {wallet.status}
          {wallet.statusReason !== null ? ` (${wallet.statusReason})` : ''}
        </dd>
        <dt>KYC profile</dt>
        <dd>{String(customer.kycProfile)}</dd>
        <dt>Merchant</dt>
        <dd>{customer.merchantKey}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(wallet.createdAt)}</dd>
      </dl>
      <h2>Ledger</h2>
      <p class="lead">
        {totalEntries} entr{totalEntries === 1 ? 'y' : 'ies'}, newest first
        {totalEntries > entries.length ? ` (the latest ${entries.length} shown)` : ''}.
      </p>
      <section class="scroll" tabindex={0} aria-label="Ledger">
        <table>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Type</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col" class="num">
                Balance after
              </th>
              <th scope="col">clientTxnId</th>
              <th scope="col">Description</th>
              <th scope="col">Counterparty</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colspan={7} class="empty">
                  No movements yet.
                </td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr>
                  <td class="mono">{formatDateTime(entry.createdAt)}</td>
                  <td>{entry.type === 'CREDIT' ? 'Credit' : 'Debit'}</td>
                  <td class="num">
                    {`${entry.type === 'CREDIT' ? '+' : '−'}${formatPaise(entry.amount)}`}
                  </td>
                  <td class="num">{formatPaise(entry.balanceAfter)}</td>
                  <td class="mono">
                    <a href={`${href(base)}?clientTxnId=${encodeURIComponent(entry.clientTxnId)}`}>
                      {entry.clientTxnId}
                    </a>
                  </td>
                  <td>{entry.description ?? '–'}</td>
                  <td>{entry.counterparty ?? '–'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
    </Layout>
  );
};

const Credential: FC<{ readonly id: string; readonly label: string; readonly value: string }> = ({
  id,
  label,
  value,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <div class="cred">
      <input id={id} readonly value={value} data-copy={label} spellcheck={false} />
    </div>
  </div>
);

export interface MerchantsPageProps {
  readonly base: string;
  readonly baseUrl: string;
  readonly merchants: readonly SandboxMerchant[];
}

function envLines(merchant: SandboxMerchant, baseUrl: string): string {
  return [
    `WALLET_BASE_URL=${baseUrl}`,
    `WALLET_MERCHANT_KEY=${merchant.merchantKey}`,
    `WALLET_MERCHANT_SALT=${merchant.salt}`,
    `WALLET_ENCRYPTION_KEY=${merchant.encryptionKey}`,
    `WALLET_IV_MODE=${merchant.ivMode}`,
    ...(merchant.iv === null ? [] : [`WALLET_IV=${merchant.iv}`]),
  ].join('\n');
}

export const MerchantsPage: FC<MerchantsPageProps> = ({ base, baseUrl, merchants }) => (
  <Layout base={base} title="Merchants" section="merchants">
    <h1>Merchant credentials</h1>
    <p class="lead">
      What a client needs to call this sandbox. These are the sandbox's own test credentials; treat
      them as secrets anyway.
    </p>
    {merchants.map((merchant, index) => (
      <section class="card" aria-labelledby={`m-${index}`}>
        <h2 id={`m-${index}`}>{merchant.merchantKey}</h2>
        <Credential id={`m-${index}-url`} label="Base URL" value={baseUrl} />
        <Credential id={`m-${index}-key`} label="Merchant key" value={merchant.merchantKey} />
        <Credential id={`m-${index}-salt`} label="Merchant salt" value={merchant.salt} />
        <Credential
          id={`m-${index}-aes`}
          label="Encryption key (hex)"
          value={merchant.encryptionKey}
        />
        <Credential
          id={`m-${index}-iv`}
          label="IV mode"
          value={merchant.iv === null ? merchant.ivMode : `${merchant.ivMode} (IV ${merchant.iv})`}
        />
        <Credential id={`m-${index}-field`} label="Response field" value={merchant.responseField} />
        <Credential id={`m-${index}-api`} label="Helper x-api-key" value={merchant.helper.apiKey} />
        <div class="field">
          <label for={`m-${index}-env`}>As environment variables</label>
          <div class="cred">
            <textarea
              id={`m-${index}-env`}
              readonly
              rows={6}
              data-copy="environment variables"
              spellcheck={false}
            >
              {envLines(merchant, baseUrl)}
            </textarea>
          </div>
        </div>
      </section>
    ))}
  </Layout>
);

const FAULTS_EXAMPLE = `For example:
{
  "global": { "latencyMs": [50, 200] },
  "routes": { "load": { "status": 503, "times": 1 }, "unload": { "drop": "after" } }
}`;

export interface FaultsPageProps {
  readonly base: string;
  readonly config: FaultConfig;
  readonly magicValues: readonly MagicValue[];
  readonly notice?: string | undefined;
  readonly problem?: string | undefined;
  readonly draft?: string | undefined;
}

export const FaultsPage: FC<FaultsPageProps> = (props) => (
  <Layout base={props.base} title="Faults" section="faults">
    <h1>Faults</h1>
    <Notice text={props.notice} />
    <Notice text={props.problem} error />
    <p class="lead">
      Rules for every API (<code>global</code>) or per API (<code>routes.load</code>, ...): latency,
      an error status, dropped connections, held requests. One request can ask for its own with the{' '}
      <code>X-Sandbox-Fault</code> header.
    </p>
    <form method="post" action={href(props.base, 'faults')}>
      <div class="field">
        <label for="faults-json">Fault configuration (JSON)</label>
        <textarea
          id="faults-json"
          name="config"
          rows={8}
          spellcheck={false}
          placeholder={FAULTS_EXAMPLE}
        >
          {props.draft ?? (Object.keys(props.config).length === 0 ? '' : prettyJson(props.config))}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit">Apply faults</button>
        <button type="submit" class="secondary" formaction={href(props.base, 'faults/clear')}>
          Clear all faults
        </button>
      </div>
    </form>
    <h2>Magic values</h2>
    <section class="scroll" tabindex={0} aria-label="Magic values">
      <table>
        <thead>
          <tr>
            <th scope="col">API</th>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {props.magicValues.map((magic) => (
            <tr>
              <td>{magic.apis.join(', ')}</td>
              <td class="mono">{magic.field}</td>
              <td class="mono">{magic.value}</td>
              <td>{magic.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  </Layout>
);

export const SignInPage: FC<{ readonly base: string; readonly failed: boolean }> = ({
  base,
  failed,
}) => (
  <Layout base={base} title="Sign in" section="none">
    <h1>Sign in</h1>
    <p class="lead">
      This sandbox is reached on an address other than loopback, so the dashboard needs its admin
      token (<code>WALLET_ADMIN_TOKEN</code>).
    </p>
    {failed ? (
      <p class="notice error" role="alert">
        That token is not the sandbox's admin token.
      </p>
    ) : null}
    <form method="post" action={href(base, 'login')}>
      <div class="field">
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required />
      </div>
      <div class="actions">
        <button type="submit">Sign in</button>
      </div>
    </form>
  </Layout>
);

export const NotFoundPage: FC<{ readonly base: string; readonly what: string }> = ({
  base,
  what,
}) => (
  <Layout base={base} title="Not found" section="none">
    <h1>Not found</h1>
    <p>{what}</p>
    <p>
      <a href={href(base)}>Back to the requests</a>
    </p>
  </Layout>
);
