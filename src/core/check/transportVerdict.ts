/** A transport failure as a check verdict: the same words whichever transport (Node, the kernel) carried it. */
import type { HttpResult } from './exchange';
import type { Verdict } from './types';

type Failure = Extract<HttpResult, { kind: 'failure' }>;

/** OpenSSL's verify errors (and Node's hostname check), said plainly. */
const CERTIFICATE_PROBLEMS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the issuer of its certificate is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of its certificate is not trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer of its certificate is not trusted',
  CERT_UNTRUSTED: 'its certificate is not trusted',
  CERT_REJECTED: 'its certificate is rejected',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  CERT_SIGNATURE_FAILURE: 'the signature of its certificate does not verify',
  CERT_REVOKED: 'its certificate is revoked',
  INVALID_CA: 'a CA certificate in its chain is invalid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate does not name this host',
  HOSTNAME_MISMATCH: 'its certificate does not name this host',
  IP_ADDRESS_MISMATCH: 'its certificate does not name this IP address',
};

export function isCertificateProblem(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CERTIFICATE_PROBLEMS, code);
}

/** Codes that mean "nobody answers there" rather than "something answered wrongly". */
const REFUSED = new Set(['ECONNREFUSED']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);

export interface FailureContext {
  /** `host:port` or a URL, as the user would recognise it. */
  readonly where: string;
  readonly timeoutMs: number;
  /** Whether `$HOME/.tls/certificate.crt` was trusted for this request. */
  readonly caFileUsed: boolean;
}

export function transportVerdict(failure: Failure, context: FailureContext): Verdict {
  const code = failure.code;
  switch (failure.failure) {
    case 'timeout':
      return {
        outcome: 'timeout',
        reason: 'timeout',
        detail: `no answer from ${context.where} within ${formatSeconds(context.timeoutMs)}`,
      };
    case 'unreachable':
      if (REFUSED.has(code)) {
        return {
          outcome: 'unreachable',
          reason: 'connection_refused',
          detail: `${context.where} refused the connection (${code}): nothing listens there`,
        };
      }
      if (DNS.has(code)) {
        return {
          outcome: 'unreachable',
          reason: 'dns',
          detail: `the host name of ${context.where} does not resolve (${code})`,
        };
      }
      return {
        outcome: 'unreachable',
        reason: 'network',
        detail: `${context.where} cannot be reached (${code})`,
      };
    case 'tls': {
      const trust = context.caFileUsed ? ' (with $HOME/.tls/certificate.crt trusted)' : '';
      if (isCertificateProblem(code)) {
        return {
          outcome: 'tls_error',
          reason: 'certificate',
          detail: `${context.where}: ${CERTIFICATE_PROBLEMS[code]} (${code})${trust}`,
        };
      }
      if (code === 'WRONG_VERSION_NUMBER') {
        return {
          outcome: 'tls_error',
          reason: 'tls_handshake',
          detail: `${context.where} does not speak TLS (${code}): is it a plain http:// endpoint?`,
        };
      }
      return {
        outcome: 'tls_error',
        reason: 'tls_handshake',
        detail: `the TLS handshake with ${context.where} failed (${code})${trust}`,
      };
    }
    default:
      return {
        outcome: 'error',
        reason: 'transport_error',
        detail: `the request to ${context.where} failed (${code})`,
      };
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
