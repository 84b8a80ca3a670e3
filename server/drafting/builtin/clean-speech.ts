/**
 * Spoken words made writable: tokenised transcript spacing undone (" , " → ", ", "do n't" →
 * "don't"), contractions expanded ("I've" → "I have"), fillers and false starts removed ("um",
 * "uh", "you know", "okay so", "I, I"). Negations and hedges are never touched: "no", "not",
 * "never", "maybe", "probably", "I think" survive every rule here. Lower-case is kept as spoken;
 * the sentence writer capitalises.
 *
 * @module
 */

type Rule = readonly [RegExp, string];

/** Tokenisation artefacts of ACI-bench style transcripts. */
const DETOKENISE: readonly Rule[] = [
  [/\s+([,.?!;:%])/g, '$1'],
  [/(\w) n't\b/gi, "$1n't"],
  [/(\w) '(s|m|re|ve|ll|d)\b/gi, "$1'$2"],
  [/\b(gon|wan|got) na\b/gi, '$1na'],
  [/[’‘]/g, "'"],
  [/[“”]/g, '"'],
  [/\s*-\s*$/g, ''],
];

/** Contractions, longest first; "'s" only after pronouns, where it is "is" and not a possessive. */
const CONTRACTIONS: readonly Rule[] = [
  [/\bcan't\b/gi, 'cannot'],
  [/\bwon't\b/gi, 'will not'],
  [/\bain't\b/gi, 'is not'],
  [/\bshan't\b/gi, 'shall not'],
  [/\b(\w+)n't\b/gi, '$1 not'],
  [/\bi'm\b/gi, 'i am'],
  [/\b(\w+)'re\b/gi, '$1 are'],
  [/\b(\w+)'ve\b/gi, '$1 have'],
  [/\b(\w+)'ll\b/gi, '$1 will'],
  [/\b(i|you|he|she|we|they|it|that|there)'d\b/gi, '$1 would'],
  [/\blet's\b/gi, 'let us'],
  [/\b(it|that|there|he|she|who|what)'s (been|had|got|gotten)\b/gi, '$1 has $2'],
  [/\b(it|that|there|what|he|she|here|who|where|how|this)'s\b/gi, '$1 is'],
  [/\bgonna\b/gi, 'going to'],
  [/\bwanna\b/gi, 'want to'],
  [/\bgotta\b/gi, 'have to'],
  [/\bkinda\b/gi, 'kind of'],
  [/\bsorta\b/gi, 'sort of'],
  [/\bcuz\b|\b'cause\b/gi, 'because'],
];

/** Words that carry nothing in writing. Applied to whole words only. */
const FILLERS: readonly Rule[] = [
  [/(^|[\s,])(?:um+|uh+|uhm+|umm+|hmm+|mm+|mhm|er+|ah+|eh|oh)(?=[\s,.?!]|$)[,]?/gi, '$1'],
  [/(^|,\s*)you know(?:,|(?=[.?!]|$))/gi, '$1'],
  [/,\s*you know\b/gi, ','],
  [/,\s*like,/gi, ','],
  [/(^|,\s*)i mean,/gi, '$1'],
  [/,\s*(?:right|okay|ok)\s*(?=[?.!]|$)/gi, ''],
];

/** What opens a spoken sentence and can go: "okay, so", "all right", "well", "yeah, so". */
const OPENERS =
  /^(?:(?:(?:and|so|okay|ok|alright|all right|well|yeah|yes|yep|now|oh|alrighty|hey|uh-huh|mm-hmm|anyway|but|um|uh)\b|(?:right|great|good|perfect|sure|got it|i see|excellent|awesome|cool|gotcha|wow|sounds good|understood|thank you|thanks|no problem)(?=[,.!]))[\s,.!-]*)+/i;

/** "I, I", "the, the", "it is, it is": a false start repeats words. */
const STUTTER = /\b((?:\w+\s){0,2}\w+),?\s+\1\b/gi;

export function detokenise(text: string): string {
  let out = text;
  for (const [re, to] of DETOKENISE) out = out.replace(re, to);
  return out;
}

export function expandContractions(text: string): string {
  let out = text;
  for (const [re, to] of CONTRACTIONS) out = out.replace(re, to);
  return out;
}

/** Removes fillers, false starts and conversational openers; collapses leftover spacing. */
export function removeFillers(text: string): string {
  let out = text;
  for (const [re, to] of FILLERS) out = out.replace(re, to);
  out = out.replace(STUTTER, '$1');
  out = out.replace(/\s{2,}/g, ' ').replace(/\s+([,.?!])/g, '$1');
  out = out.replace(/^[\s,.;:-]+/, '');
  out = out.replace(OPENERS, '');
  out = out
    .replace(/^[\s,.;:-]+/, '')
    .replace(/,\s*([.?!])/g, '$1')
    .replace(/,+/g, ',');
  return out.trim();
}

/** All three, in the order that makes each one's patterns simple. */
export function cleanSpeech(text: string): string {
  return removeFillers(expandContractions(detokenise(text)));
}
