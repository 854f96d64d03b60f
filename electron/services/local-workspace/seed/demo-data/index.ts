import { richText } from './rich-text';

/**
 * A small, fictional demo data set for a fresh local workspace, in Twenty's REST input shape:
 * composite values as objects, MANY_TO_ONE relations as `<name>Id`, MORPH targets as
 * `target<Name>Id`. Ids are fixed v4-shaped constants so relations are stable across runs.
 * Companies, people and domains are invented (domains use the reserved `.example` TLD, phone
 * numbers the ranges reserved for fiction: US 555-01xx, UK 07700 900xxx, FR 06 39 98, AU 0491 570).
 * Order = insertion order (parents first).
 */
export interface DemoDataBatch {
  /** nameSingular of the object. */
  object: string;
  records: Record<string, unknown>[];
}

export const DEMO_WORKSPACE_MEMBER_ID = '40312b53-822d-4c9c-9c34-2ba56e3651ba';
const DEMO_USER_ID = '615f72a9-41a7-428b-a637-a35be12e06ef';

const COMPANY = {
  brightline: '84209c06-8647-4a57-be07-70fabde10272',
  cobaltHarbor: '3ec634e3-9b4f-42c5-be2f-87d5ecabc31c',
  fernwood: '2f20d692-abca-4745-9bdf-63ebd71eb3ad',
  quillstone: 'b2f83ae7-c5d7-48db-a549-907315b93b11',
  auroraGrid: 'bd2b73e8-5927-4ae9-a54b-971935b0c4cc',
  meridian: 'bc858153-e336-43e5-809c-bc8678bdd3df',
  tessellate: 'f6886f9a-ba0e-4f12-aa62-e1b854c25ce8',
  halcyon: '169a7ba6-3800-43e9-871a-c244ea9d6a63',
} as const;

const PERSON = {
  danaWhitfield: 'f6f6c453-4a6f-4480-b294-be80bd7d5e30',
  marcusOkafor: '493bd439-069f-4d64-8322-56b3f5811b11',
  priyaRaman: '95f39dd9-cc4b-438a-8414-8ef9d8ee7a1a',
  siobhanKeane: '788d6442-179e-4e22-8d21-49c9b5f5d47c',
  tomasBerg: '0c05f8f4-405f-4159-aeea-b129899b1548',
  ailaMurphy: '0ced3949-ca5d-49b2-b93b-85ff75cd73d0',
  rachelLindqvist: '7dc903ff-7e25-4048-8f47-8f21026c4d26',
  owenPark: '96fd8792-9014-4633-b136-54627b31e4c9',
  gabrielaSoto: '7e51c61b-9924-494c-9bee-ba54da15b49e',
  harrietCole: 'd5cb9874-e1a7-44e3-aa04-7435daf1440b',
  jamesAdeyemi: '35e9afbd-6cb3-403a-a29c-177b8d465fff',
  claireDubois: 'f74f1eb3-ecce-4b4d-bb66-95ae5489285a',
  lucasMartin: 'a6442d4b-af82-4f34-a196-e9c3886777a6',
  inesLefevre: 'a752e994-d501-4dd8-aa87-1e8aa2bc841c',
  ninaCharlton: '2af053dd-eb15-4ddc-a78d-ffaf15195cf8',
  bennettHale: '11b52ac2-ec1c-47ad-b1a7-9ad7d62e4e9a',
  katrinVogel: '1375080e-2433-4b67-aed3-34376be5e13b',
  felixBrandt: '7b258cbf-f9a5-4171-b3e2-b7bce77e91a5',
  mayaTorres: '6b3be22e-8f25-4d9c-a9a6-0895e216a528',
  elliotGrant: 'f86a5852-2656-4079-adb4-2261ddc42e82',
} as const;

