/**
 * The Docker registry check: `GET /v2/` as the SDK's pusher would, then the challenge it answers with, as
 * docker/cli and go-containerregistry follow it (distribution's spec/auth/token.md and oauth.md):
 * - Basic: `GET /v2/` again with the user and password;
 * - Bearer: a token from the realm (`service`, and for an image the `scope` `repository:NAME:pull,push`), with
 *   Basic credentials (GET), or an identity token exchanged by OAuth2 (POST, `grant_type=refresh_token`), or a
 *   registry token used as is; then `GET /v2/` with the token.
 * The token's `access` claim says whether push is granted. Answers are reduced to status and error codes.
 */
import { HttpResult, header } from './exchange';
import type { Flow, RequestSpec, Step } from './flow';
import { parseChallenges, type Challenge } from './challenge';
import { codesSuffix, tokenFromAnswer, tokenGrantsPush } from './registryAnswers';
import type { RegistryCredentials } from './dockerCredentials';
import type { Sealed } from './sealed';
import { transportVerdict } from './transportVerdict';
import type { CheckReason, Verdict } from './types';

export interface RegistryPlan {
  readonly kind: 'docker';
  /** What the result names: the image as given, or the registry host. */
  readonly target: string;
  /** host[:port] of the registry API (`registry-1.docker.io` for Docker Hub). */
  readonly apiHost: string;
  /** The image's repository path (`library/ubuntu`), for the token scope; null for a plain login check. */
  readonly repository: string | null;
  /** Shown in details (not a secret). */
  readonly username: string | null;
  readonly credentials: Sealed<RegistryCredentials> | null;
  /** Why there are no credentials, when there are none. */
  readonly missing: { readonly reason: CheckReason; readonly detail: string } | null;
  /** `$HOME/.tls/certificate.crt`, trusted for the registry and its token service. */
  readonly caPem: string | null;
  /** Retry over plain http when the server does not speak TLS (loopback or a listed insecure registry). */
  readonly plainHttpFallback: boolean;
}

