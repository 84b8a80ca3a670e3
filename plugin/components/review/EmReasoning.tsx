/**
 * Why the E/M level is what it is, for the reviewer: the three MDM columns (problems, data, risk)
 * with each one's level and the coder's sentences, which columns decide the overall level under
 * the 2-of-3 rule, and the time line when time was documented. Read-only; the level's evidence and
 * decision are on its row in the code list.
 *
 * @module
 */
import type { EmResult } from '../../../server/contract/coding.ts';
import { levelRank, levelWord, MDM_COLUMNS } from '../codes/code-words.ts';

export function EmReasoning({ em }: { em: EmResult }) {
  const { mdm } = em;
  const overall = levelWord('overall', mdm.overall);
  const deciding = MDM_COLUMNS.filter((c) => levelRank(mdm[c.key].level) >= levelRank(mdm.overall));
  return (
    <section class="rp-codes-section" aria-labelledby="rp-review-em-title" data-testid="review-em">
      <h3 id="rp-review-em-title">
        E/M reasoning: <span class="rp-em-code">{em.code}</span>
      </h3>
      <p class="rp-mdm-summary">
        {em.patientStatus === 'new' ? 'New patient' : 'Established patient'} · chosen by{' '}
        <strong>{em.basis === 'time' ? 'time' : 'MDM'}</strong> · MDM <strong>{overall}</strong> ({mdm.code}
        ):{' '}
        {deciding.length === 3
          ? 'all three columns meet it.'
          : `${deciding.map((c) => c.title).join(' and ')} decide it (2 of 3).`}
      </p>
      <div class="rp-mdm-grid" data-testid="review-mdm-grid">
        {MDM_COLUMNS.map(({ key, title }) => (
          <div key={key} class="rp-code-item" data-column={key}>
            <p class="rp-mdm-head">
              <span class="rp-item-title">{title}</span>
              <span class="rp-mdm-level" data-column={key}>
                {levelWord(key, mdm[key].level)}
              </span>
            </p>
            <ul class="rp-mdm-reasons">
              {mdm[key].reasoning.map((sentence, i) => (
                <li key={i}>{sentence}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p class="rp-code-why">{mdm.reasoning}</p>
      {em.time && (
        <p class="rp-em-time" data-testid="review-em-time">
          <strong>
            {em.time.minutes} min → {em.time.code ? `${em.time.code} by time` : 'no level by time'}
          </strong>{' '}
          {em.time.reasoning}
        </p>
      )}
    </section>
  );
}
