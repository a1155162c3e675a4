'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { createEndpointAction, disableEndpointAction, type NewEndpoint, sendTestAction } from './actions';

const start: NewEndpoint = { status: 'idle' };

export function CreateEndpointForm({ slug }: { slug: string }) {
  const [state, action] = useActionState(createEndpointAction, start);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3">
      {state.status === 'created' ? (
        <div role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-950">
          <p className="font-semibold">Endpoint added. Its signing secret is shown only once:</p>
          <code data-testid="webhook-secret" className="break-all">
            {state.secret}
          </code>
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
        id="webhook-url"
        type="url"
        required
        defaultValue={state.status === 'error' ? state.values?.url : undefined}
        errors={state.status === 'error' ? (state.fieldErrors?.url ?? [state.message]) : undefined}
      />
      <div>
        <SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton>
      </div>
    </form>
  );
}

export function EndpointActions({ slug, endpointId }: { slug: string; endpointId: string }) {
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
      <form action={disable}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="endpointId" value={endpointId} />
        <SubmitButton variant="danger" pendingLabel="Disabling…">
          Disable
        </SubmitButton>
      </form>
      <FormMessage tone="info">{message}</FormMessage>
    </div>
  );
}
