// Messages the browser also needs to recognise, kept free of server imports.

/** Sign-in with the right password on an address that is not confirmed yet. */
export const CONFIRM_FIRST = 'Confirm your email first: open the link we sent you, then sign in.';

/** The one answer to every sign-up that a claim link does not prove, whether or not the address is registered. */
export const checkEmailMessage = (email: string) =>
  `We sent a link to ${email}. Open it to confirm your address, then sign in. No email? Check your spam folder.`;
