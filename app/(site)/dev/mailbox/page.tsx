import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { listCapturedEmails } from '@/lib/email/mailbox';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Demo mailbox', robots: { index: false } };

/** Mail the app would have sent. Exists only in demo mode (no email provider configured). */
export default async function MailboxPage() {
  if (!getConfig().isDemoMode) notFound();
  const emails = await listCapturedEmails(await getDb());
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Demo mailbox</h1>
      <p className="text-stone-700">
        No email provider is configured, so Laurel keeps its outgoing mail here instead of sending it. Set
        RESEND_API_KEY to send real email; this page then disappears.
      </p>
      {emails.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {emails.map((email) => (
            <li key={email.id}>
              <Link
                href={`/dev/mailbox/${email.id}`}
                className="flex flex-col p-3 hover:bg-stone-50 sm:flex-row sm:gap-4"
              >
                <span className="w-64 truncate text-stone-700">{email.payload.to}</span>
                <span className="flex-1 font-medium">{email.payload.subject}</span>
                <span className="text-sm text-stone-700">{formatDate(email.createdAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
