import { buildSchema } from 'graphql';

/** A small schema shaped like Twenty's core GraphQL API, for the explorer's tests. */
export const TWENTY_CORE_SDL = /* GraphQL */ `
  scalar UUID
  scalar DateTime
  scalar RawJSON

  enum OrderByDirection {
    AscNullsFirst
    AscNullsLast
    DescNullsFirst
    DescNullsLast
  }

  enum FilterIs {
    NULL
    NOT_NULL
  }

  input StringFilter {
    eq: String
    like: String
    ilike: String
    in: [String!]
    is: FilterIs
  }

  input UUIDFilter {
    eq: UUID
    in: [UUID!]
    is: FilterIs
  }

  type PageInfo {
    startCursor: String
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
  }

  "A link with a label, as Twenty stores it"
  type Links {
    primaryLinkUrl: String
    primaryLinkLabel: String
    secondaryLinks: RawJSON
  }

  input LinksCreateInput {
    primaryLinkUrl: String
    primaryLinkLabel: String
  }

  input LinksFilterInput {
    primaryLinkUrl: StringFilter
  }

  "Where a company is in the sales funnel"
  enum CompanyStageEnum {
    "Lead"
    LEAD
    "Customer"
    CUSTOMER
    OLD_CUSTOMER @deprecated(reason: "Use CUSTOMER")
  }

  "A company"
  type Company {
    id: UUID!
    name: String
    domainName: Links
    employees: Float
    stage: CompanyStageEnum
    createdAt: DateTime
    legacyCode: String @deprecated(reason: "Use name")
    accountOwnerId: UUID
    people(
      filter: PersonFilterInput
      orderBy: [PersonOrderByInput]
      first: Int
      last: Int
      before: String
      after: String
    ): PersonConnection
  }

  type CompanyEdge {
    node: Company!
    cursor: String!
  }

  type CompanyConnection {
    edges: [CompanyEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
    countEmptyName: Int
  }

  input CompanyFilterInput {
    and: [CompanyFilterInput]
    or: [CompanyFilterInput]
    not: CompanyFilterInput
    id: UUIDFilter
    name: StringFilter
    domainName: LinksFilterInput
  }

  input CompanyOrderByInput {
    id: OrderByDirection
    name: OrderByDirection
  }

  input CompanyCreateInput {
    id: UUID
    name: String
    domainName: LinksCreateInput
    stage: CompanyStageEnum
  }

  input CompanyUpdateInput {
    name: String
    stage: CompanyStageEnum
  }

  type Person {
    id: UUID!
    city: String
    companyId: UUID
    company: Company
  }

  type PersonEdge {
    node: Person!
    cursor: String!
  }

  type PersonConnection {
    edges: [PersonEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input PersonFilterInput {
    id: UUIDFilter
    city: StringFilter
  }

  input PersonOrderByInput {
    city: OrderByDirection
  }

  "Has an id but no connection: not a record"
  type CurrentWorkspace {
    id: UUID!
    displayName: String
  }

  enum WebhookOperation {
    CREATE
    UPDATE
  }

  input WebhookInput {
    targetUrl: String!
    operations: [WebhookOperation!]!
    description: String
    kind: WebhookOperation!
    retries: Int! = 3
    target: WebhookTargetInput!
  }

  input WebhookTargetInput @oneOf {
    url: String
    objectId: UUID
  }

  type Webhook {
    id: UUID!
    targetUrl: String!
  }

  type Query {
    companies(
      filter: CompanyFilterInput
      orderBy: [CompanyOrderByInput]
      first: Int
      last: Int
      before: String
      after: String
    ): CompanyConnection!
    company(filter: CompanyFilterInput!): Company
    people(filter: PersonFilterInput, first: Int = 60, after: String): PersonConnection!
    person(filter: PersonFilterInput!): Person
    currentWorkspace: CurrentWorkspace
  }

  type Mutation {
    createCompany(data: CompanyCreateInput!, upsert: Boolean): Company
    createCompanies(data: [CompanyCreateInput!]!, upsert: Boolean): [Company]
    updateCompany(id: UUID!, data: CompanyUpdateInput!): Company
    deleteCompany(id: UUID!): Company
    createWebhook(input: WebhookInput!): Webhook
  }
`;

export const twentyCoreSchema = () => buildSchema(TWENTY_CORE_SDL);
