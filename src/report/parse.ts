/**
 * Reading a team's replies for the report: CSV (RFC 4180, `,` `;` or tab, header row required) or
 * JSON Lines. Pure: no DOM, no Node API, so the same code runs in the command line and in a Web Worker.
 *
 * Every problem is reported against the physical line it starts on ("line 12: ...") and the good
 * lines are kept. `parseReplies` reads a whole text; `ReplyParser` takes it in chunks (a stream).
 */

export type ReplyFormat = 'csv' | 'jsonl';

export interface ReplyRow {
  /** The physical line (1-based) the reply starts on. */
  line: number;
  text: string;
  /** The message being answered. */
  context?: string;
  /** The display name of the person being answered. */
  author?: string;
  id?: string;
  date?: string;
  /** The reply's language when the file says so (`en` or `nl`); otherwise detected. */
  lang?: 'en' | 'nl';
}

export interface LineError {
  /** Physical line (1-based); 0 for a problem with the whole file. */
  line: number;
  message: string;
}

export interface ParseResult {
  format: ReplyFormat;
  rows: ReplyRow[];
  errors: LineError[];
}

export interface ParseOptions {
  /** Skip detection and read the input as this format. */
  format?: ReplyFormat;
}

/** Column names (compared lowercase, with spaces and hyphens as `_`), best first. */
export const COLUMN_ALIASES = {
  text: ['text', 'reply', 'message', 'antwoord', 'bericht', 'tekst', 'body', 'content', 'reply_text', 'response', 'reactie'],
  context: ['context', 'customer', 'klant', 'vraag', 'question', 'in_response_to', 'customer_message', 'klantvraag'],
  author: ['author', 'name', 'naam', 'customer_name', 'klantnaam'],
  id: ['id', 'reply_id', 'message_id', 'tweet_id'],
  date: ['date', 'created_at', 'datum', 'timestamp', 'time', 'sent_at'],
} as const;

type Field = keyof typeof COLUMN_ALIASES;

/** JSON Lines keys, best first (`human-tone check --jsonl` reads the same ones). */
export const JSON_KEYS: Record<Field, readonly string[]> = {
  text: ['text', 'reply'],
  context: ['context', 'customer'],
  author: ['author'],
  id: ['id'],
  date: ['date', 'created_at'],
};

/** The format from the file name, or else from the first character that is not white space. */
export function detectFormat(text: string, name?: string): ReplyFormat {
  return formatFromName(name) ?? formatFromContent(text) ?? 'csv';
}

export function parseReplies(text: string, name?: string, options: ParseOptions = {}): ParseResult {
  const parser = new ReplyParser({ ...options, name });
  const a = parser.push(text);
  const b = parser.end();
  return { format: parser.format ?? 'csv', rows: [...a.rows, ...b.rows], errors: [...a.errors, ...b.errors] };
}

// ---------------------------------------------------------------- JSON Lines

