import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { BadgeSummary } from '@/components/badges/badge-summary';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { hasAccount } from '@/lib/accounts/credentials';
import { getCurrentUser } from '@/lib/auth/session';
import { lookupClaim } from '@/lib/awards/claim';
import { recordClaimOpened } from '@/lib/awards/history';
import { ClaimDecision } from './claim-decision';
import { ClaimProblem } from './claim-problem';

export const metadata: Metadata = { title: 'Claim your badge', robots: { index: false } };

export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const claim = await lookupClaim(db, token);
  if (claim.status !== 'open') return <ClaimProblem claim={claim} />;
  const { offer } = claim;
  // The issuer's history of the award shows the link was opened (once per link, however often).
  await recordClaimOpened(db, { awardId: offer.awardId, linkCreatedAt: claim.linkCreatedAt });
  const user = await getCurrentUser();
  const returnTo = `/claim/${token}`;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">You have earned a badge</h1>
      <Card>
        <BadgeSummary {...offer} />
      </Card>
      {user ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-xl font-semibold">Add it to your wallet</h2>
          <p>
            Signed in as <strong>{user.name}</strong> ({user.email}).
          </p>
          {user.email !== offer.recipientEmail ? (
            <p className="text-stone-700">
              This badge was sent to <strong>{offer.recipientEmail}</strong>. Accepting it adds that address
              to your account as a confirmed secondary email.
            </p>
          ) : null}
          <ClaimDecision token={token} canAccept badgeName={offer.badgeName} issuerName={offer.issuerName} />
        </Card>
      ) : (
        <SignedOutChoices
          token={token}
          returnTo={returnTo}
          offer={offer}
          hasAccount={await hasAccount(db, offer.recipientEmail)}
        />
      )}
    </div>
  );
}

type ChoicesProps = {
  token: string;
  returnTo: string;
  offer: { recipientEmail: string; recipientName: string; badgeName: string; issuerName: string };
  hasAccount: boolean;
};

function SignedOutChoices({ token, returnTo, offer, hasAccount }: ChoicesProps) {
  const signIn = (
    <Card className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold">Already have a Laurel account?</h2>
      <p className="text-stone-700">Sign in, then accept the badge.</p>
      <SignInForm callbackUrl={returnTo} email={hasAccount ? offer.recipientEmail : undefined} />
      <Link href="/forgot-password" className="text-sm underline">
        Forgot your password?
      </Link>
    </Card>
  );
  const signUp = (
    <Card className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold">New to Laurel? Create your free wallet</h2>
      <SignUpForm claim={{ token, email: offer.recipientEmail, name: offer.recipientName }} />
    </Card>
  );
  return (
    <>
      <div className="grid gap-6 md:grid-cols-2">
        {hasAccount ? (
          <>
            {signIn}
            {signUp}
          </>
        ) : (
          <>
            {signUp}
            {signIn}
          </>
        )}
      </div>
      <section aria-labelledby="decline-heading">
        <Card className="flex flex-col gap-3">
          <h2 id="decline-heading" className="text-lg font-semibold">
            Don't want this badge?
          </h2>
          <p className="text-stone-700">
            You can decline it without an account. We ask you to confirm first.
          </p>
          <ClaimDecision
            token={token}
            canAccept={false}
            badgeName={offer.badgeName}
            issuerName={offer.issuerName}
          />
        </Card>
      </section>
    </>
  );
}
