/** A vendors file's sample for the new-object tests: every inferred kind the wizard meets. */
const CATEGORIES = ['Hardware', 'Software', 'Services'];
export const vendorHeaders = ['Name', 'Website', 'Email', 'Rating', 'Category', 'Since', 'Revenue'];
export const vendorRows = Array.from({ length: 30 }, (_, i) => ({
  Name: `Vendor ${i}`,
  Website: `https://vendor${i}.example.com`,
  Email: `sales@vendor${i}.example.com`,
  Rating: String(1 + (i % 5)),
  Category: CATEGORIES[i % 3]!,
  Since: `2019-0${1 + (i % 9)}-1${i % 10}`,
  Revenue: `$${(i + 1) * 1250}.00`,
}));
