import { createElement } from 'react';
import { type RenderedMessage, renderEmail } from '@/lib/email/render';
import {
  AccountDeletionEmail,
  type AccountDeletionEmailProps,
} from '@/lib/email/templates/account-deletion-email';

export async function accountDeletionMessage(props: AccountDeletionEmailProps): Promise<RenderedMessage> {
  return {
    subject: `Your Laurel account will be deleted on ${props.finalOn}`,
    ...(await renderEmail(createElement(AccountDeletionEmail, props))),
  };
}
