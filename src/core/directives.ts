/**
 * The directives flagship knows, by kind (container `:::`, leaf `::`, text `:`).
 * Rules use this list to recognise boxes and to suggest the nearest name for a
 * misspelled one; renderers use it to decide how each directive is drawn.
 */
export type DirectiveKind = 'containerDirective' | 'leafDirective' | 'textDirective';

export interface DirectiveSpec {
  name: string;
  kind: DirectiveKind;
  /** What it is for, in one line (docs). */
  purpose: string;
}

export const DIRECTIVES: DirectiveSpec[] = [
  {
    name: 'good-practice',
    kind: 'containerDirective',
    purpose: 'a good practice or lesson learned from a city (box)',
  },
  {
    name: 'unece-support',
    kind: 'containerDirective',
    purpose: 'an example of UNECE support to member States (box)',
  },
  {
    name: 'recommendations',
    kind: 'containerDirective',
    purpose: "the chapter's policy recommendations (numbered box)",
  },
  {
    name: 'figure',
    kind: 'containerDirective',
    purpose: 'a numbered figure: caption, image, source',
  },
  {
    name: 'table',
    kind: 'containerDirective',
    purpose: 'a numbered table: caption, table, source',
  },
  {
    name: 'recommendations-summary',
    kind: 'leafDirective',
    purpose: "a table of every chapter's recommendations",
  },
  {
    name: 'comment',
    kind: 'textDirective',
    purpose: 'a review comment, `:comment[text]{by="name"}`',
  },
  { name: 'sdg', kind: 'textDirective', purpose: 'an SDG goal or target, `:sdg[11.7]`' },
  {
    name: 'kpi',
    kind: 'textDirective',
    purpose: 'a U4SSC key performance indicator, `:kpi[EC: ICT: ICT: 1C]`',
  },
];

export function directiveNamed(name: string): DirectiveSpec | undefined {
  return DIRECTIVES.find((d) => d.name === name);
}
