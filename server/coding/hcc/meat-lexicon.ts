/**
 * The cue lexicon behind the MEAT check: which words in visit text show that a condition was
 * Monitored (symptoms, course, tracking), Evaluated (results, examination), Assessed or addressed
 * (status, reasoning, discussion, counselling) or Treated (medications, their changes, therapy,
 * referrals, procedures). Written for this project from general coding-audit practice; small on
 * purpose, each cue covered by a test.
 *
 * A cue may sit under a negation ("not taking", "no labs today"), and what that means depends on
 * the cue: a denied symptom or a normal finding is still monitoring or evaluation ("no edema",
 * "lungs clear"); a test or drug that is negated did not happen; a negated or hedged treatment
 * decision ("no change needed", "I don't want to add", "discussed adding") is still the condition
 * addressed, so it counts as Assess.
 *
 * @module
 */
import { medicationLexicon } from '../../drafting/evidence/medication-lexicon.ts';
import { scopesOf } from './meat-scope.ts';

export type MeatElement = 'monitor' | 'evaluate' | 'assess' | 'treat';

/** Canonical order, for output. */
export const MEAT_ELEMENTS: readonly MeatElement[] = ['monitor', 'evaluate', 'assess', 'treat'];

/** What a negation (or, for treatments, a hedge) over the cue makes of it. */
type Reading = 'keeps' | 'drops' | 'assess';

interface Cue {
  readonly element: MeatElement;
  readonly pattern: RegExp;
  readonly negated: Reading;
  /** Whether an "if", "consider" or "discussed" over it makes it a plan rather than a treatment. */
  readonly hedgeable: boolean;
}

const words = (source: string) =>
  new RegExp(
    String.raw`\b(?:${source
      .trim()
      .split(/\s*\n\s*/)
      .join('|')})\b`,
    'gi',
  );
const cue = (element: MeatElement, negated: Reading, source: string, hedgeable = false): Cue => ({
  element,
  pattern: words(source),
  negated,
  hedgeable,
});
const POSSESSIVE = String.raw`(?:the |your |her |his |my |their )?`;

