/**
 * One demo proposal and everything that happened to it, as plain records that name units by key and
 * people by login. Built without a database (handling.ts), numbered (numbering.ts), then written (write.ts).
 */
import type {
  AssignmentRole,
  AssignmentState,
  CoOpinionState,
  ContactMethod,
  ContactReport,
  DisclosureMode,
  ProposalState,
  RequestState,
  ResultClass,
  Satisfaction,
  SessionKind,
  SignerRole,
  SignOffDecision,
} from "@/lib/domain";
import type { CategoryName } from "./reference";

/** Database ids of the reference rows, for event data. Units and sessions are named by their keys in the cast (reference.ts). */
export type Resolve = { unit(key: string): number; user(login: string): number };

export type EventRec = {
  action: string;
  actor: string | null;
  at: Date;
  from: ProposalState | null;
  to: ProposalState;
  comment: string | null;
  data: ((ids: Resolve) => Record<string, unknown>) | null;
};

export type NoticeRec = { user: string; kind: string; message: string; at: Date };

export type OpinionRec = {
  body: string;
  status: CoOpinionState;
  author: string;
  director: string | null;
  directorComment: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

type DecisionRec = { by: string; at: Date; comment: string };

type AdjustmentRec = {
  by: string;
  reason: string;
  suggested: string | null;
  decideBy: string;
  at: Date;
  status: RequestState;
  decision: DecisionRec | null;
};

export type ExtensionRec = {
  by: string;
  reason: string;
  requestedUntil: string;
  at: Date;
  status: RequestState;
  grantedUntil: string | null;
  decision: DecisionRec | null;
};

export type AssignmentRec = {
  unit: string;
  role: AssignmentRole;
  status: AssignmentState;
  handler: string | null;
  assignedOn: string;
  acceptDue: string;
  due: string;
  extendedDue: string | null;
  acceptedAt: Date | null;
  createdAt: Date;
  adjustment: AdjustmentRec | null;
  extension: ExtensionRec | null;
  opinion: OpinionRec | null;
};

type ContactRec = {
  round: number;
  contactedOn: string;
  method: ContactMethod;
  participants: string;
  summary: string;
  createdBy: string;
  createdAt: Date;
};

export type SignOffRec = {
  decision: SignOffDecision;
  comment: string | null;
  signer: string;
  signerName: string;
  signerTitle: string | null;
  at: Date;
};

export type DraftRec = {
  round: number;
  version: number;
  body: string;
  resultClass: ResultClass;
  contactPerson: string;
  contactPhone: string;
  disclosure: DisclosureMode;
  disclosureSummary: string | null;
  disclosureReason: string | null;
  author: string;
  createdAt: Date;
  signOff: SignOffRec | null;
};

export type PublicationRec = {
  status: "published" | "withheld";
  mode: DisclosureMode;
  publisher: string;
  publishedOn: string | null;
  summary: string | null;
  withheldReason: string | null;
  decidedBy: string;
  at: Date;
  /** Filled in by numbering.ts for published replies. */
  indexYear: number | null;
  indexSerial: number | null;
};

type ReceiptRec = {
  member: string;
  contactReport: ContactReport;
  attitude: Satisfaction;
  result: Satisfaction;
  opinion: string | null;
  onPaper: boolean;
  recordedBy: string;
  at: Date;
};

export type ReplyRec = {
  round: number;
  draft: DraftRec;
  unit: string;
  writtenOn: string;
  /** The reply deadline in force at sign-off. */
  replyDue: string;
  receiptDue: string;
  publicationDue: string;
  at: Date;
  docYear: number;
  /** Filled in by numbering.ts, in order of writtenOn. */
  docSerial: number;
  publication: PublicationRec | null;
  receipts: ReceiptRec[];
};

export type Story = {
  session: string;
  kind: SessionKind;
  number: number;
  title: string;
  body: string;
  category: CategoryName;
  isKey: boolean;
  isUrgent: boolean;
  wantsMeeting: boolean;
  status: ProposalState;
  round: number;
  receivedOn: string;
  assignedOn: string | null;
  closedReason: string | null;
  signers: { login: string; role: SignerRole }[];
  assignments: AssignmentRec[];
  contacts: ContactRec[];
  drafts: DraftRec[];
  replies: ReplyRec[];
  events: EventRec[];
  notices: NoticeRec[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
};
