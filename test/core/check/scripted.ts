/** A scripted transport for the flow tests: answers in order, and records every request it was given. */
import type { HttpRequest, HttpResult } from '../../../src/core/check/exchange';

export type Answer = HttpResult | ((request: HttpRequest) => HttpResult);

export function response(status: number, headers: Record<string, string> = {}, body = ''): HttpResult {
  return { kind: 'response', status, headers, body };
}

export function failure(kind: 'timeout' | 'unreachable' | 'tls' | 'error', code: string): HttpResult {
  return { kind: 'failure', failure: kind, code };
}

export function scripted(answers: Answer[]): {
  send: (r: HttpRequest) => Promise<HttpResult>;
  requests: HttpRequest[];
} {
  const requests: HttpRequest[] = [];
  const queue = [...answers];
  return {
    requests,
    send: async (request) => {
      requests.push(request);
      const next = queue.shift();
      if (next === undefined) throw new Error(`no scripted answer for ${request.method} ${request.url}`);
      return typeof next === 'function' ? next(request) : next;
    },
  };
}

/** A fixed clock that advances by `step` ms on every reading. */
export function clock(start = Date.parse('2026-01-02T03:04:05Z'), step = 0): () => number {
  let now = start;
  return () => {
    const value = now;
    now += step;
    return value;
  };
}
