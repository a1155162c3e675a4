/** What declining a badge does, said before the learner confirms it. */
export function DeclineConsequences({ badgeName, issuerName }: { badgeName: string; issuerName: string }) {
  return (
    <>
      <p>
        {issuerName} will be told that you declined <strong>{badgeName}</strong>. It will not be added to your
        wallet, and its claim link will stop working.
      </p>
      <p>
        You cannot undo this. To get the badge later, you would have to ask {issuerName} to award it to you
        again.
      </p>
    </>
  );
}
