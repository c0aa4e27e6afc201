/** Old names of the sandbox's exports, kept so code written against them still compiles. */
import { type SandboxResponse, sandboxResponses } from './http/responses.js';

/** @deprecated use {@link sandboxResponses}: one word, "response", for what the sandbox sends back. */
export const sandboxAnswers: typeof sandboxResponses = sandboxResponses;
/** @deprecated use {@link SandboxResponse}. */
export type SandboxAnswer = SandboxResponse;
