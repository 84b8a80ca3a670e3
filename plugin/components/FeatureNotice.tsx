/**
 * Says which features this launch cannot use and why ("The EHR did not grant permission to file
 * notes"), so a missing button is never a mystery.
 *
 * @module
 */
import type { FeatureState } from '../../server/contract/launch-session.ts';

export function FeatureNotice({ features }: { features: readonly FeatureState[] }) {
  const off = features.filter((f) => !f.enabled);
  if (off.length === 0) return null;
  return (
    <aside class="rp-notice" data-testid="feature-off" aria-labelledby="rp-feature-off-title">
      <h3 id="rp-feature-off-title">Not available in this launch</h3>
      <ul>
        {off.map((feature) => (
          <li key={feature.id}>
            <strong>{feature.label}</strong>: {feature.reason ?? 'The EHR did not allow it for this launch.'}
          </li>
        ))}
      </ul>
    </aside>
  );
}
