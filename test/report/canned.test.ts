import { describe, expect, test } from 'vitest';
import { bodyOf, CannedCounter } from '../../src/report/canned.js';

describe('canned bodies', () => {
  test('greeting, name, mentions and sign-off aside, one template is one body', () => {
    const a = bodyOf('@greet_x Hallo Greet, kan je mij je klantnummer in privé doorsturen? Dan kijk ik het even na. Groetjes, ^^TV');
    const b = bodyOf('@pjansen Hallo Peter! Kan je mij je klantnummer in privé doorsturen? Dan kijk ik het even na. Groetjes, ^^TV');
    expect(a).not.toBe('');
    expect(a).toBe(b);
    expect(bodyOf("Hi Sam, I'm sorry to hear this. Please DM me your order number. ^KC")).toBe(bodyOf("Hey Priya! I'm sorry to hear this. Please DM me your order number. -Lexie"));
  });

  test('different answers are different bodies; very short replies are not called canned', () => {
    expect(bodyOf('Your parcel left Leeds this morning and arrives tomorrow.')).not.toBe(bodyOf('Your refund went out today and shows in three days.'));
    expect(bodyOf('Thanks!')).toBe('');
  });

  test('counts repeats with where the body was first seen; memory is bounded', () => {
    const c = new CannedCounter(2);
    const t = 'Please send us a DM with your account number so we can look into this.';
    expect(c.add(t, 1)).toBeNull();
    expect(c.add('Hi Sam, ' + t, 2)).toEqual({ count: 2, firstLine: 1 });
    expect(c.add(t + ' ^JD', 3)).toEqual({ count: 3, firstLine: 1 });
    expect(c.add('Your parcel left Leeds this morning and arrives tomorrow.', 4)).toBeNull();
    // Past the bound, a new body is not remembered, so its repeat is not marked; known ones still are.
    expect(c.add('Your refund went out today and shows in three working days.', 5)).toBeNull();
    expect(c.add('Your refund went out today and shows in three working days.', 6)).toBeNull();
    expect(c.add(t, 7)).toEqual({ count: 4, firstLine: 1 });
  });
});
