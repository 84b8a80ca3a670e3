// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applySmartStyle, looksValid } from './smart-style.ts';

describe('applySmartStyle', () => {
  it('sets custom properties for colours, lengths and font lists', () => {
    const root = document.createElement('div');
    const applied = applySmartStyle(root, {
      colorBackground: '#fafafa',
      colorHighlight: 'rgb(0, 94, 184)',
      colorText: 'black',
      dimBorderRadius: '4px',
      dimFontSize: '0.9rem',
      dimSpacingSize: '8px',
      fontFamilyBody: "'Segoe UI', Arial, sans-serif",
    });
    expect(applied).toHaveLength(7);
    expect(root.style.getPropertyValue('--rp-bg')).toBe('#fafafa');
    expect(root.style.getPropertyValue('--rp-accent')).toBe('rgb(0, 94, 184)');
    expect(root.style.getPropertyValue('--rp-radius')).toBe('4px');
    expect(root.style.getPropertyValue('--rp-font-size')).toBe('0.9rem');
    expect(root.style.getPropertyValue('--rp-font')).toContain('Segoe UI');
  });

  it('skips values that do not look like what they claim to be', () => {
    const root = document.createElement('div');
    const applied = applySmartStyle(root, {
      colorBackground: 'url(https://evil.example/x.png)',
      colorText: 'red; background: url(x)',
      dimFontSize: 'calc(100vw)',
      fontFamilyBody: 'Arial; } body { display:none',
      colorError: '#b3261e',
    });
    expect(applied).toEqual(['--rp-error']);
    expect(root.style.getPropertyValue('--rp-bg')).toBe('');
  });

  it('does nothing without a style', () => {
    expect(applySmartStyle(document.createElement('div'), undefined)).toEqual([]);
  });

  it('knows colours, lengths and font lists apart', () => {
    expect(looksValid('colour', '#abc')).toBe(true);
    expect(looksValid('colour', '#abcde')).toBe(false);
    expect(looksValid('colour', 'hsl(210 50% 40% / 0.5)')).toBe(true);
    expect(looksValid('length', '0')).toBe(true);
    expect(looksValid('length', '12')).toBe(false);
    expect(looksValid('fonts', 'Helvetica Neue, sans-serif')).toBe(true);
    expect(looksValid('fonts', 'x(y)')).toBe(false);
  });
});
