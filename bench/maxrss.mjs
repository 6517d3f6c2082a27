/**
 * Preloaded into benchmarked Node processes (`node --import ./bench/maxrss.mjs`):
 * on exit, writes the process's own peak resident memory (kB, from
 * process.resourceUsage) to the file named by BENCH_MAXRSS_FILE. Unlike
 * `/usr/bin/time`, this counts the Node process alone, not Chromium's.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_MAXRSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // the bench reports "n/a" for memory
    }
  });
}
