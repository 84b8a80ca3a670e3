/**
 * The synthetic outpatient fixtures as evaluation cases: each visit's transcript, its chart read
 * through the same context builder a launch uses (`contextFromBundle`), the template a clinician
 * of that specialty would pick, and the gold key facts. The fixtures are passed in (server code
 * never imports `fhir-fixtures/`); `EvalFixture` is the part of a `PatientFixture` used here.
 *
 * @module
 */
import type { Bundle } from '@medplum/fhirtypes';
import { contextFromBundle } from '../../context/context-from-bundle.ts';
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import type { ClinicianInput } from '../../contract/note-draft.ts';

/** What the evaluation reads of a synthetic fixture (a `PatientFixture` fits). */
export interface EvalFixture {
  readonly key: string;
  readonly specialty: string;
  readonly encounterId: string;
  readonly practitionerRef: string;
  bundle(today: string): Bundle;
  readonly visit: {
    readonly transcript: string;
    readonly gold: { readonly keyFacts: readonly string[] };
  };
}

export interface FixtureCase {
  readonly key: string;
  readonly templateId: string;
  readonly input: ClinicianInput;
  readonly context: ClinicalContext;
  readonly keyFacts: readonly string[];
}

/**
 * The template a clinician of the fixture's specialty picks. The paediatric visit is a sick visit
 * (SOAP), not a well-child check; the primary-care diabetes visit is a diabetes follow-up.
 */
const TEMPLATE_BY_SPECIALTY: Readonly<Record<string, string>> = {
  cardiology: 'cardiology-follow-up',
  endocrinology: 'diabetes-follow-up',
  'primary-care': 'soap-progress',
  paediatrics: 'soap-progress',
  orthopaedics: 'orthopaedic-injury',
  'behavioural-health': 'behavioural-health-follow-up',
};
const TEMPLATE_BY_KEY: Readonly<Record<string, string>> = {
  'primary-care-diabetes': 'diabetes-follow-up',
};

export function templateIdFor(fixture: Pick<EvalFixture, 'key' | 'specialty'>): string {
  return TEMPLATE_BY_KEY[fixture.key] ?? TEMPLATE_BY_SPECIALTY[fixture.specialty] ?? 'soap-progress';
}

/** The fixture's visit on `now`'s date, with the chart as a launch for that encounter would see it. */
export async function fixtureCase(fixture: EvalFixture, now: Date): Promise<FixtureCase> {
  const today = now.toISOString().slice(0, 10);
  const context = await contextFromBundle(fixture.bundle(today), {
    encounterId: fixture.encounterId,
    fhirUser: fixture.practitionerRef,
    now,
  });
  return {
    key: fixture.key,
    templateId: templateIdFor(fixture),
    input: { kind: 'transcript', text: fixture.visit.transcript },
    context,
    keyFacts: fixture.visit.gold.keyFacts,
  };
}
