/**
 * Errors that stop a command before any manuscript diagnostic can be made
 * (bad usage, a missing directory, no browser). The CLI prints their message
 * on one line and exits with code 2; they never show a stack trace.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
