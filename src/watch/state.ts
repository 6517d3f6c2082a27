/** What `flagship watch` knows after its last rebuild, shared by the session and the server. */
import type { Summary } from '../core/pipeline.js';
import type { Diagnostic, Stage } from '../core/types.js';

export interface WatchState {
  /** Counts rebuilds; pages use it to tell a new state from an old one. */
  generation: number;
  building: boolean;
  title?: string;
  stage?: Stage;
  summary?: Summary;
  diagnostics: Diagnostic[];
  /** Why the last rebuild failed (not a manuscript problem: those are diagnostics). */
  error?: string;
  /** A note for the page while there is no HTML edition. */
  note?: string;
  /** Absolute path of the HTML edition, once built. */
  html?: string;
  /** Absolute path of the last PDF, once rendered. */
  pdf?: string;
  durationMs?: number;
}
