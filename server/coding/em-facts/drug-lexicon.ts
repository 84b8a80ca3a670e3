/**
 * The drugs the risk extractor recognises, by generic and brand name: whether they are sold over
 * the counter (low risk unless prescribed), the problem families they treat (so a dose change is
 * linked to the problem it addresses), their class (so "the statin: atorvastatin" is one drug),
 * and, for drugs whose safe use needs intensive monitoring for toxicity, the monitoring tests.
 * Hand-written data; extend it here.
 *
 * @module
 */
import { indexTerms, type TermIndex } from './term-matcher.ts';

export interface DrugEntry {
  readonly key: string;
  readonly label: string;
  readonly terms: readonly string[];
  readonly otc: boolean;
  /** Problem families it treats; one family lets a decision name the problem it addresses. */
  readonly families: readonly string[];
  readonly className?: string;
  /** A class word ("an antibiotic", "the statin"): dropped when a drug of the class is named. */
  readonly isClass?: boolean;
  /** Test keys whose ordering with this drug is intensive monitoring for toxicity. */
  readonly toxicityTests?: readonly string[];
  /** Short names ("patch") that name this drug only when `contextCue` is near. */
  readonly contextTerms?: readonly string[];
  readonly contextCue?: RegExp;
}

/**
 * One drug a line: key ; indications (problem families, main one first) ; names (`|`) ; flags.
 * Flags: `otc`, `class:<name>`, `class-word:<name>` (a class word, not a drug), `toxicity:<test
 * keys joined by +>` (monitoring that is intensive monitoring for toxicity), `context:<short
 * names joined by +>` (names valid only near the drug's context cue).
 */
