import type { ReactNode } from "react";
import type { Registry } from "@/server/area";
import type { SessionUser } from "@/server/auth/session";
import type { Role, UserType } from "@/server/auth/user-types";
import type { Locale } from "@/server/i18n/locale";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** What a widget renders with: the centre, the user (the colleague acted for, if any), the language and every declaration. */
export interface WidgetCtx {
  handle: TenantHandle;
  user: SessionUser;
  locale: Locale;
  registry: Registry;
}

/**
 * A dashboard widget, declared once by its area: who may have it (any of `roles`), who sees it
 * without asking (`defaultFor`, all of them when absent) and how it renders (an async server component).
 */
export interface Widget {
  id: string;
  /** Message key of the widget's heading. */
  title: string;
  roles: Role[];
  defaultFor?: UserType[];
  render: (ctx: WidgetCtx) => Promise<ReactNode>;
}

export const defineWidget = (widget: Widget): Widget => widget;
