import { describe, expect, it } from 'vitest';
import { storyFromJson, storyToJson } from '../../src/story/json.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { Story } from '../../src/types.js';

const site = { siteUrl: 'https://x.example' };

describe('storyToJson and storyFromJson', () => {
  it('give back the story, its fields in their order and its dates as Dates, with and without a dateline', () => {
    const plain = parseSeed('---\ntitle: A title\ndate: 2024-05-01T10:00:00Z\ntags: [a, b]\n---\n\nBody text here.\n', { file: 'a.md', site });
    const datelined = parseSeed('---\ntitle: Another\ndate: 2024-05-02\n---\n\nKYIV, May 2 (Reuters) - Body text here.\n', { file: 'b.md', site });
    const undated: Story = { ...plain, dateline: { place: 'PARIS' } };
    const expiring = parseSeed('---\ntitle: Expiring\ndate: 2024-05-01\nexpiryDate: 2024-06-01T00:00:00Z\n---\n\nBody text here.\n', { file: 'c.md', site });
    expect(expiring.expires?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    for (const story of [plain, datelined, undated, expiring]) {
      const json = JSON.parse(JSON.stringify(storyToJson(story)));
      const back = storyFromJson(json);
      expect(back).toEqual(story);
      expect(Object.keys(back)).toEqual(Object.keys(json));
      expect(back.published).toBeInstanceOf(Date);
      expect(back.updated.getTime()).toBe(story.updated.getTime());
      if (story.dateline?.date) expect(back.dateline?.date).toBeInstanceOf(Date);
      if (story.expires) expect(back.expires).toBeInstanceOf(Date);
      // The JSON object is read, not changed.
      expect(typeof json.published).toBe('string');
    }
    expect(datelined.dateline?.place).toBeTruthy();
  });
});