function optionalString(rec: Record<string, unknown>, keys: readonly string[], numbers: boolean): string | undefined | { error: string } {
  for (const key of keys) {
    const v = rec[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') return v;
    if (numbers && typeof v === 'number' && Number.isFinite(v)) return String(v);
    return { error: `"${key}" must be a ${numbers ? 'string or a number' : 'string'}` };
  }
  return undefined;
}

/**
 * One JSON Lines line (without its line break) into a reply or an error. A blank line gives `null`.
 * Stream-friendly: feed it lines as they come.
 */
export function parseJsonlLine(raw: string, line: number): ReplyRow | LineError | null {
  const s = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (s.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (e) {
    return { line, message: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, message: Array.isArray(value) ? 'a JSON array, expected one object per line like {"text": "..."}' : 'expected an object like {"text": "..."}' };
  }
  const rec = value as Record<string, unknown>;
  const text = optionalString(rec, JSON_KEYS.text, false);
  if (text === undefined) return { line, message: 'no text field (expected "text" or "reply")' };
  if (typeof text !== 'string') return { line, message: text.error };
  if (text.trim() === '') return { line, message: 'the text is empty' };
  const row: ReplyRow = { line, text };
  for (const field of ['context', 'author', 'id', 'date'] as const) {
    const v = optionalString(rec, JSON_KEYS[field], field === 'id' || field === 'date');
    if (typeof v === 'object') return { line, message: v.error };
    if (v !== undefined && v !== '') row[field] = v;
  }
  if (rec.lang === 'en' || rec.lang === 'nl') row.lang = rec.lang;
  return row;
}

// ---------------------------------------------------------------- CSV

/** One CSV record: its fields and the physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * An incremental RFC 4180 reader: quoted fields may hold the delimiter, doubled quotes and line
 * breaks. Lenient where real exports are sloppy: a quote inside an unquoted field is kept as text.
 * Line breaks are CRLF, LF or a lone CR; inside quotes they become LF. Blank lines make no record.
 */
export class CsvReader {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private quoteSeen = false; // inside quotes, a `"` that may close the field or start a doubled quote
  private afterCR = false; // the last character was a CR (its LF may come in the next chunk)
  private atFieldStart = true;
  private hasContent = false;
  private lineNo = 1;
  private recordLine = 1;

  constructor(readonly delimiter: string) {}

  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    const d = this.delimiter;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.afterCR) {
        this.afterCR = false;
        if (c === '\n') continue; // the LF of a CRLF, already counted
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; read c as unquoted
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else if (c === '\n' || c === '\r') {
          this.field += '\n';
          this.lineNo++;
          this.afterCR = c === '\r';
          continue;
        } else {
          // Copy the run of plain characters at once.
          let j = i + 1;
          while (j < chunk.length) {
            const x = chunk.charCodeAt(j);
            if (x === 34 || x === 10 || x === 13) break;
            j++;
          }
          this.field += chunk.slice(i, j);
          i = j - 1;
          continue;
        }
      }
      if (c === d) {
        this.fields.push(this.field);
        this.field = '';
        this.atFieldStart = true;
        this.hasContent = true;
      } else if (c === '\n' || c === '\r') {
        this.lineNo++;
        this.afterCR = c === '\r';
        this.endRecord(out);
      } else if (c === '"' && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        this.hasContent = true;
      } else {
        // Copy the run of plain characters at once.
        let j = i + 1;
        while (j < chunk.length) {
          const x = chunk[j]!;
          if (x === d || x === '"' || x === '\n' || x === '\r') break;
          j++;
        }
        this.field += chunk.slice(i, j);
        i = j - 1;
        this.atFieldStart = false;
        this.hasContent = true;
      }
    }
    return out;
  }

  /** Ends the input: the last record, and the line of a quoted field left open (its record is dropped). */
  end(out: CsvRecord[] = []): { records: CsvRecord[]; unclosedQuoteLine?: number } {
    if (this.inQuotes && !this.quoteSeen) {
      const line = this.recordLine;
      this.reset();
      return { records: out, unclosedQuoteLine: line };
    }
    this.endRecord(out);
    return { records: out };
  }

  private endRecord(out: CsvRecord[]) {
    if (this.hasContent) {
      this.fields.push(this.field);
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.reset();
  }

  private reset() {
    this.field = '';
    this.fields = [];
    this.inQuotes = false;
    this.quoteSeen = false;
    this.atFieldStart = true;
    this.hasContent = false;
    this.recordLine = this.lineNo;
  }
}

/** The delimiter of a header line: the most frequent of `,` `;` tab outside quotes (`,` when none). */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The header with the fields it maps, or the error for a file without a text column. */
export interface CsvColumns {
  names: string[];
  index: Partial<Record<Field, number>>;
}

const normName = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

