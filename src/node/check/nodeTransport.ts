/**
 * The Node faces' transport (CLI, VS Code): node:http/https, one fresh connection per request (no agent, no
 * pooling: a check measures what a new client sees), the whole exchange bounded by the request's timeout, the
 * registry certificate trusted beside the system's CAs, the body read up to its bound.
 */
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { HttpRequest, HttpResult } from '../../core/check/exchange';
import { CheckTimeout, failureOf } from './failureCode';

function joinHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function sendWithNode(request: HttpRequest): Promise<HttpResult> {
  return new Promise((resolve) => {
    let settled = false;
    let req: http.ClientRequest | undefined;
    const timer = setTimeout(() => req?.destroy(new CheckTimeout()), Math.max(1, request.timeoutMs));
    const finish = (result: HttpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      finish({ kind: 'failure', failure: 'error', code: 'INVALID_URL' });
      return;
    }
    const body = request.body === null ? null : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = { ...request.headers };
    if (body !== null) headers['content-length'] = String(body.length);
    const options: https.RequestOptions = {
      method: request.method,
      headers,
      agent: false,
      // A registry's own CA is trusted in addition to the system's, as the SDK's certificate provider intends.
      ...(request.caPem ? { ca: [...rootCertificates, request.caPem] } : {}),
    };
    try {
      req = (url.protocol === 'https:' ? https : http).request(url, options, (res) => {
        const chunks: Buffer[] = [];
        let length = 0;
        const done = () =>
          finish({
            kind: 'response',
            status: res.statusCode ?? 0,
            headers: joinHeaders(res.headers),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        res.on('data', (chunk: Buffer) => {
          if (length >= request.maxBodyBytes) return;
          const part = chunk.subarray(0, request.maxBodyBytes - length);
          chunks.push(part);
          length += part.length;
          if (length >= request.maxBodyBytes) {
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('error', (error) => finish(failureOf(error)));
        res.on('close', done);
      });
    } catch (error) {
      // Invalid header characters and the like are thrown synchronously.
      finish(failureOf(error));
      return;
    }
    req.on('error', (error) => finish(failureOf(error)));
    req.end(body ?? undefined);
  });
}
