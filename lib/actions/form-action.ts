import 'server-only';
import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { isAppError } from '@/lib/errors';
import { type FormState, idle } from './form-state';

const SECRET_FIELDS = /password/i;

/** Submitted text fields to refill the form with (React resets it after an action); never passwords. */
function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !SECRET_FIELDS.test(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

/**
 * Wraps a server action: parses the form with `schema`, runs `handler`, and turns validation
 * failures and expected AppErrors into form state. Anything else (including Next's redirects)
 * is rethrown. Handlers check authorization themselves.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, formData: FormData) => Promise<FormState | undefined>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return {
        status: 'error',
        message: 'Please correct the highlighted fields.',
        fieldErrors: fieldErrorsOf(parsed.error),
        values: echo(formData),
      };
    }
    try {
      return (await handler(parsed.data, formData)) ?? idle;
    } catch (error) {
      if (isAppError(error)) {
        return {
          status: 'error',
          message: error.message,
          fieldErrors: error.details?.fieldErrors,
          values: echo(formData),
        };
      }
      throw error;
    }
  };
}
