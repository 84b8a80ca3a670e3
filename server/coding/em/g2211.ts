/**
 * G2211, Medicare's visit-complexity add-on to office E/M visits (2024 onward): suggested when the
 * practitioner is the continuing focal point for the patient's care or gives ongoing care for a
 * single serious or complex condition. Not paid when the visit carries modifier 25 for a
 * separately reported procedure, except (2025 onward) when the other service is an annual wellness
 * visit, a vaccine administration or a Part B preventive service. Every visit gets a decision
 * either way, because it is the add-on reviewers most often ask about.
 *
 * @module
 */
import type { PayerType } from '../../contract/clinical-context.ts';
import type { EmFacts } from '../../contract/coding.ts';
import type { AddOnDecision } from './add-on-decision.ts';

const PAYER_WORDS: Readonly<Record<Exclude<PayerType, 'medicare'>, string>> = {
  medicaid: 'the payer is Medicaid',
  commercial: 'the payer is a commercial plan',
  'self-pay': 'the patient is self-pay',
  other: 'the payer is not Medicare',
};

const notSuggested = (reason: string): AddOnDecision => ({
  addOns: [],
  notSuggested: [{ code: 'G2211', reason }],
});

/** G2211 with its reason, or why it is not suggested. */
export function g2211(facts: EmFacts): AddOnDecision {
  const care = facts.continuingCare;
  if (facts.payerType !== 'medicare') {
    const despite = care ? `, even though the documentation shows continuing care (${care.reason})` : '';
    return notSuggested(`G2211 is a Medicare add-on and ${PAYER_WORDS[facts.payerType]}${despite}.`);
  }
  if (!care) {
    return notSuggested(
      "Medicare patient, but the note does not show the practitioner as the continuing focal point for the patient's care or giving ongoing care for a single serious or complex condition.",
    );
  }
  if (facts.modifier25 && !facts.modifier25PreventiveOnly) {
    return notSuggested(
      'A separately reported service on the same day puts modifier 25 on the visit, and G2211 is not paid with modifier 25 unless that service is an annual wellness visit, a vaccine administration or a Part B preventive service.',
    );
  }
  const preventive = facts.modifier25
    ? ' Modifier 25 here is for a preventive service, which does not block G2211.'
    : ' No modifier-25 service on the same day.';
  return {
    addOns: [
      {
        code: 'G2211',
        units: 1,
        reasoning: `Medicare patient; continuing care: ${care.reason}.${preventive}`,
        evidence: care.evidence,
      },
    ],
    notSuggested: [],
  };
}
