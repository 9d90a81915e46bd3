/**
 * JSON.parse that also says where each value starts, so that an error about `rules.2.severity` can
 * name line 31 of the file. A small strict JSON reader (RFC 8259: no comments, no trailing commas);
 * a syntax error names its line and column. Duplicate keys: the last one wins, as in JSON.parse.
 */

export type JsonPath = readonly (string | number)[];

export interface Located {
  value: unknown;
  /** 1-based line where the value at `path` starts (its key's line for an object member); the nearest known parent otherwise. */
  lineOf(path: JsonPath): number;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

const pathKey = (path: JsonPath) => path.map((p) => String(p).replace(/\\/g, '\\\\').replace(/\//g, '\\/')).join('/');

export function parseJsonWithLines(text: string): Located {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  // A byte-order mark at the start is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) i = 1;

  const fail = (reason: string, at = i): never => {
    // Line and column of `at` (count from the last known line start when possible).
    let l = 1;
    let start = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text[k] === '\n') {
        l++;
        start = k + 1;
      }
    }
    throw new JsonSyntaxError(reason, l, at - start + 1);
  };
  const describe = (ch: string | undefined) => (ch === undefined ? 'the end of the file' : `"${ch}"`);

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
      if (ch === undefined) fail('a text is not closed with "', start);
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\n' || (ch !== undefined && ch < ' ')) fail('a line break or control character inside a text (write \\n)');
      if (ch === '\\') {
        const esc = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          i += 2;
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`an unknown escape \\${esc ?? ''}`);
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
        if (text[i] !== '"') fail(`expected a key in quotes, found ${describe(text[i])}`);
        const keyLine = line;
        const key = string();
        space();
        if (text[i] !== ':') fail(`expected ":" after the key "${key}", found ${describe(text[i])}`);
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
        fail(`expected "," or "}" after the value of "${key}", found ${describe(text[i])}`);
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
        fail(`expected "," or "]" in a list, found ${describe(text[i])}`);
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
    return fail(`expected a value, found ${describe(ch)}`);
  };

  const result = value([]);
  space();
  if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON`);
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
