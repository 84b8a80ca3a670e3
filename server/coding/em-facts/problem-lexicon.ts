/**
 * The conditions the problem extractor recognises, each with its course (how the AMA problems
 * column treats it before status is known), a family that links it to the drugs and tests that
 * treat or evaluate it, and the words clinicians use for it. Vague names ("blood pressure",
 * "cholesterol", "smoking") only name the problem when the same sentence gives a status, a
 * treatment or one of the entry's cue words. Hand-written data; extend it here.
 *
 * @module
 */
import { indexTerms, type TermIndex } from './term-matcher.ts';

/**
 * `chronic`, `acute`, `injury`, `minor` (self-limited), `threat` (to life or bodily function when
 * affirmed), `symptom` (a problem only when the clinician is unsure of its cause).
 */
export type ProblemCourse = 'chronic' | 'acute' | 'injury' | 'minor' | 'threat' | 'symptom';

export interface ProblemEntry {
  readonly key: string;
  readonly label: string;
  readonly course: ProblemCourse;
  /** Links drugs (their indications) and differentials to the problem: `diabetes`, `lower-respiratory`. */
  readonly family: string;
  readonly terms: readonly string[];
  readonly vagueTerms?: readonly string[];
  /** Words that let a vague term name the problem ("quit" for "smoking"). */
  readonly cueWords?: RegExp;
  /** A complication folded into its parent problem ("recurrent hypoglycemia" → the diabetes). */
  readonly partOf?: string;
  /** The complication means the parent is off target or has side effects of treatment. */
  readonly impliesExacerbation?: boolean;
  /** Serious or complex enough that ongoing care for it alone is G2211's "single serious condition". */
  readonly serious?: boolean;
}

/**
 * One condition a line: key ; label ; course ; family ; terms (`|`-separated) ; flags. Flags:
 * `serious` (G2211's single serious condition), `part-of:<key>` (a complication folded into that
 * problem), `implies-exacerbation` (the complication means the parent is off target), and
 * `vague:<term>` (a vague name, counted only with a status, a treatment or a cue word).
 */