const OPPORTUNITY = {
  brightlineRouting: '8e661f84-2863-4998-89d6-db4027ced471',
  cobaltPartnership: 'c131a754-5096-461f-9f7b-0b1118816c51',
  fernwoodScheduling: 'c14666be-6ecb-4ada-9249-6ea4449a3171',
  quillstoneCatalog: 'c282559a-72bc-4b4e-b1d7-55a998151bc8',
  auroraFieldOps: '926ad080-cd99-444b-880a-e04349e21efd',
  meridianWholesale: '25abbcb5-9350-411a-be9f-16c04e185542',
  tessellatePilot: '9913acf3-ddd7-4d2f-b5da-5155e024cce9',
  halcyonRenewal: '95047966-dded-4561-b3d1-1b6cdc021108',
} as const;

const NOTE = {
  brightlineDiscovery: '84a75442-33d7-4056-a88f-6fee85501c8b',
  fernwoodSecurityReview: 'e0a3a82d-799a-4437-bf67-745169222329',
  auroraSiteVisit: 'b8a6fd54-6590-4202-894a-a63735b0f258',
  tessellatePilotScope: '763e385d-5ad1-4783-b1b1-598d04a41fac',
  halcyonQbr: 'e310c354-f3f8-4c53-96db-67d0a7cabeef',
} as const;

const TASK = {
  sendBrightlineProposal: '24b9de13-7ae0-4f56-8302-bfabb8ed566b',
  fernwoodDpa: '6df97450-74f0-40cb-940a-3a968e125f70',
  auroraPricing: 'b026810b-72ca-4504-a3ce-e6977c7f1951',
  tessellateKickoff: '79b8639d-3a15-478b-b3e6-417bbe5baadd',
  meridianSamples: 'aa9a2d96-106f-4b2f-a91f-4cb25b6b85fe',
  halcyonRenewalCall: '6d37b5e0-dd8a-471a-82a3-aae0d0cb6c2b',
} as const;

const links = (url: string) => ({ primaryLinkUrl: url, primaryLinkLabel: '', secondaryLinks: [] });
const emails = (primaryEmail: string) => ({ primaryEmail, additionalEmails: [] });
const phones = (
  primaryPhoneNumber: string,
  primaryPhoneCountryCode: string,
  primaryPhoneCallingCode: string,
) => ({
  primaryPhoneNumber,
  primaryPhoneCountryCode,
  primaryPhoneCallingCode,
  additionalPhones: [],
});
const money = (amount: number, currencyCode: string) => ({
  amountMicros: amount * 1_000_000,
  currencyCode,
});
const address = (
  addressStreet1: string,
  addressCity: string,
  addressPostcode: string,
  addressState: string,
  addressCountry: string,
  addressLat: number,
  addressLng: number,
) => ({
  addressStreet1,
  addressStreet2: '',
  addressCity,
  addressPostcode,
  addressState,
  addressCountry,
  addressLat,
  addressLng,
});

const workspaceMembers = [
  {
    id: DEMO_WORKSPACE_MEMBER_ID,
    name: { firstName: 'Alex', lastName: 'Morgan' },
    userEmail: 'admin@atelier.local',
    userId: DEMO_USER_ID,
    jobTitle: 'Workspace admin',
    colorScheme: 'System',
    locale: 'en',
    timeZone: 'system',
    dateFormat: 'SYSTEM',
    timeFormat: 'SYSTEM',
    numberFormat: 'SYSTEM',
    calendarStartDay: 7,
  },
];

