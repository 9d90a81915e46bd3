/** Reading replies for the team report: CSV and JSON Lines, line numbers, aliases, bad lines. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CsvReader, type CsvRecord, detectDelimiter, detectFormat, formatLineError, parseJsonlLine, parseReplies, ReplyParser, type ParseResult } from '../../src/report/parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Feeds `text` to a ReplyParser in pieces cut at `cuts`. */
function chunked(text: string, cuts: number[], name?: string): ParseResult {
  const p = new ReplyParser({ name });
  const rows: ParseResult['rows'] = [];
  const errors: ParseResult['errors'] = [];
  let from = 0;
  for (const c of [...cuts, text.length]) {
    const out = p.push(text.slice(from, c));
    rows.push(...out.rows);
    errors.push(...out.errors);
    from = c;
  }
  const out = p.end();
  rows.push(...out.rows);
  errors.push(...out.errors);
  return { format: p.format!, rows, errors };
}

describe('CSV', () => {
  test('quoted fields with commas, doubled quotes and line breaks; errors name the physical line', () => {
    const r = parseReplies(fixture('replies.csv'), 'replies.csv');
    expect(r.format).toBe('csv');
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4, 8]);
    expect(r.rows[0]).toEqual({
      line: 2,
      id: '1',
      author: 'Priya',
      text: 'We apologize for any inconvenience, please DM us your account number.',
      context: 'My parcel is lost!',
      date: '2024-05-01',
    });
    expect(r.rows[2]!.text).toBe('He said "thanks"\nand then\nsigned off, happy.');
    expect(r.rows[2]!.context).toBeUndefined();
    expect(r.rows[3]!.text).toBe('Thanks Ana! I put the refund through myself; it lands on Friday. ^KM');
    expect(r.errors.map(formatLineError)).toEqual([
      'line 7: the text cell is empty',
      'line 9: 6 fields but the header has 5 (a "," inside an unquoted field? put the field in double quotes)',
    ]);
  });

  test('Dutch Excel export: BOM, ";" delimiter, CRLF, Dutch column names, empty rows skipped', () => {
    const r = parseReplies(fixture('replies-nl.csv'), 'antwoorden.csv');
    expect(r.rows.map((x) => [x.line, x.author, x.context, x.date])).toEqual([
      [2, 'Jan', 'Mijn pakket is kwijt', '1-5-2024'],
      [3, 'Els', 'Waar blijft mijn pakket?', '2-5-2024'],
      [5, 'Piet', 'Ik wacht al drie weken!', '3-5-2024'],
    ]);
    expect(r.rows[0]!.text).toBe('Wij betreuren het ongemak; neem contact op met de klantenservice.');
    expect(r.rows[1]!.text).toBe('Hoi Els, sorry! Ik heb je pakket zelf nagevraagd, het komt morgen voor 12 uur. Groet, Kim');
    expect(r.rows[2]!.text).toBe('Beste Piet,\nUw klacht is in behandeling genomen.\nMet vriendelijke groet, Team Klantenservice');
    expect(r.errors).toEqual([{ line: 8, message: 'the text cell is empty' }]);
  });

  test('tab-separated, header aliases in any case, quoted header names', () => {
    const r = parseReplies('"Bericht"\tVraag\tNAME\tID\tcreated_at\nHallo daar\tWaar is het?\tJo\t7\t2024\n', 'x.tsv');
    expect(r.rows).toEqual([{ line: 2, text: 'Hallo daar', context: 'Waar is het?', author: 'Jo', id: '7', date: '2024' }]);
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('text')).toBe(',');
  });

  for (const [alias, column] of [
    ['reply', 'text'],
    ['message', 'text'],
    ['antwoord', 'text'],
    ['tekst', 'text'],
    ['body', 'text'],
    ['content', 'text'],
    ['klant', 'context'],
    ['question', 'context'],
    ['in_response_to', 'context'],
    ['naam', 'author'],
    ['customer_name', 'author'],
  ] as const) {
    test(`column "${alias}" is the ${column}`, () => {
      const header = column === 'text' ? alias : `text,${alias}`;
      const row = column === 'text' ? 'the reply' : 'the reply,the value';
      const r = parseReplies(`${header}\n${row}\n`, 'x.csv');
      expect(r.errors).toEqual([]);
      expect(r.rows[0]!.text).toBe('the reply');
      if (column !== 'text') expect(r.rows[0]![column]).toBe('the value');
    });
  }

  test('a file without a text column: one error that names the columns found', () => {
    const r = parseReplies('id;kanaal;inhoud_bericht\n1;x;Hallo\n2;y;Hoi\n', 'x.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(1);
    expect(r.errors[0]!.message).toMatch(/no text column/);
    expect(r.errors[0]!.message).toContain('"id", "kanaal", "inhoud_bericht"');
    expect(r.errors[0]!.message).toMatch(/text, reply, message, antwoord/);
  });

  test('a single text column whose replies hold unquoted commas', () => {
    const r = parseReplies('text\nHi Sam, sorry, I will check it now.\n');
    expect(r.rows[0]!.text).toBe('Hi Sam, sorry, I will check it now.');
  });

  test('line numbers stay right after quoted line breaks, CRLF inside quotes, lone CR', () => {
    const csv = 'text,id\r\n"one\r\ntwo",1\r\n,2\r\n"three\nfour\nfive",3\r,4\r\nsix,5';
    const r = parseReplies(csv);
    expect(r.rows.map((x) => [x.line, x.text])).toEqual([
      [2, 'one\ntwo'],
      [5, 'three\nfour\nfive'],
      [9, 'six'],
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 8]);
  });

  test('a quote left open is reported on the line it opened', () => {
    const r = parseReplies('text\ngood one\n"never closed\nbad\n');
    expect(r.rows.map((x) => x.text)).toEqual(['good one']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(3);
    expect(r.errors[0]!.message).toMatch(/never closed/);
  });

  test('the CSV reader gives the same records whatever the chunking', () => {
    const csv = 'a,b\r\n"x ""y""\r\nz",2\r\n\r\n"",3\n"q"';
    const whole = new CsvReader(',');
    const expected = whole.end(whole.push(csv)).records;
    expect(expected.map((r) => r.fields)).toEqual([['a', 'b'], ['x "y"\nz', '2'], ['', '3'], ['q']]);
    for (let size = 1; size <= 5; size++) {
      const r = new CsvReader(',');
      const out: CsvRecord[] = [];
      for (let i = 0; i < csv.length; i += size) r.push(csv.slice(i, i + size), out);
      expect(r.end(out).records).toEqual(expected);
    }
  });
});

