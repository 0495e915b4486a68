/**
 * The code blocks of a Markdown file (CommonMark's fenced and indented blocks, simplified), so that a guide can be
 * linted as printed: its YAML blocks as manifests, every block for kubectl commands. Lists are not tracked, so a
 * list item's paragraph indented by four spaces after a blank line reads as code; that costs nothing here, since
 * only blocks with a top-level `kind:` are read as manifests.
 */

export interface CodeLine {
  /** The line without the block's indentation. */
  readonly text: string;
  /** 1-based line number in the file. */
  readonly line: number;
  /** How many characters of indentation were removed (columns in the file = columns in `text` + this). */
  readonly columnOffset: number;
}

export interface CodeBlock {
  /** The first word of a fence's info string, lower-cased; null for an indented block. */
  readonly info: string | null;
  readonly lines: readonly CodeLine[];
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Indentation width in columns, tabs advancing to the next multiple of 4. */
function indentWidth(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

/** Removes up to `columns` columns of leading whitespace; returns the rest and how many characters went. */
function stripIndent(line: string, columns: number): { text: string; removed: number } {
  let col = 0;
  let i = 0;
  while (i < line.length && col < columns) {
    const ch = line[i];
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
    i++;
  }
  return { text: line.slice(i), removed: i };
}

interface OpenFence {
  readonly char: string;
  readonly length: number;
  readonly indent: number;
  readonly info: string;
  readonly lines: CodeLine[];
}

export function markdownCodeBlocks(text: string): CodeBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: CodeBlock[] = [];
  let fence: OpenFence | null = null;
  let indented: CodeLine[] | null = null;
  let pendingBlank: CodeLine[] = [];
  let afterParagraph = false;

  const closeIndented = () => {
    if (indented) blocks.push({ info: null, lines: indented });
    indented = null;
    pendingBlank = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
        blocks.push({ info: fence.info, lines: fence.lines });
        fence = null;
        afterParagraph = false;
        continue;
      }
      const { text: body, removed } = stripIndent(raw, fence.indent);
      fence.lines.push({ text: body, line: lineNo, columnOffset: removed });
      continue;
    }
    if (indented) {
      if (isBlank(raw)) {
        pendingBlank.push({ text: '', line: lineNo, columnOffset: 0 });
        continue;
      }
      if (indentWidth(raw) >= 4) {
        for (const blank of pendingBlank) indented.push(blank);
        pendingBlank = [];
        const { text: body, removed } = stripIndent(raw, 4);
        indented.push({ text: body, line: lineNo, columnOffset: removed });
        continue;
      }
      closeIndented();
    }
    const open = FENCE_OPEN.exec(raw);
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      const word = open[3].trim().split(/\s+/)[0] ?? '';
      fence = {
        char: open[2][0],
        length: open[2].length,
        indent: open[1].length,
        info: word.toLowerCase(),
        lines: [],
      };
      afterParagraph = false;
      continue;
    }
    if (isBlank(raw)) {
      afterParagraph = false;
      continue;
    }
    if (indentWidth(raw) >= 4 && !afterParagraph) {
      const { text: body, removed } = stripIndent(raw, 4);
      indented = [{ text: body, line: lineNo, columnOffset: removed }];
      continue;
    }
    // An indented line cannot interrupt a paragraph; a heading is not one.
    afterParagraph = !HEADING.test(raw);
  }
  if (fence) blocks.push({ info: fence.info, lines: fence.lines });
  closeIndented();
  return blocks;
}
