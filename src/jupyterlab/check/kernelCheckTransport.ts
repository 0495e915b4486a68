/**
 * The engine's Transport over the probe's kernel: each request, built and signed by the engine, travels as one
 * silent execute with a user expression (no trace in the user's namespace or history); the kernel's Python only
 * carries it and answers status, headers and a bounded body.
 */
import type { HttpRequest, HttpResult, Transport } from '../../core/check/exchange';
import { decodeUserExpression, kernelUserExpression } from '../../core/check/kernelTransport';
import type { ProbeKernel, SilentExecuteContent } from '../probe/runProbe';

export const CHECK_EXPRESSION_KEY = 'kaptain_credentials_check';

export function checkExecute(request: HttpRequest): SilentExecuteContent {
  return {
    code: '',
    silent: true,
    store_history: false,
    stop_on_error: false,
    allow_stdin: false,
    user_expressions: { [CHECK_EXPRESSION_KEY]: kernelUserExpression(request) },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The execute_reply's content to an HttpResult; never throws. */
export function decodeCheckReply(content: unknown, maxBodyBytes: number): HttpResult {
  if (!isObject(content)) return { kind: 'failure', failure: 'error', code: 'KERNEL_NO_ANSWER' };
  if (content.status === 'aborted') return { kind: 'failure', failure: 'error', code: 'KERNEL_ABORTED' };
  const expressions = isObject(content.user_expressions) ? content.user_expressions : {};
  return decodeUserExpression(expressions[CHECK_EXPRESSION_KEY], maxBodyBytes);
}

export function kernelCheckTransport(kernel: ProbeKernel): Transport {
  return async (request: HttpRequest): Promise<HttpResult> => {
    try {
      return decodeCheckReply(await kernel.execute(checkExecute(request)), request.maxBodyBytes);
    } catch {
      return { kind: 'failure', failure: 'error', code: 'KERNEL_GONE' };
    }
  };
}
