import { StatusPage } from '@/components/layout/status-page';
import { ButtonLink } from '@/components/ui/button';

/** forbidden(): signed in, but this account's role does not reach the page (staff on an admin page). */
export default function SiteForbidden() {
  return (
    <StatusPage
      status="Not allowed (403)"
      title="Your account cannot open this page"
      actions={
        <>
          <ButtonLink href="/issuer">Go to the issuer console</ButtonLink>
          <ButtonLink href="/wallet" variant="secondary">
            Go to your wallet
          </ButtonLink>
        </>
      }
    >
      <p>You are signed in, but this page needs a role your account does not have.</p>
      <p>
        Some issuer pages, like API keys and webhooks, are for the issuer's admins only. If you need one of
        them, ask an admin of your issuer to make you an admin too.
      </p>
    </StatusPage>
  );
}
