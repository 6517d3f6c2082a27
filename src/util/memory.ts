/**
 * Give a finished build's memory back before the next one in the same process
 * (`flagship watch`, a bench session). V8 collects old garbage lazily: in a session
 * of four builds of the 207-page benchmark the process peaked at ~490-600 MB, most
 * of it the previous build's dead trees, strings and PDF objects, against ~300 MB
 * for one build. One full collection between builds (~50 ms) keeps every build at
 * the first one's footprint. Node exposes `gc()` only under --expose-gc; the flag can
 * be set at run time and the function taken from a fresh context, which is what
 * this does (and nothing when the runtime refuses).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/** Run a full garbage collection now, if the runtime allows it; returns whether it ran. */
export function collectGarbage(): boolean {
  const run = collector();
  if (!run) return false;
  run();
  return true;
}
