import { describe, expect, it } from 'vitest';
import { canonicalUnit, convertUnit, displayUnit } from './vital-units.ts';

describe('vital units', () => {
  it('spells units one way', () => {
    expect(canonicalUnit(undefined, 'lbs')).toBe('[lb_av]');
    expect(canonicalUnit('[degF]', '°F')).toBe('[degF]');
    expect(canonicalUnit(undefined, 'C')).toBe('Cel');
    expect(canonicalUnit(undefined, undefined)).toBe('');
  });

  it('converts what can be converted and nothing else', () => {
    expect(convertUnit(100, '[lb_av]', 'kg')).toBe(45.4);
    expect(convertUnit(70, 'kg', '[lb_av]')).toBe(154.3);
    expect(convertUnit(65, '[in_i]', 'cm')).toBe(165.1);
    expect(convertUnit(37, 'Cel', '[degF]')).toBe(98.6);
    expect(convertUnit(100.4, '[degF]', 'Cel')).toBe(38);
    expect(convertUnit(70, 'kg', 'cm')).toBeUndefined();
    expect(convertUnit(70, 'kg', '%')).toBeUndefined();
    expect(convertUnit(5, 'x', 'x')).toBe(5);
  });

  it('shows units as clinicians write them', () => {
    expect(displayUnit('Cel')).toBe('°C');
    expect(displayUnit('mm[Hg]')).toBe('mmHg');
    expect(displayUnit('kg')).toBe('kg');
    expect(displayUnit('', 'units')).toBe('units');
  });
});
