/**
 * How well probabilities match outcomes: the expected calibration error (ECE: the gap between
 * mean confidence and accuracy per bin, weighted by the bin's share of items) and the reliability
 * table behind it, over equal-width bins of [0, 1].
 *
 * @module
 */

export interface ReliabilityBin {
  /** `[lower, upper)`; the last bin includes 1. */
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly meanConfidence: number;
  /** Share of the bin's items that were right (labelled 1). */
  readonly accuracy: number;
}

export interface CalibrationReport {
  readonly items: number;
  readonly ece: number;
  readonly bins: readonly ReliabilityBin[];
}

export function calibrationReport(
  probabilities: readonly number[],
  labels: readonly number[],
  binCount = 10,
): CalibrationReport {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  probabilities.forEach((p, i) => {
    const bin = sums[Math.min(binCount - 1, Math.floor(p * binCount))]!;
    bin.count++;
    bin.confidence += p;
    bin.correct += labels[i] ?? 0;
  });
  const n = probabilities.length;
  let ece = 0;
  const bins = sums.map((b, k): ReliabilityBin => {
    const meanConfidence = b.count ? b.confidence / b.count : 0;
    const accuracy = b.count ? b.correct / b.count : 0;
    if (n > 0) ece += (b.count / n) * Math.abs(meanConfidence - accuracy);
    return { lower: k / binCount, upper: (k + 1) / binCount, count: b.count, meanConfidence, accuracy };
  });
  return { items: n, ece, bins };
}