const CUES: readonly Cue[] = [
  // Monitor: course and tracking; symptoms asked about or reported, present or denied.
  cue(
    'monitor',
    'keeps',
    String.raw`
    stable|unchanged|improv(?:ed|ing|ement)|better|wors(?:e|ening|ened)|progress(?:ing|ion|ed|ive)?
    regress(?:ing|ion|ed)?|declin(?:e|ed|ing)|climbing|rising|trend(?:ing|s)?|drifting
    flare(?:s|d|-ups?)?|exacerbat(?:ion|ed|ing)|resolv(?:ed|ing)
    monitor(?:ing|ed)?|following|follow(?:ed)? (?:up|along|closely)|watch(?:ing)?|keep an eye|track(?:ing)?
    logs?|log ?book|readings?|home (?:blood pressure|glucose|sugars?|readings?)|daily weights?
    weigh(?:ing)? ${POSSESSIVE}(?:yourself|herself|himself|myself)|since ${POSSESSIVE}last (?:visit|time)
    checking ${POSSESSIVE}(?:sugars?|blood pressure|glucose|weight)`,
  ),
  cue(
    'monitor',
    'keeps',
    String.raw`
    symptoms?|pain|short(?:ness)? of breath|winded|dyspnea|breathless|orthopnea|pillows|swelling|swollen
    puffy|edema|fatigue|tired|energy|sleep(?:ing)?|insomnia|appetite|mood|depressed|sad|hopeless|guilty
    enjoy|concentrat(?:e|ion)|anxi(?:ety|ous)|worr(?:y|ied)|irritable|cough(?:ing)?|wheez(?:e|ing)|sputum
    numbness|tingling|burning|dizz(?:y|iness)|faint(?:ing)?|palpitations?|flutter(?:ing)?|racing
    chest (?:pain|pressure|tightness)|lows|hypoglycemi(?:a|c)|shaky|sweaty|thirst(?:y)?|urinat(?:e|ing|ion)
    blurr(?:y|ed) vision|vision|weight (?:gain|loss)|lost ${POSSESSIVE}(?:a few |some )?(?:pounds|kilos|weight)
    stiffness|joint (?:pain|swelling)`,
  ),
  // Evaluate: tests and results (a negated test was not done) …
  cue(
    'evaluate',
    'drops',
    String.raw`
    a1c|hba1c|glucose (?:is|was|of)|egfr|gfr|creatinine|potassium|sodium|magnesium|bun|microalbumin|uacr
    albumin(?: to creatinine)?|urine (?:test|protein|albumin)|bnp|nt-probnp|troponin|ldl|hdl|cholesterol
    lipids?|lipid panel|triglycerides|tsh|free t4|cbc|hemoglobin|platelets|inr|metabolic panel|bmp|cmp
    labs?|lab work|blood work|results?|ejection fraction|echo(?:cardiogram)?|ecg|ekg|holter|x-?rays?
    ct|mri|ultrasound|spirometry|fev1|pfts?|pulmonary function|oximetry|oxygen (?:saturation|level)
    phq-?9|phq-?2|gad-?7|mmse|moca|scores?|questionnaires?|screen(?:ing)?|bone density|dexa|report
    review(?:ed|ing)?|looked at|went over|interpret(?:ed|ation)?`,
  ),
  // … and examination findings, normal or not.
  cue(
    'evaluate',
    'keeps',
    String.raw`
    exam(?:ination|ined)?|lungs? (?:are |were |is )?clear|crackles|rales|wheezes|murmur|gallop|jvp|jugular
    neck veins|pitting|irregularly irregular|heart (?:is |was )?(?:regular|irregular)|pulses?|monofilament
    foot exam|reflexes|tender(?:ness)?|synovitis|range of motion|affect|mental status|thought process
    insight|eye contact|weight (?:today|is|was)|blood pressure (?:is|was|today)|heart rate|bmi
    \d{2,3} over \d{2,3}|\d{2,3}/\d{2,3}`,
  ),
  // Assess / address: status, reasoning, discussion, counselling, decisions.
  cue(
    'assess',
    'keeps',
    String.raw`
    assess(?:ment|ed)?|impression|diagnos(?:is|ed)|i think|likely|due to|caused by|secondary to
    consistent with|fits with|(?:at|above|below|near|to) goal|goal (?:is|for)|(?:un|well |poorly )?controll?ed
    under control|out of control|decompensated|compensated|in remission|episode|talked about
    discuss(?:ed|ion|ing)?|counsel(?:l?ed|l?ing)?|explain(?:ed|ing)?|educat(?:ed|ion)|advis(?:e|ed)
    recommend(?:ed|ation)?|warning signs|plan|no (?:change|changes|adjustments?)|needs? adjusting
    addressed|diet|exercise|lifestyle`,
  ),
  // Treat: medication decisions (a negated or hedged one is still the condition addressed) …
  cue(
    'treat',
    'assess',
    String.raw`
    start(?:ed|ing)?|begin|began|add(?:ed|ing)?|initiat(?:e|ed|ing)|prescrib(?:e|ed|ing)|increas(?:e|ed|ing)
    decreas(?:e|ed|ing)|reduc(?:e|ed|ing)|titrat(?:e|ed|ing|ion)|adjust(?:ed|ing|ment)?|switch(?:ed|ing)?
    chang(?:e|ed|ing) ${POSSESSIVE}(?:dose|medication|medicine|regimen)|continu(?:e|ed|ing)
    keep (?:taking|the|on|all|going)|resum(?:e|ed|ing)|restart(?:ed|ing)?|discontinu(?:e|ed|ing)
    stop(?:ped|ping)? (?:the |taking |your |her |his |it\b)|hold(?:ing)? (?:the |your |her |his |it\b)
    doubl(?:e|ed|ing)|cut (?:it|the dose)|refill(?:ed|s)?|refer(?:ral|red|ring)?|consult(?:ation)?
    procedure|surgery|ablation|cardioversion|pacemaker|defibrillator|stent|dialysis|restrict(?:ion|ed)?
    limit (?:salt|sodium|fluids?)`,
    true,
  ),
  // … and the treatment itself (negated: not taken, not given).
  cue(
    'treat',
    'drops',
    String.raw`
    medications?|medicines?|meds|pills?|water pill|diuretics?|insulin|inhalers?|statins?|antidepressants?
    psychotherapy|therapy|therapist|cbt|cpap|home oxygen|injections?|infusions?|prescriptions?
    doses?|dosage|milligrams?|mg|units|blood thinners?|anticoagula(?:nt|tion)|sglt2 inhibitors?`,
    true,
  ),
];

/** Drug names (generic and brand), from the drafting evidence lexicon, as treatment cues. */
const DRUG_NAMES: Cue = {
  element: 'treat',
  pattern: new RegExp(medicationLexicon().pattern.source, 'gi'),
  negated: 'drops',
  hedgeable: true,
};

export interface MeatCueHit {
  readonly element: MeatElement;
  /** The words that matched, as written. */
  readonly cue: string;
}

/** Every MEAT cue in `passage` (one sentence or so), with negation and hedges applied. */
export function findMeatCues(passage: string): MeatCueHit[] {
  const scopes = scopesOf(passage);
  const hits: MeatCueHit[] = [];
  for (const { element, pattern, negated, hedgeable } of [...CUES, DRUG_NAMES]) {
    for (const match of passage.matchAll(pattern)) {
      const at = match.index;
      let reading: Reading = 'keeps';
      if (scopes.negatedAt(at)) reading = negated;
      else if (hedgeable && scopes.hedgedAt(at)) reading = 'assess';
      if (reading === 'drops') continue;
      hits.push({ element: reading === 'assess' ? 'assess' : element, cue: match[0] });
    }
  }
  return hits;
}
