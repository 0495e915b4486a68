/**
 * The canary rule, end to end: a secret planted in every input appears in no output of `status`, in either mode,
 * on stdout or stderr, whatever state the inputs are in.
 */
import { makeTempHome, type TempHome } from '../support/tempHome';
import { runCli } from '../support/runCli';

const b64 = (text: string) => Buffer.from(text).toString('base64');

const CANARIES = {
  dockerPassword: 'CANARYdockerPW1x',
  dockerPlainPassword: 'CANARYdockerPW2x',
  identityToken: 'CANARYidToken3x',
  registryToken: 'CANARYregToken4x',
  badAuth: 'CANARYbadAuth5x:not-base64!',
  awsFileSecret: 'CANARYawsFileSecret6x',
  awsFileToken: 'CANARYawsFileToken7x',
  awsFileKeyMiddle: 'CANARYkeyMid8x',
  envSecret: 'CANARYenvSecret9x',
  envToken: 'CANARYenvToken10x',
  envKeyMiddle: 'CANARYenvKeyMid11x',
  minioSecret: 'CANARYminioSecret12x',
  minioKey: 'CANARYminioKey13x',
};

function plant(home: TempHome, variant: 'good' | 'broken'): Record<string, string> {
  const config = {
    auths: {
      'https://index.docker.io/v1/': { auth: b64(`ml-bot:${CANARIES.dockerPassword}`) },
      'registry.example.com': { username: 'robot', password: CANARIES.dockerPlainPassword },
      'tokens.example.com': { identitytoken: CANARIES.identityToken, registrytoken: CANARIES.registryToken },
      ...(variant === 'broken' ? { 'bad.example.com': { auth: CANARIES.badAuth } } : {}),
    },
  };
  home.write('.docker/config.json', JSON.stringify(config) + (variant === 'broken' ? 'trailing' : ''));
  const credentials =
    `[default]\naws_access_key_id = AKIA${CANARIES.awsFileKeyMiddle}WXYZ\n` +
    `aws_secret_access_key = ${CANARIES.awsFileSecret}${variant === 'broken' ? ' # comment' : ''}\n` +
    `aws_session_token = ${CANARIES.awsFileToken}\n` +
    (variant === 'broken' ? `aws_secret_access_key = ${CANARIES.awsFileSecret}\n` : '');
  home.write('.aws/credentials', credentials);
  return {
    HOME: home.dir,
    AWS_ACCESS_KEY_ID: `ASIA${CANARIES.envKeyMiddle}QRST`,
    AWS_SECRET_ACCESS_KEY: CANARIES.envSecret + (variant === 'broken' ? '\n' : ''),
    AWS_SESSION_TOKEN: CANARIES.envToken,
    S3_ENDPOINT: variant === 'broken' ? 'minio.kubeflow:9000' : 'http://minio.kubeflow:9000',
    MINIO_ACCESS_KEY: CANARIES.minioKey,
    MINIO_SECRET_KEY: CANARIES.minioSecret,
  };
}

describe('no secret leaves status', () => {
  let home: TempHome;
  beforeEach(() => {
    home = makeTempHome();
  });
  afterEach(() => home.remove());

  test.each(['good', 'broken'] as const)('%s inputs, human and --json output', (variant) => {
    const env = plant(home, variant);
    const outputs = [
      runCli(['status'], { env }),
      runCli(['status', '--json'], { env }),
      runCli(['status', '--json', '--image', 'ml-bot/model:1', '--image', 'registry.example.com/x'], { env }),
    ];
    const everything = outputs.map((o) => o.stdout + o.stderr).join('\n');
    expect(everything.length).toBeGreaterThan(500);
    for (const canary of Object.values(CANARIES)) {
      expect(everything).not.toContain(canary);
      expect(everything).not.toContain(b64(canary).slice(0, 12));
    }
    expect(everything).not.toContain(b64(`ml-bot:${CANARIES.dockerPassword}`));
    // IDs are masked, not dropped: the reader can still tell keys apart.
    if (variant === 'good') expect(everything).toContain('AKIA…WXYZ');
    expect(everything).toContain('ASIA…QRST');
  });
});
