/**
 * The CMS-HCC categories the suggested diagnoses map to (after the model's hierarchies), each with
 * its MEAT check: met or missing, which of Monitor, Evaluate, Assess/Address and Treat the visit
 * documents and which it does not, and the evidence for them.
 *
 * @module
 */
import type { HccFlag } from '../../../server/contract/coding.ts';
import { CodeItem } from './CodeEvidence.tsx';
import { MEAT_ELEMENTS } from './code-words.ts';

function Meat({ meat }: { meat: HccFlag['meat'] }) {
  const documented = MEAT_ELEMENTS.filter((e) => meat.elements.includes(e.key)).map((e) => e.word);
  const absent = MEAT_ELEMENTS.filter((e) => !meat.elements.includes(e.key)).map((e) => e.word);
  return (
    <p class="rp-small" data-meat={meat.met ? 'met' : 'missing'}>
      <span class="rp-flag" data-flag={meat.met ? 'ready' : 'high'}>
        {meat.met ? 'MEAT met' : 'MEAT missing'}
      </span>{' '}
      Documented: {documented.length > 0 ? documented.join(', ') : 'none'}.
      {absent.length > 0 && ` Not documented: ${absent.join(', ')}.`}
    </p>
  );
}

export function HccFlags({ flags }: { flags: readonly HccFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <section class="rp-codes-section" aria-labelledby="rp-hcc-title" data-testid="hcc">
      <h3 id="rp-hcc-title">HCC</h3>
      <ul class="rp-list rp-code-list">
        {flags.map((flag) => (
          <CodeItem
            key={flag.hcc}
            id={`rp-hcc-${flag.hcc.replace(/\W/g, '')}`}
            evidence={flag.meat.evidence}
            head={
              <>
                <span class="rp-code">{flag.hcc}</span>
                <span class="rp-item-title">{flag.label}</span>
              </>
            }
          >
            <p class="rp-code-meta rp-muted rp-small">
              {flag.model} · from {flag.diagnosisCodes.join(', ')}
              {flag.supersedes.length > 0 && ` · replaces ${flag.supersedes.join(', ')}`}
            </p>
            <Meat meat={flag.meat} />
          </CodeItem>
        ))}
      </ul>
    </section>
  );
}