const companies = [
  {
    id: COMPANY.brightline,
    name: 'Brightline Logistics',
    domainName: links('https://brightlinelogistics.example'),
    address: address('410 W Erie St', 'Chicago', '60654', 'IL', 'United States', 41.8937, -87.6389),
    linkedinLink: links('https://www.linkedin.com/company/brightline-logistics-example'),
    annualRevenue: money(48_000_000, 'USD'),
    accountOwnerId: DEMO_WORKSPACE_MEMBER_ID,
  },
  {
    id: COMPANY.cobaltHarbor,
    name: 'Cobalt Harbor Software',
    domainName: links('https://cobaltharbor.example'),
    address: address('21 Grand Canal Quay', 'Dublin', 'D02 XY45', '', 'Ireland', 53.3398, -6.2377),
    linkedinLink: links('https://www.linkedin.com/company/cobalt-harbor-example'),
    annualRevenue: money(12_500_000, 'EUR'),
    accountOwnerId: DEMO_WORKSPACE_MEMBER_ID,
  },
  {
    id: COMPANY.fernwood,
    name: 'Fernwood Health Partners',
    domainName: links('https://fernwoodhealth.example'),
    address: address(
      '1200 NW Naito Pkwy',
      'Portland',
      '97209',
      'OR',
      'United States',
      45.5305,
      -122.6735,
    ),
    linkedinLink: links('https://www.linkedin.com/company/fernwood-health-example'),
    annualRevenue: money(95_000_000, 'USD'),
    accountOwnerId: DEMO_WORKSPACE_MEMBER_ID,
  },
  {
    id: COMPANY.quillstone,
    name: 'Quillstone Publishing',
    domainName: links('https://quillstonebooks.example'),
    address: address(
      '14 Clerkenwell Green',
      'London',
      'EC1R 0DP',
      '',
      'United Kingdom',
      51.5225,
      -0.1057,
    ),
    linkedinLink: links('https://www.linkedin.com/company/quillstone-publishing-example'),
    annualRevenue: money(7_800_000, 'GBP'),
  },
  {
    id: COMPANY.auroraGrid,
    name: 'Aurora Grid Energy',
    domainName: links('https://auroragrid.example'),
    address: address(
      '52 Quai Rambaud',
      'Lyon',
      '69002',
      'Auvergne-Rhône-Alpes',
      'France',
      45.7406,
      4.8176,
    ),
    linkedinLink: links('https://www.linkedin.com/company/aurora-grid-example'),
    annualRevenue: money(160_000_000, 'EUR'),
    accountOwnerId: DEMO_WORKSPACE_MEMBER_ID,
  },
  {
    id: COMPANY.meridian,
    name: 'Meridian Craft Coffee',
    domainName: links('https://meridiancoffee.example'),
    address: address('88 Smith St', 'Melbourne', '3066', 'VIC', 'Australia', -37.8034, 144.9838),
    linkedinLink: links('https://www.linkedin.com/company/meridian-craft-coffee-example'),
    annualRevenue: money(3_200_000, 'AUD'),
  },
  {
    id: COMPANY.tessellate,
    name: 'Tessellate Robotics',
    domainName: links('https://tessellate-robotics.example'),
    address: address(
      'Lindwurmstraße 76',
      'Munich',
      '80337',
      'Bavaria',
      'Germany',
      48.1277,
      11.5531,
    ),
    linkedinLink: links('https://www.linkedin.com/company/tessellate-robotics-example'),
    annualRevenue: money(26_000_000, 'EUR'),
    accountOwnerId: DEMO_WORKSPACE_MEMBER_ID,
  },
  {
    id: COMPANY.halcyon,
    name: 'Halcyon Travel Co.',
    domainName: links('https://halcyontravel.example'),
    address: address(
      '600 Congress Ave',
      'Austin',
      '78701',
      'TX',
      'United States',
      30.2686,
      -97.7425,
    ),
    linkedinLink: links('https://www.linkedin.com/company/halcyon-travel-example'),
    annualRevenue: money(18_000_000, 'USD'),
  },
];

const person = (
  id: string,
  firstName: string,
  lastName: string,
  email: string,
  jobTitle: string,
  companyId: string,
  phone?: ReturnType<typeof phones>,
) => ({
  id,
  name: { firstName, lastName },
  emails: emails(email),
  jobTitle,
  linkedinLink: links(
    `https://www.linkedin.com/in/${firstName}-${lastName}-example`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  ),
  companyId,
  ...(phone ? { phones: phone } : {}),
});

