import { qrCodeSvg } from '@/lib/share/qr';
import { CopyCredentialUrl } from './copy-credential-url';
import { DownloadGroup } from './download-links';

/** Where the Open Badges 3.0 credential of one award lives: its hosted address and its downloads. */
export type CredentialLinks = {
  credentialUrl: string;
  jsonUrl: string;
  /** The VC-JWT signed with RS256 (what most wallets read) and with EdDSA. */
  jwtUrl: string;
  jwtEdDsaUrl: string;
  pngUrl: string;
  svgUrl: string;
};

/** The links of an award's credential: its hosted address (absolute, to copy or scan) and its files. */
export function credentialLinksFor(appUrl: string, awardId: string): CredentialLinks {
  const download = `/ob/v3/credentials/${awardId}/download`;
  return {
    credentialUrl: `${appUrl}/ob/v3/credentials/${awardId}`,
    jsonUrl: `${download}/json`,
    jwtUrl: `${download}/jwt`,
    jwtEdDsaUrl: `${download}/jwt-eddsa`,
    pngUrl: `${download}/png`,
    svgUrl: `${download}/svg`,
  };
}

/**
 * "Add to a digital wallet": the credential's link to copy or scan, and its files to download, for
 * Open Badges 3.0 wallets.
 */
export async function AddToWallet({ links }: { links: CredentialLinks }) {
  const qr = `data:image/svg+xml;base64,${Buffer.from(await qrCodeSvg(links.credentialUrl)).toString('base64')}`;
  const downloads = [
    { href: links.jsonUrl, label: 'Credential (.json)' },
    { href: links.jwtUrl, label: 'Signed token, RS256 (.jwt)' },
    { href: links.jwtEdDsaUrl, label: 'Signed token, EdDSA (.jwt)' },
    { href: links.pngUrl, label: 'Image with credential (.png)' },
    { href: links.svgUrl, label: 'Image with credential (.svg)' },
  ];
  return (
    <section aria-labelledby="add-to-wallet" className="flex flex-col gap-4">
      <h2 id="add-to-wallet" className="text-xl font-semibold">
        Add to a digital wallet
      </h2>
      <p className="text-stone-700">
        Open Badges 3.0 wallets such as the DCC Learner Credential Wallet can import this credential from its
        link or file. Copy the link, scan the code with your phone, or download a file and open it in your
        wallet. Not sure which signed token to take? RS256 works with every Open Badges 3.0 wallet.
      </p>
      <CopyCredentialUrl url={links.credentialUrl} />
      <DownloadGroup id="add-to-wallet-downloads" title="Download the credential" downloads={downloads} />
      <div className="flex flex-col gap-2">
        <h3 className="font-medium">Scan with your wallet app</h3>
        {/* biome-ignore lint/performance/noImgElement: an inline SVG data URL, no optimisation to gain */}
        <img
          src={qr}
          alt={`QR code for the credential link ${links.credentialUrl}`}
          width={160}
          height={160}
          className="h-40 w-40 bg-white"
        />
      </div>
    </section>
  );
}
