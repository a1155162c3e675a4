/** A refused or invalid submission; every action's state type includes it. */
export type FormError = {
  status: 'error';
  message: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export type FormState = { status: 'idle' } | FormError | { status: 'success'; message: string };

/** What a refused form says above its field errors; the fields themselves say what to change. */
export const CHECK_ANSWERS = 'Check the answers marked below.';

export const idle: FormState = { status: 'idle' };

export const success = (message: string): FormState => ({ status: 'success', message });

export const failure = (message: string, values?: Record<string, string>): FormError => ({
  status: 'error',
  message,
  ...(values ? { values } : {}),
});
