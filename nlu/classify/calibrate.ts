import { softmaxInPlace } from './softmax-regression';

/**
 * Temperature scaling (Guo et al., 2017): the temperature that minimises the negative log-likelihood
 * of held-out logits. Searched on a log grid, then refined; deterministic.
 */
export function fitTemperature(logits: Float64Array[], labels: number[]): number {
  if (logits.length === 0) return 1;
  const nll = (t: number) => {
    let sum = 0;
    for (let i = 0; i < logits.length; i++) {
      const p = softmaxInPlace(Float64Array.from(logits[i]), t);
      sum -= Math.log(Math.max(p[labels[i]], 1e-12));
    }
    return sum / logits.length;
  };
  let best = 1;
  let bestLoss = nll(1);
  for (let t = 0.1; t <= 10; t *= 1.15) {
    const loss = nll(t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  for (let step = best * 0.1; step > 1e-3; step /= 2) {
    for (const t of [best - step, best + step]) {
      if (t <= 0) continue;
      const loss = nll(t);
      if (loss < bestLoss) [best, bestLoss] = [t, loss];
    }
  }
  return best;
}

/** Expected calibration error over equal-width confidence bins: how far confidence is from accuracy. */
export function expectedCalibrationError(confidences: number[], correct: boolean[], bins = 10): number {
  const count = new Array(bins).fill(0);
  const conf = new Array(bins).fill(0);
  const acc = new Array(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b]++;
    conf[b] += c;
    acc[b] += correct[i] ? 1 : 0;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += (count[b] / confidences.length) * Math.abs(acc[b] / count[b] - conf[b] / count[b]);
  return ece;
}