type Phase = 'probe' | 'basic' | 'token' | 'bearer';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'kaptain-credentials (live check)';

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export class RegistryFlow implements Flow {
  readonly #plan: RegistryPlan;
  #scheme: 'https' | 'http' = 'https';
  #phase: Phase = 'probe';
  #current: RequestSpec | null = null;
  #push: boolean | null = null;
  #scheme401 = '';
  #tokenService = '';

  constructor(plan: RegistryPlan) {
    this.#plan = plan;
  }

  start(): Step {
    return this.#send(this.#probe(null));
  }

  next(result: HttpResult, _nowMs: number, limitMs: number): Step {
    const current = this.#current as RequestSpec;
    if (result.kind === 'failure') {
      const plainHttp =
        this.#phase === 'probe' &&
        this.#scheme === 'https' &&
        this.#plan.plainHttpFallback &&
        result.failure === 'tls' &&
        result.code === 'WRONG_VERSION_NUMBER';
      if (plainHttp) {
        this.#scheme = 'http';
        return this.#send(this.#probe(null));
      }
      const where =
        this.#phase === 'token' ? `the token service ${origin(current.url)}` : origin(current.url);
      return this.#done(
        transportVerdict(result, { where, timeoutMs: limitMs, caFileUsed: current.caPem !== null }),
      );
    }
    const location = header(result, 'location');
    if (REDIRECTS.has(result.status) && location !== '' && current.method === 'GET')
      return this.#redirect(current, location);
    switch (this.#phase) {
      case 'probe':
        return this.#afterProbe(result);
      case 'basic':
        return this.#afterBasic(result);
      case 'token':
        return this.#afterToken(result, current);
      case 'bearer':
        return this.#afterBearer(result);
    }
  }

  #send(request: RequestSpec): Step {
    this.#current = request;
    return { kind: 'request', request };
  }

  #done(verdict: Verdict): Step {
    return { kind: 'done', verdict };
  }

  #base(): string {
    return `${this.#scheme}://${this.#plan.apiHost}`;
  }

  #probe(authorization: string | null): RequestSpec {
    const url = `${this.#base()}/v2/`;
    const headers: Record<string, string> = { host: new URL(url).host, 'user-agent': USER_AGENT };
    if (authorization !== null) headers.authorization = authorization;
    return { method: 'GET', url, headers, body: null, caPem: this.#plan.caPem };
  }

  #redirect(current: RequestSpec, location: string): Step {
    let next: URL;
    try {
      next = new URL(location, current.url);
    } catch {
      return this.#done({
        outcome: 'error',
        reason: 'redirect',
        detail: `a redirect to an invalid URL from ${origin(current.url)}`,
      });
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      return this.#done({
        outcome: 'error',
        reason: 'redirect',
        detail: `a redirect to a ${next.protocol} URL`,
      });
    }
    const headers: Record<string, string> = { ...current.headers, host: next.host };
    // Go's client drops credentials when a redirect leaves the host.
    if (next.host !== new URL(current.url).host) delete headers.authorization;
    return this.#send({ ...current, url: next.toString(), headers });
  }

  #who(): string {
    return this.#plan.username === null ? '' : ` as ${this.#plan.username}`;
  }

  #afterProbe(result: Extract<HttpResult, { kind: 'response' }>): Step {
    const plan = this.#plan;
    if (result.status === 200) {
      return this.#done({
        outcome: 'ok',
        reason: 'no_auth_required',
        detail: `GET ${this.#base()}/v2/ answered 200 without credentials: the registry asks for none`,
        push: null,
      });
    }
    if (result.status !== 401) return this.#done(this.#unexpected(result, 'GET /v2/'));
    const challenges = parseChallenges(header(result, 'www-authenticate'));
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basic = challenges.find((c) => c.scheme === 'basic');
    const chosen = bearer ?? basic;
    this.#scheme401 = chosen ? (chosen === bearer ? 'Bearer' : 'Basic') : '';
    if (plan.credentials === null) {
      const missing = plan.missing ?? {
        reason: 'no_entry' as const,
        detail: 'no credentials for this registry',
      };
      const asks = chosen ? `${this.#scheme401} authentication` : 'authentication';
      return this.#done({
        outcome: 'no_credentials',
        reason: missing.reason,
        detail: `${missing.detail}; the registry asks for ${asks} (HTTP 401)`,
      });
    }
    if (!chosen) {
      const schemes = challenges.map((c) => c.scheme).join(', ') || 'no Www-Authenticate header';
      return this.#done({
        outcome: 'error',
        reason: 'unsupported_challenge',
        detail: `GET /v2/ answered 401 with a challenge the SDK's pusher cannot follow (${schemes})`,
      });
    }
    const credentials = plan.credentials.open();
    if (chosen === basic) {
      if (credentials.kind !== 'basic') {
        return this.#done({
          outcome: 'no_credentials',
          reason: 'no_password',
          detail:
            'the registry asks for Basic authentication (HTTP 401), but config.json holds only a token for it',
        });
      }
      this.#phase = 'basic';
      return this.#send(this.#probe(`Basic ${credentials.basic}`));
    }
    if (credentials.kind === 'registry_token') {
      this.#phase = 'bearer';
      this.#push = plan.repository === null ? null : tokenGrantsPush(credentials.token, plan.repository);
      return this.#send(this.#probe(`Bearer ${credentials.token}`));
    }
    return this.#tokenRequest(bearer as Challenge, credentials);
  }

  #tokenRequest(
    challenge: Challenge,
    credentials: Exclude<RegistryCredentials, { kind: 'registry_token' }>,
  ): Step {
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm ?? '');
    } catch {
      return this.#done({
        outcome: 'error',
        reason: 'unsupported_challenge',
        detail: 'the Bearer challenge has no valid realm URL',
      });
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      return this.#done({
        outcome: 'error',
        reason: 'unsupported_challenge',
        detail: `the token realm is a ${realm.protocol} URL`,
      });
    }
    this.#phase = 'token';
    this.#tokenService = challenge.params.service ?? '';
    const scope = this.#plan.repository === null ? null : `repository:${this.#plan.repository}:pull,push`;
    const headers: Record<string, string> = {
      host: realm.host,
      'user-agent': USER_AGENT,
      accept: 'application/json',
    };
    if (credentials.kind === 'identity_token') {
      const form = new URLSearchParams();
      form.set('grant_type', 'refresh_token');
      form.set('refresh_token', credentials.token);
      form.set('client_id', 'kaptain-credentials');
      if (this.#tokenService) form.set('service', this.#tokenService);
      if (scope) form.set('scope', scope);
      headers['content-type'] = 'application/x-www-form-urlencoded';
      return this.#send({
        method: 'POST',
        url: realm.toString(),
        headers,
        body: form.toString(),
        caPem: this.#plan.caPem,
      });
    }
    if (this.#tokenService) realm.searchParams.append('service', this.#tokenService);
    if (scope) realm.searchParams.append('scope', scope);
    if (this.#plan.username) realm.searchParams.append('account', this.#plan.username);
    headers.authorization = `Basic ${credentials.basic}`;
    return this.#send({ method: 'GET', url: realm.toString(), headers, body: null, caPem: this.#plan.caPem });
  }

  #afterBasic(result: Extract<HttpResult, { kind: 'response' }>): Step {
    if (result.status === 200) {
      const push =
        this.#plan.repository === null
          ? ''
          : '; whether push to the repository is allowed shows only at the push (Basic authentication)';
      return this.#done({
        outcome: 'ok',
        reason: 'authenticated',
        detail: `authenticated${this.#who()}: GET /v2/ with Basic answered 200${push}`,
        push: null,
      });
    }
    if (result.status === 401 || result.status === 403) {
      return this.#done({
        outcome: 'unauthorized',
        reason: result.status === 401 ? 'bad_credentials' : 'access_denied',
        detail: `the registry refused the user and password${this.#who()}: GET /v2/ with Basic answered ${result.status}${codesSuffix(result.body)}`,
      });
    }
    return this.#done(this.#unexpected(result, 'GET /v2/ with Basic'));
  }

  #afterToken(result: Extract<HttpResult, { kind: 'response' }>, current: RequestSpec): Step {
    const service = `the token service ${origin(current.url)}`;
    if (result.status === 401 || result.status === 403) {
      const what = current.method === 'POST' ? 'the identity token' : `the user and password${this.#who()}`;
      return this.#done({
        outcome: 'unauthorized',
        reason: 'token_denied',
        detail: `${service} refused ${what}: HTTP ${result.status}${codesSuffix(result.body)}`,
      });
    }
    if (result.status !== 200) return this.#done(this.#unexpected(result, `${service}`));
    const token = tokenFromAnswer(result.body);
    if (token === null) {
      return this.#done({
        outcome: 'error',
        reason: 'bad_token_response',
        detail: `${service} answered 200 without a token (not the Docker token format)`,
      });
    }
    this.#push = this.#plan.repository === null ? null : tokenGrantsPush(token, this.#plan.repository);
    this.#phase = 'bearer';
    return this.#send(this.#probe(`Bearer ${token}`));
  }

  #afterBearer(result: Extract<HttpResult, { kind: 'response' }>): Step {
    const repository = this.#plan.repository;
    if (result.status === 200) {
      const how = this.#tokenService ? `a token for ${this.#tokenService}` : 'a token';
      if (repository !== null && this.#push === false) {
        return this.#done({
          outcome: 'unauthorized',
          reason: 'no_push',
          detail: `authenticated${this.#who()} with ${how}, but the token does not grant push on ${repository}: the SDK cannot push the image`,
          push: false,
        });
      }
      const push =
        repository === null
          ? ''
          : this.#push === true
            ? `; push granted on ${repository}`
            : `; the token does not say whether push on ${repository} is granted`;
      return this.#done({
        outcome: 'ok',
        reason: 'authenticated',
        detail: `authenticated${this.#who()} with ${how}: GET /v2/ answered 200${push}`,
        push: this.#push,
      });
    }
    if (result.status === 401 || result.status === 403) {
      return this.#done({
        outcome: 'unauthorized',
        reason: 'token_rejected',
        detail: `the registry refused the token: GET /v2/ with Bearer answered ${result.status}${codesSuffix(result.body)}`,
      });
    }
    return this.#done(this.#unexpected(result, 'GET /v2/ with Bearer'));
  }

  #unexpected(result: Extract<HttpResult, { kind: 'response' }>, what: string): Verdict {
    const status = result.status;
    const codes = codesSuffix(result.body);
    if (this.#phase === 'probe' && status === 404) {
      return {
        outcome: 'error',
        reason: 'not_a_registry',
        detail: `${what} answered 404: ${this.#plan.apiHost} is not a Docker registry (v2 API)`,
      };
    }
    if (status >= 500)
      return { outcome: 'error', reason: 'server_error', detail: `${what} answered ${status}${codes}` };
    if (REDIRECTS.has(status)) {
      return {
        outcome: 'error',
        reason: 'redirect',
        detail: `${what} answered ${status} without a usable Location`,
      };
    }
    return { outcome: 'error', reason: 'unexpected_answer', detail: `${what} answered ${status}${codes}` };
  }
}
