/**
 * The e2e scenario: a home with config.json (two registries), an AWS credentials file, the AWS/S3 variables, and
 * a workspace holding a bad PodDefault file. Every secret is a canary that must appear nowhere in the workbench.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempHome, type TempHome } from '../../support/tempHome';

export const CANARIES = {
  dockerPassword: 'CANARY-docker-pw-7f3a9c',
  hubPassword: 'CANARY-hub-pw-51d0e2',
  awsFileSecret: 'CANARYawsfileSecret0000000000000000000001',
  awsEnvSecret: 'CANARYawsenvSecret00000000000000000000002',
  sessionToken: 'CANARY-session-token-9b8c7d',
} as const;

export const PRIVATE_REGISTRY = 'registry.example.com:5000';
export const IMAGE = `${PRIVATE_REGISTRY}/team/model:latest`;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const DOCKER_CONFIG = JSON.stringify(
  {
    auths: {
      [PRIVATE_REGISTRY]: { auth: base64(`alice:${CANARIES.dockerPassword}`) },
      'https://index.docker.io/v1/': { auth: base64(`bob:${CANARIES.hubPassword}`) },
    },
  },
  null,
  2,
);

/** Two PodDefaults the webhook would reject together: one selector, one volume name, two different Secrets. */
export const BAD_PODDEFAULTS = `apiVersion: kubeflow.org/v1alpha1
kind: PodDefault
metadata:
  name: docker-config
  namespace: team-a
spec:
  desc: Docker credentials
  selector:
    matchLabels:
      docker-config: "true"
  volumeMounts:
    - name: docker-secret-volume
      mountPath: /home/jovyan/.docker
  volumes:
    - name: docker-secret-volume
      secret:
        secretName: docker-secret
---
apiVersion: kubeflow.org/v1alpha1
kind: PodDefault
metadata:
  name: docker-config-copy
  namespace: team-a
spec:
  desc: Docker credentials, again
  selector:
    matchLabels:
      docker-config: "true"
  volumeMounts:
    - name: docker-secret-volume
      mountPath: /home/jovyan/.docker
  volumes:
    - name: docker-secret-volume
      secret:
        secretName: other-docker-secret
`;

/** A notebook-like script for the Insert Config snippet command. */
export const TRAIN_PY = '# Train the model with the Kaptain SDK\n\n';

export interface Scenario {
  readonly root: TempHome;
  readonly home: string;
  readonly workspace: string;
  readonly badFile: string;
  readonly dockerConfigPath: string;
  readonly env: Record<string, string>;
  /** Every canary, and the forms a leak could take (the base64 `auth` values). */
  readonly secrets: readonly string[];
}

export function makeScenario(): Scenario {
  const root = makeTempHome('kc-vscode-e2e-');
  const home = root.mkdir('home');
  const dockerConfigPath = root.write('home/.docker/config.json', DOCKER_CONFIG, 0o600);
  root.write(
    'home/.aws/credentials',
    `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARIES.awsFileSecret}\n`,
    0o600,
  );
  const workspace = root.mkdir('workspace');
  const badFile = path.join(workspace, 'bad-poddefaults.yaml');
  writeFileSync(badFile, BAD_PODDEFAULTS);
  writeFileSync(path.join(workspace, 'train.py'), TRAIN_PY);
  return {
    root,
    home,
    workspace,
    badFile,
    dockerConfigPath,
    env: {
      AWS_ACCESS_KEY_ID: 'AKIAI44QH8DHBEXAMPLE',
      AWS_SECRET_ACCESS_KEY: CANARIES.awsEnvSecret,
      AWS_SESSION_TOKEN: CANARIES.sessionToken,
      AWS_REGION: 'us-east-1',
      S3_ENDPOINT: 'http://minio.kubeflow:9000',
    },
    secrets: [
      ...Object.values(CANARIES),
      base64(`alice:${CANARIES.dockerPassword}`),
      base64(`bob:${CANARIES.hubPassword}`),
    ],
  };
}
