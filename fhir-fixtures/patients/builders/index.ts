/**
 * Typed factories for the synthetic outpatient fixtures; import from here.
 *
 * @module
 */
export { refTo, transactionBundle } from './bundle.ts';
export type { WithId } from './bundle.ts';
export { addMinutes, assertDay, atTime, birthDateForAge, CLINIC_UTC_OFFSET, daysBefore } from './dates.ts';
export { SYSTEM } from './systems.ts';
export type { Coded } from './systems.ts';
export {
  buildOrganization,
  buildPatient,
  buildPractitioner,
  exampleAddress,
  examplePhone,
} from './people.ts';
export type { OrganizationInput, PatientInput, PractitionerInput } from './people.ts';
export { buildPriorVisit, buildTodayVisit } from './encounter.ts';
export type { VisitInput } from './encounter.ts';
export { buildCondition } from './condition.ts';
export type { ConditionInput } from './condition.ts';
export { buildMedicationRequest } from './medication.ts';
export type { MedicationInput } from './medication.ts';
export { buildAllergy, buildNoKnownAllergies } from './allergy.ts';
export type { AllergyInput } from './allergy.ts';
export {
  bloodPressureTrend,
  buildBloodPressure,
  buildVital,
  encounterOf,
  pts,
  vitalTrend,
} from './vitals.ts';
export type { QuantityVital, TrendInput, TrendPoint, VitalUnit } from './vitals.ts';
export { buildLab, flagFor, labTrend } from './labs.ts';
export { LAB } from './lab-catalog.ts';
export type { LabInput } from './labs.ts';
export type { LabDef } from './lab-catalog.ts';
export { buildCoverage, payerKindOf } from './coverage.ts';
export type { CoverageInput, PayerKind } from './coverage.ts';
export { buildNote, encodeText, NOTE_TYPE } from './document.ts';
export type { NoteInput } from './document.ts';
export { buildSurveyScore, SURVEY, surveyBand, surveyTrend } from './survey.ts';
export type { SurveyInput, SurveyKind } from './survey.ts';
export { buildQualitativeLab, RAPID_TEST } from './qualitative-lab.ts';
export type { QualitativeLabInput } from './qualitative-lab.ts';
export { buildTextReport, REPORT_TYPE } from './diagnostic-report.ts';
export type { TextReportInput } from './diagnostic-report.ts';
export { chartScope } from './chart-scope.ts';
export type {
  ChartScope,
  ChartScopeInput,
  ConditionOptions,
  MedicationOptions,
  NoteOptions,
  PriorVisitInput,
  TodayVisitInput,
} from './chart-scope.ts';
