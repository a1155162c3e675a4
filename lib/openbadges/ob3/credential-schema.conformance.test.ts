import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { credentialForAward } from './credentials';
import { acceptedAward } from './test-support';

function schemaValidator() {
  const schema = JSON.parse(
    readFileSync(publicFixture('openbadges', 'schemas', 'ob_v3p0_achievementcredential_schema.json'), 'utf8'),
  );
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("Laurel's OpenBadgeCredential", () => {
  it('validates against the 1EdTech OB 3.0 AchievementCredential JSON schema', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const stored = await credentialForAward(db, award.id);
    if (!stored) throw new Error('no credential');
    const validate = schemaValidator();
    expect(validate(stored.json), JSON.stringify(validate.errors)).toBe(true);

    // The schema can fail: a proof as an object (what the signing library emits) does not pass.
    const [proof] = stored.json.proof as unknown[];
    expect(validate({ ...stored.json, proof })).toBe(false);
  });

  it('validates as the payload of its RS256 and EdDSA VC-JWTs too', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const stored = await credentialForAward(db, award.id);
    if (!stored) throw new Error('no credential');
    const validate = schemaValidator();
    for (const [alg, jwt] of Object.entries(stored.jwt)) {
      const payload = decodeJwt(jwt);
      expect(validate(payload), `${alg}: ${JSON.stringify(validate.errors)}`).toBe(true);
      // And fails like the JSON-LD form would: without an issuer it is not an AchievementCredential.
      const { issuer: _issuer, ...withoutIssuer } = payload;
      expect(validate(withoutIssuer), alg).toBe(false);
    }
  });
});
