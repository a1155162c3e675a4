import { useId } from 'react';

export type VisibilityChoiceProps = {
  /**
   * The saved choice, for a choice that takes effect as it changes (the wallet). Unset, the radios
   * are a plain form field named `visibility`, Public first (accepting a badge).
   */
  isPublic?: boolean;
  onChange?: (isPublic: boolean) => void;
  /** Why Public cannot be chosen (a revoked badge); the radio is then disabled. */
  publicRefusal?: string;
  /** False for a badge that cannot be shared even when public (revoked or expired). */
  isShareable?: boolean;
  /** The question is already the heading around it (the wallet): keep it for screen readers only. */
  isLegendHidden?: boolean;
};

/** Public or private, with what each means in plain words: when accepting, and in the wallet. */
export function VisibilityChoice({
  isPublic,
  onChange,
  publicRefusal,
  isShareable = true,
  isLegendHidden = false,
}: VisibilityChoiceProps) {
  const helpId = useId();
  const isControlled = isPublic !== undefined;
  const radio = (value: 'public' | 'private') => ({
    type: 'radio' as const,
    name: 'visibility',
    value,
    className: 'mt-1 h-4 w-4 shrink-0',
    ...(isControlled
      ? { checked: isPublic === (value === 'public'), onChange: () => onChange?.(value === 'public') }
      : { defaultChecked: value === 'public' }),
  });
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={helpId}>
      <legend className={isLegendHidden ? 'sr-only' : 'mb-1 font-medium'}>Who can see this badge?</legend>
      <label className={`flex gap-2 ${publicRefusal ? 'text-stone-600' : ''}`}>
        <input {...radio('public')} disabled={Boolean(publicRefusal)} />
        <span>
          <strong>Public</strong> — anyone with the link can see and verify it, and it can appear on your
          public profile.{isShareable ? ' You can share it.' : null}
          {publicRefusal ? <span className="block text-sm">{publicRefusal}</span> : null}
        </span>
      </label>
      <label className="flex gap-2">
        <input {...radio('private')} />
        <span>
          <strong>Private</strong> — only you can see it, in your wallet. Nobody else can open its page, image
          or files.
        </span>
      </label>
      <p id={helpId} className="text-sm text-stone-700">
        {!publicRefusal
          ? 'You can change this at any time.'
          : isPublic
            ? 'You can make it private, but not public again.'
            : 'Only Private can be chosen for now.'}
      </p>
    </fieldset>
  );
}