const people = [
  person(
    PERSON.danaWhitfield,
    'Dana',
    'Whitfield',
    'dana.whitfield@brightlinelogistics.example',
    'VP Operations',
    COMPANY.brightline,
    phones('3125550147', 'US', '+1'),
  ),
  person(
    PERSON.marcusOkafor,
    'Marcus',
    'Okafor',
    'marcus.okafor@brightlinelogistics.example',
    'Head of Fleet Planning',
    COMPANY.brightline,
    phones('3125550162', 'US', '+1'),
  ),
  person(
    PERSON.priyaRaman,
    'Priya',
    'Raman',
    'priya.raman@brightlinelogistics.example',
    'Procurement Manager',
    COMPANY.brightline,
  ),
  person(
    PERSON.siobhanKeane,
    'Siobhan',
    'Keane',
    'siobhan@cobaltharbor.example',
    'Chief Executive Officer',
    COMPANY.cobaltHarbor,
  ),
  person(
    PERSON.tomasBerg,
    'Tomas',
    'Berg',
    'tomas.berg@cobaltharbor.example',
    'Head of Partnerships',
    COMPANY.cobaltHarbor,
  ),
  person(
    PERSON.ailaMurphy,
    'Aila',
    'Murphy',
    'aila.murphy@cobaltharbor.example',
    'Solutions Engineer',
    COMPANY.cobaltHarbor,
  ),
  person(
    PERSON.rachelLindqvist,
    'Rachel',
    'Lindqvist',
    'rlindqvist@fernwoodhealth.example',
    'Chief Operating Officer',
    COMPANY.fernwood,
    phones('5035550118', 'US', '+1'),
  ),
  person(
    PERSON.owenPark,
    'Owen',
    'Park',
    'owen.park@fernwoodhealth.example',
    'IT Director',
    COMPANY.fernwood,
    phones('5035550134', 'US', '+1'),
  ),
  person(
    PERSON.gabrielaSoto,
    'Gabriela',
    'Soto',
    'gabriela.soto@fernwoodhealth.example',
    'Compliance Lead',
    COMPANY.fernwood,
  ),
  person(
    PERSON.harrietCole,
    'Harriet',
    'Cole',
    'harriet.cole@quillstonebooks.example',
    'Managing Director',
    COMPANY.quillstone,
    phones('7700900431', 'GB', '+44'),
  ),
  person(
    PERSON.jamesAdeyemi,
    'James',
    'Adeyemi',
    'james.adeyemi@quillstonebooks.example',
    'Digital Product Manager',
    COMPANY.quillstone,
    phones('7700900586', 'GB', '+44'),
  ),
  person(
    PERSON.claireDubois,
    'Claire',
    'Dubois',
    'claire.dubois@auroragrid.example',
    'Directrice des opérations',
    COMPANY.auroraGrid,
    phones('639981204', 'FR', '+33'),
  ),
  person(
    PERSON.lucasMartin,
    'Lucas',
    'Martin',
    'lucas.martin@auroragrid.example',
    'Field Service Manager',
    COMPANY.auroraGrid,
    phones('639981377', 'FR', '+33'),
  ),
  person(
    PERSON.inesLefevre,
    'Inès',
    'Lefèvre',
    'ines.lefevre@auroragrid.example',
    'Purchasing Officer',
    COMPANY.auroraGrid,
  ),
  person(
    PERSON.ninaCharlton,
    'Nina',
    'Charlton',
    'nina@meridiancoffee.example',
    'Founder',
    COMPANY.meridian,
    phones('491570156', 'AU', '+61'),
  ),
  person(
    PERSON.bennettHale,
    'Bennett',
    'Hale',
    'bennett.hale@meridiancoffee.example',
    'Wholesale Manager',
    COMPANY.meridian,
    phones('491570110', 'AU', '+61'),
  ),
  person(
    PERSON.katrinVogel,
    'Katrin',
    'Vogel',
    'katrin.vogel@tessellate-robotics.example',
    'Chief Technology Officer',
    COMPANY.tessellate,
  ),
  person(
    PERSON.felixBrandt,
    'Felix',
    'Brandt',
    'felix.brandt@tessellate-robotics.example',
    'Program Manager',
    COMPANY.tessellate,
  ),
  person(
    PERSON.mayaTorres,
    'Maya',
    'Torres',
    'maya.torres@halcyontravel.example',
    'Director of Customer Experience',
    COMPANY.halcyon,
    phones('5125550173', 'US', '+1'),
  ),
  person(
    PERSON.elliotGrant,
    'Elliot',
    'Grant',
    'elliot.grant@halcyontravel.example',
    'Finance Manager',
    COMPANY.halcyon,
    phones('5125550191', 'US', '+1'),
  ),
];

