import { describe, expect, it } from 'vitest';
import { seedAuthgear } from '../../../demo/seed/authgear.js';
import { FakeStore } from '../../fakes/authgear/store.js';

describe('demo Authgear seed', () => {
  it('seeds only group and role keys Authgear accepts (the fake refuses the others, as Authgear does)', () => {
    const store = new FakeStore(() => new Date('2026-03-01T12:00:00Z'));
    expect(() => seedAuthgear(store, new Date('2026-03-01T12:00:00Z'))).not.toThrow();
    expect(store.group('beta_testers')).toBeDefined();
    expect(store.role('support_agent')).toBeDefined();
  });
});
