// Wire shapes of the ICWS subset this product uses (../shared/icws/PROTOCOL.md). Types only: the client
// validates what it receives, the simulator produces these.

export interface IcwsErrorBody {
  errorId?: string;
  message: string;
  errorCode?: number;
  propertyName?: string;
  __type?: string;
}

export interface Feature {
  featureId: string;
  version: number;
}

export interface VersionInfo {
  majorVersion: number;
  minorVersion: number;
  su: number;
  build?: string;
  productId?: string;
  codebaseId?: string;
  productReleaseDisplayString?: string;
  productPatchDisplayString?: string;
}

export const IC_AUTH_TYPE = 'urn:inin.com:connection:icAuthConnectionRequestSettings';

export interface IcAuthConnectionRequest {
  __type: typeof IC_AUTH_TYPE;
  applicationName: string;
  userID: string;
  password: string;
}

/** 201 body of POST /icws/connection. */
export interface ConnectionResponse {
  sessionId: string;
  csrfToken: string;
  alternateHostList?: string[];
  userID?: string;
  userDisplayName?: string;
  icServer?: string;
  daysUntilPasswordExpiration?: number;
  version?: VersionInfo;
  features?: Feature[];
}

/** GET /icws/connection/features. */
export interface FeatureInfoList {
  featureInfoList: Feature[];
}

/** 503 body of POST /icws/connection during switchover. */
export interface AlternateHostsBody {
  errorId?: string;
  message?: string;
  alternateHostList: string[];
}

/** GET /icws/{sessionId}/connection. 0 none, 1 up, 2 down. */
export interface ConnectionSettings {
  connectionState: 0 | 1 | 2;
  reason?: string;
  shouldReconnect?: boolean;
}

export const HANDLER_REQUEST_TYPE = 'urn:inin.com:clientButtons:clientButtonHandlerRequest';

/** Body of POST /icws/{sessionId}/client-buttons/handler-action. interactionId is omitted, never null. */
export interface ClientButtonHandlerRequest {
  buttonId: string;
  interactionId?: string;
}

export interface MultiLanguageString {
  defaultValue?: string;
  multiLanguageValues?: { language: string; value: string }[];
}

export interface ConfigurationId {
  id: string;
  displayName?: string;
  uri?: string;
}

/** 0 Always, 1 WithActiveInteractionSelected, 2 WithInteractionSelected. */
export type ButtonAvailability = 0 | 1 | 2;
/** 0 All, 1 Call, 2 Iwebcallback, 3 Chat, 4 Email, 5 Generic, 6 Workitem, 7 Directmessage, 8 Socialconversation. */
export type ButtonInteractionType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** 0 queue toolbar, 1 interaction view. */
export type ButtonLocation = 0 | 1;

export interface ClientButton {
  configurationId: ConfigurationId;
  buttonText?: MultiLanguageString;
  description?: MultiLanguageString;
  iconUri?: string;
  action?: 0 | 1 | 2;
  localApplication?: string;
  availability?: ButtonAvailability;
  interactionTypes?: ButtonInteractionType[];
  locations?: ButtonLocation[];
  enabled?: boolean;
  deactivateAfterUse?: boolean;
  displayNotification?: boolean;
  notes?: string;
  customAttributes?: { name: string; value: string }[];
  createdDate?: string;
  lastModifiedDate?: string;
}

export interface QueueId {
  queueType: 0 | 1 | 2 | 3;
  queueName: string;
}

export interface QueueSubscriptionParameters {
  queueIds: QueueId[];
  attributeNames: string[];
}

export interface ConfigObjectSubscription {
  configurationIds: string[];
  properties: string[];
  rightsFilter?: string;
}

/** Interaction attribute values are always strings on the wire. */
export type Attributes = Record<string, string>;

export const QUEUE_CONTENTS_TYPE = 'urn:inin.com:queues:queueContentsMessage';
export const CLIENT_BUTTONS_MESSAGE_TYPE = 'urn:inin.com:configuration.people:clientButtonsMessage';
export const CONNECTION_STATE_CHANGE_TYPE = 'urn:inin.com:connection:connectionStateChangeMessage';

export interface QueueContentsMessage {
  __type: typeof QUEUE_CONTENTS_TYPE;
  isDelta: boolean;
  subscriptionId: string;
  interactionsAdded?: { interactionId: string; attributes: Attributes; conferenceParentId?: string }[];
  interactionsChanged?: { interactionId: string; attributes: Attributes }[];
  interactionsRemoved?: string[];
}

export interface ClientButtonsMessage {
  __type: typeof CLIENT_BUTTONS_MESSAGE_TYPE;
  isDelta: boolean;
  subscriptionId: string;
  added?: ClientButton[];
  changed?: ClientButton[];
  removed?: string[];
}

export interface ConnectionStateChangeMessage {
  __type: typeof CONNECTION_STATE_CHANGE_TYPE;
  isDelta: boolean;
  previousConnectionState: number;
  newConnectionState: number;
  reason: string;
  shouldReconnect?: boolean;
}

export type IcwsMessage = QueueContentsMessage | ClientButtonsMessage | ConnectionStateChangeMessage;
