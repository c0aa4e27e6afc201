/**
 * What every call returns: a promise of the parsed response that can also hand over the raw HTTP
 * `Response`, as openai-node's `APIPromise` does:
 *
 *   const customer = await client.registerCustomer(params);
 *   const { data, response } = await client.registerCustomer(params).withResponse();
 */

/** The parsed response together with what came with it on the wire. */
export interface WalletResponse<T> {
  /** The parsed, decrypted response. */
  readonly data: T;
  /**
   * The final HTTP response (status, headers). Its body has already been read by the client: use
   * `data`, or `rawBody` for the bytes as received.
   */
  readonly response: Response;
  /** The response body as received (for a wallet API, the envelope). */
  readonly rawBody: string;
  /** The `clientTxnId` sent (the same on every attempt); absent for the helper API. */
  readonly clientTxnId: string | undefined;
  /** The response's request id header, when the platform sent one. */
  readonly requestId: string | undefined;
  /** Attempts made: 1 when the first one succeeded. */
  readonly attempts: number;
}

/**
 * A `Promise<T>` with {@link WalletPromise.withResponse}. The call starts at once; awaiting the
 * promise gives the parsed response, `withResponse()` the response with its `Response`.
 */
export class WalletPromise<T> extends Promise<T> {
  readonly #result: Promise<WalletResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<WalletResponse<T>>) {
    // The promise this class extends is never used: every method reads #result.
    super((resolve) => {
      resolve(undefined as T);
    });
    this.#result = result;
  }

  /** Methods of Promise that build a new promise build a plain one. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The parsed response with the raw `Response`, the raw body, clientTxnId, request id and attempts. */
  withResponse(): Promise<WalletResponse<T>> {
    return this.#result;
  }

  /** The raw `Response` alone (its body already read; see {@link WalletResponse.response}). */
  asResponse(): Promise<Response> {
    return this.#result.then((result) => result.response);
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: this is a promise; `then` is its contract.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  override catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}
