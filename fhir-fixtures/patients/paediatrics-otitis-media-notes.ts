/**
 * Prior notes for the paediatrics fixture (fictional): the 3-year well visit and the acute visit
 * for a RIGHT ear infection a year ago, so a drafting model can see the laterality changed.
 *
 * @module
 */
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import type { ChartScope, WithId } from './builders/index.ts';

type Visit = WithId<Encounter>;

export function documents(
  chart: ChartScope,
  visits: { readonly well: Visit; readonly aom: Visit },
): DocumentReference[] {
  return [
    chart.note('well3', visits.well, 'Well child visit, 3 years', WELL_3Y, '10:30'),
    chart.note('aom-right', visits.aom, 'Acute visit: right ear pain', AOM_RIGHT, '15:00'),
  ];
}

const WELL_3Y = `WELL CHILD VISIT, 3 YEARS (fictional test record)
Patient: Milo Testpatient-Brook. Accompanied by mother.
Growth: weight 14.9 kg, height 96 cm, tracking along the 50th percentile.
Development: speaks in sentences, pedals a tricycle, plays with peers. Attends preschool.
Skin: dry patches both antecubital fossae, atopic dermatitis, mild. Emollients twice daily.
History: iron deficiency anemia at 12 months (Hb 10.4), treated with iron; Hb 11.9 at 2 years, resolved. Lead levels normal.
No known drug allergies. Immunizations up to date.
Plan: anticipatory guidance, dental home, return at 4 years. Electronically signed: Casey Moreno-Testdoc, MD.`;

const AOM_RIGHT = `ACUTE VISIT (fictional test record)
Patient: Milo Testpatient-Brook. History from mother.
S: Two days of cold symptoms, then right ear pain and fever to 38.9 C overnight. No drainage.
O: T 38.4 C, weight 15.0 kg. Right TM erythematous and bulging with purulent effusion, no perforation. Left TM normal. Lungs clear.
A: Acute suppurative otitis media, right ear, without rupture of the ear drum.
P: Amoxicillin 400 mg/5 mL, 8.5 mL by mouth twice daily for 7 days. Ibuprofen 7.5 mL (150 mg) every 6-8 hours as needed. Return if fever after 48-72 hours.
Electronically signed: Casey Moreno-Testdoc, MD.`;
