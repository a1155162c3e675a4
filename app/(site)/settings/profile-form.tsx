'use client';

import Link from 'next/link';
import { type FormEvent, useActionState, useState } from 'react';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { updateProfileAction } from './actions';

type Props = {
  appUrl: string;
  isOptedOut: boolean;
  saved: { name: string; handle: string; headline: string; isProfilePublic: boolean };
};

export function ProfileForm({ appUrl, isOptedOut, saved }: Props) {
  const [state, action] = useActionState(updateProfileAction, idle);
  const values = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const [typedHandle, setTypedHandle] = useState<string | null>(null);
  const handle = (typedHandle ?? values?.handle ?? saved.handle).trim().toLowerCase();
  const isPublic = values ? values.isProfilePublic === 'on' : saved.isProfilePublic;
  const isLive = saved.isProfilePublic && saved.handle !== '' && !isOptedOut;

  // The address hint follows the handle as it is typed.
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'handle') setTypedHandle(target.value);
  };

  return (
    <Card>
      <form action={action} onInput={onInput} className="flex flex-col gap-4" noValidate>
        <FormMessage tone={state.status === 'success' ? 'success' : 'error'}>
          {state.status === 'idle' ? null : state.message}
        </FormMessage>
        <Field
          label="Name"
          name="name"
          id="profile-name"
          autoComplete="name"
          required
          defaultValue={values?.name ?? saved.name}
          errors={errors?.name}
        />
        <Field
          label="Handle"
          name="handle"
          id="profile-handle"
          autoComplete="username"
          defaultValue={values?.handle ?? saved.handle}
          hint={`Your public address: ${appUrl}/u/${handle || '<handle>'} — 3 to 30 letters, digits, hyphens or underscores, starting with a letter.`}
          errors={errors?.handle}
        />
        <Field
          label="Headline"
          name="headline"
          id="profile-headline"
          defaultValue={values?.headline ?? saved.headline}
          hint="One line about you, up to 120 characters. For example: “Network engineer and lifelong learner”."
          errors={errors?.headline}
        />
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-2 font-medium">
            <input
              type="checkbox"
              name="isProfilePublic"
              defaultChecked={isPublic}
              aria-describedby="profile-public-hint"
              className="mt-1 h-4 w-4"
            />
            Make my profile public
          </label>
          <p id="profile-public-hint" className="text-sm text-stone-700">
            Anyone with your address can then see your photo, name, headline and the badges you have made
            public. Your email addresses, private badges and badges waiting for your decision are never shown.
            Untick it to hide the page again.
            {isOptedOut ? ' While you are opted out of achievements, your profile stays hidden.' : ''}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
          {isLive ? (
            <Link href={`/u/${saved.handle}`} className="text-sm underline">
              View your public profile
            </Link>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
