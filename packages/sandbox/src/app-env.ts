/** What the application's middleware and routes share through Hono's context. */
import type { NodeBindings } from './admin/guard.js';
import type { ExchangeDraft } from './exchange.js';
import type { FaultScope } from './faults/scope.js';
import type { HeaderField } from './http/header-fields.js';

export type AppEnv = {
  Bindings: NodeBindings;
  Variables: {
    /** The exchange being recorded (recordExchange sets it first). */
    exchange: ExchangeDraft;
    /** The request's header fields (recordExchange reads them once, for every middleware). */
    headerFields: readonly HeaderField[];
    /** Set by the sandbox's own tools and mounts: kept out of the journal. */
    internal: boolean;
    /** The fault rule applied to this wallet or helper call, if any. */
    faultScope: FaultScope | undefined;
    /**
     * The status to record when it is not the response's own: 0 when a fault dropped or held the
     * request and no response was computed (faultInjection sets it).
     */
    recordedStatus: number | undefined;
  };
};
