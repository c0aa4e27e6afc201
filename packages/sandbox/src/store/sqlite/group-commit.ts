import { type StoreError, StoreUnavailableError } from '../errors.js';
import type { SerialQueue } from '../serial-queue.js';
import { toStoreError } from './errors.js';

/** What group commit needs of the connection. `control` throws the driver's own errors. */
export interface TransactionControl {
  readonly isOpen: boolean;
  readonly inTransaction: boolean;
  /** Opens the group's transaction with BEGIN IMMEDIATE, waiting for another process's lock. */
  beginImmediate(): Promise<void>;
  /** Runs a transaction-control statement (SAVEPOINT, RELEASE, ROLLBACK TO, COMMIT). */
  control(sql: string): void;
  /** ROLLBACK, ignoring the error when SQLite already rolled back. */
  rollbackQuietly(): void;
}

/** A unit of work that finished inside the open group, waiting for the group's COMMIT. */
interface Finished {
  readonly settle: () => void;
  readonly fail: (error: StoreError) => void;
}

/** The savepoint that brackets one unit of work inside a group. */
const UNIT_SAVEPOINT = 'wallet_unit';

/**
 * The SQLite store's commit policy. The units that queue up while the event loop handles one
 * round of I/O share one transaction. The first opens it with BEGIN IMMEDIATE (which also
 * serializes against other processes on the same file); each unit runs inside its own savepoint,
 * so a unit that throws is rolled back alone; once the queue has drained, one COMMIT (one fsync,
 * with `synchronous=FULL`) makes the whole group durable. No unit's promise settles before that
 * COMMIT: a caller never answers for a change that a crash could still undo, and if the COMMIT
 * fails every unit of the group rejects. The fsync is shared by the group instead of paid by each
 * request. Units must run one at a time, through `queue`, which the COMMIT joins too.
 */
export class GroupCommit {
  readonly #connection: TransactionControl;
  readonly #queue: SerialQueue;
  /** Units of the open group that ran, waiting for its COMMIT. */
  #finished: Finished[] = [];
  #commitScheduled = false;

  constructor(connection: TransactionControl, queue: SerialQueue) {
    this.#connection = connection;
    this.#queue = queue;
  }

  /**
   * Runs `work` inside its savepoint of the open group (opening one if needed). Call it from a
   * task of the queue; it resolves once `work` ran, and the unit's `settled` after the COMMIT.
   */
  async unit<T>(work: () => Promise<T>): Promise<GroupedUnit<T>> {
    if (!this.#connection.inTransaction) await this.#connection.beginImmediate();
    this.#control(`SAVEPOINT ${UNIT_SAVEPOINT}`);
    let value: T;
    try {
      value = await work();
      this.#control(`RELEASE ${UNIT_SAVEPOINT}`);
    } catch (error) {
      this.#undoUnit(error);
      throw error;
    }
    const unit = new GroupedUnit(value);
    this.#finished.push(unit);
    this.#scheduleCommit();
    return unit;
  }

  /** COMMITs the open group, then settles its units; on failure, rejects them all. */
  commit(): void {
    if (!this.#connection.isOpen || !this.#connection.inTransaction) {
      this.#abandon(new StoreUnavailableError());
      return;
    }
    const group = this.#finished;
    this.#finished = [];
    try {
      this.#connection.control('COMMIT');
    } catch (error) {
      this.#finished = group;
      this.#abandon(toStoreError(error));
      return;
    }
    for (const unit of group) unit.settle();
  }

  #control(sql: string): void {
    try {
      this.#connection.control(sql);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Rolls back the failed unit alone, or fails the whole group when SQLite already undid it. */
  #undoUnit(error: unknown): void {
    if (this.#connection.isOpen && this.#connection.inTransaction) {
      try {
        this.#connection.control(`ROLLBACK TO ${UNIT_SAVEPOINT}`);
        this.#connection.control(`RELEASE ${UNIT_SAVEPOINT}`);
        return;
      } catch {
        // The savepoint is unusable: give up the whole group below.
      }
    }
    // SQLite rolled the transaction back itself (I/O error, disk full): the units that finished
    // earlier in this group are undone too, so none of them may report success.
    this.#abandon(toStoreError(error));
  }

  /** Commits the open group at the end of this round of the event loop, after queued units. */
  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      void this.#queue.run(() => this.commit());
    });
  }

  /** Rejects every unit of the open group: none of their changes were committed. */
  #abandon(error: StoreError): void {
    const group = this.#finished;
    this.#finished = [];
    this.#connection.rollbackQuietly();
    for (const unit of group) unit.fail(error);
  }
}

/** A unit that ran inside a group: `settled` resolves with its value after the group's COMMIT. */
export class GroupedUnit<T> implements Finished {
  readonly settled: Promise<T>;
  readonly settle: () => void;
  readonly fail: (error: StoreError) => void;

  constructor(value: T) {
    let settle!: () => void;
    let fail!: (error: StoreError) => void;
    this.settled = new Promise<T>((resolve, reject) => {
      settle = () => resolve(value);
      fail = reject;
    });
    this.settle = settle;
    this.fail = fail;
  }
}
