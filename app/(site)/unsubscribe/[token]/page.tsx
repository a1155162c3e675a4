import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { NOTIFICATION_LABELS } from '@/lib/notifications/kinds';
import { isMuted } from '@/lib/notifications/preferences';
import { readUnsubscribeToken } from '@/lib/notifications/unsubscribe-token';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/** Enough of the address to recognise it, not enough to learn it from a forwarded link. */
const masked = (email: string) => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
};

/**
 * Opening the link only asks: mail scanners follow links, and must not unsubscribe anyone. The
 * button posts to the same address as a mail client's one-click unsubscribe (RFC 8058), which
 * proxy.ts sends to app/api/unsubscribe.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const target = readUnsubscribeToken(token);
  if (!target) {
    return (
      <Page heading="This unsubscribe link does not work">
        <p>
          The link may have been cut short when it was copied. Open it again from the email, or change which
          emails you get in your settings.
        </p>
        <SettingsLink />
      </Page>
    );
  }
  const { about } = NOTIFICATION_LABELS[target.kind];
  if (await isMuted(await getDb(), target)) {
    return (
      <Page heading="You are unsubscribed">
        <p>
          We no longer email {masked(target.email)} when {about}.
        </p>
        <p>If this address is on your Laurel account, you can turn these emails back on in your settings.</p>
        <SettingsLink />
      </Page>
    );
  }
  return (
    <Page heading="Unsubscribe from these emails?">
      <p>
        Stop emailing {masked(target.email)} when {about}. Other emails, such as those about your account, are
        not affected.
      </p>
      <form method="post" action={`/unsubscribe/${token}?from=page`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit">Unsubscribe</Button>
      </form>
    </Page>
  );
}

function Page({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{heading}</h1>
      <Card className="flex flex-col items-start gap-3">{children}</Card>
    </div>
  );
}

function SettingsLink() {
  return (
    <Link href="/settings#notifications" className="underline">
      Notification settings
    </Link>
  );
}
