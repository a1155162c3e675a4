import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awardEvents, awards, outbox } from '@/db/schema';
import { UNSUBSCRIBE_PLACEHOLDER } from '@/lib/notifications/kinds';
import { makeIssuer, testConfig, uniqueEmail } from '@/test/factories';
import { EXPIRES_BEFORE_ISSUED } from '../award-dates';
import { claimMessage } from '../claim-mail';
import { type AwardResult, createAwards, FROM_CSV_DETAIL } from '.';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

const itemFor = (issued: Issued, email: string, name = 'Ada Learner') => ({
  templateId: issued.template.id,
  recipient: { email, name },
});

async function mailTo(emails: string[]) {
  const db = await getDb();
  return db
    .select()
    .from(outbox)
    .where(inArray(sql`${outbox.payload}->>'to'`, emails));
}

const kindOf = (r: AwardResult | undefined) => {
  if (!r) return 'missing';
  if (r.ok) return r.isReplay ? 'replay' : 'created';
  return r.error.code;
};

function awardOf(result: AwardResult | undefined) {
  if (!result?.ok) throw new Error(`expected an award, got ${JSON.stringify(result)}`);
  return result.award;
}

describe('createAwards', () => {
  it('gives each item of a mixed batch its own result and writes the new ones in one transaction', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    const replayed = uniqueEmail('replayed');
    const [earlier] = await createAwards(db, {
      config: testConfig,
      issuer: issued.issuer,
      items: [
        { raw: itemFor(issued, replayed), idempotencyKey: 'k-replay' },
        { raw: itemFor(issued, uniqueEmail('taken')), idempotencyKey: 'k-conflict' },
      ],
    });
    const refused = [uniqueEmail('conflict'), uniqueEmail('theirs'), uniqueEmail('late')];
    const fresh = [uniqueEmail('new-a'), uniqueEmail('new-b')];

    const results = await createAwards(db, {
      config: testConfig,
      issuer: issued.issuer,
      items: [
        { raw: itemFor(issued, replayed), idempotencyKey: 'k-replay' },
        { raw: itemFor(issued, refused[0] as string), idempotencyKey: 'k-conflict' },
        { raw: itemFor(issued, 'not an address') },
        { raw: itemFor(theirs, refused[1] as string) },
        { raw: { ...itemFor(issued, refused[2] as string), expiresAt: '2020-01-01T00:00:00Z' } },
        { raw: itemFor(issued, fresh[0] as string), idempotencyKey: 'k-new' },
        { raw: itemFor(issued, fresh[1] as string) },
      ],
    });

    expect(results.map(kindOf)).toEqual([
      'replay',
      'conflict',
      'invalid',
      'not_found',
      'invalid',
      'created',
      'created',
    ]);
    expect(awardOf(results[0]).id).toBe(awardOf(earlier).id);
    expect(results[1]).toMatchObject({ error: { message: expect.stringMatching(/Idempotency-Key/) } });
    expect(results[2]).toMatchObject({
      error: { fieldErrors: { 'recipient.email': ['Enter an email address like name@example.com.'] } },
    });
    expect(results[4]).toMatchObject({
      error: { message: EXPIRES_BEFORE_ISSUED, fieldErrors: { expiresAt: ['must be after issuedAt'] } },
    });

    // The replay sent nothing again; the refused items wrote nothing.
    expect(await mailTo([replayed])).toHaveLength(1);
    expect(await mailTo(refused)).toEqual([]);
    const made = await db.select().from(awards).where(eq(awards.issuerId, issued.issuer.id));
    expect(made).toHaveLength(4);

    // One transaction: the new awards, their emails and history share its time (now() is its start).
    const created = [awardOf(results[5]), awardOf(results[6])];
    expect(created.map((a) => a.recipientEmail)).toEqual(fresh);
    expect(created[0]?.idempotencyKey).toBe('k-new');
    // What comes back is each award as stored, field for field as a select reads it.
    for (const award of created) {
      expect(await db.select().from(awards).where(eq(awards.id, award.id))).toEqual([award]);
    }
    const at = created[0]?.createdAt.getTime();
    expect(created[1]?.createdAt.getTime()).toBe(at);
    const mail = await mailTo(fresh);
    expect(mail.map((m) => m.createdAt.getTime())).toEqual([at, at]);
    const events = await db
      .select()
      .from(awardEvents)
      .where(
        inArray(
          awardEvents.awardId,
          created.map((a) => a.id),
        ),
      );
    expect(events.map((e) => [e.kind, e.detail])).toEqual([
      ['created', null],
      ['created', null],
    ]);
  });

  it('writes all of a batch or nothing of it', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = [uniqueEmail('kept'), uniqueEmail('refused')];
    // The database refuses the second award, as a failure at any point of the write would.
    const name = sql.raw(`laurel_test_refuse_${randomUUID().replaceAll('-', '')}`);
    await db.execute(sql`create function ${name}() returns trigger language plpgsql as $$
      begin raise exception 'the awards table refuses this row'; end $$`);
    await db.execute(
      sql`create trigger ${name} before insert on awards for each row
          when (new.recipient_email = ${sql.raw(`'${emails[1]}'`)}) execute function ${name}()`,
    );
    try {
      await expect(
        createAwards(db, {
          config: testConfig,
          issuer: issued.issuer,
          items: emails.map((email) => ({ raw: itemFor(issued, email) })),
        }),
      ).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger ${name} on awards`);
      await db.execute(sql`drop function ${name}()`);
    }
    expect(await db.select().from(awards).where(eq(awards.issuerId, issued.issuer.id))).toEqual([]);
    expect(await mailTo(emails)).toEqual([]);
  });

  it('answers an item whose key a concurrent call took meanwhile with that award, and still writes the rest', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const raced = uniqueEmail('raced');
    const others = [uniqueEmail('other-a'), uniqueEmail('other-b')];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const isInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });

    // The other call has written the award for 'k-race' and not committed yet when the batch looks.
    const winner = createAwards(db, {
      config: testConfig,
      issuer: issued.issuer,
      items: [{ raw: itemFor(issued, raced), idempotencyKey: 'k-race' }],
      inTransaction: async () => {
        inserted();
        await held;
      },
    });
    await isInserted;
    const batch = createAwards(db, {
      config: testConfig,
      issuer: issued.issuer,
      items: [
        { raw: itemFor(issued, raced), idempotencyKey: 'k-race' },
        { raw: itemFor(issued, others[0] as string), idempotencyKey: 'k-other' },
        { raw: itemFor(issued, others[1] as string) },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    release();
    const [won] = await winner;
    const results = await batch;

    expect(results.map(kindOf)).toEqual(['replay', 'created', 'created']);
    expect(awardOf(results[0]).id).toBe(awardOf(won).id);
    expect(await mailTo([raced])).toHaveLength(1);
    expect(await mailTo(others)).toHaveLength(2);
    const made = await db.select().from(awards).where(eq(awards.issuerId, issued.issuer.id));
    expect(made).toHaveLength(3);
  });

  it('writes the claim email a one-off render gives, for one award and for many', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const names = ['Tom & Jerry', `O'Brien "Bo"`, 'Zoë Ångström 李雷 🎓'];
    for (const count of [1, 3]) {
      const emails = names.slice(0, count).map(() => uniqueEmail('mail'));
      const results = await createAwards(db, {
        config: testConfig,
        issuer: issued.issuer,
        items: emails.map((email, i) => ({
          raw: { ...itemFor(issued, email, names[i]), expiresAt: '2030-06-30T00:00:00Z' },
        })),
      });
      for (const result of results) {
        const award = awardOf(result);
        const [mail] = await db.select().from(outbox).where(eq(outbox.awardId, award.id));
        const token = mail?.payload.html.match(/\/claim\/([\w-]+)/)?.[1];
        if (!token) throw new Error('no claim link in the email');
        const alone = await claimMessage({
          config: testConfig,
          issuer: issued.issuer,
          template: issued.template,
          recipientName: award.recipientName,
          expiresAt: award.expiresAt,
          token,
        });
        // The outbox adds the recipient's own unsubscribe link (lib/notifications/outgoing.ts).
        const { headers, ...queued } = mail?.payload ?? {};
        const unsubscribe = headers?.['List-Unsubscribe']?.slice(1, -1) ?? 'no link';
        const unfilled = JSON.parse(JSON.stringify(queued).split(unsubscribe).join(UNSUBSCRIBE_PLACEHOLDER));
        expect(unfilled).toEqual({ to: award.recipientEmail, ...alone });
      }
    }
  });

  it("says in a CSV upload's history where the award came from", async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const [result] = await createAwards(db, {
      config: testConfig,
      issuer: issued.issuer,
      source: 'csv',
      items: [{ raw: itemFor(issued, uniqueEmail('csv')) }],
    });
    const events = await db
      .select({ kind: awardEvents.kind, detail: awardEvents.detail })
      .from(awardEvents)
      .where(and(eq(awardEvents.awardId, awardOf(result).id)));
    expect(events).toEqual([{ kind: 'created', detail: FROM_CSV_DETAIL }]);
  });
});
