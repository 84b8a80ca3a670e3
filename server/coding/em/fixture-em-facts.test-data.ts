/**
 * Test data: hand-built EmFacts for every fixture visit, by fixture key, as a correct extractor
 * would produce them from the gold E/M rationale. Kept out of the fixtures folder because these
 * are the engine's inputs, not gold answers.
 *
 * @module
 */
import * as primary from './fixture-em-facts-primary.test-data.ts';
import type { EmFactsBuilder } from './fixture-em-facts-primary.test-data.ts';
import * as specialist from './fixture-em-facts-specialist.test-data.ts';

export type { EmFactsBuilder, FixtureVisit } from './fixture-em-facts-primary.test-data.ts';

export const FIXTURE_EM_FACTS: Readonly<Record<string, EmFactsBuilder>> = {
  'primary-care-diabetes': primary.primaryCareDiabetes,
  'primary-care-bronchitis': primary.primaryCareBronchitis,
  'paediatrics-otitis-media': primary.paediatricsOtitisMedia,
  'behavioural-health-depression': primary.behaviouralHealthDepression,
  'cardiology-heart-failure': specialist.cardiologyHeartFailure,
  'cardiology-chest-pain': specialist.cardiologyChestPain,
  'endocrinology-type1-thyroid': specialist.endocrinologyType1Thyroid,
  'orthopaedics-ankle-sprain': specialist.orthopaedicsAnkleSprain,
};
