import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { findCapturedEmail } from '@/lib/email/mailbox';

export const metadata: Metadata = { title: 'Demo mailbox', robots: { index: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!getConfig().isDemoMode) notFound();
  const id = z.uuid().safeParse((await params).id);
  const email = id.success ? await findCapturedEmail(await getDb(), id.data) : null;
  if (!email) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/dev/mailbox" className="text-sm underline">
        ← All mail
      </Link>
      <h1 className="text-2xl font-bold">{email.payload.subject}</h1>
      <p className="text-stone-700">To: {email.payload.to}</p>
      {/* The email's own HTML, isolated: a sandboxed frame without scripts. */}
      <iframe
        title="Email (HTML)"
        srcDoc={email.payload.html}
        sandbox="allow-popups allow-top-navigation-by-user-activation"
        className="h-[640px] w-full rounded-lg border border-stone-200 bg-white"
      />
      <details>
        <summary className="cursor-pointer">Plain-text version</summary>
        <pre className="whitespace-pre-wrap rounded-lg bg-white p-4 text-sm">{email.payload.text}</pre>
      </details>
    </div>
  );
}
