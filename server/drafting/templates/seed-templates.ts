/**
 * The templates RevenuePilot ships with, version 1 of each: the source the seed migration
 * (`0004-note-template.sql`) was written from, and what the command line and the evaluation use
 * when no database is at hand. A test keeps the two identical. New versions go in a new migration.
 *
 * Section titles are the ones US outpatient notes use, so a reader (and a coder) finds things
 * where they expect them. Every template ends with plain-language patient instructions.
 *
 * @module
 */
import type { NoteTemplate, TemplateSection } from './note-template.ts';

const section = (key: string, title: string, role: TemplateSection['role'], instruction: string) =>
  ({ key, title, role, instruction }) satisfies TemplateSection;

const chiefComplaint = section(
  'chief_complaint',
  'CHIEF COMPLAINT',
  'chief_complaint',
  'The reason for the visit in a few words, in the patient’s terms where possible.',
);
const hpi = section(
  'hpi',
  'HISTORY OF PRESENT ILLNESS',
  'hpi',
  'The story of each problem addressed today: onset, duration, course, severity, what helps or worsens it, treatments tried and adherence. Third person, past tense.',
);
const ros = section(
  'ros',
  'REVIEW OF SYSTEMS',
  'ros',
  'Symptoms asked about, by system, stating what the patient reports and what the patient denies.',
);
const medications = section(
  'medications',
  'CURRENT MEDICATIONS',
  'medications',
  'Medications the patient takes, with dose and frequency, from the chart and the conversation.',
);
const allergies = section('allergies', 'ALLERGIES', 'allergies', 'Allergies and the reaction to each.');
const exam = section(
  'exam',
  'PHYSICAL EXAMINATION',
  'exam',
  'Vital signs and examination findings by body system, only as examined today.',
);
const results = section(
  'results',
  'RESULTS',
  'results',
  'Laboratory, imaging and other results reviewed today, with values and dates.',
);
const assessmentPlan = section(
  'assessment_plan',
  'ASSESSMENT AND PLAN',
  'assessment_plan',
  'For each problem addressed: the assessment (status, reasoning) and the plan (tests, medication changes with doses, referrals, follow-up).',
);
const patientInstructions = section(
  'patient_instructions',
  'PATIENT INSTRUCTIONS',
  'patient_instructions',
  'Plain-language instructions addressed to the patient: what to do, what to watch for, when to come back. No jargon.',
);

