/** Human Tone's engine: pure TypeScript, no DOM, no extension API. Runs in Node, pages and workers. */
export { analyze, validateExtraRules, BASE_SCORE, THRESHOLDS, MAX_ANALYZED } from './analyze.js';
export { applySuggestion, replaceSpan, minimalEdit, type Edit } from './apply.js';
export { detectLanguage } from './lang.js';
export { categoryInfo, ruleList, RULES_VERSION } from './catalog.js';
export * from './types.js';
