import { lintManifests } from '../../../src/core/lint';
import { b64, podDefault, secret, toYaml, type Obj } from './lintHelpers';

function timed(run: () => void): number {
  run(); // warm up (module loading, regex compilation)
  const start = performance.now();
  run();
  return performance.now() - start;
}

const DOCKER = JSON.stringify({ auths: { 'quay.io': { auth: b64('bot:pw') } } });

test('200 PodDefaults and 200 Secrets in one namespace lint in well under a second', () => {
  const docs: Obj[] = [];
  for (let i = 0; i < 200; i++) {
    docs.push(
      secret(`s-${i}`, {
        data: { 'config.json': b64(DOCKER), AWS_REGION: b64('us-east-1'), [`K_${i}`]: b64('v') },
      }),
    );
    docs.push(
      podDefault(`p-${i}`, {
        volumes: [
          { name: `v-${i}`, secret: { secretName: `s-${i}` } },
          { name: 'shared', emptyDir: {} },
        ],
        volumeMounts: [
          { name: `v-${i}`, mountPath: `/home/kubeflow/.docker-${i}/` },
          { name: 'shared', mountPath: '/scratch' },
        ],
        env: [{ name: 'SHARED', value: 'same' }],
        envFrom: [{ secretRef: { name: `s-${i}` } }],
      }),
    );
  }
  const text = toYaml(...docs);
  let findings = 0;
  const ms = timed(() => {
    findings = lintManifests([{ name: 'big.yaml', text }]).findings.length;
  });
  expect(findings).toBeGreaterThan(0); // the shared volume, mount and env are PD_DUPLICATE_IDENTICAL, AWS_REGION overlaps
  // About 200 ms here, most of it in the YAML parser; the pairwise checks are bucketed by name.
  expect(ms).toBeLessThan(800);
});

test('a 1 MiB manifest file lints quickly', () => {
  const value = Buffer.alloc(700 * 1024, 3).toString('base64');
  const text = toYaml(secret('big', { data: { blob: value } }));
  expect(text.length).toBeGreaterThan(900 * 1024);
  // About 150 ms here, half of it in bytes.ts decodeBase64Strict (see the lead's notes).
  expect(timed(() => lintManifests([{ name: 'big.yaml', text }]))).toBeLessThan(400);
});
