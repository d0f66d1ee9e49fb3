import { PabulibError } from './types.js';

/** One record of a `.pb` file: its cells and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** Whether spaces or tabs were found around any cell (only reported when trimming). */
  padded: boolean;
}

const SEMICOLON = 59;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

function isPadding(code: number): boolean {
  return code === SPACE || code === TAB;
}

/**
 * Splits `.pb` text into records of `;`-separated cells, CSV style: a cell that starts with `"`
 * runs to the next lone `"`, `""` inside it is one quote, and it may hold `;` and line breaks.
 * A `"` later in an unquoted cell is just a character, as in Python's csv module (which pabulib's
 * own tools use). Line breaks are LF, CRLF or a lone CR, mixed freely.
 */
export class CsvReader {
  private position = 0;
  private lineNumber = 1;

  constructor(private readonly text: string) {}

  /** The 1-based line the next record starts on. */
  get line(): number {
    return this.lineNumber;
  }

  /** Whether every record has been read. */
  get done(): boolean {
    return this.position >= this.text.length;
  }

  /**
   * Reads the next record. With `trim`, spaces and tabs around each cell (outside its quotes)
   * are dropped, as in the spec's `key; value` example; without it, cells are kept exactly.
   */
  next(trim: boolean): CsvRecord {
    const line = this.lineNumber;
    const cells: string[] = [];
    let padded = false;
    for (;;) {
      if (trim) padded = this.skipPadding() || padded;
      if (this.text.charCodeAt(this.position) === QUOTE) {
        const openedOn = this.lineNumber;
        cells.push(this.readQuoted());
        if (trim) padded = this.skipPadding() || padded;
        this.expectCellEnd(openedOn);
      } else {
        const cell = this.readUnquoted();
        const kept = trim ? trimPadding(cell) : cell;
        padded = padded || kept.length !== cell.length;
        cells.push(kept);
      }
      if (this.text.charCodeAt(this.position) !== SEMICOLON) break;
      this.position += 1;
    }
    this.skipLineBreak();
    return { line, cells, padded };
  }

  private skipPadding(): boolean {
    const start = this.position;
    while (isPadding(this.text.charCodeAt(this.position))) this.position += 1;
    return this.position > start;
  }

  private readUnquoted(): string {
    const { text } = this;
    const start = this.position;
    let index = start;
    for (; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === SEMICOLON || code === LF || code === CR) break;
    }
    this.position = index;
    return text.slice(start, index);
  }

  private readQuoted(): string {
    const { text } = this;
    const openedOn = this.lineNumber;
    let value = '';
    let start = this.position + 1;
    for (;;) {
      const close = text.indexOf('"', start);
      if (close === -1) {
        throw new PabulibError(openedOn, 'a quoted cell starts here but its closing quote (") is missing');
      }
      this.countLineBreaks(start, close);
      value += text.slice(start, close);
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        start = close + 2;
      } else {
        this.position = close + 1;
        return value;
      }
    }
  }

  private expectCellEnd(openedOn: number): void {
    const code = this.text.charCodeAt(this.position);
    if (this.position >= this.text.length || code === SEMICOLON || code === LF || code === CR) return;
    const found = this.text.slice(this.position, this.position + 20).split(/[\r\n]/)[0];
    if (openedOn !== this.lineNumber) {
      // A quoted cell running over several lines and then breaking down almost always means
      // its closing quote is missing on the line where it opened.
      throw new PabulibError(
        openedOn,
        `a quoted cell starts here and runs on to line ${this.lineNumber}, where "${found}" follows its closing quote; is a closing quote missing?`,
      );
    }
    throw new PabulibError(
      this.lineNumber,
      `unexpected text after a closing quote: "${found}"; a quote inside a quoted cell must be doubled ("")`,
    );
  }

  private skipLineBreak(): void {
    const code = this.text.charCodeAt(this.position);
    if (code === CR) {
      this.position += this.text.charCodeAt(this.position + 1) === LF ? 2 : 1;
      this.lineNumber += 1;
    } else if (code === LF) {
      this.position += 1;
      this.lineNumber += 1;
    }
  }

  private countLineBreaks(from: number, to: number): void {
    const { text } = this;
    for (let index = from; index < to; index += 1) {
      const code = text.charCodeAt(index);
      if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) this.lineNumber += 1;
    }
  }
}

/** Drops spaces and tabs (only those: NBSP and other Unicode spaces are data) around a cell. */
export function trimPadding(cell: string): string {
  let start = 0;
  let end = cell.length;
  while (start < end && isPadding(cell.charCodeAt(start))) start += 1;
  while (end > start && isPadding(cell.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === cell.length ? cell : cell.slice(start, end);
}

const NEEDS_QUOTES = /[;"\r\n]/;

/** A cell as it must be written so that `CsvReader` reads back exactly `value`. */
export function quoteCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Sets `record[key]` as an own, plain property even for a hostile key such as `__proto__`,
 * which plain assignment would turn into a prototype change and lose.
 */
export function setEntry(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
