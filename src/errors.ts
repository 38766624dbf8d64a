// Errors that reach the user as one line and an exit code. Anything else that
// is thrown is a bug; cli.ts reports it as one line too (stack with --debug).

export const EXIT = { ok: 0, failure: 1, usage: 2, nothingToClaim: 3 } as const;

export class PlanError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

export class UsageError extends PlanError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}
