/**
 * The words that make a sentence clinical, by kind: symptoms, anatomy, conditions, medications,
 * tests, examination findings, plans; and the words of small talk. Compiled once; the sentence
 * classifier counts hits to decide whether a sentence belongs in a note and in which section.
 * Hand-written (tuned against ACI-bench train dialogues), so a clinician can read and extend it.
 *
 * @module
 */

/**
 * A word list compiled for counting in one pass over a sentence's words: single words in a set,
 * phrases under their first word. Faster than one regular expression of hundreds of alternatives,
 * which the engine would otherwise run at every character of a long visit.
 */
export interface Lexicon {
  readonly single: ReadonlySet<string>;
  readonly phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
}

function wordsRe(list: string): Lexicon {
  const single = new Set<string>();
  const phrases = new Map<string, string[][]>();
  for (const entry of list.trim().split(/\s*\|\s*/)) {
    const words = entry.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 1) single.add(words[0]!);
    else if (words.length > 1) {
      const list = phrases.get(words[0]!) ?? [];
      list.push(words.slice(1));
      phrases.set(words[0]!, list);
    }
  }
  return { single, phrases };
}

const TOKEN = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

/** A sentence's lower-cased words, the form `count` takes. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** How many words and phrases of `lexicon` occur in `words`. */
export function count(lexicon: Lexicon, words: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (lexicon.single.has(word)) n++;
    const tails = lexicon.phrases.get(word);
    if (tails?.some((tail) => tail.every((w, k) => words[i + 1 + k] === w))) n++;
  }
  return n;
}

export const SYMPTOMS = wordsRe(`
  pain | pains | painful | ache | aches | aching | hurt | hurts | hurting | sore | soreness | swelling | swollen |
  fever | fevers | chills | sweats | sweating | cough | coughing | sputum | phlegm | wheeze | wheezing |
  shortness of breath | short of breath | breathless | dyspnea | congestion | congested | runny nose | sneezing |
  headache | headaches | migraine | dizzy | dizziness | lightheaded | vertigo | faint | fainting | syncope |
  nausea | nauseous | vomiting | vomit | threw up | diarrhea | constipation | constipated | bloating | heartburn |
  reflux | blood in | bleeding | bruising | rash | itching | itchy | hives | numbness | numb | tingling |
  weakness | weak | tired | fatigue | fatigued | exhausted | energy | sleep | sleeping | insomnia | snoring |
  appetite | weight | lost weight | gained weight | palpitations | racing | fluttering | chest pressure | tightness |
  stiffness | stiff | cramping | cramps | spasm | spasms | tenderness | burning | discharge | drainage | urination |
  urinating | urine | thirsty | thirst | blurry | vision | hearing | anxiety | anxious | depressed | depression |
  mood | stress | stressed | panic | suicidal | crying | irritable | concentration | memory | confusion | falls |
  injury | injured | fell | twisted | sprained | popped | limp | limping | locking | giving way | instability |
  bleed | clots | edema | cold | flu | symptoms | symptom | sugars | readings | lows | highs | eating | drinking |
  peed | peeing | stools | stool | bowel movements | breathing | winded | pillows | stairs | walking | worsening |
  puffy | tight |
  swelling | pop | sweaty | shaky | hungry | nightmares | dreams | worry | worried | tearful | guilt | hopeless |
  interest | motivation | smoke | smokes | smoking | cigarettes | alcohol | wine | beer | drinks | cannabis | marijuana
`);

export const ANATOMY = wordsRe(`
  head | neck | throat | ear | ears | eye | eyes | nose | sinus | sinuses | mouth | teeth | jaw | chest | heart | lungs |
  lung | breast | abdomen | stomach | belly | back | spine | hip | hips | knee | knees | ankle | ankles | foot | feet |
  toe | toes | leg | legs | thigh | calf | arm | arms | elbow | wrist | hand | hands | finger | fingers | thumb | shoulder |
  shoulders | skin | kidney | kidneys | liver | bladder | bowel | bowels | colon | prostate | uterus | thyroid | joint |
  joints | muscle | muscles | bone | bones | tendon | ligament | nerve | nerves | brain | blood | groin | pelvis
`);

export const CONDITIONS = wordsRe(`
  diabetes | diabetic | hypertension | blood pressure | high blood pressure | cholesterol | hyperlipidemia | asthma |
  copd | emphysema | bronchitis | pneumonia | infection | infections | arthritis | osteoarthritis | gout | cancer |
  tumor | mass | nodule | heart failure | congestive | atrial fibrillation | afib | stroke | heart attack | angina |
  coronary | anemia | anemic | hypothyroidism | hyperthyroidism | thyroid | kidney disease | kidney stone |
  kidney stones | fracture | sprain | strain | tear | torn | tendinitis | tendonitis | bursitis | carpal tunnel |
  sciatica | herniated | disc | obesity | overweight | sleep apnea | apnea | reflux | gerd | ulcer | hepatitis |
  cirrhosis | pancreatitis | colitis | crohn | ibs | migraine | seizure | seizures | epilepsy | neuropathy | dementia |
  parkinson | ms | lupus | psoriasis | eczema | dermatitis | allergy | allergies | allergic | otitis | sinusitis |
  uti | urinary tract infection | pregnancy | pregnant | menopause | period | periods | covid | virus | viral |
  bacterial | surgery | surgeries | operation | replacement | hysterectomy | appendectomy | cholecystectomy |
  history of | diagnosed | diagnosis | condition | disease | disorder | syndrome | cyst | polyps | hernia
`);