const opportunity = (
  id: string,
  name: string,
  stage: 'NEW' | 'SCREENING' | 'MEETING' | 'PROPOSAL' | 'CUSTOMER',
  amount: ReturnType<typeof money>,
  closeDate: string,
  companyId: string,
  pointOfContactId: string,
) => ({
  id,
  name,
  stage,
  amount,
  closeDate,
  companyId,
  pointOfContactId,
  ownerId: DEMO_WORKSPACE_MEMBER_ID,
});

const opportunities = [
  opportunity(
    OPPORTUNITY.brightlineRouting,
    'Brightline – route optimisation rollout',
    'PROPOSAL',
    money(180_000, 'USD'),
    '2026-07-31T00:00:00.000Z',
    COMPANY.brightline,
    PERSON.danaWhitfield,
  ),
  opportunity(
    OPPORTUNITY.cobaltPartnership,
    'Cobalt Harbor – reseller partnership',
    'MEETING',
    money(60_000, 'EUR'),
    '2026-08-29T00:00:00.000Z',
    COMPANY.cobaltHarbor,
    PERSON.tomasBerg,
  ),
  opportunity(
    OPPORTUNITY.fernwoodScheduling,
    'Fernwood – patient scheduling module',
    'SCREENING',
    money(240_000, 'USD'),
    '2026-10-15T00:00:00.000Z',
    COMPANY.fernwood,
    PERSON.owenPark,
  ),
  opportunity(
    OPPORTUNITY.quillstoneCatalog,
    'Quillstone – catalogue migration',
    'NEW',
    money(35_000, 'GBP'),
    '2026-09-30T00:00:00.000Z',
    COMPANY.quillstone,
    PERSON.jamesAdeyemi,
  ),
  opportunity(
    OPPORTUNITY.auroraFieldOps,
    'Aurora Grid – field operations suite',
    'PROPOSAL',
    money(420_000, 'EUR'),
    '2026-06-30T00:00:00.000Z',
    COMPANY.auroraGrid,
    PERSON.claireDubois,
  ),
  opportunity(
    OPPORTUNITY.meridianWholesale,
    'Meridian – wholesale ordering portal',
    'CUSTOMER',
    money(24_000, 'AUD'),
    '2026-03-20T00:00:00.000Z',
    COMPANY.meridian,
    PERSON.bennettHale,
  ),
  opportunity(
    OPPORTUNITY.tessellatePilot,
    'Tessellate – warehouse robotics pilot',
    'MEETING',
    money(95_000, 'EUR'),
    '2026-08-14T00:00:00.000Z',
    COMPANY.tessellate,
    PERSON.katrinVogel,
  ),
  opportunity(
    OPPORTUNITY.halcyonRenewal,
    'Halcyon – annual renewal 2026',
    'CUSTOMER',
    money(52_000, 'USD'),
    '2026-05-01T00:00:00.000Z',
    COMPANY.halcyon,
    PERSON.mayaTorres,
  ),
];

