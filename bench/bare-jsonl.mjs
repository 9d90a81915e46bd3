// The floor for `human-tone check --jsonl`: a bare Node script that only reads each JSON line and
// writes a small JSON result, streaming like the CLI. npm run bench times both on the same file.
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';

const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
const out = [];
let n = 0;
for await (const line of rl) {
  if (!line) continue;
  const rec = JSON.parse(line);
  out.push(JSON.stringify({ n: ++n, length: typeof rec.text === 'string' ? rec.text.length : 0 }));
  if (out.length >= 1000) process.stdout.write(out.splice(0).join('\n') + '\n');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
