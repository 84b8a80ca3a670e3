import { describe, expect, it } from 'vitest';
import { createSmartStyleSource, readSmartStyle } from './smart-style.ts';

describe('readSmartStyle', () => {
  it('keeps valid colours, lengths and fonts and drops anything that could inject CSS', () => {
    const style = readSmartStyle({
      color_background: '#ffffff',
      color_text: 'rgb(20, 20, 20)',
      color_error: 'red; background: url(https://evil.example)',
      dim_font_size: '14px',
      dim_border_radius: 'calc(1px)',
      font_family_body: "'Segoe UI', Arial, sans-serif",
      font_family_heading: 'Arial; }',
    });
    expect(style).toEqual({
      colorBackground: '#ffffff',
      colorText: 'rgb(20, 20, 20)',
      dimFontSize: '14px',
      fontFamilyBody: "'Segoe UI', Arial, sans-serif",
    });
    expect(readSmartStyle('nope')).toEqual({});
  });
});

describe('createSmartStyleSource', () => {
  it('fetches only from allowed origins and caches per URL', async () => {
    const calls: string[] = [];
    const source = createSmartStyleSource((url) => {
      calls.push(url);
      return Promise.resolve(new Response(JSON.stringify({ color_text: '#222' })));
    });
    expect(await source.get('https://elsewhere.example/style.json', ['https://ehr.example'])).toBeUndefined();
    expect(calls).toHaveLength(0);
    expect(await source.get('https://ehr.example/style.json', ['https://ehr.example'])).toEqual({
      colorText: '#222',
    });
    await source.get('https://ehr.example/style.json', ['https://ehr.example']);
    expect(calls).toHaveLength(1);
  });

  it('gives no style when the EHR fails', async () => {
    const source = createSmartStyleSource(() => Promise.resolve(new Response('x', { status: 500 })));
    expect(await source.get('https://ehr.example/s.json', ['https://ehr.example'])).toBeUndefined();
  });
});
