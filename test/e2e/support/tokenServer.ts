/**
 * A token endpoint after the Docker token specification (distribution's docs/spec/auth/token.md and oauth.md),
 * served by the test itself for the real registry's `auth.token`: GET with Basic credentials, or POST with an
 * OAuth2 refresh token (an identity token); answers a JWT (RS256, the certificate in x5c) whose `access` claim
 * grants each user what the test says.
 */
import { createSign, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { TestCertificate } from './testCertificates';

export interface TokenUser {
  readonly password: string;
  /** Actions granted on any requested repository, e.g. ['pull', 'push']. */
  readonly actions: readonly string[];
  /** Accepted as an OAuth2 refresh token (a config.json `identitytoken`). */
  readonly refreshToken?: string;
}

export interface TokenServer {
  readonly realm: string;
  /** Requests seen (method and query names only), for assertions on the flow. */
  readonly seen: { method: string; service: string | null; scope: string | null; account: string | null }[];
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function signJwt(claims: object, cert: TestCertificate): string {
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [cert.derBase64] }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(cert.keyPem);
  return `${header}.${payload}.${b64url(signature)}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
  });
}

export async function startTokenServer(options: {
  readonly issuer: string;
  readonly service: string;
  readonly cert: TestCertificate;
  readonly users: Readonly<Record<string, TokenUser>>;
}): Promise<TokenServer> {
  const seen: TokenServer['seen'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://token.test');
    let params = url.searchParams;
    let user: string | null = null;
    if (req.method === 'POST') {
      params = new URLSearchParams(await readBody(req));
      const refresh = params.get('refresh_token');
      user = Object.keys(options.users).find((u) => options.users[u].refreshToken === refresh) ?? null;
      if (params.get('grant_type') !== 'refresh_token') user = null;
    } else {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const [name, ...rest] = Buffer.from(basic ?? '', 'base64')
        .toString('utf8')
        .split(':');
      const password = rest.join(':');
      if (
        Object.prototype.hasOwnProperty.call(options.users, name) &&
        options.users[name].password === password
      )
        user = name;
    }
    seen.push({
      method: req.method ?? '',
      service: params.get('service'),
      scope: params.get('scope'),
      account: params.get('account'),
    });
    if (user === null || params.get('service') !== options.service) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    const scope = params.get('scope');
    const access = scope
      ? [
          {
            type: 'repository',
            name: scope.split(':')[1],
            actions: scope
              .split(':')[2]
              .split(',')
              .filter((a) => options.users[user as string].actions.includes(a)),
          },
        ]
      : [];
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(
      {
        iss: options.issuer,
        sub: user,
        aud: options.service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomBytes(8).toString('hex'),
        access,
      },
      options.cert,
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.method === 'POST'
          ? { access_token: token, expires_in: 300 }
          : { token, expires_in: 300, issued_at: new Date().toISOString() },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    seen,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
