import { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { BODY_LIMITS, isBodyTooLarge, readLimitedBody, tooLargeProblem } from '@/lib/http/read-limited';

export const { GET } = handlers;

/** Auth.js reads form bodies whole: it gets a copy read through the limit, not the socket. */
export async function POST(request: NextRequest) {
  try {
    const body = await readLimitedBody(request, BODY_LIMITS.auth);
    return handlers.POST(new NextRequest(request.url, { method: 'POST', headers: request.headers, body }));
  } catch (error) {
    if (isBodyTooLarge(error)) return tooLargeProblem(error);
    throw error;
  }
}
