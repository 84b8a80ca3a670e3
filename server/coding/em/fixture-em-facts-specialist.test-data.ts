/**
 * Test data: the EmFacts a correct extractor would produce for the cardiology, endocrinology and
 * orthopaedic fixture visits, built by hand from each visit's gold E/M rationale and quoting the
 * transcript for evidence. The payer comes from the fixture's Coverage, passed in.
 *
 * @module
 */
import { data, item, problem, quoter, risk } from './em-facts.test-data.ts';
import type { EmFactsBuilder } from './fixture-em-facts-primary.test-data.ts';

export const cardiologyHeartFailure: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'established',
    payerType,
    problems: [
      problem(
        'Chronic systolic heart failure, mild exacerbation',
        'chronic_exacerbation',
        q("right now you're having a mild exacerbation"),
      ),
      problem(
        'Persistent atrial fibrillation, rate controlled',
        'stable_chronic',
        q('Your atrial fibrillation is persistent, the rate is controlled'),
      ),
      problem('Hypertension, at goal', 'stable_chronic', q("today it's at goal")),
    ],
    data: data({
      externalNotes: [
        item("Dr. Riverside's primary-care note", 'source:riverbend-primary-care', q('I read her note')),
      ],
      // The outside BMP and NT-proBNP are ordered again today: each is one unique test.
      testsReviewed: [
        item('echocardiogram', 'cpt:93306', q('I have the report here.')),
        item('basic metabolic panel', 'loinc:51990-0', q('potassium 4.5, creatinine 0.95')),
        item('NT-proBNP', 'loinc:33762-6', q('the NT-proBNP, the heart strain marker, was 1,450')),
      ],
      testsOrdered: [
        item(
          'basic metabolic panel',
          'loinc:51990-0',
          q('a basic metabolic panel for potassium and kidney function'),
        ),
        item('magnesium', 'loinc:19123-9', q('a magnesium level')),
        item('NT-proBNP', 'loinc:33762-6', q('a repeat NT-proBNP')),
      ],
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: furosemide doubled for 5 days',
        q('take the furosemide 40 milligrams twice a day'),
      ),
    ],
    totalTimeMinutes: 44,
    timeEvidence: [q("Total time I personally spent on this patient's care today was 44 minutes")],
    continuingCare: {
      reason: 'ongoing longitudinal care for a single serious, complex condition (heart failure)',
      evidence: [q("I'm the one looking after your heart failure")],
    },
  };
};

export const endocrinologyType1Thyroid: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'new',
    payerType,
    problems: [
      problem(
        'Type 1 diabetes with recurrent hypoglycemia',
        'chronic_exacerbation',
        q('type 1 diabetes with recurrent hypoglycemia'),
      ),
      problem(
        'Hypothyroidism, under-replaced (TSH 8.9)',
        'chronic_exacerbation',
        q("So you're under-replaced right now."),
      ),
    ],
    data: data({
      externalNotes: [
        item(
          'Primary-care referral note',
          'source:okafor',
          q('Dr. Okafor sent me a very nice referral note'),
        ),
        item(
          'Lakeport endocrinology records',
          'source:lakeport-endocrinology',
          q('the records your endocrinologist in Lakeport faxed over'),
        ),
      ],
      testsReviewed: [
        item('A1c', 'loinc:4548-4', q("Your A1c from Dr. Okafor's labs last month was 7.4.")),
        item('TSH', 'loinc:3016-3', q('last month 8.9')),
        item('free T4', 'loinc:3024-7', q('The free T4 was 0.9')),
      ],
      testsOrdered: [
        item('TSH', 'loinc:3016-3', q("We'll recheck the TSH and free T4 in six weeks.")),
        item('free T4', 'loinc:3024-7', q("We'll recheck the TSH and free T4 in six weeks.")),
        item(
          'thyroid peroxidase antibodies',
          'loinc:8099-4',
          q("I'm also ordering the thyroid peroxidase antibodies"),
        ),
        item('urine albumin/creatinine ratio', 'loinc:9318-7', q('a urine albumin to creatinine ratio')),
      ],
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: glargine reduced to 21 units',
        q('reduce the Lantus from 24 to 21 units'),
      ),
      risk(
        'moderate',
        'Prescription drug management: levothyroxine increased to 88 mcg',
        q("I'm increasing the dose to 88 micrograms daily"),
      ),
      risk(
        'moderate',
        'Prescription drug management: nasal glucagon prescribed',
        q("I'm prescribing nasal glucagon"),
      ),
    ],
    totalTimeMinutes: 52,
    timeEvidence: [q('Total time on the date of the encounter 52 minutes')],
  };
};

export const orthopaedicsAnkleSprain: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'new',
    payerType,
    // The left knee was raised but deferred to its own visit: not addressed, not listed.
    problems: [
      problem(
        'Grade 2 sprain of the right ATFL',
        'acute_uncomplicated',
        q('a grade two sprain of the anterior talofibular ligament'),
      ),
    ],
    data: data({
      externalNotes: [
        item(
          'Example Urgent Care note',
          'source:example-urgent-care',
          q('I have the note from Example Urgent Care'),
        ),
      ],
      testsReviewed: [
        item(
          'right ankle radiographs, three views',
          'cpt:73610',
          q("the radiologist's report says no acute fracture"),
        ),
      ],
      independentInterpretations: [
        item('right ankle radiographs, three views', 'cpt:73610', q("Here's my own read of the images.")),
      ],
    }),
    risks: [
      risk(
        'low',
        'Over-the-counter ibuprofen and acetaminophen',
        q("It's fine to continue the over-the-counter ibuprofen."),
      ),
      risk(
        'low',
        'Lace-up brace and physical-therapy referral',
        q("I'm putting in a referral for physical therapy"),
      ),
    ],
  };
};

export const cardiologyChestPain: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'new',
    payerType,
    problems: [
      problem(
        'Exertional chest pressure, possible stable angina',
        'undiagnosed_uncertain',
        q("I can't say you have angina yet"),
      ),
      problem('Hypertension, above goal', 'chronic_exacerbation', q('Your blood pressure is above goal')),
      problem(
        'Hyperlipidemia, LDL 162 untreated',
        'chronic_exacerbation',
        q("I think it's time for the statin"),
      ),
    ],
    data: data({
      externalNotes: [
        item(
          'Primary-care referral note',
          'source:primary-care-referral',
          q("I've read her referral note from last week"),
        ),
      ],
      testsReviewed: [
        item('lipid panel', 'loinc:57698-3', q('Your LDL last week was 162.')),
        item('basic metabolic panel', 'loinc:51990-0', q('creatinine 0.98, potassium 4.3')),
        item('A1c', 'loinc:4548-4', q('your A1c was 5.4')),
        item('resting ECG', 'cpt:93000', q('their machine read it as normal')),
      ],
      testsOrdered: [
        item(
          'exercise stress echocardiogram',
          'cpt:93351',
          q('The test I want is an exercise stress echocardiogram.'),
        ),
        item('lipid panel', 'loinc:57698-3', q("We'll recheck a lipid panel")),
      ],
      independentInterpretations: [
        item('resting ECG', 'cpt:93000', q("I've gone through the tracing myself.")),
      ],
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: nitroglycerin 0.4 mg started',
        q("I'm also prescribing nitroglycerin tablets"),
      ),
      risk(
        'moderate',
        'Prescription drug management: amlodipine 5 mg added',
        q("I'm adding amlodipine, 5 milligrams once a day"),
      ),
      risk(
        'moderate',
        'Prescription drug management: atorvastatin 40 mg started',
        q('atorvastatin 40 milligrams every evening'),
      ),
    ],
  };
};
