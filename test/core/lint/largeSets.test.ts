import { lintManifests } from '../../../src/core/lint';
import { b64, podDefault, secret, toYaml, type Obj } from './lintHelpers';

// Large sets: the answers must still be right. Their speed is measured by `npm run bench`, not here.

const DOCKER = JSON.stringify({ auths: { 'quay.io': { auth: b64('bot:pw') } } });

test('200 PodDefaults and 200 Secrets in one namespace', () => {
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
  const result = lintManifests([{ name: 'big.yaml', text }]);
  expect(result.objects).toHaveLength(400);
  // The shared volume, mount and env are PD_DUPLICATE_IDENTICAL; AWS_REGION overlaps between envFrom sources.
  const codes = new Set(result.findings.map((f) => f.code));
  expect(codes).toEqual(new Set(['PD_DUPLICATE_IDENTICAL', 'PD_ENVFROM_KEY_OVERLAP']));
});

test('a 1 MiB manifest file', () => {
  const value = Buffer.alloc(700 * 1024, 3).toString('base64');
  const text = toYaml(secret('big', { data: { blob: value } }));
  expect(text.length).toBeGreaterThan(900 * 1024);
  expect(lintManifests([{ name: 'big.yaml', text }]).objects).toEqual(['Secret/big']);
});
