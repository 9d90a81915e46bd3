/**
 * Export an analysis as a PNG: drawn on a canvas with the 2D API (text, underlines, score), so the
 * image holds exactly what the studio shows and no markup is involved.
 */
import type { Category, Result } from '../engine/types.js';
import { CATEGORY_COLORS } from '../shared/colors.js';

export interface Picture {
  title: string;
  text: string;
  context: string;
  result: Result;
}

const COLORS = CATEGORY_COLORS;
const VERDICT = { human: '#15803d', mixed: '#b45309', scripted: '#b91c1c', unknown: '#6b7280' } as const;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

interface Run {
  text: string;
  category?: Category;
}

function runs(text: string, result: Result): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const f of result.flags) {
    if (f.start > pos) out.push({ text: text.slice(pos, f.start) });
    out.push({ text: text.slice(f.start, f.end), category: f.category });
    pos = f.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

/** Lays out word pieces with their run's category; returns the height used. */
function drawRuns(ctx: CanvasRenderingContext2D, pieces: Run[], x0: number, y0: number, width: number, lineHeight: number, draw: boolean): number {
  let x = x0;
  let y = y0;
  for (const run of pieces) {
    for (const part of run.text.split(/(\s+)/)) {
      if (!part) continue;
      if (part.includes('\n')) {
        x = x0;
        y += lineHeight * (part.split('\n').length - 1);
        continue;
      }
      const w = ctx.measureText(part).width;
      if (x + w > x0 + width && /\S/.test(part) && x > x0) {
        x = x0;
        y += lineHeight;
      }
      if (/^\s+$/.test(part) && x === x0) continue;
      if (draw) {
        ctx.fillText(part, x, y);
        if (run.category) {
          ctx.strokeStyle = COLORS[run.category];
          ctx.lineWidth = 2.5;
          ctx.beginPath();
          ctx.moveTo(x, y + 5);
          ctx.lineTo(x + w, y + 5);
          ctx.stroke();
        }
      }
      x += w;
    }
  }
  return y - y0 + lineHeight;
}

export function drawPictures(canvas: HTMLCanvasElement, pictures: Picture[], heading: string): void {
  const width = 1000;
  const pad = 40;
  const inner = (width - pad * 3) / Math.max(1, pictures.length);
  const ctx = canvas.getContext('2d')!;
  // Measure first, then draw at the right height.
  const measure = (draw: boolean): number => {
    let maxY = 0;
    pictures.forEach((p, i) => {
      const x0 = pad + i * (inner + pad);
      let y = pad + 30;
      ctx.font = `600 22px ${FONT}`;
      ctx.fillStyle = '#111';
      if (draw) ctx.fillText(p.title, x0, y);
      y += 34;
      ctx.font = `700 40px ${FONT}`;
      ctx.fillStyle = VERDICT[p.result.verdict];
      if (draw) ctx.fillText(p.result.verdict === 'unknown' ? '–' : String(p.result.score), x0, y + 10);
      ctx.font = `600 20px ${FONT}`;
      if (draw) ctx.fillText(p.result.verdict, x0 + 80, y + 4);
      y += 50;
      if (p.context.trim()) {
        ctx.font = `italic 17px ${FONT}`;
        ctx.fillStyle = '#4b5563';
        y += drawRuns(ctx, [{ text: p.context }], x0, y, inner, 24, draw) + 12;
      }
      ctx.font = `20px ${FONT}`;
      ctx.fillStyle = '#111';
      y += drawRuns(ctx, runs(p.text, p.result), x0, y, inner, 30, draw) + 16;
      ctx.font = `15px ${FONT}`;
      for (const f of p.result.flags.slice(0, 8)) {
        ctx.fillStyle = COLORS[f.category];
        if (draw) ctx.fillRect(x0, y - 11, 10, 10);
        ctx.fillStyle = '#111';
        y += drawRuns(ctx, [{ text: `“${f.text}”: ${f.message}` }], x0 + 18, y, inner - 18, 21, draw) + 4;
      }
      maxY = Math.max(maxY, y);
    });
    return maxY + pad;
  };
  canvas.width = width;
  canvas.height = 200;
  const height = measure(false);
  canvas.width = width;
  canvas.height = Math.ceil(height + 30);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = `14px ${FONT}`;
  ctx.fillStyle = '#6b7280';
  ctx.fillText(heading, pad, 28);
  measure(true);
}

export async function picturesToPng(pictures: Picture[], heading: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  drawPictures(canvas, pictures, heading);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/png'));
}
