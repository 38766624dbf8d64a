// Errors that reach the user as one line and an exit code. Anything else that
// is thrown is a bug; cli.ts reports it as one line too (stack with --debug).

import { visible } from '../text/visible.js';
import { runtime } from './runtime.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, nothingToClaim: 3 } as const;

export class PlanError extends Error {
  /** The same refusal in an MCP tool's words (`the sprint argument`, not `--sprint`), where they differ. */
  toolMessage?: string;

  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'PlanError';
  }

  /** Sets toolMessage; returns this error. */
  forTools(message: string): this {
    this.toolMessage = message;
    return this;
  }
}

export class UsageError extends PlanError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/**
 * The PlanError in `e`, if it is one. Lazily loaded bundles carry their own
 * copy of this class, so `instanceof` is not enough across them.
 */
/** The names of PlanError and its subclasses (an error from another bundle is not `instanceof` this one's class). */
const PLAN_ERROR_NAMES = new Set(['PlanError', 'UsageError', 'StaleModelError']);

export function asPlanError(e: unknown): PlanError | null {
  if (e instanceof PlanError) return e;
  const x = e as { name?: unknown; exitCode?: unknown; message?: unknown } | null;
  if (x && typeof x === 'object' && PLAN_ERROR_NAMES.has(x.name as string) && typeof x.exitCode === 'number' && typeof x.message === 'string') {
    return x as PlanError;
  }
  return null;
}

/** A warning that does not stop the command: one line on stderr, made safe for the terminal. */
export function warn(message: string): void {
  runtime().stderr.write(visible(`plan: warning: ${message}\n`));
}
