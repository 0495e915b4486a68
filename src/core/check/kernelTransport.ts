/**
 * The JupyterLab face's transport: the servers are reachable from the notebook's pod, not from the browser, so
 * the engine builds the complete, signed request here and the notebook's kernel only carries it, with Python's
 * standard library (http.client, ssl), and returns status, headers and a bounded body. One signing path for all
 * faces; the kernel decides nothing.
 *
 * How the panel uses it: `kernel.requestExecute({code: '', silent: true, store_history: false,
 * user_expressions: {check: kernelUserExpression(request)}})`, then `decodeUserExpression(reply.content
 * .user_expressions.check)`. The expression runs the Python below in a fresh dict (nothing is added to the user's
 * namespace or history) and catches every error inside it.
 */
import { decodeBase64Strict, encodeBase64, encodeUtf8 } from '../bytes';
import type { HttpRequest, HttpResult, TransportFailure } from './exchange';

/** Defines `_kc_http(request_base64) -> dict` (the HttpResult shape, body in base64). Python 3.6+. */
export const KERNEL_TRANSPORT_SOURCE = String.raw`
def _kc_http(request_b64):
    import base64, errno, http.client, json, socket, ssl, time, urllib.parse
    verify_codes = {2: 'UNABLE_TO_GET_ISSUER_CERT', 7: 'CERT_SIGNATURE_FAILURE', 9: 'CERT_NOT_YET_VALID',
                    10: 'CERT_HAS_EXPIRED', 18: 'DEPTH_ZERO_SELF_SIGNED_CERT', 19: 'SELF_SIGNED_CERT_IN_CHAIN',
                    20: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 21: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
                    23: 'CERT_REVOKED', 24: 'INVALID_CA', 27: 'CERT_UNTRUSTED', 28: 'CERT_REJECTED',
                    62: 'HOSTNAME_MISMATCH', 64: 'IP_ADDRESS_MISMATCH'}
    def failure(kind, code):
        return {'kind': 'failure', 'failure': kind, 'code': code}
    conn = None
    try:
        r = json.loads(base64.b64decode(request_b64).decode('utf-8'))
        url = urllib.parse.urlsplit(r['url'])
        timeout = max(0.001, r['timeoutMs'] / 1000.0)
        deadline = time.monotonic() + timeout
        if url.scheme == 'https':
            context = ssl.create_default_context()
            if r.get('caPem'):
                context.load_verify_locations(cadata=r['caPem'])
            conn = http.client.HTTPSConnection(url.hostname, url.port or 443, timeout=timeout, context=context)
        elif url.scheme == 'http':
            conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)
        else:
            return failure('error', 'BAD_SCHEME')
        path = (url.path or '/') + ('?' + url.query if url.query else '')
        data = r['body'].encode('utf-8') if r.get('body') is not None else None
        conn.putrequest(r['method'], path, skip_host=True, skip_accept_encoding=True)
        for name, value in r['headers'].items():
            conn.putheader(name, value)
        if data is not None:
            conn.putheader('Content-Length', str(len(data)))
        conn.endheaders(data)
        response = conn.getresponse()
        limit = int(r['maxBodyBytes'])
        body = b''
        if r['method'] != 'HEAD':
            while len(body) < limit:
                if time.monotonic() > deadline:
                    raise socket.timeout('deadline')
                chunk = response.read1(min(65536, limit - len(body)))
                if not chunk:
                    break
                body += chunk
        headers = {}
        for name, value in response.getheaders():
            key = name.lower()
            headers[key] = headers[key] + ', ' + value if key in headers else value
        return {'kind': 'response', 'status': response.status, 'headers': headers,
                'body': base64.b64encode(body).decode('ascii')}
    except socket.timeout:
        return failure('timeout', 'TIMEOUT')
    except ssl.SSLCertVerificationError as e:
        return failure('tls', verify_codes.get(e.verify_code, 'CERT_VERIFY_FAILED'))
    except ssl.SSLError as e:
        return failure('tls', str(e.reason or 'SSL_ERROR').upper())
    except socket.gaierror:
        return failure('unreachable', 'ENOTFOUND')
    except ConnectionRefusedError:
        return failure('unreachable', 'ECONNREFUSED')
    except OSError as e:
        return failure('unreachable', errno.errorcode.get(e.errno or 0, 'ENETWORK'))
    except Exception as e:
        return failure('error', type(e).__name__)
    finally:
        if conn is not None:
            conn.close()
`;

/** JSON.stringify of a string is a valid Python string literal (the same escapes; no `\/` is produced). */
const pythonString = (text: string): string => JSON.stringify(text);

/** A Python expression whose value is the answer dict (no IPython needed); `request` travels base64-encoded. */
export function kernelCallExpression(request: HttpRequest): string {
  const payload = encodeBase64(encodeUtf8(JSON.stringify(request)));
  return `(lambda ns: (exec(${pythonString(KERNEL_TRANSPORT_SOURCE)}, ns), ns['_kc_http'](${pythonString(payload)}))[1])({})`;
}

/** The same, wrapped so that the value arrives under `application/json` in a user_expressions reply. */
export function kernelUserExpression(request: HttpRequest): string {
  return `__import__('IPython.display', fromlist=['JSON']).JSON(${kernelCallExpression(request)})`;
}

const FAILURES = new Set<TransportFailure>(['timeout', 'unreachable', 'tls', 'error']);
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Codes are identifiers only: anything else from the kernel is not shown. */
export function safeCode(code: unknown): string {
  return typeof code === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,47}$/.test(code)
    ? code.toUpperCase()
    : 'UNKNOWN';
}

/** The kernel's answer dict as an HttpResult; anything malformed becomes an `error` failure. */
export function decodeKernelAnswer(value: unknown, maxBodyBytes = Infinity): HttpResult {
  const malformed: HttpResult = { kind: 'failure', failure: 'error', code: 'KERNEL_ANSWER_MALFORMED' };
  if (!isObject(value)) return malformed;
  if (value.kind === 'failure') {
    const failure = value.failure as TransportFailure;
    if (!FAILURES.has(failure)) return malformed;
    return { kind: 'failure', failure, code: safeCode(value.code) };
  }
  if (value.kind !== 'response') return malformed;
  const status = value.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
    return malformed;
  if (!isObject(value.headers) || typeof value.body !== 'string') return malformed;
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(value.headers)) {
    if (typeof v !== 'string') continue;
    const key = name.toLowerCase();
    const joined = Object.prototype.hasOwnProperty.call(headers, key) ? `${headers[key]}, ${v}` : v;
    Object.defineProperty(headers, key, {
      value: joined,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const bytes = decodeBase64Strict(value.body, false);
  if (bytes === null) return malformed;
  return {
    kind: 'response',
    status,
    headers,
    body: lossy.decode(bytes.subarray(0, Math.min(bytes.length, maxBodyBytes))),
  };
}

/**
 * One entry of `reply.content.user_expressions`: `{status: 'ok', data: {'application/json': answer}}`, or
 * `{status: 'error', ename, …}` when the expression itself failed.
 */
export function decodeUserExpression(entry: unknown, maxBodyBytes = Infinity): HttpResult {
  if (!isObject(entry)) return { kind: 'failure', failure: 'error', code: 'KERNEL_NO_ANSWER' };
  if (entry.status !== 'ok')
    return { kind: 'failure', failure: 'error', code: `KERNEL_${safeCode(entry.ename)}` };
  const data = entry.data;
  if (!isObject(data)) return { kind: 'failure', failure: 'error', code: 'KERNEL_ANSWER_MALFORMED' };
  return decodeKernelAnswer(data['application/json'], maxBodyBytes);
}
