/** `lint`: YAML files of Secrets and PodDefaults, judged as a set. */
import { readFileState } from '../node/readFileState';
import { lintManifests, type LintFile } from '../core/lint';
import { decodeUtf8 } from '../core/bytes';
import { finding, sortFindings, type Finding } from '../core/finding';
import { parseArgs, UsageError } from './args';
import { LINT_HELP } from './help';
import type { CliIo } from './main';
import { renderFindingsBlock } from './renderStatus';
import { makeStyle, wantsColour } from './style';

const UNREADABLE_MESSAGES: Record<string, string> = {
  missing: 'does not exist',
  not_a_file: 'is not a regular file',
  unreadable: 'cannot be read (permissions)',
  too_large: 'is over 8 MiB and was not read',
};

function fileProblem(name: string, message: string): Finding {
  return finding({
    code: 'MANIFEST_YAML_INVALID',
    severity: 'error',
    subject: name,
    message: `${name} ${message}.`,
    fix: 'Pass YAML files of Secrets and PodDefaults.',
  });
}

export function runLint(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {
    booleans: ['--json', '--help', '-h'],
    values: ['--namespace'],
    positionals: true,
  });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(LINT_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('lint needs at least one FILE (see lint --help)');
  const namespaces = args.values.get('--namespace') ?? [];
  if (namespaces.length > 1) throw new UsageError('--namespace may be given once');

  const files: LintFile[] = [];
  const problems: Finding[] = [];
  for (const name of args.positionals) {
    const state = readFileState(name);
    if (state.kind !== 'file') {
      problems.push(fileProblem(name, UNREADABLE_MESSAGES[state.kind]));
      continue;
    }
    const text = decodeUtf8(state.bytes);
    if (text === null) problems.push(fileProblem(name, 'is not UTF-8 text'));
    else files.push({ name, text });
  }
  const result = lintManifests(files, { namespace: namespaces[0] });
  const output = {
    files: [...args.positionals],
    objects: result.objects,
    findings: sortFindings([...problems, ...result.findings]),
  };
  if (args.flags.has('--json')) io.stdout(JSON.stringify(output, null, 2) + '\n');
  else {
    const style = makeStyle(wantsColour(io.stdoutIsTTY, io.env));
    io.stdout(
      `Linted ${output.files.length} file${output.files.length === 1 ? '' : 's'}, ${output.objects.length} object${output.objects.length === 1 ? '' : 's'}\n\n` +
        renderFindingsBlock(output.findings, style),
    );
  }
  return output.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
