import 'server-only';
import { z } from 'zod';
import { type Db, getDb } from '@/db/client';
import type { CurrentUser } from '@/lib/auth/session';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { AppError, isAppError } from '@/lib/errors';
import { requireIssuerRole } from '@/lib/issuers/members';
import { currentActor } from './current-actor';
import { CHECK_ANSWERS, type FormError, type FormState, idle } from './form-state';

/** Who may run an action: anyone, a signed-in user, a member of the form's issuer, or its admin. */
export type Access = 'public' | 'user' | 'member' | 'admin';

const accessOf = new WeakMap<object, Access>();

/** The access an action was declared with; undefined for a function not made by this module. */
export function actionAccess(action: unknown): Access | undefined {
  return typeof action === 'function' ? accessOf.get(action) : undefined;
}

/** A form action for `useActionState`; its state type must be able to hold a refusal. */
export type Action<State> = FormError extends State
  ? (previous: State, formData: FormData) => Promise<State>
  : never;

type Base<S extends z.ZodType> = { input: z.infer<S>; formData: FormData; db: Db };
type Handler<Ctx, State> = (context: Ctx) => Promise<NoInfer<State> | undefined>;
type IssuerMembership = Awaited<ReturnType<typeof requireIssuerRole>>;

const SECRET_FIELDS = /password/i;
const SIGNED_OUT = 'Your session has ended. Sign in again.';
const slugSchema = z.string().min(1).max(100);

/** Submitted text fields to refill the form with (React resets it after an action); never passwords. */
function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !SECRET_FIELDS.test(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

async function signedIn(message = SIGNED_OUT): Promise<CurrentUser> {
  const actor = await currentActor();
  if (!actor) throw new AppError('unauthorized', message);
  return actor;
}

/**
 * The one path every action takes: resolve who is acting (refusing before anything else runs),
 * parse the form with `schema`, run the handler, and turn AppErrors into form state with their
 * fields. Anything else, including Next's redirects, is rethrown.
 */
function defineAction<S extends z.ZodType, Ctx, State>(
  access: Access,
  schema: S,
  resolve: (formData: FormData, db: Db) => Promise<Ctx>,
  handler: Handler<Ctx & Base<S>, State>,
): Action<State> {
  const action = async (_previous: State, formData: FormData): Promise<State> => {
    // Actions can be posted by anything, not only our forms.
    if (!(formData instanceof FormData)) {
      return { status: 'error', message: 'That request could not be read.' } as State;
    }
    try {
      const db = await getDb();
      const context = await resolve(formData, db);
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        throw new AppError('invalid', CHECK_ANSWERS, {
          fieldErrors: fieldErrorsOf(parsed.error),
        });
      }
      return (await handler({ ...context, input: parsed.data, formData, db })) ?? (idle as State);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const refusal: FormError = {
        status: 'error',
        message: error.message,
        fieldErrors: error.fieldErrors,
        values: echo(formData),
      };
      return refusal as State;
    }
  };
  accessOf.set(action, access);
  return action as Action<State>;
}

/** Anyone may run it (a claim token, not a session, is what it checks); `actor` if signed in. */
export function publicAction<S extends z.ZodType, State = FormState>(
  options: { schema: S },
  handler: Handler<{ actor: CurrentUser | null } & Base<S>, State>,
) {
  return defineAction('public', options.schema, async () => ({ actor: await currentActor() }), handler);
}

/** For the signed-in user only; it acts on their own data, never on a user id from the form. */
export function userAction<S extends z.ZodType, State = FormState>(
  options: { schema: S; signedOutMessage?: string },
  handler: Handler<{ actor: CurrentUser } & Base<S>, State>,
) {
  const resolve = async () => ({ actor: await signedIn(options.signedOutMessage) });
  return defineAction('user', options.schema, resolve, handler);
}

/**
 * For a member (or an admin) of the issuer named by the form's `slug`. Not a member: "Issuer not
 * found." with no hint that it exists; staff asking for admin work: forbidden.
 */
export function issuerAction<S extends z.ZodType, State = FormState>(
  options: { role: 'member' | 'admin'; schema: S },
  handler: Handler<{ actor: CurrentUser } & IssuerMembership & Base<S>, State>,
) {
  const resolve = async (formData: FormData, db: Db) => {
    const actor = await signedIn();
    const slug = slugSchema.safeParse(formData.get('slug'));
    if (!slug.success) throw new AppError('not_found', 'Issuer not found.');
    const needs = options.role === 'admin' ? 'admin' : undefined;
    return { actor, ...(await requireIssuerRole(db, { userId: actor.id, slug: slug.data, needs })) };
  };
  return defineAction(options.role, options.schema, resolve, handler);
}
