import { readFileSync } from 'node:fs';
import { analyze } from '../src/engine/index.js';
const pairs = readFileSync('/work/shared/data/twcs_pairs.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
for (let i=0;i<30;i++) for (const p of pairs) analyze(p.reply,{context:p.customer??undefined});
