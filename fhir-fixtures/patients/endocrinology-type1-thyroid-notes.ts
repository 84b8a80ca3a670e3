/**
 * Documents for the endocrinology fixture (fictional): Dr. Okafor's primary-care notes (the second
 * is the referral) and the Lakeport endocrinologist's last consult note, faxed after the move.
 *
 * @module
 */
import type { DocumentReference, Encounter, Organization, Reference } from '@medplum/fhirtypes';
import { NOTE_TYPE } from './builders/index.ts';
import type { ChartScope, WithId } from './builders/index.ts';

type Visit = WithId<Encounter>;

export function documents(
  chart: ChartScope,
  ctx: {
    readonly lakeport: Reference<Organization>;
    readonly d30: Visit;
    readonly d120: Visit;
    readonly outside: Visit;
  },
): DocumentReference[] {
  return [
    chart.note(
      'd30',
      ctx.d30,
      'Primary care progress note and endocrinology referral',
      PCP_NOTE_D30,
      '16:40',
    ),
    chart.note('d120', ctx.d120, 'Primary care new patient note', PCP_NOTE_D120, '12:15'),
    chart.note(
      'lakeport',
      ctx.outside,
      'Lakeport Endocrine Associates consult note',
      LAKEPORT_NOTE,
      '17:00',
      {
        author: ctx.lakeport,
        custodian: ctx.lakeport,
        type: NOTE_TYPE.consultNote,
      },
    ),
  ];
}

const PCP_NOTE_D30 = `PROGRESS NOTE (fictional test record)
Patient: Jordan Testpatient-Alder. Established patient.
S: Three to four nights a week of CGM low alarms around 2-3 am, readings in the 50s, treats herself with juice. Tired, feels cold.
O: BP 120/76, HR 74, weight 66.0 kg.
Labs: TSH 8.9 mIU/L (5.2 four months ago), free T4 0.9 ng/dL, A1c 7.4%, creatinine 0.78, eGFR 101.
A/P:
1. Type 1 diabetes on glargine 24 units at bedtime and lispro by carbohydrate ratio 1:10 with correction; recurrent nocturnal hypoglycemia. Referral to endocrinology, urgent.
2. Hypothyroidism on levothyroxine 75 mcg, TSH rising. Defer dose change to endocrinology, seen within the month.
Electronically signed: Riley Okafor-Testdoc, MD.`;

const PCP_NOTE_D120 = `NEW PATIENT NOTE, PRIMARY CARE (fictional test record)
Patient: Jordan Testpatient-Alder, new to the area, middle-school teacher.
History: type 1 diabetes since age 12 (DKA at diagnosis), multiple daily injections and CGM; hypothyroidism since age 24 on levothyroxine 75 mcg. Penicillin allergy (hives).
O: BP 118/74, HR 72, weight 65.2 kg.
Labs: A1c 7.1%, TSH 5.2 mIU/L, free T4 1.0 ng/dL.
A/P: Establish care. Refilled insulin and levothyroxine. Needs a local endocrinologist; recheck thyroid in 3 months.
Electronically signed: Riley Okafor-Testdoc, MD.`;

const LAKEPORT_NOTE = `LAKEPORT ENDOCRINE ASSOCIATES - CONSULT NOTE (fictional test record, faxed on request)
Patient: Jordan Testpatient-Alder.
Type 1 diabetes since age 12, MDI: glargine 24 units nightly, lispro 1 unit/10 g carbohydrate, correction 1 unit/50 mg/dL above 150. CGM time in range 74%, time below range 2%. A1c 7.0%. No severe hypoglycemia. Urine albumin/creatinine 12 mg/g. Dilated eye exam normal.
Hypothyroidism since age 24 on levothyroxine 75 mcg; TSH 2.1 mIU/L. Thyroid antibodies never checked.
Plan: continue current regimen; patient relocating, records released to her.
Signed: Morgan Lakeport-Testdoc, MD, Lakeport Endocrine Associates (Fictional).`;
