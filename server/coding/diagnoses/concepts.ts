/**
 * The conditions the engine recognises, each with the words clinicians use for it and the rule
 * that picks its ICD-10-CM code from the documented details. A rule returns the most specific
 * code the words support and, when a detail is missing, names it so a query can ask for it.
 * Combination codes (hypertension with heart failure or CKD, diabetes with CKD) are made later,
 * in `combination-codes.ts`, from the codes chosen here.
 *
 * @module
 */
import {
  acuityOf,
  afibPatternOf,
  ckdStageCode,
  heartFailureTypeOf,
  severityOf,
  sideOf,
  type Side,
} from './specificity.ts';

export interface CodeChoice {
  readonly code: string;
  readonly rationale: string;
  /** A detail the documentation lacks that a query could supply ("laterality"). */
  readonly missing?: string;
  /** Acute, exacerbated or out of control: the likely reason for the visit. */
  readonly active?: boolean;
}

export type ConceptKind = 'diagnosis' | 'symptom' | 'family_history' | 'tobacco';

export interface Concept {
  readonly id: string;
  readonly label: string;
  readonly kind: ConceptKind;
  /** Global, case-insensitive: every mention in a sentence. */
  readonly pattern: RegExp;
  /** Diagnoses that make this symptom integral, so it is not coded beside them. */
  readonly explainedBy?: readonly string[];
  /** Chronic conditions are coded when they affect care at this visit. */
  readonly chronic?: boolean;
  /** Drugs that treat it: a clinician managing one addresses the condition even unnamed. */
  readonly treatedWith?: RegExp;
  code(text: string): CodeChoice;
}

const SIDE_DIGIT: Readonly<Record<Side, string>> = { right: '1', left: '2', bilateral: '3' };

function withSide(base: string, text: string, unspecified = '9'): CodeChoice {
  const side = sideOf(text);
  return side
    ? { code: `${base}${SIDE_DIGIT[side]}`, rationale: `${side} side documented` }
    : { code: `${base}${unspecified}`, rationale: 'side not documented', missing: 'laterality' };
}

function diabetes(type: '1' | '2', text: string): CodeChoice {
  const cat = type === '1' ? 'E10' : 'E11';
  const t = text.toLowerCase();
  if (/\bhypoglyc[a-z]*|\blows?\b/.test(t) && /hypoglyc/.test(t)) {
    return {
      code: `${cat}.649`,
      rationale: `type ${type}, with hypoglycemia, no coma documented`,
      active: true,
    };
  }
  if (
    /hyperglyc|not (?:well )?controlled|uncontrolled|out of control|poorly controlled|above (?:the )?goal/.test(
      t,
    )
  ) {
    return {
      code: `${cat}.65`,
      rationale: `type ${type}, with hyperglycemia (not controlled)`,
      active: true,
    };
  }
  return { code: `${cat}.9`, rationale: `type ${type}, no complication documented` };
}

