import { createHmac } from 'node:crypto';
import { ageLabel, CheckResultCache } from '../../../src/core/check/cache';
import { runFlow, type Flow } from '../../../src/core/check/flow';
import { planChecks } from '../../../src/core/check/plan';
import { runChecks } from '../../../src/core/check/run';
import { signV2 } from '../../../src/core/check/sigv2';
import { transportVerdict } from '../../../src/core/check/transportVerdict';
import type { CheckResult } from '../../../src/core/check/types';
import { clock, response } from './scripted';
import { b64, snapshotOf } from './snapshots';

describe('runFlow, the driver', () => {
  const oneRequest: Flow = {
    start: () => ({
      kind: 'request',
      request: { method: 'GET', url: 'http://x/', headers: {}, body: null, caPem: null },
    }),
    next: (result) => ({
      kind: 'done',
      verdict: {
        outcome: result.kind === 'response' ? 'ok' : 'error',
        reason: 'authenticated',
        detail: result.kind === 'failure' ? result.code : '',
      },
    }),
  };

  it('gives each request what is left of the check time, and measures the check with the given clock', async () => {
    const seen: number[] = [];
    const { ms } = await runFlow(oneRequest, {
      send: async (r) => {
        seen.push(r.timeoutMs);
        return response(200);
      },
      now: clock(1000, 700),
      timeoutMs: 5000,
    });
    expect(seen).toEqual([4300]);
    expect(ms).toBe(2100); // four readings of a clock that moves 700 ms each time
  });

  it('a transport that throws is a transport error, not a crash', async () => {
    const { verdict } = await runFlow(oneRequest, {
      send: async () => {
        throw new Error('kc-canary');
      },
      now: clock(),
      timeoutMs: 5000,
    });
    expect(verdict).toMatchObject({ outcome: 'error', detail: 'TRANSPORT_THREW' });
  });

  it('blanks out a secret that a server echoes as its error code', async () => {
    const password = 'kc-canary-echo-pw';
    const plans = planChecks(snapshotOf({ config: { auths: { 'r.io': { auth: b64(`a:${password}`) } } } }), {
      docker: true,
      storage: false,
    });
    const body = JSON.stringify({ errors: [{ code: password }] });
    const results = await runChecks(plans, {
      send: async (r) =>
        r.headers.authorization ? response(401, {}, body) : response(401, { 'www-authenticate': 'Basic' }),
      now: clock(),
      timeoutMs: 5000,
    });
    expect(results[0].detail).toContain('[redacted]');
    expect(results[0].detail).not.toContain(password);
  });
});

describe('transportVerdict', () => {
  const ctx = { where: 'https://r.io', timeoutMs: 2500, caFileUsed: true };
  it('says what failed, with the certificate problem and whether the CA file was trusted', () => {
    expect(transportVerdict({ kind: 'failure', failure: 'timeout', code: 'TIMEOUT' }, ctx).detail).toBe(
      'no answer from https://r.io within 2.5 s',
    );
    expect(
      transportVerdict({ kind: 'failure', failure: 'tls', code: 'SELF_SIGNED_CERT_IN_CHAIN' }, ctx).detail,
    ).toBe(
      'https://r.io: its certificate chain ends in a self-signed CA that is not trusted (SELF_SIGNED_CERT_IN_CHAIN) (with $HOME/.tls/certificate.crt trusted)',
    );
    expect(
      transportVerdict({ kind: 'failure', failure: 'tls', code: 'SSLV3_ALERT_HANDSHAKE_FAILURE' }, ctx),
    ).toMatchObject({ outcome: 'tls_error', reason: 'tls_handshake' });
    expect(
      transportVerdict({ kind: 'failure', failure: 'unreachable', code: 'EHOSTUNREACH' }, ctx),
    ).toMatchObject({ outcome: 'unreachable', reason: 'network' });
    expect(transportVerdict({ kind: 'failure', failure: 'error', code: 'X' }, ctx)).toMatchObject({
      outcome: 'error',
      reason: 'transport_error',
    });
  });
});

describe('signV2', () => {
  it('signs VERB, Date, the x-amz headers and the resource with its sub-resources, as S3 defines', () => {
    const credentials = {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'tok',
    };
    const signed = signV2(
      {
        method: 'GET',
        resource: '/kaptain',
        query: [
          ['max-keys', '0'],
          ['location', ''],
          ['acl', ''],
        ],
        contentType: '',
        nowMs: Date.parse('2007-03-27T19:36:42Z'),
      },
      credentials,
    );
    expect(signed.stringToSign).toBe(
      'GET\n\n\nTue, 27 Mar 2007 19:36:42 GMT\nx-amz-security-token:tok\n/kaptain?acl&location',
    );
    const expected = createHmac('sha1', 'secret').update(signed.stringToSign).digest('base64');
    expect(signed.headers).toEqual({
      date: 'Tue, 27 Mar 2007 19:36:42 GMT',
      'x-amz-security-token': 'tok',
      authorization: `AWS AKIAIOSFODNN7EXAMPLE:${expected}`,
    });
  });
});

describe('results kept a few minutes, shown with their age', () => {
  const result = (target: string): CheckResult => ({
    target,
    kind: 'docker',
    outcome: 'ok',
    reason: 'authenticated',
    detail: '',
    ms: 1,
  });
  it('keeps the newest result per target and drops those older than the keeping time', () => {
    const cache = new CheckResultCache(60000);
    cache.put([result('a'), result('b')], 0);
    cache.put([result('a')], 30000);
    expect(cache.current(50000).map((k) => [k.result.target, k.atMs])).toEqual([
      ['a', 30000],
      ['b', 0],
    ]);
    expect(cache.current(70000).map((k) => k.result.target)).toEqual(['a']);
    cache.clear();
    expect(cache.current(0)).toEqual([]);
  });
  it('says the age in words', () => {
    expect([0, 4999, 5000, 59999, 60000, 185000].map((ms) => ageLabel(0, ms))).toEqual([
      'just now',
      'just now',
      '5 s ago',
      '59 s ago',
      '1 min ago',
      '3 min ago',
    ]);
  });
});
