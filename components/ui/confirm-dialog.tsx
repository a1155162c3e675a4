'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button, type ButtonVariant } from './button';
import { SubmitButton } from './submit-button';

export type ConfirmDialogProps = {
  /** The button that opens the dialog, e.g. "Revoke badge". */
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  /** The question, e.g. "Revoke this badge?". */
  title: string;
  /** What will happen, in plain words; may also hold the fields the action needs. */
  children: ReactNode;
  /** The confirming submit button, e.g. "Revoke it". */
  confirmLabel: string;
  pendingLabel?: string;
  /** Red for what cannot be undone. */
  confirmVariant?: ButtonVariant;
  /** The form action the confirm button submits (from useActionState). */
  action: (formData: FormData) => void;
  /**
   * The action's latest state: the dialog closes once it is anything but an error, and stays
   * open on an error so the fields inside can show it.
   */
  result?: { status: string };
};

/**
 * A button that asks before an irreversible action. A native modal dialog: focus moves into it
 * (to Cancel, the safe choice) and is trapped there, Escape cancels, and focus returns to the
 * button that opened it.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerVariant = 'secondary',
  title,
  children,
  confirmLabel,
  pendingLabel,
  confirmVariant = 'danger',
  action,
  result,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    if (result && result.status !== 'error' && result.status !== 'idle') dialog.current?.close();
  }, [result]);

  return (
    <>
      <Button
        variant={triggerVariant}
        onClick={() => {
          dialog.current?.showModal();
          // React's autoFocus only focuses on mount, and a dialog's own choice is its first field.
          cancel.current?.focus();
        }}
      >
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/50"
      >
        <form action={action} className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={bodyId} className="flex flex-col gap-3 text-sm text-stone-700">
            {children}
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <Button ref={cancel} variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant={confirmVariant} pendingLabel={pendingLabel}>
              {confirmLabel}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
