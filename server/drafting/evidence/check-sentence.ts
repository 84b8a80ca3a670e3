/**
 * Checks one sentence against the evidence it cites, so no provider is trusted to get evidence
 * right: no evidence at all is `unsupported`; each number, dose, medication or side the evidence
 * does not contain is an `unverified_detail`; and a sentence that states as fact what its
 * evidence only hedges ("probably a sprain", "rule out fracture") is `uncertain`.
 *
 * Comparison is on spoken numbers written as digits, case-insensitive, units by their canonical
 * spelling. A dose needs its number with the same unit beside it in the evidence ("40 mg" is not
 * supported by "20 milligrams"), or said bare in a piece of evidence that names that unit for
 * another number (doses are said that way); units usually left unsaid (mmHg, %, kg) need only the
 * number. A range in the evidence supports both of its ends; a side must match on the same body
 * part when the evidence names one. Hedges follow NegEx: a trigger, a short scope, terminators.
 *
 * @module
 */
import type { Evidence, SentenceFlag } from '../../contract/note-draft.ts';
import type { Detail } from './detail-anchors.ts';
import { extractDetails, LOOSE_UNITS } from './detail-anchors.ts';
import type { MedicationLexicon } from './medication-lexicon.ts';
import { droppedHedge } from './hedges.ts';
import { spokenNumbersToDigits } from './spoken-numbers.ts';

const MASS_IN_MG: Readonly<Record<string, number>> = { mcg: 0.001, mg: 1, g: 1000 };
const VOLUME_IN_ML: Readonly<Record<string, number>> = { mL: 1, L: 1000 };

function evidenceTexts(evidence: readonly Evidence[]): string[] {
  return evidence.map((e) => spokenNumbersToDigits(e.kind === 'input' ? e.quote : e.label));
}

/** A dose in common units, so "1 g" matches "1000 mg"; other units compare as they are. */
function inBaseUnit(amount: number, unit: string): [number, string] {
  const mass = MASS_IN_MG[unit];
  if (mass !== undefined) return [amount * mass, 'mg'];
  const volume = VOLUME_IN_ML[unit];
  if (volume !== undefined) return [amount * volume, 'mL'];
  return [amount, unit];
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

interface EvidenceIndex {
  readonly numbers: readonly number[];
  readonly doses: readonly (readonly [number, string])[];
  /** Per evidence item: its numbers said without a unit, and the units it names. */
  readonly items: readonly { readonly bare: readonly number[]; readonly units: ReadonlySet<string> }[];
  readonly medications: ReadonlySet<string>;
  /** Sides by the body part they were said of ('' when none was). */
  readonly sides: ReadonlyMap<string, ReadonlySet<string>>;
}

function indexOf(items: readonly string[], lexicon: MedicationLexicon): EvidenceIndex {
  const numbers: number[] = [];
  const doses: [number, string][] = [];
  const perItem: { bare: number[]; units: Set<string> }[] = [];
  const medications = new Set<string>();
  const sides = new Map<string, Set<string>>();
  for (const item of items) {
    const bare: number[] = [];
    const units = new Set<string>();
    for (const detail of extractDetails(item, lexicon)) {
      numbers.push(...(detail.amounts ?? []));
      if (detail.kind === 'number') bare.push(...(detail.amounts ?? []));
      if (detail.kind === 'dose' && detail.unit !== undefined) {
        units.add(detail.unit);
        for (const amount of detail.amounts ?? []) doses.push(inBaseUnit(amount, detail.unit));
      }
      if (detail.kind === 'medication') medications.add(detail.value);
      if (detail.kind === 'laterality') {
        const site = detail.site ?? '';
        sides.set(site, (sides.get(site) ?? new Set()).add(detail.value));
      }
    }
    perItem.push({ bare, units });
  }
  return { numbers, doses, items: perItem, medications, sides };
}

function hasNumber(index: EvidenceIndex, amount: number): boolean {
  return index.numbers.some((n) => sameNumber(n, amount));
}

/** Whether `a` names the same medication as `b`, or one is the other plus a word ("insulin glargine"). */
function sameMedication(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

function isSupported(detail: Detail, index: EvidenceIndex): boolean {
  switch (detail.kind) {
    case 'number':
      return (detail.amounts ?? []).every((n) => hasNumber(index, n));
    case 'dose': {
      const unit = detail.unit ?? '';
      if (LOOSE_UNITS.has(unit)) return (detail.amounts ?? []).every((n) => hasNumber(index, n));
      return (detail.amounts ?? []).every((amount) => {
        const [value, base] = inBaseUnit(amount, unit);
        if (index.doses.some(([n, u]) => u === base && sameNumber(n, value))) return true;
        // "metoprolol 50 milligrams …, spironolactone 25 once a day": a bare number in an item
        // that names the unit elsewhere is the same dose, said the way people say doses.
        return index.items.some(
          (item) => item.units.has(unit) && item.bare.some((n) => sameNumber(n, amount)),
        );
      });
    }
    case 'medication':
      return [...index.medications].some((m) => sameMedication(m, detail.value));
    case 'laterality': {
      // A side said of another body part does not count ("left ventricle" for "left ankle");
      // one said of no body part ("the left one") does.
      const sets =
        detail.site === undefined
          ? [...index.sides.values()]
          : [index.sides.get(detail.site), index.sides.get('')];
      const has = (side: string) => sets.some((set) => set?.has(side));
      return has(detail.value) || (detail.value === 'bilateral' && has('left') && has('right'));
    }
  }
}

function message(detail: Detail): string {
  switch (detail.kind) {
    case 'number':
      return `The number ${detail.raw} does not appear in the evidence.`;
    case 'dose':
      return `The dose ${detail.raw} does not appear in the evidence.`;
    case 'medication':
      return `The medication ${detail.raw} does not appear in the evidence.`;
    case 'laterality':
      return `The side "${detail.raw}" does not appear in the evidence.`;
  }
}

/** The flags `text` earns against `evidence`: empty when every detail is found and nothing is hedged away. */
export function checkSentence(
  text: string,
  evidence: readonly Evidence[],
  lexicon: MedicationLexicon,
): SentenceFlag[] {
  if (evidence.length === 0) {
    return [{ code: 'unsupported', message: 'Nothing in the input or the chart supports this sentence.' }];
  }
  const sentence = spokenNumbersToDigits(text);
  const items = evidenceTexts(evidence);
  const index = indexOf(items, lexicon);
  const flags: SentenceFlag[] = [];
  const seen = new Set<string>();
  for (const detail of extractDetails(sentence, lexicon)) {
    const key = `${detail.kind}:${detail.value}`;
    if (seen.has(key) || isSupported(detail, index)) continue;
    seen.add(key);
    flags.push({ code: 'unverified_detail', message: message(detail), detail: detail.raw });
  }
  const hedge = droppedHedge(sentence, items.join('\n'));
  if (hedge !== undefined) {
    flags.push({
      code: 'uncertain',
      message: `The evidence says "${hedge}"; the sentence states it as certain.`,
      detail: hedge,
    });
  }
  return flags;
}
