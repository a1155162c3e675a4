type SerializedError = {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SerializedError;
};

const MAX_MESSAGE = 500;
const MAX_DEPTH = 3;

/**
 * drizzle's query errors say `Failed query: <sql>\nparams: <values>`, and the values are people's
 * data (addresses, names): everything from `params:` on is dropped.
 */
function cleanMessage(message: string): string {
  const cut = message.replace(/\nparams:[\s\S]*$/, '\nparams: [not logged]');
  return cut.length > MAX_MESSAGE ? `${cut.slice(0, MAX_MESSAGE)}…` : cut;
}

/** An error's message fit to keep (a failed job's output in the queue): no query values, bounded. */
export function safeErrorMessage(error: unknown): string {
  return cleanMessage(error instanceof Error ? error.message : String(error));
}

/**
 * An error as a log line carries it: class, string code, message and the stack's frames (not its
 * first line, which repeats the message), and the cause chain. Other properties are left out on
 * purpose: postgres.js puts the offending value in `detail`, drizzle the query's `params`.
 */
export function serializeError(error: unknown, depth = 0): SerializedError | unknown {
  if (!(error instanceof Error)) {
    return typeof error === 'string' ? { type: 'string', message: cleanMessage(error) } : error;
  }
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  const serialized: SerializedError = {
    type: error.name || error.constructor?.name || 'Error',
    message: cleanMessage(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames ? { stack: frames } : {}),
  };
  if (error.cause !== undefined && depth < MAX_DEPTH) {
    serialized.cause = serializeError(error.cause, depth + 1) as SerializedError;
  }
  return serialized;
}
