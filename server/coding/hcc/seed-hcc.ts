/**
 * The CMS-HCC V28 rows RevenuePilot ships, so HCC flags work on a fresh machine before anyone runs
 * `npm run codes:import` on the CMS files: the payment year 2026 map for common outpatient
 * diagnoses (diabetes with and without complications, heart failure and hypertensive heart disease,
 * atrial fibrillation, COPD and severe asthma, CKD stages 3 to 5, major depression and other serious
 * mental illness, morbid obesity, rheumatoid arthritis and connective tissue disease, common cancers,
 * stroke, dementia, substance use disorders, and a few others), and every V28 label and hierarchy.
 * The source the seed migration (`0007-hcc.sql`) was written from; a test keeps the two identical,
 * and another checks every row against the official files in ../shared/data/cms-hcc/.
 *
 * Deliberately absent because V28 maps them to no category: unspecified and mild depression
 * (F32.9, F32.A, F32.0, F33.0, F33.9), hypothyroidism (E03.9), hypertension without heart failure
 * (I10, I11.9, I12.9), CKD stages 1, 2 and unspecified (N18.1, N18.2, N18.9), BMI under 40
 * (Z68.35-Z68.39), obesity classes 1 and 2 (E66.811, E66.812), atherosclerosis without ulceration
 * or gangrene, and protein-calorie malnutrition.
 *
 * @module
 */
import { HCC_MODEL_V28, hccModelData, type HccModelData, type HccModelRows } from './hcc-model.ts';
import { SEED_HCC_LABEL_LINES } from './seed-hcc-labels.ts';

export const SEED_HCC_PAYMENT_YEAR = 2026;

/** The CMS software's names for the V28 label and hierarchy tables, kept with the seeded rows. */
export const SEED_HCC_FULLNAMES = { labels: 'V28115L3', hierarchies: 'V28115H1' } as const;

/** `category: dotted ICD-10-CM codes`; a code under two categories (E11.52) maps to both. */
const MAP = `
1: B20 Z21
2: A41.9 R65.20
6: B37.1
17: C78.00 C78.7 C79.31 C92.00
18: C79.51
19: C90.00 D46.9
20: C25.9 C34.11 C34.90 C83.30
21: C85.90
22: C18.9 C20 C64.1 C67.9 C91.10
23: C43.9 C50.911 C50.912 C50.919 C61 D03.9 D45 D47.3
36: E10.10 E10.11 E10.641 E11.00 E11.01 E11.10 E11.11 E11.641
37: E10.21 E10.22 E10.29 E10.319 E10.3291 E10.3299 E10.40 E10.42 E10.51 E10.621 E10.69 E11.21 E11.22
    E11.29 E11.311 E11.319 E11.3211 E11.3219 E11.3291 E11.3292 E11.3293 E11.3299 E11.3511 E11.3519
    E11.3591 E11.3599 E11.36 E11.39 E11.40 E11.41 E11.42 E11.43 E11.44 E11.49 E11.51 E11.52 E11.59
    E11.610 E11.618 E11.620 E11.621 E11.622 E11.628 E11.630 E11.638 E11.69
38: E10.649 E10.65 E10.8 E10.9 E11.649 E11.65 E11.8 E11.9 E13.65 E13.9 Z79.4
48: E66.01 E66.2 E66.813 Z68.41 Z68.42 Z68.43 Z68.44 Z68.45
49: E75.22
50: E80.20 E85.9 E88.01
51: E22.0 E27.1
62: Z94.4
63: K72.10 K76.6
64: K70.30 K70.31 K74.60 K74.69
65: B18.1 B18.2 K73.9 K75.4
68: K83.1
78: K56.609
79: K86.1
80: K50.00 K50.90
81: K51.00 K51.90
93: L40.50 L40.52 M05.70 M05.79 M05.9 M06.00 M06.9 M33.90 M34.9 M45.9
94: M06.4 M30.0 M31.5 M31.6 M32.14 M32.9
107: D57.00 D57.1
108: D56.1
109: D59.9 D61.818
111: D66
112: D69.3
114: D83.9
125: F03.C0
126: F03.B0
127: F01.50 F02.80 F03.90 F03.A0 G30.9
136: F10.950
137: F11.20 F11.21 F12.20 F13.20 F14.20 F15.20
138: F11.10
139: F10.20 F10.21 F10.220 F10.239
151: F20.9 F25.9
152: F29 F32.3 F33.3
153: F50.00 F60.3
154: F31.30 F31.32 F31.4 F31.60 F31.81 F31.9
155: F32.1 F32.2 F33.1 F33.2
181: G82.20
190: G12.21
192: G80.9
193: G61.81
195: G70.01
196: G70.00
197: G71.00
199: G20.A1 G20.A2 G20.B1 G20.C
201: G40.209 G40.909 G40.919 R56.9
202: G93.1
211: Z93.0 Z99.11
213: I49.01 J96.10 J96.11
221: Z94.1
222: I50.84
223: Z95.811 Z95.812
224: I50.23 I50.33 I50.43
225: I50.21 I50.31 I50.41 I50.811 I50.813
226: I11.0 I13.0 I13.2 I50.1 I50.20 I50.22 I50.30 I50.32 I50.40 I50.42 I50.810 I50.812 I50.814
     I50.82 I50.83 I50.89 I50.9
227: I42.0 I42.2 I42.6 I42.9
238: I44.2 I47.20 I48.0 I48.11 I48.19 I48.20 I48.21 I48.3 I48.4 I48.91 I48.92 I49.5
248: I61.9
249: I63.50 I63.9
253: G81.90 G81.91 I69.351 I69.354
254: G83.10
263: E11.52 I70.235 I70.245 I70.25
264: I70.229
267: I26.99 I82.401 I82.409 I82.509
276: Z94.2
278: J84.112
279: J45.50 J45.51 J45.52
280: J41.0 J42 J43.2 J43.9 J44.0 J44.1 J44.81 J44.89 J44.9 J47.9 J84.10
282: J69.0
298: E11.311 E11.3211 E11.3219 E11.3511 E11.3519 E11.3591 E11.3599 H34.8110 H43.10
300: H35.3210 H35.3211 H35.3221 H35.3231 H35.3290
326: I12.0 I13.2 N18.5 N18.6
327: N18.4
328: N18.32
329: N18.30 N18.31
379: L89.154
380: L97.414 L97.524
381: L89.153 L89.893
382: L89.152
383: E10.621 E11.621 E11.622 I70.235 I70.245 I70.25 L97.419 L97.429 L97.509 L98.419
387: L10.9 L12.0
398: S06.9X9A
401: M48.56XA M80.08XA S32.000A
402: S72.001A S72.002A S72.91XA
409: Z89.511 Z89.512 Z89.611
454: Z94.81
463: Z43.1 Z93.1 Z93.2 Z93.3
`;

