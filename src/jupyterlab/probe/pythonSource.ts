/**
 * The kernel probe's Python. It only reads and returns raw facts (HOME, the variables the engine reads, the
 * files it asks for); all interpretation is the engine's, in the browser. It runs inside a user expression of a
 * silent execute, in a throwaway dict, so it leaves no name, history entry or execution count behind, and it
 * catches every error itself (an escaping one would overwrite `sys.last_value`, which `%debug` shows).
 */

/** Bumped when the shape of `collect()`'s result changes. */
export const PROBE_PROTOCOL_VERSION = 1;

/** The user_expressions key the reply is read from. */
export const PROBE_EXPRESSION_KEY = 'kaptain_credentials_probe';

/** Where a pod's service account says its namespace is (the default for generated manifests). */
export const POD_NAMESPACE_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

export const PROBE_PYTHON = `
def collect(extra_paths, limit):
    import base64, errno, os, stat

    def wire(raw):
        # Text when the bytes are UTF-8; otherwise base64, decoded in the browser as Node decodes them.
        try:
            return raw.decode('utf-8')
        except UnicodeDecodeError:
            return {'b64': base64.b64encode(raw).decode('ascii')}

    def state_for(error):
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return {'kind': 'missing'}
        if error.errno == errno.EISDIR:
            return {'kind': 'not_a_file'}
        return {'kind': 'unreadable'}

    def read(path, most):
        # O_NONBLOCK: a FIFO must not wait for a writer. fstat first: devices and FIFOs are never read.
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, 'O_CLOEXEC', 0))
        except OSError as error:
            return state_for(error)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return {'kind': 'not_a_file'}
            if info.st_size > most:
                return {'kind': 'too_large', 'size': info.st_size}
            want = min(info.st_size, most) + 1
            chunks, got = [], 0
            while got < want:
                chunk = os.read(fd, want - got)
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            data = b''.join(chunks)
            if len(data) > most:
                return {'kind': 'too_large', 'size': len(data)}
            return {'kind': 'file', 'b64': base64.b64encode(data).decode('ascii')}
        except OSError as error:
            return state_for(error)
        finally:
            os.close(fd)

    def strip(path):
        end = len(path)
        while end > 1 and path[end - 1:end] == b'/':
            end -= 1
        return path[:end]

    environb = getattr(os, 'environb', None)
    items = list(environb.items()) if environb is not None else [
        (os.fsencode(k), os.fsencode(v)) for k, v in os.environ.items()]
    relevant = [(k, v) for k, v in items if k in (b'HOME', b'MINIO_ACCESS_KEY', b'MINIO_SECRET_KEY')
                or k.startswith((b'AWS_', b'S3_', b'DOCKER_'))]
    values = dict(relevant)
    home = values.get(b'HOME') or b''
    if not home:
        try:
            import pwd
            home = os.fsencode(pwd.getpwuid(os.getuid()).pw_dir)
        except Exception:
            home = b'/'
    base = strip(home)
    prefix = b'' if base == b'/' else base
    docker_dir = prefix + b'/.docker'
    paths = [docker_dir + b'/config.json', prefix + b'/.aws/credentials', prefix + b'/.tls/certificate.crt']
    docker_config = values.get(b'DOCKER_CONFIG') or b''
    if docker_config:
        other = strip(docker_config)
        if other != docker_dir:
            paths.append((b'' if other == b'/' else other) + b'/config.json')
    paths.extend(p.encode('utf-8', 'surrogatepass') for p in extra_paths)
    seen, files = set(), []
    for path in paths:
        if path not in seen:
            seen.add(path)
            files.append([wire(path), read(path, limit)])
    namespace = read(b'${POD_NAMESPACE_PATH}', 253)
    if namespace.get('kind') == 'file':
        namespace = base64.b64decode(namespace['b64']).decode('utf-8', 'replace').strip() or None
    else:
        namespace = None
    return {
        'v': ${PROBE_PROTOCOL_VERSION},
        'home': wire(home),
        'env': [[wire(k), wire(v)] for k, v in relevant],
        'files': files,
        'namespace': namespace,
    }


def run(extra_paths, limit):
    try:
        result = collect(extra_paths, limit)
    except Exception as error:
        result = {'v': ${PROBE_PROTOCOL_VERSION}, 'error': type(error).__name__ + ': ' + str(error)}
    try:
        from IPython.display import JSON
        # A display object arrives as a real object under application/json; a dict would arrive as its repr.
        return JSON(result)
    except Exception:
        return {'v': ${PROBE_PROTOCOL_VERSION}, 'error': 'IPython.display is not available in this kernel'}
`;

/** A JSON string literal is a valid Python string literal (\\uXXXX escapes included). */
function pythonLiteral(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The user expression: runs the probe in a fresh dict and returns its display object. Nothing is bound in the
 * user's namespace (a lambda argument is local); `extraPaths` are read beside the default ones.
 */
export function probeExpression(extraPaths: readonly string[], limit: number): string {
  return `(lambda d: (exec(${pythonLiteral(PROBE_PYTHON)}, d), d['run'](${pythonLiteral(extraPaths)}, ${Math.floor(limit)}))[1])({})`;
}
