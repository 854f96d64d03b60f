/**
 * The INDEX ("All …") view of each standard object: its universal identifier and its view fields
 * in order, copied verbatim from npm `twenty-sdk@2.43.0` (`dist/define`, export `STANDARD_OBJECTS`,
 * `views.all<Plural>`). Generated once; do not edit by hand. Record-page (FIELDS_WIDGET) and kanban
 * views are left out: the SDK gives their identifiers but not their settings.
 */
export interface StandardIndexView {
  universalIdentifier: string;
  /** [field name, view-field universal identifier], in position order. */
  viewFields: ReadonlyArray<readonly [string, string]>;
}

export const STANDARD_INDEX_VIEWS: Readonly<Record<string, StandardIndexView>> = {
  attachment: {
    universalIdentifier: 'e0c5bfc8-2aa8-5407-9d7e-f374055914b2',
    viewFields: [
      ['name', 'd5a4f58e-abf1-52ce-a315-ea7b18e4a946'],
      ['file', '2c641732-02a0-5aeb-9262-ff60973b7cf2'],
      ['createdBy', '9c0456cf-ab42-596b-b381-048cf5718117'],
      ['createdAt', 'cd0ab629-435f-5d59-9b14-1d2ee00954d8'],
      ['targetPerson', '8cff29b2-23e8-5190-93da-f1b22faea495'],
      ['targetCompany', '7f76f6c5-078d-5064-89b4-e0042ee4e169'],
      ['targetOpportunity', '4e0a4cf7-8e45-5688-90a6-da6d67544f72'],
      ['targetTask', 'cc9c44ea-c27e-5f57-9094-85cf14dae3e2'],
      ['targetNote', '6e24a74a-6d3d-54ce-afd0-7c55daf79d81'],
      ['targetDashboard', '4f1ae4ae-c1c9-5b2c-8f6f-9435171fca48'],
      ['targetWorkflow', '75d1d092-412f-57b1-9e74-e3f8285a3f0c'],
    ],
  },
  blocklist: {
    universalIdentifier: '2ee7be0b-4112-5543-9f29-04c933fd4f98',
    viewFields: [
      ['handle', '07282d15-ed89-5504-9904-cd242125e9f2'],
      ['workspaceMember', '20253618-79e4-57e8-b18f-f506657d5132'],
      ['createdAt', 'fc86c1d0-a6f1-58c4-b32c-ddbffdeda2da'],
    ],
  },
  calendarChannelEventAssociation: {
    universalIdentifier: '66887c1c-c33a-52b6-8dd1-0714e504ffec',
    viewFields: [
      ['calendarChannelId', '6504f7e7-3a66-54b2-adc1-53d90fc7d9e3'],
      ['calendarEvent', '9be9bb56-f65d-53ee-a6e6-4d01a6e9cb58'],
      ['eventExternalId', '55ea0442-7664-5da2-bc21-d02e101acdcc'],
      ['createdAt', '2ee9fd11-c7a6-54c8-af41-572ed8cecbd7'],
    ],
  },
  calendarEventParticipant: {
    universalIdentifier: '23b1277b-8859-54ea-9106-9e6d43e5adc4',
    viewFields: [
      ['calendarEvent', '5ef7cac8-d293-559f-88a7-5a4d0234c4c5'],
      ['handle', 'e3c1165d-aa09-5636-ac37-a391bacc602e'],
      ['displayName', 'f96e757e-aa84-5c05-8922-9f962eb3854f'],
      ['isOrganizer', '949e222c-dbe7-5696-b386-ed3a82d8b452'],
      ['responseStatus', '0f3e3c0c-d8f9-57d9-99d5-66407347f210'],
      ['person', 'e236d415-822a-5847-a90c-f0699eeb5cc7'],
      ['workspaceMember', 'e54eca2e-7fd9-5743-a514-348067775949'],
      ['createdAt', '41f8cf98-cd93-500d-9b9c-1e1af2e6c3cb'],
    ],
  },
  calendarEvent: {
    universalIdentifier: 'd581f9a1-1546-5eef-b5a4-4c7a088dc6fa',
    viewFields: [
      ['title', '292e2bd9-118e-56a2-bafc-e182f4f323a7'],
      ['startsAt', '38902ac0-92dd-5889-bcc2-0e3956a7f18d'],
      ['endsAt', '65fbb3d7-e21c-52f6-a90c-38a424d05284'],
      ['isFullDay', 'b3f5e6c6-80bf-5ef3-b8d7-1bc521ef8054'],
      ['location', 'ac181cfc-c9cb-50f5-89eb-19c01615b0dc'],
      ['conferenceLink', 'caee37ae-989a-5d95-ad26-e42530d5a65c'],
      ['isCanceled', 'ef47c862-92b5-5d72-8e3c-7806244b0a70'],
      ['createdAt', '0a502413-f875-5c1d-aa60-93e6f412568e'],
    ],
  },
  callRecording: {
    universalIdentifier: '6676d746-71e4-5dff-9bf1-418b92c26253',
    viewFields: [
      ['status', 'c7e2829f-4eba-5d7f-a1c7-a18ed8bd8025'],
      ['recordingRequestStatus', '883d1aca-4113-50ab-b83e-e2e2292bb5aa'],
      ['title', 'fcf0cedc-6d25-53ed-a587-cfb4b0958071'],
      ['startedAt', '23d91b8e-e413-5e10-b818-17c3359fe068'],
    ],
  },
  company: {
    universalIdentifier: 'cb8dc074-a42f-520b-85e5-ab85a1b40b20',
    viewFields: [
      ['name', '87bbfcc6-3be8-58a5-852c-f02c9c9bc009'],
      ['domainName', '4b4afe40-aa94-5bca-92a3-b84ccb846811'],
      ['createdBy', 'ec94701d-acce-58b5-bd81-75d585a68cf7'],
      ['accountOwner', '90b29c8d-d6a3-57be-8f3b-879f2807a0a7'],
      ['createdAt', 'b8b2c693-4f3e-5471-afe2-1bd70dcd9b16'],
      ['linkedinLink', 'fa5a7f00-9751-5ab1-a410-fe144fedd2dc'],
      ['address', '68cd0e8b-f730-54f5-90a0-45798bb5bb70'],
    ],
  },
  dashboard: {
    universalIdentifier: '0769edd6-ff42-5c4b-80c4-8aa1d07afba6',
    viewFields: [
      ['title', 'e0fd54ca-2197-5ba8-ac87-9b7b39f359d0'],
      ['createdBy', '79f57be6-3262-517b-b592-4e791be5806e'],
      ['createdAt', 'f586827d-ed83-51bc-a862-741bd45ead77'],
      ['updatedAt', 'd37846b6-01a9-54f9-ab44-43a39375974d'],
    ],
  },
  messageCampaign: {
    universalIdentifier: '8094a87e-310b-58e7-9c05-a76c59ac6535',
    viewFields: [
      ['name', '5a224d5d-9ae7-53c8-ad6d-720bb62a087b'],
      ['subject', '2a4fe259-612f-5d10-a451-a047e605917c'],
      ['status', '68714967-d906-5082-af8c-2791705ce682'],
      ['list', '13936b8a-0135-5ac3-81d1-f6a11826451e'],
      ['fromAddress', '2ebb7a5d-e03d-5c6e-955f-4efb99fffb46'],
      ['scheduledAt', '047b0a55-9d35-5679-9783-5b58db81d9fc'],
      ['sentAt', 'a9389297-3927-5364-8c9d-4bcb8039020e'],
      ['sentCount', 'e55b655a-038e-5257-ab2c-f2966900d2de'],
      ['deliveredCount', '5b202e1b-0267-5c56-a039-2434d9eeb35b'],
      ['failedCount', '2f44ac38-194f-56a7-bd94-a292db4bc210'],
      ['skippedCount', '9ab64cf1-133e-56a4-8eda-e33a4bc8aba9'],
      ['bouncedCount', '3c273c7f-b577-5213-8597-198dac6fdae1'],
      ['complainedCount', '30317d2b-5212-56be-a5fe-0ab15722dde3'],
      ['recipients', '40f278c1-2716-5324-8035-c14ea62a4eb7'],
      ['createdAt', '88484379-8afd-5f7c-ab3c-7d937bb7ed13'],
    ],
  },
  messageList: {
    universalIdentifier: '75e21a3c-6c76-58ec-9f14-b2e9ecc93204',
    viewFields: [
      ['name', '9deb8cdc-2734-541f-a6c2-d37e144d4747'],
      ['description', '1169ccfe-9136-5574-96d4-5a0855316cd4'],
      ['members', '8e64ce89-0910-58df-a896-ccbe514f3913'],
      ['campaigns', '8fd26964-23a7-5913-b431-1b83c03bfdfe'],
      ['createdAt', '69d178f4-f4b8-5bc2-a01b-bfc21f3a753a'],
    ],
  },
  messageListMember: {
    universalIdentifier: '3644ee45-c77f-5d55-a358-b982e0bfcb24',
    viewFields: [
      ['id', '9b3e754c-a529-5e1b-9da2-fc72bbd3af1e'],
      ['person', 'd3bd59ad-04b8-55b1-8322-d7bd90be4064'],
      ['list', 'fa1c5fad-d1e0-5aaf-8dfa-6f3c01c99463'],
      ['createdAt', 'a682eecd-e89c-5101-b3e2-b4d8153e2e75'],
    ],
  },
  messageChannelMessageAssociation: {
    universalIdentifier: 'fda3d57b-b54b-57be-af68-f9857f58577c',
    viewFields: [
      ['messageChannelId', '5c6fdb16-a932-53f7-99d6-29e118a06f75'],
      ['message', '9346a2f9-eff0-5909-af3e-12e52e6eef3a'],
      ['messageExternalId', 'ce797f5c-ea26-50fc-8d72-2dac766dc498'],
      ['direction', 'c9603fb3-9cef-5747-8d99-86592bff5f3d'],
      ['createdAt', '32690396-1e7d-5b95-ad30-94c0c8914957'],
    ],
  },
  messageChannelMessageAssociationMessageFolder: {
    universalIdentifier: '982c43ec-d2af-5197-aad9-c61f4365a91b',
    viewFields: [
      ['messageChannelMessageAssociation', '7f87dc1b-efea-5286-be19-27b171a21a7e'],
      ['messageFolderId', 'e608de61-b9fe-5747-a224-ab1c32290997'],
      ['createdAt', '63b9774c-fd0e-5c17-a1c4-84ca9845f79c'],
    ],
  },
  messageParticipant: {
    universalIdentifier: '9ffa51b2-4eef-52a7-9761-10b2d2ca8716',
    viewFields: [
      ['message', 'a6ae59bd-a5ef-5210-b0bf-ebbcb0386e93'],
      ['role', '009f68a7-695c-582b-833e-501af34480ff'],
      ['handle', '1eb7f5a3-7e3b-5f9b-9362-27b99b1ca88f'],
      ['displayName', 'dd4ef6d0-a1d6-5618-a583-d77222d6a768'],
      ['person', '78872b33-6bba-5cf3-bef0-bfaf528e6877'],
      ['workspaceMember', 'ca7bd6d7-939d-59eb-bd2d-73777e28c9a5'],
      ['createdAt', '9995f355-7956-5f8c-917f-7a3390fd417d'],
    ],
  },
  messageThread: {
    universalIdentifier: '0f667621-896c-5b8e-8359-3c7c1f8ee1d8',
    viewFields: [
      ['subject', '7074b6e0-abd9-5f2c-bf3b-3c834ef37c1d'],
      ['messages', '0f61a257-5110-5f67-9315-42da5355a6e9'],
      ['updatedAt', 'cd336056-36de-525b-af30-c5c6c38b917b'],
      ['createdAt', '98c4c4b8-509c-57a4-b1ba-f66de2df38a2'],
    ],
  },
  message: {
    universalIdentifier: '8ac6d466-4071-5ce9-b635-5162034fa3f5',
    viewFields: [
      ['subject', 'dfe53214-95ef-5dae-9c94-bf0c008f5c5d'],
      ['messageThread', '5072b4d6-d708-5cb5-a97a-7ae2a12b1337'],
      ['messageParticipants', '3ad5730a-168c-5d32-be43-71c982ce9505'],
      ['receivedAt', 'c8df5f80-0d07-5ecd-ba69-8f975bbdc51a'],
      ['headerMessageId', '9139b1ad-8555-571c-8433-f038de5a3c82'],
      ['text', '1aeb24ca-72db-5735-ab13-f9bd99cab092'],
      ['createdAt', 'b214ac38-da59-5c1c-ae7e-189dc11f3f37'],
    ],
  },
  note: {
    universalIdentifier: '2bfba20b-7cfa-5d3c-b683-cf9abde2359d',
    viewFields: [
      ['title', '55d3619b-d72e-5f2b-8f79-a4ad5106dd76'],
      ['noteTargets', '1be85e89-a527-5225-a315-3c3fddfdaf86'],
      ['bodyV2', '3a923b53-057d-52ee-9b12-43ccbe9b9fc2'],
      ['createdBy', '414f18ff-5ce5-589b-8ff3-fe7cad4b0e75'],
      ['createdAt', '6c04d549-a0fb-50ea-8132-557c61ad6f58'],
    ],
  },
  noteTarget: {
    universalIdentifier: '3962cec0-e2f6-5d27-ab3c-40a5dd6279d0',
    viewFields: [
      ['id', 'e296fb5c-74f5-5924-8506-3b16639564c9'],
      ['note', 'de9a35c2-dd69-5b62-94ca-006fc7c4c28f'],
      ['targetPerson', '48f31dbf-75fc-5780-a58a-960d9ce5c18b'],
      ['targetCompany', 'e8175481-58d2-5c1d-a6b4-118448c78073'],
      ['targetOpportunity', 'eb132124-1725-5528-affc-e4996415e01f'],
    ],
  },
  opportunity: {
    universalIdentifier: 'd024c8c9-3021-53d0-b612-9da81b02736f',
    viewFields: [
      ['name', '4a52d5c5-0243-5c57-ab5e-6d1395beb2cf'],
      ['amount', '22e16aff-d1b4-59ce-902b-fee1f4adb79c'],
      ['createdBy', 'fe527f0f-1690-5077-9b9e-cebaa7c4c5d1'],
      ['closeDate', '20b2d9f9-8ad9-59db-8a62-2576692c9ad9'],
      ['company', 'd0ac287f-801b-54c5-ba49-c842a5e7140c'],
      ['pointOfContact', '51fbe12a-46c1-50d2-8163-5a50542c600e'],
    ],
  },
  person: {
    universalIdentifier: '0cda0ad4-74da-5ccd-975c-a0e4db43a05a',
    viewFields: [
      ['name', '899d55b0-dd24-534e-af40-65d08b9073ce'],
      ['emails', '5731e6bb-b5dc-5793-aaa5-386b0da99fd5'],
      ['createdBy', 'de1a471e-8ae4-533f-870a-c462561b02d2'],
      ['company', '3530ea58-3f8f-5e5f-a17a-f68d4ad867ba'],
      ['phones', '565f0a13-140e-5c59-86b1-7d0ebd18e9dd'],
      ['createdAt', '114a1b7f-71c5-5277-a4e7-b2379d900a99'],
      ['jobTitle', 'a036c9bc-4e8e-5384-8598-48ed4e516fc6'],
      ['linkedinLink', '42014c11-5951-59eb-b525-bf14d5570eab'],
    ],
  },
  task: {
    universalIdentifier: 'ca2db697-077a-5f45-81e1-513aea4752a1',
    viewFields: [
      ['title', '1480d069-9159-51ae-b316-5bc1a3f04235'],
      ['status', '6527420a-3345-5581-bb51-f4210f31ef3a'],
      ['taskTargets', '2714ec81-03f5-5915-9d5f-1bec691fc1b6'],
      ['createdBy', '422888eb-d12d-5096-9b3e-7899cf4722e9'],
      ['dueAt', '92a126a5-2072-5cfd-b3e1-e0a327358056'],
      ['assignee', '1244827a-ea11-532b-9722-d862948426e5'],
      ['bodyV2', 'a2c8a8f0-2b25-57db-9a25-a8e1beee93a1'],
      ['createdAt', '98414831-dc54-51a4-a6a7-4144e0d124ae'],
    ],
  },
  taskTarget: {
    universalIdentifier: 'dea38ca0-b564-5ae1-b662-9ce388668438',
    viewFields: [
      ['id', 'd1aa56de-7a8a-5670-9cc5-c2c159a4ff4d'],
      ['task', '634c7721-c9d6-5ada-943f-914065531425'],
      ['targetPerson', '611b9723-3be8-5470-8baf-5201053a38f0'],
      ['targetCompany', '47a3f1f8-e2ce-5a7c-af00-36dda03fbc44'],
      ['targetOpportunity', '2c09e527-cf94-5e74-9e23-fb4550c7cf18'],
    ],
  },
  timelineActivity: {
    universalIdentifier: '28d3e8a9-e840-5034-ade2-b752bc8eb25d',
    viewFields: [
      ['linkedRecordCachedName', 'a7b9dfbb-4c2b-508f-9901-ae1874600042'],
      ['happensAt', '3ccb9611-f9ec-56c5-82df-f12f7e26e694'],
      ['workspaceMember', '09d2d7d9-6809-561b-9dc7-1588b6a18673'],
      ['targetPerson', 'c5bd0e0d-20aa-5112-8517-df71c63e5726'],
      ['targetCompany', 'd271d5b4-86ad-513d-a042-d4f8a9c41665'],
      ['targetOpportunity', 'a53f262e-4810-55bc-9e47-f9b7bc9a4da7'],
      ['targetTask', '3e21cd2a-77ca-5e49-90be-4532dd804c24'],
      ['targetNote', 'fd6171eb-8bb7-5d3d-a7f7-bd0ebf972f90'],
      ['targetWorkflow', '8e0e94b7-9c2a-5fda-bbfe-2604a0f9cbb4'],
      ['targetWorkflowVersion', 'c4aa8b50-d9bb-5395-a90a-fa0d36312634'],
      ['targetWorkflowRun', '13fff327-8fbe-5a91-8d95-4a9ca455cfe9'],
      ['targetDashboard', 'b899313f-2e84-51c2-8322-a02bb695ec91'],
    ],
  },
  workflow: {
    universalIdentifier: '84dddf6b-edfa-55c4-ab1d-886602c1ca38',
    viewFields: [
      ['name', 'd0c96ceb-e6f7-562d-b859-35341481cdf2'],
      ['statuses', '47e57811-bc0b-5b77-9936-384590672b71'],
      ['updatedAt', '22bc20fd-c132-50e0-9bff-b0a405e729db'],
      ['createdBy', '982cf2c6-a9a2-5557-9733-e3124168ee9f'],
      ['versions', '4978149a-4ed7-5d59-aafb-2dd69b6cd6fe'],
      ['runs', '869394ba-f9b4-5ce2-8312-b9a9827baea8'],
    ],
  },
  workflowAutomatedTrigger: {
    universalIdentifier: 'd53c1b59-4f9c-5647-aaf5-ac8197ca1c3f',
    viewFields: [
      ['type', 'f4456853-dad8-57e8-81a4-6987477a40f7'],
      ['workflow', '53a781ed-4cd6-58fd-8de9-26e5cc7f01a7'],
      ['createdAt', '5897f02c-e29d-5085-9bbe-60c48a8360b5'],
    ],
  },
  workflowRun: {
    universalIdentifier: '7f1e3269-5de1-56e9-b89f-4cccaf4d53d6',
    viewFields: [
      ['name', 'b1ae1446-834a-54bb-b995-04644ee4f0cf'],
      ['workflow', '1c323f33-aa9a-5975-8a60-095817bf6412'],
      ['status', 'f62369bb-a4cc-5d88-ac8e-7740ea318837'],
    ],
  },
  workflowVersion: {
    universalIdentifier: 'a305b346-a83c-5bdd-880b-7a8e71310bf3',
    viewFields: [
      ['name', '84a34cf6-7fd8-5972-894d-bc21e026f334'],
      ['workflow', '9c66dd1e-1b6d-5ad9-9e81-25c4c0c20799'],
      ['status', '6ec4080f-d57e-5837-8f99-b36cebbb2fde'],
      ['updatedAt', '604b9aaa-ed58-5e44-869a-0e6402c00c64'],
      ['runs', '255ab204-2ebe-582c-bfbd-4a846490d721'],
    ],
  },
  workspaceMember: {
    universalIdentifier: '55546e30-498e-51f8-bcf2-14617c1fd8aa',
    viewFields: [
      ['name', '7af9ed3a-b187-5dad-b8c6-451b50fed4d8'],
      ['createdAt', '03129632-0c81-576f-884f-65d366c2ca3a'],
      ['ownedOpportunities', 'e15281a1-9f03-5b59-87d9-7f6a5b7a8d99'],
      ['assignedTasks', 'd401db50-821d-540d-852f-d5ee06d7b2ed'],
    ],
  },
};
