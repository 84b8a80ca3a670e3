/**
 * External notes reviewed and discussions with external clinicians, each tied to its source so
 * the E/M data column counts "each unique source" once. Sources are read from the words near the
 * review: a named doctor ("Dr. Riverside"), an organisation ("Riverbend Eye", "Example Urgent
 * Care"), or a role ("your primary-care doctor", "your endocrinologist in Lakeport"); "her note"
 * and "I have it here" reach back to the source and document just mentioned. A role named next to
 * a name ("your primary doctor at Riverbend, Dr. Riverside") is an alias of it, so one source is
 * not counted twice under two names. A report of a test is a test, not a note.
 *
 * @module
 */
import { TEST_TERMS } from './test-lexicon.ts';
import { findTerms } from './term-matcher.ts';
import { clinicianStatements, type Visit, type VisitSentence } from './visit-reading.ts';

export interface SourceEvent {
  /** `source:dr-riverside`, `source:riverbend-eye`. */
  readonly key: string;
  readonly label: string;
  readonly sentence: VisitSentence;
  readonly quote: string;
}

interface Source {
  readonly key: string;
  readonly label: string;
  readonly at: number;
  /** Named by role only ("your primary-care doctor"). */
  readonly role?: boolean;
}

const DOCTOR = /\bDr\.? ([A-Z][A-Za-z-]+)(?:'s)?/g;
const ORG =
  /\b((?:[A-Z][A-Za-z'-]+ ){1,3})(?:Eye|Clinic|clinic|Counseling|Counselling|Hospital|hospital|Urgent Care|Health|Medical|Center|Centre|Associates|Group|Practice|Imaging|Radiology)\b/g;
const ROLE =
  /\b(?:[Yy]our|[Hh]er|[Hh]is|[Tt]heir|[Tt]he) (primary[- ]care (?:doctor|office|physician|provider|clinic)|primary doctor|primary care|PCP|pcp|therapist|counselor|endocrinologist|cardiologist|eye doctor|ophthalmologist|optometrist|dermatologist|neurologist|nephrologist|oncologist|surgeon|orthopedist|rheumatologist|urgent care|emergency (?:room|department)|radiologist|psychiatrist|gastroenterologist|pulmonologist|specialist)(?: in ([A-Z][a-z]+))?/g;
const SELF_INTRO = /\bi(?:'m| am)\s*$/i;
const PLACE_RECORDS = /\byour ([A-Z][a-z]+) records\b/g;
const NOT_A_NAME = new Set([
  'The',
  'I',
  'So',
  'And',
  'But',
  'Our',
  'Your',
  'My',
  'First',
  'Okay',
  'Now',
  'Then',
  'Dr',
]);

const DOC_NOUN =
  /\b(?:referral (?:note|letter)|update letter|consult(?:ation)? (?:note|letter|report)|discharge summary|(?:progress |clinic |office |visit )?notes?|letters?|records|report|summary)\b/;
const REVIEW =
  /\bi(?:'ve| have)? (?:also |already )?(?:read|reviewed|looked (?:at|over|through)|went (?:over|through)|gone (?:over|through)|have|got|received|pulled up)\b|\bsent me\b|\bfaxed (?:over|me)\b|\b(?:matches|according to) (?:their|her|his|the)\b/;
/** Every review or discussion cue holds one of these words. */
const MAY_REVIEW = /\b(?:i|i've|sent|faxed|matches|according|we)\b/;
const OWN = /\b(?:my|our|today's) (?:last |previous |own )?(?:note|notes|records|letter)\b/;
const POINTS_BACK = /\b(?:it|them|her|his|their|she|he|they)\b/;
const DISCUSSED =
  /\b(?:i|we) (?:spoke|talked|discussed|conferred|consulted)\b[^.]{0,50}?\b(?:with|to)\s+(?:dr\.? [a-z]+|(?:your|her|his|the) (?:surgeon|oncologist|cardiologist|nephrologist|radiologist|endocrinologist|specialist|physician|doctor|hospitalist|pharmacist|neurologist|psychiatrist|therapist|primary[- ]care (?:doctor|physician)|pcp))\b/;

const isRole = (s: Source) => s.role === true;
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const source = (label: string, at: number, role = false): Source => ({
  key: `source:${slug(label)}`,
  label,
  at,
  ...(role ? { role } : {}),
});

function roleLabel(role: string): string {
  return /primary/i.test(role) || /^pcp$/i.test(role)
    ? 'Primary care'
    : role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
}

/** Sources named in `text`, left to right; roles the speaker claims ("I'm the cardiologist") excluded. */
const MAY_ROLE =
  /primary|pcp|therapist|counselor|ologist|eye doctor|optometrist|surgeon|orthopedist|urgent care|emergency|specialist/i;
const ORG_SUFFIX =
  /\b(?:Eye|Clinic|clinic|Counseling|Counselling|Hospital|hospital|Urgent Care|Health|Medical|Center|Centre|Associates|Group|Practice|Imaging|Radiology)\b/;

/** One cheap test before the four name patterns: most sentences name no source at all. */
const SOURCE_HINT =
  /Dr|records|Eye|linic|ounsel|ospital|Urgent Care|Health|Medical|Cent|Associates|Group|Practice|Imaging|Radiology|rimary|PCP|pcp|therapist|ologist|eye doctor|optometrist|surgeon|orthopedist|urgent care|mergency|specialist/;

function sourcesIn(text: string, self: string | undefined): Source[] {
  const out: Source[] = [];
  if (!SOURCE_HINT.test(text)) return out;
  for (const m of text.includes('Dr') ? text.matchAll(DOCTOR) : []) {
    if (m[1]!.toLowerCase() !== self && !SELF_INTRO.test(text.slice(0, m.index)))
      out.push(source(`Dr. ${m[1]}`, m.index));
  }
  for (const m of ORG_SUFFIX.test(text) ? text.matchAll(ORG) : []) {
    const words = m[0].split(' ').filter((w) => !NOT_A_NAME.has(w));
    if (words.length >= 2) out.push(source(words.join(' '), m.index + m[0].indexOf(words[0]!)));
  }
  for (const m of text.includes('records') ? text.matchAll(PLACE_RECORDS) : [])
    out.push(source(m[1]!, m.index));
  for (const m of MAY_ROLE.test(text) ? text.matchAll(ROLE) : []) {
    if (SELF_INTRO.test(text.slice(0, m.index))) continue;
    out.push(m[2] ? source(m[2], m.index) : source(roleLabel(m[1]!), m.index, true));
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The strongest name in a list: a doctor's name, then an organisation or place, then a role. */
function strongest(list: readonly Source[]): Source | undefined {
  return list.find((s) => s.label.startsWith('Dr.')) ?? list.find((s) => !isRole(s)) ?? list[0];
}

/** Resolves names to one key per source for the whole visit. */
class SourceBook {
  private readonly alias = new Map<string, Source>();
  private readonly known: Source[] = [];
  constructor(private readonly self: string | undefined) {}

  /** Names in one sentence: roles next to a name become aliases of it. */
  read(text: string): Source[] {
    const found = sourcesIn(text, this.self);
    const named = strongest(found);
    this.known.push(...found.filter((s) => !isRole(s)));
    for (const s of found) {
      if (named && s !== named && Math.abs(s.at - named.at) < 45 && !this.alias.has(s.key))
        this.alias.set(s.key, named);
    }
    return found.map((s) => this.resolve(s));
  }

  resolve(s: Source): Source {
    const direct = this.alias.get(s.key);
    if (direct) return direct;
    if (!isRole(s)) return s;
    const tail = s.key.slice('source:'.length);
    return this.known.find((k) => k.key !== s.key && k.key.endsWith(`-${tail}`)) ?? s;
  }
}

function practitionerSurname(visit: Visit): string | undefined {
  const panel = visit.doc.context?.practitioner;
  const name = panel?.status === 'ok' ? panel.data?.name : undefined;
  const surname = name
    ?.replace(/\b(?:MD|DO|NP|PA|RN|PhD)\b\.?/g, '')
    .trim()
    .split(/\s+/)
    .at(-1);
  return surname?.split('-')[0]?.toLowerCase();
}

function clauses(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const part of text.split(/(,\s*(?:and|but|so)\s+|;\s*|:\s+)/)) {
    if (!/^(,\s*(?:and|but|so)\s+|;\s*|:\s+)$/.test(part)) out.push({ text: part, offset });
    offset += part.length;
  }
  return out;
}

function nearTest(sentences: readonly VisitSentence[], index: number): boolean {
  return sentences
    .slice(Math.max(0, index - 3), index + 2)
    .some((s) => findTerms(TEST_TERMS, s.lower).length > 0);
}

/** External notes reviewed and external discussions, each with its resolved source. */
export function externalSources(visit: Visit): { notes: SourceEvent[]; discussions: SourceEvent[] } {
  const self = practitionerSurname(visit);
  const book = new SourceBook(self);
  const ownName = self ? new RegExp(`\\bdr\\.? ${self}\\b`) : undefined;
  const named = visit.sentences.map((s) => book.read(s.text));
  const earlier = (index: number) => {
    for (let i = index - 1; i >= Math.max(0, index - 6); i--) {
      const found = named[i]!;
      if (found.length > 0) return found.at(-1);
    }
    return undefined;
  };
  const notes: SourceEvent[] = [];
  const discussions: SourceEvent[] = [];
  for (const s of clinicianStatements(visit)) {
    if (!MAY_REVIEW.test(s.lower)) continue;
    const inSentence = named[s.index]!;
    for (const clause of clauses(s.text)) {
      const lower = clause.text.toLowerCase().replace(/[’‘]/g, "'");
      if (!REVIEW.test(lower) || OWN.test(lower) || ownName?.test(lower)) continue;
      const noun =
        DOC_NOUN.exec(lower)?.[0] ??
        (POINTS_BACK.test(lower) ? DOC_NOUN.exec(visit.sentences[s.index - 1]?.lower ?? '')?.[0] : undefined);
      if (!noun || (/report|summary/.test(noun) && nearTest(visit.sentences, s.index))) continue;
      const local = inSentence.filter(
        (x) => x.at >= clause.offset && x.at < clause.offset + clause.text.length,
      );
      const before = inSentence.filter((x) => x.at < clause.offset);
      const src = strongest(local) ?? before.at(-1) ?? earlier(s.index);
      const key = src ? book.resolve(src) : undefined;
      notes.push({
        key: key?.key ?? 'source:outside-records',
        label: `${key?.label ?? 'Outside'} ${noun}`,
        sentence: s,
        quote: clause.text.trim(),
      });
    }
    const talk = DISCUSSED.exec(s.lower);
    if (talk) {
      const src = strongest(inSentence) ?? earlier(s.index);
      const key = src ? book.resolve(src) : undefined;
      discussions.push({
        key: key?.key ?? 'source:external-clinician',
        label: `Discussion with ${key?.label ?? 'an external clinician'}`,
        sentence: s,
        quote: s.text.slice(talk.index, talk.index + talk[0].length),
      });
    }
  }
  return { notes, discussions };
}
