/** README.txt: what each file in the zip is, for someone opening it years from now. */
export function readmeText(input: { appUrl: string; madeAt: Date }): string {
  return `Your data from Laurel (${input.appUrl})
Made on ${input.madeAt.toISOString()}.

README.txt        This file.
profile.json      Your profile: name, handle, headline, whether it is public, your achievements
                  choice. profile-photo.* is your photo, if you added one.
badges.csv        One line per badge, for spreadsheets: id, where it came from (laurel or
badges.json       imported), name, issuer, issued and expiry dates, status (valid, expired or
                  revoked; for imported badges verified, unverified or invalid, as Laurel last
                  checked them), whether it is public on Laurel, and the files in this zip that
                  belong to it.
history.json      When your account was made, your email addresses, your sign-ins (each
                  session: when it started, was last used and ended), the history of each
                  badge (awarded, emailed, accepted, revoked ...), and when each badge you
                  imported was added and last verified.

badges/<badge>-<id>/   One folder per badge that Laurel issued and you accepted:
  badge.png                    The badge image with its credential baked in (Open Badges
                               baking: an iTXt chunk named "openbadgecredential" for 3.0,
                               "openbadges" for 2.0). Any Open Badges verifier or backpack
                               can read it. Revoked badges have no image.
  ob2-assertion.json           The Open Badges 2.0 assertion, as hosted by Laurel. A revoked
                               badge's says so ("revoked": true, with the reason).
  ob3-credential.json          The Open Badges 3.0 credential, signed (Data Integrity proof,
                               eddsa-rdfc-2022). This is what badge.png carries.
  ob3-credential-rs256.jwt     The same credential as a VC-JWT signed with RS256, which every
                               Open Badges 3.0 wallet accepts.
  ob3-credential-eddsa.jwt     The same credential as a VC-JWT signed with EdDSA.

imported/<badge>-<id>.<ext>   Each badge you imported from elsewhere, exactly as you added it
                              (baked PNG or SVG, JSON, or JWT; .txt for anything else).

The credentials are signed by the issuer: changing a file breaks its signature. Their status
(revoked or not) is checked online against the issuer's status list, so a badge revoked after
this export was made shows as revoked when verified.
`;
}
