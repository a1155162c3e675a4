import { AppError } from '@/lib/errors';

/** The image could not be baked; the message is safe to show to the person who uploaded it. */
export class BakeError extends AppError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'BakeError';
  }
}

/** No badge could be read out of the image; the message is safe to show to the person who uploaded it. */
export class UnbakeError extends AppError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'UnbakeError';
  }
}
