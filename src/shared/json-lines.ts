/**
 * JSON.parse that also says where each value starts, so that an error about `rules.2.severity` can
 * name line 31 of the file. A small strict JSON reader (RFC 8259: no comments, no trailing commas);
 * a syntax error names its line and column. Duplicate keys: the last one wins, as in JSON.parse.
 */

import { en as GUIDE_FILE_EN } from '../i18n/guideFile.generated.js';
import { say, type Words } from './words.js';

export type JsonPath = readonly (string | number)[];

export interface Located {
  value: unknown;
  /** 1-based line where the value at `path` starts (its key's line for an object member); the nearest known parent otherwise. */
  lineOf(path: JsonPath): number;
}

/** A syntax error: what is wrong (catalogue part `guideFile`, keys json_*), and where. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly words: Words,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${say(GUIDE_FILE_EN, words)}`);
  }
}

const pathKey = (path: JsonPath) => path.map((p) => String(p).replace(/\\/g, '\\\\').replace(/\//g, '\\/')).join('/');

export function parseJsonWithLines(text: string): Located {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  // A byte-order mark at the start is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) i = 1;

  const fail = (key: string, vars: Words['vars'] = {}, at = i): never => {
    // Line and column of `at` (count from the last known line start when possible).
    let l = 1;
    let start = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text[k] === '\n') {
        l++;
        start = k + 1;
      }
    }
    throw new JsonSyntaxError({ key, vars }, l, at - start + 1);
  };
  const describe = (ch: string | undefined): string | Words => (ch === undefined ? { key: 'theEnd' } : `"${ch}"`);

  const space = () => {
    for (;;) {
      const ch = text[i];
      if (ch === '\n') {
        line++;
        i++;
      } else if (ch === ' ' || ch === '\t' || ch === '\r') i++;
      else return;
    }
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('json_unclosed', {}, start);
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\n' || (ch !== undefined && ch < ' ')) fail('json_lineBreak');
      if (ch === '\\') {
        const esc = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          i += 2;
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('json_escape', { escape: esc ?? '' });
      } else {
        out += ch;
        i++;
      }
    }
  };

  const value = (path: (string | number)[]): unknown => {
    space();
    lines.set(pathKey(path), line);
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      space();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('json_key', { found: describe(text[i]) });
        const keyLine = line;
        const key = string();
        space();
        if (text[i] !== ':') fail('json_colon', { key, found: describe(text[i]) });
        i++;
        path.push(key);
        const v = value(path);
        // An object member is reported at its key.
        lines.set(pathKey(path), keyLine);
        path.pop();
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('json_objectNext', { key, found: describe(text[i]) });
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        path.push(arr.length);
        arr.push(value(path));
        path.pop();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('json_listNext', { found: describe(text[i]) });
      }
    }
    if (ch === '"') return string();
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '-') {
      i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail('json_value', { found: describe(ch) });
  };

  const result = value([]);
  space();
  if (i < text.length) fail('json_trailing', { found: describe(text[i]) });
  return {
    value: result,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const l = lines.get(pathKey(path.slice(0, n)));
        if (l !== undefined) return l;
      }
      return 1;
    },
  };
}
