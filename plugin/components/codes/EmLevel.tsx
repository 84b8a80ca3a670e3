/**
 * The E/M level: the code and what chose it (MDM or time, whichever is higher), the three MDM
 * columns with each one's level and the coder's sentences (side by side when there is room,
 * stacked in a side panel), which columns meet the overall level under the 2-of-3 rule, the time
 * line when time is documented, add-ons and those deliberately not suggested, and other services.
 *
 * @module
 */
import type { AddOnCode, EmResult } from '../../../server/contract/coding.ts';
import { CodeItem } from './CodeEvidence.tsx';
import { levelRank, levelWord, MDM_COLUMNS, type MdmColumn } from './code-words.ts';

function MdmGrid({ mdm }: { mdm: EmResult['mdm'] }) {
  const meets = (key: MdmColumn) => levelRank(mdm[key].level) >= levelRank(mdm.overall);
  const meeting = MDM_COLUMNS.filter((c) => meets(c.key)).map((c) => c.title);
  const overall = levelWord('overall', mdm.overall);
  return (
    <>
      <p class="rp-mdm-summary" data-testid="mdm-summary">
        MDM <strong>{overall}</strong> ({mdm.code}):{' '}
        {meeting.length === 3 ? 'all three columns meet it.' : `${meeting.join(' and ')} decide it (2 of 3).`}
      </p>
      <div class="rp-mdm-grid" data-testid="mdm-grid">
        {MDM_COLUMNS.map(({ key, title }) => {
          const column = mdm[key];
          return (
            <CodeItem
              key={key}
              tag="div"
              id={`rp-mdm-${key}`}
              evidence={column.evidence}
              head={
                <span class="rp-mdm-head">
                  <span class="rp-item-title">{title}</span>
                  <span class="rp-mdm-level" data-column={key}>
                    {levelWord(key, column.level)}
                  </span>
                </span>
              }
            >
              <p class="rp-small" data-meets={meets(key) ? 'true' : 'false'}>
                {meets(key) ? (
                  <>
                    <span aria-hidden="true">✓ </span>Meets {overall}
                  </>
                ) : (
                  `Below ${overall}`
                )}
              </p>
              <ul class="rp-mdm-reasons">
                {column.reasoning.map((sentence, i) => (
                  <li key={i}>{sentence}</li>
                ))}
              </ul>
            </CodeItem>
          );
        })}
      </div>
      <p class="rp-code-why">{mdm.reasoning}</p>
    </>
  );
}

function AddOnList({ items, prefix }: { items: readonly AddOnCode[]; prefix: string }) {
  return (
    <ul class="rp-list rp-code-list">
      {items.map((a) => (
        <CodeItem
          key={a.code}
          id={`rp-${prefix}-${a.code.replace(/\W/g, '')}`}
          evidence={a.evidence}
          head={
            <>
              <span class="rp-code">{a.code}</span>
              {a.units > 1 && <span class="rp-item-title">× {a.units} units</span>}
            </>
          }
        >
          <p class="rp-code-why">{a.reasoning}</p>
        </CodeItem>
      ))}
    </ul>
  );
}

export function EmLevel({ em, services }: { em: EmResult; services: readonly AddOnCode[] }) {
  const status = em.patientStatus === 'new' ? 'New patient' : 'Established patient';
  return (
    <section class="rp-codes-section" aria-labelledby="rp-em-title" data-testid="em-level">
      <h3 id="rp-em-title">E/M level</h3>
      <p class="rp-em-summary">
        <span class="rp-em-code" data-testid="em-code">
          {em.code}
        </span>{' '}
        {status} · chosen by <strong data-testid="em-basis">{em.basis === 'time' ? 'time' : 'MDM'}</strong>
        {em.time && em.mdm.code !== em.time.code && ' (the higher of MDM and time)'}
      </p>
      <MdmGrid mdm={em.mdm} />
      {em.time && (
        <div class="rp-em-time" data-testid="em-time">
          <p>
            <strong>
              {em.time.minutes} min → {em.time.code ? `${em.time.code} by time` : 'no level by time'}
            </strong>
          </p>
          <p class="rp-code-why">{em.time.reasoning}</p>
        </div>
      )}
      <h4>Add-ons</h4>
      {em.addOns.length === 0 ? (
        <p class="rp-empty">None suggested.</p>
      ) : (
        <AddOnList items={em.addOns} prefix="addon" />
      )}
      {em.addOnsNotSuggested.length > 0 && (
        <>
          <h4>Add-ons not suggested</h4>
          <ul class="rp-list" data-testid="addons-not-suggested">
            {em.addOnsNotSuggested.map((a) => (
              <li key={a.code}>
                <span class="rp-code">{a.code}</span> {a.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {services.length > 0 && (
        <>
          <h4>Other services</h4>
          <AddOnList items={services} prefix="service" />
        </>
      )}
    </section>
  );
}
