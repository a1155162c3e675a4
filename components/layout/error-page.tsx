import { Button, ButtonLink } from '@/components/ui/button';
import { StatusPage } from './status-page';

/** The digest Next gives a server error: the same id is in the server's log. */
function digestOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  return typeof error.digest === 'string' ? error.digest : undefined;
}

/**
 * What the error boundaries show when a page fails unexpectedly (a bug, the database down). The
 * error's message is never shown: from the server it says nothing useful, and it could leak.
 */
export function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <StatusPage
      status="Something went wrong"
      title="Laurel could not show this page"
      actions={
        <>
          <Button onClick={retry}>Try again</Button>
          <ButtonLink href="/" variant="secondary">
            Go to the home page
          </ButtonLink>
        </>
      }
    >
      <p>Something failed on Laurel's side, not yours. Trying again often works.</p>
      <p>If it keeps failing, wait a few minutes and come back: your badges are safe.</p>
      {digest ? (
        <p className="text-sm text-stone-700">
          Reference for Laurel's operators:{' '}
          <code className="font-mono [overflow-wrap:anywhere]">{digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
