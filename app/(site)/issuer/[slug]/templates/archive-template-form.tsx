'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { idle } from '@/lib/actions/form-state';
import { archiveTemplateAction } from './actions';

export function ArchiveTemplateForm({
  slug,
  templateId,
  name,
}: {
  slug: string;
  templateId: string;
  name: string;
}) {
  const [state, action] = useActionState(archiveTemplateAction, idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="templateId" value={templateId} />
      <button type="submit" className="underline">
        Archive<span className="sr-only"> {name}</span>
      </button>
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
    </form>
  );
}