const notes = [
  {
    id: NOTE.brightlineDiscovery,
    title: 'Discovery call with Brightline',
    bodyV2: richText(
      NOTE.brightlineDiscovery,
      [
        '## Context',
        'Dana wants to cut empty miles on the Midwest lanes before peak season.',
        '- 140 trucks, 3 depots (Chicago, Joliet, Gary)',
        '- Current planning is done in spreadsheets every evening',
        '- **Decision by end of July**, budget already approved',
        '## Next steps',
        '1. Send proposal with phased rollout',
        '2. Book a technical session with Marcus',
      ].join('\n'),
    ),
  },
  {
    id: NOTE.fernwoodSecurityReview,
    title: 'Fernwood security questionnaire',
    bodyV2: richText(
      NOTE.fernwoodSecurityReview,
      [
        'Owen shared their vendor security questionnaire (HIPAA scope).',
        '- Data residency: US only',
        '- SSO through their identity provider is mandatory',
        '- A signed DPA is required before the pilot',
        'Gabriela will review our answers with legal next week.',
      ].join('\n'),
    ),
  },
  {
    id: NOTE.auroraSiteVisit,
    title: 'Site visit – Aurora Grid Lyon',
    bodyV2: richText(
      NOTE.auroraSiteVisit,
      [
        '## Notes from the visit',
        'Claire and Lucas walked us through the dispatch room.',
        '- 60 field technicians, interventions planned two weeks ahead',
        '- Offline mode on tablets is a **hard requirement**',
        '- They compare us with their current in-house tool',
        '## Risks',
        '- Procurement (Inès) asks for a 3-year price lock',
      ].join('\n'),
    ),
  },
  {
    id: NOTE.tessellatePilotScope,
    title: 'Pilot scope – Tessellate',
    bodyV2: richText(
      NOTE.tessellatePilotScope,
      [
        'Katrin agreed on a 6-week pilot in the Munich warehouse.',
        '- Success metric: pick-rate +15% on two aisles',
        '- Felix is the day-to-day contact',
        '- Pilot fee credited against the first annual licence',
      ].join('\n'),
    ),
  },
  {
    id: NOTE.halcyonQbr,
    title: 'Halcyon quarterly business review',
    bodyV2: richText(
      NOTE.halcyonQbr,
      [
        '## Highlights',
        '- Support tickets down 22% since the booking-assistant launch',
        '- Maya wants to extend the licence to the partner agencies',
        '## Follow-ups',
        '- [x] Share usage report',
        '- [ ] Prepare renewal quote for Elliot',
      ].join('\n'),
    ),
  },
];

const noteTargets = [
  {
    id: 'cdbcafd3-e2ea-4f00-95b1-2f15ec97dda1',
    noteId: NOTE.brightlineDiscovery,
    targetCompanyId: COMPANY.brightline,
  },
  {
    id: '4b0feedf-3678-4006-b3b5-49433835fd40',
    noteId: NOTE.brightlineDiscovery,
    targetPersonId: PERSON.danaWhitfield,
  },
  {
    id: '2162a62d-8fa0-433c-a875-032b58d98216',
    noteId: NOTE.brightlineDiscovery,
    targetOpportunityId: OPPORTUNITY.brightlineRouting,
  },
  {
    id: '7ed70838-5f7b-4ef4-a8be-c43cd04afa9a',
    noteId: NOTE.fernwoodSecurityReview,
    targetCompanyId: COMPANY.fernwood,
  },
  {
    id: '67d8cbde-f1e2-4352-9395-24bb7b2ecff9',
    noteId: NOTE.fernwoodSecurityReview,
    targetPersonId: PERSON.owenPark,
  },
  {
    id: '0a9a6ec8-5f8e-411d-94df-2fdd6682bd80',
    noteId: NOTE.auroraSiteVisit,
    targetOpportunityId: OPPORTUNITY.auroraFieldOps,
  },
  {
    id: 'ce543f35-a4bd-4832-bb1d-248470b3a016',
    noteId: NOTE.tessellatePilotScope,
    targetOpportunityId: OPPORTUNITY.tessellatePilot,
  },
  {
    id: '06bca0e0-9b16-4fb5-8296-845a0c96a0e7',
    noteId: NOTE.halcyonQbr,
    targetCompanyId: COMPANY.halcyon,
  },
];

