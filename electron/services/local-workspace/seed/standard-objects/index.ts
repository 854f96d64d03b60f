import type { StandardObjectDefinition } from '../standard-object-definition';
import { AGENT_CHAT_THREAD } from './agent-chat-thread';
import { AGENT_CHAT_THREAD_TARGET } from './agent-chat-thread-target';
import { AGENT_MESSAGE } from './agent-message';
import { AGENT_MESSAGE_PART } from './agent-message-part';
import { AGENT_TURN } from './agent-turn';
import { AGENT_TURN_EVALUATION } from './agent-turn-evaluation';
import { ATTACHMENT } from './attachment';
import { BLOCKLIST } from './blocklist';
import { CALENDAR_CHANNEL_EVENT_ASSOCIATION } from './calendar-channel-event-association';
import { CALENDAR_EVENT } from './calendar-event';
import { CALENDAR_EVENT_PARTICIPANT } from './calendar-event-participant';
import { CALENDAR_EVENT_TARGET } from './calendar-event-target';
import { CALL_RECORDING } from './call-recording';
import { CAMPAIGN_DELIVERY } from './campaign-delivery';
import { COMPANY } from './company';
import { DASHBOARD } from './dashboard';
import { MESSAGE } from './message';
import { MESSAGE_CAMPAIGN } from './message-campaign';
import { MESSAGE_CHANNEL_MESSAGE_ASSOCIATION } from './message-channel-message-association';
import { MESSAGE_CHANNEL_MESSAGE_ASSOCIATION_MESSAGE_FOLDER } from './message-channel-message-association-message-folder';
import { MESSAGE_LIST } from './message-list';
import { MESSAGE_LIST_MEMBER } from './message-list-member';
import { MESSAGE_PARTICIPANT } from './message-participant';
import { MESSAGE_SUPPRESSION } from './message-suppression';
import { MESSAGE_THREAD } from './message-thread';
import { MESSAGE_THREAD_TARGET } from './message-thread-target';
import { NOTE } from './note';
import { NOTE_TARGET } from './note-target';
import { OPPORTUNITY } from './opportunity';
import { PERSON } from './person';
import { RECORD_SHARE } from './record-share';
import { TASK } from './task';
import { TASK_TARGET } from './task-target';
import { TIMELINE_ACTIVITY } from './timeline-activity';
import { WORKFLOW } from './workflow';
import { WORKFLOW_AUTOMATED_TRIGGER } from './workflow-automated-trigger';
import { WORKFLOW_RUN } from './workflow-run';
import { WORKFLOW_VERSION } from './workflow-version';
import { WORKSPACE_MEMBER } from './workspace-member';

export { STANDARD_UNIVERSAL_IDENTIFIERS, type StandardObjectName } from './universal-identifiers';

/**
 * Twenty 2.43's 39 standard objects (the `STANDARD_OBJECTS` list of twenty-sdk@2.43.0, same order):
 * the core CRM objects in full detail, the messaging / calendar / workflow / AI / campaign system
 * objects with their real fields, types and relations. Custom objects are not part of this list.
 */
export const STANDARD_OBJECT_DEFINITIONS: StandardObjectDefinition[] = [
  ATTACHMENT,
  BLOCKLIST,
  CALENDAR_CHANNEL_EVENT_ASSOCIATION,
  CALENDAR_EVENT_PARTICIPANT,
  CALENDAR_EVENT,
  CALENDAR_EVENT_TARGET,
  CALL_RECORDING,
  COMPANY,
  DASHBOARD,
  MESSAGE_CAMPAIGN,
  MESSAGE_LIST,
  MESSAGE_LIST_MEMBER,
  MESSAGE_CHANNEL_MESSAGE_ASSOCIATION,
  MESSAGE_CHANNEL_MESSAGE_ASSOCIATION_MESSAGE_FOLDER,
  MESSAGE_PARTICIPANT,
  MESSAGE_THREAD,
  MESSAGE_THREAD_TARGET,
  MESSAGE,
  NOTE,
  NOTE_TARGET,
  OPPORTUNITY,
  PERSON,
  RECORD_SHARE,
  TASK,
  TASK_TARGET,
  TIMELINE_ACTIVITY,
  WORKFLOW,
  WORKFLOW_AUTOMATED_TRIGGER,
  WORKFLOW_RUN,
  WORKFLOW_VERSION,
  WORKSPACE_MEMBER,
  AGENT_CHAT_THREAD,
  AGENT_CHAT_THREAD_TARGET,
  AGENT_TURN,
  AGENT_MESSAGE,
  AGENT_MESSAGE_PART,
  AGENT_TURN_EVALUATION,
  CAMPAIGN_DELIVERY,
  MESSAGE_SUPPRESSION,
];
