import { describe, expect, it } from 'vitest';
import { aStatus, codeForMdm, compareCodes, isTopLevel } from './em-codes.ts';
import { capitalise, counted, countWord, joinAnd, labelList } from './reasoning-text.ts';

describe('em-codes', () => {
  it('orders the ladder: 99211 below 99212, and new and established codes by level', () => {
    expect(compareCodes('99211', '99212')).toBeLessThan(0);
    expect(compareCodes('99215', '99214')).toBeGreaterThan(0);
    expect(compareCodes('99204', '99214')).toBe(0);
    expect(compareCodes('99202', '99205')).toBeLessThan(0);
  });

  it('knows the top levels prolonged time extends', () => {
    expect(['99205', '99215'].every((c) => isTopLevel(c as '99205'))).toBe(true);
    expect(['99204', '99214', '99211'].some((c) => isTopLevel(c as '99204'))).toBe(false);
  });

  it('maps MDM to codes by patient status', () => {
    expect(codeForMdm('new', 'low')).toBe('99203');
    expect(codeForMdm('established', 'high')).toBe('99215');
  });

  it('uses the right article', () => {
    expect(aStatus('new')).toBe('a new patient');
    expect(aStatus('established')).toBe('an established patient');
  });
});

describe('reasoning-text', () => {
  it('spells numbers to ten and keeps digits above', () => {
    expect(countWord(3)).toBe('three');
    expect(countWord(12)).toBe('12');
    expect(counted(1, 'item')).toBe('one item');
    expect(counted(2, 'illness', 'illnesses')).toBe('two illnesses');
  });

  it('joins lists as English', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b'])).toBe('a and b');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(labelList(['Hypertension, not at goal', 'CKD'])).toBe('(Hypertension, not at goal; CKD)');
    expect(capitalise('moderate')).toBe('Moderate');
  });
});
