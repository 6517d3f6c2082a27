/**
 * The renderer `flagship watch` uses: the build, kept alive for the session
 * (one browser, warm caches). Until `flagship build` exists, watch only checks.
 */
import type { Renderer } from './session.js';

export interface RendererOptions {
  manuscript: string;
  draft?: string;
  bibliography?: string;
  cwd?: string;
}

export async function createRenderer(_options: RendererOptions): Promise<Renderer | undefined> {
  return undefined;
}
