import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPreferences } from '@/lib/notifications/preferences';
import { NotificationsForm } from './notifications-form';

/** Settings → Notifications: which badge emails the learner gets. */
export async function Notifications({ userId }: { userId: string }) {
  const preferences = await getPreferences(await getDb(), userId);
  return (
    <section id="notifications" aria-labelledby="notifications-heading" className="flex flex-col gap-4">
      <h2 id="notifications-heading" className="text-xl font-semibold">
        Notifications
      </h2>
      <Card>
        <NotificationsForm preferences={preferences} />
      </Card>
    </section>
  );
}
