import { ButtonLink } from '@/components/ui/button';
import { StatusPage } from './status-page';

/**
 * The 404 of /badges/<id> when that badge is not public: made private, declined, deleted or never
 * there. One page for all of them, so the address reveals nothing about whether a badge exists.
 */
export function BadgeNotShared() {
  return (
    <StatusPage
      status="Badge not shared (404)"
      title="This badge is not shared"
      actions={
        <>
          <ButtonLink href="/verify">Verify a badge</ButtonLink>
          <ButtonLink href="/" variant="secondary">
            About Laurel
          </ButtonLink>
        </>
      }
    >
      <p>
        There is no public badge at this address. Its owner may have made it private, or the link may be
        mistyped or out of date.
      </p>
      <p>
        If you were checking someone's badge, ask them to share it again, or to send you the badge image or
        file: you can verify that here, with its issuer, without an account.
      </p>
    </StatusPage>
  );
}