const TABLE = `
diabetes              ; Diabetes                        ; chronic ; diabetes               ; diabetes | diabetes mellitus | type 2 diabetes | type ii diabetes | type 1 diabetes | type i diabetes | t2dm | t1dm | dm2 ; serious
hyperglycemia         ; Hyperglycemia                   ; chronic ; diabetes               ; hyperglycemia | high sugars | high blood sugars ; part-of:diabetes, implies-exacerbation
hypoglycemia          ; Hypoglycemia                    ; chronic ; diabetes               ; hypoglycemia | low blood sugar | low blood sugars | hypoglycemic episodes ; part-of:diabetes, implies-exacerbation
hypertension          ; Hypertension                    ; chronic ; hypertension           ; hypertension | high blood pressure | htn | essential hypertension ; vague:blood pressure
hyperlipidemia        ; Hyperlipidemia                  ; chronic ; lipids                 ; hyperlipidemia | dyslipidemia | hypercholesterolemia | high cholesterol | mixed hyperlipidemia ; vague:cholesterol
ckd                   ; Chronic kidney disease          ; chronic ; kidney                 ; chronic kidney disease | ckd | kidney disease | renal insufficiency ; serious
heart-failure         ; Heart failure                   ; chronic ; heart-failure          ; heart failure | chf | hfref | hfpef | cardiomyopathy | systolic dysfunction | systolic heart failure ; serious
atrial-fibrillation   ; Atrial fibrillation             ; chronic ; arrhythmia             ; atrial fibrillation | afib | a-fib | atrial flutter ; serious
cad                   ; Coronary artery disease         ; chronic ; ischemic-heart         ; coronary artery disease | coronary disease | cad ; serious
angina                ; Angina                          ; chronic ; ischemic-heart         ; angina | stable angina | angina pectoris
copd                  ; COPD                            ; chronic ; lower-respiratory      ; copd | chronic obstructive pulmonary disease | emphysema ; serious
asthma                ; Asthma                          ; chronic ; asthma                 ; asthma
hypothyroidism        ; Hypothyroidism                  ; chronic ; thyroid                ; hypothyroidism | underactive thyroid
thyroiditis           ; Autoimmune thyroiditis          ; chronic ; thyroid                ; hashimoto's | hashimoto's thyroiditis | autoimmune thyroiditis | thyroiditis ; part-of:hypothyroidism
hyperthyroidism       ; Hyperthyroidism                 ; chronic ; thyroid                ; hyperthyroidism | graves' disease | graves disease | overactive thyroid
depression            ; Major depressive disorder       ; chronic ; mood                   ; major depressive disorder | major depression | depression | recurrent depression | depressive disorder | mdd ; serious
anxiety               ; Generalized anxiety disorder    ; chronic ; anxiety                ; generalized anxiety disorder | anxiety disorder | anxiety | panic disorder
bipolar               ; Bipolar disorder                ; chronic ; mood                   ; bipolar disorder | bipolar ; serious
schizophrenia         ; Schizophrenia                   ; chronic ; psychosis              ; schizophrenia | schizoaffective disorder ; serious
adhd                  ; ADHD                            ; chronic ; adhd                   ; adhd | attention deficit hyperactivity disorder | attention deficit disorder
ptsd                  ; PTSD                            ; chronic ; anxiety                ; ptsd | post-traumatic stress disorder
insomnia              ; Insomnia                        ; chronic ; sleep                  ; insomnia
osteoarthritis        ; Osteoarthritis                  ; chronic ; joint                  ; osteoarthritis | degenerative joint disease
rheumatoid-arthritis  ; Rheumatoid arthritis            ; chronic ; inflammatory-joint     ; rheumatoid arthritis ; serious
gout                  ; Gout                            ; chronic ; gout                   ; gout | gouty arthritis
obesity               ; Obesity                         ; chronic ; weight                 ; obesity | morbid obesity
gerd                  ; Gastroesophageal reflux disease ; chronic ; gi-reflux              ; gerd | acid reflux | gastroesophageal reflux
migraine              ; Migraine                        ; chronic ; headache               ; migraine | migraines | migraine headaches
epilepsy              ; Epilepsy                        ; chronic ; seizure                ; epilepsy | seizure disorder ; serious
osteoporosis          ; Osteoporosis                    ; chronic ; bone                   ; osteoporosis | osteopenia
bph                   ; Benign prostatic hyperplasia    ; chronic ; prostate               ; bph | benign prostatic hyperplasia | enlarged prostate
allergic-rhinitis     ; Allergic rhinitis               ; chronic ; allergy                ; allergic rhinitis | seasonal allergies | hay fever
eczema                ; Atopic dermatitis               ; chronic ; skin                   ; eczema | atopic dermatitis
psoriasis             ; Psoriasis                       ; chronic ; skin                   ; psoriasis
cataract              ; Cataract                        ; chronic ; eye                    ; cataract | cataracts
glaucoma              ; Glaucoma                        ; chronic ; eye                    ; glaucoma
neuropathy            ; Peripheral neuropathy           ; chronic ; neuropathy             ; neuropathy | peripheral neuropathy | diabetic neuropathy
retinopathy           ; Diabetic retinopathy            ; chronic ; eye                    ; retinopathy | diabetic retinopathy
anemia                ; Anemia                          ; chronic ; blood                  ; anemia | iron deficiency anemia | iron deficiency
chronic-pain          ; Chronic pain                    ; chronic ; pain                   ; chronic pain | fibromyalgia
tobacco               ; Nicotine dependence             ; chronic ; tobacco                ; nicotine dependence | tobacco use | tobacco dependence | tobacco use disorder ; vague:smoking
alcohol-use           ; Alcohol use disorder            ; chronic ; alcohol                ; alcohol use disorder | alcohol dependence | alcohol abuse ; serious
back-pain             ; Low back pain                   ; acute   ; back                   ; back pain | low back pain | lower back pain | sciatica
knee-pain             ; Knee pain                       ; acute   ; knee                   ; knee pain
otitis-media          ; Acute otitis media              ; acute   ; ear                    ; otitis media | acute otitis media | suppurative otitis media | acute suppurative otitis media | ear infection
otitis-externa        ; Otitis externa                  ; acute   ; ear                    ; otitis externa | swimmer's ear
sinusitis             ; Sinusitis                       ; acute   ; upper-respiratory      ; sinusitis | sinus infection
pharyngitis           ; Pharyngitis                     ; acute   ; upper-respiratory      ; pharyngitis | strep throat | tonsillitis
uri                   ; Upper respiratory infection     ; acute   ; upper-respiratory      ; upper respiratory infection | uri | viral upper respiratory infection
bronchitis            ; Acute bronchitis                ; acute   ; lower-respiratory      ; bronchitis | acute bronchitis
pneumonia             ; Pneumonia                       ; acute   ; lower-respiratory      ; pneumonia | community-acquired pneumonia
influenza             ; Influenza                       ; acute   ; lower-respiratory      ; influenza | the flu
uti                   ; Urinary tract infection         ; acute   ; urinary                ; urinary tract infection | uti | cystitis | bladder infection
pyelonephritis        ; Pyelonephritis                  ; acute   ; urinary                ; pyelonephritis | kidney infection
cellulitis            ; Cellulitis                      ; acute   ; skin-infection         ; cellulitis | abscess
gastroenteritis       ; Gastroenteritis                 ; acute   ; gi                     ; gastroenteritis | stomach bug | stomach flu
conjunctivitis        ; Conjunctivitis                  ; acute   ; eye-infection          ; conjunctivitis | pink eye
sprain                ; Sprain                          ; injury  ; musculoskeletal-injury ; sprain | sprained ankle | ankle sprain | high ankle sprain | ligament sprain
strain                ; Muscle strain                   ; injury  ; musculoskeletal-injury ; muscle strain | pulled muscle | back strain | hamstring strain
fracture              ; Fracture                        ; injury  ; musculoskeletal-injury ; fracture | broken bone
laceration            ; Laceration                      ; injury  ; wound                  ; laceration | cut that needs stitches
contusion             ; Contusion                       ; injury  ; wound                  ; contusion
concussion            ; Concussion                      ; injury  ; head-injury            ; concussion
common-cold           ; Common cold                     ; minor   ; upper-respiratory      ; common cold | head cold
insect-bite           ; Insect bite                     ; minor   ; skin-minor             ; insect bite | bug bite | bee sting
wart                  ; Wart                            ; minor   ; skin-minor             ; wart | warts | common wart
sunburn               ; Sunburn                         ; minor   ; skin-minor             ; sunburn
unstable-angina       ; Unstable angina                 ; threat  ; ischemic-heart         ; unstable angina | acute coronary syndrome | acs
myocardial-infarction ; Myocardial infarction           ; threat  ; ischemic-heart         ; myocardial infarction | heart attack | stemi | nstemi
stroke                ; Stroke                          ; threat  ; neuro-vascular         ; stroke | transient ischemic attack | tia
sepsis                ; Sepsis                          ; threat  ; sepsis                 ; sepsis | septic
pulmonary-embolism    ; Pulmonary embolism              ; threat  ; embolism               ; pulmonary embolism | blood clot in the lung
meningitis            ; Meningitis                      ; threat  ; cns-infection          ; meningitis
dka                   ; Diabetic ketoacidosis           ; threat  ; diabetes               ; diabetic ketoacidosis | dka | ketoacidosis
appendicitis          ; Appendicitis                    ; threat  ; abdomen                ; appendicitis
suicidal-ideation     ; Suicidal ideation               ; threat  ; mood                   ; suicidal ideation | suicidal thoughts | suicidal intent
anaphylaxis           ; Anaphylaxis                     ; threat  ; allergy                ; anaphylaxis
chest-pain            ; Chest pain                      ; symptom ; ischemic-heart         ; chest pain | chest pressure | chest tightness
dizziness             ; Dizziness                       ; symptom ; dizziness              ; dizziness | vertigo | lightheadedness
palpitations          ; Palpitations                    ; symptom ; arrhythmia             ; palpitations
syncope               ; Syncope                         ; symptom ; syncope                ; syncope | fainting | passing out
headache              ; Headache                        ; symptom ; headache               ; headache | headaches
abdominal-pain        ; Abdominal pain                  ; symptom ; abdomen                ; abdominal pain | stomach pain | belly pain
weight-loss           ; Weight loss                     ; symptom ; weight                 ; unintentional weight loss | weight loss
lump                  ; Mass or lump                    ; symptom ; mass                   ; lump | mass | nodule
dyspnea               ; Shortness of breath             ; symptom ; lower-respiratory      ; shortness of breath | dyspnea
rectal-bleeding       ; Rectal bleeding                 ; symptom ; gi-bleed               ; rectal bleeding | blood in the stool | blood in stool
hematuria             ; Hematuria                       ; symptom ; urinary                ; hematuria | blood in the urine
`;

