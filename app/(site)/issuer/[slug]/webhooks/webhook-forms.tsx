'use client';

import { useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { createEndpointAction, disableEndpointAction, type NewEndpoint, sendTestAction } from './actions';

const start: NewEndpoint = { status: 'idle' };
const FIELDS = { url: { id: 'webhook-url', label: 'Endpoint URL' } };

export function CreateEndpointForm({ slug }: { slug: string }) {
  const [state, action] = useActionState(createEndpointAction, start);
  return (
    <form action={action} className="flex max-w-xl min-w-0 flex-col gap-3" noValidate>
      <ErrorSummary state={state} fields={FIELDS} />
      {state.status === 'created' ? (
        <div
          role="status"
          className="flex flex-col gap-2 rounded-md border border-green-700 bg-green-50 p-3 text-green-950"
        >
          <p className="font-semibold">Endpoint added. Its signing secret is shown only once:</p>
          <code data-testid="webhook-secret" className="break-all">
            {state.secret}
          </code>
          <CopyButton text={state.secret} label="Copy secret" />
          <p className="text-sm">
            Each delivery carries <code>Laurel-Signature: t=…,v1=…</code>: HMAC-SHA256 of{' '}
            <code>t + "." + body</code> with this secret.
          </p>
        </div>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <Field
        label="Endpoint URL"
        name="url"
        id={FIELDS.url.id}
        type="url"
        required
        hint="Must start with https:// and be reachable from the internet. It should answer 2xx within 10 seconds."
        defaultValue={state.status === 'error' ? state.values?.url : undefined}
        errors={state.status === 'error' ? state.fieldErrors?.url : undefined}
      />
      <div>
        <SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton>
      </div>
    </form>
  );
}

export function EndpointActions({
  slug,
  endpointId,
  url,
}: {
  slug: string;
  endpointId: string;
  url: string;
}) {
  const [tested, test] = useActionState(sendTestAction, idle);
  const [disabled, disable] = useActionState(disableEndpointAction, idle);
  const message =
    tested.status !== 'idle' ? tested.message : disabled.status !== 'idle' ? disabled.message : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={test}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="endpointId" value={endpointId} />
        <SubmitButton variant="secondary" pendingLabel="Sending…">
          Send test event
        </SubmitButton>
      </form>
      <ConfirmDialog
        triggerLabel="Disable"
        triggerVariant="danger"
        title="Disable this endpoint?"
        confirmLabel="Disable endpoint"
        pendingLabel="Disabling…"
        action={disable}
        result={disabled}
      >
        <p className="break-all font-medium">{url}</p>
        <p>
          Laurel stops sending events to it, and deliveries still waiting for a retry are dropped. This cannot
          be undone: to receive events there again, add the URL as a new endpoint.
        </p>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="endpointId" value={endpointId} />
      </ConfirmDialog>
      <FormMessage tone="info">{message}</FormMessage>
    </div>
  );
}
