/**
 * Plain-language instructions for the patient, taken from what the clinician told them in the plan:
 * the clinician already spoke to the patient ("I want you to take ibuprofen 600 mg every six
 * hours", "call us if the swelling gets worse"), so the words are kept in the second person with
 * the preamble dropped ("Take ibuprofen 600 mg every six hours."). Each instruction cites the plan
 * segment it came from; at most a handful, the ones with something to do.
 *
 * @module
 */
import type { Statement } from './build-statements.ts';
import { finishSentence } from './sentence-style.ts';

export interface Instruction {
  readonly text: string;
  readonly evidence: Statement['evidence'];
}

/** "I want you to X" → "X": preambles that wrap an instruction. */
const PREAMBLE =
  /^(?:(?:so|and|now|also|then)\s+)*(?:i (?:want|would like|need) you to|i am going to (?:have|ask) you (?:to\s+)?|i would (?:recommend|suggest) (?:that )?you|i recommend (?:that )?you|you need to|you should|make sure (?:that )?you|i would like for you to|what i want you to do is|please)\s+/i;
const ACTION =
  /\b(?:take|taking|continue|stop|start|avoid|call|come back|return|follow up|schedule|keep|use|apply|ice|elevate|rest|wear|drink|eat|check|monitor|go to|get|watch for|let (?:me|us) know|bring|limit|walk)\b/i;
const TO_PATIENT =
  /\byou\b|^(?:take|continue|stop|start|avoid|call|come back|return|keep|use|apply|ice|elevate|rest|wear|drink|eat|check|monitor|get|limit|walk)\b/i;
const MAX_INSTRUCTIONS = 6;

/** Instructions from the clinician's plan statements, in the order they were given. */
export function patientInstructions(plan: readonly Statement[]): Instruction[] {
  const out: Instruction[] = [];
  const seen = new Set<string>();
  for (const statement of plan) {
    if (statement.speaker !== 'clinician' || statement.role !== 'assessment_plan') continue;
    const spoken = statement.spoken.replace(PREAMBLE, '');
    if (!ACTION.test(spoken) || !TO_PATIENT.test(spoken) || spoken.split(/\s+/).length > 40) continue;
    const text = finishSentence(spoken);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, evidence: statement.evidence });
    if (out.length >= MAX_INSTRUCTIONS) break;
  }
  return out;
}
