"use client";
import type { ComponentType } from "react";
import { ClientOverviewPanelView } from "./client-overview";
import { EidCardPanelView } from "./eid-card";
import { SimilarClientsPanelView } from "./similar-clients";

/** The component of each detail panel, by the key the resource declares (server/resources/panels.ts loads the data). */
export const PANEL_COMPONENTS: Record<string, ComponentType<{ data: unknown }>> = {
  similarClients: SimilarClientsPanelView,
  eidCard: EidCardPanelView,
  clientOverview: ClientOverviewPanelView,
};
