/**
 * KUBECTL_FLAG_ORDER: `kubectl create -f -n ns file`. kubectl's flag parser (pflag) gives `-f` the next argument
 * whatever it looks like, so `-n` becomes the file name and the command fails (or, with a file named `-n`, reads
 * the wrong one). Any option right after `-f`/`--filename` has that effect; `-f -` (stdin) is fine.
 */
import { finding, type Finding } from '../finding';
import type { ScanLine } from './sources';

interface Token {
  readonly text: string;
  readonly line: number;
  /** 1-based column in the file. */
  readonly column: number;
}

const SEPARATORS = new Set(['|', '||', '&&', ';', '&']);
/** The kubectl commands that read manifests with -f, for the fix. */
const FILE_VERBS = new Set([
  'create',
  'apply',
  'replace',
  'delete',
  'diff',
  'get',
  'describe',
  'patch',
  'label',
  'annotate',
]);

function isKubectl(token: string): boolean {
  return token === 'kubectl' || token.endsWith('/kubectl') || token === 'kubectl.exe';
}

function isFilenameFlag(token: string): boolean {
  return token === '-f' || token === '--filename';
}

/** An option that would be swallowed as the file name; `-` alone means stdin. */
function isOption(token: string): boolean {
  return token.length > 1 && token.startsWith('-');
}

/** The option's name only: `--namespace=user` shows as `--namespace`, and a value is never echoed. */
function optionName(token: string): string {
  const name = token.split('=')[0];
  return /^--?[A-Za-z][\w-]*$/.test(name) ? name : 'another option';
}

/** Logical commands of a block: tokens split at separators, lines joined where they end in `\`. */
function commands(lines: readonly ScanLine[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  const end = () => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (const line of lines) {
    const re = /\S+/g;
    let continued = false;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      const text = m[0];
      if (text === '\\' && re.lastIndex >= line.text.trimEnd().length) {
        continued = true;
        break;
      }
      if (SEPARATORS.has(text)) {
        end();
        continue;
      }
      const endsCommand = text.endsWith(';');
      const bare = endsCommand ? text.slice(0, -1) : text;
      const trailingBackslash = bare.endsWith('\\') && re.lastIndex >= line.text.trimEnd().length;
      const word = trailingBackslash ? bare.slice(0, -1) : bare;
      if (word) current.push({ text: word, line: line.line, column: m.index + 1 + line.columnOffset });
      if (endsCommand) end();
      if (trailingBackslash) continued = true;
    }
    if (!continued) end();
  }
  end();
  return out;
}

export function kubectlFlagOrderFindings(file: string, blocks: readonly (readonly ScanLine[])[]): Finding[] {
  const findings: Finding[] = [];
  for (const block of blocks) {
    for (const tokens of commands(block)) {
      const start = tokens.findIndex((t) => isKubectl(t.text));
      if (start < 0) continue;
      for (let i = start + 1; i + 1 < tokens.length; i++) {
        const flag = tokens[i];
        const next = tokens[i + 1];
        if (!isFilenameFlag(flag.text) || !isOption(next.text)) continue;
        const swallowed = optionName(next.text);
        const verb = tokens.slice(start + 1, i).find((t) => FILE_VERBS.has(t.text))?.text ?? 'create';
        findings.push(
          finding({
            code: 'KUBECTL_FLAG_ORDER',
            severity: 'warning',
            subject: file,
            message: `The kubectl command at line ${flag.line} of ${file} has ${flag.text} directly followed by ${swallowed}, so kubectl takes ${swallowed} as the file name.`,
            fix: `Put the namespace first and the file right after ${flag.text}: kubectl ${verb} -n <namespace> -f <file>.`,
            location: {
              file,
              line: flag.line,
              column: flag.column,
              endLine: next.line,
              endColumn: next.column + next.text.length,
            },
          }),
        );
      }
    }
  }
  return findings;
}
