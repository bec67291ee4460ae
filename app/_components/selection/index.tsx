"use client";
import type { ComponentType } from "react";
import type { ResourceMeta } from "@/lib/resources";
import { PrintSelectionButton } from "./print-selection";

/** What a selection button is given: the list, its declared params and the ticked rows' ids. */
export type SelectionButtonProps = { meta: ResourceMeta; params: Record<string, string>; ids: number[] };

/** The buttons acting on ticked rows, by the key a resource declares in `selection` (server/resources/define.ts). */
export const SELECTION_COMPONENTS: Record<string, ComponentType<SelectionButtonProps>> = {
  printSelection: PrintSelectionButton,
};