export const SEED_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'soap-progress',
    version: 1,
    name: 'SOAP progress note',
    specialty: 'general',
    sections: [
      chiefComplaint,
      hpi,
      ros,
      medications,
      allergies,
      exam,
      results,
      assessmentPlan,
      patientInstructions,
    ],
  },
  {
    id: 'new-patient-hp',
    version: 1,
    name: 'New patient history and physical',
    specialty: 'general',
    sections: [
      chiefComplaint,
      hpi,
      section(
        'history',
        'PAST MEDICAL, SURGICAL, FAMILY AND SOCIAL HISTORY',
        'history',
        'Past medical and surgical history, family history and social history (tobacco, alcohol, substances, occupation, living situation).',
      ),
      medications,
      allergies,
      ros,
      exam,
      results,
      assessmentPlan,
      patientInstructions,
    ],
  },
  {
    id: 'cardiology-follow-up',
    version: 1,
    name: 'Cardiology follow-up',
    specialty: 'cardiology',
    sections: [
      chiefComplaint,
      section(
        'hpi',
        'HISTORY OF PRESENT ILLNESS',
        'hpi',
        'Cardiac symptoms since the last visit: chest pain, dyspnea (exertional, orthopnea, PND), palpitations, syncope, edema, weight trend, exercise tolerance, adherence to medications, salt and fluid limits.',
      ),
      ros,
      medications,
      allergies,
      section(
        'exam',
        'PHYSICAL EXAMINATION',
        'exam',
        'Vital signs and weight; JVP, heart sounds and murmurs, lung crackles, peripheral edema and pulses.',
      ),
      section(
        'results',
        'RESULTS',
        'results',
        'ECG, echocardiogram (ejection fraction), device checks, BNP, renal function and potassium, lipids.',
      ),
      assessmentPlan,
      patientInstructions,
    ],
  },
  {
    id: 'diabetes-follow-up',
    version: 1,
    name: 'Diabetes follow-up',
    specialty: 'endocrinology',
    sections: [
      chiefComplaint,
      section(
        'hpi',
        'HISTORY OF PRESENT ILLNESS',
        'hpi',
        'Glucose readings (fasting, post-meal, lows), hypoglycemia, adherence to medications and insulin, diet and exercise, symptoms of complications (vision, feet, kidneys).',
      ),
      ros,
      medications,
      allergies,
      section(
        'exam',
        'PHYSICAL EXAMINATION',
        'exam',
        'Vital signs, weight and BMI; foot examination (skin, pulses, monofilament); injection sites where relevant.',
      ),
      section(
        'results',
        'RESULTS',
        'results',
        'A1c and its trend, kidney function (eGFR, urine albumin/creatinine), lipids, eye examination reports.',
      ),
      assessmentPlan,
      patientInstructions,
    ],
  },
  {
    id: 'paediatric-well-child',
    version: 1,
    name: 'Paediatric well-child visit',
    specialty: 'paediatrics',
    sections: [
      chiefComplaint,
      section(
        'hpi',
        'INTERVAL HISTORY',
        'hpi',
        'Concerns from the parent or child since the last visit; feeding, sleep, elimination, school or daycare.',
      ),
      section(
        'history',
        'DEVELOPMENT AND SOCIAL HISTORY',
        'history',
        'Developmental milestones for age, behaviour, home and safety (car seat, smoke exposure, screen time).',
      ),
      medications,
      allergies,
      ros,
      section(
        'exam',
        'PHYSICAL EXAMINATION',
        'exam',
        'Growth (weight, length or height, head circumference with percentiles), vital signs, examination by system.',
      ),
      section(
        'results',
        'SCREENING AND RESULTS',
        'results',
        'Screening done today (vision, hearing, development, lead, anemia) and results.',
      ),
      section(
        'assessment_plan',
        'ASSESSMENT AND PLAN',
        'assessment_plan',
        'Well child for age; each concern addressed; immunizations given today; anticipatory guidance; next visit.',
      ),
      patientInstructions,
    ],
  },
  {
    id: 'orthopaedic-injury',
    version: 1,
    name: 'Orthopaedic injury',
    specialty: 'orthopaedics',
    sections: [
      chiefComplaint,
      section(
        'hpi',
        'HISTORY OF PRESENT ILLNESS',
        'hpi',
        'Mechanism of injury, date, side (left or right), pain location and severity, swelling, ability to bear weight, treatment so far.',
      ),
      ros,
      medications,
      allergies,
      section(
        'exam',
        'PHYSICAL EXAMINATION',
        'exam',
        'The injured side and region: inspection, tenderness, range of motion, stability tests, neurovascular status; compare with the other side.',
      ),
      section(
        'results',
        'IMAGING',
        'results',
        'X-ray or other imaging of the injured region, side and findings.',
      ),
      assessmentPlan,
      patientInstructions,
    ],
  },
  {
    id: 'behavioural-health-follow-up',
    version: 1,
    name: 'Behavioural health follow-up',
    specialty: 'behavioural-health',
    sections: [
      chiefComplaint,
      section(
        'hpi',
        'INTERVAL HISTORY',
        'hpi',
        'Mood, anxiety, sleep, appetite, energy, concentration, functioning at work and home, stressors, adherence and side effects of medications, therapy attendance.',
      ),
      section(
        'ros',
        'SAFETY ASSESSMENT',
        'ros',
        'Suicidal or homicidal ideation, plan, intent, means; protective factors; substance use.',
      ),
      medications,
      allergies,
      section(
        'exam',
        'MENTAL STATUS EXAMINATION',
        'exam',
        'Appearance, behaviour, speech, mood and affect, thought process and content, perception, cognition, insight and judgment.',
      ),
      section('results', 'RATING SCALES', 'results', 'PHQ-9, GAD-7 or other scales with scores and trend.'),
      assessmentPlan,
      patientInstructions,
    ],
  },
];

/** The template used when none is chosen. */
export const DEFAULT_TEMPLATE_ID = 'soap-progress';
