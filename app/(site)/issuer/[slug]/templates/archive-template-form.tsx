'use client';

import { useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { idle } from '@/lib/actions/form-state';
import { archiveTemplateAction } from './actions';

/** Archiving asks first; once done, the templates page says what happened (see its `archived`). */
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
    <ConfirmDialog
      triggerLabel={
        <>
          Archive<span className="sr-only"> {name}</span>
        </>
      }
      title={`Archive “${name}”?`}
      confirmLabel="Archive template"
      pendingLabel="Archiving…"
      action={action}
      result={state}
    >
      <p>
        It leaves your templates and can no longer be awarded, here or through the API. Badges already awarded
        from it stay valid. This cannot be undone.
      </p>
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="templateId" value={templateId} />
    </ConfirmDialog>
  );
}
