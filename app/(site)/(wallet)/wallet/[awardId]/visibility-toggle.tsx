'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { idle } from '@/lib/actions/form-state';
import { setVisibilityAction } from './badge-actions';

export const visibilityKey = (awardId: string) => ['badges', awardId, 'visibility'] as const;

/** The badge's visibility as the wallet shows it, shared by the toggle and the share panel. */
export function useVisibility(awardId: string, initial: boolean) {
  return useQuery({
    queryKey: visibilityKey(awardId),
    queryFn: () => initial,
    initialData: initial,
    staleTime: Infinity,
  });
}

export function useSetVisibility(awardId: string, onError: (message: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (isPublic: boolean) => {
      const form = new FormData();
      form.set('awardId', awardId);
      form.set('isPublic', String(isPublic));
      const result = await setVisibilityAction(idle, form);
      if (result.status === 'error') throw new Error(result.message);
      return isPublic;
    },
    // Show the change at once; put it back if the server refuses.
    onMutate: (isPublic) => {
      const previous = queryClient.getQueryData<boolean>(visibilityKey(awardId));
      queryClient.setQueryData(visibilityKey(awardId), isPublic);
      return { previous };
    },
    onError: (error, _isPublic, context) => {
      queryClient.setQueryData(visibilityKey(awardId), context?.previous);
      onError(
        error instanceof Error && error.message
          ? error.message
          : 'That change could not be saved. Try again.',
      );
    },
  });
}

export function VisibilityToggle({
  awardId,
  initialIsPublic,
}: {
  awardId: string;
  initialIsPublic: boolean;
}) {
  const [error, setError] = useState('');
  const { data: isPublic } = useVisibility(awardId, initialIsPublic);
  const mutation = useSetVisibility(awardId, setError);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <span
          className={`rounded-full px-3 py-1 text-sm font-semibold ${isPublic ? 'bg-green-100 text-green-900' : 'bg-stone-200 text-stone-900'}`}
        >
          {isPublic ? 'Public' : 'Private'}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={isPublic}
          aria-describedby="visibility-help"
          onClick={() => {
            setError('');
            mutation.mutate(!isPublic);
          }}
          className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
        >
          Public badge
        </button>
      </div>
      <p id="visibility-help" className="text-sm text-stone-700">
        {isPublic
          ? 'Anyone with the link can see and verify this badge, and it appears on your public profile.'
          : 'Only you can see this badge. Its page, image, download and verification are hidden from everyone else.'}
      </p>
      <p role="status" aria-live="polite" className="text-sm text-red-800">
        {error}
      </p>
    </div>
  );
}
