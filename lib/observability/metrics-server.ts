import { createServer, type Server } from 'node:http';
import { metricsResponse } from './metrics-endpoint';

/**
 * GET /metrics for a process that has no Next server (a worker): the same answer and the same
 * METRICS_TOKEN rule as the web process's route. Anything else is 404. Close the returned server
 * on shutdown.
 */
export function serveMetrics({
  port,
  host,
  token,
}: {
  port: number;
  host?: string;
  token: string | undefined;
}): Server {
  const server = createServer(async (req, res) => {
    const isMetrics = req.method === 'GET' && req.url?.split('?')[0] === '/metrics';
    const response = isMetrics
      ? await metricsResponse(req.headers.authorization ?? null, token)
      : new Response(null, { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.listen(port, host);
  return server;
}
