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
 * The only module that talks to the email provider. The SDK reads RESEND_BASE_URL when it is
 * constructed, which lets tests point it at a local fake server.
 */
export function createResendSender(input: { apiKey: string; from: string }): EmailSender {
  let client: Resend | undefined;
  return async (message, idempotencyKey) => {
    client ??= new Resend(input.apiKey);
    const replyTo = replyToHeader(message.replyTo);
    try {
      const { data, error } = await client.emails.send(
        {
          from: fromHeader(input.from, message.senderName),
          ...(replyTo ? { replyTo } : {}),
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
        },
        { idempotencyKey },
      );
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
