/**
 * The features a score is made of, measured from a reply's flags, cues and engagement, and the
 * score itself: rules/score.yaml's starting point plus each feature's weight times its value.
 * The same code measures the features for fitting the weights (scripts/fit-score.ts), so what was
 * fitted is what runs.
 */
import type { Cue, Engagement, Flag, Lang, ScoreStep, Strictness } from './types.js';

export const FEATURE_IDS = [
  'scripted',
  'process',
  'broadcast',
  'evasive',
  'formal',
  'unempathetic',
  'privacy',
  'problem',
  'warnings',
  'corporate-we',
  'unsigned',
  'first-person',
  'signed',
  'uses-name',
  'acknowledges',
  'owns-mistake',
  'substance',
  'echo',
  'echo-number',
  'cause',
  'own-question',
  'next-step',
  'nothing-specific',
  'push-only',
  'cold-to-feeling',
  'unanswered',
  'answers-thanks',
  'short-and-plain',
] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export interface ScoreFeature {
  id: string;
  cap: number;
  weight: number;
  label: { en: string; nl: string };
}
export interface ScoreModelData {
  base: number;
  features: ScoreFeature[];
}

/** Checks that only inform: their flags move no score (the reader learns something, nothing is wrong). */
const NO_FEATURE = new Set(['no-voice']);

/** Checks whose judgement is a feature of its own (not counted again under their category). */
const OWN_FEATURE: Record<string, FeatureId> = {
  unsigned: 'unsigned',
  'corporate-we': 'corporate-we',
  'department-signoff': 'corporate-we',
  'nothing-specific': 'nothing-specific',
  'push-only': 'push-only',
  'unacknowledged-distress': 'cold-to-feeling',
  'left-unanswered': 'unanswered',
};


/** Whole-reply judgements that follow from the engagement (also used to place their flags). */
export function engagementJudgements(e: Engagement): { nothingSpecific: boolean; pushOnly: boolean; cold: boolean; unanswered: boolean } {
  const engaged = e.level === 'engaged';
  return {
    nothingSpecific: e.level !== 'engaged' && e.substance.length < 3 && !e.thanked,
    // Asking for a DM is fine when the reply also engages outside that request (explains, answers, asks its own question).
    pushOnly: e.push !== null && e.beyondPush < 3 && e.cause === null && e.nextStep === null && !e.thanked,
    // Echoing their words or asking a question does not make up for ignoring how they feel; an
    // explanation, a next step or a real answer (several words of its own) is doing something concrete.
    cold: e.heat !== null && !e.acknowledged && e.cause === null && e.nextStep === null && e.beyondPush < 6,
    unanswered: e.compared && e.asked !== null && !engaged,
  };
}

