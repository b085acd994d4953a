import { describe, expect, it } from 'vitest';
import { buildFeeds } from '../../src/pipeline.js';
import { parseSeed } from '../../src/story/normalize.js';
import { canonicalLanguage, notALanguageTag } from '../../src/story/language-tag.js';

describe('a refused language of megabytes', () => {
  const big = 'z'.repeat(1_000_000);
  const site = { siteUrl: 'https://x.example', title: 'X' };

  it('is named by its start', () => {
    expect(canonicalLanguage(big)).toBeUndefined();
    expect(notALanguageTag(big)).toMatch(/^"z{40}…" is not a language tag/);
    expect(notALanguageTag(big).length).toBeLessThan(200);
  });

  it('in a plain item and in a seed', () => {
    const messages: string[] = [];
    try {
      buildFeeds([{ url: '/a', title: 'A', published: '2024-01-01', language: big }], site);
    } catch (error) {
      messages.push((error as Error).message);
    }
    try {
      // Front matter holds at most 64 KB.
      parseSeed(`---\ntitle: T\ndate: 2024-01-01\nlanguage: ${big.slice(0, 50_000)}\n---\nBody text here.\n`, { file: 'a.md', site });
    } catch (error) {
      messages.push((error as Error).message);
    }
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.slice(0, 200)).toContain('zzz…" is not a language tag');
      expect(message.length, message.slice(0, 200)).toBeLessThan(400);
    }
  });

  it('a short one is quoted whole, as before', () => {
    expect(notALanguageTag('english')).toBe('"english" is not a language tag starting with an ISO 639 language code (such as en, en-GB, pt-BR or zh-Hant-TW)');
  });
});