const TABLE = `
metformin               ; diabetes                                                       ; metformin | glucophage
empagliflozin           ; diabetes kidney heart-failure                                  ; empagliflozin | jardiance
dapagliflozin           ; diabetes kidney heart-failure                                  ; dapagliflozin | farxiga
semaglutide             ; diabetes weight                                                ; semaglutide | ozempic | wegovy | rybelsus
tirzepatide             ; diabetes weight                                                ; tirzepatide | mounjaro | zepbound
dulaglutide             ; diabetes                                                       ; dulaglutide | trulicity | liraglutide | victoza
glipizide               ; diabetes                                                       ; glipizide | glimepiride | glyburide
sitagliptin             ; diabetes                                                       ; sitagliptin | januvia | pioglitazone
insulin-glargine        ; diabetes                                                       ; insulin glargine | glargine | lantus | basaglar | toujeo | degludec | tresiba | detemir | levemir ; class:insulin
insulin-lispro          ; diabetes                                                       ; insulin lispro | lispro | humalog | insulin aspart | aspart | novolog | fiasp ; class:insulin
insulin                 ; diabetes                                                       ; insulin ; class-word:insulin
glucagon                ; diabetes                                                       ; glucagon | nasal glucagon | baqsimi | gvoke
lisinopril              ; hypertension heart-failure kidney                              ; lisinopril | enalapril | ramipril | benazepril
losartan                ; hypertension heart-failure kidney                              ; losartan | valsartan | olmesartan | irbesartan | telmisartan
amlodipine              ; hypertension ischemic-heart                                    ; amlodipine | nifedipine | norvasc
diltiazem               ; hypertension arrhythmia ischemic-heart                         ; diltiazem | verapamil
hydrochlorothiazide     ; hypertension                                                   ; hydrochlorothiazide | hctz | chlorthalidone
metoprolol              ; hypertension heart-failure arrhythmia ischemic-heart           ; metoprolol | metoprolol succinate | metoprolol tartrate | toprol | carvedilol | atenolol | bisoprolol | propranolol ; class:beta-blocker
beta-blocker            ; hypertension heart-failure arrhythmia ischemic-heart           ; beta-blocker | beta blocker ; class-word:beta-blocker
sacubitril-valsartan    ; heart-failure                                                  ; sacubitril-valsartan | sacubitril valsartan | entresto
spironolactone          ; heart-failure hypertension                                     ; spironolactone | eplerenone
furosemide              ; heart-failure hypertension                                     ; furosemide | lasix | torsemide | bumetanide | water pill | diuretic
hydralazine             ; heart-failure hypertension                                     ; hydralazine | isosorbide
nitroglycerin           ; ischemic-heart                                                 ; nitroglycerin | nitro | nitrostat
digoxin                 ; heart-failure arrhythmia                                       ; digoxin ; toxicity:digoxin-level
amiodarone              ; arrhythmia                                                     ; amiodarone
apixaban                ; arrhythmia embolism                                            ; apixaban | eliquis | rivaroxaban | xarelto | dabigatran
warfarin                ; arrhythmia embolism                                            ; warfarin | coumadin ; toxicity:inr
clopidogrel             ; ischemic-heart                                                 ; clopidogrel | plavix | ticagrelor
aspirin                 ; ischemic-heart                                                 ; aspirin | baby aspirin ; otc
atorvastatin            ; lipids                                                         ; atorvastatin | lipitor | rosuvastatin | crestor | simvastatin | pravastatin ; class:statin
statin                  ; lipids                                                         ; statin ; class-word:statin
ezetimibe               ; lipids                                                         ; ezetimibe | zetia
levothyroxine           ; thyroid                                                        ; levothyroxine | synthroid | levoxyl
methimazole             ; thyroid                                                        ; methimazole | propylthiouracil
sertraline              ; mood anxiety                                                   ; sertraline | zoloft | fluoxetine | prozac | escitalopram | lexapro | citalopram | paroxetine ; class:antidepressant
venlafaxine             ; mood anxiety pain                                              ; venlafaxine | effexor | duloxetine | cymbalta ; class:antidepressant
bupropion               ; mood tobacco                                                   ; bupropion | wellbutrin ; class:antidepressant
mirtazapine             ; mood sleep                                                     ; mirtazapine ; class:antidepressant
trazodone               ; mood sleep                                                     ; trazodone
buspirone               ; anxiety                                                        ; buspirone
benzodiazepine          ; anxiety                                                        ; benzodiazepine | lorazepam | ativan | alprazolam | xanax | clonazepam | klonopin | diazepam | valium
lithium                 ; mood                                                           ; lithium ; toxicity:lithium-level
antipsychotic           ; psychosis mood                                                 ; quetiapine | seroquel | aripiprazole | abilify | olanzapine | risperidone
clozapine               ; psychosis                                                      ; clozapine ; toxicity:cbc
valproate               ; seizure mood                                                   ; valproate | valproic acid | depakote ; toxicity:valproate-level+liver-panel
lamotrigine             ; seizure mood                                                   ; lamotrigine | levetiracetam | keppra
stimulant               ; adhd                                                           ; methylphenidate | ritalin | amphetamine | adderall | lisdexamfetamine | vyvanse
albuterol               ; lower-respiratory asthma                                       ; albuterol | ventolin | proair | albuterol inhaler | rescue inhaler
inhaled-steroid         ; lower-respiratory asthma                                       ; fluticasone inhaler | budesonide | symbicort | advair | tiotropium | spiriva
montelukast             ; asthma allergy                                                 ; montelukast | singulair
prednisone              ; asthma lower-respiratory inflammatory-joint allergy            ; prednisone | prednisolone | methylprednisolone | medrol
benzonatate             ; lower-respiratory                                              ; benzonatate | tessalon
guaifenesin             ; lower-respiratory upper-respiratory                            ; guaifenesin | mucinex | dextromethorphan | cough syrup ; otc
amoxicillin             ; ear upper-respiratory lower-respiratory                        ; amoxicillin | amoxil ; class:antibiotic
amoxicillin-clavulanate ; ear upper-respiratory lower-respiratory skin-infection         ; amoxicillin-clavulanate | augmentin ; class:antibiotic
azithromycin            ; lower-respiratory upper-respiratory                            ; azithromycin | z-pak | zithromax ; class:antibiotic
doxycycline             ; lower-respiratory skin-infection                               ; doxycycline ; class:antibiotic
cephalexin              ; skin-infection upper-respiratory ear urinary                   ; cephalexin | keflex | cefdinir | ceftriaxone ; class:antibiotic
fluoroquinolone         ; urinary lower-respiratory                                      ; ciprofloxacin | cipro | levofloxacin ; class:antibiotic
nitrofurantoin          ; urinary skin-infection                                         ; nitrofurantoin | macrobid | trimethoprim-sulfamethoxazole | bactrim ; class:antibiotic
clindamycin             ; skin-infection gi                                              ; clindamycin | metronidazole | flagyl ; class:antibiotic
vancomycin              ; sepsis skin-infection                                          ; vancomycin | gentamicin ; class:antibiotic, toxicity:drug-level
antibiotic              ; ear upper-respiratory lower-respiratory urinary skin-infection ; antibiotic | antibiotics ; class-word:antibiotic
oseltamivir             ; lower-respiratory                                              ; oseltamivir | tamiflu
antiviral               ; skin-minor                                                     ; valacyclovir | valtrex | acyclovir
fluconazole             ; gi urinary                                                     ; fluconazole | diflucan
ibuprofen               ; pain musculoskeletal-injury joint back                         ; ibuprofen | advil | motrin | naproxen | aleve ; otc
acetaminophen           ; pain musculoskeletal-injury                                    ; acetaminophen | tylenol | paracetamol ; otc
nsaid-rx                ; pain joint musculoskeletal-injury back                         ; meloxicam | diclofenac | celecoxib | celebrex | ketorolac
muscle-relaxant         ; back musculoskeletal-injury                                    ; cyclobenzaprine | flexeril | methocarbamol | tizanidine
opioid                  ; pain                                                           ; tramadol | oxycodone | hydrocodone | percocet | norco | morphine | hydromorphone ; class:opioid
gabapentin              ; neuropathy pain                                                ; gabapentin | neurontin | pregabalin | lyrica
gout-drug               ; gout                                                           ; allopurinol | colchicine | febuxostat
ppi                     ; gi-reflux                                                      ; pantoprazole | protonix | esomeprazole
omeprazole              ; gi-reflux                                                      ; omeprazole | prilosec | famotidine | pepcid ; otc
ondansetron             ; gi                                                             ; ondansetron | zofran
nicotine-replacement    ; tobacco                                                        ; nicotine patch | nicotine replacement | nicotine gum | nicotine lozenge ; otc, context:patch
varenicline             ; tobacco                                                        ; varenicline | chantix
antihistamine           ; allergy                                                        ; cetirizine | zyrtec | loratadine | claritin | fexofenadine | allegra ; otc
nasal-steroid           ; allergy                                                        ; fluticasone nasal spray | flonase ; otc
hydrocortisone          ; skin                                                           ; hydrocortisone cream ; otc
topical-steroid         ; skin                                                           ; triamcinolone | clobetasol | betamethasone
methotrexate            ; inflammatory-joint skin                                        ; methotrexate ; toxicity:cbc+liver-panel
immunosuppressant       ; transplant                                                     ; tacrolimus | cyclosporine ; toxicity:drug-level
hydroxychloroquine      ; inflammatory-joint                                             ; hydroxychloroquine | plaquenil
bisphosphonate          ; bone                                                           ; alendronate | fosamax
triptan                 ; headache                                                       ; sumatriptan | rizatriptan | topiramate
tamsulosin              ; prostate                                                       ; tamsulosin | flomax | finasteride
epinephrine             ; allergy                                                        ; epinephrine auto-injector | epipen
`;

