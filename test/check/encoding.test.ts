import { describe, expect, it } from 'vitest';
import { checkInvalidUtf8 } from '../../src/check/encoding.js';
import { brief, input } from './helpers.js';

describe('check: bytes that are not valid UTF-8', () => {
  it('reports each line holding invalid bytes, at the first one', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# Plan\n\n- [ ] 1 caf'),
      Buffer.of(0xe9),
      Buffer.from(' ok\n- [ ] 2 fine ✅\n- [ ] 3 '),
      Buffer.of(0xff, 0xfe),
      Buffer.from('\n'),
    ]);
    const problems = checkInvalidUtf8(await input(bytes));
    expect(brief(problems)).toEqual(['3:12 error invalid-utf8', '5:9 error invalid-utf8']);
    expect(problems[0]!.message).toMatch(/^a byte that is not valid UTF-8 \(shown as \uFFFD\); re-save the file as UTF-8/);
    expect(problems[1]!.message).toMatch(/^2 bytes that are not valid UTF-8/);
  });

  it('says nothing for valid UTF-8', async () => {
    expect(checkInvalidUtf8(await input(Buffer.from('# Plan ✅\n')))).toEqual([]);
  });
});
