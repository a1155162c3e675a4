import type { HTMLInputTypeAttribute } from 'react';

export type FieldProps = {
  label: string;
  name: string;
  id?: string;
  type?: HTMLInputTypeAttribute;
  defaultValue?: string;
  errors?: string[];
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  hint?: string;
  minLength?: number;
};

export function Field({
  label,
  name,
  id,
  type = 'text',
  defaultValue,
  errors,
  autoComplete,
  required,
  readOnly,
  hint,
  minLength,
}: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasErrors = errors !== undefined && errors.length > 0;
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-stone-900">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <input
        id={inputId}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        readOnly={readOnly}
        minLength={minLength}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy || undefined}
        className={[
          'rounded-md border bg-white px-3 py-2 text-base text-stone-900 shadow-sm',
          'read-only:bg-stone-100 read-only:text-stone-700',
          hasErrors ? 'border-red-700' : 'border-stone-400',
        ].join(' ')}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {hasErrors ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
