"use client";
import type { ComponentType } from "react";
import { RunAllCheckersButton } from "./run-all-checkers";

/** The table-wide toolbar buttons, by the key a resource declares in `toolbar` (server/resources/define.ts). */
export const TOOLBAR_COMPONENTS: Record<string, ComponentType> = {
  runAllCheckers: RunAllCheckersButton,
};
