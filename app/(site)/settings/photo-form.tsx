'use client';

import { useActionState } from 'react';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { photoAction } from './actions';

type Props = { name: string; photoImageId: string | null };

export function PhotoForm({ name, photoImageId }: Props) {
  const [state, action] = useActionState(photoAction, idle);
  const isError = state.status === 'error';

  return (
    <Card>
      <form action={action} className="flex flex-col gap-4">
        <div id="profile-photo-message">
          <FormMessage tone={isError ? 'error' : 'success'}>
            {state.status === 'idle' ? null : state.message}
          </FormMessage>
        </div>
        <div className="flex flex-wrap items-start gap-6">
          {photoImageId ? (
            // biome-ignore lint/performance/noImgElement: served by our image route, already 400×400
            <img
              src={`/images/${photoImageId}`}
              alt={name}
              width={96}
              height={96}
              className="h-24 w-24 shrink-0 rounded-full border border-stone-200 object-cover"
            />
          ) : (
            <div
              aria-hidden="true"
              className="flex h-24 w-24 shrink-0 items-center justify-center rounded-full bg-stone-200 text-3xl font-semibold text-stone-700"
            >
              {name.trim().charAt(0).toUpperCase()}
            </div>
          )}
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <label htmlFor="profile-photo" className="text-sm font-medium text-stone-900">
              Photo
            </label>
            <input
              id="profile-photo"
              name="photo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-invalid={isError || undefined}
              aria-describedby={isError ? 'profile-photo-hint profile-photo-message' : 'profile-photo-hint'}
              className="text-sm file:mr-3 file:rounded-md file:border file:border-stone-400 file:bg-white file:px-3 file:py-2 file:font-semibold"
            />
            <p id="profile-photo-hint" className="text-sm text-stone-600">
              PNG, JPEG or WebP, up to 2 MB. We crop it to a square and remove hidden details, such as where
              it was taken, from the file.
            </p>
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="intent" value="upload" variant="secondary" pendingLabel="Saving…">
                Upload photo
              </SubmitButton>
              {photoImageId ? (
                <SubmitButton name="intent" value="remove" variant="secondary" pendingLabel="Saving…">
                  Remove photo
                </SubmitButton>
              ) : null}
            </div>
          </div>
        </div>
      </form>
    </Card>
  );
}
