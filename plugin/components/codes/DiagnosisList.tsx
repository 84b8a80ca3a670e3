/**
 * The suggested ICD-10-CM diagnoses in reporting order (the first listed marked as the main reason
 * for the visit), each with its confidence as a percentage and in words, why this code, and its
 * evidence on demand; then the conditions deliberately not coded, with why in plain words.
 *
 * @module
 */
import type { DiagnosisSuggestion, WithheldDiagnosis } from '../../../server/contract/coding.ts';
import { CodeItem } from './CodeEvidence.tsx';
import { confidenceWords, WITHHELD_REASONS } from './code-words.ts';

function Confidence({ value }: { value: number }) {
  const { percent, meaning } = confidenceWords(value);
  const high = value >= 0.85;
  return (
    <span class="rp-confidence" data-high={high ? 'true' : undefined} title={`Confidence: ${meaning}`}>
      <span class="rp-confidence-bar" aria-hidden="true">
        <span style={{ width: percent }} />
      </span>
      {percent}
      <span class="rp-sr-only"> {meaning}</span>
      {!high && (
        <span class="rp-tag" aria-hidden="true">
          check
        </span>
      )}
    </span>
  );
}

export function DiagnosisList({ diagnoses }: { diagnoses: readonly DiagnosisSuggestion[] }) {
  const ranked = [...diagnoses].sort((a, b) => a.rank - b.rank);
  return (
    <section class="rp-codes-section" aria-labelledby="rp-dx-title" data-testid="diagnoses">
      <h3 id="rp-dx-title">Diagnoses</h3>
      {ranked.length === 0 ? (
        <p class="rp-empty">No diagnosis could be coded from the draft.</p>
      ) : (
        <ol class="rp-list rp-code-list">
          {ranked.map((dx) => (
            <CodeItem
              key={dx.code}
              id={`rp-dx-${dx.code.replace(/\W/g, '')}`}
              evidence={dx.evidence}
              head={
                <>
                  <span class="rp-code">{dx.code}</span>
                  <span class="rp-item-title">{dx.description}</span>
                </>
              }
            >
              <p class="rp-code-meta">
                {dx.rank === 1 && (
                  <span class="rp-flag" data-flag="main">
                    Main reason for the visit
                  </span>
                )}{' '}
                <Confidence value={dx.confidence} />
              </p>
              <p class="rp-code-why">{dx.rationale}</p>
            </CodeItem>
          ))}
        </ol>
      )}
    </section>
  );
}

export function WithheldList({ withheld }: { withheld: readonly WithheldDiagnosis[] }) {
  if (withheld.length === 0) return null;
  return (
    <section class="rp-codes-section" aria-labelledby="rp-withheld-title" data-testid="withheld">
      <h3 id="rp-withheld-title">Not coded</h3>
      <p class="rp-muted rp-small">Spoken of in the visit but left off the claim, with why.</p>
      <ul class="rp-list rp-code-list">
        {withheld.map((w, i) => (
          <CodeItem
            key={i}
            id={`rp-withheld-${i}`}
            evidence={w.evidence}
            head={
              <>
                {w.code && <span class="rp-code">{w.code}</span>}
                <span class="rp-item-title">{w.label}</span>
              </>
            }
          >
            <p class="rp-code-why" data-reason={w.reason}>
              {WITHHELD_REASONS[w.reason] ?? w.reason}
            </p>
          </CodeItem>
        ))}
      </ul>
    </section>
  );
}
