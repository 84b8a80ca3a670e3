/**
 * How the note refers to the patient: "she"/"he" when the chart's gender or the conversation says
 * which ("a 50-year-old female", "Mrs. Lopez", the clinician's "she is"), otherwise "the patient".
 * The chart wins over the conversation; a conversation that points both ways gives "the patient".
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import type { InputSegment } from '../provider.ts';
import { PRONOUNS, type Pronouns } from './third-person.ts';

const FEMALE_STRONG = /\b(?:female|woman|lady|girl|mrs\.?|ms\.?|miss|daughter|pregnant|her periods?)\b/gi;
const MALE_STRONG = /\b(?:male|man|gentleman|boy|mr\.?|son|his prostate)\b/gi;
const FEMALE_WEAK = /\b(?:she|her|hers|herself)\b/gi;
const MALE_WEAK = /\b(?:he|him|his|himself)\b/gi;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

export function patientPronouns(segments: readonly InputSegment[], context?: ClinicalContext): Pronouns {
  const gender = context?.patient.gender?.toLowerCase();
  if (gender === 'female') return PRONOUNS.female;
  if (gender === 'male') return PRONOUNS.male;
  let female = 0;
  let male = 0;
  for (const segment of segments) {
    if (segment.speaker === 'patient') continue;
    // "Martha is a 50-year-old female": a summary line is worth more than any pronoun.
    female += count(FEMALE_STRONG, segment.text) * 3;
    male += count(MALE_STRONG, segment.text) * 3;
    // A clinician's "she"/"he" may be the patient, or the referring doctor: a weak cue.
    female += count(FEMALE_WEAK, segment.text) * 0.3;
    male += count(MALE_WEAK, segment.text) * 0.3;
  }
  if (female >= male + 2) return PRONOUNS.female;
  if (male >= female + 2) return PRONOUNS.male;
  return PRONOUNS.unknown;
}
