/** Local servers for the transport tests: HTTP that echoes, HTTPS with a self-signed certificate, and a silent one. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import { createServer as createHttps, type Server as HttpsServer } from 'node:https';
import { createServer as createTcp, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HttpRequest } from '../../../src/core/check/exchange';
import { makeSelfSigned } from '../../e2e/support/testCertificates';

export interface LocalServers {
  readonly http: string;
  readonly https: string;
  readonly silent: string;
  readonly certPem: string;
  /** The last request the HTTP server saw. */
  last(): { method: string; headers: Record<string, string | string[] | undefined>; body: string };
  close(): Promise<void>;
}

/** A GET of `url` as the engine hands it to a transport (3 s, 64 KiB of body), with `extra` on top. */
export const testRequest = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url,
  headers: { host: new URL(url).host, 'user-agent': 'kc-test' },
  body: null,
  timeoutMs: 3000,
  caPem: null,
  maxBodyBytes: 65536,
  ...extra,
});

function port(server: HttpServer | HttpsServer | TcpServer): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startLocalServers(): Promise<LocalServers> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kc-transport-'));
  const { certPem, keyPem } = makeSelfSigned(dir, 'transport', 'kc-transport', ['IP:127.0.0.1']);
  rmSync(dir, { recursive: true, force: true });

  let last = { method: '', headers: {} as Record<string, string | string[] | undefined>, body: '' };
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      last = { method: req.method ?? '', headers: req.headers, body };
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('www-authenticate', ['Basic realm="a"', 'Bearer realm="https://t/x",service="s"']);
      res.setHeader('x-amz-request-id', 'tx1');
      res.statusCode = Number(url.searchParams.get('status') ?? 200);
      res.end(url.searchParams.has('big') ? 'x'.repeat(100000) : `hello ${req.method} ${url.pathname}`);
    });
  };
  const http = createHttp(handler);
  const https = createHttps({ cert: certPem, key: keyPem }, handler);
  const sockets: Socket[] = [];
  const silent = createTcp((socket) => sockets.push(socket));
  await Promise.all(
    [http, https, silent].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))),
  );
  return {
    http: `http://127.0.0.1:${port(http)}`,
    https: `https://127.0.0.1:${port(https)}`,
    silent: `http://127.0.0.1:${port(silent)}`,
    certPem,
    last: () => last,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([http, https, silent].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