const HF_TYPE_DIGIT = { systolic: '2', diastolic: '3', combined: '4' } as const;
const ACUITY_DIGIT = { acute: '1', chronic: '2', acute_on_chronic: '3' } as const;

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'hypertension',
    label: 'Hypertension',
    kind: 'diagnosis',
    chronic: true,
    pattern:
      /\b(?:hypertension|high blood pressure|htn|blood pressure (?:is )?(?:also )?(?:above|not at) goal)\b/gi,
    code: () => ({ code: 'I10', rationale: 'essential hypertension' }),
  },
  {
    id: 'hyperlipidemia',
    label: 'Hyperlipidemia',
    kind: 'diagnosis',
    chronic: true,
    pattern:
      /\b(?:hyperlipidemia|dyslipidemia|high cholesterol|hypercholesterolemia|cholesterol (?:is )?at goal)\b/gi,
    code: (text) =>
      /mixed hyperlipidemia/i.test(text)
        ? { code: 'E78.2', rationale: 'mixed hyperlipidemia' }
        : /pure hypercholesterolemia|hypercholesterolemia/i.test(text)
          ? { code: 'E78.00', rationale: 'pure hypercholesterolemia' }
          : { code: 'E78.5', rationale: 'hyperlipidemia, type not stated' },
  },
  {
    id: 'diabetes-type-1',
    label: 'Type 1 diabetes',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\btype (?:1|one) diabetes\b|\bt1dm\b/gi,
    code: (text) => diabetes('1', text),
  },
  {
    id: 'diabetes-type-2',
    label: 'Type 2 diabetes',
    kind: 'diagnosis',
    chronic: true,
    // "Diabetes" without a type is type 2 by the ICD-10-CM default.
    pattern: /\btype (?:2|two) diabetes\b|(?<!type (?:1|one) )\bdiabetes(?! educat)\b|\bt2dm\b/gi,
    code: (text) => diabetes('2', text),
  },
  {
    id: 'ckd',
    label: 'Chronic kidney disease',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bchronic kidney disease\b|\bckd\b/gi,
    code: (text) => {
      const code = ckdStageCode(text);
      return code
        ? { code, rationale: 'stage documented' }
        : { code: 'N18.9', rationale: 'stage not documented', missing: 'CKD stage' };
    },
  },
  {
    id: 'heart-failure',
    label: 'Heart failure',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bheart failure\b|\bhfref\b|\bhfpef\b|\bchf\b/gi,
    code: (text) => {
      const type = heartFailureTypeOf(text);
      const acuity = acuityOf(text);
      if (!type) return { code: 'I50.9', rationale: 'type not documented', missing: 'heart failure type' };
      if (!acuity) {
        return {
          code: `I50.${HF_TYPE_DIGIT[type]}0`,
          rationale: `${type}, acuity not documented`,
          missing: 'acuity',
        };
      }
      return {
        code: `I50.${HF_TYPE_DIGIT[type]}${ACUITY_DIGIT[acuity]}`,
        rationale: `${acuity.replace(/_/g, ' ')} ${type}`,
        active: acuity !== 'chronic',
      };
    },
  },
  {
    id: 'atrial-fibrillation',
    label: 'Atrial fibrillation',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\batrial fibrillation\b|\ba-?fib\b/gi,
    code: (text) => {
      switch (afibPatternOf(text)) {
        case 'paroxysmal':
          return { code: 'I48.0', rationale: 'paroxysmal' };
        case 'longstanding_persistent':
          return { code: 'I48.11', rationale: 'longstanding persistent' };
        case 'persistent':
          return { code: 'I48.19', rationale: 'persistent' };
        case 'permanent':
          return { code: 'I48.21', rationale: 'permanent' };
        case 'chronic':
          return { code: 'I48.20', rationale: 'chronic, pattern not stated' };
        case undefined:
          return { code: 'I48.91', rationale: 'pattern not documented', missing: 'atrial fibrillation type' };
      }
    },
  },
  {
    id: 'hypothyroidism',
    label: 'Hypothyroidism',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bhypothyroidism\b|\bunderactive thyroid\b|\bthyroid (?:was|is) underactive\b/gi,
    treatedWith: /\blevothyroxine\b|\bsynthroid\b|\blevoxyl\b|\bliothyronine\b/i,
    code: () => ({ code: 'E03.9', rationale: 'cause not established' }),
  },
  {
    id: 'hashimoto',
    label: "Hashimoto's thyroiditis",
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bhashimoto'?s?\b|\bautoimmune thyroiditis\b/gi,
    code: () => ({ code: 'E06.3', rationale: 'autoimmune thyroiditis' }),
  },
  {
    id: 'major-depression',
    label: 'Major depressive disorder',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bmajor depressi(?:ve disorder|on)\b|\brecurrent depression\b|\bdepression\b/gi,
    code: (text) => {
      const recurrent = /\brecurrent\b|\brecurrence\b/i.test(text);
      const severity = severityOf(text);
      const digit =
        severity === 'mild' ? '0' : severity === 'moderate' ? '1' : severity === 'severe' ? '2' : undefined;
      if (digit === undefined) {
        return recurrent
          ? { code: 'F33.9', rationale: 'recurrent, severity not documented', missing: 'episode severity' }
          : { code: 'F32.A', rationale: 'depression, unspecified', missing: 'episode and severity' };
      }
      return recurrent
        ? { code: `F33.${digit}`, rationale: `recurrent, current episode ${severity}` }
        : { code: `F32.${digit}`, rationale: `single episode, ${severity}` };
    },
  },
  {
    id: 'generalized-anxiety',
    label: 'Generalized anxiety disorder',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bgeneralized anxiety disorder\b|\bgad\b(?!-7| 7)/gi,
    code: () => ({ code: 'F41.1', rationale: 'generalized anxiety disorder' }),
  },
  {
    id: 'acute-bronchitis',
    label: 'Acute bronchitis',
    kind: 'diagnosis',
    pattern: /\b(?:acute )?bronchitis\b/gi,
    code: () => ({ code: 'J20.9', rationale: 'organism not identified' }),
  },
  {
    id: 'pneumonia',
    label: 'Pneumonia',
    kind: 'diagnosis',
    pattern: /\bpneumonia\b/gi,
    code: () => ({ code: 'J18.9', rationale: 'organism not identified' }),
  },
  {
    id: 'otitis-media',
    label: 'Otitis media',
    kind: 'diagnosis',
    pattern: /\botitis media\b|\bear infection\b/gi,
    code: (text) => {
      const ruptured =
        /\b(?:perforat|ruptur)\w*/i.test(text) &&
        !/\b(?:no|without) (?:spontaneous )?(?:perforat|ruptur)/i.test(text);
      if (/suppurative|purulent|bacterial|bulging/i.test(text)) {
        return withSide(ruptured ? 'H66.01' : 'H66.00', text);
      }
      return withSide('H66.9', text, '0');
    },
  },
  {
    id: 'ankle-sprain',
    label: 'Ankle sprain',
    kind: 'diagnosis',
    pattern: /\bsprain(?:ed)?\b[^.]*\bankle\b|\bankle sprain\b/gi,
    code: (text) => {
      const t = text.toLowerCase();
      const ligament =
        /calcaneofibular/.test(t) && !/calcaneofibular ligament is (?:intact|holding)/.test(t)
          ? '1'
          : /deltoid/.test(t)
            ? '2'
            : /tibiofibular|high ankle/.test(t) && !/no (?:sign of )?(?:a )?high ankle/.test(t)
              ? '3'
              : /talofibular|atfl|ligament/.test(t)
                ? '9'
                : '0';
      const side = sideOf(text);
      const sideDigit = side === 'right' ? '1' : side === 'left' ? '2' : '9';
      return {
        code: `S93.4${ligament}${sideDigit}A`,
        rationale: `${side ?? 'unspecified'} ankle, initial encounter for active treatment`,
        ...(side ? {} : { missing: 'laterality' }),
      };
    },
  },
  {
    id: 'chest-pain',
    label: 'Chest pain',
    kind: 'symptom',
    pattern:
      /\bchest (?:pain|pressure|tightness|discomfort)\b|\b(?:pressure|tightness|pain|discomfort) in the (?:middle|centre|center) of (?:my|your|the|her|his) chest\b/gi,
    explainedBy: ['angina', 'pneumonia', 'acute-bronchitis'],
    code: (text) =>
      /chest (?:pressure|tightness)|tight band|pressure/i.test(text)
        ? { code: 'R07.89', rationale: 'chest pressure or tightness (other chest pain)' }
        : { code: 'R07.9', rationale: 'chest pain, type not described' },
  },
  {
    id: 'angina',
    label: 'Angina',
    kind: 'diagnosis',
    pattern: /\b(?:stable |unstable )?angina\b/gi,
    code: () => ({ code: 'I20.9', rationale: 'angina, type not stated' }),
  },
  {
    id: 'gout',
    label: 'Gout',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\bgout\b/gi,
    code: () => ({ code: 'M10.9', rationale: 'gout, site not stated' }),
  },
  {
    id: 'eczema',
    label: 'Eczema',
    kind: 'diagnosis',
    chronic: true,
    pattern: /\beczema\b|\batopic dermatitis\b/gi,
    code: () => ({ code: 'L30.9', rationale: 'dermatitis, unspecified' }),
  },
  {
    id: 'knee-pain',
    label: 'Knee pain',
    kind: 'symptom',
    pattern: /\bknee (?:pain|has been (?:hurting|bothering))\b|\b(?:right|left) knee\b/gi,
    code: (text) => withSide('M25.56', text),
  },
  {
    id: 'family-history-heart',
    label: 'Family history of ischemic heart disease',
    kind: 'family_history',
    pattern:
      /\b(?:father|mother|dad|mom|brother|sister|parent)\b[^.]{0,40}\b(?:heart attack|myocardial infarction|coronary|bypass|heart disease)\b/gi,
    code: () => ({ code: 'Z82.49', rationale: 'first-degree relative with ischemic heart disease' }),
  },
  {
    id: 'cigarette-smoking',
    label: 'Nicotine dependence, cigarettes',
    kind: 'tobacco',
    pattern:
      /\b(?:a pack a day|packs? (?:a|per) day|(?:still |currently )?smok(?:e|es|ing) (?:about )?(?:\d+|a|half a) (?:pack|cigarette)|cigarettes? a day)\b/gi,
    code: () => ({
      code: 'F17.210',
      rationale: 'current daily cigarette smoker (ICD-10-CM: smoker = nicotine dependence)',
    }),
  },
];

export const CONCEPT_BY_ID: ReadonlyMap<string, Concept> = new Map(CONCEPTS.map((c) => [c.id, c]));
