/**
 * The one HTTP exchange a check needs, as plain data: the engine builds requests (signed, complete) and reads
 * results; a transport (Node's http/https, or the notebook kernel's Python) only carries them.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST';

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Absolute http(s) URL; path and query already percent-encoded exactly as they are signed. */
  readonly url: string;
  /** Every header to send, `host` included; a transport adds `content-length` for a body and nothing else. */
  readonly headers: Readonly<Record<string, string>>;
  /** UTF-8 text (a form body), or null. */
  readonly body: string | null;
  /** The whole exchange (connect, TLS, answer) must end within this. */
  readonly timeoutMs: number;
  /** PEM certificates to trust besides the system's (the registry certificate, `$HOME/.tls/certificate.crt`). */
  readonly caPem: string | null;
  /** Read at most this many bytes of the answer's body. */
  readonly maxBodyBytes: number;
}

/** What a transport could not do, in words that do not depend on the transport. */
export type TransportFailure = 'timeout' | 'unreachable' | 'tls' | 'error';

export type HttpResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Lower-case names; repeated headers joined with `, ` (RFC 9110). */
      readonly headers: Readonly<Record<string, string>>;
      /** The body decoded as UTF-8 (lossy), at most maxBodyBytes of it. */
      readonly body: string;
    }
  | {
      readonly kind: 'failure';
      readonly failure: TransportFailure;
      /**
       * A stable code: OpenSSL's verify-error name for certificates (DEPTH_ZERO_SELF_SIGNED_CERT,
       * CERT_HAS_EXPIRED, ...), WRONG_VERSION_NUMBER when the server does not speak TLS, ECONNREFUSED,
       * ENOTFOUND, ..., TIMEOUT.
       */
      readonly code: string;
    };

export type Transport = (request: HttpRequest) => Promise<HttpResult>;

/** A header of a result, by lower-case name; '' when absent. */
export function header(result: Extract<HttpResult, { kind: 'response' }>, name: string): string {
  return Object.prototype.hasOwnProperty.call(result.headers, name) ? result.headers[name] : '';
}

/** The Host header for a URL: the host, with the port only when it is not the scheme's default. */
export function hostHeader(url: URL): string {
  return url.host;
}