const task = (
  id: string,
  title: string,
  status: 'TODO' | 'IN_PROGRESS' | 'DONE',
  dueAt: string,
  markdown: string,
) => ({
  id,
  title,
  status,
  dueAt,
  assigneeId: DEMO_WORKSPACE_MEMBER_ID,
  bodyV2: richText(id, markdown),
});

const tasks = [
  task(
    TASK.sendBrightlineProposal,
    'Send phased rollout proposal to Brightline',
    'IN_PROGRESS',
    '2026-06-12T16:00:00.000Z',
    'Include the three-depot rollout plan and the fleet-size pricing tiers.\n- [x] Draft pricing\n- [ ] Review with finance\n- [ ] Send to Dana',
  ),
  task(
    TASK.fernwoodDpa,
    'Get the Fernwood DPA signed',
    'TODO',
    '2026-06-19T16:00:00.000Z',
    'Legal has the template. Gabriela needs the **US data residency** annex attached.',
  ),
  task(
    TASK.auroraPricing,
    'Prepare 3-year price lock options for Aurora Grid',
    'TODO',
    '2026-06-10T09:00:00.000Z',
    'Two scenarios for Inès:\n1. Fixed price for 3 years, annual prepayment\n2. Capped indexation at 3% per year',
  ),
  task(
    TASK.tessellateKickoff,
    'Schedule Tessellate pilot kick-off',
    'DONE',
    '2026-05-28T10:00:00.000Z',
    'Kick-off held on site with Katrin and Felix. Pilot starts next Monday.',
  ),
  task(
    TASK.meridianSamples,
    'Ship onboarding pack to Meridian',
    'DONE',
    '2026-04-02T08:00:00.000Z',
    'Printed quick-start guide and wholesale portal credentials for the café partners.',
  ),
  task(
    TASK.halcyonRenewalCall,
    'Renewal call with Halcyon finance',
    'TODO',
    '2026-06-24T15:30:00.000Z',
    'Walk Elliot through the partner-agency extension and the renewal quote.',
  ),
];

const taskTargets = [
  {
    id: 'c8e5b163-0c66-4be0-9553-aa530f84894a',
    taskId: TASK.sendBrightlineProposal,
    targetOpportunityId: OPPORTUNITY.brightlineRouting,
  },
  {
    id: 'bab2a6f3-e962-4eee-b66c-a16a978e2274',
    taskId: TASK.sendBrightlineProposal,
    targetPersonId: PERSON.danaWhitfield,
  },
  {
    id: '73312b76-aa96-469d-a355-5c9cc50e3aa7',
    taskId: TASK.fernwoodDpa,
    targetCompanyId: COMPANY.fernwood,
  },
  {
    id: 'baca6ad6-ba59-408d-b1c8-4f925a1d3979',
    taskId: TASK.auroraPricing,
    targetOpportunityId: OPPORTUNITY.auroraFieldOps,
  },
  {
    id: '4a2a9472-e67f-4267-89e4-17a28120a666',
    taskId: TASK.auroraPricing,
    targetPersonId: PERSON.inesLefevre,
  },
  {
    id: '3dbf09dd-4c41-4080-9ee3-30c24c37293b',
    taskId: TASK.tessellateKickoff,
    targetOpportunityId: OPPORTUNITY.tessellatePilot,
  },
  {
    id: 'a63ff299-271a-4a36-a723-8e14dbe91718',
    taskId: TASK.meridianSamples,
    targetCompanyId: COMPANY.meridian,
  },
  {
    id: '612917a0-626d-46a1-9770-b4643ac5968d',
    taskId: TASK.halcyonRenewalCall,
    targetPersonId: PERSON.elliotGrant,
  },
];

export const DEMO_DATA: DemoDataBatch[] = [
  { object: 'workspaceMember', records: workspaceMembers },
  { object: 'company', records: companies },
  { object: 'person', records: people },
  { object: 'opportunity', records: opportunities },
  { object: 'note', records: notes },
  { object: 'noteTarget', records: noteTargets },
  { object: 'task', records: tasks },
  { object: 'taskTarget', records: taskTargets },
];
