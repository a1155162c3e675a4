'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idle } from '@/lib/actions/form-state';
import { setVisibilityAction } from './badge-actions';

export const visibilityKey = (awardId: string) => ['badges', awardId, 'visibility'] as const;

/** The badge's visibility as the wallet shows it, shared by the choice, its links and the share panel. */
export function useVisibility(awardId: string, initial: boolean) {
  return useQuery({
    queryKey: visibilityKey(awardId),
    queryFn: () => initial,
    initialData: initial,
    staleTime: Infinity,
  });
}

export function useSetVisibility(
  awardId: string,
  on: { error: (message: string) => void; saved?: (isPublic: boolean) => void },
) {
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
    onSuccess: (isPublic) => on.saved?.(isPublic),
    onError: (error, _isPublic, context) => {
      queryClient.setQueryData(visibilityKey(awardId), context?.previous);
      on.error(
        error instanceof Error && error.message
          ? error.message
          : 'That change could not be saved. Try again.',
      );
    },
  });
}
