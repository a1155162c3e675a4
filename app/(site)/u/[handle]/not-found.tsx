import { StatusPage } from '@/components/layout/status-page';
import { ButtonLink } from '@/components/ui/button';

/** A profile that is not public (private, opted out, renamed or never there): one page for all. */
export default function ProfileNotFound() {
  return (
    <StatusPage
      status="Profile not shared (404)"
      title="This profile is not shared"
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
        There is no public profile at this address. Its owner may have made it private or changed its address,
        or the link may be mistyped.
      </p>
      <p>A badge they shared on its own still has its own link.</p>
    </StatusPage>
  );
}
