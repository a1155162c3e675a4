import { describe, expect, it } from 'vitest';
import { newToken } from '@/lib/crypto/tokens';
import { testConfig } from '@/test/factories';
import { claimMessage, claimMessages } from './claim-mail';

const issuer = { name: 'Acme & Sons <Labs>', email: 'badges@acme.test' };
const template = {
  name: 'Kubernetes "Hands-on"',
  description: 'Ran a cluster; fixed it at 3 a.m.',
  imageId: '00000000-0000-4000-8000-000000000001',
  pngImageId: null,
};

describe('claimMessages', () => {
  const names = [
    'Amara Okafor',
    'Tom & Jerry',
    '<script>alert(1)</script>',
    `O'Brien "Bo"`,
    'Zoë Ångström 李雷 🎓',
    'Price $& $1 $$',
    'Two  spaces',
  ];
  const expiries = [null, new Date('2027-06-30T00:00:00Z')];

  for (const name of names) {
    for (const expiresAt of expiries) {
      it(`gives the same message as a one-off render: ${name}, expiry ${expiresAt ? 'set' : 'none'}`, async () => {
        const { token } = newToken();
        const batch = claimMessages({ config: testConfig, issuer, template });
        const fromBatch = await batch({ name, expiresAt, token });
        const alone = await claimMessage({
          config: testConfig,
          issuer,
          template,
          recipientName: name,
          expiresAt,
          token,
        });
        expect(fromBatch).toEqual(alone);
        expect(fromBatch.html).toContain(`/claim/${token}`);
      });
    }
  }

  it('renders each expiry date once, and never mixes up recipients', async () => {
    const batch = claimMessages({ config: testConfig, issuer, template });
    const a = await batch({ name: 'Ann', expiresAt: null, token: 'token-a' });
    const b = await batch({ name: 'Bob', expiresAt: null, token: 'token-b' });
    expect(a.html).toContain('token-a');
    expect(a.html).not.toContain('token-b');
    expect(b.text).toContain('Hi Bob,');
    expect(b.text).not.toContain('Ann');
  });
});
