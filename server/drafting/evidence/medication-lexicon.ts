/**
 * The medication names a sentence is checked for: common US outpatient generics with their
 * common brand names, plus the names on the patient's own medication list. A brand and its
 * generic share one canonical name, so "Eliquis" in a sentence is supported by "apixaban" in the
 * evidence. Written for this project from general clinical knowledge; not a drug database.
 *
 * @module
 */

/**
 * One generic per line, brands after the colon. Combination products are their own generic
 * ("sacubitril-valsartan"); spaces, hyphens and slashes in names match each other.
 */
const SOURCE = `
acetaminophen: Tylenol | ibuprofen: Advil, Motrin | naproxen: Aleve, Naprosyn | aspirin: Ecotrin
celecoxib: Celebrex | meloxicam: Mobic | diclofenac: Voltaren | indomethacin: Indocin | ketorolac: Toradol
tramadol: Ultram | oxycodone: Roxicodone, OxyContin | hydrocodone-acetaminophen: Norco, Vicodin
oxycodone-acetaminophen: Percocet | morphine: MS Contin | hydromorphone: Dilaudid | codeine
buprenorphine: Subutex | buprenorphine-naloxone: Suboxone | naloxone: Narcan | methadone
gabapentin: Neurontin | pregabalin: Lyrica | cyclobenzaprine: Flexeril | methocarbamol: Robaxin
tizanidine: Zanaflex | baclofen | lidocaine: Lidoderm | colchicine: Colcrys | allopurinol: Zyloprim
febuxostat: Uloric | prednisone | prednisolone: Orapred | methylprednisolone: Medrol
dexamethasone: Decadron | hydrocortisone: Cortef | triamcinolone: Kenalog | methotrexate
hydroxychloroquine: Plaquenil | sulfasalazine: Azulfidine | adalimumab: Humira | etanercept: Enbrel
alendronate: Fosamax | risedronate: Actonel | denosumab: Prolia | calcium | vitamin D: cholecalciferol
ergocalciferol | cyanocobalamin | folic acid | ferrous sulfate | magnesium oxide | potassium chloride: Klor-Con
metformin: Glucophage | glipizide: Glucotrol | glyburide | glimepiride: Amaryl | pioglitazone: Actos
sitagliptin: Januvia | linagliptin: Tradjenta | saxagliptin: Onglyza | sitagliptin-metformin: Janumet
empagliflozin: Jardiance | dapagliflozin: Farxiga | canagliflozin: Invokana | ertugliflozin: Steglatro
semaglutide: Ozempic, Wegovy, Rybelsus | liraglutide: Victoza, Saxenda | dulaglutide: Trulicity
tirzepatide: Mounjaro, Zepbound | exenatide: Byetta, Bydureon
insulin glargine: Lantus, Basaglar, Toujeo, Semglee | insulin detemir: Levemir | insulin degludec: Tresiba
insulin lispro: Humalog, Admelog, Lyumjev | insulin aspart: Novolog, Fiasp | insulin regular: Humulin R
insulin NPH: Humulin N, Novolin N | insulin | glucagon: Baqsimi, Gvoke
levothyroxine: Synthroid, Levoxyl, Unithroid, Euthyrox | liothyronine: Cytomel | methimazole: Tapazole
propylthiouracil | testosterone: AndroGel | estradiol: Estrace | medroxyprogesterone: Provera, Depo-Provera
norethindrone | progesterone: Prometrium | drospirenone-ethinyl estradiol: Yaz, Yasmin
levonorgestrel-ethinyl estradiol | raloxifene: Evista | finasteride: Proscar, Propecia
tamsulosin: Flomax | alfuzosin: Uroxatral | dutasteride: Avodart | oxybutynin: Ditropan
tolterodine: Detrol | mirabegron: Myrbetriq | sildenafil: Viagra, Revatio | tadalafil: Cialis
lisinopril: Prinivil, Zestril | enalapril: Vasotec | ramipril: Altace | benazepril: Lotensin
quinapril: Accupril | losartan: Cozaar | valsartan: Diovan | irbesartan: Avapro | olmesartan: Benicar
telmisartan: Micardis | candesartan: Atacand | sacubitril-valsartan: Entresto
losartan-hydrochlorothiazide: Hyzaar | lisinopril-hydrochlorothiazide: Zestoretic
amlodipine: Norvasc | nifedipine: Procardia, Adalat | diltiazem: Cardizem | verapamil: Calan
amlodipine-benazepril: Lotrel | hydrochlorothiazide: Microzide | chlorthalidone | indapamide
furosemide: Lasix | bumetanide: Bumex | torsemide: Demadex | spironolactone: Aldactone
eplerenone: Inspra | triamterene-hydrochlorothiazide: Maxzide, Dyazide | acetazolamide: Diamox
metoprolol: Lopressor, Toprol XL, Toprol | carvedilol: Coreg | atenolol: Tenormin | bisoprolol: Zebeta
propranolol: Inderal | labetalol: Trandate | nebivolol: Bystolic | nadolol: Corgard
clonidine: Catapres | hydralazine: Apresoline | isosorbide mononitrate: Imdur | isosorbide dinitrate: Isordil
nitroglycerin: Nitrostat | ranolazine: Ranexa | digoxin: Lanoxin | amiodarone: Pacerone
sotalol: Betapace | flecainide: Tambocor | dofetilide: Tikosyn | ivabradine: Corlanor | midodrine
apixaban: Eliquis | rivaroxaban: Xarelto | dabigatran: Pradaxa | edoxaban: Savaysa | warfarin: Coumadin, Jantoven
enoxaparin: Lovenox | heparin | clopidogrel: Plavix | prasugrel: Effient | ticagrelor: Brilinta
atorvastatin: Lipitor | rosuvastatin: Crestor | simvastatin: Zocor | pravastatin: Pravachol
lovastatin: Mevacor | pitavastatin: Livalo | ezetimibe: Zetia | fenofibrate: Tricor | gemfibrozil: Lopid
evolocumab: Repatha | alirocumab: Praluent | icosapent ethyl: Vascepa | niacin: Niaspan
omeprazole: Prilosec | esomeprazole: Nexium | pantoprazole: Protonix | lansoprazole: Prevacid
rabeprazole: Aciphex | famotidine: Pepcid | calcium carbonate: Tums | sucralfate: Carafate
ondansetron: Zofran | metoclopramide: Reglan | promethazine: Phenergan | prochlorperazine: Compazine
docusate: Colace | senna: Senokot | polyethylene glycol: MiraLAX | bisacodyl: Dulcolax | lactulose
loperamide: Imodium | dicyclomine: Bentyl | mesalamine: Lialda, Asacol | simethicone: Gas-X
linaclotide: Linzess | lubiprostone: Amitiza | ursodiol: Actigall | rifaximin: Xifaxan
amoxicillin: Amoxil | amoxicillin-clavulanate: Augmentin | penicillin V | penicillin
ampicillin | dicloxacillin | cephalexin: Keflex | cefadroxil | cefuroxime: Ceftin | cefdinir: Omnicef
cefpodoxime | ceftriaxone: Rocephin | azithromycin: Zithromax, Z-Pak | clarithromycin: Biaxin
erythromycin | doxycycline: Vibramycin, Doryx | minocycline: Minocin | tetracycline
ciprofloxacin: Cipro | levofloxacin: Levaquin | moxifloxacin: Avelox
sulfamethoxazole-trimethoprim: Bactrim, Septra | trimethoprim | nitrofurantoin: Macrobid, Macrodantin
fosfomycin: Monurol | metronidazole: Flagyl | clindamycin: Cleocin | vancomycin: Vancocin | linezolid: Zyvox
mupirocin: Bactroban | rifampin | isoniazid | acyclovir: Zovirax | valacyclovir: Valtrex
famciclovir: Famvir | oseltamivir: Tamiflu | baloxavir: Xofluza | nirmatrelvir-ritonavir: Paxlovid
fluconazole: Diflucan | terbinafine: Lamisil | nystatin | clotrimazole: Lotrimin | ketoconazole: Nizoral
ivermectin: Stromectol | permethrin: Elimite | albendazole: Albenza
cetirizine: Zyrtec | loratadine: Claritin | fexofenadine: Allegra | levocetirizine: Xyzal
diphenhydramine: Benadryl | hydroxyzine: Atarax, Vistaril | fluticasone: Flonase, Flovent
mometasone: Nasonex | budesonide: Rhinocort, Pulmicort | montelukast: Singulair | pseudoephedrine: Sudafed
guaifenesin: Mucinex | dextromethorphan: Delsym | benzonatate: Tessalon | azelastine: Astelin
albuterol: ProAir, Ventolin, Proventil | levalbuterol: Xopenex | ipratropium: Atrovent
tiotropium: Spiriva | umeclidinium: Incruse | fluticasone-salmeterol: Advair, Wixela
budesonide-formoterol: Symbicort | fluticasone-vilanterol: Breo | fluticasone-umeclidinium-vilanterol: Trelegy
beclomethasone: Qvar | salmeterol: Serevent | roflumilast: Daliresp | epinephrine: EpiPen
sertraline: Zoloft | fluoxetine: Prozac | citalopram: Celexa | escitalopram: Lexapro | paroxetine: Paxil
venlafaxine: Effexor | desvenlafaxine: Pristiq | duloxetine: Cymbalta | bupropion: Wellbutrin, Zyban
mirtazapine: Remeron | trazodone: Desyrel | vortioxetine: Trintellix | vilazodone: Viibryd
amitriptyline: Elavil | nortriptyline: Pamelor | buspirone: Buspar
alprazolam: Xanax | lorazepam: Ativan | clonazepam: Klonopin | diazepam: Valium | temazepam: Restoril
zolpidem: Ambien | eszopiclone: Lunesta | melatonin | quetiapine: Seroquel | aripiprazole: Abilify
risperidone: Risperdal | olanzapine: Zyprexa | ziprasidone: Geodon | lurasidone: Latuda
lithium: Lithobid | lamotrigine: Lamictal | valproate: Depakote | divalproex | carbamazepine: Tegretol
oxcarbazepine: Trileptal | levetiracetam: Keppra | topiramate: Topamax | phenytoin: Dilantin
zonisamide: Zonegran | lacosamide: Vimpat | methylphenidate: Ritalin, Concerta
amphetamine-dextroamphetamine: Adderall | lisdexamfetamine: Vyvanse | atomoxetine: Strattera
guanfacine: Intuniv | naltrexone: Vivitrol | disulfiram: Antabuse | acamprosate | varenicline: Chantix
nicotine: Nicoderm, Nicorette | sumatriptan: Imitrex | rizatriptan: Maxalt
 ubrogepant: Ubrelvy | rimegepant: Nurtec | erenumab: Aimovig
donepezil: Aricept | memantine: Namenda | rivastigmine: Exelon | carbidopa-levodopa: Sinemet
pramipexole: Mirapex | ropinirole: Requip | amantadine | benztropine: Cogentin
latanoprost: Xalatan | timolol: Timoptic | brimonidine: Alphagan | dorzolamide: Trusopt
ofloxacin: Ocuflox | moxifloxacin ophthalmic: Vigamox | tobramycin: Tobrex | polymyxin B-trimethoprim: Polytrim
ciprofloxacin-dexamethasone: Ciprodex | neomycin-polymyxin-hydrocortisone: Cortisporin
clobetasol: Temovate | betamethasone: Diprolene
tretinoin: Retin-A | adapalene: Differin | benzoyl peroxide | isotretinoin: Accutane, Absorica
spironolactone-hydrochlorothiazide: Aldactazide | tacrolimus: Protopic, Prograf | pimecrolimus: Elidel
dupilumab: Dupixent | cyclosporine: Neoral, Restasis | mycophenolate: CellCept | azathioprine: Imuran
ferrous gluconate | iron sucrose: Venofer | epoetin alfa: Epogen, Procrit | sodium bicarbonate
sevelamer: Renvela | calcitriol: Rocaltrol | cinacalcet: Sensipar | desmopressin: DDAVP
`;

