/**
 * Services stated in the visit that are reported with their own codes beside the E/M:
 * tobacco-cessation counselling by its documented minutes (99406 more than 3 and up to 10 minutes,
 * 99407 more than 10) and alcohol or substance-use brief intervention (99408 15 to 30 minutes,
 * 99409 more than 30). Each needs the counselling and its time said by the clinician ("we spent
 * about five minutes on quitting today"); a topic without minutes is not reported. These minutes
 * are not E/M time, and the E/M then carries modifier 25.
 *
 * @module
 */
import type { AddOnCode } from '../../contract/coding.ts';
import type { CodingDocument } from '../document/coding-document.ts';
import { MINUTES_NUMBER, parseNumber } from './sentence-cues.ts';
import { clinicianStatements, quoteEvidence, readVisit, type Visit } from './visit-reading.ts';

interface Service {
  /** Problem family whose work this service reports (so the E/M does not count it again). */
  readonly family: string;
  readonly topic: RegExp;
  readonly name: string;
  /** Codes by minimum minutes (exclusive lower bound, inclusive upper bound). */
  readonly bands: readonly {
    readonly code: string;
    readonly over: number;
    readonly upTo: number;
    readonly words: string;
  }[];
  /** A Medicare Part B preventive service (does not block G2211 under modifier 25). */
  readonly preventive: boolean;
}

const SERVICES: readonly Service[] = [
  {
    family: 'tobacco',
    topic: /\b(?:quit\w*|smok\w*|tobacco|cigarettes?|nicotine|cessation|vap\w*)\b/,
    name: 'Tobacco-cessation counselling',
    bands: [
      { code: '99406', over: 3, upTo: 10, words: 'intermediate, more than 3 and up to 10 minutes' },
      { code: '99407', over: 10, upTo: Number.POSITIVE_INFINITY, words: 'intensive, more than 10 minutes' },
    ],
    preventive: true,
  },
  {
    family: 'alcohol',
    topic: /\b(?:alcohol|drinking|substance use|drug use|brief intervention|sbirt)\b/,
    name: 'Alcohol or substance-use screening and brief intervention',
    bands: [
      { code: '99408', over: 14, upTo: 30, words: '15 to 30 minutes' },
      { code: '99409', over: 30, upTo: Number.POSITIVE_INFINITY, words: 'more than 30 minutes' },
    ],
    preventive: false,
  },
];

const COUNSELLING_MINUTES = new RegExp(
  String.raw`\b(?:spent|spend|counsel\w*|discuss\w*|talked|talking)\b[^.;]{0,40}?\b` +
    MINUTES_NUMBER +
    String.raw`\s*(?:minutes?|mins?)\b|\b` +
    MINUTES_NUMBER +
    String.raw`\s*(?:minutes?|mins?) (?:of |on )?(?:counsel\w*|discuss\w*)`,
);

export interface StatedService extends AddOnCode {
  readonly family: string;
  readonly preventive: boolean;
}

/** The separately reported services of a visit already read. */
export function statedServices(visit: Visit): StatedService[] {
  const out: StatedService[] = [];
  for (const s of clinicianStatements(visit).concat(
    visit.sentences.filter((x) => x.clinician && x.timeStatement),
  )) {
    const m = s.lower.includes('min') ? COUNSELLING_MINUTES.exec(s.lower) : null;
    if (!m) continue;
    const minutes = parseNumber(m[1] ?? m[2] ?? '');
    const service = SERVICES.find((svc) => svc.topic.test(s.lower));
    if (minutes === undefined || !service || /\btotal\b/.test(s.lower.slice(0, m.index))) continue;
    const band = service.bands.find((b) => minutes > b.over && minutes <= b.upTo);
    if (!band || out.some((o) => o.family === service.family)) continue;
    out.push({
      code: band.code,
      units: 1,
      reasoning: `${service.name}, ${band.words}: ${minutes} minutes documented. Reported separately from the E/M, whose time excludes these minutes; the E/M takes modifier 25.`,
      evidence: [quoteEvidence(s, s.text.slice(m.index, m.index + m[0].length))],
      family: service.family,
      preventive: service.preventive,
    });
  }
  return out;
}

/** Non-E/M services stated in the visit (tobacco-cessation counselling and the like), with evidence. */
export function extractServiceAddOns(doc: CodingDocument): AddOnCode[] {
  return statedServices(readVisit(doc)).map(({ code, units, reasoning, evidence }) => ({
    code,
    units,
    reasoning,
    evidence,
  }));
}