/** Words near a short name ("patch") that make it this drug. */
const CONTEXT_CUES: Readonly<Record<string, RegExp>> = {
  'nicotine-replacement': /\b(?:nicotine|smok\w*|quit\w*|cigarettes?|tobacco)\b/,
};

function parseRow(line: string): DrugEntry {
  const [key, families, names, flagText] = line.split(';').map((c) => c.trim());
  const flags = (flagText ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const value = (name: string) => flags.find((f) => f.startsWith(`${name}:`))?.slice(name.length + 1);
  const terms = names!.split('|').map((t) => t.trim());
  const className = value('class') ?? value('class-word');
  const toxicity = value('toxicity');
  const context = value('context');
  const contextCue = CONTEXT_CUES[key!];
  return {
    key: key!,
    label: terms[0]!,
    terms,
    otc: flags.includes('otc'),
    families: families!.split(/\s+/),
    ...(className ? { className } : {}),
    ...(value('class-word') ? { isClass: true } : {}),
    ...(toxicity ? { toxicityTests: toxicity.split('+').map((t) => `test:${t}`) } : {}),
    ...(context ? { contextTerms: context.split('+') } : {}),
    ...(contextCue ? { contextCue } : {}),
  };
}

export const DRUGS: readonly DrugEntry[] = TABLE.trim().split('\n').map(parseRow);

/** A drug term: the drug, and whether the term is a context-only short name. */
export interface DrugTerm {
  readonly entry: DrugEntry;
  readonly contextual: boolean;
}

export const DRUG_TERMS: TermIndex<DrugTerm> = indexTerms(
  DRUGS.flatMap((entry) => [
    ...entry.terms.map((term) => ({ entry, contextual: false, term })),
    ...(entry.contextTerms ?? []).map((term) => ({ entry, contextual: true, term })),
  ]),
  (t) => [t.term],
);
