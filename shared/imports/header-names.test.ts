import { describe, expect, it } from 'vitest';
import { normalizeHeader, similarity, synonymTargets } from './header-names';

describe('header names', () => {
  it('folds case, accents, separators and camelCase', () => {
    expect(normalizeHeader('BillingPostalCode')).toBe('billing postal code');
    expect(normalizeHeader('Billing Zip/Postal Code')).toBe('billing zip postal code');
    expect(normalizeHeader('Prénom')).toBe('prenom');
    expect(normalizeHeader('E-mail')).toBe('email');
    expect(normalizeHeader('Probability (%)')).toBe('probability percent');
  });

  it('drops Pipedrive prefixes naming the target object only', () => {
    expect(normalizeHeader('Person - Email - Work', 'person')).toBe('email work');
    expect(normalizeHeader('Organization - Name', 'person')).toBe('organization name');
    expect(normalizeHeader('Deal - Title', 'opportunity')).toBe('title');
  });

  it('scores similar names', () => {
    expect(similarity('job title', 'jobtitle')).toBe(1);
    expect(similarity('annual revenue', 'annual revenu')).toBeGreaterThan(0.9);
    expect(similarity('city', 'country')).toBeLessThan(0.5);
  });

  it('knows synonyms per object', () => {
    expect(synonymTargets('account name', 'company')).toEqual([
      { objects: ['company'], fields: ['name'] },
    ]);
    expect(synonymTargets('account name', 'person')[0]).toMatchObject({
      fields: ['company'],
      lookup: { object: 'company', by: ['name'] },
    });
  });
});
