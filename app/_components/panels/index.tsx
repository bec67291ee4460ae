"use client";
import type { ComponentType } from "react";
import { ClientOverviewPanelView } from "./client-overview";
import { DocumentEditPanelView } from "./document-edit";
import { DocumentTemplatesPanelView } from "./document-templates";
import { EidCardPanelView } from "./eid-card";
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
  documentEdit: DocumentEditPanelView,
};
