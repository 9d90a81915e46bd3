/** One colour per category, shared by the underlines, the studio and the PNG export. */
import type { Category } from '../engine/types.js';

export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  scripted: '#d97706',
  process: '#7c3aed',
  anonymous: '#2563eb',
  broadcast: '#db2777',
  evasive: '#0d9488',
  formal: '#4b5563',
  unempathetic: '#dc2626',
  privacy: '#4d7c0f',
};
