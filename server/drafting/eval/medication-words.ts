/**
 * Which words of a key fact name a medication, for the fact-recall rule (a fact's medication
 * names must all appear in the note). Generic names are recognised by their stems (the
 * WHO/USAN suffixes: `-pril`, `-sartan`, `-olol`, `-statin`, `-gliflozin`, …) and a list of
 * common names without a telling stem, plus the brand names outpatient visits use. Evaluation
 * only: a fact that names a drug this misses is still scored, by its other content words.
 *
 * @module
 */

/** USAN/INN stems, matched at the end of words of six letters or more. */
const STEMS = [
  'pril',
  'sartan',
  'olol',
  'alol',
  'dilol',
  'statin',
  'formin',
  'gliflozin',
  'glutide',
  'gliptin',
  'glinide',
  'glitazone',
  'dipine',
  'azole',
  'cillin',
  'mycin',
  'micin',
  'cycline',
  'floxacin',
  'prazole',
  'tidine',
  'semide',
  'thiazide',
  'lukast',
  'oxetine',
  'triptyline',
  'zepam',
  'zolam',
  'parin',
  'xaban',
  'gatran',
  'grel',
  'profen',
  'fenac',
  'coxib',
  'caine',
  'tropium',
  'terol',
  'sonide',
  'olone',
  'asone',
  'nisone',
  'azosin',
  'osin',
  'setron',
  'triptan',
  'tadine',
  'tizine',
  'afil',
] as const;

/** Words a stem would catch that are not drugs. */
const NOT_DRUGS = new Set(['cholesterol', 'april', 'peptide']);

/** Common generic names without a telling stem, and brand names heard in outpatient visits. */
const NAMES = new Set(
  (
    'aspirin insulin glargine lispro aspart detemir degludec levothyroxine liothyronine warfarin ' +
    'digoxin nitroglycerin amiodarone spironolactone eplerenone torsemide bumetanide ' +
    'chlorthalidone sacubitril hydralazine isosorbide ranolazine glucagon acetaminophen ' +
    'paracetamol naproxen trazodone sertraline citalopram escitalopram bupropion mirtazapine ' +
    'venlafaxine desvenlafaxine duloxetine buspirone hydroxyzine quetiapine aripiprazole ' +
    'olanzapine risperidone lamotrigine lithium gabapentin pregabalin tramadol oxycodone ' +
    'hydrocodone morphine amoxicillin clavulanate azithromycin cephalexin cefdinir ceftriaxone ' +
    'nitrofurantoin trimethoprim sulfamethoxazole metronidazole benzonatate guaifenesin ' +
    'dextromethorphan prednisone prednisolone methylprednisolone dexamethasone fluticasone ' +
    'montelukast nicotine varenicline ondansetron loratadine cetirizine fexofenadine ' +
    'diphenhydramine meloxicam cyclobenzaprine methocarbamol allopurinol febuxostat colchicine ' +
    'finasteride tirzepatide glipizide glimepiride glyburide ezetimibe clopidogrel ticagrelor ' +
    'apixaban rivaroxaban dabigatran metformin methotrexate hydroxychloroquine penicillin ' +
    'epinephrine naloxone melatonin doxylamine ' +
    'lantus basaglar toujeo tresiba humalog novolog admelog baqsimi gvoke tylenol advil motrin ' +
    'aleve eliquis xarelto jardiance farxiga invokana ozempic wegovy trulicity victoza mounjaro ' +
    'entresto lasix zoloft prozac lexapro celexa wellbutrin effexor cymbalta desyrel synthroid ' +
    'levoxyl lipitor crestor zocor norvasc zestril prinivil glucophage coumadin plavix ventolin ' +
    'proair tessalon flonase singulair zyrtec claritin allegra benadryl keflex augmentin zithromax ' +
    'zofran neurontin chantix nicoderm'
  ).split(' '),
);

/** True when `word` (lower case, letters only) names a medication. */
export function isMedicationWord(word: string): boolean {
  if (NAMES.has(word)) return true;
  if (word.length < 6 || NOT_DRUGS.has(word)) return false;
  return STEMS.some((stem) => word.endsWith(stem));
}