export function measureFeatures(flags: readonly Flag[], cues: readonly Cue[], e: Engagement, checkOf: (rule: string) => string | undefined): Record<FeatureId, number> {
  let scripted = 0, process = 0, broadcast = 0, evasive = 0, formal = 0, unempathetic = 0, privacy = 0;
  let problem = 0, warnings = 0, corporateWe = 0, unsigned = 0;
  for (const flag of flags) {
    const check = checkOf(flag.rule);
    if (check && NO_FEATURE.has(check)) continue;
    const own = check ? OWN_FEATURE[check] : undefined;
    if (own) {
      // Judged from the engagement below (nothing-specific, push-only, cold) or a yes/no of its own.
      if (own === 'unsigned') unsigned = 1;
      else if (own === 'corporate-we') corporateWe = 1;
    } else {
      switch (flag.category) {
        case 'scripted': scripted++; break;
        case 'process': process++; break;
        case 'broadcast': broadcast++; break;
        case 'evasive': evasive++; break;
        case 'formal': formal++; break;
        case 'unempathetic': unempathetic++; break;
        case 'privacy': privacy++; break;
        default: corporateWe = 1;
      }
    }
    if (flag.severity === 'problem') problem = 1;
    // A stock formula counts under its category; "warnings" are the other phrases a trainer stops at.
    else if (flag.severity === 'warning' && !own && flag.category !== 'scripted') warnings++;
  }
  // A person's voice counts when it says something of its own: a signature does not rescue a template.
  const j = engagementJudgements(e);
  // ...and the lack of one does not sink a specific answer: where the reply engages (and is more than a
  // push), or answers a thank-you, "no name" and "the company speaks" stay hints and move no score.
  if ((e.level === 'engaged' && !j.pushOnly) || e.thanked) {
    unsigned = 0;
    corporateWe = 0;
  }
  // Answering a thank-you, one stock closer ("have a great week!") is the expected warmth, not the
  // script talking: only a second formula counts.
  if (e.thanked && scripted > 0) scripted--;
  let firstPerson = 0, signed = 0, usesName = 0, acknowledges = 0, ownsMistake = 0;
  if (!j.nothingSpecific) {
    for (const c of cues) {
      if (c.cue === 'first-person') firstPerson = 1;
      else if (c.cue === 'signed') signed = 1;
      else if (c.cue === 'uses-name') usesName = 1;
      else if (c.cue === 'acknowledges') acknowledges = 1;
      else if (c.cue === 'owns-mistake') ownsMistake = 1;
    }
  }
  let echo = 0, echoNumber = 0;
  for (const x of e.echoes) if (x.number) echoNumber = 1; else echo++;
  return {
    scripted, process, broadcast, evasive, formal, unempathetic, privacy, problem, warnings,
    'corporate-we': corporateWe, unsigned,
    'first-person': firstPerson, signed, 'uses-name': usesName, acknowledges, 'owns-mistake': ownsMistake,
    substance: e.substance.length, echo, 'echo-number': echoNumber,
    cause: e.cause ? 1 : 0, 'own-question': e.question ? 1 : 0, 'next-step': e.nextStep ? 1 : 0,
    'nothing-specific': j.nothingSpecific ? 1 : 0, 'push-only': j.pushOnly ? 1 : 0, 'cold-to-feeling': j.cold ? 1 : 0,
    unanswered: j.unanswered ? 1 : 0, 'answers-thanks': e.thanked ? 1 : 0,
    // A few words with no formula and no push: banter, a thank-you, a quick answer.
    'short-and-plain': e.words > 0 && e.words <= 7 && scripted + process + broadcast + evasive + formal + unempathetic === 0 && !e.push ? 1 : 0,
  };
}

const STRICTNESS: Record<Strictness, number> = { relaxed: 0.7, normal: 1, strict: 1.3 };
const KIND: Partial<Record<string, ScoreStep['kind']>> = {
  'first-person': 'cue',
  signed: 'cue',
  'uses-name': 'cue',
  acknowledges: 'cue',
  'owns-mistake': 'cue',
};

/** The score: the base plus each feature's step; every step that moves it is listed with its reason. */
export function scoreFrom(
  features: Record<string, number>,
  model: ScoreModelData,
  lang: Lang,
  strictness: Strictness,
  baseLabel: string,
): { score: number; steps: ScoreStep[]; raw: number } {
  const factor = STRICTNESS[strictness];
  const steps: ScoreStep[] = [{ kind: 'base', id: 'base', label: baseLabel, delta: model.base }];
  let raw = model.base;
  for (const feat of model.features) {
    const value = Math.min(features[feat.id] ?? 0, feat.cap);
    if (value <= 0 || feat.weight === 0) continue;
    let delta = feat.weight * value;
    if (delta < 0) delta *= factor;
    delta = Math.round(delta);
    if (delta === 0) continue;
    raw += delta;
    const kind = KIND[feat.id] ?? (feat.weight < 0 ? (ENGAGEMENT_FEATURES.has(feat.id) ? 'engagement' : 'flag') : 'engagement');
    steps.push({ kind, id: feat.id, label: value > 1 ? `${feat.label[lang]} (${value}\u00d7)` : feat.label[lang], delta });
  }
  return { score: Math.max(0, Math.min(100, raw)), steps, raw };
}

const ENGAGEMENT_FEATURES = new Set(['nothing-specific', 'push-only', 'cold-to-feeling', 'unanswered']);
