import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { issuersOnlyAdministeredBy } from '@/lib/accounts/deletion/sole-admin';
import { requireUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getSettings } from '@/lib/profile/settings';
import { ChangePasswordForm } from './change-password-form';
import { DataExportSection } from './data-export-section';
import { DeleteAccountForm } from './delete-account-form';
import { EmailAddresses } from './email-addresses';
import { Notifications } from './notifications';
import { OptOutForm } from './opt-out-form';
import { PhotoForm } from './photo-form';
import { ProfileForm } from './profile-form';
import { SettingsContents } from './settings-contents';
import { SignOutEverywhereForm } from './sign-out-everywhere-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const db = await getDb();
  const settings = await getSettings(db, user.id);
  const soleAdminOf = await issuersOnlyAdministeredBy(db, user.id);
  const isOptedOut = settings.optedOutAt !== null;
  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <h1 className="text-3xl font-bold">Settings</h1>
      <SettingsContents />

      <section id="profile" aria-labelledby="profile-heading" className="flex flex-col gap-4">
        <h2 id="profile-heading" className="text-xl font-semibold">
          Profile
        </h2>
        <PhotoForm name={settings.name} photoImageId={settings.photoImageId} />
        <ProfileForm
          appUrl={getConfig().appUrl}
          isOptedOut={isOptedOut}
          saved={{
            name: settings.name,
            handle: settings.handle ?? '',
            headline: settings.headline,
            isProfilePublic: settings.isProfilePublic,
          }}
        />
      </section>

      <section id="achievements" aria-labelledby="achievements-heading" className="flex flex-col gap-4">
        <h2 id="achievements-heading" className="text-xl font-semibold">
          Achievements
        </h2>
        <OptOutForm optedOutAt={settings.optedOutAt?.toISOString() ?? null} />
      </section>

      <EmailAddresses userId={user.id} />

      <Notifications userId={user.id} />

      <ChangePasswordForm />

      <SignOutEverywhereForm />

      <DataExportSection userId={user.id} />

      <DeleteAccountForm soleAdminOf={soleAdminOf} />
    </div>
  );
}
