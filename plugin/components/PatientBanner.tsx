/**
 * The slim patient banner: who, how old, MRN, this visit and the payer. Shown only when the EHR
 * asks for it (`need_patient_banner`); inside Epic or PowerChart the chart's own banner is enough.
 *
 * @module
 */
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import { formatDate } from '../format-date.ts';
import { humanise } from '../format-words.ts';

type BannerProps = Pick<ClinicalContext, 'patient' | 'encounter' | 'coverage'>;

function Fact({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <div class="rp-banner-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function PatientBanner({ patient, encounter, coverage }: BannerProps) {
  const visit = encounter.status === 'ok' ? encounter.data : null;
  const payer =
    coverage.status === 'ok'
      ? (coverage.data.find((c) => c.status === 'active') ?? coverage.data[0])?.payerName
      : undefined;
  const ageSex = [patient.age, humanise(patient.gender)].filter(Boolean).join(' · ');
  const visitText = visit ? [formatDate(visit.start), visit.type].filter(Boolean).join(' · ') : undefined;
  return (
    <section class="rp-banner" data-testid="patient-banner" aria-labelledby="rp-banner-name">
      <h2 id="rp-banner-name" class="rp-banner-name">
        {patient.name}
      </h2>
      <dl class="rp-banner-facts">
        <Fact label="Age / sex" value={ageSex} />
        <Fact label="Born" value={formatDate(patient.birthDate)} />
        <Fact label="MRN" value={patient.mrn} />
        <Fact label="Visit" value={visitText} />
        <Fact label="Payer" value={payer} />
      </dl>
    </section>
  );
}
