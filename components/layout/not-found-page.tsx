import { ButtonLink } from '@/components/ui/button';
import { StatusPage } from './status-page';

/** Laurel's 404 for an address that leads nowhere, under any layout. */
export function NotFoundPage() {
  return (
    <StatusPage
      status="Page not found (404)"
      title="There is nothing at this address"
      actions={
        <>
          <ButtonLink href="/">Go to the home page</ButtonLink>
          <ButtonLink href="/verify" variant="secondary">
            Verify a badge
          </ButtonLink>
          <ButtonLink href="/help" variant="secondary">
            Get help
          </ButtonLink>
        </>
      }
    >
      <p>The link may be mistyped or out of date, or the page may have moved.</p>
      <p>
        If someone sent you this link to show you a badge, ask them for its current link, or check the badge
        itself with <strong>Verify a badge</strong>.
      </p>
    </StatusPage>
  );
}
