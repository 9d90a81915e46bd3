const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { readFileSync } from 'node:fs';
import { analyze as neu } from '../src/engine/index.js';
// @ts-ignore
import { analyze as old } from '/tmp/wt-old/src/engine/index.ts';
const pairs = readFileSync('/work/shared/data/twcs_pairs.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const reps = readFileSync('/work/shared/data/twcs_replies_only_12brands.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l).reply).slice(0,4000);
const run = (f: any, ctx: boolean) => { const t=cpu(); if (ctx) for (const p of pairs) f(p.reply,{context:p.customer??undefined}); else for (const r of reps) f(r); return (cpu()-t)*1000/(ctx?pairs.length:reps.length); };
for (let i=0;i<3;i++) { run(neu,true); run(old,true); run(neu,false); run(old,false); }
const res: Record<string, number[]> = { newNo: [], oldNo: [], newCtx: [], oldCtx: [] };
for (let i=0;i<6;i++) { res.newNo!.push(run(neu,false)); res.oldNo!.push(run(old,false)); res.newCtx!.push(run(neu,true)); res.oldCtx!.push(run(old,true)); }
const med = (a: number[]) => a.sort((x,y)=>x-y)[a.length>>1]!;
console.log(`no ctx: new ${med(res.newNo!).toFixed(1)} old ${med(res.oldNo!).toFixed(1)} ratio ${(med(res.newNo!)/med(res.oldNo!)).toFixed(2)}; ctx: new ${med(res.newCtx!).toFixed(1)} old ${med(res.oldCtx!).toFixed(1)} ratio ${(med(res.newCtx!)/med(res.oldCtx!)).toFixed(2)}`);
