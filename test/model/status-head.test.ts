// The status reader looks at the first words of a text only: a cell of megabytes
// (one word of 4.5 MB) made every command fail with "Maximum call stack size exceeded".

import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/model/status.js';

describe('the status reader on a text of megabytes', () => {
  const vocab = Vocabulary.of();
  const word = 'a'.repeat(4_500_000);

  it('reads no status in one long word, without exhausting the stack', () => {
    expect(vocab.read(word).status).toBe('none');
    expect(vocab.leadingWord(word)).toBeNull();
  });

  it('reads the status written first, whatever follows it', () => {
    const r = vocab.read(`✅ Done ${word}`);
    expect([r.status, r.start, r.end]).toEqual(['done', 0, 6]);
    expect(vocab.read(`In progress, ${word}`).status).toBe('in-progress');
  });
});
