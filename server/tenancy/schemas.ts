import { z } from "zod";

/** zod shapes of control-plane values that procedures return. */
export const localizedTextSchema = z.object({
  fr: z.string(),
  nl: z.string().optional(),
  de: z.string().optional(),
  en: z.string().optional(),
});
export const tenantKindSchema = z.enum(["production", "training", "demo"]);
export const tenantStatusSchema = z.enum(["provisioning", "active", "suspended", "deleting"]);
export const availabilitySchema = z.enum(["served", "provisioning", "suspended", "maintenance"]);
