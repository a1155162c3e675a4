export type AppErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'rate_limited'
  /** Something the answer needs is out of order on our side (e.g. keys that cannot be read). */
  | 'unavailable'
  | 'unauthorized'
  /** An Idempotency-Key sent again with a different request. */
  | 'idempotency_key_reused';

export type AppErrorDetails = {
  /** The one form field the message is about: forms show it under that field. */
  field?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
};

/** An expected failure that callers turn into a message or an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: AppErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Errors per field: the explicit ones, else the message under `field`. Never read from the text. */
  get fieldErrors(): Record<string, string[]> | undefined {
    if (this.details?.fieldErrors) return this.details.fieldErrors;
    return this.details?.field ? { [this.details.field]: [this.message] } : undefined;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
