/**
 * What each linted file contributes: YAML text to read as manifests, and lines to scan for kubectl commands.
 * A Markdown file gives its code blocks (the YAML ones as manifests); a shell script only commands; any other
 * file is a YAML (or JSON) manifest stream whose every line, comments included, is scanned too.
 */
import { markdownCodeBlocks, type CodeBlock, type CodeLine } from './markdown';

export interface LintFile {
  readonly name: string;
  readonly text: string;
}

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** Added to the parser's 1-based line numbers to get the file's. */
  readonly lineOffset: number;
  /** Per line of `text` (0-based), the characters of indentation removed; null for a whole file. */
  readonly columnOffsets: readonly number[] | null;
  /** True for a block of a Markdown file (messages then say "the YAML block at line N"). */
  readonly embedded: boolean;
}

export type ScanLine = CodeLine;

export interface FileSources {
  readonly yaml: readonly YamlSource[];
  /** Groups of consecutive lines; a command continued with `\` stays within its group. */
  readonly commandBlocks: readonly (readonly ScanLine[])[];
}

type FileKind = 'markdown' | 'shell' | 'yaml';

function kindOf(name: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.sh') || lower.endsWith('.bash')) return 'shell';
  return 'yaml';
}

function allLines(text: string): ScanLine[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ text: line, line: i + 1, columnOffset: 0 }));
}

const KIND_LINE = /^kind[ \t]*:/;
/** Where YAML starts in a block that opens with a shell command or prose (`kubectl get ... -o yaml` output). */
const YAML_START = /^(---([ \t]|$)|%YAML|[A-Za-z_][\w./-]*[ \t]*:([ \t]|$))/;

/** A code block holding a manifest: one with a top-level `kind:`; the lines before its YAML are blanked. */
function manifestSource(file: string, block: CodeBlock): YamlSource | null {
  if (!block.lines.some((l) => KIND_LINE.test(l.text))) return null;
  const start = block.lines.findIndex((l) => YAML_START.test(l.text));
  if (start < 0) return null;
  const texts = block.lines.map((l, i) => (i < start ? '' : l.text));
  return {
    file,
    text: texts.join('\n'),
    lineOffset: block.lines[0].line - 1,
    columnOffsets: block.lines.map((l, i) => (i < start ? 0 : l.columnOffset)),
    embedded: true,
  };
}

export function fileSources(file: LintFile): FileSources {
  const kind = kindOf(file.name);
  if (kind === 'shell') return { yaml: [], commandBlocks: [allLines(file.text)] };
  if (kind === 'yaml') {
    const whole: YamlSource = {
      file: file.name,
      text: file.text,
      lineOffset: 0,
      columnOffsets: null,
      embedded: false,
    };
    return { yaml: [whole], commandBlocks: [allLines(file.text)] };
  }
  const blocks = markdownCodeBlocks(file.text);
  const yaml: YamlSource[] = [];
  for (const block of blocks) {
    const source = manifestSource(file.name, block);
    if (source) yaml.push(source);
  }
  return { yaml, commandBlocks: blocks.map((b) => b.lines) };
}
