/**
 * The one way rules report a finding: a vfile message with a rule id and an
 * optional suggestion. Severity is not set here; `severity.ts` decides it by stage.
 */
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Place = Node | Position | Point | undefined | null;

export interface ReportOptions {
  /** What to write instead (nearest key, mandated title, ...). */
  suggestion?: string;
}

function toPlace(place: Place): Position | Point | undefined {
  if (!place) return undefined;
  if ('line' in place && typeof place.line === 'number')
    return { line: place.line, column: (place as Point).column };
  if ('start' in place && 'end' in place) return place as Position;
  return (place as Node).position;
}

export function report(
  file: VFile,
  rule: string,
  reason: string,
  place?: Place,
  options: ReportOptions = {},
): VFileMessage {
  const message = file.message(reason, { place: toPlace(place), ruleId: rule, source: 'flagship' });
  if (options.suggestion !== undefined) message.expected = [options.suggestion];
  return message;
}