describe('JSON Lines', () => {
  test('aliases, blank lines skipped, bad lines reported with their line, good lines kept', () => {
    const r = parseReplies(fixture('replies.jsonl'), 'replies.jsonl');
    expect(r.format).toBe('jsonl');
    expect(r.rows).toEqual([
      { line: 1, id: 'a1', text: 'We apologize for any inconvenience caused.', context: 'Broken again!', author: 'Dee' },
      { line: 2, id: '2', text: 'Please DM us your order number and we will look into it.', context: 'Where is my order?', date: '2024-05-01' },
      { line: 7, text: 'Thanks Kim, I fixed the address myself just now, so the parcel goes out today. ^AB', author: 'Kim', date: '1714600000' },
    ]);
    const messages = r.errors.map(formatLineError);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toMatch(/^line 4: not valid JSON \(.+\)$/);
    expect(messages[1]).toBe('line 5: no text field (expected "text" or "reply")');
    expect(messages[2]).toBe('line 6: the text is empty');
    expect(messages[3]).toMatch(/^line 8: a JSON array/);
    expect(messages[4]).toBe('line 9: "text" must be a string');
  });

  test('one line at a time', () => {
    expect(parseJsonlLine('   ', 3)).toBeNull();
    expect(parseJsonlLine('\uFEFF{"text":"hi","lang":"nl"}', 1)).toEqual({ line: 1, text: 'hi', lang: 'nl' });
    expect(parseJsonlLine('{"text":"hi","lang":"fr"}', 1)).toEqual({ line: 1, text: 'hi' });
    expect(parseJsonlLine('{"text":"hi","context":5}', 2)).toEqual({ line: 2, message: '"context" must be a string' });
    expect(parseJsonlLine('"just a string"', 2)).toMatchObject({ line: 2, message: expect.stringMatching(/expected an object/) });
  });

  test('BOM and CRLF', () => {
    const r = parseReplies('\uFEFF{"text":"one"}\r\n{"text":"two"}\r\n');
    expect(r.format).toBe('jsonl');
    expect(r.rows).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
    ]);
    expect(r.errors).toEqual([]);
  });

  test('a JSON array file gets one clear error', () => {
    const r = parseReplies('[\n{"text":"a"},\n{"text":"b"}\n]\n', 'x.json');
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/JSON array.*JSON Lines/);
  });
});

describe('format and streaming', () => {
  test('format from the name, else from the content; forced format', () => {
    expect(detectFormat('{"text":"x"}', 'a.csv')).toBe('csv');
    expect(detectFormat('text\nx', 'a.jsonl')).toBe('jsonl');
    expect(detectFormat('\n  {"text":"x"}')).toBe('jsonl');
    expect(detectFormat('text\nx', 'a.txt')).toBe('csv');
    expect(parseReplies('{"text":"x"}\n', undefined, { format: 'csv' }).errors[0]!.message).toMatch(/no text column/);
  });

  test('empty input', () => {
    expect(parseReplies('').errors).toEqual([{ line: 0, message: 'the file is empty' }]);
    expect(parseReplies('\n\n', 'a.jsonl').errors).toEqual([{ line: 0, message: 'the file is empty' }]);
    expect(formatLineError({ line: 0, message: 'the file is empty' })).toBe('the file is empty');
  });

  test('a header and no rows is not an error', () => {
    expect(parseReplies('text,context\n')).toEqual({ format: 'csv', rows: [], errors: [] });
  });

  test('chunked input gives the same result as the whole text', () => {
    for (const [name, text] of [
      ['replies.csv', fixture('replies.csv')],
      ['replies-nl.csv', fixture('replies-nl.csv')],
      ['replies.jsonl', fixture('replies.jsonl')],
      [undefined, fixture('replies-nl.csv')],
    ] as const) {
      const whole = parseReplies(text, name);
      for (const size of [1, 2, 3, 7, 64]) {
        const cuts = [];
        for (let i = size; i < text.length; i += size) cuts.push(i);
        expect(chunked(text, cuts, name), `${name} in pieces of ${size}`).toEqual(whole);
      }
    }
  });
});
