/**
 * A check is a small state machine: it is given the time and the previous answer, and returns the next request
 * to send or its verdict. No I/O and no clock here; `runFlow` drives one with any transport and clock.
 */
import type { HttpMethod, HttpRequest, HttpResult, Transport } from './exchange';
import type { Verdict } from './types';

/** A request without the limits the driver adds (timeout, body bound). */
export interface RequestSpec {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly caPem: string | null;
}

export type Step =
  | { readonly kind: 'request'; readonly request: RequestSpec }
  | { readonly kind: 'done'; readonly verdict: Verdict };

export interface Flow {
  /** The first step. `nowMs` is the host's clock (signatures carry it). */
  start(nowMs: number): Step;
  /** The step after `result` answered the last request; `limitMs` is the whole check's time limit. */
  next(result: HttpResult, nowMs: number, limitMs: number): Step;
}

/** Bodies are read for error codes and tokens only: a registry token is a few KiB at most. */
export const MAX_BODY_BYTES = 64 * 1024;

/** No check makes more round trips than this (redirects included); a loop is cut short as an error. */
export const MAX_STEPS = 10;

export interface RunOptions {
  readonly send: Transport;
  /** Milliseconds on any monotonic-enough clock; also used as the signing time. */
  readonly now: () => number;
  /** The whole check, every round trip included. */
  readonly timeoutMs: number;
}

/** Runs a flow to its verdict. Never throws: a transport that throws counts as a transport error. */
export async function runFlow(flow: Flow, options: RunOptions): Promise<{ verdict: Verdict; ms: number }> {
  const started = options.now();
  const elapsed = () => Math.max(0, options.now() - started);
  let step = flow.start(started);
  // Decided without a request (no keys, a setting the SDK refuses): no time is worth reporting.
  if (step.kind === 'done') return { verdict: step.verdict, ms: 0 };
  for (let i = 0; step.kind === 'request'; i++) {
    if (i >= MAX_STEPS) {
      return {
        verdict: {
          outcome: 'error',
          reason: 'redirect',
          detail: `more than ${MAX_STEPS} round trips (a redirect loop?)`,
        },
        ms: elapsed(),
      };
    }
    const remaining = Math.max(1, options.timeoutMs - elapsed());
    const request: HttpRequest = { ...step.request, timeoutMs: remaining, maxBodyBytes: MAX_BODY_BYTES };
    let result: HttpResult;
    try {
      result = await options.send(request);
    } catch {
      result = { kind: 'failure', failure: 'error', code: 'TRANSPORT_THREW' };
    }
    step = flow.next(result, options.now(), options.timeoutMs);
  }
  return { verdict: step.verdict, ms: elapsed() };
}