export function mapColumns(header: readonly string[]): CsvColumns | { error: string } {
  const names = header.map(normName);
  const index: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  for (const field of ['text', 'context', 'author', 'id', 'date'] as const) {
    for (const alias of COLUMN_ALIASES[field]) {
      const i = names.findIndex((n, j) => n === alias && !taken.has(j));
      if (i >= 0) {
        index[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  if (index.text === undefined) {
    const shown = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter((h) => h !== '');
    const found = shown.length === 0 ? 'no column names' : `the columns ${shown.slice(0, 12).map((h) => JSON.stringify(h.length > 40 ? h.slice(0, 40) + '…' : h)).join(', ')}${shown.length > 12 ? ` and ${shown.length - 12} more` : ''}`;
    return {
      error: `no text column: the header row has ${found}; name the column with the replies one of: ${COLUMN_ALIASES.text.slice(0, 8).join(', ')}`,
    };
  }
  return { names: header.slice(), index };
}

function csvRow(rec: CsvRecord, cols: CsvColumns, delimiter: string): ReplyRow | LineError | null {
  const f = rec.fields;
  if (f.every((x) => x.trim() === '')) return null; // an empty row (Excel leaves ";;;" lines)
  const ti = cols.index.text!;
  let text = f[ti] ?? '';
  if (f.length > cols.names.length) {
    if (ti === cols.names.length - 1) text = f.slice(ti).join(delimiter); // the reply held the delimiter unquoted
    else {
      const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
      return { line: rec.line, message: `${f.length} fields but the header has ${cols.names.length} (a ${shown} inside an unquoted field? put the field in double quotes)` };
    }
  }
  if (text.trim() === '') return { line: rec.line, message: 'the text cell is empty' };
  const row: ReplyRow = { line: rec.line, text };
  for (const field of ['context', 'author', 'id', 'date'] as const) {
    const i = cols.index[field];
    const v = i === undefined ? undefined : f[i]?.trim();
    if (v) row[field] = field === 'context' ? f[i!]! : v;
  }
  return row;
}

// ---------------------------------------------------------------- both, in chunks

type Out = { rows: ReplyRow[]; errors: LineError[] };

function formatFromName(name: string | undefined): ReplyFormat | undefined {
  const ext = name?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') return 'jsonl';
  return undefined;
}

function formatFromContent(text: string): ReplyFormat | undefined {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === undefined) return undefined;
  return first === '{' || first === '[' ? 'jsonl' : 'csv';
}

/**
 * Replies from text that arrives in chunks (a file stream; `File.stream()` through a TextDecoder in a
 * worker). Each `push` returns the rows and errors completed so far; `end` returns the rest.
 */
export class ReplyParser {
  format: ReplyFormat | undefined;
  private readonly name: string | undefined;
  private pending = ''; // held back: before the format or the CSV header is known, or a partial JSON line
  private started = false; // the BOM has been looked at
  private lineNo = 0; // JSON Lines: lines completed
  private nonBlank = 0; // JSON Lines: lines that were not blank
  private csv: CsvReader | undefined;
  private columns: CsvColumns | undefined;
  private stopped = false; // nothing more can be read (no text column, a JSON array)

  constructor(options: ParseOptions & { name?: string | undefined } = {}) {
    this.format = options.format;
    this.name = options.name;
  }

  push(chunk: string): Out {
    const out: Out = { rows: [], errors: [] };
    if (this.stopped) return out;
    if (!this.started) {
      if (chunk.length === 0) return out;
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (!this.format) {
      this.pending += chunk;
      const format = formatFromName(this.name) ?? formatFromContent(this.pending);
      if (!format) return out;
      this.format = format;
      chunk = this.pending;
      this.pending = '';
    }
    if (this.format === 'jsonl') this.pushJsonl(chunk, out, false);
    else this.pushCsv(chunk, out);
    return out;
  }

  end(): Out {
    const out: Out = { rows: [], errors: [] };
    if (this.stopped) return out;
    if (!this.format) this.format = formatFromName(this.name) ?? 'csv';
    if (this.format === 'jsonl') {
      this.pushJsonl('', out, true);
      if (this.nonBlank === 0 && !this.stopped) out.errors.push({ line: 0, message: 'the file is empty' });
      return out;
    }
    if (!this.csv) {
      // The header line never ended: the file is the header alone, or empty.
      const all = this.pending;
      this.pending = '';
      if (all.trim() === '') {
        out.errors.push({ line: 0, message: 'the file is empty' });
        return out;
      }
      this.startCsv(all, out);
      if (this.stopped) return out;
    }
    const { records, unclosedQuoteLine } = this.csv!.end();
    this.csvRecords(records, out);
    if (unclosedQuoteLine !== undefined) {
      out.errors.push({ line: unclosedQuoteLine, message: 'a quoted field is never closed (a missing "?); the rest of the file was read as part of it' });
    }
    return out;
  }

  private pushJsonl(chunk: string, out: Out, final: boolean) {
    // Only the new chunk is searched for line breaks, so a long line arriving in many chunks stays linear.
    let from = 0;
    for (;;) {
      if (this.stopped) return;
      const nl = chunk.indexOf('\n', from);
      if (nl < 0) break;
      const line = this.pending + chunk.slice(from, nl);
      this.pending = '';
      this.jsonLine(line, out);
      from = nl + 1;
    }
    this.pending += chunk.slice(from);
    if (final) {
      if (this.pending !== '' && !this.stopped) this.jsonLine(this.pending, out);
      this.pending = '';
    }
  }

  private jsonLine(raw: string, out: Out) {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    this.nonBlank++;
    if (this.nonBlank === 1 && line.trimStart().startsWith('[')) {
      out.errors.push({ line: this.lineNo, message: 'this is a JSON array; the report reads JSON Lines (one object per line, like {"text": "..."}) or CSV' });
      this.stopped = true;
      return;
    }
    const r = parseJsonlLine(line, this.lineNo);
    if (r === null) return;
    if ('text' in r) out.rows.push(r);
    else out.errors.push(r);
  }

  private pushCsv(chunk: string, out: Out) {
    if (this.csv) {
      this.csvRecords(this.csv.push(chunk), out);
      return;
    }
    // Hold the text back until the header line is complete: the delimiter is read from it.
    this.pending += chunk;
    if (this.header.find(this.pending) < 0) return;
    const all = this.pending;
    this.pending = '';
    this.startCsv(all, out);
  }

  private readonly header = new HeaderEnd();

  private startCsv(all: string, out: Out) {
    const end = this.header.find(all);
    this.csv = new CsvReader(detectDelimiter(end < 0 ? all : all.slice(0, end)));
    this.csvRecords(this.csv.push(all), out);
  }

  private csvRecords(records: CsvRecord[], out: Out) {
    for (const rec of records) {
      if (this.stopped) return;
      if (!this.columns) {
        if (rec.fields.every((x) => x.trim() === '')) continue; // blank rows before the header
        const cols = mapColumns(rec.fields);
        if ('error' in cols) {
          out.errors.push({ line: rec.line, message: cols.error });
          this.stopped = true;
          return;
        }
        this.columns = cols;
        continue;
      }
      const r = csvRow(rec, this.columns, this.csv!.delimiter);
      if (r === null) continue;
      if ('text' in r) out.rows.push(r);
      else out.errors.push(r);
    }
  }
}

/**
 * Finds the line break that ends the first non-blank line (outside quotes) in a text that only grows:
 * each call goes on where the last one stopped.
 */
class HeaderEnd {
  private pos = 0;
  private quoted = false;
  private seen = false;
  private found = -1;

  find(s: string): number {
    if (this.found >= 0) return this.found;
    for (let i = this.pos; i < s.length; i++) {
      const c = s[i]!;
      if (c === '"') this.quoted = !this.quoted;
      else if (!this.quoted && (c === '\n' || c === '\r')) {
        if (this.seen) return (this.found = i);
      } else if (c.trim() !== '') this.seen = true;
    }
    this.pos = s.length;
    return -1;
  }
}

/** "line 12: not valid JSON (...)", or the message alone for a problem with the whole file. */
export function formatLineError(e: LineError): string {
  return e.line > 0 ? `line ${e.line}: ${e.message}` : e.message;
}
