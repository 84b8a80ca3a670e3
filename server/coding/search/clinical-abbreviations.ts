/**
 * Clinical abbreviations code search understands, as a query word on its own: each expands to the
 * words ICD-10-CM uses (every one must appear in a description, as a word prefix), and names the
 * code (or code family, by prefix) a coder means by it when nothing else is said, which ranks
 * first. `HTN` → "hypertens…" (hypertension, hypertensive), I10 first. A test checks every entry
 * against the official FY2026 file.
 *
 * Ambiguous abbreviations (ASD, MS, ADD) are left out: a wrong guess is worse than none.
 *
 * @module
 */

export interface ClinicalAbbreviation {
  /** Lower case, letters and digits only, as the query tokenizer produces it. */
  readonly abbreviation: string;
  /** Words as in ICD-10-CM descriptions; each matches as a prefix. */
  readonly expansion: string;
  /** Dotted code or code prefix ranked first: `I10`, `E11.9`, `H66.00`. */
  readonly prefer: string;
}

const entry = (abbreviation: string, expansion: string, prefer: string): ClinicalAbbreviation => ({
  abbreviation,
  expansion,
  prefer,
});

export const CLINICAL_ABBREVIATIONS: readonly ClinicalAbbreviation[] = [
  // Cardiovascular
  entry('htn', 'hypertens', 'I10'),
  entry('chf', 'heart failure', 'I50.9'),
  entry('hf', 'heart failure', 'I50.9'),
  entry('hfref', 'systolic heart failure', 'I50.20'),
  entry('hfpef', 'diastolic heart failure', 'I50.30'),
  entry('cad', 'atherosclerotic heart disease', 'I25.10'),
  entry('mi', 'myocardial infarction', 'I21.9'),
  entry('afib', 'atrial fibrillation', 'I48.91'),
  entry('af', 'atrial fibrillation', 'I48.91'),
  entry('aflutter', 'atrial flutter', 'I48.92'),
  entry('svt', 'supraventricular tachycardia', 'I47.10'),
  entry('dvt', 'deep vein thrombosis', 'I82.40'),
  entry('pe', 'pulmonary embolism', 'I26.99'),
  entry('tia', 'transient ischemic attack', 'G45.9'),
  entry('cva', 'cerebral infarction', 'I63.9'),
  entry('pad', 'peripheral vascular disease', 'I73.9'),
  entry('pvd', 'peripheral vascular disease', 'I73.9'),
  entry('aaa', 'abdominal aortic aneurysm', 'I71.40'),
  entry('hld', 'hyperlipidemia', 'E78.5'),
  // Endocrine and kidney
  entry('dm', 'diabetes mellitus', 'E11.9'),
  entry('t2dm', 'type 2 diabetes', 'E11.9'),
  entry('dm2', 'type 2 diabetes', 'E11.9'),
  entry('t1dm', 'type 1 diabetes', 'E10.9'),
  entry('dm1', 'type 1 diabetes', 'E10.9'),
  entry('dka', 'diabetes ketoacidosis', 'E10.10'),
  entry('pcos', 'polycystic ovarian syndrome', 'E28.2'),
  entry('ckd', 'chronic kidney disease', 'N18.9'),
  entry('esrd', 'end stage renal disease', 'N18.6'),
  entry('aki', 'acute kidney failure', 'N17.9'),
  entry('bph', 'benign prostatic hyperplasia', 'N40.0'),
  entry('uti', 'urinary tract infection', 'N39.0'),
  // Respiratory and infections
  entry('copd', 'chronic obstructive pulmonary disease', 'J44.9'),
  entry('uri', 'upper respiratory infection', 'J06.9'),
  entry('cap', 'pneumonia', 'J18.9'),
  entry('osa', 'obstructive sleep apnea', 'G47.33'),
  entry('om', 'otitis media', 'H66.90'),
  entry('aom', 'acute otitis media', 'H66.00'),
  entry('hiv', 'human immunodeficiency virus', 'B20'),
  entry('rsv', 'respiratory syncytial virus', 'B97.4'),
  entry('hcv', 'hepatitis c', 'B18.2'),
  // Digestive
  entry('gerd', 'gastro esophageal reflux', 'K21.9'),
  entry('pud', 'peptic ulcer', 'K27.9'),
  entry('ibs', 'irritable bowel syndrome', 'K58.9'),
  entry('uc', 'ulcerative colitis', 'K51.90'),
  // Musculoskeletal and nerves
  entry('oa', 'osteoarthritis', 'M19.90'),
  entry('ra', 'rheumatoid arthritis', 'M06.9'),
  entry('sle', 'systemic lupus erythematosus', 'M32.9'),
  entry('lbp', 'low back pain', 'M54.50'),
  entry('cts', 'carpal tunnel syndrome', 'G56.00'),
  entry('acl', 'anterior cruciate ligament', 'S83.51'),
  entry('bppv', 'benign paroxysmal vertigo', 'H81.10'),
  // Behavioural health
  entry('mdd', 'major depressive disorder', 'F32.9'),
  entry('gad', 'generalized anxiety disorder', 'F41.1'),
  entry('adhd', 'attention deficit hyperactivity', 'F90.9'),
  entry('ptsd', 'post traumatic stress', 'F43.10'),
  entry('ocd', 'obsessive compulsive', 'F42.9'),
  entry('oud', 'opioid dependence', 'F11.20'),
  entry('aud', 'alcohol dependence', 'F10.20'),
  // Symptoms and encounters
  entry('sob', 'shortness of breath', 'R06.02'),
  entry('cp', 'chest pain', 'R07.9'),
  entry('ha', 'headache', 'R51.9'),
  entry('nv', 'nausea vomiting', 'R11.2'),
  entry('bmi', 'body mass index', 'Z68'),
  entry('wcc', 'child health examination', 'Z00.129'),
];
