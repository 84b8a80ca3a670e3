/**
 * A small, deterministic logistic regression (batch gradient descent with an L2 penalty, fixed
 * iterations from zero weights): enough for a handful of features fitted on a few dozen labelled
 * codes, and reproducible bit for bit, so the shipped weights can be re-fitted in a test.
 *
 * @module
 */

export interface FitOptions {
  readonly iterations?: number;
  readonly learningRate?: number;
  /** L2 penalty on every weight but the bias; keeps a tiny labelled set from driving weights to infinity. */
  readonly l2?: number;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * (x[i] ?? 0);
  return sigmoid(z);
}

export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  options: FitOptions = {},
): number[] {
  const { iterations = 4000, learningRate = 0.5, l2 = 0.05 } = options;
  const n = xs.length;
  const width = xs[0]?.length ?? 0;
  const w = new Array<number>(width).fill(0);
  if (n === 0) return w;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(width).fill(0);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const err = predict(w, x) - ys[i]!;
      for (let j = 0; j < width; j++) grad[j]! += err * x[j]!;
    }
    for (let j = 0; j < width; j++) {
      const penalty = j === 0 ? 0 : l2 * w[j]!;
      w[j] = w[j]! - learningRate * (grad[j]! / n + penalty);
    }
  }
  return w;
}