/** Drug names by their stems (most generic names end in one of these) and the common exceptions. */
export const MEDICATION =
  /\b(?:[a-z]+(?:pril|sartan|olol|dipine|statin|formin|gliptin|gliflozin|glutide|azole|cillin|mycin|cycline|floxacin|prazole|tidine|zepam|zolam|triptan|profen|semide|thiazide|parin|xaban|gatran|isone|asone|olone|lukast|uterol|oterol|tropium|ovir|avir|mab|tinib|apine|codone|morphone|oxetine|traline|pramine|triptyline|afaxine|azepine|barbital|fenac|coxib|setron|clopram|lizumab))\b|\b(?:aspirin|tylenol|acetaminophen|ibuprofen|advil|motrin|aleve|naproxen|insulin|lantus|humalog|novolog|metformin|lasix|warfarin|coumadin|eliquis|xarelto|plavix|nitroglycerin|prednisone|levothyroxine|synthroid|amoxicillin|augmentin|zithromax|keflex|benadryl|zyrtec|claritin|allegra|flonase|albuterol|inhaler|epipen|tramadol|gabapentin|lyrica|flexeril|cyclobenzaprine|meloxicam|mobic|celebrex|zoloft|sertraline|prozac|lexapro|wellbutrin|bupropion|xanax|ativan|trazodone|melatonin|vitamin|supplement|supplements|iron|b12|calcium|magnesium|potassium|fish oil|ozempic|trulicity|jardiance|farxiga|glipizide|lisinopril|losartan|amlodipine|hydrochlorothiazide|carvedilol|metoprolol|entresto|spironolactone|digoxin|amiodarone|steroid|steroids|antibiotic|antibiotics|medication|medications|medicine|pill|pills|dose|injection|shot|vaccine|cream|ointment|drops)\b/gi;

export const TESTS = wordsRe(`
  x-ray | x-rays | xray | x ray | mri | ct | cat scan | ct scan | ultrasound | echo | echocardiogram | ekg | ecg |
  ejection fraction | stress test | labs | lab | lab work | blood work | bloodwork | blood test | blood tests |
  a1c | hemoglobin | glucose | cholesterol | ldl | hdl | triglycerides | creatinine | egfr | potassium | sodium |
  tsh | cbc | bmp | cmp | lipid panel | urinalysis | urine culture | culture | biopsy | colonoscopy | endoscopy |
  mammogram | pap smear | emg | nerve conduction | holter | monitor | results | result | showed | shows | revealed |
  came back | levels | level | scan | imaging | images | report | pulse ox | oxygen | saturation | spirometry
`);

export const EXAM = wordsRe(`
  exam | examination | examine | examining | physical exam | on exam | auscultation | palpation | palpate |
  i hear | i feel | i see | i do not see | i do not hear | i do not feel | i notice | looks good | looks normal | look good |
  clear | regular rate | rhythm | murmur | murmurs | rub | gallop | crackles | rales | rhonchi | wheezes | bruit |
  tender | tenderness | nontender | non-tender | range of motion | strength | reflexes | sensation | pulses | pulse |
  edema | effusion | erythema | swelling | bruising | deformity | lesion | lesions | lymph nodes | lymphadenopathy |
  abdomen | soft | distended | bowel sounds | pupils | eardrum | tympanic | throat | tonsils | mucosa | vital signs |
  vitals | blood pressure | heart rate | temperature | respiratory rate | oxygen saturation | bmi | weight | positive |
  negative | intact | normal | abnormal | mild | moderate | severe | left | right | bilateral | bilaterally |
  enlarged | red | redness | bulging | fluid | grey | gray | shiny | dull | supple | irregular | irregularly |
  jvp | veins | capillary refill | drawer | stable | unstable | laxity | affect | eye contact | speech | thought |
  insight | judgment | oriented | alert | appearance | ulcers | monofilament | sinus rhythm | axis | intervals
`);

export const PLAN = wordsRe(`
  i want | i would like | i am going to | we are going to | we will | i will | let us | going to | recommend |
  recommended | prescribe | prescribed | prescription | refill | refills | order | ordered | refer | referral |
  referred | schedule | scheduled | follow up | follow-up | come back | see you back | see you in | return |
  start | started | starting | increase | increased | decrease | decreased | continue | continued | stop | stopped |
  discontinue | switch | change | adjust | hold | plan | treatment | therapy | physical therapy | surgery | injection |
  brace | splint | boot | crutches | ice | elevate | rest | avoid | diet | exercise | counseling | educated |
  instructed | advised | diagnosis | impression | assessment | consistent with | likely | probably | possible |
  i think | sounds like | looks like | most likely | times a day | once a day | twice a day | daily | nightly |
  every | as needed | mg | milligrams | weeks | months | days
`);

/** When and how a problem changed: history, though not a complaint by itself. */
export const COURSE = wordsRe(`
  worse | better | improved | improving | started | began | onset | weeks | months | days | night | morning | ago |
  since | years | daily | constant | intermittent | on and off
`);

/** Talk that is not the visit's business: weather, weekends, sport, pleasantries. */
export const SMALL_TALK = wordsRe(`
  weather | weekend | vacation | holiday | holidays | game | games | team | teams | baseball | football | basketball |
  soccer | hockey | golf | season | playoffs | super bowl | movie | movies | show | shows | netflix | music | concert |
  restaurant | traffic | parking | nice to meet | how are you | good to see | nice to see | thank you | thanks |
  have a good | have a nice | take care | bye | goodbye | hey dragon | dragon | dax | recording | microphone |
  sunny | rain | raining | snow | snowing | hot outside | cold outside | birthday | wedding | party | grandkids |
  fishing | hunting | boat | camping
`);

/** A number, spelled or in digits, with or without a unit. */
export const NUMBER =
  /\b(?:\d+(?:[.,/]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/gi;

/** How many times `re` matches `text`. */
export function hits(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}
