/**
 * Loaded into the server process by the load benchmark (`node --import ./test/load/loop-delay-probe.ts
 * --import tsx server/main.ts`): every 10 s it writes one JSON line to stdout, beside the server's
 * own log, with how late the event loop ran in that window (p99 and max, ms). Changes nothing else.
 *
 * @module
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { LOOP_DELAY_MSG } from './process-messages.ts';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
setInterval(() => {
  const line = {
    level: 'info',
    msg: LOOP_DELAY_MSG,
    p99Ms: Math.round(histogram.percentile(99) / 1e5) / 10,
    maxMs: Math.round(histogram.max / 1e5) / 10,
  };
  histogram.reset();
  process.stdout.write(`${JSON.stringify(line)}\n`);
}, 10_000).unref();
