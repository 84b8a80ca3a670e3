/**
 * The chart facts a drafting provider may cite: one plain line per item of the launch's
 * `ClinicalContext`, numbered `c1…cn` in a stable order (patient, encounter, active problems,
 * medications, allergies, the latest of each vital, labs, coverage), so the same chart always gets
 * the same ids and a recorded answer replays. Unavailable panels give nothing. The patient's name
 * is left out: no sentence needs it, and it keeps the prompt free of one more identifier.
 *
 * @module
 */
import type { ClinicalContext, Panel } from '../../contract/clinical-context.ts';
import type { ContextFact } from '../provider.ts';

type Fact = Omit<ContextFact, 'id'>;

const ACTIVE_PROBLEM = new Set(['active', 'recurrence', 'relapse']);

function dataOf<T>(panel: Panel<T>): T | undefined {
  return panel.status === 'ok' ? panel.data : undefined;
}

/** The calendar day of an ISO date or instant ("2024-03-15"). */
function day(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.slice(0, 10);
}

function joined(parts: readonly (string | undefined | false)[], separator = ', '): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(separator);
}

function patientFacts(context: ClinicalContext): Fact[] {
  const { patient } = context;
  const about = joined([patient.age, patient.gender]);
  return about === '' ? [] : [{ ref: patient.ref, kind: 'patient', text: `Patient: ${about}` }];
}

function encounterFacts(context: ClinicalContext): Fact[] {
  const encounter = dataOf(context.encounter);
  if (!encounter) return [];
  const what = encounter.type ?? encounter.class ?? 'visit';
  const reasons = encounter.reasons.length > 0 ? `, reason: ${encounter.reasons.join('; ')}` : '';
  const date = day(encounter.start);
  return [
    { ref: encounter.ref, kind: 'encounter', text: `Encounter: ${what}${reasons}${date ? `, ${date}` : ''}` },
  ];
}

function problemFacts(context: ClinicalContext): Fact[] {
  return (dataOf(context.problems) ?? [])
    .filter((p) => p.clinicalStatus === undefined || ACTIVE_PROBLEM.has(p.clinicalStatus))
    .map((p) => ({
      ref: p.ref,
      kind: 'problem',
      text: `Problem: ${p.display}${p.icd10 ? ` (${p.icd10.code})` : ''}${p.onset ? `, since ${day(p.onset)}` : ''}`,
    }));
}

function medicationFacts(context: ClinicalContext): Fact[] {
  return (dataOf(context.medications) ?? []).map((m) => ({
    ref: m.ref,
    kind: 'medication',
    text: `${m.display}${m.dosage ? `: ${m.dosage}` : ''}${m.status === 'active' ? '' : ` (${m.status})`}`,
  }));
}

function allergyFacts(context: ClinicalContext): Fact[] {
  return (dataOf(context.allergies) ?? []).map((a) => ({
    ref: a.ref,
    kind: 'allergy',
    text: `Allergy: ${a.display}${a.reactions.length > 0 ? ` (${a.reactions.join(', ')})` : ''}`,
  }));
}

function vitalFacts(context: ClinicalContext): Fact[] {
  return (dataOf(context.vitals) ?? []).flatMap((series) => {
    const latest = series.points.at(-1);
    if (!latest) return [];
    return [
      {
        ref: latest.ref,
        kind: 'vital',
        text: `${series.label}: ${series.latestDisplay} on ${day(latest.effective)}`,
      },
    ];
  });
}

function labFacts(context: ClinicalContext): Fact[] {
  return (dataOf(context.labs) ?? []).map((lab) => ({
    ref: lab.ref,
    kind: 'lab',
    text: `${lab.display}: ${lab.value}${lab.flag ? ` (${lab.flag})` : ''}${lab.effective ? ` on ${day(lab.effective)}` : ''}`,
  }));
}

function coverageFacts(context: ClinicalContext): Fact[] {
  return (dataOf(context.coverage) ?? []).map((c) => ({
    ref: c.ref,
    kind: 'coverage',
    text: `Coverage: ${joined([c.payerName, c.planName], ' ')} (${c.payerType})`,
  }));
}

/** The chart facts of `context`, `c1…cn`; none without a context. */
export function contextFacts(context?: ClinicalContext): ContextFact[] {
  if (!context) return [];
  const facts = [
    ...patientFacts(context),
    ...encounterFacts(context),
    ...problemFacts(context),
    ...medicationFacts(context),
    ...allergyFacts(context),
    ...vitalFacts(context),
    ...labFacts(context),
    ...coverageFacts(context),
  ];
  return facts.map((fact, index) => ({ id: `c${index + 1}`, ...fact }));
}
