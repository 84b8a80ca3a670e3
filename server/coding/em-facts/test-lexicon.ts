/**
 * The tests the data extractor recognises, each under one key so "each unique test counts once":
 * a panel's analytes name the panel ("potassium", "creatinine" and "eGFR" are the basic metabolic
 * panel; "LDL" is the lipid panel), a multiplex swab is one test, and generic imaging ("X-rays",
 * "MRI") is keyed by the body part named with it. Scored questionnaires (PHQ-9, GAD-7), vital
 * signs and home readings are not tests and are deliberately absent. Hand-written data.
 *
 * @module
 */
import { indexTerms, type TermIndex } from './term-matcher.ts';

export type TestKind = 'lab' | 'imaging' | 'cardiac' | 'other';

export interface TestEntry {
  /** The unique-test identity: `test:lipid-panel`. */
  readonly key: string;
  readonly label: string;
  readonly kind: TestKind;
  readonly terms: readonly string[];
  /** LOINC codes of chart results that belong to this test (for FHIR evidence). */
  readonly loinc?: readonly string[];
  /** Generic imaging keyed by the body part named with it ("knee X-rays" → `test:x-ray-knee`). */
  readonly byBodyPart?: boolean;
  /** Words that refer back to the last imaging test discussed ("the images", "the radiologist's report"). */
  readonly imagingReference?: boolean;
}

/**
 * One test a line: key ; label ; kind ; terms (`|`) ; flags. Flags: `loinc:<codes joined by +>`
 * (chart results of this test), `body-part` (generic imaging keyed by the part named with it),
 * `imaging-reference` (words pointing back to the imaging last discussed).
 */
const TABLE = `
hemoglobin-a1c                ; Hemoglobin A1c                          ; lab     ; a1c | hemoglobin a1c | hba1c | glycated hemoglobin ; loinc:4548-4
basic-metabolic-panel         ; Basic metabolic panel                   ; lab     ; basic metabolic panel | bmp | metabolic panel | kidney panel | kidney function | renal function | egfr | gfr | creatinine | potassium | sodium | electrolytes ; loinc:2160-0+2823-3+2951-2+98979-8+33914-3+51990-0+24321-2
comprehensive-metabolic-panel ; Comprehensive metabolic panel           ; lab     ; comprehensive metabolic panel | cmp ; loinc:24323-8
lipid-panel                   ; Lipid panel                             ; lab     ; lipid panel | lipid profile | cholesterol panel | lipids | ldl | hdl | triglycerides | total cholesterol ; loinc:13457-7+2093-3+2085-9+2571-8+57698-3
liver-panel                   ; Liver function tests                    ; lab     ; liver tests | liver function tests | liver function | liver panel | hepatic function panel | lfts | liver enzymes ; loinc:24325-3
cbc                           ; Complete blood count                    ; lab     ; complete blood count | cbc | blood count | blood counts | hemoglobin | white count | platelets ; loinc:58410-2+718-7
tsh                           ; TSH                                     ; lab     ; tsh | thyroid stimulating hormone | thyrotropin ; loinc:3016-3
free-t4                       ; Free T4                                 ; lab     ; free t4 | ft4 | free thyroxine ; loinc:3024-7
tpo-antibodies                ; Thyroid peroxidase antibodies           ; lab     ; thyroid peroxidase antibodies | thyroid peroxidase antibody | tpo antibodies | anti-tpo | thyroid antibodies
urine-albumin-creatinine      ; Urine albumin/creatinine ratio          ; lab     ; urine albumin to creatinine ratio | urine albumin-to-creatinine ratio | albumin to creatinine ratio | albumin-to-creatinine ratio | albumin creatinine ratio | albumin/creatinine ratio | urine albumin | microalbumin | uacr | urine microalbumin ; loinc:9318-7
urinalysis                    ; Urinalysis                              ; lab     ; urinalysis | urine dipstick | urine dip
urine-culture                 ; Urine culture                           ; lab     ; urine culture
magnesium                     ; Magnesium                               ; lab     ; magnesium | magnesium level ; loinc:19123-9
nt-probnp                     ; NT-proBNP                               ; lab     ; nt-probnp | probnp | bnp | natriuretic peptide | heart strain marker ; loinc:33762-6
troponin                      ; Troponin                                ; lab     ; troponin
d-dimer                       ; D-dimer                                 ; lab     ; d-dimer
inr                           ; PT/INR                                  ; lab     ; inr | pt/inr | prothrombin time
lithium-level                 ; Lithium level                           ; lab     ; lithium level
digoxin-level                 ; Digoxin level                           ; lab     ; digoxin level
valproate-level               ; Valproate level                         ; lab     ; valproate level | depakote level
drug-level                    ; Drug level                              ; lab     ; drug level | trough level | vancomycin trough | tacrolimus level
vitamin-d                     ; Vitamin D                               ; lab     ; vitamin d level | 25-hydroxy vitamin d
vitamin-b12                   ; Vitamin B12                             ; lab     ; b12 level | vitamin b12 level
iron-studies                  ; Iron studies                            ; lab     ; iron studies | ferritin | iron panel
psa                           ; PSA                                     ; lab     ; psa | prostate specific antigen
pregnancy-test                ; Pregnancy test                          ; lab     ; pregnancy test | hcg
rapid-strep                   ; Rapid strep test                        ; lab     ; rapid strep | strep test | throat culture
rapid-covid-flu               ; Rapid SARS-CoV-2/influenza antigen test ; lab     ; covid and flu swab | covid and flu test | flu and covid swab | flu and covid test | covid/flu swab | covid/flu test | rapid covid and flu | covid and influenza test ; loinc:94558-4+80382-5+80383-3
covid-test                    ; SARS-CoV-2 test                         ; lab     ; covid test | covid swab | rapid covid | covid-19 test | covid pcr
flu-test                      ; Influenza test                          ; lab     ; flu test | flu swab | rapid flu | influenza test
mono-test                     ; Monospot                                ; lab     ; monospot | mono test
blood-cultures                ; Blood cultures                          ; lab     ; blood cultures | blood culture
stool-test                    ; Stool test                              ; lab     ; stool test | stool culture | fit test | fecal immunochemical test
x-ray-chest                   ; Chest X-ray                             ; imaging ; chest x-ray | chest xray | cxr | chest film | chest radiograph
x-ray                         ; X-ray                                   ; imaging ; x-ray | xray | radiograph | plain films ; body-part
ct                            ; CT scan                                 ; imaging ; ct scan | ct | cat scan ; body-part
mri                           ; MRI                                     ; imaging ; mri | mri scan ; body-part
ultrasound                    ; Ultrasound                              ; imaging ; ultrasound | sonogram ; body-part
mammogram                     ; Mammogram                               ; imaging ; mammogram
dexa                          ; Bone density scan                       ; imaging ; dexa | dexa scan | bone density scan | bone density test
imaging-reference             ; Imaging                                 ; imaging ; the images | images | the films | the views | radiologist's report | radiology report | imaging report ; imaging-reference
echocardiogram                ; Echocardiogram                          ; cardiac ; echocardiogram | echo | ejection fraction | cardiac ultrasound
stress-echocardiogram         ; Stress echocardiogram                   ; cardiac ; stress echocardiogram | stress echo | exercise stress echocardiogram
stress-test                   ; Stress test                             ; cardiac ; stress test | treadmill test | nuclear stress test | exercise stress test
ecg                           ; ECG                                     ; cardiac ; ecg | ekg | electrocardiogram | tracing | rhythm strip
holter                        ; Holter monitor                          ; cardiac ; holter | holter monitor | event monitor | zio patch
cardiac-catheterization       ; Cardiac catheterization                 ; cardiac ; cardiac catheterization | heart catheterization | cardiac cath
spirometry                    ; Spirometry                              ; other   ; spirometry | pulmonary function tests | pfts | pulmonary function testing
sleep-study                   ; Sleep study                             ; other   ; sleep study | polysomnography
`;