/** Cue words for vague names beyond status and treatment. */
const CUE_WORDS: Readonly<Record<string, RegExp>> = {
  tobacco: /\b(?:quit|quitting|cessation|pack a day|cigarettes)\b/,
};

function parseRow(line: string): ProblemEntry {
  const [key, label, course, family, terms, flagText] = line.split(';').map((c) => c.trim());
  const flags = (flagText ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const value = (name: string) => flags.find((f) => f.startsWith(`${name}:`))?.slice(name.length + 1);
  const partOf = value('part-of');
  const vague = value('vague');
  const cueWords = CUE_WORDS[key!];
  return {
    key: key!,
    label: label!,
    course: course as ProblemCourse,
    family: family!,
    terms: terms!.split('|').map((t) => t.trim()),
    ...(partOf ? { partOf } : {}),
    ...(flags.includes('implies-exacerbation') ? { impliesExacerbation: true } : {}),
    ...(flags.includes('serious') ? { serious: true } : {}),
    ...(vague ? { vagueTerms: [vague] } : {}),
    ...(cueWords ? { cueWords } : {}),
  };
}

export const PROBLEMS: readonly ProblemEntry[] = TABLE.trim().split('\n').map(parseRow);

export const PROBLEM_BY_KEY: ReadonlyMap<string, ProblemEntry> = new Map(PROBLEMS.map((p) => [p.key, p]));

/** A term of the lexicon: the entry it names, and whether the name is vague. */
export interface ProblemTerm {
  readonly entry: ProblemEntry;
  readonly vague: boolean;
}

export const PROBLEM_TERMS: TermIndex<ProblemTerm> = indexTerms(
  PROBLEMS.flatMap((entry) => [
    ...entry.terms.map((term) => ({ entry, vague: false, term })),
    ...(entry.vagueTerms ?? []).map((term) => ({ entry, vague: true, term })),
  ]),
  (t) => [t.term],
);
