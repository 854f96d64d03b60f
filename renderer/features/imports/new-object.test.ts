import { describe, expect, it } from 'vitest';
import { model } from '../../../shared/imports/test-model';
import {
  columnOptions,
  columnTypes,
  fieldNameFromLabel,
  labelsFromFileName,
  objectHeadOf,
  optionsFromValues,
  proposalIssues,
  proposeNewObject,
  schemaFieldOf,
  setObjectLabels,
  setObjectNames,
  updateColumn,
} from './new-object';
import { vendorHeaders, vendorRows } from './new-object-sample';

const vendors = () => proposeNewObject('/home/me/vendors.csv', vendorHeaders, vendorRows);

describe('labels from a file name', () => {
  it('makes a singular and a plural label', () => {
    expect(labelsFromFileName('vendors.csv')).toEqual({ singular: 'Vendor', plural: 'Vendors' });
    expect(labelsFromFileName('/tmp/companies.xlsx')).toEqual({
      singular: 'Company',
      plural: 'Companies',
    });
    expect(labelsFromFileName('purchase_orders-2024.csv')).toEqual({
      singular: 'Purchase Order',
      plural: 'Purchase Orders',
    });
    expect(labelsFromFileName('C:\\exports\\Box.csv')).toEqual({
      singular: 'Box',
      plural: 'Boxes',
    });
    expect(labelsFromFileName('supplierList.csv')).toEqual({
      singular: 'Supplier List',
      plural: 'Supplier Lists',
    });
    expect(labelsFromFileName('addresses.csv')).toEqual({
      singular: 'Address',
      plural: 'Addresses',
    });
  });

  it('falls back when the name gives no usable label', () => {
    expect(labelsFromFileName('2024.csv')).toEqual({
      singular: 'Imported record',
      plural: 'Imported records',
    });
    expect(labelsFromFileName('___.csv').plural).toBe('Imported records');
  });

  it('names fields like the inference does (base field names get Custom)', () => {
    expect(fieldNameFromLabel('Created at')).toBe('createdAtCustom');
    expect(fieldNameFromLabel('Annual revenue')).toBe('annualRevenue');
    expect(fieldNameFromLabel('2nd phone')).toBe('n2NdPhone');
  });
});

describe('proposing an object from a file', () => {
  it('takes names from the labels and one field per column typed from its values', () => {
    const proposal = vendors();
    expect(proposal).toMatchObject({
      labelSingular: 'Vendor',
      labelPlural: 'Vendors',
      nameSingular: 'vendor',
      namePlural: 'vendors',
    });
    const byColumn = Object.fromEntries(proposal.columns.map((c) => [c.column, c]));
    expect(byColumn.Name).toMatchObject({ baseField: 'name', name: 'name', type: 'TEXT' });
    expect(byColumn.Website!.type).toBe('LINKS');
    expect(byColumn.Email!.type).toBe('EMAILS');
    expect(byColumn.Category!.type).toBe('SELECT');
    expect(byColumn.Category!.inferredOptions.map((o) => o.value)).toEqual([
      'HARDWARE',
      'SOFTWARE',
      'SERVICES',
    ]);
    expect(byColumn.Since!.type).toBe('DATE');
    expect(byColumn.Revenue!.type).toBe('CURRENCY');
    expect(proposalIssues(proposal, model).blocking).toEqual([]);
  });

  it('turns a column into a field as the data-model editor makes them', () => {
    const proposal = vendors();
    const category = proposal.columns.find((c) => c.column === 'Category')!;
    const field = schemaFieldOf(category);
    expect(field).toMatchObject({
      name: 'category',
      label: 'Category',
      type: 'SELECT',
      isLabelSyncedWithName: true,
      icon: 'IconTag',
    });
    expect(field.options).toHaveLength(3);
    const rating = updateColumn(proposal, 'Rating', { type: 'RATING' }).columns.find(
      (c) => c.column === 'Rating',
    )!;
    expect(schemaFieldOf(rating)).toMatchObject({ type: 'RATING', options: null });
    expect(objectHeadOf(proposal)).toMatchObject({
      isLabelSyncedWithName: true,
      icon: 'IconTable',
    });
  });

  it('makes options from the values when the admin picks a select', () => {
    const proposal = updateColumn(vendors(), 'Rating', { type: 'SELECT' });
    const rating = proposal.columns.find((c) => c.column === 'Rating')!;
    expect(columnOptions(rating).map((o) => o.value)).toEqual([
      'OPT1',
      'OPT2',
      'OPT3',
      'OPT4',
      'OPT5',
    ]);
    expect(optionsFromValues(['a;b', 'b,c', 'In progress'], true).map((o) => o.label)).toEqual([
      'a',
      'b',
      'c',
      'In progress',
    ]);
    expect(columnTypes(rating).map((t) => t.type)).not.toContain('RELATION');
  });
});

describe('editing and checking the proposal', () => {
  it('keeps names on the labels until the admin types one', () => {
    let proposal = setObjectLabels(vendors(), {
      labelSingular: 'Supplier',
      labelPlural: 'Suppliers',
    });
    expect(proposal.nameSingular).toBe('supplier');
    proposal = setObjectNames(proposal, { namePlural: 'supplierList' });
    proposal = setObjectLabels(proposal, { labelSingular: 'Provider' });
    expect(proposal.nameSingular).toBe('supplier');
    expect(objectHeadOf(proposal).isLabelSyncedWithName).toBe(false);

    proposal = updateColumn(proposal, 'Since', { label: 'Customer since' });
    expect(proposal.columns.find((c) => c.column === 'Since')!.name).toBe('customerSince');
    proposal = updateColumn(proposal, 'Since', { name: 'since' });
    proposal = updateColumn(proposal, 'Since', { label: 'Partner since' });
    expect(proposal.columns.find((c) => c.column === 'Since')!.name).toBe('since');
  });

  it('refuses a name another object has, in Twenty words', () => {
    const proposal = setObjectLabels(vendors(), {
      labelSingular: 'Company',
      labelPlural: 'Companies',
    });
    const issues = proposalIssues(proposal, model);
    expect(issues.object).toContainEqual({
      path: 'nameSingular',
      message: 'Object already exists',
    });
    expect(issues.blocking[0]).toBe('Object name: Object already exists');
  });

  it('checks field names as typed: format, base fields, other columns', () => {
    let proposal = updateColumn(vendors(), 'Email', { name: 'Bad name' });
    proposal = updateColumn(proposal, 'Since', { name: 'createdAt' });
    proposal = updateColumn(proposal, 'Revenue', { name: 'website' });
    const issues = proposalIssues(proposal, model);
    expect(issues.columns.Email!.map((i) => i.message)).toContain('Name should be in camelCase');
    expect(issues.columns.Since!.map((i) => i.message)).toContain(
      'Name "createdAt" is not available as it is already used by another field',
    );
    expect(issues.columns.Revenue!.map((i) => i.message)).toContain(
      'Name "website" is not available as it is already used by another field',
    );
    // Excluded columns are not checked (and make no field).
    const excluded = updateColumn(proposal, 'Email', { included: false });
    expect(proposalIssues(excluded, model).columns.Email).toBeUndefined();
  });

  it('needs at least one column', () => {
    let proposal = vendors();
    for (const column of vendorHeaders)
      proposal = updateColumn(proposal, column, { included: false });
    expect(proposalIssues(proposal, model).blocking).toEqual(['Include at least one column']);
  });
});
