import http from 'node:http';
import { SOCKET_ADDRESS_HEADER } from './client-key';

const installed = globalThis as unknown as { laurelSocketHeader?: boolean };

/**
 * Copies each request's TCP peer address into SOCKET_ADDRESS_HEADER before Next sees the request,
 * overwriting any value the client sent. `next start` serves from a plain http.Server in this
 * process, so hooking its 'request' event reaches every request, including server actions.
 */
export function installSocketAddressHeader() {
  if (installed.laurelSocketHeader) return;
  installed.laurelSocketHeader = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
