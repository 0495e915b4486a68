/**
 * A Node request error as the engine's transport failure: the kind, and a code that does not depend on Node
 * (OpenSSL's verify-error names, which the kernel's Python reports too).
 */
import type { HttpResult } from '../../core/check/exchange';

type Failure = Extract<HttpResult, { kind: 'failure' }>;

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EADDRNOTAVAIL',
]);

/** Node's own name for a certificate that does not name the host, and OpenSSL's verify errors. */
const CERTIFICATE = new Set([
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'INVALID_CA',
  'HOSTNAME_MISMATCH',
  'IP_ADDRESS_MISMATCH',
]);

export class CheckTimeout extends Error {
  constructor() {
    super('timeout');
    this.name = 'CheckTimeout';
  }
}

export function failureOf(error: unknown): Failure {
  if (error instanceof CheckTimeout) return { kind: 'failure', failure: 'timeout', code: 'TIMEOUT' };
  const err = error as NodeJS.ErrnoException & { reason?: string };
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  // Node checks the host name itself; OpenSSL (and so the kernel's Python) calls it HOSTNAME_MISMATCH.
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return { kind: 'failure', failure: 'tls', code: 'HOSTNAME_MISMATCH' };
  if (CERTIFICATE.has(code)) return { kind: 'failure', failure: 'tls', code };
  // OpenSSL errors arrive as EPROTO or ERR_SSL_*, with the reason only in the message.
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) {
    const reason =
      /:([a-z][a-z0-9 _]+):[^:]*:\d+:?\s*$/i.exec(message)?.[1] ??
      /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1];
    const normalised = reason
      ? reason.trim().replace(/ /g, '_').toUpperCase()
      : code.replace(/^ERR_SSL_/, '');
    return { kind: 'failure', failure: 'tls', code: normalised || 'SSL_ERROR' };
  }
  if (code.startsWith('ERR_TLS_')) return { kind: 'failure', failure: 'tls', code };
  if (UNREACHABLE.has(code)) return { kind: 'failure', failure: 'unreachable', code };
  if (code === 'ETIMEDOUT') return { kind: 'failure', failure: 'timeout', code: 'TIMEOUT' };
  return {
    kind: 'failure',
    failure: 'error',
    code: /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : 'REQUEST_FAILED',
  };
}
