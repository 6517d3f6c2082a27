/** Minimal typings for the parts of citation-js flagship uses (the packages ship none). */
declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(data: unknown, options?: Record<string, unknown>): unknown };
    output: { format(name: string, data: unknown, ...options: unknown[]): unknown };
    config: { get(name: string): any };
  };
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: unknown[];
    format(format: string, options?: Record<string, unknown>): string;
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
