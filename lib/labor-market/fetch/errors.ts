/**
 * Why a fetch stopped, in words an operator can act on (which site, which file, which column).
 * The CLI prints the message alone; nothing of a new release is kept when it is thrown.
 */
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}
