/**
 * The laboratory tests the fixtures use: LOINC code, UCUM unit and reference range. Add more as
 * needed; ranges are adult ones typical of US reference labs unless the name says otherwise.
 *
 * @module
 */

export interface LabDef {
  readonly loinc: string;
  readonly display: string;
  /** UCUM code. */
  readonly ucum: string;
  /** Unit as the lab prints it. */
  readonly unit: string;
  readonly low?: number;
  readonly high?: number;
  /** Range text when it needs more than low/high (e.g. age-specific). */
  readonly rangeText?: string;
}

/** Adult reference ranges unless noted; typical of US reference labs. */
export const LAB = {
  hba1c: {
    loinc: '4548-4',
    display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    ucum: '%',
    unit: '%',
    low: 4.0,
    high: 5.6,
  },
  egfr: {
    loinc: '98979-8',
    display:
      'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)',
    ucum: 'mL/min/{1.73_m2}',
    unit: 'mL/min/1.73m2',
    low: 60,
  },
  creatinine: {
    loinc: '2160-0',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    low: 0.6,
    high: 1.3,
  },
  bun: {
    loinc: '3094-0',
    display: 'Urea nitrogen [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    low: 7,
    high: 20,
  },
  sodium: {
    loinc: '2951-2',
    display: 'Sodium [Moles/volume] in Serum or Plasma',
    ucum: 'mmol/L',
    unit: 'mmol/L',
    low: 136,
    high: 145,
  },
  potassium: {
    loinc: '2823-3',
    display: 'Potassium [Moles/volume] in Serum or Plasma',
    ucum: 'mmol/L',
    unit: 'mmol/L',
    low: 3.5,
    high: 5.1,
  },
  glucose: {
    loinc: '2345-7',
    display: 'Glucose [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    low: 70,
    high: 99,
  },
  cholesterol: {
    loinc: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    high: 199,
  },
  hdl: {
    loinc: '2085-9',
    display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    low: 40,
  },
  ldl: {
    loinc: '13457-7',
    display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    high: 99,
  },
  triglycerides: {
    loinc: '2571-8',
    display: 'Triglyceride [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    high: 149,
  },
  uacr: {
    loinc: '9318-7',
    display: 'Albumin/Creatinine [Mass Ratio] in Urine',
    ucum: 'mg/g',
    unit: 'mg/g',
    high: 29,
  },
  tsh: {
    loinc: '3016-3',
    display: 'Thyrotropin [Units/volume] in Serum or Plasma',
    ucum: 'm[IU]/L',
    unit: 'mIU/L',
    low: 0.45,
    high: 4.5,
  },
  freeT4: {
    loinc: '3024-7',
    display: 'Thyroxine (T4) free [Mass/volume] in Serum or Plasma',
    ucum: 'ng/dL',
    unit: 'ng/dL',
    low: 0.8,
    high: 1.8,
  },
  tpoAb: {
    loinc: '8099-4',
    display: 'Thyroperoxidase Ab [Units/volume] in Serum or Plasma',
    ucum: '[IU]/mL',
    unit: 'IU/mL',
    high: 34,
  },
  ntProBnp: {
    loinc: '33762-6',
    display: 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma',
    ucum: 'pg/mL',
    unit: 'pg/mL',
    high: 449,
    rangeText: '<450 pg/mL (age 50-75)',
  },
  magnesium: {
    loinc: '19123-9',
    display: 'Magnesium [Mass/volume] in Serum or Plasma',
    ucum: 'mg/dL',
    unit: 'mg/dL',
    low: 1.7,
    high: 2.2,
  },
  hemoglobin: {
    loinc: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    ucum: 'g/dL',
    unit: 'g/dL',
    low: 12.0,
    high: 15.5,
  },
  hemoglobinChild: {
    loinc: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    ucum: 'g/dL',
    unit: 'g/dL',
    low: 11.0,
    high: 14.0,
    rangeText: '11.0-14.0 g/dL (age 6 months to 5 years)',
  },
  leadChild: {
    loinc: '5671-3',
    display: 'Lead [Mass/volume] in Blood',
    ucum: 'ug/dL',
    unit: 'mcg/dL',
    high: 3.4,
    rangeText: '<3.5 mcg/dL',
  },
} as const satisfies Record<string, LabDef>;
