import { describe, expect, it } from 'vitest';
import { pickListingText, scriptOf, writtenLanguages } from './text';

const zh = { title: '光伏逆变器', summary: '高效率' };
const en = { title: 'Solar inverter', summary: 'High efficiency' };

describe('pickListingText', () => {
  it('shows the reader’s language when the owner wrote it', () => {
    expect(pickListingText({ zh, en }, ['zh', 'en'], 'en')).toEqual({ ...en, lang: 'en', foreign: false });
  });
  it('falls back to the original (first language written) and marks it foreign', () => {
    expect(pickListingText({ en, zh }, ['zh', 'en'], 'ur')).toEqual({ ...zh, lang: 'zh', foreign: true });
  });
  it('takes any text there is when the languages list is empty or stale', () => {
    expect(pickListingText({ zh }, [], 'en')).toEqual({ ...zh, lang: 'zh', foreign: true });
    expect(pickListingText({ zh }, ['en'], 'ur')).toEqual({ ...zh, lang: 'zh', foreign: true });
  });
  it('answers null for a listing with no text', () => {
    expect(pickListingText({}, ['en'], 'en')).toBeNull();
  });
});

describe('writtenLanguages', () => {
  it('keeps the original first and each language once', () => {
    expect(writtenLanguages({ en, zh }, ['zh', 'en', 'zh'])).toEqual(['zh', 'en']);
    expect(writtenLanguages({ en }, ['zh'])).toEqual(['en']);
  });
});

describe('scriptOf', () => {
  it('tells Han, Arabic-script and Latin names apart', () => {
    expect(scriptOf('武汉大学')).toBe('zh');
    expect(scriptOf('سیالکوٹ ٹولز')).toBe('ur');
    expect(scriptOf('Sialkot Surgical Ltd.')).toBe('en');
    expect(scriptOf('HUST 华中科技大学')).toBe('zh');
  });
});
