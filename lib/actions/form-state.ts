export type FormState =
  | { status: 'idle' }
  | {
      status: 'error';
      message: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
    }
  | { status: 'success'; message: string };

export const idle: FormState = { status: 'idle' };
