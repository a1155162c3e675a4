import { openApiDocument } from '@/lib/api/openapi';
import { getConfig } from '@/lib/config';

// APP_URL is read at run time, so the document is built per request (it is cheap).
export const dynamic = 'force-dynamic';

/** The issuer API's OpenAPI 3.1 document, generated from the schemas the routes validate with. */
export function GET() {
  return Response.json(openApiDocument(getConfig().appUrl), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' },
  });
}