/** `parent > the categories it drops`: all 149 V28 hierarchy rows. */
const HIERARCHIES = `
17 > 18 19 20 21 22 23
18 > 19 20 21 22 23
19 > 20 21 22 23
20 > 21 22 23
21 > 22 23
22 > 23
35 > 36 37 38
36 > 37 38
37 > 38
62 > 63 64 65 68
63 > 64 65 68 202
64 > 65 68
77 > 78 80 81
80 > 81
93 > 94
107 > 108
111 > 112
114 > 115
125 > 126 127
126 > 127
135 > 136 137 138 139
136 > 137 138 139
137 > 138 139
138 > 139
151 > 152 153 154 155
152 > 153 154 155
153 > 154 155
154 > 155
180 > 181 182 253 254
181 > 182 254
191 > 180 181 182 192 253 254
192 > 180 181 182 253 254
195 > 196
211 > 212 213
212 > 213
221 > 222 223 224 225 226 227
222 > 223 224 225 226 227
223 > 224 225 226 227
224 > 225 226 227
225 > 226 227
226 > 227
228 > 229
248 > 249
253 > 254
263 > 264 383 409
276 > 277 278 279 280
277 > 278 279 280
278 > 279 280
279 > 280
282 > 283
326 > 327 328 329
327 > 328 329
328 > 329
379 > 380 381 382 383
380 > 381 382 383
381 > 382 383
382 > 383
397 > 202 398 399
398 > 202 399
405 > 409
`;

function* entries(source: string, separator: string): Generator<[number, string]> {
  let current: number | undefined;
  for (const line of source.split('\n')) {
    if (line.trim() === '') continue;
    const at = line.indexOf(separator);
    if (/^\s/.test(line) && current !== undefined) {
      yield [current, line.trim()];
    } else {
      current = Number(line.slice(0, at));
      yield [current, line.slice(at + separator.length).trim()];
    }
  }
}

/** The seeded V28 rows, parsed once. */
export const SEED_HCC: HccModelRows = Object.freeze({
  model: HCC_MODEL_V28,
  paymentYear: SEED_HCC_PAYMENT_YEAR,
  map: [...entries(MAP, ':')].flatMap(([cc, codes]) => codes.split(' ').map((code) => ({ code, cc }))),
  labels: [...entries(SEED_HCC_LABEL_LINES, ' ')].map(([cc, label]) => ({ cc, label })),
  hierarchies: [...entries(HIERARCHIES, '>')].flatMap(([parent, children]) =>
    children.split(' ').map((child) => ({ parent, child: Number(child) })),
  ),
});

/** The seed as lookup maps, for the command line and evaluation when no database is at hand. */
export function seedHccModelData(): HccModelData {
  return hccModelData(SEED_HCC);
}