function parseRow(line: string): TestEntry {
  const [key, label, kind, terms, flagText] = line.split(';').map((c) => c.trim());
  const flags = (flagText ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const loinc = flags.find((f) => f.startsWith('loinc:'))?.slice('loinc:'.length);
  return {
    key: `test:${key}`,
    label: label!,
    kind: kind as TestKind,
    terms: terms!.split('|').map((t) => t.trim()),
    ...(loinc ? { loinc: loinc.split('+') } : {}),
    ...(flags.includes('body-part') ? { byBodyPart: true } : {}),
    ...(flags.includes('imaging-reference') ? { imagingReference: true } : {}),
  };
}

export const TESTS: readonly TestEntry[] = TABLE.trim().split('\n').map(parseRow);

export const TEST_TERMS: TermIndex<TestEntry> = indexTerms(TESTS, (t) => t.terms);

const BODY_PART =
  /\b(ankle|knee|hip|shoulder|wrist|hand|foot|feet|elbow|neck|spine|back|lumbar|cervical|chest|abdomen|abdominal|pelvis|pelvic|head|brain|sinus|thyroid|renal|kidney|liver|gallbladder|heart|coronary|leg|arm)\b/;

/** The body part named just before a generic imaging term or in "of the …" after it. */
export function bodyPartNear(lower: string, start: number, end: number): string | undefined {
  const before = /(?:^|\s)([a-z]+)\s+$/.exec(lower.slice(Math.max(0, start - 25), start))?.[1];
  const beforePart = before ? BODY_PART.exec(before)?.[1] : undefined;
  if (beforePart) return beforePart === 'feet' ? 'foot' : beforePart;
  const after = /^\s+of (?:the |your |his |her )?(?:right |left |both )?([a-z]+)/.exec(
    lower.slice(end, end + 40),
  )?.[1];
  return after ? BODY_PART.exec(after)?.[1] : undefined;
}
