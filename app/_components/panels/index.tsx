"use client";
import type { ComponentType } from "react";
import { AgentsByClientPanelView } from "./agents-by-client";
import { AvailableCoachesPanelView } from "./available-coaches";
import { ClientOverviewPanelView } from "./client-overview";
import { DocumentEditPanelView } from "./document-edit";
import { DocumentTemplatesPanelView } from "./document-templates";
import { EidCardPanelView } from "./eid-card";
import { ExcerptPdfPanelView } from "./excerpt-pdf";
import { HandOverPanelView } from "./hand-over";
import { PollAnswersPanelView } from "./poll-answers";
import { PollResultsPanelView } from "./poll-results";
import { FindDatePanelView } from "./find-date";
import { SimilarClientsPanelView } from "./similar-clients";
import { TimelinePanelView } from "./timeline";
import { UploadFilePanelView } from "./upload-file";
import { UploadsSummaryPanelView } from "./uploads-summary";

/** The component of each detail panel, by the key the resource declares (server/resources/panels.ts loads the data). */
export const PANEL_COMPONENTS: Record<string, ComponentType<{ data: unknown }>> = {
  similarClients: SimilarClientsPanelView,
  eidCard: EidCardPanelView,
  clientOverview: ClientOverviewPanelView,
  uploadsSummary: UploadsSummaryPanelView,
  uploadFile: UploadFilePanelView,
  timeline: TimelinePanelView,
  documentTemplates: DocumentTemplatesPanelView,
  excerptPdf: ExcerptPdfPanelView,
  availableCoaches: AvailableCoachesPanelView,
  handOver: HandOverPanelView,
  findDate: FindDatePanelView,
  documentEdit: DocumentEditPanelView,
  agentsByClient: AgentsByClientPanelView,
  pollAnswers: PollAnswersPanelView,
  pollResults: PollResultsPanelView,
};