export interface MedicationLexicon {
  /** Lower-case name (separators as single spaces) → canonical generic name. */
  readonly canonical: ReadonlyMap<string, string>;
  /** Finds any name, longest first, case-insensitive, whole words only. */
  readonly pattern: RegExp;
}

/** Lower case, with spaces, hyphens and slashes between words as one space. */
export function medicationKey(name: string): string {
  return name
    .toLowerCase()
    .split(/[\s/-]+/)
    .filter((w) => w !== '')
    .join(' ');
}

function parseSource(): Map<string, string> {
  const canonical = new Map<string, string>();
  for (const entry of SOURCE.split(/[|\n]/)) {
    const [generic = '', brands = ''] = entry.split(':');
    const key = medicationKey(generic);
    if (key === '') continue;
    const names = [generic, ...brands.split(',')].map(medicationKey).filter((n) => n !== '');
    for (const name of names) if (!canonical.has(name)) canonical.set(name, key);
  }
  return canonical;
}

const BUILTIN = parseSource();

// Words that end the name part of a chart medication's display ("Metformin 1000 mg tablet").
const FORM_WORDS = new Set(
  (
    'tablet tablets tab tabs capsule capsules cap caps oral solution suspension injection injectable ' +
    'pen pens inhaler inhalation aerosol cream ointment gel patch drops spray powder syrup chewable ' +
    'er xr xl sr dr ec ir od cr la mg mcg ml g unit units extended delayed release hfa'
  ).split(' '),
);

/** The name part of a chart medication display: the words before its strength or form. */
export function medicationNameOf(display: string): string {
  const words: string[] = [];
  for (const word of display.split(/\s+/)) {
    const bare = word.toLowerCase().replace(/[),;:]/g, '');
    if (bare === '' || bare.startsWith('(') || /\d/.test(bare) || FORM_WORDS.has(bare)) break;
    words.push(bare);
  }
  return medicationKey(words.join(' '));
}

function escapeName(name: string): string {
  return name
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s/-]+');
}

/**
 * The built-in lexicon plus `extraNames` (the chart's medication displays, or bare names): a chart
 * name whose first word the lexicon knows joins that generic; any other becomes its own.
 */
export function medicationLexicon(extraNames: readonly string[] = []): MedicationLexicon {
  const canonical = new Map(BUILTIN);
  for (const display of extraNames) {
    const name = medicationNameOf(display);
    if (name.length < 3 || canonical.has(name)) continue;
    const known = canonical.get(name.split(' ')[0] ?? '');
    canonical.set(name, known ?? name);
  }
  const names = [...canonical.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${names.map(escapeName).join('|')})(?![A-Za-z0-9])`, 'gi');
  return { canonical, pattern };
}
