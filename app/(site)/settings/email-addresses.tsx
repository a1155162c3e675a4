import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listAccountEmails } from '@/lib/accounts/user-emails';
import { AddEmailForm, EmailAddressList } from './email-address-forms';

/** Settings → Email addresses (linked to as /settings#email-addresses). */
export async function EmailAddresses({ userId }: { userId: string }) {
  const addresses = await listAccountEmails(await getDb(), userId);
  return (
    <section id="email-addresses" aria-labelledby="email-addresses-heading" className="flex flex-col gap-4">
      <h2 id="email-addresses-heading" className="text-xl font-semibold">
        Email addresses
      </h2>
      <Card className="flex flex-col gap-6">
        <p className="text-stone-700">
          Badges sent to any confirmed address appear in your wallet, including ones sent before you added it.
          Account emails go to your primary address. You can sign in with any confirmed address.
        </p>
        <EmailAddressList addresses={addresses} />
        <AddEmailForm />
      </Card>
    </section>
  );
}
