/** --help texts, one per command. */

export const MAIN_HELP = `kaptain-credentials: check Docker and storage credentials the way the Kaptain SDK reads them.

Usage: kaptain-credentials <command> [options]

Commands:
  status     what Config.default() resolves to, which providers are usable, every problem and its fix

Options:
  -h, --help     show help (also after a command: kaptain-credentials status --help)
  -V, --version  print the version

Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.
`;

export const STATUS_HELP = `Usage: kaptain-credentials status [--json] [--image REF]...

Inspects $HOME/.docker/config.json, $HOME/.aws/credentials, $HOME/.tls/certificate.crt and the AWS_*/S3_*
variables of the environment, as Model(...) in a notebook would see them.

Options:
  --json         print one JSON document (contract: status --json) and nothing else on stdout
  --image REF    an image the SDK will push (Model(image_name=...)); says which config.json entry serves it.
                 Repeatable; --image=REF works too. The next argument is taken verbatim.
  -h, --help     show this help

Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.
No secret is ever printed: access key IDs are masked (AKIA…MPLE), passwords and tokens only said to be set.
`;
