/**
 * Documentation findings to fix before signing, most severe first ("Must fix", "Should fix",
 * "Worth a look"), each with what is wrong, what to add or change, the code it concerns and
 * the text it points at.
 *
 * @module
 */
import type { DocumentationFinding } from '../../../server/contract/coding.ts';
import { CodeItem } from './CodeEvidence.tsx';
import { SEVERITIES } from './code-words.ts';

export function FindingsList({ findings }: { findings: readonly DocumentationFinding[] }) {
  return (
    <section class="rp-codes-section" aria-labelledby="rp-findings-title" data-testid="findings">
      <h3 id="rp-findings-title">Findings to fix</h3>
      {findings.length === 0 && <p class="rp-empty">Nothing to fix: the documentation supports the codes.</p>}
      {SEVERITIES.map(({ key, word }) => {
        const items = findings
          .map((finding, index) => ({ finding, index }))
          .filter(({ finding }) => finding.severity === key);
        if (items.length === 0) return null;
        return (
          <div key={key} data-severity={key}>
            <h4>
              <span class="rp-flag" data-flag={key}>
                {word}
              </span>{' '}
              ({items.length})
            </h4>
            <ul class="rp-list rp-code-list">
              {items.map(({ finding, index }) => (
                <CodeItem
                  key={index}
                  id={`rp-finding-${index}`}
                  evidence={finding.evidence}
                  head={
                    <>
                      {finding.code && <span class="rp-code">{finding.code}</span>}
                      <span class="rp-item-title">{finding.message}</span>
                    </>
                  }
                >
                  <p class="rp-code-why">
                    <strong>Fix:</strong> {finding.suggestedFix}
                  </p>
                </CodeItem>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
