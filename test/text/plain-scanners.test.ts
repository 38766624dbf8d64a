// The scanners in text/plain.ts replaced one-line expressions that backtracked
// quadratically; they must find exactly what those expressions found. The
// expressions are kept here as the reference, and compared on random inline Markdown.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/text/plain.js';

/** plainText as it was written with the expressions (the reference). */
function reference(raw: string): string {
  if (!/[\\`*_~[\]<&!]/.test(raw)) return raw.trim();
  const codes: string[] = [];
  let s = raw.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, body: string) => {
    let b = body.replace(/\\\|/g, '|');
    if (/^ [\s\S]*[^ ][\s\S]* $/.test(b)) b = b.slice(1, -1);
    codes.push(b);
    return `\u0000${codes.length - 1}\u0000`;
  });
  const escapes: string[] = [];
  s = s.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => {
    escapes.push(c);
    return `\u0001${escapes.length - 1}\u0001`;
  });
  // A link's text: up to its first `]`, else (`[[hotfix] Fix it](…)`) holding pairs of brackets with none inside them.
  const text = (t: string | undefined, paired: string | undefined) => t ?? paired!;
  s = s
    .replace(/!\[(?:([^\]]*)|((?:[^[\]]|\[[^[\]]*\])*))\]\([^)]*\)/g, (_m, t?: string, p?: string) => text(t, p))
    .replace(/!\[(?:([^\]]*)|((?:[^[\]]|\[[^[\]]*\])*))\]\[[^\]]*\]/g, (_m, t?: string, p?: string) => text(t, p))
    .replace(/\[(?:([^\]]*)|((?:[^[\]]|\[[^[\]]*\])*))\]\([^)]*\)/g, (_m, t?: string, p?: string) => text(t, p))
    .replace(/\[(?:([^\]]+)|((?:[^[\]]|\[[^[\]]*\])+))\]\[[^\]]*\]/g, (_m, t?: string, p?: string) => text(t, p))
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(^|[^\p{L}\p{N}~])~(?=[^\s~/])([^~]*?[^\s~])~(?![\p{L}\p{N}~])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m) => m);
  s = s.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => escapes[Number(i)]!);
  s = s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)]!);
  return s.trim();
}

// Inline Markdown made of the marks the scanners look for, so openings, closings and near misses are common.
const inline = fc
  .array(fc.constantFrom('`', '``', '```', ' ', 'a', 'b c', '[', ']', '(', ')', '![', '**', '__', '~~', '~', '*', '_', '\\', '|', '\n'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('plainText scanners', () => {
  it('read inline Markdown exactly as the expressions they replaced', () => {
    fc.assert(
      fc.property(inline, (raw) => {
        expect(plainText(raw)).toBe(reference(raw));
      }),
      { numRuns: 20_000 },
    );
  });

  it('read a link whose text holds brackets in pairs as its text (`[[hotfix] Sigla](…)`)', () => {
    expect(plainText('[[hotfix] Sigla da caixa](https://x/145) and [Fix [x] boxes](y)')).toBe('[hotfix] Sigla da caixa and Fix [x] boxes');
  });

  it('read text between single tildes as struck out, as GitHub does, and leave `~5 min` alone', () => {
    expect(plainText('~Fix the gate~ in ~5 min, not ~~twice~~')).toBe('Fix the gate in ~5 min, not twice');
    expect(plainText('Sync dotfiles (~/.bashrc,~/.zshrc) ~3/15 設計書、~3/31 実装')).toBe('Sync dotfiles (~/.bashrc,~/.zshrc) ~3/15 設計書、~3/31 実装');
  });

  it('read a reference image (a badge, `![Complete][]`) as its alt text, as an inline image', () => {
    expect(plainText('![Complete][] ![Team][team] [lang]')).toBe('Complete Team [lang]');
  });

  it('read code spans, links and emphasis', () => {
    for (const raw of [
      '`a` ``b`` ```c```',
      '```a``',
      'x ` y `` z ``',
      '[a](b) ![c](d) [e][f] [g]',
      '[a[b](c)',
      '**a** __b__ ~~c~~ ***d***',
      '` a `',
      '`  `',
      '[[a]](b)',
      '[[a] b [c]][d]',
      '![x [y]](z)',
      '[[[a]]](b)',
    ]) {
      expect(plainText(raw)).toBe(reference(raw));
    }
  });
});
