'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from './button';

export type SubmitButtonProps = {
  children: ReactNode;
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  className?: string;
};

export function SubmitButton({ children, pendingLabel, variant, name, value, className }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={variant}
      name={name}
      value={value}
      className={className}
      disabled={pending}
      aria-disabled={pending}
    >
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
