/**
 * The answer a certified coder gives for the paediatric ear visit: one code with the LEFT ear
 * laterality, fever not coded separately, and 99213: the problem is an acute uncomplicated illness
 * (fever with otitis is not "systemic symptoms" under the AMA definitions), the mother as
 * independent historian makes data limited, and the amoxicillin prescription makes risk moderate:
 * two of three at low. No G2211: Medicaid, and an acute self-limited problem, not longitudinal care.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'History from the mother (independent historian)',
    'Left ear pain since last night, pulling at the left ear, woke crying at 2 am',
    'Fever 102.4 F at home; ibuprofen 7.5 mL at about 2 am and 8 am',
    'Runny nose and mild cough for about 4 days before (sister had the same)',
    'Drinking and urinating normally, eating less; no vomiting, no diarrhea, no ear drainage, no wheezing',
    'No antibiotics in the last month; amoxicillin over a year ago for a right ear infection',
    'No known drug allergies',
    'Temperature 38.6 C (101.5 F), heart rate 124, SpO2 98%, weight 17.2 kg',
    'Right tympanic membrane normal (grey, translucent)',
    'Left tympanic membrane red and bulging with cloudy yellow effusion, no perforation, no drainage',
    'Lungs clear, no wheezing; throat mildly red without exudate; neck supple; no postauricular swelling',
    'Assessment: acute suppurative otitis media of the left ear without perforation',
    'Amoxicillin 400 mg/5 mL, 10 mL (800 mg) by mouth twice daily for 7 days (about 90 mg/kg/day)',
    'Ibuprofen 100 mg/5 mL, 8.5 mL every 6-8 hours as needed with food',
    'Return if fever persists 48-72 hours on antibiotics, ear drainage, swelling or redness behind the ear, stiff neck or lethargy',
    'Eczema on the elbows mentioned: deferred to the 4-year well visit in two weeks; continue moisturizer',
  ],
  diagnoses: [
    {
      code: 'H66.002',
      description: 'Acute suppurative otitis media without spontaneous rupture of ear drum, left ear',
      rationale:
        '"Acute suppurative otitis media ... behind the left eardrum, with no perforation": bulging red left TM with purulent effusion, right TM normal. Laterality left; no rupture.',
    },
  ],
  notCoded: [
    {
      text: 'Fever (R50.9)',
      reason: 'A sign routinely associated with acute otitis media; not coded separately.',
    },
    { text: 'Ear pain (H92.02)', reason: 'Symptom integral to the definitive diagnosis.' },
    {
      text: 'Wheezing, vomiting, diarrhea, ear drainage, stiff neck',
      reason: 'Negated findings ("No wheezing").',
    },
    {
      text: 'Runny nose and cough from a preceding cold',
      reason: 'Symptoms of a resolving cold, not separately evaluated or treated.',
    },
    {
      text: 'Atopic dermatitis (L20.9) on the elbows',
      reason: 'Mentioned by the mother but deferred to the well visit; not addressed today.',
    },
    {
      text: 'Right ear otitis media a year ago (H66.001)',
      reason: "Resolved history; today's infection is in the left ear.",
    },
    { text: 'Iron deficiency anemia', reason: 'Resolved; not addressed.' },
  ],
  em: {
    code: '99213',
    patientStatus: 'established',
    basis: 'mdm',
    mdm: {
      problems: {
        level: 'low',
        rationale:
          'One acute uncomplicated illness. Fever with a minor infection that is treated to shorten it counts as acute uncomplicated, not "acute illness with systemic symptoms".',
      },
      data: {
        level: 'low',
        rationale:
          'Limited: category 2, assessment requiring an independent historian (the mother gives the history for a 4-year-old). No tests reviewed or ordered.',
      },
      risk: {
        level: 'moderate',
        rationale: 'Prescription drug management: amoxicillin dosed by weight.',
      },
      overall: 'low',
    },
  },
  addOns: [],
};
