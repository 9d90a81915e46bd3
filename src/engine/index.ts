/** Human Tone's engine: pure TypeScript, no DOM, no extension API. Runs in Node, pages and workers. */
export { analyze, validateExtraRules, BASE_SCORE, MAX_ANALYZED } from './analyze.js';
export { THRESHOLDS } from './types.js';
export { applySuggestion, replaceSpan, minimalEdit, type Edit } from './apply.js';
export { detectLanguage } from './lang.js';
export { categoryInfo, ruleList, RULES_VERSION } from './catalog.js';
export * from './types.js';
export { emptyEngagement } from './engage.js';
