/**
 * Messages a parse reported, recorded as plain data so a cached parse result
 * can re-create them on the vfile of the run that hits the cache.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** A vfile message as the parse stage made it, replayable onto another vfile. */
export interface RecordedMessage {
  reason: string;
  ruleId?: string;
  place?: VFileMessage['place'];
  expected?: string[];
  note?: string;
  url?: string;
}

export function recordMessages(messages: VFileMessage[]): RecordedMessage[] {
  return messages.map((m) => {
    const recorded: RecordedMessage = { reason: m.reason };
    if (m.ruleId !== undefined) recorded.ruleId = m.ruleId;
    if (m.place !== undefined) recorded.place = m.place;
    if (m.expected !== undefined) recorded.expected = m.expected;
    if (m.note !== undefined) recorded.note = m.note;
    if (m.url !== undefined) recorded.url = m.url;
    return recorded;
  });
}

/** Re-create recorded messages on a file (a cache hit reports what the parse reported). */
export function replayMessages(file: VFile, messages: RecordedMessage[]): void {
  for (const m of messages) {
    const message = file.message(m.reason, {
      place: m.place,
      ruleId: m.ruleId,
      source: 'flagship',
    });
    if (m.expected !== undefined) message.expected = m.expected;
    if (m.note !== undefined) message.note = m.note;
    if (m.url !== undefined) message.url = m.url;
  }
}
