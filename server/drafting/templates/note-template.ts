/**
 * A note template: a versioned list of sections, each with the instruction a provider follows.
 * Stored in Postgres (`note_template`, seeded by migration); a draft records the exact version
 * it was written against, so editing a template never changes an existing draft's meaning.
 *
 * @module
 */

/** What a section holds, so the builtin engine knows where a classified sentence belongs. */
export type SectionRole =
  | 'chief_complaint'
  | 'hpi'
  | 'ros'
  | 'history'
  | 'medications'
  | 'allergies'
  | 'exam'
  | 'results'
  | 'assessment_plan'
  | 'patient_instructions';

export interface TemplateSection {
  readonly key: string;
  readonly title: string;
  readonly role: SectionRole;
  /** For the model and for the clinician: what belongs here. */
  readonly instruction: string;
}

export interface NoteTemplate {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly specialty: string;
  readonly sections: readonly TemplateSection[];
}
