import { Resend } from 'resend';
import type { EmailMessage } from '@/db/schema';
import { fromHeader, replyToHeader } from './sender';

export type SendResult =
  | { ok: true; providerId: string }
  | { ok: false; error: string; isRetryable: boolean };
export type EmailSender = (message: EmailMessage, idempotencyKey: string) => Promise<SendResult>;

// Resend answers these for requests that will never succeed as sent; anything else may be transient.
const PERMANENT_ERRORS = new Set(['validation_error', 'missing_required_field', 'invalid_from_address']);

/**
 * How long one request to the provider may take (the SDK sets none: fetch would wait minutes).
 * A message makes at most two, which the email job's lease allows for (lib/queue/kinds.ts).
 */
export const SEND_TIMEOUT_MS = 10_000;

/** The SDK's word for a request that got no HTTP answer (it reports every such failure alike). */
const isNoAnswer = (error: { name: string; statusCode?: number | null }) =>
  error.name === 'application_error' && (error.statusCode ?? null) === null;

/**
 * The only module that talks to the email provider. The SDK reads RESEND_BASE_URL when it is
 * constructed, which lets tests point it at a local fake server.
 */
export function createResendSender(input: { apiKey: string; from: string; timeoutMs?: number }): EmailSender {
  let client: Resend | undefined;
  return async (message, idempotencyKey) => {
    client ??= new Resend(input.apiKey);
    const replyTo = replyToHeader(message.replyTo);
    const send = (resend: Resend) =>
      resend.emails.send(
        {
          from: fromHeader(input.from, message.senderName),
          ...(replyTo ? { replyTo } : {}),
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.headers ? { headers: message.headers } : {}),
        },
        { idempotencyKey, signal: AbortSignal.timeout(input.timeoutMs ?? SEND_TIMEOUT_MS) },
      );
    try {
      let { data, error } = await send(client);
      // No answer at all (a dropped or stale kept-alive connection): ask again at once rather than
      // after the queue's backoff. The idempotency key makes a send that did arrive count once.
      if (error && isNoAnswer(error)) ({ data, error } = await send(client));
      if (error)
        return {
          ok: false,
          error: `${error.name}: ${error.message}`,
          isRetryable: !PERMANENT_ERRORS.has(error.name),
        };
      return { ok: true, providerId: data?.id ?? '' };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error), isRetryable: true };
    }
  };
}
